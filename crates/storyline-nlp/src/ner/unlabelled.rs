//! Unlabelled text for word counts and word clusters: plain text, TimeML documents and
//! token-annotated XML, turned into sentences of tokens the way the pipeline tokenises
//! (plain text goes through [`crate::segment`], so the clusters see the tokens the tagger
//! will see).

/// What a file holds, by its extension; `None` for files that are not read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextKind {
    /// Plain text (`.txt`).
    Plain,
    /// TimeML (`.tml`): the text inside `<TEXT>`, tags removed.
    TimeMl,
    /// XML with one `<token … sentence="n">word</token>` element per token (`.xml`).
    TokenXml,
}

impl TextKind {
    /// The kind of a file named `name`.
    pub fn of(name: &str) -> Option<TextKind> {
        let ext = name.rsplit_once('.')?.1;
        match ext {
            "txt" => Some(TextKind::Plain),
            "tml" => Some(TextKind::TimeMl),
            "xml" => Some(TextKind::TokenXml),
            _ => None,
        }
    }
}

/// The sentences of a file's text, as tokens.
pub fn sentences(kind: TextKind, text: &str) -> Vec<Vec<String>> {
    match kind {
        TextKind::Plain => segmented(text),
        TextKind::TimeMl => {
            let body = text
                .split_once("<TEXT>")
                .map(|(_, rest)| rest.split_once("</TEXT>").map_or(rest, |(b, _)| b))
                .unwrap_or("");
            segmented(&strip_tags(body))
        }
        TextKind::TokenXml => xml_tokens(text),
    }
}

fn segmented(text: &str) -> Vec<Vec<String>> {
    let seg = crate::segment::segment(text, "en");
    seg.sentences
        .iter()
        .map(|s| {
            seg.tokens
                .get(s.tokens.clone())
                .unwrap_or(&[])
                .iter()
                .map(|t| t.span.slice(text).to_string())
                .filter(|t| !t.is_empty())
                .collect::<Vec<_>>()
        })
        .filter(|s| !s.is_empty())
        .collect()
}

/// Removes `<…>` tags and decodes the five XML entities.
pub fn strip_tags(xml: &str) -> String {
    let mut out = String::with_capacity(xml.len());
    let mut rest = xml;
    while let Some(i) = rest.find('<') {
        out.push_str(rest.get(..i).unwrap_or(""));
        rest = match rest.get(i..).and_then(|r| r.find('>').map(|j| (r, j))) {
            Some((r, j)) => r.get(j + 1..).unwrap_or(""),
            None => "",
        };
    }
    out.push_str(rest);
    decode_entities(&out)
}

fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// Tokens of `<token … sentence="n">word</token>` elements, grouped by sentence number.
fn xml_tokens(xml: &str) -> Vec<Vec<String>> {
    let mut out: Vec<Vec<String>> = Vec::new();
    let mut last: Option<&str> = None;
    let mut rest = xml;
    while let Some(i) = rest.find("<token ") {
        let Some(after) = rest.get(i..) else { break };
        let Some(close) = after.find('>') else { break };
        let head = after.get(..close).unwrap_or("");
        let body = after.get(close + 1..).unwrap_or("");
        let Some(end) = body.find("</token>") else {
            break;
        };
        let word = decode_entities(body.get(..end).unwrap_or("").trim());
        let sent = head
            .split_once("sentence=\"")
            .and_then(|(_, r)| r.split_once('"'))
            .map(|(n, _)| n);
        if out.is_empty() || sent != last {
            out.push(Vec::new());
            last = sent;
        }
        if let (Some(s), false) = (out.last_mut(), word.is_empty()) {
            s.push(word);
        }
        rest = body.get(end..).unwrap_or("");
    }
    out.retain(|s| !s.is_empty());
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn timeml_text_is_read_without_tags() {
        let tml = "<TimeML><DOCID>x</DOCID><TEXT>\nThe mayor of Lviv <EVENT eid=\"e1\">said</EVENT> \
                   on <TIMEX3 tid=\"t1\">Monday</TIMEX3> that Smith &amp; Co left.\n</TEXT></TimeML>";
        let s = sentences(TextKind::TimeMl, tml);
        assert_eq!(s.len(), 1);
        assert_eq!(
            s[0].join(" "),
            "The mayor of Lviv said on Monday that Smith & Co left ."
        );
    }

    #[test]
    fn token_xml_is_grouped_by_sentence() {
        let xml = "<Document><token number=\"0\" sentence=\"0\" t_id=\"1\">Ferries</token>\
                   <token number=\"1\" sentence=\"0\" t_id=\"2\">stopped</token>\
                   <token number=\"2\" sentence=\"1\" t_id=\"3\">Ports</token>\
                   <token number=\"3\" sentence=\"1\" t_id=\"4\">reopened</token></Document>";
        let s = sentences(TextKind::TokenXml, xml);
        assert_eq!(
            s,
            vec![vec!["Ferries", "stopped"], vec!["Ports", "reopened"]]
        );
    }

    #[test]
    fn plain_text_is_segmented_like_the_pipeline() {
        let s = sentences(TextKind::Plain, "Kyiv's mayor spoke. Crowds gathered.");
        assert_eq!(s[0], vec!["Kyiv", "'s", "mayor", "spoke", "."]);
        assert_eq!(s.len(), 2);
        assert_eq!(TextKind::of("a/b.tml"), Some(TextKind::TimeMl));
        assert_eq!(TextKind::of("notes.ann"), None);
    }

    proptest! {
        #[test]
        fn any_text_is_read_without_panic(text in ".{0,200}") {
            for kind in [TextKind::Plain, TextKind::TimeMl, TextKind::TokenXml] {
                for s in sentences(kind, &text) {
                    prop_assert!(!s.is_empty());
                }
            }
            let _ = strip_tags(&text);
        }
    }
}
