//! Properties of normalisation and segmentation on arbitrary text.

use proptest::prelude::*;
use storyline_model::{Span, TokenKind};
use storyline_nlp::{lang, normalize::normalize, segment::segment};
use unicode_normalization::UnicodeNormalization;

/// Text that looks a little like news: words, numbers, punctuation, quotes, line breaks,
/// and some characters from other scripts.
fn newsish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        "[A-Z][a-z]{0,8}",
        "[a-z]{1,8}",
        "[0-9]{1,4}([.,' ][0-9]{3})?",
        Just(". ".to_string()),
        Just(", ".to_string()),
        Just("U.S.".to_string()),
        Just("Oct.".to_string()),
        Just("'s".to_string()),
        Just("n't".to_string()),
        Just("“".to_string()),
        Just("”".to_string()),
        Just("\"".to_string()),
        Just("—".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just("https://a.b/c".to_string()),
        Just("@h_1".to_string()),
        Just("#tag".to_string()),
        Just("x@y.z".to_string()),
        Just("。".to_string()),
        "[а-яіїєґ]{1,6}",
        "[\u{4e00}-\u{4e20}\u{3041}-\u{3050}]{1,4}",
        "[ \t\u{a0}\u{200b}]{1,3}",
        "\\PC",
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.join(" "))
}

fn check_segmentation(text: &str, lang: &str) -> Result<(), TestCaseError> {
    let seg = segment(text, lang);
    let valid = |s: &Span| s.is_valid_in(text) && !s.is_empty();
    // Paragraphs: valid, ordered, disjoint.
    for w in seg.paragraphs.windows(2) {
        prop_assert!(w[0].end <= w[1].start);
    }
    for p in &seg.paragraphs {
        prop_assert!(valid(p));
    }
    // Tokens: valid, ordered, disjoint, no whitespace (but the spaces of `3 000`).
    for w in seg.tokens.windows(2) {
        prop_assert!(w[0].span.end <= w[1].span.start);
    }
    for t in &seg.tokens {
        prop_assert!(valid(&t.span), "token {:?}", t);
        let s = t.span.slice(text);
        if t.kind == TokenKind::Number {
            let bytes: Vec<char> = s.chars().collect();
            for (i, c) in bytes.iter().enumerate() {
                if c.is_whitespace() {
                    let between = i > 0
                        && bytes[i - 1].is_ascii_digit()
                        && bytes.get(i + 1).is_some_and(|n| n.is_ascii_digit());
                    prop_assert!(between, "space in number {s:?}");
                }
            }
        } else {
            prop_assert!(!s.chars().any(char::is_whitespace), "whitespace in {s:?}");
        }
    }
    // Sentences: valid, ordered, inside their paragraph, covering all tokens in order.
    let mut next_token = 0;
    for (i, s) in seg.sentences.iter().enumerate() {
        prop_assert!(valid(&s.span));
        prop_assert!(s.tokens.start == next_token && s.tokens.end > s.tokens.start);
        next_token = s.tokens.end;
        let p = seg.paragraphs.get(s.paragraph).copied();
        prop_assert!(p.is_some_and(|p| p.contains(&s.span)));
        let first = seg.tokens[s.tokens.start].span;
        let last = seg.tokens[s.tokens.end - 1].span;
        prop_assert_eq!(s.span, Span::new(first.start, last.end));
        if i > 0 {
            prop_assert!(seg.sentences[i - 1].span.end <= s.span.start);
        }
    }
    prop_assert_eq!(next_token, seg.tokens.len());
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn newsish_text_segments_cleanly(text in newsish(), lang in prop::sample::select(vec!["en", "de", "fr", "ru", "ja", "und"])) {
        check_segmentation(&text, lang)?;
        let n = normalize(&text);
        check_segmentation(&n.text, lang)?;
    }

    #[test]
    fn any_unicode_segments_cleanly(text in any::<String>()) {
        check_segmentation(&text, "en")?;
        check_segmentation(&text, "it")?;
        let n = normalize(&text);
        check_segmentation(&n.text, "en")?;
        let _ = lang::identify(&text);
    }

    #[test]
    fn alignment_maps_tokens_back(text in newsish()) {
        let n = normalize(&text);
        let seg = segment(&n.text, "en");
        for t in &seg.tokens {
            let o = n.span_to_original(t.span);
            prop_assert!(o.is_valid_in(&text));
            // What the token covers in the original, without its whitespace and invisible
            // characters, is the token.
            let orig: String = text[o.start..o.end]
                .chars()
                .filter(|c| !c.is_whitespace() && !matches!(c, '\u{200b}'))
                .nfc()
                .collect();
            let tok: String = t.span.slice(&n.text).chars().filter(|c| !c.is_whitespace()).collect();
            prop_assert_eq!(orig, tok);
        }
    }
}
