use super::*;
use proptest::prelude::*;

/// `input` normalises to `expected`.
fn check(input: &str, expected: &str) {
    let n = normalize(input);
    assert_eq!(n.text, expected, "normalising {input:?}");
    check_alignment(input, &n);
}

/// The alignment is monotone, in bounds, and maps char boundaries to char boundaries.
fn check_alignment(input: &str, n: &Normalized) {
    let mut last = 0;
    let mut last_end = 0;
    for i in 0..=n.text.len() {
        let o = n.to_original(i);
        let e = n.to_original_end(i);
        assert!(o <= input.len() && e <= input.len());
        assert!(o >= last, "to_original not monotone at {i}");
        assert!(e >= last_end, "to_original_end not monotone at {i}");
        assert!(e <= o, "end-biased {e} after start-biased {o} at {i}");
        last = o;
        last_end = e;
        if n.text.is_char_boundary(i) {
            assert!(input.is_char_boundary(o), "{i} -> {o} not a boundary");
            assert!(input.is_char_boundary(e), "{i} -> {e} not a boundary");
            assert!(n.to_normalized(o) <= i);
        }
    }
    assert_eq!(n.to_original_end(0), 0);
    assert_eq!(n.to_original(n.text.len()), input.len());
    let mut last = 0;
    for o in 0..=input.len() {
        let i = n.to_normalized(o);
        assert!(
            i <= n.text.len() && i >= last,
            "to_normalized not monotone at {o}"
        );
        last = i;
    }
    assert_eq!(n.to_normalized(input.len()), n.text.len());
}

#[test]
fn whitespace_cases() {
    let cases = [
        ("plain text stays", "plain text stays"),
        ("", ""),
        ("   ", ""),
        ("a\r\nb", "a\nb"),
        ("a\rb", "a\nb"),
        ("a\tb", "a b"),
        ("a\u{00A0}b\u{202F}c\u{2009}d\u{3000}e", "a b c d e"),
        ("a    b", "a b"),
        ("line one   \nline two", "line one\nline two"),
        ("  indented\n   also", "indented\nalso"),
        ("one\n\n\n\ntwo", "one\n\ntwo"),
        ("one\n \n\t\n two", "one\n\ntwo"),
        ("one\r\n\r\ntwo\r\n", "one\n\ntwo"),
        ("end with spaces   ", "end with spaces"),
        ("para\u{2029}next", "para\n\nnext"),
        // Long plain stretches (scanned eight bytes at a time) around every kind of change.
        ("abcdefghijklmnop  qrstuvwx", "abcdefghijklmnop qrstuvwx"),
        ("abcdefg \nhijklmnopqrstuvw", "abcdefg\nhijklmnopqrstuvw"),
        ("abcdefgh\n hijklmnopqrstuvw ", "abcdefgh\nhijklmnopqrstuvw"),
        (
            "abcdefghijklmno\x7Fpqrstuvw\x01xyz",
            "abcdefghijklmnopqrstuvwxyz",
        ),
        (
            "abcdefghij klmnop qrs tuv wxyz \t end",
            "abcdefghij klmnop qrs tuv wxyz end",
        ),
        ("line\u{2028}next", "line\nnext"),
    ];
    for (input, expected) in cases {
        check(input, expected);
    }
}

#[test]
fn invisible_characters() {
    let cases = [
        ("\u{FEFF}Kyiv", "Kyiv"),
        ("zero\u{200B}width", "zerowidth"),
        ("soft\u{AD}hyphen", "softhyphen"),
        ("word\u{2060}joiner", "wordjoiner"),
        ("bell\u{07}s", "bells"),
        ("a \u{200B} b", "a b"),
        // Joiners next to ASCII go; between other letters (Persian, emoji) they stay.
        ("ab\u{200D}c", "abc"),
        (
            "\u{0645}\u{06CC}\u{200C}\u{0634}\u{0648}\u{062F}",
            "\u{0645}\u{06CC}\u{200C}\u{0634}\u{0648}\u{062F}",
        ),
        ("\u{1F469}\u{200D}\u{1F4BB}", "\u{1F469}\u{200D}\u{1F4BB}"),
    ];
    for (input, expected) in cases {
        check(input, expected);
    }
}

#[test]
fn typography_stays() {
    let s = "“Quote,” he said — it’s ‘fine’ – «ja» „gut“…";
    check(s, s);
}

#[test]
fn nfc_composes() {
    check("Zelens\u{301}kyi cafe\u{301}", "Zelenśkyi café");
    check("Cafe\u{0301}  ", "Café");
    // Hangul jamo compose to a syllable.
    check("\u{1100}\u{1161}", "\u{AC00}");
    // Angstrom sign is a singleton decomposition.
    check("5 \u{212B}", "5 \u{00C5}");
}

#[test]
fn alignment_points_at_the_original() {
    let input = "  Zelens\u{301}kyi\u{00A0}said\u{200B}:\r\n\r\n\r\n“No.”";
    let n = normalize(input);
    assert_eq!(n.text, "Zelenśkyi said:\n\n“No.”");
    for word in ["said", "“No.”", "Zelenśkyi"] {
        let s = n.text.find(word).unwrap();
        let span = n.span_to_original(Span::new(s, s + word.len()));
        let orig = &input[span.start..span.end];
        assert_eq!(orig.nfc().collect::<String>(), word, "span of {word}");
    }
    // The end of "said" excludes the dropped zero-width space that follows it.
    let s = n.text.find("said").unwrap();
    assert_eq!(n.to_original_end(s + 4), input.find('\u{200B}').unwrap());
    assert_eq!(n.to_normalized(input.find("said").unwrap()), s);
}

#[test]
fn unchanged_text_is_identity() {
    assert!(normalize("Plain ASCII, one space.").is_identity());
    assert!(normalize("Кириллица и “кавычки”.").is_identity());
    assert!(!normalize("two  spaces").is_identity());
}

use unicode_normalization::UnicodeNormalization;

proptest! {
    #[test]
    fn alignment_is_consistent(s in "\\PC{0,40}|[ \\t\\r\\n\u{a0}\u{200b}\u{200d}a-c\u{301}é]{0,40}|([a-h]{1,12}[ \\n\\t\u{7f}]{1,2}){0,8}") {
        let n = normalize(&s);
        check_alignment(&s, &n);
        // Idempotent.
        prop_assert_eq!(normalize(&n.text).text, n.text.clone());
        prop_assert!(!n.text.starts_with(' ') && !n.text.ends_with(' '));
        prop_assert!(!n.text.contains("\n\n\n") && !n.text.contains("  "));
        prop_assert!(!n.text.contains(" \n") && !n.text.contains("\n ") && !n.text.contains('\t'));
    }

    #[test]
    fn any_unicode_is_fine(s in any::<String>()) {
        let n = normalize(&s);
        check_alignment(&s, &n);
    }
}
