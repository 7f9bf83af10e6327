//! Latin-script languages: function words and telltale letters, with a trigram tie-break.

use whatlang::{Detector, Lang};

/// The languages told apart here, in the order of the bits in [`function_word`].
const CODES: [&str; 8] = ["en", "de", "es", "it", "nl", "fr", "pt", "pl"];

const EN: u8 = 1;
const DE: u8 = 1 << 1;
const ES: u8 = 1 << 2;
const IT: u8 = 1 << 3;
const NL: u8 = 1 << 4;
const FR: u8 = 1 << 5;
const PT: u8 = 1 << 6;
const PL: u8 = 1 << 7;

/// The languages in which `w` (lower case) is a frequent function word, as bits.
fn function_word(w: &str) -> u8 {
    let mut m = 0;
    if matches!(
        w,
        "the"
            | "of"
            | "and"
            | "to"
            | "is"
            | "was"
            | "that"
            | "for"
            | "on"
            | "with"
            | "as"
            | "by"
            | "at"
            | "from"
            | "it"
            | "he"
            | "she"
            | "his"
            | "her"
            | "they"
            | "said"
            | "has"
            | "have"
            | "had"
            | "be"
            | "been"
            | "were"
            | "are"
            | "this"
            | "which"
            | "will"
            | "would"
            | "not"
            | "but"
            | "or"
            | "an"
            | "who"
            | "after"
            | "their"
            | "its"
            | "more"
            | "than"
            | "about"
            | "also"
            | "into"
            | "a"
            | "i"
            | "you"
            | "we"
            | "our"
            | "my"
            | "me"
            | "what"
            | "there"
            | "can"
            | "in"
    ) {
        m |= EN;
    }
    if matches!(
        w,
        "der"
            | "die"
            | "das"
            | "und"
            | "ist"
            | "nicht"
            | "ein"
            | "eine"
            | "einen"
            | "dem"
            | "den"
            | "des"
            | "mit"
            | "von"
            | "zu"
            | "auf"
            | "für"
            | "sich"
            | "im"
            | "auch"
            | "es"
            | "sie"
            | "er"
            | "wir"
            | "nach"
            | "bei"
            | "aus"
            | "wurde"
            | "werden"
            | "hat"
            | "haben"
            | "sind"
            | "war"
            | "wie"
            | "dass"
            | "oder"
            | "aber"
            | "noch"
            | "über"
            | "nur"
            | "um"
            | "in"
            | "am"
            | "sagte"
    ) {
        m |= DE;
    }
    if matches!(
        w,
        "el" | "los"
            | "las"
            | "del"
            | "que"
            | "y"
            | "en"
            | "un"
            | "una"
            | "por"
            | "con"
            | "para"
            | "es"
            | "se"
            | "al"
            | "su"
            | "sus"
            | "lo"
            | "como"
            | "más"
            | "pero"
            | "fue"
            | "ha"
            | "han"
            | "este"
            | "esta"
            | "sobre"
            | "entre"
            | "también"
            | "según"
            | "dijo"
            | "desde"
            | "cuando"
            | "muy"
            | "sin"
            | "hasta"
            | "ya"
            | "la"
            | "de"
    ) {
        m |= ES;
    }
    if matches!(
        w,
        "il" | "di"
            | "che"
            | "e"
            | "la"
            | "per"
            | "un"
            | "una"
            | "del"
            | "della"
            | "dei"
            | "delle"
            | "con"
            | "non"
            | "sono"
            | "è"
            | "gli"
            | "le"
            | "alla"
            | "al"
            | "nel"
            | "nella"
            | "ha"
            | "anche"
            | "come"
            | "più"
            | "ma"
            | "si"
            | "questo"
            | "questa"
            | "dopo"
            | "stato"
            | "essere"
            | "tra"
            | "lo"
            | "ai"
            | "degli"
            | "sul"
            | "sulla"
            | "in"
            | "detto"
    ) {
        m |= IT;
    }
    if matches!(
        w,
        "de" | "het"
            | "een"
            | "van"
            | "en"
            | "is"
            | "dat"
            | "op"
            | "te"
            | "in"
            | "voor"
            | "met"
            | "niet"
            | "zijn"
            | "die"
            | "aan"
            | "er"
            | "ook"
            | "als"
            | "bij"
            | "door"
            | "om"
            | "maar"
            | "nog"
            | "naar"
            | "werd"
            | "wordt"
            | "heeft"
            | "hebben"
            | "was"
            | "uit"
            | "over"
            | "tot"
            | "deze"
            | "dit"
            | "zich"
            | "geen"
            | "wel"
            | "meer"
            | "zei"
    ) {
        m |= NL;
    }
    if matches!(
        w,
        "le" | "la"
            | "les"
            | "de"
            | "des"
            | "du"
            | "et"
            | "un"
            | "une"
            | "est"
            | "en"
            | "que"
            | "qui"
            | "dans"
            | "pour"
            | "pas"
            | "sur"
            | "au"
            | "aux"
            | "avec"
            | "ce"
            | "cette"
            | "il"
            | "elle"
            | "ils"
            | "ont"
            | "été"
            | "par"
            | "plus"
            | "mais"
            | "son"
            | "sa"
            | "ses"
            | "leur"
            | "sont"
            | "a"
            | "comme"
            | "selon"
            | "après"
            | "aussi"
    ) {
        m |= FR;
    }
    if matches!(
        w,
        "o" | "os"
            | "a"
            | "as"
            | "de"
            | "do"
            | "da"
            | "dos"
            | "das"
            | "e"
            | "que"
            | "em"
            | "no"
            | "na"
            | "nos"
            | "nas"
            | "um"
            | "uma"
            | "para"
            | "com"
            | "por"
            | "não"
            | "se"
            | "é"
            | "foi"
            | "ao"
            | "mais"
            | "mas"
            | "como"
            | "seu"
            | "sua"
            | "também"
            | "pelo"
            | "pela"
            | "são"
            | "ser"
            | "está"
            | "disse"
            | "entre"
            | "ainda"
    ) {
        m |= PT;
    }
    if matches!(
        w,
        "i" | "w"
            | "z"
            | "na"
            | "się"
            | "nie"
            | "do"
            | "to"
            | "że"
            | "jest"
            | "o"
            | "jak"
            | "a"
            | "po"
            | "od"
            | "za"
            | "przez"
            | "dla"
            | "ale"
            | "co"
            | "tak"
            | "jego"
            | "jej"
            | "ich"
            | "był"
            | "była"
            | "było"
            | "są"
            | "już"
            | "czy"
            | "oraz"
            | "także"
            | "który"
            | "która"
            | "które"
            | "tym"
            | "tego"
            | "może"
            | "we"
            | "ze"
    ) {
        m |= PL;
    }
    m
}

/// The languages a letter points to, as bits.
fn telltale(c: char) -> u8 {
    match c {
        'ß' => DE,
        'ñ' | '¿' | '¡' => ES,
        'ã' | 'õ' => PT,
        'ç' => FR | PT,
        'ł' | 'ą' | 'ę' | 'ś' | 'ź' | 'ż' | 'ć' | 'ń' => PL,
        'ù' | 'û' | 'ë' | 'œ' => FR,
        'ì' | 'ò' => IT,
        _ => 0,
    }
}

/// Scores of the eight languages on `text`, and the number of words seen.
fn scores(text: &str) -> ([u32; 8], u32) {
    let mut s = [0u32; 8];
    let mut words = 0;
    let mut buf = String::new();
    for w in text.split(|c: char| !c.is_alphabetic()) {
        if w.is_empty() {
            continue;
        }
        words += 1;
        buf.clear();
        buf.extend(w.chars().flat_map(char::to_lowercase));
        let mut bits = function_word(&buf);
        for c in buf.chars() {
            bits |= telltale(c);
        }
        // A word only one language uses tells more than one several share.
        let weight = if bits.count_ones() == 1 { 2 } else { 1 };
        for (k, score) in s.iter_mut().enumerate() {
            if bits & (1 << k) != 0 {
                *score += weight;
            }
        }
    }
    (s, words)
}

/// The trigram model's guess among the eight, when it is confident.
fn trigram(text: &str) -> Option<&'static str> {
    let allow = vec![
        Lang::Eng,
        Lang::Deu,
        Lang::Spa,
        Lang::Ita,
        Lang::Nld,
        Lang::Fra,
        Lang::Por,
        Lang::Pol,
    ];
    let info = Detector::with_allowlist(allow).detect(text)?;
    if !info.is_reliable() {
        return None;
    }
    Some(match info.lang() {
        Lang::Eng => "en",
        Lang::Deu => "de",
        Lang::Spa => "es",
        Lang::Ita => "it",
        Lang::Nld => "nl",
        Lang::Fra => "fr",
        Lang::Por => "pt",
        Lang::Pol => "pl",
        _ => return None,
    })
}

/// A Latin-script text's language, if one of the eight is clearly ahead.
pub(super) fn identify(text: &str) -> Option<&'static str> {
    let (s, words) = scores(text);
    let mut order: Vec<usize> = (0..CODES.len()).collect();
    order.sort_by_key(|&k| std::cmp::Reverse(s[k]));
    let (best, second) = (s[order[0]], s[order[1]]);
    // Clear lead: at least two points and half again as many as the runner-up.
    if best >= 2 && 2 * best >= 3 * second {
        return CODES.get(order[0]).copied();
    }
    if words < 3 {
        return None;
    }
    // Not decisive: let the trigram model choose among the leaders; failing that, a lead of
    // a few points will do.
    if let Some(guess) = trigram(text) {
        let k = CODES.iter().position(|&c| c == guess)?;
        if best == 0 || s[k] * 2 >= best {
            return Some(guess);
        }
    }
    if best >= 4 && best > second {
        return CODES.get(order[0]).copied();
    }
    None
}
