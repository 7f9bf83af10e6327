//! Prints the entity mentions the built-in model finds in a plain-text file, one sentence
//! per line, with a simple tokeniser (spaces, edge punctuation, possessive `'s`).
//!
//! ```text
//! cargo run --release -p storyline-nlp --example ner_text -- ARTICLE.txt
//! ```

use storyline_model::{Article, Sentence, Span, Token, TokenKind};
use storyline_nlp::ner::Tagger;

fn tokens(text: &str, base: usize, out: &mut Vec<Token>) {
    let mut i = 0;
    let b = text.as_bytes();
    while i < text.len() {
        if b[i].is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let end = text[i..]
            .find(|c: char| c.is_whitespace())
            .map_or(text.len(), |e| i + e);
        let word = &text[i..end];
        if word.starts_with('@') || word.starts_with("http") {
            out.push(Token {
                span: Span::new(base + i, base + end),
                kind: TokenKind::Symbol,
            });
            i = end;
            continue;
        }
        // Split leading and trailing punctuation and a final possessive.
        let lead = word.len()
            - word
                .trim_start_matches(|c: char| !c.is_alphanumeric())
                .len();
        let mut core_end = word
            .trim_end_matches(|c: char| !c.is_alphanumeric())
            .len()
            .max(lead);
        // Abbreviations keep their final dot ("U.S.").
        if word[lead..core_end].contains('.') && word[core_end..].starts_with('.') {
            core_end += 1;
        }
        let mut marks = vec![0];
        for (k, c) in word[..lead].char_indices() {
            marks.push(k + c.len_utf8());
        }
        if core_end > lead {
            let core = &word[lead..core_end];
            let poss = ["'s", "’s"]
                .iter()
                .find(|p| core.len() > p.len() && core.ends_with(*p));
            if let Some(p) = poss {
                marks.push(core_end - p.len());
            }
            marks.push(core_end);
        }
        for (k, c) in word[core_end.max(lead)..].char_indices() {
            marks.push(core_end.max(lead) + k + c.len_utf8());
        }
        marks.dedup();
        for w in marks.windows(2) {
            if w[0] < w[1] {
                out.push(Token {
                    span: Span::new(base + i + w[0], base + i + w[1]),
                    kind: TokenKind::Word,
                });
            }
        }
        i = end;
    }
}

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: ner_text FILE");
        std::process::exit(2);
    };
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        eprintln!("ner_text: reading {path}: {e}");
        std::process::exit(2);
    });
    let mut a = Article {
        text: text.clone(),
        body: Span::new(0, text.len()),
        ..Article::default()
    };
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let first = a.tokens.len();
        tokens(line, offset, &mut a.tokens);
        a.sentences.push(Sentence {
            span: Span::new(offset, offset + line.len()),
            tokens: first..a.tokens.len(),
            paragraph: 0,
            boilerplate: false,
        });
        offset += line.len();
    }
    let tagger = Tagger::embedded().unwrap_or_else(|e| {
        eprintln!("ner_text: {e}");
        std::process::exit(2);
    });
    for m in tagger.tag(&a) {
        match &m.role {
            Some(r) => println!("{}\t{}\t({r})", m.kind.as_str(), a.slice(m.span)),
            None => println!("{}\t{}", m.kind.as_str(), a.slice(m.span)),
        }
    }
}
