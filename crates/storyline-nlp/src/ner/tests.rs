//! Tests of the tagger as a whole: training, the model file, the Article adapter.

use proptest::prelude::*;
use storyline_model::{Article, EntityType, Sentence, Span, Token, TokenKind};

use super::labels::{begin, last, unit, O};
use super::*;

/// A toy corpus: capitalised words after "minister" are people, words after "in" are places.
fn toy_corpus() -> String {
    let people = [
        "Halyna Marchuk",
        "Ostap Lysenko",
        "Iryna Bondar",
        "Taras Hnatiuk",
    ];
    let places = ["Poltava", "Uzhhorod", "Sumy", "Rivne", "Lutsk"];
    let mut s = String::new();
    for round in 0..6 {
        s.push_str("-DOCSTART- -X- -X- O\n\n");
        for (i, p) in people.iter().enumerate() {
            let place = places[(i + round) % places.len()];
            s.push_str("The DT O O\nminister NN O O\n");
            for (k, w) in p.split(' ').enumerate() {
                let tag = if k == 0 { "B-PER" } else { "I-PER" };
                s.push_str(&format!("{w} NNP O {tag}\n"));
            }
            s.push_str(&format!(
                "arrived VBD O O\nin IN O O\n{place} NNP O B-LOC\n. . O O\n\n"
            ));
        }
    }
    s
}

fn toy_model() -> Model {
    let docs = conll::read(&toy_corpus()).unwrap();
    let mut lex = Lexicon::default();
    let mut counts = WordCounts::default();
    for s in docs.iter().flat_map(|d| &d.sentences) {
        counts.add_sentence(&s.words);
    }
    counts.finish(&mut lex);
    let cfg = TrainConfig {
        epochs: 4,
        bits: 14,
        ..TrainConfig::default()
    };
    let t = train(&docs, Some(&docs), lex, &cfg, &mut |_| {});
    assert!(t.dev_f1.unwrap() > 99.0, "{:?}", t.dev_f1);
    t.model
}

#[test]
fn a_tiny_training_run_learns_the_pattern() {
    let model = toy_model();
    // Unseen names in the learned contexts.
    let got = train::tag_sentence(
        &model,
        &[
            "The",
            "minister",
            "Mykola",
            "Savchenko",
            "arrived",
            "in",
            "Ternopil",
            ".",
        ],
    );
    let want = [O, O, begin(0), last(0), O, O, unit(2), O];
    assert_eq!(got, want);
}

#[test]
fn model_file_round_trips() {
    let model = toy_model();
    let bytes = model.to_bytes();
    let back = Model::from_bytes(&bytes).unwrap();
    assert_eq!(back.to_bytes(), bytes);
    let doc = [vec![
        "The", "minister", "Iryna", "Bondar", "arrived", "in", "Sumy",
    ]];
    assert_eq!(model.tag(&doc), back.tag(&doc));
}

#[test]
fn model_file_round_trips_with_clusters() {
    let docs = conll::read(&toy_corpus()).unwrap();
    let mut corpus = BrownCorpus::default();
    for s in docs.iter().flat_map(|d| &d.sentences) {
        corpus.add_sentence(&s.words);
    }
    let paths = corpus.cluster(&BrownConfig {
        clusters: 5,
        min_count: 1,
    });
    let mut lex = Lexicon::default();
    for p in &paths {
        assert!(lex.add_cluster(&p.word, &p.path));
    }
    assert_eq!(lex.cluster_count(), paths.len());
    let cfg = TrainConfig {
        epochs: 3,
        bits: 14,
        ..TrainConfig::default()
    };
    let a = train(&docs, None, lex.clone(), &cfg, &mut |_| {}).model;
    let b = train(&docs, None, lex, &cfg, &mut |_| {}).model;
    let bytes = a.to_bytes();
    assert_eq!(bytes, b.to_bytes(), "training is deterministic");
    let back = Model::from_bytes(&bytes).unwrap();
    assert_eq!(back.lex.clusters, a.lex.clusters);
    assert_eq!(back.to_bytes(), bytes);
    let doc = [vec![
        "The", "minister", "Taras", "Hnatiuk", "arrived", "in", "Lutsk",
    ]];
    assert_eq!(a.tag(&doc), back.tag(&doc));
}

#[test]
fn damaged_models_are_clear_errors() {
    let bytes = toy_model().to_bytes();
    assert_eq!(
        Model::from_bytes(b"hello").unwrap_err(),
        ModelError::NotAModel
    );
    assert_eq!(Model::from_bytes(&[]).unwrap_err(), ModelError::NotAModel);
    let mut flipped = bytes.clone();
    flipped[40] ^= 0x55;
    assert!(matches!(
        Model::from_bytes(&flipped),
        Err(ModelError::Corrupt(_))
    ));
    let cut = &bytes[..bytes.len() / 2];
    assert!(matches!(
        Model::from_bytes(cut),
        Err(ModelError::Corrupt(_))
    ));
    let mut other = bytes.clone();
    other[8] = 99;
    assert_eq!(
        Model::from_bytes(&other).unwrap_err(),
        ModelError::Version(99)
    );
    let msg = ModelError::Version(99).to_string();
    assert!(msg.contains("storyline train ner"), "{msg}");
}

#[test]
fn the_embedded_model_loads() {
    let t = Tagger::embedded().unwrap();
    let doc = [vec!["Olena", "Kovalenko", "flew", "to", "Brussels", "."]];
    let names = t.tag_tokens(&doc);
    assert_eq!(names[0].len(), 2, "{names:?}");
}

/// An article with one sentence per line and tokens split at spaces and before
/// punctuation and a possessive `'s`, as the segmenter will.
fn article(text: &str) -> Article {
    let mut tokens = Vec::new();
    let mut sentences = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let first = tokens.len();
        let mut pos = offset;
        for w in line.split(' ') {
            let w = w.trim_end_matches('\n');
            let mut start = pos;
            let mut rest = w;
            while !rest.is_empty() {
                let cut = if let Some(i) = rest.find("'s") {
                    if i == 0 {
                        2
                    } else {
                        i
                    }
                } else if rest.len() > 1 && rest.ends_with(['.', ',', '/', ':']) {
                    rest.len() - rest.chars().last().map_or(1, char::len_utf8)
                } else {
                    rest.len()
                };
                tokens.push(Token {
                    span: Span::new(start, start + cut),
                    kind: TokenKind::Word,
                });
                start += cut;
                rest = &rest[cut..];
            }
            pos += w.len() + 1;
        }
        sentences.push(Sentence {
            span: Span::new(offset, offset + line.trim_end().len()),
            tokens: first..tokens.len(),
            paragraph: 0,
            boilerplate: false,
        });
        offset += line.len();
    }
    Article {
        text: text.to_string(),
        body: Span::new(0, text.len()),
        tokens,
        sentences,
        ..Article::default()
    }
}

#[test]
fn article_mentions_index_the_text() {
    let a = article(
        "President Olena Kovalenko visited Kharkiv on Monday.\nKovalenko's aides met officials of the European Union in Brussels.\nАнна Шевченко прибула до Києва.\n",
    );
    let tagger = Tagger::embedded().unwrap();
    let ms = tagger.tag(&a);
    for m in &ms {
        assert!(m.span.is_valid_in(&a.text));
    }
    let found: Vec<(&str, EntityType)> = ms.iter().map(|m| (a.slice(m.span), m.kind)).collect();
    assert!(
        found.contains(&("Olena Kovalenko", EntityType::Person)),
        "{found:?}"
    );
    assert!(
        found.contains(&("Kovalenko", EntityType::Person)),
        "{found:?}"
    );
    assert!(found.contains(&("Kharkiv", EntityType::Gpe)), "{found:?}");
    assert!(found.contains(&("Brussels", EntityType::Gpe)), "{found:?}");
}

#[test]
fn boilerplate_sentences_are_skipped() {
    let mut a = article("Share on Facebook and Twitter\nOlena Kovalenko visited Kharkiv.\n");
    a.sentences[0].boilerplate = true;
    let ms = Tagger::embedded().unwrap().tag(&a);
    assert!(ms.iter().all(|m| m.span.start >= a.sentences[1].span.start));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn spans_are_valid_for_any_text(text in "[a-zA-Zа-яА-ЯіїєІЇЄ'’., /\\-\n0-9]{0,120}") {
        let a = article(&text);
        for m in Tagger::embedded().unwrap().tag(&a) {
            prop_assert!(m.span.is_valid_in(&a.text));
            prop_assert!(!m.span.is_empty());
        }
    }

    #[test]
    fn spans_are_valid_in_scripts_without_case(
        text in "(대통령은|장관|부산에서|러시아|김민수|젤렌스키|\"|고 말했다|प्रधानमंत्री|मोदी|ने|रूस|मंत्रालय|विदेश|[가-힣ऀ-ॿ]{1,4}|[ .,\n0-9]){0,40}"
    ) {
        let a = segmented(&text, "ko");
        for m in Tagger::embedded().unwrap().tag(&a) {
            prop_assert!(m.span.is_valid_in(&a.text));
            prop_assert!(!m.span.is_empty());
        }
    }
}

/// The tagger's mentions of `text` as (surface, type, role).
fn tagged(text: &str, lang: &str) -> Vec<(String, storyline_model::EntityType, Option<String>)> {
    let a = segmented(text, lang);
    let ms = super::Tagger::embedded().unwrap().tag(&a);
    for m in &ms {
        assert!(m.span.is_valid_in(text));
    }
    ms.iter()
        .map(|m| {
            (
                text[m.span.start..m.span.end].to_string(),
                m.kind,
                m.role.clone(),
            )
        })
        .collect()
}

#[test]
fn korean_names_by_titles_places_and_particles() {
    use storyline_model::EntityType::{Gpe, Org, Person};
    let text =
        "볼로디미르 젤렌스키 우크라이나 대통령은 19일 부산에서 강민호 해양수산부 장관과 만났다. \
                이날 회담을 마친 젤렌스키는 러시아를 비판했다. 강 장관은 내용을 표명했다고 전했다.";
    let got = tagged(text, "ko");
    let has = |s: &str, t| got.iter().any(|(x, k, _)| x == s && *k == t);
    for (s, t) in [
        ("볼로디미르 젤렌스키", Person),
        ("우크라이나", Gpe),
        ("부산", Gpe),
        ("강민호", Person),
        ("해양수산부", Org),
        ("젤렌스키", Person),
        ("러시아", Gpe),
        ("강", Person),
    ] {
        assert!(has(s, t), "{s} {t:?} in {got:?}");
    }
    let role = |s: &str| {
        got.iter()
            .find(|(x, _, _)| x == s)
            .and_then(|m| m.2.clone())
    };
    assert_eq!(
        role("볼로디미르 젤렌스키").as_deref(),
        Some("우크라이나 대통령")
    );
    assert_eq!(role("강민호").as_deref(), Some("해양수산부 장관"));
    // Verb forms and time words are no names.
    assert!(!got
        .iter()
        .any(|(x, _, _)| x.contains("표명") || x.contains("이날") || x.contains("마친")));
}

#[test]
fn a_korean_company_between_a_name_and_a_title_is_part_of_the_role() {
    use storyline_model::EntityType::Person;
    let text = "서혜진 세빛케미칼 대표는 입장문을 냈다. 윤상철 여수소방서장은 현장에서 말했다.";
    let got = tagged(text, "ko");
    let person = |s: &str| got.iter().find(|(x, k, _)| x == s && *k == Person);
    assert_eq!(
        person("서혜진").and_then(|m| m.2.as_deref()),
        Some("세빛케미칼 대표"),
        "{got:?}"
    );
    assert_eq!(
        person("윤상철").and_then(|m| m.2.as_deref()),
        Some("여수소방서장"),
        "{got:?}"
    );
}

#[test]
fn hindi_names_after_titles() {
    use storyline_model::EntityType::{Gpe, Org, Person};
    let text = "प्रधानमंत्री नरेंद्र मोदी ने मंगलवार को नई दिल्ली में कहा कि रूस से बातचीत जारी है। \
                विदेश मंत्रालय के अनुसार मोदी अगले महीने दक्षिण कोरिया जाएंगे।";
    let got = tagged(text, "hi");
    for (s, t) in [
        ("नरेंद्र मोदी", Person),
        ("नई दिल्ली", Gpe),
        ("रूस", Gpe),
        ("विदेश मंत्रालय", Org),
        ("मोदी", Person),
        ("दक्षिण कोरिया", Gpe),
    ] {
        assert!(
            got.iter().any(|(x, k, _)| x == s && *k == t),
            "{s} {t:?} in {got:?}"
        );
    }
    assert!(got.len() == 6, "{got:?}");
}

#[test]
fn hindi_names_after_kinship_words_and_bodies_ending_in_a_head_noun() {
    use storyline_model::EntityType::{Org, Person};
    let text = "उनके भाई प्रदीप कुशवाहा ने कहा कि मॉस्को स्थित भारतीय दूतावास संपर्क में है। \
                केंद्रीय अन्वेषण ब्यूरो ने बयान दिया।";
    let got = tagged(text, "hi");
    for (s, t) in [
        ("प्रदीप कुशवाहा", Person),
        ("भारतीय दूतावास", Org),
        ("केंद्रीय अन्वेषण ब्यूरो", Org),
    ] {
        assert!(
            got.iter().any(|(x, k, _)| x == s && *k == t),
            "{s} {t:?} in {got:?}"
        );
    }
    // "स्थित" (located in) is no part of the body's name.
    assert!(!got.iter().any(|(x, _, _)| x.contains("स्थित")), "{got:?}");
}

#[test]
fn hindi_head_nouns_in_a_row_and_no_name_of_a_weekday_after_a_title() {
    use storyline_model::EntityType::Org;
    let text = "दक्षिण कोरियाई तटरक्षक बल ने बताया कि दूतावास के दो अधिकारी मंगलवार रात बुसान पहुंचे। \
                नौवहन महानिदेशालय ने बयान दिया।";
    let got = tagged(text, "hi");
    for (s, t) in [("दक्षिण कोरियाई तटरक्षक बल", Org), ("नौवहन महानिदेशालय", Org)]
    {
        assert!(
            got.iter().any(|(x, k, _)| x == s && *k == t),
            "{s} {t:?} in {got:?}"
        );
    }
    assert!(!got.iter().any(|(x, _, _)| x.contains("रात")), "{got:?}");
}

#[test]
fn hindi_places_of_several_words_and_before_a_kind_of_place() {
    use storyline_model::EntityType::{Gpe, Org};
    let text = "ओडिशा के बालासोर जिले में दो ट्रेनों की टक्कर हुई। उत्तर प्रदेश और पश्चिम बंगाल में \
                भी अलर्ट है। संयुक्त राष्ट्र ने चिंता जताई। इस राज्य के लोग डरे हुए हैं। \
                विश्व स्वास्थ्य संगठन (डब्ल्यूएचओ) ने मदद भेजी।";
    let got = tagged(text, "hi");
    let want = [
        ("ओडिशा", Gpe),
        ("बालासोर", Gpe),
        ("उत्तर प्रदेश", Gpe),
        ("पश्चिम बंगाल", Gpe),
        ("संयुक्त राष्ट्र", Org),
        ("विश्व स्वास्थ्य संगठन", Org),
        ("डब्ल्यूएचओ", Org),
    ];
    let got: Vec<(&str, storyline_model::EntityType)> =
        got.iter().map(|(x, k, _)| (x.as_str(), *k)).collect();
    assert_eq!(got, want);
}

/// The names of `tagged`'s answer, as written.
fn texts(got: &[(String, storyline_model::EntityType, Option<String>)]) -> Vec<&str> {
    got.iter().map(|(x, _, _)| x.as_str()).collect()
}

#[test]
fn a_hedge_after_a_dateline_is_no_name() {
    let got = tagged(
        "UTRECHT – Bijna 5000 boeren zijn dinsdag naar de stad gekomen.",
        "nl",
    );
    assert_eq!(texts(&got), ["UTRECHT"]);
}

#[test]
fn an_inflected_city_is_a_place() {
    let got = tagged(
        "Троє людей загинули внаслідок удару по Харкову, повідомив Олег Синєгубов. У Харкова немає світла.",
        "uk",
    );
    let places: Vec<&str> = got
        .iter()
        .filter(|(_, k, _)| *k == storyline_model::EntityType::Gpe)
        .map(|(x, _, _)| x.as_str())
        .collect();
    assert_eq!(places, ["Харкову", "Харкова"], "{got:?}");
}

#[test]
fn korean_places_with_their_administrative_suffix() {
    let got = tagged(
        "포항시는 대책을 밝혔다. 경북 지역과 제주도에 비가 왔다.",
        "ko",
    );
    assert_eq!(texts(&got), ["포항시", "경북", "제주도"]);
}

#[test]
fn other_script_name_anchored_by_the_latin_one() {
    let text = "President Volodymyr Zelenskyy spoke to reporters in the capital on Friday about the war and the army. \
                Zelenskyy said more. — Volodymyr Zelenskyy / Володимир Зеленський (@ZelenskyyUa) October 25, 2024";
    let a = segmented(text, "en");
    let tagger = super::Tagger::embedded().unwrap();
    let ms = tagger.tag(&a);
    let found: Vec<(&str, storyline_model::EntityType)> = ms
        .iter()
        .map(|m| (&text[m.span.start..m.span.end], m.kind))
        .collect();
    assert!(
        found.contains(&("Володимир Зеленський", storyline_model::EntityType::Person)),
        "{found:?}"
    );
}

#[test]
fn word_caches_do_not_change_the_labels() {
    let tagger = Tagger::embedded().unwrap();
    let docs: [&[&[&str]]; 3] = [
        &[
            &[
                "Olena",
                "Marchuk",
                "met",
                "the",
                "IAEA",
                "team",
                "in",
                "Zaporizhzhia",
                ".",
            ],
            &["Marchuk", "said", "the", "plant", "was", "safe", "."],
        ],
        &[&[
            "The",
            "plant",
            "in",
            "Zaporizhzhia",
            "is",
            "run",
            "by",
            "Energoatom",
            ".",
        ]],
        &[&[
            "SOCCER", "-", "DYNAMO", "KYIV", "BEAT", "SHAKHTAR", "2-1", ".",
        ]],
    ];
    let fresh: Vec<Vec<Vec<u8>>> = docs
        .iter()
        .map(|d| {
            let mut ws = Workspace::default();
            tagger.model().tag_into(d, &mut ws);
            (0..ws.sentences())
                .map(|i| ws.sentence_labels(i).to_vec())
                .collect()
        })
        .collect();
    // One workspace through every document twice, in both orders: warm caches everywhere.
    let mut ws = Workspace::default();
    for order in [[0, 1, 2], [2, 1, 0], [1, 0, 2]] {
        for k in order {
            tagger.model().tag_into(docs[k], &mut ws);
            let got: Vec<Vec<u8>> = (0..ws.sentences())
                .map(|i| ws.sentence_labels(i).to_vec())
                .collect();
            assert_eq!(got, fresh[k], "document {k}");
        }
    }
    assert!(fresh[0][0].iter().any(|&l| l != O));
}

/// The embedded tagger's names in `text` of language `lang`, as (text, type), the body
/// starting at `body` (the whole text when `None`).
fn names_in<'a>(
    text: &'a str,
    lang: &str,
    body: Option<usize>,
) -> Vec<(&'a str, storyline_model::EntityType)> {
    let mut a = segmented(text, lang);
    if let Some(b) = body {
        a.body = storyline_model::Span::new(b, text.len());
    }
    super::Tagger::embedded()
        .unwrap()
        .tag(&a)
        .iter()
        .map(|m| (&text[m.span.start..m.span.end], m.kind))
        .collect()
}

#[test]
fn a_datelines_agency_and_place_after_a_date_header_are_names() {
    use storyline_model::EntityType::{Gpe, Org};
    let text = "Bahnstreik\n date 2026-03-11 Czernowitz (NPA) - Der Damm brach.";
    let got = names_in(text, "de", text.find("Czernowitz"));
    assert!(got.contains(&("Czernowitz", Gpe)), "{got:?}");
    assert!(got.contains(&("NPA", Org)), "{got:?}");
    // The word after the dateline opens a sentence: "Der" is no name.
    assert!(!got.iter().any(|(t, _)| t.starts_with("Der")), "{got:?}");
}

#[test]
fn rivers_and_seas_are_locations_whatever_the_tagger_said() {
    use storyline_model::EntityType::Loc;
    let tag = |text: &str, lang: &str| -> Vec<(String, storyline_model::EntityType)> {
        let mut a = segmented(text, lang);
        a.body = storyline_model::Span::new(0, text.len());
        super::Tagger::embedded()
            .unwrap()
            .tag(&a)
            .iter()
            .map(|m| (text[m.span.start..m.span.end].to_string(), m.kind))
            .collect()
    };
    let got = tag(
        "Dead fish washed up along the Rhine on Tuesday. Crews worked on the Waal.",
        "en",
    );
    assert!(got.contains(&("Rhine".into(), Loc)), "{got:?}");
    assert!(got.contains(&("Waal".into(), Loc)), "{got:?}");
    let got = tag(
        "Уровень воды в Рейне поднялся. Суда стоят в Чёрном море.",
        "ru",
    );
    assert!(got.contains(&("Рейне".into(), Loc)), "{got:?}");
    // A river's name that is the family name of a person named in full stays the person's.
    let got = tag(
        "Foreign Minister Heiko Maas met his colleagues. Maas said the talks went well.",
        "en",
    );
    assert!(
        !got.iter().any(|(t, k)| t == "Maas" && *k == Loc),
        "{got:?}"
    );
}

#[test]
fn a_month_before_a_day_is_no_name() {
    let text = "Bank results\ndate 2026-10-15 Oct 15 (Reuters) - Keystone Meridian Bancorp said \
                profit rose.";
    let body = text.find("Oct 15").unwrap();
    let mut a = segmented(text, "en");
    a.body = storyline_model::Span::new(body, text.len());
    let got: Vec<&str> = super::Tagger::embedded()
        .unwrap()
        .tag(&a)
        .iter()
        .map(|m| &text[m.span.start..m.span.end])
        .collect();
    assert!(!got.contains(&"Oct"), "{got:?}");
    assert!(got.contains(&"Reuters"), "{got:?}");
}

/// `text` as an article in `lang`, segmented, ready for the tagger.
fn segmented(text: &str, lang: &str) -> storyline_model::Article {
    let seg = crate::segment::segment(text, lang);
    storyline_model::Article {
        text: text.into(),
        lang: lang.into(),
        sentences: seg.sentences,
        tokens: seg.tokens,
        paragraphs: seg.paragraphs,
        ..Default::default()
    }
}

#[test]
fn an_international_body_is_an_organisation_in_every_language() {
    use storyline_model::EntityType::Org;
    let got = tagged(
        "Arrivano le navi. Europol ha inviato propri esperti. Ieri Europol ha detto di più.",
        "it",
    );
    let bodies: Vec<_> = got.iter().filter(|(x, _, _)| x == "Europol").collect();
    assert_eq!(bodies.len(), 2, "{got:?}");
    assert!(bodies.iter().all(|(_, k, _)| *k == Org), "{got:?}");
    // Europe is no Europol.
    let got = tagged("Ships left Europe on Monday.", "en");
    assert!(!got.iter().any(|(_, k, _)| *k == Org), "{got:?}");
}

#[test]
fn a_bodys_acronym_names_it_wherever_it_is_written() {
    use storyline_model::EntityType::Org;
    let got = tagged(
        "Die Gewerkschaft Vereinigung Cockpit (VC) rief zum Streik auf. Die VC fordert mehr \
         Geld. Am Montag will die VC erneut streiken.",
        "de",
    );
    let vc: Vec<_> = got.iter().filter(|(x, _, _)| x == "VC").collect();
    assert_eq!(vc.len(), 3, "{got:?}");
    assert!(vc.iter().all(|(_, k, _)| *k == Org), "{got:?}");
    // Not on a line of capitals.
    let got = tagged("VC STRIKE ENDS\nThe union (VC) ended its strike.", "en");
    assert_eq!(
        got.iter().filter(|(x, _, _)| x == "VC").count(),
        1,
        "{got:?}"
    );
}

#[test]
fn a_month_after_the_day_in_a_dateline_is_no_name() {
    let got = tagged(
        "(ANSA) - ROMA, 16 LUG - Sono sani e salvi i due turisti.",
        "it",
    );
    assert!(!got.iter().any(|(x, _, _)| x == "LUG"), "{got:?}");
}

#[test]
fn a_currency_is_no_name_and_a_regional_service_no_part_of_the_agency() {
    use storyline_model::EntityType::Org;
    let text = "Streik in Lünen\n date 2026-03-11 Lünen (dpa/lnw) - Die Stadt stellt 350 Euro \
                und 20 Dollar bereit, sagte Verdi.";
    let got = names_in(text, "de", text.find("Lünen ("));
    assert!(got.contains(&("dpa", Org)), "{got:?}");
    assert!(
        !got.iter()
            .any(|(t, _)| *t == "Euro" || *t == "Dollar" || t.contains('/')),
        "{got:?}"
    );
}

#[test]
fn a_long_body_s_name_ending_in_a_person_s_word_stays_a_body() {
    // Spanish: a body's head noun and connectors ("y la", "para la") hold its whole name,
    // and its last word is no surname for a person typed elsewhere.
    let text = "La Comisión Nacional de los Mercados y la Competencia multó a la empresa. \
                La Comisión Internacional para la Protección del Duero pidió datos, dijo Duero.";
    let got = names_in(text, "es", None);
    use storyline_model::EntityType::Org;
    assert!(
        got.contains(&("Comisión Nacional de los Mercados y la Competencia", Org)),
        "{got:?}"
    );
    assert!(
        got.contains(&("Comisión Internacional para la Protección del Duero", Org)),
        "{got:?}"
    );
}

#[test]
fn an_undersecretary_is_a_title_and_a_radio_station_a_body() {
    use storyline_model::EntityType::{Org, Person};
    let got = tagged(
        "Interior Undersecretary Marco Bellandi said the government would act. Kiboko FM, a \
         local radio station, reported on Sunday that five had died.",
        "en",
    );
    assert!(
        got.iter()
            .any(|(x, k, _)| x == "Marco Bellandi" && *k == Person),
        "{got:?}"
    );
    assert!(
        got.iter().any(|(x, k, _)| x == "Kiboko FM" && *k == Org),
        "{got:?}"
    );
}
