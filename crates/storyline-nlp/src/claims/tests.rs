use proptest::prelude::*;
use storyline_model::{Article, Hedge, Span};

use super::extract;

fn art(lang: &str, text: &str) -> Article {
    Article {
        lang: lang.into(),
        text: text.into(),
        body: Span::new(0, text.len()),
        ..Default::default()
    }
}

/// Marks the first occurrence of `name` in the article's text as a mention of `kind`, as the
/// tagger would.
fn mention(a: &mut Article, name: &str, kind: storyline_model::EntityType) {
    if let Some(at) = a.text.find(name) {
        a.mentions.push(storyline_model::Mention {
            span: Span::new(at, at + name.len()),
            kind,
            entity: None,
            resolved: false,
            role: None,
        });
    }
}

/// (text of the claim, low, high, hedge)
type Expect<'a> = (&'a str, Option<f64>, Option<f64>, Hedge);

fn check(lang: &str, text: &str, expected: &[Expect]) {
    let a = art(lang, text);
    let got: Vec<Expect> = extract(&a)
        .iter()
        .map(|c| (&text[c.span.start..c.span.end], c.low, c.high, c.hedge))
        .collect();
    assert_eq!(got, expected, "in {text:?}");
}

#[test]
fn hedges_in_english() {
    check(
        "en",
        "Around 10,000 soldiers are preparing.",
        &[("Around 10,000", Some(10000.0), Some(10000.0), Hedge::Approx)],
    );
    check(
        "en",
        "It could surge to up to 12,000 troops.",
        &[(
            "could surge to up to 12,000",
            None,
            Some(12000.0),
            Hedge::UpTo,
        )],
    );
    check(
        "en",
        "At least 16 people died.",
        &[("At least 16", Some(16.0), None, Hedge::AtLeast)],
    );
    check(
        "en",
        "More than 500 homes flooded.",
        &[("More than 500", Some(500.0), None, Hedge::MoreThan)],
    );
    check(
        "en",
        "Fewer than 20 ships passed.",
        &[("Fewer than 20", None, Some(20.0), Hedge::LessThan)],
    );
    check(
        "en",
        "Between 10,000 and 12,000 soldiers arrived.",
        &[(
            "10,000 and 12,000",
            Some(10000.0),
            Some(12000.0),
            Hedge::Range,
        )],
    );
    check(
        "en",
        "Some 10,000–12,000 soldiers arrived.",
        &[("10,000–12,000", Some(10000.0), Some(12000.0), Hedge::Range)],
    );
}

#[test]
fn other_languages() {
    check(
        "de",
        "Etwa 11.000 Soldaten sind dort.",
        &[("Etwa 11.000", Some(11000.0), Some(11000.0), Hedge::Approx)],
    );
    check(
        "de",
        "Mindestens 18 Menschen starben.",
        &[("Mindestens 18", Some(18.0), None, Hedge::AtLeast)],
    );
    check(
        "es",
        "Más de 2.000 soldados llegaron.",
        &[("Más de 2.000", Some(2000.0), None, Hedge::MoreThan)],
    );
    check(
        "ru",
        "Около 10 тыс. солдат прибыли.",
        &[("Около 10 тыс.", Some(10000.0), Some(10000.0), Hedge::Approx)],
    );
    check(
        "uk",
        "Понад 3 тисячі військових.",
        &[("Понад 3 тисячі", Some(3000.0), None, Hedge::MoreThan)],
    );
}

#[test]
fn composition_gives_a_derived_claim() {
    let text = "Two North Korean brigades of up to 6,000 personnel each are training.";
    let a = art("en", text);
    let cs = extract(&a);
    let derived: Vec<_> = cs.iter().filter(|c| !c.derived_from.is_empty()).collect();
    assert_eq!(derived.len(), 1);
    assert_eq!(
        (derived[0].low, derived[0].high, derived[0].hedge),
        (None, Some(12000.0), Hedge::UpTo)
    );
    assert_eq!(cs.iter().filter(|c| c.derived_from.is_empty()).count(), 2);
    let two = cs
        .iter()
        .find(|c| &text[c.span.start..c.span.end] == "Two")
        .unwrap();
    assert_eq!(two.counted.as_deref(), Some("North Korean brigades"));
}

#[test]
fn not_claims() {
    check(
        "en",
        "On Oct. 22, 2024 at 10:30 the 1st group met on page 4.",
        &[],
    );
    check("en", "He was born in 1975 and visited in 2024.", &[]);
    check("en", "The Yi Peng 3 anchored.", &[]);
}

#[test]
fn money_and_percentages_have_units() {
    let a = art("en", "The fund holds $2 billion, up 5 percent.");
    let cs = extract(&a);
    let units: Vec<_> = cs.iter().map(|c| (c.unit.as_deref(), c.low)).collect();
    assert_eq!(
        units,
        vec![(Some("USD"), Some(2e9)), (Some("%"), Some(5.0))]
    );
}

#[test]
fn vague_counts_follow_acled() {
    check(
        "en",
        "Dozens of civilians were killed.",
        &[("Dozens", Some(12.0), None, Hedge::Approx)],
    );
    check(
        "en",
        "Tens of thousands of people fled.",
        &[("Tens of thousands", Some(10000.0), None, Hedge::Approx)],
    );
}

#[test]
fn counted_phrase_and_outlet_source() {
    let a = art(
        "en",
        "Officials said 3,000 North Korean soldiers preparing for combat were seen.",
    );
    let c = &extract(&a)[0];
    assert_eq!(c.counted.as_deref(), Some("North Korean soldiers"));
    assert_eq!(c.source_name, super::OUTLET);
}

proptest! {
    #[test]
    fn spans_always_index_the_text(s in "\\PC{0,120}") {
        let a = art("en", &s);
        for c in extract(&a) {
            prop_assert!(c.span.is_valid_in(&s));
        }
    }

    #[test]
    fn numbers_in_noise(s in "[0-9 ,.'’a-z%$€-]{0,60}") {
        let a = art("en", &s);
        for c in extract(&a) {
            prop_assert!(c.span.is_valid_in(&s));
        }
    }
}

#[test]
fn the_subject_of_an_estimate_verb_is_the_source() {
    use storyline_model::EntityType;
    let source = |text: &str, name: &str, figure: &str| {
        let mut a = art("en", text);
        mention(&mut a, name, EntityType::Org);
        extract(&a)
            .iter()
            .find(|c| &text[c.span.start..c.span.end] == figure)
            .map(|c| c.source_name.clone())
    };
    let text = "Azerbaijan's Defence Ministry counted 3,100 displaced people. The fire destroyed 40 homes.";
    assert_eq!(
        source(text, "Defence Ministry", "3,100").as_deref(),
        Some("Defence Ministry")
    );
    let text = "The Defence Ministry building was hit. The fire destroyed 40 homes.";
    assert_eq!(
        source(text, "Defence Ministry", "40").as_deref(),
        Some("the outlet")
    );
}

#[test]
fn an_aside_may_stand_between_the_subject_and_its_estimate_verb() {
    use storyline_model::EntityType;
    let text = "Ereván habla de 52 muertos. Bakú, por su parte, reconoce 35 bajas.";
    let mut a = art("es", text);
    mention(&mut a, "Bakú", EntityType::Gpe);
    let got = extract(&a);
    let source = |figure: &str| {
        got.iter()
            .find(|c| text[c.span.start..c.span.end].starts_with(figure))
            .map(|c| c.source_name.clone())
    };
    assert_eq!(source("35").as_deref(), Some("Bakú"));
    assert_eq!(source("52").as_deref(), Some("the outlet"));
}

#[test]
fn a_pronoun_before_an_estimate_verb_is_the_person_named_before() {
    use storyline_model::EntityType;
    let text = "Seismologist Marta Ruiz expects more aftershocks. She put the risk of a large one at roughly 10 percent.";
    let mut a = art("en", text);
    mention(&mut a, "Marta Ruiz", EntityType::Person);
    let got = extract(&a);
    let c = got
        .iter()
        .find(|c| text[c.span.start..c.span.end].ends_with("10 percent"))
        .expect("the percentage");
    assert_eq!(c.source_name, "Marta Ruiz");
}

#[test]
fn a_headline_figure_takes_the_source_of_the_same_figure_below() {
    use storyline_model::{Quote, QuoteKind};
    let title = "Flood toll rises to 41";
    let text = format!(
        "{title}\nThe number of dead rose to at least 41, the civil defence agency said on Monday. \
         Roads stay closed."
    );
    let mut a = art("en", &text);
    a.title = Some(title.into());
    let body = text.find("The number").unwrap();
    let end = text.find(", the civil").unwrap();
    a.quotes.push(Quote {
        span: Span::new(body, end),
        kind: QuoteKind::Indirect,
        speaker: None,
        speaker_name: Some("civil defence agency".into()),
        speaker_span: None,
        cue: Some("said".into()),
        cue_span: None,
        via: Vec::new(),
        date: None,
    });
    let got = extract(&a);
    let head = got
        .iter()
        .find(|c| c.span.end <= title.len())
        .expect("the headline figure");
    assert_eq!(head.source_name, "civil defence agency");
    // Without the same figure below, the headline stays the outlet's.
    let mut b = a.clone();
    b.text = b.text.replace("at least 41", "at least 39");
    b.quotes[0].span = Span::new(body, b.text.find(", the civil").unwrap());
    let got = extract(&b);
    let head = got.iter().find(|c| c.span.end <= title.len()).unwrap();
    assert_eq!(head.source_name, super::OUTLET);
}

#[test]
fn a_body_named_before_a_headline_s_colon_says_the_rest() {
    let title = "NZa: ruim 310.000 mensen wachten te lang op zorg";
    let text = format!("{title}\nDe wachtlijsten groeien.");
    let mut a = art("nl", &text);
    a.title = Some(title.into());
    a.mentions.push(storyline_model::Mention {
        span: Span::new(0, 3),
        kind: storyline_model::EntityType::Org,
        entity: None,
        resolved: false,
        role: None,
    });
    let got = extract(&a);
    let head = got
        .iter()
        .find(|c| c.span.end <= title.len())
        .expect("the figure");
    assert_eq!(head.source_name, "NZa");
    // A place before the colon is the topic, not a source.
    a.mentions[0].kind = storyline_model::EntityType::Gpe;
    let got = extract(&a);
    let head = got.iter().find(|c| c.span.end <= title.len()).unwrap();
    assert_eq!(head.source_name, super::OUTLET);
}

/// The source of `figure` when quotes and claims are extracted from `text` as the pipeline
/// does it.
fn source_in_pipeline(lang: &str, text: &str, figure: &str) -> String {
    let mut a = art(lang, text);
    let (quotes, clauses) = crate::quotes::extract_with_clauses(&a);
    a.quotes = quotes;
    super::extract_with(&a, &clauses)
        .into_iter()
        .find(|c| &text[c.span.start..c.span.end] == figure)
        .map(|c| c.source_name)
        .unwrap_or_else(|| panic!("no claim {figure:?} in {text:?}"))
}

#[test]
fn a_figure_in_the_speech_a_partial_quotation_stands_for_is_its_speakers() {
    // The reported clause beside a partial quotation is no quotation of its own, but it
    // says who gives the figure.
    let text = "Its director, Meera Pillai, said the vessel had been carrying about 85,000 tonnes of crude and that \"only a limited amount\" had leaked.";
    assert_eq!(
        source_in_pipeline("en", text, "about 85,000"),
        "Meera Pillai"
    );
    // A figure after the cue of a partial quotation, in the object of the cue.
    let text = "Nordhafen-Chefin Katrin Vollmer sprach von „schmerzhaften, aber vertretbaren“ Kosten von etwa 35 Millionen Euro pro Jahr.";
    assert_eq!(
        source_in_pipeline("de", text, "etwa 35 Millionen Euro"),
        "Katrin Vollmer"
    );
    // Before the cue, the figure is the outlet's.
    let text = "Mit 41 Toten ist es das schwerste Beben, sprach Katrin Vollmer von „schmerzhaften“ Verlusten.";
    assert_eq!(source_in_pipeline("de", text, "41"), super::OUTLET);
}

#[test]
fn korean_counters_hedges_and_compound_numbers() {
    check(
        "ko",
        "해경은 오전 3시 50분께 경비함정 20척 이상과 헬기 6대를 투입했다.",
        &[
            ("20척 이상", Some(20.0), None, Hedge::MoreThan),
            ("6대", Some(6.0), Some(6.0), Hedge::Exact),
        ],
    );
    // The counter, not the particle after it, is part of the figure.
    check(
        "ko",
        "구조된 선원 중 3명은 화상을 입었다.",
        &[("3명", Some(3.0), Some(3.0), Hedge::Exact)],
    );
    check(
        "ko",
        "유조선에는 원유 약 8만5천t이 실려 있었고 기름띠는 40㎞ 안팎이다.",
        &[
            ("약 8만5천t", Some(85000.0), Some(85000.0), Hedge::Approx),
            ("40㎞ 안팎", Some(40.0), Some(40.0), Hedge::Approx),
        ],
    );
}

#[test]
fn korean_units_after_a_scale_some_and_the_noun_before_the_number() {
    let text = "주민 1천200여명이 대피했고 주택 30여 채가 불에 탔다. 헬기 1대가 추락해 조종사 1명이 숨졌다. \
                산불영향구역은 약 4천500㏊다. 경북 지역에 5∼10㎜의 비가 내리겠다.";
    check(
        "ko",
        text,
        &[
            ("1천200여명", Some(1200.0), Some(1200.0), Hedge::Approx),
            ("30여 채", Some(30.0), Some(30.0), Hedge::Approx),
            ("1대", Some(1.0), Some(1.0), Hedge::Exact),
            ("1명", Some(1.0), Some(1.0), Hedge::Exact),
            ("약 4천500㏊", Some(4500.0), Some(4500.0), Hedge::Approx),
            ("5∼10㎜", Some(5.0), Some(10.0), Hedge::Range),
        ],
    );
    let counted: Vec<Option<String>> = extract(&art("ko", text))
        .into_iter()
        .map(|c| c.counted)
        .collect();
    let want = ["주민", "주택", "헬기", "조종사", "㏊", "㎜"];
    assert_eq!(counted, want.map(|w| Some(w.to_string())));
    // A headline's clipped phrases, and a particle after a percent sign.
    let text = "산불 사흘째…주민 1천200여명 대피. 진화율은 65%이며 비가 온다.";
    check(
        "ko",
        text,
        &[
            ("1천200여명", Some(1200.0), Some(1200.0), Hedge::Approx),
            ("65%", Some(65.0), Some(65.0), Hedge::Exact),
        ],
    );
    let counted: Vec<Option<String>> = extract(&art("ko", text))
        .into_iter()
        .map(|c| c.counted)
        .collect();
    let want = [Some("주민".to_string()), None];
    assert_eq!(counted, want);
}

#[test]
fn a_hedge_after_the_number_is_part_of_the_figure() {
    check(
        "hi",
        "ओडिशा में दो ट्रेनों की टक्कर में 80 से अधिक लोग घायल हुए और 20 से ज़्यादा घर गिरे।",
        &[
            ("दो", Some(2.0), Some(2.0), Hedge::Exact),
            ("80 से अधिक", Some(80.0), None, Hedge::MoreThan),
            ("20 से ज़्यादा", Some(20.0), None, Hedge::MoreThan),
        ],
    );
    let text = "ओडिशा में दो ट्रेनों की टक्कर में 80 से अधिक लोग घायल हुए।";
    let counted: Vec<Option<String>> = extract(&art("hi", text))
        .into_iter()
        .map(|c| c.counted)
        .collect();
    // What is counted follows the hedge, and a virama does not end a word.
    assert_eq!(counted[0].as_deref(), Some("ट्रेनों की टक्कर"));
    assert!(counted[1].as_deref().is_some_and(|c| c.starts_with("लोग")));
    check(
        "en",
        "In all, 500 or more people fled.",
        &[("500 or more", Some(500.0), None, Hedge::AtLeast)],
    );
}

#[test]
fn a_hedge_that_opens_the_sentence_after_a_dateline_is_no_name_before_a_number() {
    check(
        "en",
        "GENEVA — Some 5,000 farmers came to the city.",
        &[("Some 5,000", Some(5000.0), Some(5000.0), Hedge::Approx)],
    );
    check(
        "nl",
        "DEN HAAG - Ruim 5000 boeren zijn dinsdag gekomen.",
        &[("Ruim 5000", Some(5000.0), None, Hedge::MoreThan)],
    );
    // What is counted ends before a verb or a preposition.
    let text = "DEN HAAG - Ruim 5000 boeren zijn dinsdag gekomen. ПВО уничтожили 47 беспилотников над шестью регионами.";
    let counted: Vec<Option<String>> = extract(&art("nl", text))
        .into_iter()
        .map(|c| c.counted)
        .collect();
    assert_eq!(counted[0].as_deref(), Some("boeren"));
    assert_eq!(counted[1].as_deref(), Some("беспилотников"));
    // A name still labels the number after it.
    check(
        "en",
        "The Boeing 787 carried 200 people.",
        &[("200", Some(200.0), Some(200.0), Hedge::Exact)],
    );
}

#[test]
fn a_number_word_after_a_month_that_ends_a_dateline_is_a_count() {
    check(
        "ru",
        "САРАТОВ, 18 ноября. Два человека погибли.",
        &[("Два", Some(2.0), Some(2.0), Hedge::Exact)],
    );
}

#[test]
fn collective_numerals_and_a_number_after_a_place() {
    let text = "Троє людей загинули, ще щонайменше 17 отримали поранення внаслідок удару. \
                Росія випустила по Україні 84 дрони.";
    let mut a = art("uk", text);
    mention(&mut a, "Україні", storyline_model::EntityType::Gpe);
    let got: Vec<(String, Option<f64>, Option<String>)> = extract(&a)
        .into_iter()
        .map(|c| (text[c.span.start..c.span.end].to_string(), c.low, c.counted))
        .collect();
    assert_eq!(
        got[0],
        ("Троє".into(), Some(3.0), Some("людей загинули".into()))
    );
    assert_eq!(got[1].2.as_deref(), Some("отримали поранення"));
    assert_eq!(got[2], ("84".into(), Some(84.0), Some("дрони".into())));
    check(
        "ru",
        "Двое военных ранены.",
        &[("Двое", Some(2.0), Some(2.0), Hedge::Exact)],
    );
}

#[test]
fn hindi_number_words_and_hedges() {
    check(
        "hi",
        "कम से कम चार नाविक घायल हुए और करीब 85 हज़ार टन तेल लदा था। एक भारतीय नाविक लापता है।",
        &[
            ("कम से कम चार", Some(4.0), None, Hedge::AtLeast),
            ("करीब 85 हज़ार", Some(85000.0), Some(85000.0), Hedge::Approx),
        ],
    );
}

#[test]
fn dutch_hedges_and_ten_as_a_preposition() {
    check(
        "nl",
        "Het schip ligt ten westen van de haven met ruim 80.000 ton olie en bijna 20 bemanningsleden.",
        &[
            ("ruim 80.000", Some(80000.0), None, Hedge::MoreThan),
            ("bijna 20", Some(20.0), Some(20.0), Hedge::Approx),
        ],
    );
}

#[test]
fn partitives_units_and_negated_hedges() {
    check(
        "en",
        "Armenian officials say at least 58 of their soldiers died.",
        &[("at least 58", Some(58.0), None, Hedge::AtLeast)],
    );
    check(
        "en",
        "The PP took 53 of the 109 seats.",
        &[
            ("53", Some(53.0), Some(53.0), Hedge::Exact),
            ("109", Some(109.0), Some(109.0), Hedge::Exact),
        ],
    );
    check(
        "en",
        "A strike costs up to €60 million, and between €120 million and €150 million in all.",
        &[
            ("up to €60 million", None, Some(6e7), Hedge::UpTo),
            (
                "€120 million and €150 million",
                Some(1.2e8),
                Some(1.5e8),
                Hedge::Range,
            ),
        ],
    );
    check(
        "en",
        "No more than 150 shareholders voted against.",
        &[("No more than 150", None, Some(150.0), Hedge::UpTo)],
    );
}

#[test]
fn a_death_toll_or_a_killing_verb_says_what_is_counted() {
    check(
        "en",
        "Strong earthquake kills at least 23 in southern Peru",
        &[("at least 23", Some(23.0), None, Hedge::AtLeast)],
    );
    check(
        "es",
        "Sube a 27 la cifra de muertos por el sismo",
        &[("27", Some(27.0), Some(27.0), Hedge::Exact)],
    );
    check(
        "en",
        "Floods in southern Brazil kill at least 39, dozens missing",
        &[
            ("at least 39", Some(39.0), None, Hedge::AtLeast),
            ("dozens", Some(12.0), None, Hedge::Approx),
        ],
    );
}

#[test]
fn ages_ordinals_and_words_of_other_languages_are_no_claims() {
    check("en", "Marta Ruiz, a 54-year-old farmer, left.", &[]);
    check("de", "Die 29-Jährige war in Haft.", &[]);
    check("uk", "Це вже 65-й обмін полоненими.", &[]);
    check("de", "Die Wahl sei ein Test für die Regierung.", &[]);
    check("en", "The vote is due to take place soon.", &[]);
    check(
        "en",
        "Once again talks stalled, and once more nothing moved.",
        &[],
    );
    // A German number word after a noun is a figure: nouns are capitalised.
    check(
        "de",
        "Die Gewerkschaft fordert in der Tarifrunde acht Prozent mehr Lohn.",
        &[("acht Prozent", Some(8.0), Some(8.0), Hedge::Exact)],
    );
}

#[test]
fn collective_numerals_and_capped_counts() {
    check(
        "it",
        "La collisione è avvenuta a una trentina di chilometri dalla costa.",
        &[("una trentina", Some(30.0), Some(30.0), Hedge::Approx)],
    );
    check(
        "de",
        "Baku räumte höchstens 35 Gefallene ein.",
        &[("höchstens 35", None, Some(35.0), Hedge::UpTo)],
    );
    check(
        "de",
        "Sie kam auf 53 der 109 Sitze.",
        &[
            ("53", Some(53.0), Some(53.0), Hedge::Exact),
            ("109", Some(109.0), Some(109.0), Hedge::Exact),
        ],
    );
}

#[test]
fn a_source_named_with_according_to_carries_on_into_the_next_sentence() {
    let text = "Volgens de kustwacht kwamen drie zeelieden om het leven. Nog ongeveer tien \
                schepen zoeken verder.\n\nIn de haven liggen 30 boten.";
    let mut a = art("nl", text);
    let seg = crate::segment::segment(text, "nl");
    a.sentences = seg.sentences;
    a.tokens = seg.tokens;
    a.paragraphs = seg.paragraphs;
    let (quotes, clauses) = crate::quotes::extract_with_clauses(&a);
    a.quotes = quotes;
    let got = super::extract_with(&a, &clauses);
    let source = |figure: &str| {
        got.iter()
            .find(|c| &text[c.span.start..c.span.end] == figure)
            .map(|c| c.source_name.clone())
            .unwrap_or_else(|| panic!("no claim {figure:?} in {got:?}"))
    };
    assert_eq!(source("drie"), "de kustwacht");
    assert_eq!(source("ongeveer tien"), "de kustwacht");
    // Not into another paragraph.
    assert_eq!(source("30"), super::OUTLET);
}

#[test]
fn an_estimate_by_a_named_body_with_an_adjective_after_it_is_the_bodys() {
    use storyline_model::EntityType;
    for (lang, text, name, figure, who) in [
        (
            "es",
            "El Gobierno ucraniano estima los daños en más de 2.000 millones de grivnas.",
            "Gobierno",
            "más de 2.000 millones",
            "Gobierno ucraniano",
        ),
        (
            "nl",
            "Sebit Chemical schat de schade op ruim 20 miljoen euro.",
            "Sebit Chemical",
            "ruim 20 miljoen euro",
            "Sebit Chemical",
        ),
    ] {
        let mut a = art(lang, text);
        mention(&mut a, name, EntityType::Org);
        let got = extract(&a);
        let c = got
            .iter()
            .find(|c| text[c.span.start..c.span.end].starts_with(figure))
            .unwrap_or_else(|| panic!("no claim {figure:?} in {got:?}"));
        assert_eq!(c.source_name, who, "{text}");
    }
}

/// The source name of the claim whose text starts with `starts`.
fn source_of(claims: &[storyline_model::Claim], text: &str, starts: &str) -> String {
    claims
        .iter()
        .find(|c| text[c.span.start..].starts_with(starts))
        .unwrap_or_else(|| panic!("no claim {starts:?} in {claims:#?}"))
        .source_name
        .clone()
}

#[test]
fn sources_after_figures_behind_polls_and_of_bodies_reporting_their_doings() {
    use storyline_model::EntityType::Org;
    // One sentence a line, as the segmenter would give them.
    let text = "Wednesday's rally drew the widest spread: 35,000 according to police, \
                \"more than 150,000\" according to the students, and between 85,000 and 90,000 \
                by the Monitor's count.\nFor Monday's march the ministry gave 11,000.\n\
                The poll by the Lakeside Research Center put Whitfield at 46% among 800 likely \
                voters.\nA survey by Sondea gives the PP between 50 and 53 of the 109 seats.\n\
                Halvorsen Motors reported its results on Tuesday.\nThe company earned $1.62 \
                billion in the quarter.\nKestrel Bank lost $40 million.";
    let mut a = art("en", text);
    for org in [
        "Lakeside Research Center",
        "Sondea",
        "Halvorsen Motors",
        "Kestrel Bank",
    ] {
        mention(&mut a, org, Org);
    }
    a.mentions.sort_by_key(|m| m.span);
    let got = extract(&a);
    assert_eq!(source_of(&got, text, "35,000"), "police");
    assert_eq!(source_of(&got, text, "more than 150,000"), "the students");
    assert_eq!(source_of(&got, text, "85,000 and 90,000"), "the Monitor");
    assert_eq!(source_of(&got, text, "11,000"), "the outlet");
    assert_eq!(source_of(&got, text, "46%"), "Lakeside Research Center");
    assert_eq!(source_of(&got, text, "800"), "Lakeside Research Center");
    assert_eq!(source_of(&got, text, "50 and 53"), "Sondea");
    assert_eq!(source_of(&got, text, "109"), "the outlet");
    assert_eq!(source_of(&got, text, "$1.62"), "Halvorsen Motors");
    assert_eq!(source_of(&got, text, "$40 million"), "Kestrel Bank");
}

#[test]
fn a_participle_that_closes_the_clause_after_the_figure_names_its_subject_the_source() {
    let text = "Vergangene Woche hatte die Gewerkschaft von 24.000 Teilnehmern gesprochen.";
    assert_eq!(source_in_pipeline("de", text, "24.000"), "die Gewerkschaft");
    let text = "Die Polizei hatte die Zahl der Demonstranten auf 8.000 beziffert.";
    assert_eq!(source_in_pipeline("de", text, "8.000"), "Die Polizei");
    let text = "AMSTERDAM (ANP) - De politie heeft het aantal betogers op 3000 geschat.";
    assert_eq!(source_in_pipeline("nl", text, "3000"), "De politie");
    // A participle that states no figure leaves it to the outlet.
    let text = "Die Polizei hatte 8.000 Absperrgitter aufgestellt.";
    assert_eq!(source_in_pipeline("de", text, "8.000"), super::OUTLET);
}

#[test]
fn a_body_opening_the_lead_after_a_dateline_reports_its_own_doings() {
    let text = "JOHANNESBURG, July 23 (Reuters) - The South African Reserve Bank cut its main \
                lending rate by 25 basis points on Thursday.";
    let mut a = art("en", text);
    mention(
        &mut a,
        "South African Reserve Bank",
        storyline_model::EntityType::Org,
    );
    let (quotes, clauses) = crate::quotes::extract_with_clauses(&a);
    a.quotes = quotes;
    let c = super::extract_with(&a, &clauses)
        .into_iter()
        .find(|c| text[c.span.start..c.span.end].starts_with("25"))
        .expect("the figure");
    assert_eq!(c.source_name, "South African Reserve Bank");
}

#[test]
fn a_pronoun_and_a_verb_of_estimating_after_a_figure_name_its_source() {
    let text = "The Reserve Bank now expects inflation to average 3.4% in 2027, down from the \
                3.7% it projected in May.";
    let mut a = art("en", text);
    mention(&mut a, "Reserve Bank", storyline_model::EntityType::Org);
    let got = extract(&a);
    let c = got
        .iter()
        .find(|c| &text[c.span.start..c.span.end] == "3.7%")
        .expect("the figure");
    assert_eq!(c.source_name, "Reserve Bank");
}

#[test]
fn a_group_nobody_names_still_gives_its_figure() {
    let text = "The blaze had grown to about 4,000 acres overnight, fire officials said.";
    assert_eq!(
        source_in_pipeline("en", text, "about 4,000"),
        "fire officials"
    );
}

#[test]
fn a_survey_of_so_many_by_a_firm_gives_its_figures_and_shares_are_the_markets() {
    let text = "The survey of 2,104 adults by Kestle Partners puts Reform on 28 per cent.";
    let mut a = art("en", text);
    mention(&mut a, "Kestle Partners", storyline_model::EntityType::Org);
    let got = extract(&a);
    let c = got
        .iter()
        .find(|c| text[c.span.start..c.span.end].starts_with("28"))
        .expect("the figure");
    assert_eq!(c.source_name, "Kestle Partners");
    let text = "Keystone Meridian shares were up 2.9% in afternoon trading.";
    let mut a = art("en", text);
    mention(
        &mut a,
        "Keystone Meridian",
        storyline_model::EntityType::Org,
    );
    let got = extract(&a);
    let c = got
        .iter()
        .find(|c| text[c.span.start..c.span.end].starts_with("2.9"))
        .expect("the figure");
    assert_eq!(c.source_name, super::OUTLET);
}

#[test]
fn the_sentences_after_a_report_give_its_figures_too() {
    let text = "The survey of 2,104 adults by Kestle Partners puts Reform on 28 per cent. The \
                Conservatives are on 18 per cent.\n\nTurnout was 60 per cent.";
    let mut a = art("en", text);
    let seg = crate::segment::segment(text, "en");
    a.sentences = seg.sentences;
    a.tokens = seg.tokens;
    a.paragraphs = seg.paragraphs;
    mention(&mut a, "Kestle Partners", storyline_model::EntityType::Org);
    assert!(a.sentences.len() >= 3);
    let got = extract(&a);
    let source = |figure: &str| {
        got.iter()
            .find(|c| text[c.span.start..c.span.end].starts_with(figure))
            .map(|c| c.source_name.clone())
            .expect("the figure")
    };
    assert_eq!(source("18"), "Kestle Partners");
    // Not across a paragraph.
    assert_eq!(source("60"), super::OUTLET);
}

#[test]
fn a_body_after_an_article_or_with_a_particle_reports_its_doings_in_any_language() {
    use storyline_model::EntityType::Org;
    let cases: [(&str, &str, &str, &str, &str); 7] = [
        // An irregular English past after "The" and the name.
        (
            "en",
            "The Harbour Authority gave a higher death toll of six on Tuesday.",
            "Harbour Authority",
            "six",
            "Harbour Authority",
        ),
        (
            "de",
            "Die Weltbank stellte Soforthilfe von bis zu 50 Millionen Dollar in Aussicht.",
            "Weltbank",
            "bis zu 50",
            "Weltbank",
        ),
        (
            "es",
            "El Banco Mundial aprobó el jueves un préstamo de 50 millones de dólares.",
            "Banco Mundial",
            "50 millones",
            "Banco Mundial",
        ),
        (
            "ko",
            "기상청은 25일 오후부터 5∼10㎜의 비가 내릴 것으로 예보했다.",
            "기상청",
            "5∼10㎜",
            "기상청",
        ),
        // A connector runs the subject on: no verb follows the name.
        (
            "de",
            "Die Weltbank und andere Geber sagten 50 Millionen Dollar zu.",
            "Weltbank",
            "50 Millionen",
            super::OUTLET,
        ),
        // A party's score in a vote or a poll is no figure the party gives.
        (
            "de",
            "Die SPD erreicht 25 Prozent und legt damit um drei Punkte zu.",
            "SPD",
            "25 Prozent",
            super::OUTLET,
        ),
        // Another body before the figure is the subject of its own clause.
        (
            "de",
            "Das Innenministerium hatte von 24.000 gesprochen, das Studentenplenum der \
             Universität Belgrad von mehr als 100.000.",
            "Innenministerium",
            "mehr als 100.000",
            super::OUTLET,
        ),
    ];
    for (lang, text, body, figure, want) in cases {
        let mut a = art(lang, text);
        mention(&mut a, body, Org);
        if text.contains("Universität Belgrad") {
            mention(&mut a, "Universität Belgrad", Org);
        }
        a.mentions.sort_by_key(|m| m.span);
        let got = extract(&a);
        assert_eq!(source_of(&got, text, figure), want, "{text}");
    }
}

#[test]
fn the_body_a_report_is_filed_with_did_not_make_it() {
    use storyline_model::{EntityType::Org, Span};
    let text = "The company said in a filing with the Securities and Exchange Commission that \
                profit rose. A survey by Kestle Partners found support fell.";
    let mut a = art("en", text);
    mention(&mut a, "Securities and Exchange Commission", Org);
    mention(&mut a, "Kestle Partners", Org);
    a.mentions.sort_by_key(|m| m.span);
    let first = Span::new(0, text.find(" A survey").unwrap());
    let end = Span::new(first.end, first.end);
    assert_eq!(super::source::report_maker(&a, end, first), None);
    let second = Span::new(first.end + 1, text.len());
    let end = Span::new(text.len(), text.len());
    assert_eq!(
        super::source::report_maker(&a, end, second).as_deref(),
        Some("Kestle Partners")
    );
}

#[test]
fn percent_ranges_other_dollars_and_degrees_glued_to_the_number() {
    check(
        "en",
        "Economists see the rate at 4.00% to 5.00% by December.",
        &[("4.00% to 5.00%", Some(4.0), Some(5.0), Hedge::Range)],
    );
    check(
        "en",
        "Pilots would earn up to C$90,000 more.",
        &[("up to C$90,000", None, Some(90000.0), Hedge::UpTo)],
    );
    check(
        "en",
        "Temperatures were 1.48C above the average.",
        &[("1.48C", Some(1.48), Some(1.48), Hedge::Exact)],
    );
    let a = art("en", "Pilots would earn up to C$90,000 more.");
    let got = extract(&a);
    assert_eq!(got[0].unit.as_deref(), Some("CAD"));
    // A code is no temperature.
    check(
        "en",
        "Three C-130 aircraft and an F-16 flew.",
        &[("Three", Some(3.0), Some(3.0), Hedge::Exact)],
    );
}

#[test]
fn figures_after_those_a_body_polled_are_the_polls() {
    use storyline_model::EntityType::Org;
    let text = "Of 27 economists polled by Reuters last week, 19 had expected a cut.";
    let mut a = art("en", text);
    mention(&mut a, "Reuters", Org);
    let got = extract(&a);
    assert_eq!(source_of(&got, text, "19"), "Reuters");
}

#[test]
fn a_figure_of_the_report_named_before_is_its_makers() {
    use storyline_model::EntityType::Org;
    let text = "The annual survey by the Coastal Housing Trust was published on Monday.\n\n\
                Rents rose again in every district. The survey also found that about 4,200 \
                households were waiting for a council flat.";
    let mut a = art("en", text);
    mention(&mut a, "Coastal Housing Trust", Org);
    let got = extract(&a);
    assert_eq!(
        source_of(&got, text, "about 4,200"),
        "Coastal Housing Trust"
    );
    // An indefinite report is another one.
    let text = "The annual survey by the Coastal Housing Trust was published on Monday.\n\n\
                A survey also found that about 4,200 households were waiting.";
    let mut a = art("en", text);
    mention(&mut a, "Coastal Housing Trust", Org);
    let got = extract(&a);
    assert_eq!(source_of(&got, text, "about 4,200"), super::OUTLET);
}

#[test]
fn a_name_with_its_acronym_in_parentheses_estimates() {
    use storyline_model::EntityType::Org;
    let text = "Der Verband European Rail Freight Association (ERFA) schätzt die Verluste auf mehr als 40 Millionen Euro.";
    let mut a = art("de", text);
    mention(&mut a, "European Rail Freight Association", Org);
    mention(&mut a, "ERFA", Org);
    a.mentions.sort_by_key(|m| m.span);
    let got = extract(&a);
    assert_eq!(
        source_of(&got, text, "mehr als 40 Millionen Euro"),
        "European Rail Freight Association"
    );
}
