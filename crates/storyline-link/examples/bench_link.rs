//! Scaling benchmark of the corpus stages on a synthetic corpus.
//!
//!     cargo run --release -p storyline-link --example bench_link -- 100000 1000000
//!
//! Generates N articles (deterministic): stories of a few dozen articles each over a
//! year, each article a few sentences drawn from its story's vocabulary plus common
//! words, entity mentions from the story's cast, and one wire copy in twenty repeated by
//! another outlet. Prints the CPU time of `storyline_link::link` (one thread) and the
//! peak memory.

use std::time::Instant;

use storyline_model::{Article, Date, EntityType, Mention, Span};

/// The allocator of the `storyline` command, so the figures are those users get.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn word(i: usize) -> String {
    // Pronounceable synthetic words: a vocabulary of any size.
    const SYL: [&str; 16] = [
        "ka", "lo", "mi", "ran", "te", "su", "vo", "ne", "dri", "pa", "gu", "shi", "mo", "ter",
        "bel", "zo",
    ];
    let mut w = String::new();
    let mut x = i + 17;
    while x > 0 {
        w.push_str(SYL[x % 16]);
        x /= 16;
    }
    w
}

fn corpus(n: usize) -> Vec<Article> {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let stories = (n / 30).max(1);
    let start = Date::new(2024, 1, 1).unwrap();
    let mut out: Vec<Article> = Vec::with_capacity(n);
    for i in 0..n {
        if i % 20 == 19 {
            // A wire copy carried again by another outlet.
            let mut copy = out[i - 1].clone();
            copy.id = format!("a{i}");
            copy.text.push_str(" Share this article.");
            out.push(copy);
            continue;
        }
        let s = rng.below(stories);
        let day = (s * 365 / stories + rng.below(5)) as i64;
        let mut text = String::new();
        let mut mentions = Vec::new();
        for _ in 0..6 {
            let person = format!(
                "{} {}",
                cap(&word(s * 7 + rng.below(3))),
                cap(&word(s * 11 + 1))
            );
            let st = text.len();
            text.push_str(&person);
            mentions.push(Mention {
                span: Span::new(st, text.len()),
                kind: EntityType::Person,
                entity: None,
                resolved: false,
                role: None,
            });
            text.push_str(" said");
            for _ in 0..12 {
                text.push(' ');
                let w = if rng.below(3) == 0 {
                    word(100_000 + s * 40 + rng.below(40))
                } else {
                    word(rng.below(2000))
                };
                text.push_str(&w);
            }
            text.push_str(&format!(" {} people. ", 1000 + rng.below(50) * 100));
        }
        out.push(Article {
            id: format!("a{i}"),
            lang: "en".into(),
            date: Some(start.add_days(day)),
            body: Span::new(0, text.len()),
            text,
            mentions,
            ..Default::default()
        });
    }
    out
}

fn cap(w: &str) -> String {
    let mut c = w.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

fn peak_rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        })
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

/// CPU seconds this process has used (user + system), from /proc: the other programs on
/// a shared machine do not inflate it the way they inflate wall time.
fn cpu_secs() -> f64 {
    std::fs::read_to_string("/proc/self/stat")
        .ok()
        .and_then(|s| {
            let rest = s.rsplit(')').next()?.to_string();
            let f: Vec<&str> = rest.split_whitespace().collect();
            Some((f.get(11)?.parse::<f64>().ok()? + f.get(12)?.parse::<f64>().ok()?) / 100.0)
        })
        .unwrap_or(f64::NAN)
}

fn main() {
    let sizes: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let sizes = if sizes.is_empty() {
        vec![10_000, 100_000]
    } else {
        sizes
    };
    let mut last: Option<(usize, f64)> = None;
    for n in sizes {
        let mut arts = corpus(n);
        let t = Instant::now();
        let cpu = cpu_secs();
        let c = if std::env::var_os("STAGES").is_some() {
            let t0 = cpu_secs();
            let d = storyline_link::dedup::near_duplicates(&arts);
            let t1 = cpu_secs();
            let e = storyline_link::resolve::resolve(&mut arts);
            let t2 = cpu_secs();
            let s = storyline_link::stories::cluster(&arts, &d);
            let t3 = cpu_secs();
            eprintln!(
                "  stages: dedup {:.2} s, resolve {:.2} s, stories {:.2} s",
                t1 - t0,
                t2 - t1,
                t3 - t2
            );
            storyline_link::Corpus {
                entities: e,
                stories: s,
            }
        } else {
            storyline_link::link(&mut arts)
        };
        let wall = t.elapsed().as_secs_f64();
        let secs = cpu_secs() - cpu;
        let dups = arts.iter().filter(|a| a.duplicate_of.is_some()).count();
        print!(
            "link {n:>9} articles: {secs:8.2} s CPU ({wall:.2} s wall), {:>9.0} articles/s, {} stories, {} entities, {dups} duplicates, peak RSS {:.0} MB",
            n as f64 / secs,
            c.stories.len(),
            c.entities.len(),
            peak_rss_mb()
        );
        if let Some((m, s)) = last {
            print!(
                ", {:.1}x the articles in {:.1}x the time",
                n as f64 / m as f64,
                secs / s
            );
        }
        println!();
        last = Some((n, secs));
    }
}
