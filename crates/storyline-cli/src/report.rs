//! The human report of `storyline analyze`.

use std::fmt::Write;

use storyline_model::{Article, Hedge};
use storyline_pipeline::Output;

fn clip(s: &str, n: usize) -> String {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.chars().count() <= n {
        s
    } else {
        let mut t: String = s.chars().take(n.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}

fn article(w: &mut String, a: &Article) {
    let title = a.title.clone().unwrap_or_else(|| clip(&a.text, 70));
    let _ = writeln!(w, "■ {title}");
    let date = a
        .date
        .map(|d| d.to_string())
        .unwrap_or_else(|| "undated".into());
    let _ = writeln!(
        w,
        "  {} · {} · {} · {} words",
        a.path,
        date,
        a.lang,
        a.tokens.len()
    );
    if let Some(d) = &a.duplicate_of {
        let _ = writeln!(w, "  near-duplicate of {d}");
    }
    if !a.mentions.is_empty() {
        let mut names: Vec<String> = a
            .mentions
            .iter()
            .map(|m| format!("{} ({})", a.slice(m.span), m.kind.as_str()))
            .collect();
        names.dedup();
        let _ = writeln!(w, "  entities: {}", clip(&names.join(", "), 300));
    }
    for q in &a.quotes {
        let who = q.speaker_name.as_deref().unwrap_or("?");
        let _ = writeln!(w, "  quote  {who}: {}", clip(a.slice(q.span), 90));
    }
    for c in &a.claims {
        let what = c.counted.as_deref().or(c.unit.as_deref()).unwrap_or("");
        let place = c
            .place
            .as_deref()
            .map(|p| format!(" in {p}"))
            .unwrap_or_default();
        let derived = if c.derived_from.is_empty() {
            ""
        } else {
            ", derived"
        };
        let _ = writeln!(
            w,
            "  claim  “{}” {what}{place} ({}{derived}, per {})",
            clip(a.slice(c.span), 60),
            hedge_name(c.hedge),
            c.source_name
        );
    }
    for t in &a.timexes {
        let _ = writeln!(w, "  time   {} → {}", a.slice(t.span), t.value);
    }
}

fn hedge_name(h: Hedge) -> &'static str {
    match h {
        Hedge::Exact => "exact",
        Hedge::Approx => "approx",
        Hedge::UpTo => "up to",
        Hedge::AtLeast => "at least",
        Hedge::MoreThan => "more than",
        Hedge::LessThan => "less than",
        Hedge::Range => "range",
    }
}

/// Renders the run as text for a terminal.
pub fn render(out: &Output) -> String {
    let mut w = String::new();
    let _ = writeln!(
        w,
        "{} articles · {} entities · {} stories\n",
        out.articles.len(),
        out.entities.len(),
        out.stories.len()
    );
    for s in &out.stories {
        let _ = writeln!(w, "story: {} ({} articles)", s.title, s.articles.len());
    }
    if !out.stories.is_empty() {
        w.push('\n');
    }
    for a in &out.articles {
        article(&mut w, a);
        w.push('\n');
    }
    w
}
