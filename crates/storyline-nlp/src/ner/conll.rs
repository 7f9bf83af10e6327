//! CoNLL-2003 format: reading, and scoring with exact spans as `conlleval` does.

use std::fmt::Write as _;

use super::labels::{chunks, parse, to_bilou, TRAINED_TYPES};

/// One sentence: words and their gold labels.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sentence {
    /// The tokens.
    pub words: Vec<String>,
    /// Gold labels, one per token (see [`super::labels`]).
    pub labels: Vec<u8>,
}

/// A document: the sentences between two `-DOCSTART-` lines.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Document {
    /// Its sentences.
    pub sentences: Vec<Sentence>,
}

impl Document {
    /// The words of every sentence.
    pub fn words(&self) -> Vec<&[String]> {
        self.sentences.iter().map(|s| s.words.as_slice()).collect()
    }
}

/// Reads CoNLL text: the first column is the token, the last the tag; blank lines end
/// sentences and `-DOCSTART-` lines end documents. Errors name the 1-based line.
pub fn read(text: &str) -> Result<Vec<Document>, String> {
    let mut docs = vec![Document::default()];
    let mut sent = Sentence::default();
    fn flush(docs: &mut [Document], sent: &mut Sentence) {
        if !sent.words.is_empty() {
            to_bilou(&mut sent.labels);
            if let Some(d) = docs.last_mut() {
                d.sentences.push(std::mem::take(sent));
            }
        }
    }
    for (n, line) in text.lines().enumerate() {
        let mut cols = line.split_whitespace();
        let Some(word) = cols.next() else {
            flush(&mut docs, &mut sent);
            continue;
        };
        if word == "-DOCSTART-" {
            flush(&mut docs, &mut sent);
            if docs.last().is_some_and(|d| !d.sentences.is_empty()) {
                docs.push(Document::default());
            }
            continue;
        }
        let tag = cols.last().unwrap_or("O");
        let label = parse(tag).ok_or_else(|| format!("line {}: unknown tag {tag:?}", n + 1))?;
        sent.words.push(word.to_string());
        sent.labels.push(label);
    }
    flush(&mut docs, &mut sent);
    docs.retain(|d| !d.sentences.is_empty());
    Ok(docs)
}

/// Span counts per trained type: correct, predicted, gold.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scores {
    /// `[correct, predicted, gold]` per type of [`TRAINED_TYPES`].
    pub per_type: [[usize; 3]; 4],
}

fn prf(c: usize, p: usize, g: usize) -> (f64, f64, f64) {
    let pr = if p == 0 { 0.0 } else { c as f64 / p as f64 };
    let re = if g == 0 { 0.0 } else { c as f64 / g as f64 };
    let f = if pr + re == 0.0 {
        0.0
    } else {
        2.0 * pr * re / (pr + re)
    };
    (100.0 * pr, 100.0 * re, 100.0 * f)
}

impl Scores {
    /// Adds one sentence's gold and predicted labels.
    pub fn add(&mut self, gold: &[u8], pred: &[u8]) {
        let g = chunks(gold);
        let p = chunks(pred);
        for c in &g {
            self.per_type[c.ty][2] += 1;
        }
        for c in &p {
            self.per_type[c.ty][1] += 1;
            if g.binary_search(c).is_ok() {
                self.per_type[c.ty][0] += 1;
            }
        }
    }

    /// Overall precision, recall and F1, in percent.
    pub fn overall(&self) -> (f64, f64, f64) {
        let s = self
            .per_type
            .iter()
            .fold([0; 3], |a, x| [a[0] + x[0], a[1] + x[1], a[2] + x[2]]);
        prf(s[0], s[1], s[2])
    }

    /// A per-type table ending in the line `overall P=… R=… F1=…` (percent).
    pub fn report(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{:<6} {:>7} {:>7} {:>7} {:>6} {:>6}",
            "type", "P", "R", "F1", "pred", "gold"
        );
        for (t, [c, p, g]) in TRAINED_TYPES.iter().zip(self.per_type) {
            let (pr, re, f) = prf(c, p, g);
            let _ = writeln!(out, "{t:<6} {pr:>7.2} {re:>7.2} {f:>7.2} {p:>6} {g:>6}");
        }
        let (p, r, f) = self.overall();
        let _ = write!(out, "overall P={p:.2} R={r:.2} F1={f:.2}");
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "-DOCSTART- -X- -X- O\n\nOlena NNP B-NP B-PER\nKovalenko NNP I-NP I-PER\nvisited VBD B-VP O\nOdesa NNP B-NP B-LOC\n. . O O\n\nShe PRP B-NP O\nleft VBD B-VP O\n\n-DOCSTART- -X- -X- O\n\nKyivstar NNP B-NP B-ORG\n";

    #[test]
    fn reads_documents_and_sentences() {
        let docs = read(TEXT).unwrap();
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].sentences.len(), 2);
        assert_eq!(docs[0].sentences[0].words[3], "Odesa");
        assert!(read("word B-PLANET\n").unwrap_err().starts_with("line 1"));
    }

    #[test]
    fn scores_exact_spans() {
        let docs = read(TEXT).unwrap();
        let gold = &docs[0].sentences[0].labels;
        let mut pred = gold.clone();
        pred[1] = 0; // "Kovalenko" dropped: the PER span is no longer exact
        let mut s = Scores::default();
        s.add(gold, &pred);
        let (p, r, f) = s.overall();
        assert_eq!((p, r), (50.0, 50.0));
        assert!((f - 50.0).abs() < 1e-9);
        assert!(s.report().ends_with("overall P=50.00 R=50.00 F1=50.00"));
    }
}
