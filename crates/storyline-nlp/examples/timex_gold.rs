//! Scores the time-expression tagger on the multilingual gold in `tests/gold/timex/`.
//!
//! `cargo run -p storyline-nlp --example timex_gold` prints P/R/F1 per language and overall.

use std::collections::BTreeMap;

use storyline_model::Date;
use storyline_nlp::timex::{self, timeml::Counts};

const GOLD: &str = include_str!("../../../tests/gold/timex/articles.jsonl");

fn main() {
    let mut by_lang: BTreeMap<String, Counts> = BTreeMap::new();
    for line in GOLD.lines().filter(|l| !l.trim().is_empty()) {
        let v: serde_json::Value = serde_json::from_str(line).expect("valid gold line");
        let lang = v["lang"].as_str().unwrap_or("und").to_string();
        let text = v["text"].as_str().unwrap_or("");
        let date = v["date"].as_str().and_then(Date::parse);
        let gold: Vec<(String, String)> = v["timexes"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|t| {
                let s = |k: &str| t[k].as_str().unwrap_or("").to_string();
                (s("text"), s("value"))
            })
            .collect();
        let pred = timex::extract_with(text, &lang, date);
        let c = timex::score_gold(text, &gold, &pred);
        for (t, v) in &gold {
            if !pred.iter().any(|p| {
                p.value == *v
                    && text
                        .get(p.span.start..p.span.end)
                        .is_some_and(|s| s.contains(t.as_str()) || t.contains(s))
            }) {
                println!("missed [{lang}] {t:?} = {v}");
            }
        }
        by_lang.entry(lang).or_default().add(c);
    }
    let mut all = Counts::default();
    for (lang, c) in &by_lang {
        let (p, r, f) = c.prf();
        println!(
            "{lang}  P={p:.3} R={r:.3} F1={f:.3}  ({} gold, {} predicted)",
            c.gold, c.predicted
        );
        all.add(*c);
    }
    let (p, r, f) = all.prf();
    println!("overall P={p:.3} R={r:.3} F1={f:.3}");
}
