use proptest::prelude::*;
use storyline_model::Date;

use super::*;

/// Asserts the (text, value) pairs found in `text` of language `lang` at `dateline`.
pub(super) fn check(lang: &str, dateline: &str, text: &str, expected: &[(&str, &str)]) {
    let got: Vec<(String, String)> = extract_with(text, lang, Date::parse(dateline))
        .into_iter()
        .map(|t| (t.span.slice(text).to_string(), t.value))
        .collect();
    let want: Vec<(String, String)> = expected
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    assert_eq!(got, want, "in {text:?}");
}

#[test]
fn english_absolute_dates() {
    let d = "2024-10-26";
    check(
        "en",
        d,
        "on Oct. 22 and Oct. 23",
        &[("Oct. 22", "2024-10-22"), ("Oct. 23", "2024-10-23")],
    );
    check(
        "en",
        d,
        "as early as October 27–28.",
        &[("October 27–28", "2024-10-27/2024-10-28")],
    );
    check(
        "en",
        d,
        "on 25 October 2024 and October 25, 2024",
        &[
            ("25 October 2024", "2024-10-25"),
            ("October 25, 2024", "2024-10-25"),
        ],
    );
    check(
        "en",
        d,
        "filed 2024-10-26, 10/26/2024",
        &[("2024-10-26", "2024-10-26"), ("10/26/2024", "2024-10-26")],
    );
    check("en", d, "It began in 2022.", &[("2022", "2022")]);
    check(
        "en",
        d,
        "Sales fell in October 2024.",
        &[("October 2024", "2024-10")],
    );
    check("en", d, "the 1990s", &[("1990s", "199")]);
    check(
        "en",
        d,
        "Monday, Oct. 28: the vote",
        &[("Monday, Oct. 28", "2024-10-28")],
    );
}

#[test]
fn year_comes_from_the_dateline_nearest_around_new_year() {
    check(
        "en",
        "2025-01-02",
        "The ship docked on Dec. 30.",
        &[("Dec. 30", "2024-12-30")],
    );
    check(
        "en",
        "2024-12-30",
        "The law takes effect on Jan. 2.",
        &[("Jan. 2", "2025-01-02")],
    );
    check(
        "en",
        "",
        "President spoke on Oct. 22.",
        &[("Oct. 22", "XXXX-10-22")],
    );
}

#[test]
fn tense_decides_direction() {
    let d = "2024-10-26"; // a Saturday
    check(
        "en",
        d,
        "The minister said on Friday that talks failed.",
        &[("Friday", "2024-10-25")],
    );
    check(
        "en",
        d,
        "The ministers will meet on Friday.",
        &[("Friday", "2024-11-01")],
    );
    check(
        "en",
        d,
        "Officials met Thursday.",
        &[("Thursday", "2024-10-24")],
    );
    check(
        "en",
        d,
        "He plans to travel on Tuesday.",
        &[("Tuesday", "2024-10-29")],
    );
    check(
        "en",
        d,
        "It was signed last Friday.",
        &[("last Friday", "2024-10-25")],
    );
    check(
        "en",
        d,
        "Votes are counted on Saturday.",
        &[("Saturday", "2024-10-26")],
    );
}

#[test]
fn english_relative_expressions() {
    let d = "2024-10-26";
    check(
        "en",
        d,
        "yesterday, today and tomorrow",
        &[
            ("yesterday", "2024-10-25"),
            ("today", "2024-10-26"),
            ("tomorrow", "2024-10-27"),
        ],
    );
    check(
        "en",
        d,
        "Earlier this week, Kirby said",
        &[("Earlier this week", "2024-W43")],
    );
    check(
        "en",
        d,
        "last week and next month",
        &[("last week", "2024-W42"), ("next month", "2024-11")],
    );
    check(
        "en",
        d,
        "this year, unlike last year",
        &[("this year", "2024"), ("last year", "2023")],
    );
    check("en", d, "two days ago", &[("two days ago", "2024-10-24")]);
    check("en", d, "this summer", &[("this summer", "2024-SU")]);
    check(
        "en",
        d,
        "the third quarter",
        &[("the third quarter", "2024-Q3")],
    );
    check("en", d, "last night", &[("last night", "2024-10-25TNI")]);
    check(
        "en",
        d,
        "at 2 p.m. on Friday",
        &[("2 p.m.", "2024-10-26T14:00"), ("Friday", "2024-10-25")],
    );
}

#[test]
fn named_days_clock_times_and_rates() {
    let d = "2024-10-26";
    check(
        "en",
        d,
        "They met at 9 a.m. Tuesday.",
        &[("9 a.m. Tuesday", "2024-10-22T09:00")],
    );
    check(
        "en",
        d,
        "It opened in July last year.",
        &[("July last year", "2023-07")],
    );
    check(
        "en",
        d,
        "Shops close on Thanksgiving.",
        &[("Thanksgiving", "2024-11-28")],
    );
    check(
        "en",
        d,
        "a week or so ago",
        &[("a week or so ago", "2024-W42")],
    );
    check("en", d, "Prices fall in the fall.", &[("fall", "2024-FA")]);
    check("en", d, "Sales rose 5 percent a year.", &[]);
}

#[test]
fn durations_vague_and_sets() {
    let d = "2024-10-26";
    check(
        "en",
        d,
        "a war that lasted three years",
        &[("three years", "P3Y")],
    );
    check(
        "en",
        d,
        "for 5 hours and two weeks",
        &[("5 hours", "PT5H"), ("two weeks", "P2W")],
    );
    check("en", d, "a five-year plan", &[("five-year", "P5Y")]);
    check("en", d, "a five-year-old boy", &[]);
    check(
        "en",
        d,
        "in the past three months",
        &[("the past three months", "P3M")],
    );
    check(
        "en",
        d,
        "Troops are now in the region",
        &[("now", "PRESENT_REF")],
    );
    check(
        "en",
        d,
        "recently, and in the coming months",
        &[
            ("recently", "PAST_REF"),
            ("the coming months", "FUTURE_REF"),
        ],
    );
    check("en", d, "reports daily", &[("daily", "P1D")]);
}

#[test]
fn other_languages() {
    let d = "2024-10-26";
    check("de", d, "am 8. Dezember", &[("8. Dezember", "2024-12-08")]);
    check("de", d, "Er sagte am Montag", &[("Montag", "2024-10-21")]);
    check("es", d, "El martes dijo", &[("martes", "2024-10-22")]);
    check("es", d, "el 08 DIC", &[("08 DIC", "2024-12-08")]);
    check("it", d, "il 27 novembre", &[("27 novembre", "2024-11-27")]);
    check(
        "ru",
        d,
        "27 октября и в октябре",
        &[("27 октября", "2024-10-27"), ("октябре", "2024-10")],
    );
    check(
        "ru",
        d,
        "в понедельник заявил",
        &[("понедельник", "2024-10-21")],
    );
    check("uk", d, "27 жовтня", &[("27 жовтня", "2024-10-27")]);
    check(
        "ko",
        d,
        "12월 3일에 열린다",
        &[("12월 3일에", "2024-12-03")],
    );
    check("ko", d, "지난 8월", &[("지난 8월", "2024-08")]);
    // A day with no month is the nearest such day; spans of days stay durations.
    check(
        "ko",
        d,
        "해양수산부가 25일 밝혔다",
        &[("25일", "2024-10-25")],
    );
    check(
        "ko",
        "2024-12-02",
        "28일에 시작됐다",
        &[("28일에", "2024-11-28")],
    );
    check("ko", "2024-12-30", "2일부터", &[("2일부터", "2025-01-02")]);
    check("ko", d, "18일간 이어졌다", &[("18일간", "P18D")]);
    // A modifier names the same day; a part of the day may follow; "이날" is the dateline's.
    check(
        "ko",
        "2024-11-19",
        "지난 17일 밝혔다",
        &[("지난 17일", "2024-11-17")],
    );
    check(
        "ko",
        "2024-11-19",
        "18일 오전 출항했다",
        &[("18일 오전", "2024-11-18TMO")],
    );
    check(
        "ko",
        "2024-11-19",
        "이날 오후 말했다",
        &[("이날 오후", "2024-11-19TAF")],
    );
    check(
        "ko",
        "2024-11-19",
        "지난 3일간 계속됐다",
        &[("지난 3일간", "P3D")],
    );
    check("hi", d, "3 दिसंबर को", &[("3 दिसंबर", "2024-12-03")]);
    check("nl", d, "vorige week", &[("vorige week", "2024-W42")]);
}

#[test]
fn clock_times_years_and_limits_ahead_in_other_languages() {
    // 2026-06-14 is a Sunday.
    let d = "2026-06-14";
    check(
        "es",
        d,
        "La participación se situaba a las 14.00 horas en el 31,5 %.",
        &[("14.00 horas", "2026-06-14T14:00")],
    );
    check(
        "de",
        d,
        "Die Sitzung beginnt um 14.30 Uhr.",
        &[("14.30 Uhr", "2026-06-14T14:30")],
    );
    // A decimal is no time, and hours without minutes stay a duration.
    check(
        "es",
        d,
        "Subió 14.5 puntos durante 14 horas.",
        &[("14 horas", "PT14H")],
    );
    // A year with the word for year after it, in Ukrainian and Russian.
    check(
        "uk",
        d,
        "Вона перебувала в полоні з 2022 року.",
        &[("2022 року", "2022")],
    );
    check(
        "ru",
        d,
        "В 2024 году было тихо, за 2 года.",
        &[("2024 году", "2024"), ("2 года", "P2Y")],
    );
    check(
        "es",
        d,
        "Las conversaciones podrían empezar esta misma semana.",
        &[("esta misma semana", "2026-W24")],
    );
    // "bis Mittwoch", "vanaf maandag": a limit still ahead.
    check(
        "de",
        "2026-04-07",
        "Bis Mittwoch sollen 1.000 Soldaten verlegt werden.",
        &[("Mittwoch", "2026-04-08")],
    );
    check(
        "nl",
        "2026-11-21",
        "De kustwacht schaalt vanaf maandag de zoektocht af.",
        &[("maandag", "2026-11-23")],
    );
}

#[test]
fn dateline_inference() {
    let art = |text: &str| Article {
        text: text.into(),
        lang: "en".into(),
        body: Span::new(0, text.len()),
        ..Default::default()
    };
    assert_eq!(
        infer_dateline(&art(" date 2024-10-26 Kyiv said")),
        Date::parse("2024-10-26")
    );
    assert_eq!(
        infer_dateline(&art("WASHINGTON — Oct 26, 2024 — The Senate")),
        Date::parse("2024-10-26")
    );
    assert_eq!(
        infer_dateline(&art(
            "KYIV, Oct. 26 (Reuters) – Ukraine said.\n\nIn 2024 the war went on."
        )),
        Date::parse("2024-10-26")
    );
    let post = "Intro paragraph.\n\nMore text.\n\nWe hold the line. — Jane Doe (@jdoe) October 25, 2024\n\nMore.";
    assert_eq!(infer_dateline(&art(post)), Date::parse("2024-10-25"));
    assert_eq!(infer_dateline(&art("President spoke on Oct. 22.")), None);
    // With no dateline, extract keeps the year unknown.
    let values: Vec<String> = extract(&art("He spoke on Oct. 22."))
        .into_iter()
        .map(|t| t.value)
        .collect();
    assert_eq!(values, ["XXXX-10-22"]);
}

#[test]
fn every_lexicon_parses() {
    for lang in lexicon::languages() {
        let lex = lexicon::for_lang(lang);
        assert!(lex.len() > 60, "{lang}: only {} forms", lex.len());
        for m in 1..=12 {
            let k = m.to_string();
            let months = lex.words("month").filter(|e| e.key == k).count();
            let suffixed = lex.words("month_suffix").count();
            assert!(months + suffixed > 0, "{lang}: no month {m}");
        }
    }
}

#[test]
fn multilingual_gold() {
    let gold = include_str!("../../../../tests/gold/timex/articles.jsonl");
    let mut total = timeml::Counts::default();
    for line in gold.lines().filter(|l| !l.trim().is_empty()) {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let text = v["text"].as_str().unwrap();
        let lang = v["lang"].as_str().unwrap();
        let gold: Vec<(String, String)> = v["timexes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| {
                (
                    t["text"].as_str().unwrap().into(),
                    t["value"].as_str().unwrap().into(),
                )
            })
            .collect();
        let pred = extract_with(text, lang, v["date"].as_str().and_then(Date::parse));
        total.add(score_gold(text, &gold, &pred));
    }
    let (p, r, f) = total.prf();
    println!("multilingual gold: P={p:.3} R={r:.3} F1={f:.3}");
    assert!(f >= 0.85, "F1 {f:.3}");
}

#[test]
fn timeml_round_trip() {
    let src = "<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"1998-01-08\" functionInDocument=\"CREATION_TIME\">x</TIMEX3></DCT>\n<TEXT>Sales &amp; profit rose <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"1998-01-07\">yesterday</TIMEX3>.</TEXT>";
    let doc = timeml::parse(src);
    assert_eq!(doc.text, "Sales & profit rose yesterday.");
    assert_eq!(doc.dct, Date::parse("1998-01-08"));
    let pred = extract_with(&doc.text, "en", doc.dct);
    let s = timeml::score(&doc.timexes, &pred);
    assert_eq!((s.strict.tp, s.value.tp), (1, 1));
    assert!(timeml::write("d", &doc, &pred).contains("value=\"1998-01-07\">yesterday</TIMEX3>"));
}

proptest! {
    #[test]
    fn arbitrary_text_never_panics_and_spans_index_it(text in "\\PC{0,200}", lang in "(en|de|ru|ko|hi|xx)") {
        for anchor in [None, Date::parse("2024-10-26")] {
            for t in extract_with(&text, &lang, anchor) {
                prop_assert!(t.span.is_valid_in(&text) && !t.span.is_empty());
            }
        }
    }

    #[test]
    fn date_like_text_never_panics(text in "([0-9]{1,5}|Oct\\.?|May|Friday|last|next|week|ago|[-/.,: –]|월|일|년|the){0,12}") {
        for t in extract_with(&text, "en", Date::parse("2024-12-31")) {
            prop_assert!(t.span.is_valid_in(&text));
        }
        for t in extract_with(&text, "ko", None) {
            prop_assert!(t.span.is_valid_in(&text));
        }
    }
}

#[test]
fn a_report_after_the_clause_does_not_set_its_tense() {
    // 2026-11-17 is a Tuesday.
    let d = "2026-11-17";
    check(
        "en",
        d,
        "India would send a team of investigators to Busan on Wednesday, he added.",
        &[("Wednesday", "2026-11-18")],
    );
    check(
        "en",
        d,
        "The team arrived in Busan on Sunday, he added.",
        &[("Sunday", "2026-11-15")],
    );
    // Scheduled events in the present tense lie ahead.
    check(
        "en",
        "2026-06-11",
        "Voters go to the polls on Sunday.",
        &[("Sunday", "2026-06-14")],
    );
    check(
        "en",
        "2026-03-13",
        "The truce takes effect on Saturday.",
        &[("Saturday", "2026-03-14")],
    );
}

#[test]
fn compounds_quarters_ahead_and_listed_months() {
    check(
        "de",
        "2026-04-07",
        "Das Beben ereignete sich am Sonntagabend.",
        &[("Sonntagabend", "2026-04-05TEV")],
    );
    check(
        "de",
        "2026-05-15",
        "Die Übernahme soll im dritten Quartal abgeschlossen werden.",
        &[("im dritten Quartal", "2026-Q3")],
    );
    check(
        "en",
        "1989-10-26",
        "Third-quarter profit will rise.",
        &[("Third-quarter", "1989-Q3")],
    );
    check(
        "en",
        "2026-04-10",
        "Bookings for April and May will fall. They may return.",
        &[("April", "2026-04"), ("May", "2026-05")],
    );
}

#[test]
fn times_written_with_suffixes_and_parts_of_named_days() {
    check(
        "ko",
        "2026-11-17",
        "사고는 오전 3시 50분께 일어났고 구조대는 오후 2시에 도착해 3시간 동안 수색했다.",
        &[
            ("오전 3시 50분께", "2026-11-17T03:50"),
            ("오후 2시에", "2026-11-17T14:00"),
            ("3시간", "PT3H"),
        ],
    );
    check(
        "it",
        "2026-11-20",
        "Il corpo è stato trovato nella notte di giovedì.",
        &[("notte di giovedì", "2026-11-19TNI")],
    );
    check(
        "hi",
        "2026-11-19",
        "राठौर ने बुधवार सुबह यह जानकारी दी।",
        &[("बुधवार सुबह", "2026-11-18TMO")],
    );
    // The tail of a number with separators is no count of days.
    check(
        "en",
        "2026-11-20",
        "She spent 1,050 days in captivity.",
        &[],
    );
}

#[test]
fn durations_counted_in_number_words_past_twelve() {
    check(
        "it",
        "2026-11-03",
        "Il fiume è esondato per la seconda volta in diciotto mesi.",
        &[("diciotto mesi", "P18M")],
    );
    check(
        "de",
        "2026-11-03",
        "Der Streik dauerte dreißig Tage.",
        &[("dreißig Tage", "P30D")],
    );
    check(
        "es",
        "2026-11-03",
        "La búsqueda duró quince días.",
        &[("quince días", "P15D")],
    );
    check(
        "ru",
        "2026-11-03",
        "Это продолжалось тридцать лет.",
        &[("тридцать лет", "P30Y")],
    );
    check(
        "hi",
        "2026-11-03",
        "बचाव अभियान बीस घंटे चला।",
        &[("बीस घंटे", "PT20H")],
    );
    check(
        "en",
        "2026-11-03",
        "The ceasefire lasted forty-eight hours.",
        &[("forty-eight hours", "PT48H")],
    );
}

#[test]
fn a_korean_clock_time_after_a_day_is_the_time_of_that_day() {
    check(
        "ko",
        "2026-03-24",
        "18일 오전 6시 불이 났다. 어제 오후 3시 30분 진화했다. 이날 오전 9시 회의가 열렸다.",
        &[
            ("18일 오전 6시", "2026-03-18T06:00"),
            ("어제 오후 3시 30분", "2026-03-23T15:30"),
            ("이날 오전 9시", "2026-03-24T09:00"),
        ],
    );
    // A part of the day alone stays one.
    check(
        "ko",
        "2026-03-24",
        "25일 오후 비가 온다.",
        &[("25일 오후", "2026-03-25TAF")],
    );
}

#[test]
fn day_words_of_every_language_come_from_the_lexicons() {
    use super::lexicon::is_day_word;
    for w in ["суботу", "martes", "ieri", "montag", "yesterday", "вчора"] {
        assert!(is_day_word(w), "{w}");
    }
    for w in ["начальник", "el", "servicio"] {
        assert!(!is_day_word(w), "{w}");
    }
}

#[test]
fn forecasts_and_limits_after_an_article_look_ahead() {
    // 2026-06-17 is a Wednesday.
    let d = "2026-06-17";
    check(
        "es",
        d,
        "La agencia mantiene la alerta hasta el viernes.",
        &[("viernes", "2026-06-19")],
    );
    check(
        "de",
        d,
        "Für Freitag sagen die Meteorologen weitere Schauer voraus.",
        &[("Freitag", "2026-06-19")],
    );
    check(
        "it",
        d,
        "Le piogge dovrebbero attenuarsi da venerdì.",
        &[("venerdì", "2026-06-19")],
    );
    // A report in the past still looks back.
    check(
        "es",
        d,
        "El ministerio dijo el lunes que la alerta seguía.",
        &[("lunes", "2026-06-15")],
    );
}

#[test]
fn the_night_before_a_day_is_the_night_of_the_day_before() {
    // 2026-10-14 is a Wednesday.
    let d = "2026-10-14";
    check(
        "de",
        d,
        "In der Nacht zum Dienstag brach der Damm.",
        &[("Nacht zum Dienstag", "2026-10-12TNI")],
    );
    check(
        "ru",
        d,
        "В ночь на вторник дамбу прорвало.",
        &[("ночь на вторник", "2026-10-12TNI")],
    );
    check(
        "uk",
        d,
        "У ніч на вівторок дамбу прорвало.",
        &[("ніч на вівторок", "2026-10-12TNI")],
    );
    check(
        "es",
        d,
        "La noche del lunes se rompió la presa.",
        &[("noche del lunes", "2026-10-12TNI")],
    );
    check(
        "it",
        d,
        "Nella notte tra lunedì e martedì è crollata la diga.",
        &[
            ("notte tra lunedì", "2026-10-12TNI"),
            ("martedì", "2026-10-13"),
        ],
    );
}
