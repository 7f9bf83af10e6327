//! Tests of the quote extractor: one per construction, the multilingual gold articles in
//! `tests/gold/quotes/`, and a property test over arbitrary text.

use proptest::prelude::*;
use storyline_model::{Article, Quote, QuoteKind};

use super::extract;

fn article(text: &str, lang: &str) -> Article {
    Article {
        text: text.into(),
        lang: lang.into(),
        ..Default::default()
    }
}

/// Marks the last occurrence of `name` in the article's text as a mention of `kind`, as the
/// tagger would.
fn mention(a: &mut Article, name: &str, kind: storyline_model::EntityType) {
    let at = a.text.rfind(name).unwrap();
    a.mentions.push(storyline_model::Mention {
        span: storyline_model::Span::new(at, at + name.len()),
        kind,
        entity: None,
        resolved: false,
        role: None,
    });
}

/// (text, quote starts, kind, speaker name) for each expected quote.
fn check(text: &str, expected: &[(&str, QuoteKind, &str)]) {
    let a = article(text, "en");
    let got = extract(&a);
    for (starts, kind, speaker) in expected {
        let q = got
            .iter()
            .find(|q| text[q.span.start..q.span.end].starts_with(starts));
        let Some(q) = q else {
            panic!("no quote starting {starts:?} in {got:#?}");
        };
        assert_eq!(q.kind, *kind, "kind of {starts:?}");
        assert_eq!(
            q.speaker_name.as_deref(),
            Some(*speaker),
            "speaker of {starts:?}"
        );
    }
    assert_eq!(got.len(), expected.len(), "{got:#?}");
}

#[test]
fn direct_quote_styles() {
    use QuoteKind::Direct;
    check(
        "\"We will rebuild,\" Mayor Ann Cole said.",
        &[("We will rebuild", Direct, "Ann Cole")],
    );
    check(
        "“We will rebuild,” said Ann Cole.",
        &[("We will rebuild", Direct, "Ann Cole")],
    );
    check(
        "Ann Cole said: «We will rebuild.»",
        &[("We will rebuild", Direct, "Ann Cole")],
    );
    check(
        "Ann Cole said: „We will rebuild.“",
        &[("We will rebuild", Direct, "Ann Cole")],
    );
    check(
        "Ann Cole said: 「We will rebuild.」",
        &[("We will rebuild", Direct, "Ann Cole")],
    );
    check(
        "‘We will rebuild,’ Ann Cole said.",
        &[("We will rebuild", Direct, "Ann Cole")],
    );
}

#[test]
fn multi_paragraph_and_unbalanced() {
    use QuoteKind::Direct;
    let text =
        "Ann Cole said: \"The bridge is closed.\n\"It will reopen in May.\"\nTraffic was light.";
    let got = extract(&article(text, "en"));
    assert_eq!(got.len(), 1);
    assert!(text[got[0].span.start..got[0].span.end].ends_with("May."));
    check("\"We will rebuild, Ann Cole said.", &[]);
    check(
        "Ann Cole said: \"We will rebuild",
        &[("We will rebuild", Direct, "Ann Cole")],
    );
}

#[test]
fn pronoun_and_adjacency() {
    use QuoteKind::Direct;
    let text = "Governor Ann Cole visited the dam.\n\"It held,\" she said.\n\"We were lucky.\"";
    check(
        text,
        &[
            ("It held", Direct, "Ann Cole"),
            ("We were lucky", Direct, "Ann Cole"),
        ],
    );
}

#[test]
fn partial_quotes() {
    use QuoteKind::Partial;
    check(
        "Senator Ann Cole called for a \"full inquiry\" into the collapse.",
        &[("full inquiry", Partial, "Ann Cole")],
    );
    check(
        "The closure would be a \"serious blow\" to trade, Ann Cole said on Monday.",
        &[("serious blow", Partial, "Ann Cole")],
    );
}

#[test]
fn unresolved_descriptions_and_reports() {
    use QuoteKind::{Indirect, Partial};
    check(
        "Ferry traffic stopped, with a harbour spokesperson saying the delay was \"regrettable\" for tourists.",
        &[("regrettable", Partial, "a harbour spokesperson")],
    );
    check(
        "Norway's coast guard has reported that two trawlers ran aground overnight.",
        &[("two trawlers ran aground", Indirect, "Norway's coast guard")],
    );
    check(
        "Sen. Ann Cole (D-Maine) told reporters the vote would be close.",
        &[("the vote would be close", Indirect, "Ann Cole")],
    );
}

#[test]
fn indirect_speech() {
    use QuoteKind::Indirect;
    check(
        "Ann Cole said on Monday that the bridge would reopen in May.",
        &[("the bridge would reopen", Indirect, "Ann Cole")],
    );
    check(
        "The bridge will reopen in May, Ann Cole said on Oct. 22.",
        &[("The bridge will reopen", Indirect, "Ann Cole")],
    );
    check(
        "According to the transport ministry, the bridge will reopen in May.",
        &[("the bridge will reopen", Indirect, "the transport ministry")],
    );
    check(
        "Ann Cole told reporters that repairs were on schedule.",
        &[("repairs were on schedule", Indirect, "Ann Cole")],
    );
    check(
        "Port officials approximate that 300 ships were delayed.",
        &[("300 ships were delayed", Indirect, "Port officials")],
    );
}

#[test]
fn cited_sources_go_to_via() {
    let text = "Repairs will take a year, Ann Cole said, citing engineering reports.";
    let got = extract(&article(text, "en"));
    assert_eq!(got.len(), 1, "{got:#?}");
    assert_eq!(got[0].via, vec!["engineering reports".to_string()]);
    assert_eq!(got[0].speaker_name.as_deref(), Some("Ann Cole"));
    let text = "Ann Cole, citing engineering reports, said the bridge was unsafe.";
    let got = extract(&article(text, "en"));
    assert_eq!(got.len(), 1, "{got:#?}");
    assert_eq!(got[0].via, vec!["engineering reports".to_string()]);
    assert_eq!(got[0].speaker_name.as_deref(), Some("Ann Cole"));
    assert_eq!(
        &text[got[0].span.start..got[0].span.end],
        "the bridge was unsafe"
    );
}

#[test]
fn embedded_post() {
    let text = "The mayor posted an update.\nThe bridge is open again. Thank you all. — Ann Cole / Анна Коул (@anncole) March 3, 2025\nTraffic resumed.";
    let got = extract(&article(text, "en"));
    let post = got
        .iter()
        .find(|q| q.kind == QuoteKind::Post)
        .expect("a post");
    assert_eq!(
        &text[post.span.start..post.span.end],
        "The bridge is open again. Thank you all."
    );
    assert_eq!(post.speaker_name.as_deref(), Some("Ann Cole"));
    assert_eq!(
        post.date.map(|d| d.to_string()).as_deref(),
        Some("2025-03-03")
    );
}

#[test]
fn other_languages() {
    let got = extract(&article("„Wir bauen neu“, sagte Anna Weber.", "de"));
    assert_eq!(got[0].speaker_name.as_deref(), Some("Anna Weber"));
    let got = extract(&article("«Seguiremos», dijo Ana Ruiz.", "es"));
    assert_eq!(got[0].speaker_name.as_deref(), Some("Ana Ruiz"));
    let got = extract(&article("«Мы продолжим», — заявил Иван Петров.", "ru"));
    assert_eq!(got[0].speaker_name.as_deref(), Some("Иван Петров"));
    let got = extract(&article("«Ми продовжимо», — заявив Іван Петренко.", "uk"));
    assert_eq!(got[0].speaker_name.as_deref(), Some("Іван Петренко"));
    let got = extract(&article(
        "Secondo la polizia, il ponte resterà chiuso.",
        "it",
    ));
    assert_eq!(got[0].kind, QuoteKind::Indirect);
}

#[test]
fn dutch_and_hindi_cues() {
    let text = "Burgemeester Ahmed Aboutaleb liet weten dat de haven open blijft. \
                \"Er is geen risico\", aldus Aboutaleb. Volgens hem zijn drie schepen ingezet.";
    let got = extract(&article(text, "nl"));
    expect(
        text,
        &got,
        "Er is geen risico",
        QuoteKind::Direct,
        "Ahmed Aboutaleb",
    );
    expect(
        text,
        &got,
        "de haven open blijft",
        QuoteKind::Indirect,
        "Ahmed Aboutaleb",
    );
    expect(
        text,
        &got,
        "zijn drie schepen",
        QuoteKind::Indirect,
        "Ahmed Aboutaleb",
    );
    // A demonstrative and an auxiliary open the sentence, the participle closes it.
    let text2 = "De haven blijft tot maandag dicht. \
                 Dat heeft havencommissaris Marieke Visser zaterdag bekendgemaakt. \
                 Volgens de kustwacht werden er 30 mensen gered.";
    let got2 = extract(&article(text2, "nl"));
    expect(
        text2,
        &got2,
        "De haven blijft",
        QuoteKind::Indirect,
        "Marieke Visser",
    );
    let q = starting(text2, &got2, "werden er 30");
    assert_eq!(q.speaker_name.as_deref(), Some("de kustwacht"));
    // A body's class noun (or a compound ending in one) and the name after it.
    let text3 = "Volgens de Europese luchtverkeersorganisatie Eurocontrol zijn 7600 vluchten \
                 geannuleerd. Volgens de Nederlandse dienst Rijkswaterstaat zijn 40 bruggen dicht.";
    let got3 = extract(&article(text3, "nl"));
    let q = starting(text3, &got3, "zijn 7600");
    assert_eq!(
        q.speaker_name.as_deref(),
        Some("de Europese luchtverkeersorganisatie Eurocontrol")
    );
    let q = starting(text3, &got3, "zijn 40");
    assert_eq!(
        q.speaker_name.as_deref(),
        Some("de Nederlandse dienst Rijkswaterstaat")
    );
    // Devanagari words keep their vowel signs and viramas; the speaker stands before "ने".
    let text = "प्रवक्ता रणधीर जायसवाल ने कहा, \"हम लगातार संपर्क में हैं।\" उन्होंने बताया कि \
                अधिकारी अस्पताल पहुँचे हैं।";
    let got = extract(&article(text, "hi"));
    expect(text, &got, "हम लगातार", QuoteKind::Direct, "रणधीर जायसवाल");
    // "यह जानकारी दी": the sentence before is what was said.
    let text2 = "दस नाविक अब भी लापता हैं। मंत्री अरविंद राठौर ने बुधवार को यह जानकारी दी।";
    let got2 = extract(&article(text2, "hi"));
    expect(text2, &got2, "दस नाविक", QuoteKind::Indirect, "अरविंद राठौर");
    expect(
        text,
        &got,
        "अधिकारी अस्पताल",
        QuoteKind::Indirect,
        "रणधीर जायसवाल",
    );
}

#[test]
fn italian_inverted_speaker_with_a_name_in_apposition() {
    let text = "Il porto resta chiuso. Lo ha comunicato la Capitaneria. \"Il mare si è calmato\", \
                ha detto il comandante della Capitaneria di porto, Marco Bellini.";
    let got = extract(&article(text, "it"));
    expect(
        text,
        &got,
        "Il mare si è calmato",
        QuoteKind::Direct,
        "Marco Bellini",
    );
    expect(
        text,
        &got,
        "Il porto resta chiuso",
        QuoteKind::Indirect,
        "la Capitaneria",
    );
}

#[test]
fn an_inverted_speaker_ends_before_a_time_or_place_phrase() {
    let text = "Il bilancio è salito a nove morti. Lo ha comunicato la Protezione civile nella \
                tarda serata di sabato. Le scuole resteranno chiuse fino a mercoledì, ha detto \
                il sindaco di Faenza in un comunicato.";
    let mut a = article(text, "it");
    mention(&mut a, "Faenza", storyline_model::EntityType::Gpe);
    let got = extract(&a);
    expect(
        text,
        &got,
        "Il bilancio",
        QuoteKind::Indirect,
        "la Protezione civile",
    );
    // A given name that is also a preposition ("nello") is a name.
    let text2 =
        "Il ministro della Protezione civile Nello Musumeci ha annunciato lo stato di emergenza.";
    let got2 = extract(&article(text2, "it"));
    expect(
        text2,
        &got2,
        "lo stato",
        QuoteKind::Indirect,
        "Nello Musumeci",
    );
    // A mayor of a town is not the town.
    expect(
        text,
        &got,
        "Le scuole",
        QuoteKind::Indirect,
        "il sindaco di Faenza",
    );
}

#[test]
fn spanish_perfect_tense_cues_and_a_verb_after_segun() {
    let text = "Un incendio declarado este lunes obligó a desalojar a 2.000 vecinos, según ha \
                informado el Centro de Emergencias. \"La noche será complicada\", ha advertido \
                el president de la Generalitat, Carlos Mazón.";
    let got = extract(&article(text, "es"));
    expect(
        text,
        &got,
        "Un incendio",
        QuoteKind::Indirect,
        "el Centro de Emergencias",
    );
    expect(text, &got, "La noche", QuoteKind::Direct, "Carlos Mazón");
    // A participle alone is no cue ("declarado este lunes").
    assert_eq!(got.len(), 2, "{got:#?}");
}

#[test]
fn a_person_with_a_portfolio_after_them_speaks() {
    let text = "Minister Femke Wiersma van Landbouw zei dat het kabinet in gesprek blijft.";
    let mut a = article(text, "nl");
    for name in ["Femke Wiersma", "Landbouw"] {
        mention(&mut a, name, storyline_model::EntityType::Person);
    }
    let got = extract(&a);
    expect(
        text,
        &got,
        "het kabinet",
        QuoteKind::Indirect,
        "Femke Wiersma",
    );
}

#[test]
fn an_inflected_russian_role_speaks_for_its_holder() {
    let text = "Два человека погибли, сообщил губернатор Саратовской области Роман Бусаргин. \
                По словам губернатора, пожар уже потушен.";
    let mut a = article(text, "ru");
    mention(
        &mut a,
        "Роман Бусаргин",
        storyline_model::EntityType::Person,
    );
    let got = extract(&a);
    expect(text, &got, "пожар", QuoteKind::Indirect, "Роман Бусаргин");
}

#[test]
fn a_german_source_phrase_before_the_verb_it_precedes() {
    let text = "Nach Angaben eines Bahnsprechers fielen rund 80 Prozent der Fernzüge aus, im \
                Regionalverkehr waren es bis zu 60 Prozent. Nach Schätzungen des Instituts der \
                deutschen Wirtschaft kostet ein Streiktag bis zu 100 Millionen Euro.";
    let got = extract(&article(text, "de"));
    expect(
        text,
        &got,
        "fielen rund 80",
        QuoteKind::Indirect,
        "eines Bahnsprechers",
    );
    expect(
        text,
        &got,
        "kostet ein Streiktag",
        QuoteKind::Indirect,
        "des Instituts der deutschen Wirtschaft",
    );
}

#[test]
fn a_speaker_after_the_cue_and_a_day_ends_the_sentence() {
    use storyline_model::EntityType::{Org, Person};
    let text = "Троє людей загинули, ще щонайменше 17 отримали поранення, повідомив у суботу \
                начальник адміністрації Олег Синєгубов.";
    let mut a = article(text, "uk");
    mention(&mut a, "Олег Синєгубов", Person);
    let got = extract(&a);
    expect(
        text,
        &got,
        "Троє людей загинули, ще",
        QuoteKind::Indirect,
        "Олег Синєгубов",
    );
    let text = "Al menos nueve personas han muerto, informó este martes el Servicio Estatal de \
                Emergencias.";
    let mut a = article(text, "es");
    mention(&mut a, "Servicio Estatal de Emergencias", Org);
    let got = extract(&a);
    expect(
        text,
        &got,
        "Al menos nueve personas",
        QuoteKind::Indirect,
        "Servicio Estatal de Emergencias",
    );
    // A speaker before the cue, in apposition, keeps it: the hearer after "told" is none.
    let text =
        "\u{201c}It is pushed by the media,\u{201d} Malkia Cyril, the director of the center, \
                told The Huffington Post.";
    let mut a = article(text, "en");
    mention(&mut a, "Malkia Cyril", Person);
    let got = extract(&a);
    expect(
        text,
        &got,
        "It is pushed",
        QuoteKind::Direct,
        "Malkia Cyril",
    );
}

#[test]
fn a_company_description_and_a_role_speak_for_whom_they_name() {
    use storyline_model::EntityType::{Org, Person};
    let text = "Kestrel Automotive will cut 1,400 jobs. The company said the restructuring \
                would save money. Secondo l'azienda, sono stati evacuati oltre 600 dipendenti.";
    let mut a = article(text, "en");
    mention(&mut a, "Kestrel Automotive", Org);
    let got = extract(&a);
    expect(
        text,
        &got,
        "the restructuring",
        QuoteKind::Indirect,
        "Kestrel Automotive",
    );
    let text = "Lo ha annunciato la sottosegretaria all'Università, Chiara Benedetti. Secondo \
                la sottosegretaria, almeno il 40% delle risorse andrà al Sud.";
    let mut a = article(text, "it");
    mention(&mut a, "Chiara Benedetti", Person);
    let got = extract(&a);
    expect(
        text,
        &got,
        "almeno il 40%",
        QuoteKind::Indirect,
        "Chiara Benedetti",
    );
}

#[test]
fn people_at_a_body_speak_for_it() {
    let text = "Economists at JPMorgan estimated the strike could cost up to $5 billion a day.";
    let mut a = article(text, "en");
    mention(&mut a, "JPMorgan", storyline_model::EntityType::Org);
    let got = extract(&a);
    expect(
        text,
        &got,
        "the strike could cost",
        QuoteKind::Indirect,
        "JPMorgan",
    );
    let text = "Analysts polled by Trellis Research had expected that revenue would reach $3.85 \
                billion.";
    let mut a = article(text, "en");
    mention(&mut a, "Trellis Research", storyline_model::EntityType::Org);
    let got = extract(&a);
    expect(
        text,
        &got,
        "revenue would",
        QuoteKind::Indirect,
        "Trellis Research",
    );
}

#[test]
fn german_reported_speech_goes_on_in_the_subjunctive() {
    let text = "Sprecherin Iryna Tkatschuk sagte, das Wasser gehe nur langsam zurück. Der Pegel \
                liege noch immer fast drei Meter über dem Normalwert. Die Regierung stellte Geld \
                bereit.\n\nDie Lage sei ernst.";
    let mut a = article(text, "de");
    mention(
        &mut a,
        "Iryna Tkatschuk",
        storyline_model::EntityType::Person,
    );
    let got = extract(&a);
    expect(
        text,
        &got,
        "das Wasser gehe",
        QuoteKind::Indirect,
        "Iryna Tkatschuk",
    );
    expect(
        text,
        &got,
        "Der Pegel liege",
        QuoteKind::Indirect,
        "Iryna Tkatschuk",
    );
    // An indicative sentence ends the report; a new paragraph does too.
    assert_eq!(got.len(), 2, "{got:#?}");
}

#[test]
fn a_pronoun_after_a_report_is_its_speaker_not_a_person_inside_it() {
    let text = "Press secretary Karine Jean-Pierre said President Joe Biden was monitoring the \
                situation. Asked about the law, she said: \"That is not something we are considering.\"";
    let mut a = article(text, "en");
    for name in ["Karine Jean-Pierre", "Joe Biden"] {
        mention(&mut a, name, storyline_model::EntityType::Person);
    }
    let got = extract(&a);
    expect(
        text,
        &got,
        "That is not",
        QuoteKind::Direct,
        "Karine Jean-Pierre",
    );
}

#[test]
fn a_korean_time_word_opening_the_reported_clause_is_content() {
    let text = "17일 부산 남동쪽 해상에서 선원 14명이 실종됐다고 해양경찰청이 밝혔다.";
    let got = extract(&article(text, "ko"));
    expect(text, &got, "17일 부산", QuoteKind::Indirect, "해양경찰청");
}

#[test]
fn a_name_apposed_to_a_described_source_is_the_source() {
    let text = "Secondo la società armatrice, la Coromandel Tankers di Chennai, dallo scafo \
                sarebbero fuoriuscite meno di 300 tonnellate. Secondo il ministero, la Russia \
                ha perso 500 uomini, e altri 20 sono dispersi.";
    let mut a = article(text, "it");
    for (name, kind) in [
        ("Coromandel Tankers", storyline_model::EntityType::Org),
        ("Chennai", storyline_model::EntityType::Gpe),
    ] {
        mention(&mut a, name, kind);
    }
    let got = extract(&a);
    // The body, not the place it is based in, speaks.
    expect(
        text,
        &got,
        "dallo scafo",
        QuoteKind::Indirect,
        "Coromandel Tankers",
    );
    // A clause between commas is no apposition.
    expect(text, &got, "la Russia", QuoteKind::Indirect, "il ministero");
}

#[test]
fn a_role_description_speaks_for_the_person_last_named_with_it() {
    let text = "Il ministro indiano dei Porti, Arvind Rathore, è arrivato a Busan. \
                Il ministro ha detto che l'India chiederà di partecipare all'inchiesta. \
                Il sindaco ha detto che il porto resta aperto.";
    let mut a = article(text, "it");
    mention(
        &mut a,
        "Arvind Rathore",
        storyline_model::EntityType::Person,
    );
    let got = extract(&a);
    let q = starting(text, &got, "l'India chiederà");
    assert_eq!(q.speaker_name.as_deref(), Some("Arvind Rathore"));
    // The description stays where it is written; nobody was named mayor.
    assert_eq!(
        q.speaker_span.map(|s| &text[s.start..s.end]),
        Some("Il ministro")
    );
    let q = starting(text, &got, "il porto resta");
    assert_eq!(q.speaker_name.as_deref(), Some("Il sindaco"));
}

#[test]
fn korean_quotative_endings() {
    let text = "최민석 해양경찰청장은 \"실종자 수색을 밤새 계속하겠다\"고 말했다. \
                그는 또 구조된 선원 29명이 병원으로 옮겨졌다고 밝혔다. \
                해경에 따르면 사고 해역의 파고는 3m였다. \
                해경 집계로 지금까지 30명이 구조됐다. \
                인도 측도 협력을 약속했다고 외교부 대변인이 전했다. \
                유조선이 충돌해 선원 14명이 실종됐다고 해양경찰청이 밝혔다.";
    let got = extract(&article(text, "ko"));
    expect(text, &got, "실종자 수색을", QuoteKind::Direct, "최민석");
    expect(text, &got, "구조된 선원", QuoteKind::Indirect, "최민석");
    let q = starting(text, &got, "구조된 선원");
    assert!(text[q.span.start..q.span.end].ends_with("옮겨졌다"));
    expect(text, &got, "사고 해역의", QuoteKind::Indirect, "해경");
    expect(text, &got, "지금까지 30명이", QuoteKind::Indirect, "해경");
    let q = starting(text, &got, "인도 측도");
    assert_eq!(q.kind, QuoteKind::Indirect);
    assert!(q
        .speaker_name
        .as_deref()
        .is_some_and(|s| s.contains("외교부")));
}

/// Asserts the kind and speaker of the quote of `got` starting with `starts`.
fn expect(text: &str, got: &[Quote], starts: &str, kind: QuoteKind, speaker: &str) {
    let q = starting(text, got, starts);
    assert_eq!(q.kind, kind, "kind of {starts:?}");
    assert_eq!(
        q.speaker_name.as_deref(),
        Some(speaker),
        "speaker of {starts:?}"
    );
}

/// The quote of `got` whose text starts with `starts`.
fn starting<'a>(text: &str, got: &'a [Quote], starts: &str) -> &'a Quote {
    got.iter()
        .find(|q| text[q.span.start..q.span.end].starts_with(starts))
        .unwrap_or_else(|| panic!("no quote starting {starts:?} in {got:#?}"))
}

#[test]
fn a_reported_clause_around_a_partial_quote_is_indirect_speech_too() {
    let text =
        "Rafael Soto, head of the rescue service, told local radio that more than 90 people \
                were hurt and that crews were \"still digging by hand\" in the valley.";
    let got = extract(&article(text, "en"));
    let ind = starting(text, &got, "more than 90 people");
    assert_eq!(ind.kind, QuoteKind::Indirect);
    assert_eq!(ind.speaker_name.as_deref(), Some("Rafael Soto"));
    let part = starting(text, &got, "still digging");
    assert_eq!(part.kind, QuoteKind::Partial);
    assert_eq!(got.len(), 2, "{got:#?}");
    // A clause that is little more than the quoted words stays one partial quote.
    let text = "The minister called for a \"swift and firm answer\" to the attack.";
    let got = extract(&article(text, "en"));
    assert!(got.iter().all(|q| q.kind == QuoteKind::Partial), "{got:#?}");
}

#[test]
fn a_trailing_attribution_before_a_prepositional_phrase() {
    let text = "The two countries exchanged 150 detainees each on Sunday, officials in Baku \
                and Yerevan said, after talks hosted by Qatar.";
    let got = extract(&article(text, "en"));
    let q = starting(text, &got, "The two countries exchanged");
    assert_eq!(q.kind, QuoteKind::Indirect);
    assert_eq!(
        q.speaker_name.as_deref(),
        Some("officials in Baku and Yerevan")
    );
}

#[test]
fn a_demonstrative_points_back_at_the_sentence_before() {
    let text = "Die Zahl der Toten ist auf 38 gestiegen. Das teilte der Zivilschutz Sinapred am \
                Montag mit. Die Straßen bleiben gesperrt.";
    let got = extract(&article(text, "de"));
    let q = starting(text, &got, "Die Zahl der Toten ist auf 38 gestiegen");
    assert_eq!(q.kind, QuoteKind::Indirect);
    assert_eq!(q.speaker_name.as_deref(), Some("Zivilschutz Sinapred"));
    let text = "У полоні залишаються понад 3 000 людей. Про це повідомив омбудсман Іван Ткач.";
    let got = extract(&article(text, "uk"));
    let q = starting(text, &got, "У полоні залишаються");
    assert_eq!(q.speaker_name.as_deref(), Some("Іван Ткач"));
}

#[test]
fn a_possessive_cue_speaks_for_the_person_named_before() {
    let text = "Омбудсман Іван Ткач зустрів звільнених у Чернігові. За його словами, понад 30 \
                із них потребують лікування.";
    let got = extract(&article(text, "uk"));
    let q = starting(text, &got, "понад 30");
    assert_eq!(q.kind, QuoteKind::Indirect);
    // Without the tagger's mentions the role word stays in the name.
    assert!(
        same_name(q.speaker_name.as_deref().unwrap_or(""), "Іван Ткач"),
        "{q:?}"
    );
    let text = "Die Ärztin Petra Lindner besuchte das Lager. Nach ihren Worten fehlen Medikamente \
                für mehr als 200 Kinder.";
    let got = extract(&article(text, "de"));
    let q = starting(text, &got, "fehlen Medikamente");
    assert!(
        same_name(q.speaker_name.as_deref().unwrap_or(""), "Petra Lindner"),
        "{q:?}"
    );
}

/// Name match as the project's scorer does it: equal, or one inside the other at word
/// boundaries.
fn same_name(a: &str, b: &str) -> bool {
    let (a, b) = (a.to_lowercase(), b.to_lowercase());
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    short.chars().count() >= 3
        && long.match_indices(short.as_str()).any(|(i, _)| {
            let before = long[..i].chars().next_back();
            let after = long[i + short.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
}

/// Scores every gold article of `tests/gold/quotes/`: (tp, predicted, gold).
fn gold_counts() -> (usize, usize, usize) {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/gold/quotes");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    let (mut tp, mut pred, mut gold) = (0, 0, 0);
    for f in files
        .iter()
        .filter(|f| f.extension().is_some_and(|x| x == "jsonl"))
    {
        for line in std::fs::read_to_string(f)
            .unwrap()
            .lines()
            .filter(|l| !l.trim().is_empty())
        {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            let text = v["text"].as_str().unwrap();
            let got: Vec<Quote> = extract(&article(text, v["lang"].as_str().unwrap()));
            let mut used = vec![false; got.len()];
            let exp = v["quotes"].as_array().unwrap();
            for e in exp {
                let starts = e["starts"].as_str().unwrap();
                let hit = (0..got.len()).find(|&k| {
                    let q = &got[k];
                    !used[k]
                        && text[q.span.start..q.span.end].contains(starts)
                        && q.kind
                            .eq(&serde_json::from_value(e["kind"].clone()).unwrap())
                        && same_name(
                            q.speaker_name.as_deref().unwrap_or(""),
                            e["speaker"].as_str().unwrap(),
                        )
                });
                if let Some(k) = hit {
                    used[k] = true;
                    tp += 1;
                } else {
                    eprintln!("{}: missed {starts:?} in {got:?}", v["id"]);
                }
            }
            pred += got.len();
            gold += exp.len();
        }
    }
    (tp, pred, gold)
}

#[test]
fn gold_articles_in_four_languages() {
    let (tp, pred, gold) = gold_counts();
    let p = tp as f64 / pred.max(1) as f64;
    let r = tp as f64 / gold.max(1) as f64;
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    eprintln!("gold quotes: P={p:.3} R={r:.3} F1={f:.3} (tp {tp} pred {pred} gold {gold})");
    assert!(gold >= 30);
    assert!(f >= 0.8, "F1 {f:.3} below the floor");
}

proptest! {
    #[test]
    fn arbitrary_text_never_panics(text in "(\\PC|[\"“”«»„‚‘’「」『』\n,.:—@()]){0,300}") {
        for lang in ["en", "de", "ru", "ko", "hi", "und"] {
            for q in extract(&article(&text, lang)) {
                prop_assert!(q.span.is_valid_in(&text));
                prop_assert!(q.span.start < q.span.end);
                for s in [q.speaker_span, q.cue_span].into_iter().flatten() {
                    prop_assert!(s.is_valid_in(&text));
                }
            }
        }
    }

    #[test]
    fn quote_like_text_never_panics(
        parts in proptest::collection::vec(
            prop_oneof!["\"", "“", "”", "«", "»", "„", " said ", " he ", "Ann Cole", ", ", ". ", "\n", "according to ", " that ", "— A B (@x) May 1, 2024", "Зеленський", " заявив "],
            0..40,
        )
    ) {
        let text: String = parts.concat();
        for q in extract(&article(&text, "en")) {
            prop_assert!(q.span.is_valid_in(&text));
            for s in [q.speaker_span, q.cue_span].into_iter().flatten() {
                prop_assert!(s.is_valid_in(&text));
            }
        }
    }

    #[test]
    fn korean_quote_like_text_never_panics(
        parts in proptest::collection::vec(
            prop_oneof!["\"", "”", "라고", "고", " 말했다", "밝혔다", " 최민석 청장은 ", "그는 ", "해경에 ", "따르면 ", "했다고 ", "이 ", ". ", "\n", "3명"],
            0..40,
        )
    ) {
        let text: String = parts.concat();
        for q in extract(&article(&text, "ko")) {
            prop_assert!(q.span.is_valid_in(&text) && q.span.start < q.span.end);
            for s in [q.speaker_span, q.cue_span].into_iter().flatten() {
                prop_assert!(s.is_valid_in(&text));
            }
        }
    }
}

#[test]
fn brat_evaluation() {
    // Offsets count characters: "é" is two bytes.
    let text = "Café owners said that rents rose. \"We are closing,\" Ann Cole said.";
    let ann =
        "T1\tSource 0 11\tCafé owners\nT2\tCue 12 16\tsaid\nT3\tContent 17 32\tthat rents rose\n\
               E1\tAttribution:T2 Content:T3 Cue:T2 Source:T1\n\
               T4\tSource 52 60\tAnn Cole\nT5\tContent 34 51\t\"We are closing,\"\n\
               E2\tAttribution:T2 Content:T5 Source:T4\n";
    let gold = super::eval::parse_ann(text, ann);
    assert_eq!(gold.len(), 2);
    assert_eq!(gold[0].source[0].slice(text), "Café owners");
    let pred = extract(&article(text, "en"));
    let mut c = super::eval::Counts::default();
    super::eval::score(text, &gold, &pred, &mut c);
    assert_eq!((c.overall.tp, c.overall.gold), (2, 2), "{pred:#?}");
    assert_eq!(c.exact.tp, 2);
    assert!(super::eval::report(&c)
        .lines()
        .last()
        .unwrap()
        .starts_with("overall P=1.000"));
}

#[test]
fn uses_segmenter_sentences_and_tagger_mentions() {
    use storyline_model::{EntityType, Mention, Sentence, Span};
    let text = "Mayor Ann Cole spoke. \"We will rebuild,\" she said.";
    let mut a = article(text, "en");
    a.sentences = vec![
        Sentence {
            span: Span::new(0, 21),
            tokens: 0..0,
            paragraph: 0,
            boilerplate: false,
        },
        // A boundary inside the quotation is ignored.
        Sentence {
            span: Span::new(22, 36),
            tokens: 0..0,
            paragraph: 0,
            boilerplate: false,
        },
        Sentence {
            span: Span::new(36, text.len()),
            tokens: 0..0,
            paragraph: 0,
            boilerplate: false,
        },
    ];
    a.mentions = vec![Mention {
        span: Span::new(6, 14),
        kind: EntityType::Person,
        entity: None,
        resolved: false,
        role: None,
    }];
    let got = extract(&a);
    assert_eq!(got.len(), 1, "{got:#?}");
    assert_eq!(got[0].kind, QuoteKind::Direct);
    assert_eq!(got[0].speaker_name.as_deref(), Some("Ann Cole"));
}

#[test]
fn mixed_typewriter_and_curly_marks_still_pair() {
    let text = "The hearing ran late. \"The record is clear,” said Nora Vance, a surgeon. \
                “We said \"no\" twice,\" said Ivo Marsh.";
    let got = extract(&article(text, "en"));
    expect(
        text,
        &got,
        "The record is clear",
        QuoteKind::Direct,
        "Nora Vance",
    );
    // A typewriter pair nested in curly marks does not close them.
    let q = starting(text, &got, "We said");
    assert_eq!(q.span.slice(text), "We said \"no\" twice,", "{got:#?}");
    assert_eq!(q.speaker_name.as_deref(), Some("Ivo Marsh"));
}

#[test]
fn a_title_abbreviation_before_a_name_does_not_end_the_sentence() {
    let text = "The vote was close. \"This is a waste of time,\" said Del. Stacey Marlow of the \
                island district.";
    let got = extract(&article(text, "en"));
    let q = starting(text, &got, "This is a waste");
    assert_eq!(q.kind, QuoteKind::Direct);
    assert!(
        q.speaker_name
            .as_deref()
            .is_some_and(|n| n.contains("Stacey Marlow")),
        "{got:#?}"
    );
}

#[test]
fn a_cue_inside_the_reported_clause_does_not_hide_it() {
    // "answer" is a cue of its own, with no speaker: the clause it sits in is still said.
    let text = "The panel met on Thursday. His lawyer said he would not answer questions.";
    let got = extract(&article(text, "en"));
    let q = starting(text, &got, "he would not answer");
    assert_eq!(q.kind, QuoteKind::Indirect);
    assert_eq!(q.speaker_name.as_deref(), Some("His lawyer"));
}
#[test]
fn a_cue_word_the_detector_reads_as_a_noun_gives_no_quote() {
    let text = "Roads reopened on Friday. The Guard and state troopers will remain in the city \
                through Sunday, when the home team plays its first game there.";
    let got = extract(&article(text, "en"));
    assert!(got.is_empty(), "{got:#?}");
}

#[test]
fn a_negated_cue_keeps_its_auxiliaries_and_a_long_subject_speaks() {
    let text = "The vote was close. Experts on water policy and regional development said the \
                new reservoir would not be full before 2030. Independent monitors have not \
                said whether the count was fair.";
    let got = extract(&article(text, "en"));
    expect(
        text,
        &got,
        "the new reservoir",
        QuoteKind::Indirect,
        "Experts on water policy and regional development",
    );
    let q = starting(text, &got, "whether the count");
    assert_eq!(q.cue.as_deref(), Some("have not said"));
    assert_eq!(q.speaker_name.as_deref(), Some("Independent monitors"));
}

#[test]
fn a_time_adverbial_after_the_cue_opens_no_gap() {
    let text = "Harbor deal agreed. Nordvik Shipping AG said on Monday it had agreed to buy a \
                rival terminal operator for 2 billion euros.";
    let got = extract(&article(text, "en"));
    let q = starting(text, &got, "it had agreed to buy");
    assert_eq!(q.cue.as_deref(), Some("said"));
}

#[test]
fn coordinated_and_relative_cues_take_the_subject_before_them() {
    let text = "Budget talks resumed. Senator Ilse Brandt urged her party to compromise, and \
                criticized the long delays in the budget process. The city police \
                department, which reported more than 400 thefts last year, asked for more staff.";
    let got = extract(&article(text, "en"));
    expect(
        text,
        &got,
        "the long delays",
        QuoteKind::Indirect,
        "Ilse Brandt",
    );
    let q = starting(text, &got, "more than 400 thefts");
    assert_eq!(q.cue.as_deref(), Some("reported"));
    assert!(
        q.speaker_name
            .as_deref()
            .is_some_and(|n| n.contains("police department")),
        "{got:#?}"
    );
}

#[test]
fn a_trailing_told_with_its_hearer_reports_the_clause_before() {
    let text = "Talks went on. The plan could work, but only if it pays for itself, Sen. Ann \
                Cole told The Daily Courier on Thursday.";
    let got = extract(&article(text, "en"));
    let q = starting(text, &got, "The plan could work");
    assert_eq!(q.kind, QuoteKind::Indirect);
    assert_eq!(q.cue.as_deref(), Some("told"));
    assert!(
        q.speaker_name
            .as_deref()
            .is_some_and(|n| n.ends_with("Ann Cole")),
        "{got:#?}"
    );
}

#[test]
fn a_colon_cue_needs_a_name_where_the_tagger_found_names() {
    use storyline_model::{EntityType, Mention, Span};
    let with = |text: &str, names: &[(&str, EntityType)]| {
        let mut a = article(text, "en");
        a.mentions = names
            .iter()
            .map(|(n, kind)| {
                let s = text.find(n).unwrap();
                Mention {
                    span: Span::new(s, s + n.len()),
                    kind: *kind,
                    entity: None,
                    resolved: false,
                    role: None,
                }
            })
            .collect();
        extract(&a)
    };
    let label = "Analysis: Why the truce may not hold\n\nThe truce signed in Geneva on Friday \
                 is fragile.";
    let got = with(label, &[("Geneva", EntityType::Gpe)]);
    assert!(
        got.iter().all(|q| q.cue.as_deref() != Some(":")),
        "{got:#?}"
    );
    // Without the tagger's names the rule cannot tell, and the label stays a speaker.
    let bare = extract(&article(label, "en"));
    assert!(
        bare.iter().any(|q| q.cue.as_deref() == Some(":")),
        "{bare:#?}"
    );
}

#[test]
fn a_that_after_and_opens_the_second_clause_not_the_first() {
    use QuoteKind::Indirect;
    check(
        "Minister Arvind Rathore said 11 Indian nationals were among the missing and that he had spoken to officials.",
        &[("11 Indian nationals", Indirect, "Arvind Rathore")],
    );
    // Without a coordinator the "that" still opens the clause after a hearer.
    check(
        "Arvind Rathore told reporters in New Delhi that 11 Indian nationals were missing.",
        &[("11 Indian nationals", Indirect, "Arvind Rathore")],
    );
}

#[test]
fn a_cue_after_its_source() {
    use QuoteKind::Indirect;
    let one = |lang: &str, text: &str, starts: &str, speaker: &str| {
        let got = extract(&article(text, lang));
        let q = got
            .iter()
            .find(|q| text[q.span.start..q.span.end].starts_with(starts))
            .unwrap_or_else(|| panic!("no quote starting {starts:?} in {got:#?}"));
        assert_eq!(q.kind, Indirect);
        assert_eq!(q.speaker_name.as_deref(), Some(speaker));
    };
    one(
        "hi",
        "दक्षिण कोरियाई तटरक्षक बल के अनुसार दोनों जहाज़ों पर सवार 43 लोगों में से 30 को बचा लिया गया।",
        "दोनों जहाज़ों",
        "दक्षिण कोरियाई तटरक्षक बल",
    );
    // An apposition between commas before the cue is the source.
    one(
        "de",
        "Der Ombudsfrau Russlands, Irina Sokolowa, zufolge soll in den kommenden Wochen ein weiterer Austausch folgen.",
        "soll in den",
        "Irina Sokolowa",
    );
    // The cue opening a sentence has no source before it.
    assert!(extract(&article("Zufolge dem Bericht kam niemand.", "de")).is_empty());
}

#[test]
fn an_adverbial_before_the_subject_names_nobody() {
    use QuoteKind::Indirect;
    check(
        "In a statement, one of the family's attorneys, Justin Bamberg, said the videos show Scott calmly leaving his car.",
        &[("the videos show", Indirect, "Justin Bamberg")],
    );
    check(
        "On Thursday, the mayor, Jennifer Roberts, said the video would be released.",
        &[("the video would", Indirect, "Jennifer Roberts")],
    );
}

#[test]
fn a_time_is_no_speaker() {
    assert!(super::clause::is_time_phrase("on Friday"));
    assert!(super::clause::is_time_phrase("Friday"));
    assert!(!super::clause::is_time_phrase("this"));
    assert!(!super::clause::is_time_phrase("Friday's statement"));
    let text = "The news set off fireworks on Friday: Republicans said the department mishandled the investigation.";
    let got = extract(&article(text, "en"));
    assert!(
        got.iter()
            .all(|q| q.speaker_name.as_deref() != Some("Friday")),
        "{got:#?}"
    );
}

#[test]
fn a_cue_ending_the_paragraph_before_with_a_colon_introduces_the_quotation() {
    use QuoteKind::Direct;
    check(
        "The Chronicle reports:\n\n\"Just 24 percent of the contributors gave $200 or less.\"\n\nThat is low.",
        &[("Just 24 percent", Direct, "The Chronicle")],
    );
}

/// `text` with a mention of each (name, type), at its first occurrence.
fn with_mentions(text: &str, lang: &str, names: &[(&str, storyline_model::EntityType)]) -> Article {
    use storyline_model::{Mention, Span};
    let mut a = article(text, lang);
    for (n, kind) in names {
        let s = text
            .find(n)
            .unwrap_or_else(|| panic!("{n:?} not in the text"));
        a.mentions.push(Mention {
            span: Span::new(s, s + n.len()),
            kind: *kind,
            entity: None,
            resolved: false,
            role: None,
        });
    }
    a.mentions.sort_by_key(|m| m.span);
    a
}

#[test]
fn a_person_with_their_institution_after_them_speaks() {
    use storyline_model::EntityType::{Gpe, Person};
    let text = "Politikwissenschaftlerin Elena Márquez von der Universität Granada sagte, die Wahl sei ein Test für die Regierung gewesen.";
    let a = with_mentions(text, "de", &[("Elena Márquez", Person), ("Granada", Gpe)]);
    let got = extract(&a);
    assert_eq!(
        got[0].speaker_name.as_deref(),
        Some("Elena Márquez"),
        "{got:#?}"
    );
}

#[test]
fn a_role_is_held_by_the_first_person_named_after_it() {
    use storyline_model::EntityType::Person;
    let text = "Il ministro indiano dei Porti, Arvind Rathore, è arrivato venerdì a Busan. \
                Il ministro ha detto che l'India chiederà di partecipare all'inchiesta.";
    // The tagger took the city for a person.
    let a = with_mentions(text, "it", &[("Arvind Rathore", Person), ("Busan", Person)]);
    let got = extract(&a);
    let q = got
        .iter()
        .find(|q| text[q.span.start..q.span.end].starts_with("l'India"))
        .unwrap_or_else(|| panic!("{got:#?}"));
    assert_eq!(q.speaker_name.as_deref(), Some("Arvind Rathore"));
}

#[test]
fn a_semicolon_ends_the_reported_clause() {
    use QuoteKind::Indirect;
    check(
        "Casualty figures remain disputed. Yerevan says 58 soldiers were killed; Baku says more than 120 Armenians died.",
        &[
            ("58 soldiers were killed", Indirect, "Yerevan"),
            ("more than 120", Indirect, "Baku"),
        ],
    );
}

#[test]
fn a_dropped_subject_is_the_one_named_before() {
    use storyline_model::EntityType::Person;
    let one =
        |lang: &str, text: &str, names: &[(&str, storyline_model::EntityType)], starts: &str| {
            let got = extract(&with_mentions(text, lang, names));
            got.iter()
                .find(|q| text[q.span.start..q.span.end].starts_with(starts))
                .unwrap_or_else(|| panic!("no quote starting {starts:?} in {got:#?}"))
                .speaker_name
                .clone()
        };
    // The speaker of the cue before.
    let text = "El jefe del Indeci, Carlos Mendoza, indicó que hay 180 heridos. «La prioridad es llegar a los pueblos», declaró.";
    assert_eq!(
        one("es", text, &[], "La prioridad").as_deref(),
        Some("Carlos Mendoza")
    );
    // The person named in the sentence before, without a cue there.
    let text = "El ministro, Luis Arana, calculó los daños en 1.200 millones. «Vamos a reconstruir cada escuela», prometió en Chivay.";
    assert_eq!(
        one("es", text, &[("Luis Arana", Person)], "Vamos").as_deref(),
        Some("Luis Arana")
    );
    // English names its speakers: a bare cue there finds none.
    let text = "Carlos Mendoza spoke first. \"We will reach the villages,\" said.";
    assert!(extract(&article(text, "en")).is_empty());
}

#[test]
fn an_apposed_name_after_an_inverted_description_may_hold_a_particle() {
    let text = "«Vamos a hablar con todos», advirtió la candidata popular, María del Carmen Ruiz, en la noche electoral.";
    let got = extract(&article(text, "es"));
    assert_eq!(got.len(), 1, "{got:#?}");
    assert_eq!(
        got[0].speaker_name.as_deref(),
        Some("María del Carmen Ruiz")
    );
}

#[test]
fn another_cues_clause_beside_a_partial_quotation_is_speech_of_its_own() {
    use QuoteKind::{Indirect, Partial};
    check(
        "Socialist leader Antonio Cabrera admitted \"a painful defeat\" and said that he would put his future to party members within weeks.",
        &[
            ("a painful defeat", Partial, "Antonio Cabrera"),
            ("he would put his future", Indirect, "Antonio Cabrera"),
        ],
    );
}

#[test]
fn a_partial_quotation_belongs_to_the_outermost_clause_that_holds_it() {
    use QuoteKind::{Indirect, Partial};
    // Not to what "appeared" reports inside Okafor's clause.
    check(
        "Council leader Maria Okafor said on Monday that she was pleased the repairs appeared to be ahead of schedule and looked forward to \"reopening the bridge before winter.\"",
        &[
            ("she was pleased", Indirect, "Maria Okafor"),
            ("reopening the bridge", Partial, "Maria Okafor"),
        ],
    );
    // A clause joined by ", with" has a speaker of its own.
    check(
        "The city has also said it is \"concerned\" by the delays, with a transport ministry spokesperson saying such a delay would mark \"a serious setback\" for commuters.",
        &[
            ("concerned", Partial, "The city"),
            ("a serious setback", Partial, "a transport ministry spokesperson"),
        ],
    );
}

#[test]
fn a_reported_clause_ends_before_a_coordinated_clause_of_speech() {
    use QuoteKind::Indirect;
    // A subject of its own: two quotations.
    check(
        "Mayor Ruth Adebayo agreed that the zoning rules should be modernised, but she said that any vote should wait until after the election.",
        &[
            ("the zoning rules should be modernised", Indirect, "Ruth Adebayo"),
            ("any vote should wait", Indirect, "Ruth Adebayo"),
        ],
    );
    // A shared subject: one quotation under our convention, two under PolNeAR's.
    let text = "The river authority said it was monitoring the Olt, which crosses the county line about 30 km downstream, and warned of possible flooding in Slatina by Monday.";
    let ours = extract(&article(text, "en"));
    assert_eq!(ours.len(), 1, "{ours:#?}");
    assert!(text[ours[0].span.start..ours[0].span.end].ends_with("by Monday"));
    let theirs = super::extract_as(&article(text, "en"), super::Convention::EveryClause);
    let spans: Vec<&str> = theirs
        .iter()
        .map(|q| &text[q.span.start..q.span.end])
        .collect();
    assert!(
        spans.contains(
            &"it was monitoring the Olt, which crosses the county line about 30 km downstream"
        ),
        "{spans:?}"
    );
    assert!(
        spans.contains(&"of possible flooding in Slatina by Monday"),
        "{spans:?}"
    );
}

#[test]
fn the_subject_of_a_clause_after_a_conjunction_or_an_opening_phrase() {
    use QuoteKind::Indirect;
    // "after" opens a clause whose named subject speaks, not the sentence's.
    check(
        "The vote came just two days after the Harbour Commission condemned the dredging plan as reckless and unlawful in every respect.",
        &[("the dredging plan", Indirect, "Harbour Commission")],
    );
    // A participle speaks for the main clause's subject, past an opening participle phrase.
    check(
        "Chastened by the audit, Mayor Lena Varga revised her budget, promising to restore funding for the libraries next spring.",
        &[("to restore funding", Indirect, "Lena Varga")],
    );
    // A clause after a colon that names its own speaker is that speaker's alone, also
    // where every cue's clause counts.
    let text = "The strike set off another round of angry exchanges on Monday: Transport Minister Ilse Brandt said she was increasingly convinced the union had misled commuters.";
    let got = super::extract_as(&article(text, "en"), super::Convention::EveryClause);
    assert_eq!(got.len(), 1, "{got:#?}");
    assert_eq!(got[0].speaker_name.as_deref(), Some("Ilse Brandt"));
}

#[test]
fn a_plural_possessive_stays_in_the_speaker_phrase() {
    check(
        "The tenants' legal team said at least 73 families had been evicted since May.",
        &[(
            "at least 73 families",
            QuoteKind::Indirect,
            "The tenants' legal team",
        )],
    );
    // An apostrophe opening the sentence joins nothing.
    let got = extract(&article("' said nothing more.", "en"));
    assert!(got.is_empty(), "{got:#?}");
}

#[test]
fn a_subject_right_before_the_cue_outweighs_a_learned_source() {
    let text = "The death toll from Sunday's storm in the northern hills rose to 31 on Tuesday, and authorities ordered the evacuation of about 9,000 people from villages threatened by mudslides.";
    let got = super::extract_as(&article(text, "en"), super::Convention::EveryClause);
    let q = got
        .iter()
        .find(|q| text[q.span.start..q.span.end].starts_with("the evacuation"))
        .expect("the order is reported");
    assert_eq!(q.speaker_name.as_deref(), Some("authorities"), "{got:#?}");
}

#[test]
fn a_source_a_person_owns_is_the_persons() {
    let text = "The liquidator, Tomasz Wrona of Wrona & Kiel, has recovered about $4.1 million so far, according to his latest report.";
    let mut a = article(text, "en");
    mention(&mut a, "Tomasz Wrona", storyline_model::EntityType::Person);
    let got = extract(&a);
    assert_eq!(got.len(), 1, "{got:#?}");
    assert_eq!(got[0].speaker_name.as_deref(), Some("Tomasz Wrona"));
}

#[test]
fn a_role_in_the_lead_is_the_holder_named_after_it() {
    let text = "Shelling of the river port killed at least 11 people overnight, the regional governor said on Wednesday.\n\nGovernor Anna Kowal said rescuers were still searching two collapsed buildings.";
    let mut a = article(text, "en");
    mention(&mut a, "Anna Kowal", storyline_model::EntityType::Person);
    let got = extract(&a);
    let lead = got
        .iter()
        .find(|q| text[q.span.start..q.span.end].starts_with("Shelling"))
        .expect("the lead is reported");
    assert_eq!(lead.speaker_name.as_deref(), Some("Anna Kowal"), "{got:#?}");
}

#[test]
fn a_source_set_off_by_commas_inside_the_clause_reports_all_of_it() {
    let cases = [
        (
            "en",
            "Turnout, according to the electoral commission, was 58% in the capital.",
            "Turnout, according to the electoral commission, was 58% in the capital",
        ),
        (
            "ru",
            "Участие в забастовке, по оценке Минтранса, составило 87%, по данным компании - 40%.",
            "Участие в забастовке, по оценке Минтранса, составило 87%",
        ),
        (
            "ru",
            "Фонд помощи, составлявший 5 млн евро, по её словам, увеличен до 10 млн евро.",
            "Фонд помощи, составлявший 5 млн евро, по её словам, увеличен до 10 млн евро",
        ),
        // An apposition after the source closes the sentence: the clause is before it.
        (
            "en",
            "Costs had reached about $6.5 million, according to Dana Whitlock, a spokeswoman for the forest service.",
            "Costs had reached about $6.5 million",
        ),
    ];
    for (lang, text, want) in cases {
        let got = super::extract_as(&article(text, lang), super::Convention::EveryClause);
        assert!(
            got.iter().any(|q| &text[q.span.start..q.span.end] == want),
            "{text}: {got:#?}"
        );
    }
}

#[test]
fn russian_and_ukrainian_imperfective_verbs_of_saying() {
    let cases = [
        (
            "ru",
            "Ранее Шелестов говорил, что аэропорт рассчитывает выйти на два миллиона пассажиров.",
            "Шелестов",
        ),
        (
            "uk",
            "Раніше Коваленко повідомляв, що ремонт мосту триватиме до кінця року.",
            "Коваленко",
        ),
    ];
    for (lang, text, who) in cases {
        let got = extract(&article(text, lang));
        assert_eq!(got.len(), 1, "{got:#?}");
        assert_eq!(got[0].speaker_name.as_deref(), Some(who), "{text}");
    }
}

#[test]
fn a_german_source_compounded_with_its_cue_noun() {
    let text = "Nach BKA-Angaben kassierte die Bande von den Familien mehr als 90.000 Euro.";
    let got = extract(&article(text, "de"));
    assert_eq!(got.len(), 1, "{got:#?}");
    assert_eq!(got[0].speaker_name.as_deref(), Some("BKA"));
    assert!(text[got[0].span.start..got[0].span.end].starts_with("kassierte"));
    let text =
        "Seit März haben nach IG-Metall-Angaben bundesweit mehr als 6.000 Beschäftigte gestreikt.";
    let got = extract(&article(text, "de"));
    assert_eq!(got.len(), 1, "{got:#?}");
    assert_eq!(got[0].speaker_name.as_deref(), Some("IG-Metall"));
    assert!(text[got[0].span.start..got[0].span.end].starts_with("Seit März"));
    // A lower-case compound is no name ("nach Polizeiangaben" is one word anyway).
    let got = extract(&article(
        "Nach vorläufigen-Angaben kamen drei Menschen ums Leben.",
        "de",
    ));
    assert!(
        got.iter()
            .all(|q| q.speaker_name.as_deref() != Some("vorläufigen")),
        "{got:#?}"
    );
}

#[test]
fn a_source_with_a_role_inside_the_clause_and_the_pronoun_after_it() {
    let text = "Extra metingen kosten de bedrijven volgens directeur Pieter Smit minstens 2 miljoen euro. Het hulpfonds dat het bedrijf woensdag aankondigde, noemde hij \"een druppel op een gloeiende plaat\".";
    let mut a = article(text, "nl");
    mention(&mut a, "Pieter Smit", storyline_model::EntityType::Person);
    let got = extract(&a);
    let first = got.iter().find(|q| q.span.start == 0).expect("the clause");
    assert!(text[first.span.start..first.span.end].ends_with("2 miljoen euro"));
    assert!(
        got.iter()
            .all(|q| q.speaker_name.as_deref() == Some("Pieter Smit")),
        "{got:#?}"
    );
}

#[test]
fn a_cue_opening_the_sentence_is_no_part_of_the_name() {
    let text = "Secondo Eurocontrol, oggi in tutta Europa sono stati cancellati più di 4.100 voli.";
    let got = extract(&article(text, "it"));
    assert_eq!(got.len(), 1, "{got:#?}");
    assert_eq!(got[0].speaker_name.as_deref(), Some("Eurocontrol"));
}

#[test]
fn sources_of_a_body_described_speak_for_it_not_for_the_hearer() {
    let text = "La Autoridad Portuaria de Vigo ha recibido desde el martes una docena de buques, según han indicado a Europa Press fuentes del organismo.";
    let mut a = article(text, "es");
    mention(
        &mut a,
        "Autoridad Portuaria de Vigo",
        storyline_model::EntityType::Org,
    );
    mention(&mut a, "Europa Press", storyline_model::EntityType::Org);
    a.mentions.sort_by_key(|m| m.span);
    let got = extract(&a);
    assert_eq!(got.len(), 1, "{got:#?}");
    assert_eq!(
        got[0].speaker_name.as_deref(),
        Some("Autoridad Portuaria de Vigo")
    );
}

#[test]
fn an_unnamed_spokesperson_speaks_for_the_body() {
    use storyline_model::EntityType::Org;
    let text = "Harbour City Ambulance Service paramedics treated 41 runners along the course, a spokesman said.\n\nSt Brendan's Hospital admitted nine runners, according to a hospital spokeswoman.";
    let mut a = article(text, "en");
    mention(&mut a, "Harbour City Ambulance Service", Org);
    mention(&mut a, "St Brendan's Hospital", Org);
    a.mentions.sort_by_key(|m| m.span);
    let got = extract(&a);
    let names: Vec<&str> = got
        .iter()
        .filter_map(|q| q.speaker_name.as_deref())
        .collect();
    assert_eq!(
        names,
        ["Harbour City Ambulance Service", "St Brendan's Hospital"],
        "{got:#?}"
    );
    // In the sentence after the body spoke.
    let text = "Harbour Airport Holdings Ltd said the disruption at its terminal was far larger than Skyline Air's figures showed. A spokesman said at least 21,000 people had been unable to fly.";
    let mut a = article(text, "en");
    a.sentences = crate::segment::segment(text, "en").sentences;
    mention(&mut a, "Harbour Airport Holdings Ltd", Org);
    mention(&mut a, "Skyline Air", Org);
    a.mentions.sort_by_key(|m| m.span);
    let got = extract(&a);
    let q = got
        .iter()
        .find(|q| text[q.span.start..q.span.end].starts_with("at least"))
        .expect("the spokesman's words");
    assert_eq!(
        q.speaker_name.as_deref(),
        Some("Harbour Airport Holdings Ltd")
    );
}

#[test]
fn a_formal_title_capitalised_is_its_holder() {
    let text = "Passengers remain stranded, the Transport Secretary said on Wednesday.\n\nTransport Secretary Helen Garvey told MPs on Thursday that she had spoken to the chief executive.";
    let mut a = article(text, "en");
    mention(&mut a, "Helen Garvey", storyline_model::EntityType::Person);
    let got = extract(&a);
    assert!(
        got.iter()
            .all(|q| q.speaker_name.as_deref() == Some("Helen Garvey")),
        "{got:#?}"
    );
}

#[test]
fn a_contrast_after_a_comma_ends_the_reported_clause() {
    let text = "Armenia's Health Ministry said at least 46 soldiers had been killed, while Azerbaijan's Defence Ministry put its own losses at 31.";
    let got = extract(&article(text, "en"));
    assert_eq!(got.len(), 1, "{got:#?}");
    assert_eq!(
        &text[got[0].span.start..got[0].span.end],
        "at least 46 soldiers had been killed"
    );
}

#[test]
fn a_transcript_turn_has_a_speaker_label_not_an_outlet_label() {
    let text = "WALLACE: Let us start with the economy tonight.\n\n\
                HOW TO HELP: The Red Cross is collecting blankets at its offices.";
    let got = extract(&article(text, "en"));
    expect(text, &got, "Let us start", QuoteKind::Direct, "WALLACE");
    assert!(
        got.iter()
            .all(|q| !text[q.span.start..q.span.end].starts_with("The Red Cross")),
        "{got:#?}"
    );
}
#[test]
fn a_clause_ends_where_another_speakers_coordinated_clause_begins() {
    let text = "She said fathers who adopt would not be eligible for the leave, and when \
                pressed on why the plan leaves out dads, the mother of three replied, \"It is \
                meant to benefit, whether in same-sex marriages or not, the mother who has \
                given birth to the child under the tax code.\"";
    let got = extract(&article(text, "en"));
    let q = starting(text, &got, "fathers who adopt");
    assert_eq!(
        &text[q.span.start..q.span.end],
        "fathers who adopt would not be eligible for the leave"
    );
    expect(
        text,
        &got,
        "It is meant",
        QuoteKind::Direct,
        "the mother of three",
    );
}
#[test]
fn a_report_after_its_clause_may_be_followed_by_a_clause_of_its_own() {
    let text = "WASHINGTON — The remarks were an insult to all voters, Senate leaders said \
                Friday afternoon, as they bristled at the questions.";
    let got = extract(&article(text, "en"));
    let q = starting(text, &got, "The remarks");
    // The dateline is no part of what was said.
    assert_eq!(
        &text[q.span.start..q.span.end],
        "The remarks were an insult to all voters"
    );
    assert_eq!(q.speaker_name.as_deref(), Some("Senate leaders"));
}
#[test]
fn questions_names_with_cue_words_and_numbered_descriptions() {
    let text = "Some text came first.\n\n\
                “Does anybody know what the platform is?” Graham asked. “Neither do I.”\n\n\
                The United States said that it would lift restrictions on trucks.\n\n\
                At a forum on Monday, one questioner claimed that the forces were hurting the army.";
    let got = extract(&article(text, "en"));
    expect(text, &got, "Does anybody", QuoteKind::Direct, "Graham");
    let q = starting(text, &got, "it would lift");
    assert!(q
        .speaker_name
        .as_deref()
        .is_some_and(|n| n.ends_with("United States")));
    expect(
        text,
        &got,
        "the forces were",
        QuoteKind::Indirect,
        "one questioner",
    );
}
#[test]
fn relative_clauses_adverbials_and_signed_quotations() {
    let text = "Intro text here.\n\n\
                Rucker Culpepper, who runs the campaign's effort for veterans, said, \"Trump \
                has been disrespecting our veterans for decades.\"\n\n\
                Obama has had a frosty relationship with McConnell, now the Senate majority \
                leader, who in 2010 said the party's most important goal was to beat him.\n\n\
                Trump said after the convention he would not accept the endorsement.\n\n\
                ”Mr. Trump represents our greatest shame.” ― Beck Pimentel";
    let got = extract(&article(text, "en"));
    expect(
        text,
        &got,
        "Trump has been",
        QuoteKind::Direct,
        "Rucker Culpepper",
    );
    expect(
        text,
        &got,
        "the party's most",
        QuoteKind::Indirect,
        "McConnell",
    );
    expect(
        text,
        &got,
        "he would not accept",
        QuoteKind::Indirect,
        "Trump",
    );
    expect(
        text,
        &got,
        "Mr. Trump represents",
        QuoteKind::Direct,
        "Beck Pimentel",
    );
}

#[test]
fn titles_hearers_and_clauses_of_when_are_no_speech() {
    let text = "The protests must end, the mayor said on CBS's “Face the Nation,” adding \
                nothing new.\n\n\
                The difference now, he told me on Friday, is that he anchors the news.\n\n\
                Her reasons were what she said when she resigned from the network in 2014.";
    let got = extract(&article(text, "en"));
    let quoted = |s: &str| {
        got.iter()
            .any(|q| text[q.span.start..q.span.end].starts_with(s))
    };
    assert!(!quoted("Face the Nation"), "{got:#?}");
    assert!(!quoted("me on Friday"), "{got:#?}");
    assert!(!quoted("when she resigned"), "{got:#?}");
}
#[test]
fn a_speaker_after_the_cue_may_hold_a_slash_or_a_hyphen() {
    let text = "Intro text here.\n\n\
                “They are 100 percent wrong,” said 9/11 widow Terry Strada.\n\n\
                “It is over,” said 31-year-old teacher Ann Lee.";
    let got = extract(&article(text, "en"));
    expect(
        text,
        &got,
        "They are 100",
        QuoteKind::Direct,
        "Terry Strada",
    );
    expect(text, &got, "It is over", QuoteKind::Direct, "Ann Lee");
}

#[test]
fn verbs_of_promising_report_speech() {
    let text = "Президент Володимир Зеленський пообіцяв, що наступний обмін відбудеться «найближчими тижнями».";
    let got = extract(&article(text, "uk"));
    let q = starting(text, &got, "найближчими");
    assert_eq!(q.kind, QuoteKind::Partial);
    assert!(q
        .speaker_name
        .as_deref()
        .is_some_and(|n| n.contains("Зеленський")));
    let text = "Die Ministerin versprach, dass die Hilfe noch in dieser Woche ankommen werde.";
    let got = extract(&article(text, "de"));
    expect(
        text,
        &got,
        "die Hilfe",
        QuoteKind::Indirect,
        "Die Ministerin",
    );
}
#[test]
fn a_long_subject_with_a_plural_noun_before_its_cue() {
    let text = "Donations hit nearly $1.1 billion through the end of August, a USA TODAY \
                analysis of newly filed campaign-finance reports shows. That is a record.";
    let got = extract(&article(text, "en"));
    expect(
        text,
        &got,
        "Donations hit",
        QuoteKind::Indirect,
        "a USA TODAY analysis of newly filed campaign-finance reports",
    );
}

#[test]
fn a_participle_after_a_closing_cue_adds_to_its_speaker() {
    use QuoteKind::Indirect;
    check(
        "The death toll in the flooded valley rose to 12 on Sunday, the regional rescue service said, \
         adding that five people were still missing.",
        &[
            (
                "The death toll in the flooded valley",
                Indirect,
                "the regional rescue service",
            ),
            (
                "five people were still missing",
                Indirect,
                "the regional rescue service",
            ),
        ],
    );
}

#[test]
fn a_closing_clause_of_as_with_its_verb_last_reports_the_clause_before() {
    use QuoteKind::Indirect;
    let text = "Bei der Wahl am Sonntag kam die Stadträtin auf knapp 52 Prozent der Stimmen, \
                wie das Wahlamt der Stadt in der Nacht zum Montag mitteilte. Wie die Feuerwehr \
                mitteilte, wurden bei dem Brand drei Menschen verletzt.";
    let got = extract(&article(text, "de"));
    expect(
        text,
        &got,
        "Bei der Wahl am Sonntag",
        Indirect,
        "das Wahlamt der Stadt",
    );
    expect(
        text,
        &got,
        "wurden bei dem Brand",
        Indirect,
        "die Feuerwehr",
    );
    let text = "Bij het ongeluk op de ringweg raakten vier mensen gewond, zoals de politie \
                zaterdag meldde.";
    let got = extract(&article(text, "nl"));
    expect(
        text,
        &got,
        "Bij het ongeluk op de ringweg",
        Indirect,
        "de politie",
    );
}

#[test]
fn it_a_judge_and_a_relative_clause_that_quotes_find_their_speakers() {
    use QuoteKind::{Direct, Indirect, Partial};
    let text = "The Office for Humanitarian Affairs said it had verified 11 deaths. It \
                cautioned that its figures were preliminary.\n\n\
                District Judge Maria Delgado ordered the sentences to run concurrently.\n\n\
                \"You will have a great deal of time to think,\" the judge told him.\n\n\
                Tamsen, who has called both parties \"two sides of the same bad coin,\" said \
                Tuesday that he would stay in the race.";
    let mut a = article(text, "en");
    mention(
        &mut a,
        "Office for Humanitarian Affairs",
        storyline_model::EntityType::Org,
    );
    mention(&mut a, "Maria Delgado", storyline_model::EntityType::Person);
    mention(&mut a, "Tamsen", storyline_model::EntityType::Person);
    let got = extract(&a);
    expect(
        text,
        &got,
        "its figures were",
        Indirect,
        "Office for Humanitarian Affairs",
    );
    expect(text, &got, "You will have", Direct, "Maria Delgado");
    expect(text, &got, "two sides", Partial, "Tamsen");
    expect(text, &got, "he would stay", Indirect, "Tamsen");
}

#[test]
fn a_day_after_the_cue_is_no_speaker() {
    use QuoteKind::Indirect;
    let text = "La Organización Panamericana de la Salud (OPS), oficina regional de la \
                Organización Mundial de la Salud (OMS), advirtió el martes de que la cobertura \
                de la vacuna llegó apenas al 68 %.\n\n\
                È salito a tre il bilancio delle vittime della collisione. Lo ha comunicato \
                venerdì la Guardia costiera sudcoreana.";
    let mut a = article(text, "es");
    mention(
        &mut a,
        "Organización Panamericana de la Salud",
        storyline_model::EntityType::Org,
    );
    let got = extract(&a);
    expect(
        text,
        &got,
        "la cobertura de la vacuna",
        Indirect,
        "Organización Panamericana de la Salud",
    );
    assert!(got
        .iter()
        .all(|q| q.speaker_name.as_deref() != Some("el martes")));
    let got = extract(&article(text, "it"));
    expect(
        text,
        &got,
        "È salito a tre",
        Indirect,
        "la Guardia costiera sudcoreana",
    );
}

#[test]
fn korean_quotations_joined_by_saying_and_a_company_side() {
    use QuoteKind::{Direct, Indirect};
    let text = "한빛전자 윤상호 전무는 \"가격이 떨어졌다\"며 \"흑자 전환이 어렵다\"고 말했다. \
                노조 김도윤 지회장은 \"책임을 떠넘기는 것\"이라며 다음 달 총파업 투표를 하겠다고 \
                밝혔다.\n\n회사 측은 \"강제 해고는 없을 것\"이라고 밝혔다. 이수진 연구원은 \
                \"손실이 불가피하다\"고 분석했다.";
    let mut a = article(text, "ko");
    mention(&mut a, "한빛전자", storyline_model::EntityType::Org);
    for person in ["윤상호", "김도윤", "이수진"] {
        mention(&mut a, person, storyline_model::EntityType::Person);
    }
    a.mentions.sort_by_key(|m| m.span);
    let got = extract(&a);
    expect(text, &got, "가격이 떨어졌다", Direct, "윤상호");
    expect(text, &got, "흑자 전환이", Direct, "윤상호");
    expect(text, &got, "책임을 떠넘기는", Direct, "김도윤");
    expect(text, &got, "다음 달 총파업", Indirect, "김도윤");
    expect(text, &got, "강제 해고는", Direct, "한빛전자");
    expect(text, &got, "손실이 불가피하다", Direct, "이수진");
}

#[test]
fn hearers_bodies_reporting_in_the_plural_and_company_names_in_quotation_marks() {
    use QuoteKind::{Direct, Indirect};
    let text = "\"Estamos viendo a pacientes muy mayores\", explicó a EFE la jefa de Urgencias \
                del Hospital del Sur, Carmen Ortega, quien precisó que todo va bien.";
    expect(
        text,
        &extract(&article(text, "es")),
        "Estamos viendo",
        Direct,
        "Carmen Ortega",
    );
    let text = "„Wir sehen jeden Tag einen neuen Rekord“, sagte Bondar der Deutschen \
                Presse-Agentur. EU-Kommissar Lars Vinther sagte anschließend, die EU stelle \
                500 Millionen Euro bereit.";
    let got = extract(&article(text, "de"));
    expect(text, &got, "Wir sehen jeden Tag", Direct, "Bondar");
    expect(text, &got, "die EU stelle", Indirect, "Lars Vinther");
    let text = "Водночас у ДСНС повідомили про вісім загиблих від спеки. Як повідомили в \
                Гідрометцентрі, це абсолютний рекорд для липня.\n\n\
                Без світла залишалися 310 тисяч домогосподарств. Про це повідомили в АТ \
                «Південна енергетична компанія».";
    let got = extract(&article(text, "uk"));
    expect(text, &got, "про вісім загиблих", Indirect, "ДСНС");
    expect(
        text,
        &got,
        "це абсолютний рекорд",
        Indirect,
        "Гідрометцентрі",
    );
    expect(
        text,
        &got,
        "Без світла залишалися",
        Indirect,
        "АТ «Південна енергетична компанія",
    );
    assert!(
        got.iter()
            .all(|q| !text[q.span.start..].starts_with("Південна")),
        "{got:#?}"
    );
}

#[test]
fn descriptions_with_modifiers_name_the_role_holder_and_the_body() {
    use QuoteKind::Indirect;
    let text = "Fire Chief Colin Nadeau toured the town. The Alberta Emergency Management Agency \
                opened shelters.\n\nAccording to the fire chief, at least 11 homes burned. The \
                provincial emergency agency said that 9,000 people had left.";
    let mut a = article(text, "en");
    mention(&mut a, "Colin Nadeau", storyline_model::EntityType::Person);
    mention(
        &mut a,
        "Alberta Emergency Management Agency",
        storyline_model::EntityType::Org,
    );
    a.mentions.sort_by_key(|m| m.span);
    let got = extract(&a);
    expect(text, &got, "at least 11 homes", Indirect, "Colin Nadeau");
    expect(
        text,
        &got,
        "9,000 people",
        Indirect,
        "Alberta Emergency Management Agency",
    );
}

#[test]
fn a_relative_of_according_to_reports_for_the_name_before_it() {
    use QuoteKind::Indirect;
    let text = "\"Sono quasi tutti anziani\", ha raccontato il primario Salvatore Lo Bue, secondo \
                cui nel solo ospedale si contano quattro decessi.";
    let mut a = article(text, "it");
    mention(
        &mut a,
        "Salvatore Lo Bue",
        storyline_model::EntityType::Person,
    );
    let got = extract(&a);
    expect(
        text,
        &got,
        "nel solo ospedale",
        Indirect,
        "Salvatore Lo Bue",
    );
}

#[test]
fn a_separable_verb_reports_what_follows_its_particle() {
    use QuoteKind::Indirect;
    let text = "Die Stadtwerke teilten am Dienstag mit, dass der Betrieb eingeschränkt werde. \
                Am Montag gab die Feuerwehr bekannt, drei Menschen seien verletzt worden. \
                Die Beschäftigten erhalten 6,5 Prozent mehr Geld, teilten beide Seiten mit. \
                Der Bürgermeister wies darauf hin, dass die Kassen leer seien.";
    let got = extract(&article(text, "de"));
    expect(text, &got, "der Betrieb", Indirect, "Die Stadtwerke");
    expect(text, &got, "drei Menschen", Indirect, "die Feuerwehr");
    expect(text, &got, "Die Beschäftigten", Indirect, "beide Seiten");
    expect(text, &got, "die Kassen", Indirect, "Bürgermeister");
    // The content never holds the particle or the time before it.
    let q = starting(text, &got, "der Betrieb");
    assert_eq!(
        &text[q.span.start..q.span.end],
        "der Betrieb eingeschränkt werde"
    );
    let text = "De politie maakte zaterdag bekend dat drie mensen zijn aangehouden. \
                Minister Sanne Vos liet maandag weten dat het plan doorgaat.";
    let got = extract(&article(text, "nl"));
    expect(text, &got, "drie mensen", Indirect, "politie");
    expect(text, &got, "het plan", Indirect, "Sanne Vos");
}

#[test]
fn a_time_before_the_verb_is_no_speaker_in_a_verb_second_language() {
    use QuoteKind::Indirect;
    let text = "Am Montag sagte der Minister, die Lage sei ernst.";
    let got = extract(&article(text, "de"));
    expect(text, &got, "die Lage", Indirect, "der Minister");
    // A figure after "nach Angaben" and its source begins what was reported.
    let text = "Am Flughafen wurden nach Angaben einer Sprecherin 118 Starts gestrichen.";
    let got = extract(&article(text, "de"));
    assert_eq!(
        got.first().and_then(|q| q.speaker_name.as_deref()),
        Some("einer Sprecherin"),
        "{got:#?}"
    );
    // Where the speaker is from ends the phrase.
    let text = "„Wir sitzen seit sechs Uhr hier“, sagte die Studentin Lea Brandt aus Köln, \
                die nach Lissabon fliegen wollte.";
    let got = extract(&article(text, "de"));
    expect(
        text,
        &got,
        "Wir sitzen",
        QuoteKind::Direct,
        "Studentin Lea Brandt",
    );
    let text = "AMSTERDAM (ANP) - Op maandag zei de burgemeester dat de brug dicht blijft. \
                Vorige week zei wethouder Jan de Boer dat er 40 woningen bij komen.";
    let got = extract(&article(text, "nl"));
    expect(text, &got, "de brug", Indirect, "de burgemeester");
    expect(
        text,
        &got,
        "er 40 woningen",
        Indirect,
        "wethouder Jan de Boer",
    );
}

#[test]
fn a_hearer_in_lower_case_after_told_closes_a_reported_clause_before_it() {
    use QuoteKind::Indirect;
    let text = "Four of the six members voted for the cut, Governor Naledi Dube told a news \
                conference in Pretoria. The rise was steep, she told reporters on Monday.";
    let got = extract(&article(text, "en"));
    expect(text, &got, "Four of the six", Indirect, "Naledi Dube");
    expect(text, &got, "The rise was steep", Indirect, "Naledi Dube");
}

#[test]
fn a_description_by_where_a_company_is_based_is_the_company_last_named() {
    let text = "Quillwork Inc. is laying off about 1,100 employees, the San Francisco-based \
                maker of payroll software said on Tuesday.";
    let mut a = article(text, "en");
    mention(&mut a, "Quillwork Inc.", storyline_model::EntityType::Org);
    let got = extract(&a);
    let q = starting(text, &got, "Quillwork Inc. is laying off");
    assert_eq!(q.speaker_name.as_deref(), Some("Quillwork Inc."));
    // A name after where the body is based is the body itself.
    let text = "The Associated Press saw the data. The Washington-based Center for Eurasian \
                Security Studies said that Russia had launched 5,900 drones.";
    let mut a = article(text, "en");
    mention(&mut a, "Associated Press", storyline_model::EntityType::Org);
    mention(
        &mut a,
        "Center for Eurasian Security Studies",
        storyline_model::EntityType::Org,
    );
    let got = extract(&a);
    let q = starting(text, &got, "Russia had launched");
    assert_eq!(
        q.speaker_name.as_deref(),
        Some("Center for Eurasian Security Studies")
    );
}

#[test]
fn as_and_a_cue_opening_the_sentence_report_what_follows_the_speaker() {
    use QuoteKind::Indirect;
    let text = "Как сообщило нидерландское Управление водного хозяйства (Рейксватерстат), в \
                Германии и Нидерландах закрыты 13 водозаборов. Официальный представитель \
                компании Сабина Холльвег сообщила корреспонденту ТАСС, что речь идёт о девяти \
                тоннах.";
    let got = extract(&article(text, "ru"));
    let q = starting(text, &got, "в Германии");
    assert_eq!(q.kind, Indirect);
    assert!(
        q.speaker_name.as_deref().is_some_and(|n| n != "Как"),
        "{q:?}"
    );
    expect(text, &got, "речь идёт", Indirect, "Сабина Холльвег");
    let text = "Como informó el Ministerio de Sanidad, 40 personas fueron hospitalizadas.";
    let got = extract(&article(text, "es"));
    expect(
        text,
        &got,
        "40 personas",
        Indirect,
        "el Ministerio de Sanidad",
    );
    let text = "Der Fonds reiche bei weitem nicht, kritisierte Verbandschef Uwe Brinkhaus.";
    let got = extract(&article(text, "de"));
    expect(text, &got, "Der Fonds reiche", Indirect, "Uwe Brinkhaus");
}

#[test]
fn a_report_speaks_for_the_body_that_made_it_and_who_for_the_person_before_an_apposition() {
    let text = "Rosa Villanueva won the race, according to unofficial results released early \
                Wednesday by the Bernalillo County Clerk's Office.\n\n\
                The plan was approved, according to unofficial results the district posted \
                late Tuesday.\n\n\
                Shares fell, said Devin Castellanos, an analyst at Harrowgate Capital Partners, \
                who estimated the cuts would save $150 million a year.";
    let mut a = article(text, "en");
    let at = text.find("Bernalillo County Clerk's Office").unwrap();
    a.mentions.push(storyline_model::Mention {
        span: storyline_model::Span::new(at, at + "Bernalillo County Clerk's Office".len()),
        kind: storyline_model::EntityType::Org,
        entity: None,
        resolved: false,
        role: None,
    });
    mention(
        &mut a,
        "Harrowgate Capital Partners",
        storyline_model::EntityType::Org,
    );
    mention(
        &mut a,
        "Devin Castellanos",
        storyline_model::EntityType::Person,
    );
    let got = extract(&a);
    let q = starting(text, &got, "Rosa Villanueva won");
    assert_eq!(
        q.speaker_name.as_deref(),
        Some("Bernalillo County Clerk's Office")
    );
    let q = starting(text, &got, "the cuts would save");
    assert_eq!(q.speaker_name.as_deref(), Some("Devin Castellanos"));
}

#[test]
fn an_elided_role_is_its_holder_and_a_hindi_pronoun_is_no_hearer() {
    use QuoteKind::{Direct, Indirect};
    let text = "L'assessore regionale alla Sanità, Raffaele Dicuonzo, ha presentato il piano. \
                L'assessore ha spiegato che entro giugno saranno assunti 450 medici.";
    let mut a = article(text, "it");
    mention(&mut a, "Sanità", storyline_model::EntityType::Person);
    mention(
        &mut a,
        "Raffaele Dicuonzo",
        storyline_model::EntityType::Person,
    );
    let got = extract(&a);
    expect(text, &got, "entro giugno", Indirect, "Raffaele Dicuonzo");
    let text = "आयुक्त राजेश्वर सिंह राठौड़ ने बताया कि मतदान हुआ। उन्होंने संवाददाताओं से कहा, \
                \"मतदान पूरी तरह शांतिपूर्ण रहा।\"";
    let mut a = article(text, "hi");
    mention(
        &mut a,
        "राजेश्वर सिंह राठौड़",
        storyline_model::EntityType::Person,
    );
    let got = extract(&a);
    expect(text, &got, "मतदान पूरी", Direct, "राजेश्वर सिंह राठौड़");
}

#[test]
fn speech_of_a_group_nobody_names_is_no_quotation() {
    let text = "The blaze had grown to 4,000 acres overnight, fire officials said. The county \
                sheriff, Ann Cole, said 9,500 people had been told to leave.";
    let got = extract(&article(text, "en"));
    assert!(
        !got.iter()
            .any(|q| text[q.span.start..q.span.end].starts_with("The blaze")),
        "{got:#?}"
    );
    expect(text, &got, "9,500 people", QuoteKind::Indirect, "Ann Cole");
    // It still says who gives the figure.
    let (_, held) = super::extract_with_clauses(&article(text, "en"));
    assert!(held
        .iter()
        .any(|q| text[q.span.start..q.span.end].starts_with("The blaze")));
}

#[test]
fn a_group_opening_the_sentence_or_described_by_its_nationality_is_unnamed_too() {
    let text = "Economists said prices would rise. Ukrainian officials said 40 drones were \
                downed. Mayor Ann Cole said the roads were clear. The Pentagon said 3,000 \
                troops had arrived.";
    let seg = crate::segment::segment(text, "en");
    let mut a = article(text, "en");
    a.sentences = seg.sentences;
    a.tokens = seg.tokens;
    mention(&mut a, "Ukrainian", storyline_model::EntityType::Norp);
    mention(&mut a, "Pentagon", storyline_model::EntityType::Org);
    let (got, held) = super::extract_with_clauses(&a);
    let opens = |qs: &[Quote], w: &str| qs.iter().any(|q| text[q.span.start..].starts_with(w));
    assert!(!opens(&got, "prices") && opens(&held, "prices"), "{got:#?}");
    assert!(
        !opens(&got, "40 drones") && opens(&held, "40 drones"),
        "{got:#?}"
    );
    expect(text, &got, "the roads", QuoteKind::Indirect, "Ann Cole");
    assert!(opens(&got, "3,000 troops"), "{got:#?}");
}

#[test]
fn a_word_that_joins_clauses_in_one_language_is_a_preposition_in_another() {
    // Dutch "en" is "and"; in Spanish it opens the place where something was said.
    let text = "La ministra Ana Ruiz dijo en rueda de prensa que el país tiene vacunas.";
    let got = extract(&article(text, "es"));
    expect(text, &got, "el país", QuoteKind::Indirect, "Ana Ruiz");
    // Dutch "of" is "or"; in English it belongs to the hearer.
    let text = "Governor Tom Reyes told members of the legislature that the bridge would reopen.";
    let got = extract(&article(text, "en"));
    expect(text, &got, "the bridge", QuoteKind::Indirect, "Tom Reyes");
    // In Dutch, "en" still ends the search for the clause.
    let text = "De burgemeester zei niets en de raad besloot dat de brug dichtgaat.";
    let got = extract(&article(text, "nl"));
    assert!(
        !got.iter()
            .any(|q| text[q.span.start..].starts_with("de brug")),
        "{got:#?}"
    );
}

#[test]
fn a_name_between_commas_after_a_long_description_speaks() {
    let text = "La portavoz de la Asociación Española de Usuarios de la Energía (AEUE), Marta \
                Gil, ha asegurado que hay dos millones de hogares afectados.";
    let got = extract(&article(text, "es"));
    expect(text, &got, "hay dos", QuoteKind::Indirect, "Marta Gil");
    let text = "Речниця Ірина Ткачук уточнила, що евакуювали понад 4 тисячі мешканців.";
    let got = extract(&article(text, "uk"));
    expect(
        text,
        &got,
        "евакуювали",
        QuoteKind::Indirect,
        "Ірина Ткачук",
    );
}

#[test]
fn a_time_or_a_place_may_follow_the_demonstrative_that_stands_for_the_sentence_before() {
    let text = "Росія завербувала понад 1 500 громадян Непалу. Про це в четвер в ефірі \
                телемарафону повідомив представник розвідки Тарас Левченко.";
    let got = extract(&article(text, "uk"));
    expect(text, &got, "Росія", QuoteKind::Indirect, "Тарас Левченко");
    let text = "Более 80 граждан Индии уволены. Об этом в среду сообщил журналистам \
                полковник Сергей Голубев.";
    let got = extract(&article(text, "ru"));
    expect(
        text,
        &got,
        "Более 80",
        QuoteKind::Indirect,
        "Сергей Голубев",
    );
    // A name between them makes the clause another's report.
    let text = "Более 80 граждан Индии уволены. Об этом Голубеву сообщил полковник Сергей Иванов.";
    let got = extract(&article(text, "ru"));
    assert!(
        !got.iter()
            .any(|q| text[q.span.start..].starts_with("Более 80")),
        "{got:#?}"
    );
}

#[test]
fn a_hearer_may_follow_a_speaker_after_the_verb() {
    let text = "Mindestens 35 Inder seien tot, sagte Kushwaha der Deutschen Presse-Agentur.";
    let got = extract(&article(text, "de"));
    expect(text, &got, "Mindestens 35", QuoteKind::Indirect, "Kushwaha");
    let text = "Ситуация под контролем, заявил Сергей Голубев журналистам.";
    let got = extract(&article(text, "ru"));
    expect(
        text,
        &got,
        "Ситуация",
        QuoteKind::Indirect,
        "Сергей Голубев",
    );
}

#[test]
fn a_hindi_hearer_in_quotation_marks_stands_between_the_speaker_and_the_verb() {
    let text = "उनके भाई प्रदीप कुशवाहा ने 'पीटीआई-भाषा' से कहा, \"संदीप को काम मिलेगा।\"";
    let mut a = article(text, "hi");
    mention(&mut a, "प्रदीप कुशवाहा", storyline_model::EntityType::Person);
    let got = extract(&a);
    expect(text, &got, "संदीप", QuoteKind::Direct, "प्रदीप कुशवाहा");
}

#[test]
fn a_quotation_with_no_cue_goes_on_with_the_speaker_of_the_reported_words_before_it() {
    let text = "„Wir fordern die Entlassung“, sagte Sprecher Anurag Bhandari.\n\nMindestens 35 \
                Inder seien tot, sagte Pradeep Kushwaha der Deutschen Presse-Agentur. „Mein \
                Bruder wollte kochen, nicht sterben.“ Die Familie habe 4400 Euro gezahlt.";
    let mut a = article(text, "de");
    mention(
        &mut a,
        "Anurag Bhandari",
        storyline_model::EntityType::Person,
    );
    mention(
        &mut a,
        "Pradeep Kushwaha",
        storyline_model::EntityType::Person,
    );
    let got = extract(&a);
    expect(
        text,
        &got,
        "Mein Bruder",
        QuoteKind::Direct,
        "Pradeep Kushwaha",
    );
    // The subjunctive after it goes on with the same speaker.
    expect(
        text,
        &got,
        "Die Familie",
        QuoteKind::Indirect,
        "Pradeep Kushwaha",
    );
}

#[test]
fn russian_and_ukrainian_estimates_name_their_source() {
    let text = "По оценке Минздрава, дефицит врачей сократился на 15%.";
    let got = extract(&article(text, "ru"));
    expect(text, &got, "дефицит", QuoteKind::Indirect, "Минздрава");
    let text = "За підрахунками асоціації, втрати сягнули 400 тисяч доларів.";
    let got = extract(&article(text, "uk"));
    expect(text, &got, "втрати", QuoteKind::Indirect, "асоціації");
}

#[test]
fn a_participle_after_a_name_in_apposition_speaks_for_the_subject() {
    let text = "She rejected the offer to sell 214 stores to a smaller chain, Greenway Grocers, \
                calling the buyer \"untested\" and the package \"a patchwork.\"";
    let got = extract(&article(text, "en"));
    expect(text, &got, "untested", QuoteKind::Partial, "She");
    // A subject between commas before the participle still speaks.
    let text = "The minister, Anna Berg, said the talks failed, adding that \"nothing moved.\"";
    let got = extract(&article(text, "en"));
    expect(text, &got, "nothing moved", QuoteKind::Partial, "Anna Berg");
}

#[test]
fn a_name_after_a_description_and_its_place_speaks() {
    let text = "\"Lo que más nos preocupa es el agua\", dijo a EFE la directora de Rivercare \
                International en Mozambique, Sofia Lindqvist.";
    let got = extract(&article(text, "es"));
    expect(
        text,
        &got,
        "Lo que más",
        QuoteKind::Direct,
        "Sofia Lindqvist",
    );
}

#[test]
fn a_description_by_the_noun_that_introduced_a_body_is_that_body() {
    use storyline_model::EntityType::Org;
    let text = "Die Hilfsorganisation Rivercare International warnt. Das sagte Machava der \
                Deutschen Presse-Agentur. Nach Schätzung der Hilfsorganisation haben 250.000 \
                Menschen kein Wasser.";
    let mut a = article(text, "de");
    mention(&mut a, "Rivercare International", Org);
    mention(&mut a, "Deutschen Presse-Agentur", Org);
    a.mentions.sort_by_key(|m| m.span);
    assert_eq!(
        super::resolve::last_body_named(&a, "der Hilfsorganisation", text.len()).as_deref(),
        Some("Rivercare International")
    );
}

#[test]
fn a_german_noun_phrase_opening_a_sentence_is_no_name_for_a_pronoun() {
    let text = "AfD-Landeschef Dirk Rahnenführer sprach von einer Momentaufnahme. Seine Partei \
                werde am Ende stärkste Kraft, sagte er.";
    let mut a = article(text, "de");
    mention(
        &mut a,
        "Dirk Rahnenführer",
        storyline_model::EntityType::Person,
    );
    let got = extract(&a);
    expect(
        text,
        &got,
        "Seine Partei werde",
        QuoteKind::Indirect,
        "Dirk Rahnenführer",
    );
}

#[test]
fn a_description_in_the_genitive_is_the_company_last_named() {
    use storyline_model::EntityType::Org;
    let text = "Der Streik hat die Rheinair lahmgelegt. Nach Angaben des Unternehmens fielen \
                rund 640 Flüge aus.";
    let mut a = article(text, "de");
    mention(&mut a, "Rheinair", Org);
    let got = extract(&a);
    let q = starting(text, &got, "fielen rund 640");
    assert_eq!(q.speaker_name.as_deref(), Some("Rheinair"), "{q:?}");
}

#[test]
fn a_modified_description_is_the_company_named_in_the_same_sentence() {
    use storyline_model::EntityType::Org;
    let text = "Hackers broke into the systems of Redwater Mobile Holdings Inc. and stole data \
                of 19 million customers, the wireless carrier said.";
    let mut a = article(text, "en");
    mention(&mut a, "Redwater Mobile Holdings Inc", Org);
    let got = extract(&a);
    let q = starting(text, &got, "Hackers broke");
    assert_eq!(
        q.speaker_name.as_deref(),
        Some("Redwater Mobile Holdings Inc"),
        "{q:?}"
    );
    // Not across sentences.
    let text = "Redwater Mobile Holdings Inc. reported results. Hackers stole data, the \
                wireless carrier said.";
    let mut a = article(text, "en");
    mention(&mut a, "Redwater Mobile Holdings Inc", Org);
    let got = extract(&a);
    let q = starting(text, &got, "Hackers stole");
    assert_eq!(
        q.speaker_name.as_deref(),
        Some("the wireless carrier"),
        "{q:?}"
    );
}

#[test]
fn a_russian_outlet_in_quotation_marks_after_the_verb_is_the_hearer() {
    let text = "«Мы потеряли почти 13 млн евро», - сообщил «Интерфаксу» представитель \
                компании Деклан Мориарти.";
    let mut a = article(text, "ru");
    mention(
        &mut a,
        "Деклан Мориарти",
        storyline_model::EntityType::Person,
    );
    let got = extract(&a);
    expect(
        text,
        &got,
        "Мы потеряли",
        QuoteKind::Direct,
        "Деклан Мориарти",
    );
}

#[test]
fn a_company_the_lead_describes_before_naming_it_speaks() {
    let text = "Rescuers brought 19 miners up alive on Thursday, but at least six were still \
                missing, the operator said.\n\nThe Department of Mines gave other figures. \
                Vellstrand Gold Operations, which runs the shaft, said the search went on.";
    let mut a = article(text, "en");
    mention(
        &mut a,
        "Department of Mines",
        storyline_model::EntityType::Org,
    );
    mention(
        &mut a,
        "Vellstrand Gold Operations",
        storyline_model::EntityType::Org,
    );
    a.mentions.sort_by_key(|m| m.span);
    let got = extract(&a);
    expect(
        text,
        &got,
        "Rescuers brought",
        QuoteKind::Indirect,
        "Vellstrand Gold Operations",
    );
}

#[test]
fn things_added_are_no_speech_and_coordinated_verbs_keep_the_subject() {
    use QuoteKind::{Indirect, Partial};
    check(
        "The economy added 18,400 jobs in April, adding to signs of a slowdown, the agency \
         said.",
        &[(
            "The economy added 18,400 jobs in April",
            Indirect,
            "the agency",
        )],
    );
    check(
        "Undersecretary Marco Bellandi said the government would press the European Union to \
         release funds for Libya agreed last month, and called the landing \"the work of \
         criminal networks.\"",
        &[("the work of criminal networks", Partial, "Marco Bellandi")],
    );
}

#[test]
fn bodies_spoken_to_or_after_a_statement_and_it_said() {
    use QuoteKind::{Indirect, Partial};
    let text = "Sentrion Software SE will cut 2,300 jobs. In an ad hoc statement to the \
                Frankfurt Stock Exchange, the company said it expected costs of up to \
                €220 million. Around 900 of the cuts would fall in Germany, it said, with the \
                rest spread across India and Poland.";
    let mut a = article(text, "en");
    mention(
        &mut a,
        "Sentrion Software SE",
        storyline_model::EntityType::Org,
    );
    mention(
        &mut a,
        "Frankfurt Stock Exchange",
        storyline_model::EntityType::Org,
    );
    let got = extract(&a);
    let names: Vec<(&str, Option<&str>)> = got
        .iter()
        .map(|q| (&text[q.span.start..q.span.end], q.speaker_name.as_deref()))
        .collect();
    assert_eq!(
        names,
        [
            (
                "it expected costs of up to €220 million",
                Some("Sentrion Software SE")
            ),
            (
                "Around 900 of the cuts would fall in Germany",
                Some("Sentrion Software SE")
            ),
        ]
    );
    check(
        "In a brief statement the club said the deal was \"in line with our plan.\"",
        &[("in line with our plan", Partial, "the club")],
    );
    check(
        "Jana Brückner wrote in a note to clients that the programme could lift the margin.",
        &[(
            "the programme could lift the margin",
            Indirect,
            "Jana Brückner",
        )],
    );
}

#[test]
fn a_remark_after_the_cue_and_a_subject_shared_past_a_source() {
    use QuoteKind::Indirect;
    check(
        "Insured losses from the storm are likely to come in between $1.1 billion and $1.6 \
         billion, modeller Karsten Risk Analytics said on Wednesday, well above an estimate \
         published the previous day.",
        &[(
            "Insured losses from the storm",
            Indirect,
            "Karsten Risk Analytics",
        )],
    );
    // A speaker interrupting a clause: its subject alone is no remark's clause.
    let text = "The latest test, the agency said, was its biggest yet.";
    assert!(extract(&article(text, "en"))
        .iter()
        .all(|q| !text[q.span.start..q.span.end].starts_with("The latest test")));
    check(
        "Mayor Ann Cole gave a higher toll of at least 63 dead, based on reports from its local \
         chapters, and said some 142,000 homes had been damaged.",
        &[("some 142,000 homes had been damaged", Indirect, "Ann Cole")],
    );
}

#[test]
fn russian_sources_after_a_time_and_speakers_after_where_they_spoke() {
    let text = "Накануне вечером, по данным МВД Сербии, в акции протеста приняли участие около \
                18 тыс. человек. Число погибших выросло до 16. Об этом в пятницу сообщил на \
                брифинге министр Вахтанг Гомелаури.";
    let got = extract(&article(text, "ru"));
    let found: Vec<(&str, Option<&str>)> = got
        .iter()
        .map(|q| (&text[q.span.start..q.span.end], q.speaker_name.as_deref()))
        .collect();
    assert_eq!(
        found,
        [
            (
                "в акции протеста приняли участие около 18 тыс. человек",
                Some("МВД Сербии")
            ),
            ("Число погибших выросло до 16", Some("Вахтанг Гомелаури")),
        ]
    );
}

#[test]
fn a_german_spokesperson_speaks_for_the_body_in_the_compound() {
    let text = "Die Deutsche Bahn meldete Ausfälle. Nach Angaben eines Bahnsprechers fielen rund \
                80 Prozent der Fernzüge aus.";
    let mut a = article(text, "de");
    mention(&mut a, "Deutsche Bahn", storyline_model::EntityType::Org);
    let got = extract(&a);
    let q = got
        .iter()
        .find(|q| text[q.span.start..q.span.end].contains("80 Prozent"))
        .expect("the report");
    assert_eq!(q.speaker_name.as_deref(), Some("Deutsche Bahn"));
    // A class noun of bodies: the company last named.
    let text = "Die Rheinfels Chemie GmbH meldete einen Austritt. Nach Angaben eines \
                Firmensprechers flossen rund acht Tonnen in den Rhein.";
    let mut a = article(text, "de");
    mention(
        &mut a,
        "Rheinfels Chemie GmbH",
        storyline_model::EntityType::Org,
    );
    let got = extract(&a);
    let q = got
        .iter()
        .find(|q| text[q.span.start..q.span.end].contains("acht Tonnen"))
        .expect("the report");
    assert_eq!(q.speaker_name.as_deref(), Some("Rheinfels Chemie GmbH"));
}

#[test]
fn a_source_inside_the_clause_without_commas_reports_the_clause() {
    let text = "Bei dem Unglück kamen laut Polizei mindestens drei Menschen ums Leben.";
    let got = extract(&article(text, "de"));
    assert_eq!(got.len(), 1, "{got:#?}");
    assert_eq!(got[0].speaker_name.as_deref(), Some("Polizei"));
    assert!(text[got[0].span.start..got[0].span.end].starts_with("Bei dem Unglück"));
    let text = "Voor de kust liggen volgens de kustwacht nog 36 schepen te wachten.";
    let got = extract(&article(text, "nl"));
    assert_eq!(got.len(), 1, "{got:#?}");
    assert_eq!(got[0].speaker_name.as_deref(), Some("de kustwacht"));
}

#[test]
fn a_source_without_its_comma_ends_at_its_name() {
    let text = "Secondo il ministero dell'Interno vi hanno preso parte 35.000 persone, mentre \
                gli studenti parlano di oltre 150.000.";
    let got = extract(&article(text, "it"));
    let q = got
        .iter()
        .find(|q| q.cue.as_deref() == Some("Secondo"))
        .expect("the source");
    assert_eq!(q.speaker_name.as_deref(), Some("il ministero dell'Interno"));
    assert!(text[q.span.start..q.span.end].starts_with("vi hanno preso parte 35.000"));
}

#[test]
fn a_german_source_ends_at_its_noun_phrase_before_the_verb() {
    let text = "Nach Angaben der südkoreanischen Küstenwache kamen bei dem Feuer, das in der \
                Nacht ausbrach, vier Seeleute ums Leben.";
    let got = extract(&article(text, "de"));
    let q = got.first().expect("the report");
    assert_eq!(
        q.speaker_name.as_deref(),
        Some("der südkoreanischen Küstenwache")
    );
    assert!(text[q.span.start..q.span.end].starts_with("kamen bei dem Feuer"));
}
