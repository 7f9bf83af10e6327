//! Any text, in any of the scripts and shapes news comes in, goes through every stage
//! without a panic, and every span the stages return indexes the article's text.

use proptest::prelude::*;
use storyline_model::{Article, RawArticle, Span};
use storyline_pipeline::{Config, Pipeline};

/// Pieces of news text of the kinds the extractors look for: datelines, cues, quotation
/// marks, hedged figures, dates, names in several scripts, and stray punctuation.
const PIECES: &[&str] = &[
    "GENEVA —",
    "KYIV, Ukraine (AP) —",
    "VALENCIA, 12 Ago. (EUROPA PRESS) -",
    "(부산=연합뉴스) 김민수 기자 =",
    "भुवनेश्वर, 14 नवंबर (भाषा)",
    "САРАТОВ, 18 ноября.",
    "SOCCER - ROTOR",
    "Berlin (dpa) -",
    "Kiev, 19 may (EFE).-",
    "(여수=한누리통신)",
    " date 2026-03-11 ",
    "der Deutschen Bahn",
    "Национальная полиция",
    "Черновицкой области",
    "под Красноильском",
    "повідомив у суботу",
    "ДСНС Ірина Ткачук",
    "dell'Università e della Ricerca",
    "the Donetsk region",
    "Economists at",
    "The company said",
    "liege",
    "Volgens de",
    "여수시",
    "said",
    "told reporters",
    "according to",
    "ha detto",
    "sagte",
    "заявил",
    "за словами",
    "밝혔다",
    "고 말했다",
    "ने कहा",
    "“",
    "”",
    "\"",
    "«",
    "»",
    "„",
    "(",
    ")",
    ")",
    "—",
    ",",
    ".",
    ":",
    "?",
    "/",
    "@handle",
    "about 3,000",
    "up to 12,000",
    "between 10,000 and 12,000",
    "1천200여명",
    "30여 채",
    "5∼10㎜",
    "80 से अधिक",
    "कम से कम 12",
    "20mila",
    "не менее 11",
    "ruim 5000",
    "two brigades",
    "Two",
    "on Friday",
    "last week",
    "18일 오전 6시",
    "il 27 novembre",
    "am 8. Dezember",
    "27 октября",
    "Oct. 22",
    "2024-10-26",
    "diciotto mesi",
    "Volodymyr Zelensky",
    "Zelenskyy",
    "Володимир Зеленський",
    "President",
    "the mayor of Faenza",
    "Minister Femke Wiersma van Landbouw",
    "il fiume Lamone",
    "Korea Coast Guard",
    "해양경찰청",
    "ओडिशा के बालासोर जिले में",
    "포항시는",
    "North Korean soldiers",
    "\n\n",
    "\n",
    " ",
    "'s",
    "é",
    "\u{301}",
    "\u{94d}",
    "\u{200d}",
    "😀",
    "0",
    "12",
    "1.5 million",
    // Paths added for datelines with slashes, closing "as" clauses, hearers, Korean
    // quarters, sources after figures, bodies and capitals inside names.
    "БЕЛГРАД, 13 мая. /ТАСС/.",
    "/ТАСС/",
    ", wie das Wahlamt mitteilte",
    ", zoals de politie meldde",
    "explicó a EFE la jefa",
    "sagte Bondar der Deutschen Presse-Agentur",
    "у ДСНС повідомили",
    "Про це повідомили в АТ «",
    "»",
    "3분기",
    "내년 상반기",
    "\"…\"며",
    "이라며",
    "회사 측은",
    "35,000 according to police",
    "by the Monitor's count",
    "The poll by the",
    "The company earned $1.6 billion",
    "Sept. 29 to Oct. 3",
    "the July-September period",
    "a quarter of",
    "Europäischen Union",
    "l'Ue",
    "Universität Belgrad",
    "Belgrade's",
    "Stojković",
    "Ministerio de Transportes y Movilidad Sostenible",
    "SEMAF",
    ", adding that",
    "It cautioned that",
];

fn text_of(parts: &[usize], seps: &[usize]) -> String {
    let sep = [" ", " ", " ", ". ", ", ", "\n\n", "", " — "];
    let mut out = String::new();
    for (k, &p) in parts.iter().enumerate() {
        out.push_str(PIECES[p % PIECES.len()]);
        out.push_str(sep[seps.get(k).copied().unwrap_or(0) % sep.len()]);
    }
    out
}

fn check_spans(a: &Article) -> Result<(), TestCaseError> {
    let t = a.text.as_str();
    let ok = |s: &Span| s.is_valid_in(t);
    for m in &a.mentions {
        prop_assert!(ok(&m.span), "mention {:?}", m.span);
    }
    for q in &a.quotes {
        prop_assert!(ok(&q.span), "quote {:?}", q.span);
        prop_assert!(
            q.speaker_span.as_ref().is_none_or(ok),
            "speaker {:?}",
            q.speaker_span
        );
        prop_assert!(q.cue_span.as_ref().is_none_or(ok), "cue {:?}", q.cue_span);
    }
    for c in &a.claims {
        prop_assert!(ok(&c.span), "claim {:?}", c.span);
    }
    for x in &a.timexes {
        prop_assert!(ok(&x.span), "timex {:?}", x.span);
    }
    Ok(())
}

fn raw(text: String, lang: Option<&str>) -> RawArticle {
    RawArticle {
        path: "p".into(),
        text,
        lang: lang.map(str::to_string),
        ..Default::default()
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn news_shaped_text_is_safe(
        parts in proptest::collection::vec(0usize..1000, 0..40),
        seps in proptest::collection::vec(0usize..100, 0..40),
        lang in proptest::sample::select(vec!["en", "de", "es", "it", "nl", "ru", "uk", "ko", "hi", "xx"]),
    ) {
        let p = Pipeline::new(Config::default());
        let a = p.analyze(raw(text_of(&parts, &seps), Some(lang)));
        check_spans(&a)?;
        let mut two = vec![a.clone(), a];
        two[1].id.push('2');
        storyline_link::link(&mut two);
        for a in &two {
            check_spans(a)?;
        }
    }

    #[test]
    fn any_text_is_safe(text in "\\PC{0,300}") {
        let p = Pipeline::new(Config::default());
        let a = p.analyze(raw(text, None));
        check_spans(&a)?;
    }
}
