//! Reading and writing TimeML (TempEval-3 `.tml` files), and scoring tagged time
//! expressions against it. Parsing only: the caller reads and writes the files.

use storyline_model::{Date, Span, Timex};

/// A TimeML document: its text (the content of `<TEXT>`, tags removed), its creation time,
/// and the annotated `TIMEX3`s.
#[derive(Debug, Clone, Default)]
pub struct Document {
    /// The text, entities decoded.
    pub text: String,
    /// The document creation time (the `TIMEX3` with `functionInDocument="CREATION_TIME"`).
    pub dct: Option<Date>,
    /// The gold time expressions, spans into `text`.
    pub timexes: Vec<Timex>,
}

/// The value of attribute `name` in the inside of a tag (`TIMEX3 tid="t1" value="..."`).
fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let pat = format!("{name}=\"");
    let mut from = 0;
    while let Some(p) = tag.get(from..)?.find(&pat) {
        let at = from + p;
        let ok = at == 0 || tag[..at].ends_with(char::is_whitespace);
        let rest = tag.get(at + pat.len()..)?;
        if ok {
            return rest.find('"').and_then(|e| rest.get(..e));
        }
        from = at + pat.len();
    }
    None
}

fn decode(s: &str, out: &mut String) {
    let mut rest = s;
    while let Some(p) = rest.find('&') {
        out.push_str(&rest[..p]);
        let tail = &rest[p..];
        let ent = [
            ("&amp;", '&'),
            ("&lt;", '<'),
            ("&gt;", '>'),
            ("&quot;", '"'),
            ("&apos;", '\''),
        ]
        .iter()
        .find(|(e, _)| tail.starts_with(e));
        match ent {
            Some((e, c)) => {
                out.push(*c);
                rest = &tail[e.len()..];
            }
            None => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
}

/// Parses a TimeML document. Unknown tags are dropped; a document without `<TEXT>` has
/// empty text.
pub fn parse(src: &str) -> Document {
    let mut doc = Document::default();
    // The creation time, wherever it is.
    let mut from = 0;
    while let Some(p) = src.get(from..).and_then(|s| s.find("<TIMEX3")) {
        let at = from + p;
        let end = src[at..].find('>').map_or(src.len(), |e| at + e);
        let tag = &src[at + 1..end];
        if attr(tag, "functionInDocument") == Some("CREATION_TIME") {
            doc.dct = attr(tag, "value")
                .and_then(|v| v.get(..10))
                .and_then(Date::parse);
            break;
        }
        from = end;
    }
    let body = match (src.find("<TEXT>"), src.find("</TEXT>")) {
        (Some(a), Some(b)) if b > a => &src[a + 6..b],
        _ => return doc,
    };
    let mut open: Option<(usize, String, String)> = None;
    let mut rest = body;
    while let Some(p) = rest.find('<') {
        decode(&rest[..p], &mut doc.text);
        let Some(e) = rest[p..].find('>') else {
            rest = "";
            break;
        };
        let tag = &rest[p + 1..p + e];
        if tag.starts_with("TIMEX3") {
            let value = attr(tag, "value").unwrap_or("").to_string();
            let kind = attr(tag, "type").unwrap_or("DATE").to_string();
            open = Some((doc.text.len(), value, kind));
        } else if tag.starts_with("/TIMEX3") {
            if let Some((s, value, kind)) = open.take() {
                doc.timexes.push(Timex {
                    span: Span::new(s, doc.text.len()),
                    value,
                    kind,
                });
            }
        }
        rest = &rest[p + e + 1..];
    }
    decode(rest, &mut doc.text);
    doc
}

fn escape(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            _ => out.push(c),
        }
    }
}

/// Writes a TimeML document with `timexes` (spans into `doc.text`) as its `TIMEX3` tags.
pub fn write(docid: &str, doc: &Document, timexes: &[Timex]) -> String {
    let mut out = String::from("<?xml version=\"1.0\" ?>\n<TimeML>\n<DOCID>");
    escape(docid, &mut out);
    out.push_str("</DOCID>\n");
    if let Some(d) = doc.dct {
        out.push_str(&format!(
            "<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"{d}\" temporalFunction=\"false\" functionInDocument=\"CREATION_TIME\">{d}</TIMEX3></DCT>\n"
        ));
    }
    out.push_str("<TEXT>");
    let mut at = 0;
    for (k, t) in timexes.iter().enumerate() {
        let (Some(before), Some(inner)) = (
            doc.text.get(at..t.span.start),
            doc.text.get(t.span.start..t.span.end),
        ) else {
            continue;
        };
        escape(before, &mut out);
        out.push_str(&format!(
            "<TIMEX3 tid=\"t{}\" type=\"{}\" value=\"",
            k + 1,
            t.kind
        ));
        escape(&t.value, &mut out);
        out.push_str("\">");
        escape(inner, &mut out);
        out.push_str("</TIMEX3>");
        at = t.span.end;
    }
    escape(doc.text.get(at..).unwrap_or(""), &mut out);
    out.push_str("</TEXT>\n</TimeML>\n");
    out
}

/// Counts for precision and recall: matches among predictions and among gold items.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Matched predictions (true positives).
    pub tp: usize,
    /// Predictions.
    pub predicted: usize,
    /// Gold items.
    pub gold: usize,
}

impl Counts {
    /// Adds another document's counts.
    pub fn add(&mut self, o: Counts) {
        self.tp += o.tp;
        self.predicted += o.predicted;
        self.gold += o.gold;
    }

    /// Precision, recall and F1.
    pub fn prf(&self) -> (f64, f64, f64) {
        crate::metrics::prf(self.tp, self.predicted, self.gold)
    }
}

/// The three TempEval-3 scores of one document.
#[derive(Debug, Clone, Copy, Default)]
pub struct Scores {
    /// Exact extents.
    pub strict: Counts,
    /// Overlapping extents.
    pub relaxed: Counts,
    /// Equal values on overlapping extents.
    pub value: Counts,
}

/// Scores predictions against gold: each gold item matches at most one prediction.
pub fn score(gold: &[Timex], pred: &[Timex]) -> Scores {
    let n = |tp| Counts {
        tp,
        predicted: pred.len(),
        gold: gold.len(),
    };
    let strict = gold
        .iter()
        .filter(|g| pred.iter().any(|p| p.span == g.span))
        .count();
    let mut used = vec![false; pred.len()];
    let (mut relaxed, mut value) = (0, 0);
    for g in gold {
        let hit = pred
            .iter()
            .enumerate()
            .find(|(i, p)| !used[*i] && p.span.overlaps(&g.span));
        if let Some((i, p)) = hit {
            used[i] = true;
            relaxed += 1;
            if p.value == g.value {
                value += 1;
            }
        }
    }
    Scores {
        strict: n(strict),
        relaxed: n(relaxed),
        value: n(value),
    }
}
