use super::*;
use storyline_model::TokenKind;

fn tokens(text: &str, lang: &str) -> Vec<String> {
    let seg = segment(text, lang);
    seg.tokens
        .iter()
        .map(|t| t.span.slice(text).to_string())
        .collect()
}

fn sentences(text: &str, lang: &str) -> Vec<String> {
    let seg = segment(text, lang);
    seg.sentences
        .iter()
        .map(|s| s.span.slice(text).to_string())
        .collect()
}

/// Tokenising `text` gives the `|`-separated `expected`.
fn check_tokens(lang: &str, text: &str, expected: &str) {
    assert_eq!(tokens(text, lang).join("|"), expected, "tokens of {text:?}");
}

/// Splitting `text` gives the `expected` sentences.
fn check_sentences(lang: &str, text: &str, expected: &[&str]) {
    assert_eq!(sentences(text, lang), expected, "sentences of {text:?}");
}

#[test]
fn words_and_clitics() {
    let cases = [
        ("en", "Russia's full-scale war", "Russia|'s|full-scale|war"),
        ("en", "Russia’s allies", "Russia|’s|allies"),
        (
            "en",
            "They don't know, we'll see.",
            "They|do|n't|know|,|we|'ll|see|.",
        ),
        ("en", "O'Brien and rock'n'roll", "O'Brien|and|rock'n'roll"),
        ("en", "the players' union", "the|players|'|union"),
        ("en", "COVID-19 and F-16s", "COVID-19|and|F-16s"),
        (
            "fr",
            "l'homme d'État aujourd'hui",
            "l'|homme|d'|État|aujourd'hui",
        ),
        ("it", "dell'Ucraina e l'Europa", "dell'|Ucraina|e|l'|Europa"),
        ("de", "Zelenskyj's Rede", "Zelenskyj's|Rede"),
    ];
    for (lang, text, expected) in cases {
        check_tokens(lang, text, expected);
    }
}

#[test]
fn numbers_stay_whole() {
    let cases = [
        ("en", "up to 6,000 troops", "up|to|6,000|troops"),
        ("de", "3.000 Soldaten", "3.000|Soldaten"),
        (
            "fr",
            "3 000 soldats et 12 500 000 euros",
            "3 000|soldats|et|12 500 000|euros",
        ),
        ("de", "3’000 Franken", "3’000|Franken"),
        ("en", "grew 10.5 percent", "grew|10.5|percent"),
        ("de", "wuchs um 10,5 Prozent", "wuchs|um|10,5|Prozent"),
        ("ru", "1,5 млн человек", "1,5|млн|человек"),
        ("en", "in 2024 300 people", "in|2024|300|people"),
        ("en", "$3.5 billion, 40%", "$|3.5|billion|,|40|%"),
        ("en", "on 2024-10-26 at 10:30", "on|2024-10-26|at|10|:|30"),
        ("en", "October 27–28.", "October|27|–|28|."),
        ("en", "the 1990s and 3rd place", "the|1990s|and|3rd|place"),
    ];
    for (lang, text, expected) in cases {
        check_tokens(lang, text, expected);
    }
    let seg = segment("3,000 and 3 000 and 10,5", "fr");
    let kinds: Vec<TokenKind> = seg.tokens.iter().map(|t| t.kind).collect();
    assert_eq!(
        kinds,
        [
            TokenKind::Number,
            TokenKind::Word,
            TokenKind::Number,
            TokenKind::Word,
            TokenKind::Number
        ]
    );
}

#[test]
fn symbols() {
    let cases = [
        ("en", "(@ZelenskyyUa) wrote", "(|@ZelenskyyUa|)|wrote"),
        (
            "en",
            "tagged #StandWithUkraine today",
            "tagged|#StandWithUkraine|today",
        ),
        (
            "en",
            "see https://example.org/a/b?c=1.",
            "see|https://example.org/a/b?c=1|.",
        ),
        ("en", "(www.example.com)", "(|www.example.com|)"),
        (
            "en",
            "write to press@example.org.",
            "write|to|press@example.org|.",
        ),
        ("en", "Amazon.com shares", "Amazon.com|shares"),
        ("en", "talks ended.The next", "talks|ended|.|The|next"),
        ("en", "a Ph.D. from N.Y.U.", "a|Ph.D.|from|N.Y.U."),
        ("en", "U.S.-led talks", "U.S.-led|talks"),
        ("en", "fire 🔥 and 👩‍💻 ok", "fire|🔥|and|👩‍💻|ok"),
    ];
    for (lang, text, expected) in cases {
        check_tokens(lang, text, expected);
    }
    let seg = segment("@user https://x.org #tag a@b.co", "en");
    assert!(seg.tokens.iter().all(|t| t.kind == TokenKind::Symbol));
}

#[test]
fn abbreviations_keep_their_period() {
    let cases = [
        ("en", "on Oct. 22 the U.S. said", "on|Oct.|22|the|U.S.|said"),
        (
            "en",
            "Dr. J. Smith vs. Gen. Lee",
            "Dr.|J.|Smith|vs.|Gen.|Lee",
        ),
        ("en", "e.g. Ukraine, i.e. Kyiv", "e.g.|Ukraine|,|i.e.|Kyiv"),
        ("en", "No. 5 but no.", "No.|5|but|no|."),
        ("de", "z. B. Nr. 3", "z.|B.|Nr.|3"),
        (
            "es",
            "los EE. UU. y el Sr. Pérez",
            "los|EE.|UU.|y|el|Sr.|Pérez",
        ),
        ("ru", "в 2024 г. т. е. сейчас", "в|2024|г.|т.|е.|сейчас"),
    ];
    for (lang, text, expected) in cases {
        check_tokens(lang, text, expected);
    }
}

#[test]
fn cjk_and_other_scripts() {
    check_tokens("ja", "東京でテストした。", "東|京|で|テスト|した|。");
    check_tokens("zh", "市长说。", "市|长|说|。");
    check_tokens("ko", "서울에서 회의가 열렸다.", "서울에서|회의가|열렸다|.");
    check_tokens("hi", "पुल फिर खुलेगा।", "पुल|फिर|खुलेगा|।");
}

mod boilerplate;
mod paragraphs;
mod sentences;
