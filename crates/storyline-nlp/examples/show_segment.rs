//! Prints how a file is normalised and segmented: one line per sentence, tokens separated by
//! `|`, boilerplate marked with `#`.
//!
//! ```text
//! cargo run -p storyline-nlp --example show_segment -- FILE [LANG]
//! ```

use storyline_nlp::{lang, normalize, segment};

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: show_segment FILE [LANG]");
        std::process::exit(2);
    };
    let raw = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    let n = normalize::normalize(&raw);
    let code = args
        .next()
        .unwrap_or_else(|| lang::identify(&n.text).unwrap_or("und").to_string());
    let seg = segment::segment(&n.text, &code);
    println!(
        "lang {code}; {} paragraphs, {} sentences, {} tokens",
        seg.paragraphs.len(),
        seg.sentences.len(),
        seg.tokens.len()
    );
    for s in &seg.sentences {
        let toks: Vec<&str> = seg.tokens[s.tokens.clone()]
            .iter()
            .map(|t| t.span.slice(&n.text))
            .collect();
        let mark = if s.boilerplate { '#' } else { ' ' };
        println!("{mark}{:>3} {}", s.paragraph, toks.join("|"));
    }
}
