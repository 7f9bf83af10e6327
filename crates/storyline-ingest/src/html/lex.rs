//! A forgiving HTML tokenizer: start tags with attributes, end tags, and text.
//! Comments, doctypes and processing instructions are dropped; CDATA sections are
//! text; the contents of
//! `script`, `style`, `title` and `textarea` are raw text up to their end tag.
//! It never fails: whatever is not a tag is text, and every slice it takes ends on
//! an ASCII byte, so on a char boundary.

use std::borrow::Cow;

/// A tag's attributes: lower-cased names and entity-decoded values, borrowed from
/// the page where they need no change (most do not), so a tag costs no allocation.
pub(crate) type Attrs<'a> = Vec<(Cow<'a, str>, Cow<'a, str>)>;

/// One token of an HTML page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Token<'a> {
    /// `<name attr=value ...>`, name and attribute names lower-cased.
    Start {
        name: Cow<'a, str>,
        attrs: Attrs<'a>,
    },
    /// `</name>`.
    End { name: Cow<'a, str> },
    /// Text between tags, entities still encoded.
    Text(&'a str),
}

/// Elements whose content is raw text up to the matching end tag.
const RAW_TEXT: &[&str] = &["script", "style", "title", "textarea", "xmp"];

/// Iterates over the tokens of `src`.
pub(crate) struct Lexer<'a> {
    src: &'a str,
    pos: usize,
    raw_end: Option<String>,
}

impl<'a> Lexer<'a> {
    /// A lexer at the start of `src`.
    pub(crate) fn new(src: &'a str) -> Self {
        Lexer {
            src,
            pos: 0,
            raw_end: None,
        }
    }

    fn rest(&self) -> &'a str {
        self.src.get(self.pos..).unwrap_or("")
    }

    /// Raw text up to `</name` (case-insensitive), or to the end.
    fn raw_text(&mut self, name: &str) -> &'a str {
        let rest = self.rest();
        let bytes = rest.as_bytes();
        let closes = |at: usize| {
            bytes.get(at + 1) == Some(&b'/')
                && bytes
                    .get(at + 2..at + 2 + name.len())
                    .is_some_and(|n| n.eq_ignore_ascii_case(name.as_bytes()))
        };
        // Jump from `<` to `<` (a memchr search) rather than compare at every byte.
        let mut from = 0;
        let end = loop {
            match rest.get(from..).and_then(|r| r.find('<')) {
                Some(i) if closes(from + i) => break from + i,
                Some(i) => from += i + 1,
                None => break bytes.len(),
            }
        };
        self.pos += end;
        rest.get(..end).unwrap_or("")
    }

    /// Skips to just past the next `close` (or to the end).
    fn skip_past(&mut self, close: &str) {
        let rest = self.rest();
        self.pos += rest.find(close).map_or(rest.len(), |i| i + close.len());
    }

    fn tag_name(&mut self) -> Cow<'a, str> {
        let rest = self.rest();
        let end = rest
            .find(|c: char| c.is_ascii_whitespace() || c == '>' || c == '/')
            .unwrap_or(rest.len());
        self.pos += end;
        lower(rest.get(..end).unwrap_or(""))
    }

    fn attrs(&mut self) -> Attrs<'a> {
        let mut attrs = Vec::new();
        loop {
            let rest = self.rest();
            let skip = rest.len()
                - rest
                    .trim_start_matches(|c: char| c.is_ascii_whitespace() || c == '/')
                    .len();
            self.pos += skip;
            let rest = self.rest();
            if rest.is_empty() {
                return attrs;
            }
            if rest.starts_with('>') {
                self.pos += 1;
                return attrs;
            }
            let end = rest
                .find(|c: char| c.is_ascii_whitespace() || c == '=' || c == '>' || c == '/')
                .unwrap_or(rest.len())
                .max(1);
            let name = lower(rest.get(..end).unwrap_or(""));
            self.pos += end;
            let rest = self.rest();
            let after_ws = rest.trim_start_matches(|c: char| c.is_ascii_whitespace());
            let mut value = "";
            if let Some(v) = after_ws.strip_prefix('=') {
                let v = v.trim_start_matches(|c: char| c.is_ascii_whitespace());
                self.pos += rest.len() - v.len();
                value = self.attr_value();
            }
            attrs.push((name, super::entity::decode(value)));
        }
    }

    fn attr_value(&mut self) -> &'a str {
        let rest = self.rest();
        if let Some(q) = rest.chars().next().filter(|c| *c == '"' || *c == '\'') {
            let body = rest.get(1..).unwrap_or("");
            let end = body.find(q).unwrap_or(body.len());
            self.pos += 1 + end + usize::from(end < body.len());
            return body.get(..end).unwrap_or("");
        }
        let end = rest
            .find(|c: char| c.is_ascii_whitespace() || c == '>')
            .unwrap_or(rest.len());
        self.pos += end;
        rest.get(..end).unwrap_or("")
    }
}

/// `s` lower-cased (ASCII), borrowed when it already is.
fn lower(s: &str) -> Cow<'_, str> {
    if s.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(s.to_ascii_lowercase())
    } else {
        Cow::Borrowed(s)
    }
}

impl<'a> Iterator for Lexer<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        loop {
            if let Some(name) = self.raw_end.take() {
                let text = self.raw_text(&name);
                if !text.is_empty() {
                    return Some(Token::Text(text));
                }
            }
            let rest = self.rest();
            if rest.is_empty() {
                return None;
            }
            if !rest.starts_with('<') {
                let end = rest.find('<').unwrap_or(rest.len());
                self.pos += end;
                return Some(Token::Text(rest.get(..end).unwrap_or("")));
            }
            let b = rest.as_bytes();
            match b.get(1) {
                Some(b'!') if rest.starts_with("<!--") => self.skip_past("-->"),
                Some(b'!') if rest.starts_with("<![CDATA[") => {
                    let body = rest.get(9..).unwrap_or("");
                    let end = body.find("]]>").unwrap_or(body.len());
                    self.pos += 9 + (end + 3).min(body.len());
                    if end > 0 {
                        return Some(Token::Text(body.get(..end).unwrap_or("")));
                    }
                }
                Some(b'!' | b'?') => self.skip_past(">"),
                Some(b'/') if b.get(2).is_some_and(u8::is_ascii_alphabetic) => {
                    self.pos += 2;
                    let name = self.tag_name();
                    self.skip_past(">");
                    return Some(Token::End { name });
                }
                Some(c) if c.is_ascii_alphabetic() => {
                    self.pos += 1;
                    let name = self.tag_name();
                    let attrs = self.attrs();
                    if RAW_TEXT.contains(&&*name) {
                        self.raw_end = Some(name.to_string());
                    }
                    return Some(Token::Start { name, attrs });
                }
                _ => {
                    // A lone `<`: text up to the next `<` after it.
                    let end = rest
                        .get(1..)
                        .and_then(|r| r.find('<'))
                        .map_or(rest.len(), |i| i + 1);
                    self.pos += end;
                    return Some(Token::Text(rest.get(..end).unwrap_or("")));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn start(name: &'static str, attrs: &[(&'static str, &'static str)]) -> Token<'static> {
        Token::Start {
            name: name.into(),
            attrs: attrs
                .iter()
                .map(|(a, b)| (Cow::Borrowed(*a), Cow::Borrowed(*b)))
                .collect(),
        }
    }

    #[test]
    fn tokens() {
        let toks: Vec<Token> = Lexer::new(
            "<!DOCTYPE html><P Class=\"lead x\" data-x=1 hidden>a &amp; b<br/></p><!-- c --><script>if (a<b) {}</script>x < y",
        )
        .collect();
        assert_eq!(
            toks,
            vec![
                start("p", &[("class", "lead x"), ("data-x", "1"), ("hidden", "")]),
                Token::Text("a &amp; b"),
                start("br", &[]),
                Token::End { name: "p".into() },
                start("script", &[]),
                Token::Text("if (a<b) {}"),
                Token::End {
                    name: "script".into()
                },
                Token::Text("x "),
                Token::Text("< y"),
            ]
        );
    }

    #[test]
    fn unterminated_input_ends_cleanly() {
        for src in [
            "<p class=\"x",
            "<!-- open",
            "<a href='é",
            "<",
            "</",
            "<title>never closed",
            "é<é>",
        ] {
            let _ = Lexer::new(src).count();
        }
    }
}
