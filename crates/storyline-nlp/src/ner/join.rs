//! Names the tagger cut in two or typed from their letters alone, put right by the words
//! around them, in every language with a word list (`lexicons/ner/LANG.txt`; English's
//! lists apply everywhere, since English names turn up in every language's news):
//!
//! * an organisation ending in a head noun runs on through a connector and the capitalised
//!   words after it ("International Committee" + "of the" + "Red Cross", "Junta de
//!   Andalucía", "Institute for Regional Studies");
//! * a given name, a nobiliary particle and a person are one person ("María del Carmen
//!   Ruiz");
//! * a name right after a class noun takes its class ("die Gewerkschaft Verdi", "the
//!   carrier Lufthansa", "la ciudad de Arequipa"), and so does one before an organisation's
//!   class noun after "the" ("the Verdi union"), in every occurrence in the article;
//! * a name that ends in an organisation's head word or a company's last word is an
//!   organisation ("Nordhafen Logistik", "Coromandel Tankers"), which runs on through no
//!   connector ("Coromandel Tankers of Chennai" is a company and a city); one that ends in a place's head word is a place
//!   ("Colca Valley"), and a place followed by such a word takes it in ("Kharkiv Oblast").
//! * a capitalised head noun and a genitive in lower case before a name are one
//!   organisation with it ("Министерство обороны России", "Служба безпеки України");
//! * a capitalised word after a place's class noun and a connector is a place even where
//!   the tagger saw no name ("the town of Chivay"), and a name before "region", "province",
//!   "district" or "oblast" after "the" is one ("the Arequipa region");
//! * a legal form, read without its dots ("S.p.A.", "N.V."), makes a company, which its first
//!   word or its possessive names elsewhere in the article ("Magna International Inc" …
//!   "Magna", "Boatmen's Bancshares Inc." … "Boatmen's");
//! * a contest's word after a name makes the contest ("the Hong Kong Open", "the Davis Cup");
//!   a monarch's numeral and a road's number belong to the name ("Elizabeth I", "Interstate
//!   95"), a score after a name does not ("Moody 6-82"), nor is a dated month a name ("in
//!   July", English).

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use storyline_model::names::is_legal_form as legal_form;
use storyline_model::EntityType;

use super::lexicon::Lexicon;
use super::roles::Name;
use super::types::given_name;

/// One language's lists (lower case).
#[derive(Debug, Default)]
struct Lists {
    /// Head nouns of organisations' names, first or last, which a complement may follow.
    org_head: HashSet<String>,
    /// Last words of companies' names, which take no complement.
    org_suffix: HashSet<String>,
    /// Last words of places' names.
    place_head: HashSet<String>,
    /// Class nouns that make the name after them an organisation.
    org_noun: HashSet<String>,
    /// Class nouns that make the name after them (or after them and a connector) a place.
    place_noun: HashSet<String>,
    /// Class nouns of rivers, lakes, mountains and islands: the name after them is a
    /// location ("il fiume Lamone", "der Fluss Oder").
    nature_noun: HashSet<String>,
    /// Words (one or two) that join the parts of an organisation's name.
    connector: HashSet<String>,
    /// What a minister is minister of ("Esteri", "State"): no part of a name after it.
    portfolio: HashSet<String>,
    /// Particles inside a person's name.
    particle: HashSet<String>,
    /// Words that never begin a name.
    lead: HashSet<String>,
    /// Head nouns whose complement is a genitive in lower case ending in a name
    /// ("Министерство обороны России").
    org_genitive: HashSet<String>,
    /// Endings of adjectives (Russian, Ukrainian): a capitalised adjective, any in lower
    /// case and a head noun of `org_genitive` are one organisation ("Национальная полиция").
    adjective_end: Vec<String>,
    /// Head nouns of bodies written in lower case before the capitalised rest of the name
    /// ("il ministero della Salute", "la procura di Trapani").
    lower_head: HashSet<String>,
    /// Endings of compounds that name a body (German: "Staatsanwaltschaft", "Mieterbund").
    body_end: Vec<String>,
}

fn parse(data: &str) -> Lists {
    let mut l = Lists::default();
    for (class, list) in super::lang::classes(data) {
        let items = list.map(|w| w.to_lowercase().replace('_', " "));
        match class {
            "org_head" => l.org_head.extend(items),
            "org_suffix" => l.org_suffix.extend(items),
            "place_head" => l.place_head.extend(items),
            "org_noun" => l.org_noun.extend(items),
            "place_noun" => l.place_noun.extend(items),
            "nature_noun" => l.nature_noun.extend(items),
            "connector" => l.connector.extend(items),
            "portfolio" => l.portfolio.extend(items),
            "particle" => l.particle.extend(items),
            "lead" => l.lead.extend(items),
            "org_genitive" => l.org_genitive.extend(items),
            "adjective_end" => l.adjective_end.extend(items),
            "lower_head" => l.lower_head.extend(items),
            "body_end" => l.body_end.extend(items),
            _ => {}
        }
    }
    l
}

static BY_LANG: LazyLock<HashMap<&'static str, Lists>> = LazyLock::new(|| {
    super::lang::FILES
        .iter()
        .map(|(l, d)| (*l, parse(d)))
        .collect()
});

/// The particles of people's names in every language with a word list, but those written
/// after a word (Korean's), since a person may be named in any language's article.
static PARTICLES: LazyLock<HashSet<String>> = LazyLock::new(|| {
    BY_LANG
        .iter()
        .filter(|(l, _)| **l != "ko")
        .flat_map(|(_, lists)| lists.particle.iter().cloned())
        .collect()
});

/// Particles that join a family name to a full name before it ("Lula da Silva"); not
/// "van" or "von", which also join a person to a body ("Minister … van Landbouw").
const ROMANCE_PARTICLES: [&str; 7] = ["da", "do", "dos", "das", "de", "del", "di"];

/// The lists for `lang` and English's.
struct Both<'a> {
    own: Option<&'a Lists>,
    en: Option<&'a Lists>,
}

impl Both<'static> {
    /// The lists of `lang` and English's.
    fn of(lang: &str) -> Self {
        Both {
            own: BY_LANG.get(lang),
            en: BY_LANG.get("en"),
        }
    }
}

impl Both<'_> {
    fn any(&self, pick: impl Fn(&Lists) -> &HashSet<String>, w: &str) -> bool {
        let lw = w.to_lowercase();
        self.own.is_some_and(|l| pick(l).contains(&lw))
            || self.en.is_some_and(|l| pick(l).contains(&lw))
    }
}

/// True for a small word of `lang` or English, as the name lists give them: one that opens
/// no name (`lead`), joins the parts of one (`connector`) or is an article (`det`).
pub(crate) fn is_small_word(lang: &str, w: &str) -> bool {
    let lists = Both::of(lang);
    lists.any(|l| &l.lead, w)
        || lists.any(|l| &l.connector, w)
        || super::lang::is_determiner(lang, w)
}

/// True for a coordinating conjunction among the connectors ("and", "y", "und", "en", "e").
fn coordination(w: &str) -> bool {
    matches!(w.to_lowercase().as_str(), "and" | "y" | "und" | "en" | "e")
}

fn capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// True when `w` is the head noun of an organisation's name in `lang`'s lists or
/// English's ("Department", "Union", "Ministerio").
pub(crate) fn is_org_head(lang: &str, w: &str) -> bool {
    Both::of(lang).any(|l| &l.org_head, w)
}

/// True when `w` is the head noun or the ending of an organisation's name in `lang`'s
/// lists or English's ("Association", "Council", "Inc").
pub(crate) fn is_org_word(lang: &str, w: &str) -> bool {
    let lists = Both::of(lang);
    lists.any(|l| &l.org_head, w) || lists.any(|l| &l.org_suffix, w)
}

/// True when `w` is a noun that an organisation's name follows ("Partei Vox", "the union").
pub(crate) fn is_org_noun(lang: &str, w: &str) -> bool {
    Both::of(lang).any(|l| &l.org_noun, w)
}

/// True when `w` is the class noun of a body in `lang`'s own list, or (Dutch, German) a
/// compound ending in one ("luchtverkeersorganisatie", "Lokführergewerkschaft"): a name
/// right after it is that body.
pub(crate) fn is_org_class(lang: &str, w: &str) -> bool {
    let lw = w.to_lowercase();
    Both::of(lang).own.is_some_and(|l| {
        l.org_noun.contains(&lw)
            || matches!(lang, "de" | "nl")
                && l.org_noun
                    .iter()
                    .any(|h| lw.len() >= h.len() + 4 && lw.ends_with(h.as_str()))
    })
}

/// True when `w` is a class noun of places or organisations in `lang`'s lists ("Region",
/// "Gewerkschaft"), which names nothing alone.
pub(crate) fn is_class_noun(lang: &str, w: &str) -> bool {
    let lists = Both::of(lang);
    lists.any(|l| &l.org_noun, w) || lists.any(|l| &l.place_noun, w)
}

/// Administrative units and valleys written in lower case after a place's name and "the"
/// ("the Arequipa region", "the Jadar valley").
const REGION: [&str; 7] = [
    "region",
    "province",
    "district",
    "oblast",
    "valley",
    "regions",
    "provinces",
];

/// Head nouns of bodies that no place's name ends in.
const BODY_HEADS: [&str; 11] = [
    "department",
    "university",
    "court",
    "police",
    "ministry",
    "institute",
    "college",
    "agency",
    "commission",
    "council",
    "committee",
];

/// Words that end the name of a contest ("the Hong Kong Open", "the Davis Cup", "the
/// Italian Grand Prix"): the whole name is the event, whatever the tagger said of the place
/// or the person in it.
const CONTESTS: [&str; 10] = [
    "Open",
    "Cup",
    "Championship",
    "Championships",
    "Tournament",
    "Classic",
    "Masters",
    "Trophy",
    "Prix",
    "Invitational",
];

/// True when `w` ends the name of a contest, in title case or in capitals.
fn contest(w: &str) -> bool {
    CONTESTS.iter().any(|c| {
        *c == w
            || c.len() == w.len()
                && w.chars().all(|x| !x.is_lowercase())
                && c.eq_ignore_ascii_case(w)
    })
}

/// A contest's name the tagger left its last word out of ("Hong Kong | Open"), or typed a
/// place or a person, is one event, with "Greater" before it ("the Greater Milwaukee Open").
/// A year before it stays a date ("the 1998 World Cup"), and a name before the contest's
/// stays apart ("Belgian | Grand Prix", "U.S. | Davis Cup"), as CoNLL-2003 mostly writes them.
fn contests(words: &[&str], starts: &[bool], names: &mut [Name]) {
    let word = |i: usize| words.get(i).copied().unwrap_or("");
    let ends_contest = |n: &Name| {
        let last = word(n.toks.end - 1);
        contest(last)
            || last.eq_ignore_ascii_case("prix")
                && word(n.toks.end - 2).eq_ignore_ascii_case("grand")
    };
    for i in 0..names.len() {
        // The contest's word after the name ("the Hong Kong Open").
        let next = names[i].toks.end;
        let free = names.get(i + 1).is_none_or(|n| n.toks.start > next + 1);
        let grand_prix = word(next).eq_ignore_ascii_case("grand")
            && word(next + 1).eq_ignore_ascii_case("prix")
            && word(next).starts_with('G');
        // Not after a nationality ("BRAZILIAN CHAMPIONSHIP RESULTS").
        let extended = free
            && !matches!(names[i].kind, EntityType::Misc | EntityType::Norp)
            && !starts.get(next).copied().unwrap_or(true)
            && (contest(word(next)) || grand_prix);
        if extended {
            names[i].toks.end = next + 1 + usize::from(grand_prix);
        }
        // A name the tagger typed a body with the contest's word in it is a league's or an
        // organiser's ("USL Championship").
        if ends_contest(&names[i]) && (extended || names[i].kind != EntityType::Org) {
            names[i].kind = EntityType::Misc;
            names[i].role = None;
            let before = names[i].toks.start.checked_sub(1);
            let held = i > 0 && before.is_some_and(|b| names[i - 1].toks.end > b);
            let n = &mut names[i];
            if !held
                && before
                    .map(word)
                    .is_some_and(|w| w == "Greater" || w == "GREATER")
            {
                n.toks.start -= 1;
            }
        }
    }
}

/// Members of a body, after its name ("Hizbollah guerrillas", "Magna executives"); not
/// "supporters" or "officials", whom a person's name comes before too.
const MEMBERS: [&str; 9] = [
    "guerrillas",
    "militants",
    "rebels",
    "gunmen",
    "militiamen",
    "executives",
    "shareholders",
    "employees",
    "bondholders",
];

/// A monarch's or a pope's numeral after the name.
const REGNAL: [&str; 16] = [
    "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV",
    "XVI",
];

/// Titles of monarchs, after which "I" is a numeral ("Queen Elizabeth I born …").
const MONARCHS: [&str; 10] = [
    "King", "Queen", "Pope", "Emperor", "Empress", "Tsar", "Czar", "Sultan", "Shah", "Kaiser",
];

/// Words a road's number follows ("Interstate 95").
const ROADS: [&str; 5] = ["Interstate", "Interstates", "Highway", "Route", "Autobahn"];

/// English months, and ordinals that open a match's name in a fixture list ("Second test").
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const ORDINALS: [&str; 10] = [
    "First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth", "Ninth", "Tenth",
];

/// Words after which a month is a date ("in July", "from January to June").
const BEFORE_MONTH: [&str; 16] = [
    "in", "to", "from", "since", "until", "till", "through", "by", "of", "and", "both", "early",
    "late", "mid", "last", "next",
];

/// English: a month after a word that dates it is no name, nor part of one ("in July", "to
/// June Comelf exported": the name is "Comelf"); an ordinal alone before a word in lower
/// case is none either ("Second test").
fn months_and_ordinals(words: &[&str], names: &mut Vec<Name>) {
    let word = |i: usize| words.get(i).copied().unwrap_or("");
    for n in names.iter_mut() {
        let first = word(n.toks.start);
        let dated = MONTHS.contains(&first)
            && n.toks
                .start
                .checked_sub(1)
                .is_some_and(|b| BEFORE_MONTH.contains(&word(b).to_lowercase().as_str()));
        let ordinal = n.toks.len() == 1
            && ORDINALS.contains(&first)
            && word(n.toks.end).starts_with(char::is_lowercase);
        if dated || ordinal {
            n.toks.start += 1;
        }
    }
    names.retain(|n| !n.toks.is_empty());
}

/// True when `w` is a capitalised German compound naming a body (`body_end` of the German
/// lists: "Staatsanwaltschaft", "Mieterbund", "Landgerichts").
fn german_body(w: &str) -> bool {
    let lw = w.to_lowercase();
    capitalised(w)
        && BY_LANG.get("de").is_some_and(|l| {
            l.body_end.iter().any(|e| {
                lw.ends_with(e.as_str()) && (lw.len() == e.len() || lw.len() >= e.len() + 3)
            })
        })
}

/// German: a body's compound and the place it serves are one body ("Staatsanwaltschaft
/// Hamburg", "Mieterbund Hessen", "Universität Regensburg"), whether the tagger took the
/// compound into the name (as a person's) or left it out.
fn german_bodies(words: &[&str], names: &mut [Name]) {
    let word = |i: usize| words.get(i).copied().unwrap_or("");
    let ends: HashSet<usize> = names.iter().map(|n| n.toks.end).collect();
    for n in names.iter_mut() {
        if n.toks.len() >= 2 && n.toks.len() <= 4 && german_body(word(n.toks.start)) {
            n.kind = EntityType::Org;
            n.role = None;
            continue;
        }
        let Some(b) = n.toks.start.checked_sub(1) else {
            continue;
        };
        if n.toks.len() <= 3
            && matches!(
                n.kind,
                EntityType::Gpe | EntityType::Loc | EntityType::Person
            )
            && german_body(word(b))
            && !ends.contains(&(b + 1))
        {
            n.toks.start = b;
            n.kind = EntityType::Org;
            n.role = None;
        }
    }
}

/// A city's name of one word the tagger typed a person ("linking Oni with Ambrolauri and
/// Kutaisi") is the city, unless it is a given name or the surname of a person the article
/// names in full ("Michael Jackson … Jackson").
fn cities_typed_people(lex: &Lexicon, lang: &str, words: &[&str], names: &mut [Name]) {
    let word = |i: usize| words.get(i).copied().unwrap_or("");
    let surnames: HashSet<&str> = names
        .iter()
        .filter(|n| n.kind == EntityType::Person && n.toks.len() >= 2)
        .map(|n| word(n.toks.end - 1))
        .collect();
    for n in names.iter_mut() {
        let w = word(n.toks.start);
        // "Países Bajos", "Reino Unido": a country's name of the place tables; in
        // Cyrillic in any case ("Південної Кореї"), and one word too ("Кореї").
        let cyrillic = w.chars().any(storyline_model::romanize::is_cyrillic);
        if n.kind == EntityType::Person && (2..=3).contains(&n.toks.len())
            || n.kind == EntityType::Person && n.toks.len() == 1 && cyrillic
        {
            let text = words
                .get(n.toks.clone())
                .map(|w| w.join(" "))
                .unwrap_or_default();
            let country = if cyrillic {
                super::lang::inflected_country_phrase(&text)
            } else {
                super::lang::country_name(&text)
            };
            if country {
                n.kind = EntityType::Gpe;
                n.role = None;
                continue;
            }
        }
        if n.kind == EntityType::Person
            && n.toks.len() == 1
            && n.role.is_none()
            && w.chars().count() >= 4
            && !surnames.contains(w)
            && super::lang::city_name(w)
            && !given_name(lex, w, lang)
        {
            n.kind = EntityType::Gpe;
        }
    }
}

/// "Unione nazionale passeggeri aerei (Unpa)", "Agenzia italiana per la cooperazione allo
/// sviluppo (Aics)": a body whose name is written in lower case after its first word, spelt
/// out before its acronym in parentheses; the initials of its words (small words left out,
/// see [`is_small_word`]) spell the acronym, so the name runs from the capitalised word they
/// start at.
fn spelled_out_before_acronyms(lang: &str, words: &[&str], names: &mut Vec<Name>) {
    let word = |i: usize| words.get(i).copied().unwrap_or("");
    let mut found = Vec::new();
    for j in 1..words.len() {
        let acronym = word(j + 1);
        let letters = acronym.chars().count();
        if word(j) != "("
            || word(j + 2) != ")"
            || !(2..=6).contains(&letters)
            || !acronym.chars().all(char::is_alphabetic)
            || !acronym.chars().next().is_some_and(char::is_uppercase)
        {
            continue;
        }
        let acronym = acronym.to_lowercase();
        let start = (j.saturating_sub(10)..j).find(|&s| {
            let w = word(s);
            let initials: String = (s..j)
                .map(word)
                .filter(|w| !is_small_word(lang, w))
                .filter_map(|w| w.chars().next())
                .flat_map(char::to_lowercase)
                .collect();
            capitalised(w)
                && initials == acronym
                && (s..j).all(|k| word(k).chars().any(char::is_alphabetic))
                // More than a name the tagger already has whole.
                && (s..j).any(|k| word(k).chars().next().is_some_and(char::is_lowercase))
        });
        if let Some(s) = start {
            found.push((s..j, EntityType::Org));
        }
    }
    replace_inside(names, found);
}

/// A name typed a person that opens with a body's capitalised head noun ("Міністерства
/// закордонних справ України Олег Тищенко", "Посольства України"): the body, its genitives
/// in lower case and the capitalised name it belongs to; two capitalised words after that
/// are the person who speaks for it.
fn bodies_typed_people(lists: &Both, words: &[&str], names: &mut Vec<Name>) {
    let word = |i: usize| words.get(i).copied().unwrap_or("");
    let mut people = Vec::new();
    for n in names.iter_mut() {
        let (a, e) = (n.toks.start, n.toks.end);
        let w = word(a);
        if n.kind != EntityType::Person
            || e - a < 2
            || !capitalised(w)
            || !lists.any(|l| &l.org_genitive, &w.to_lowercase())
        {
            continue;
        }
        let caps: Vec<usize> = (a + 1..e).filter(|&j| capitalised(word(j))).collect();
        n.kind = EntityType::Org;
        n.role = None;
        if caps.len() >= 3 && caps[caps.len() - 2] + 1 == caps[caps.len() - 1] {
            let p = caps[caps.len() - 2];
            n.toks.end = p;
            people.push(Name {
                toks: p..e,
                kind: EntityType::Person,
                role: None,
            });
        }
    }
    if !people.is_empty() {
        names.extend(people);
        names.sort_by_key(|n| (n.toks.start, n.toks.end));
    }
}

/// Words that open the name of a storm ("Hurricane Hanna", "Typhoon Mawar").
const STORMS: [&str; 4] = ["Hurricane", "Typhoon", "Cyclone", "Storm"];

/// Levels of government between a place's name and a body's ("New York State Education
/// Department").
const LEVELS: [&str; 6] = [
    "State",
    "City",
    "County",
    "Municipal",
    "Provincial",
    "Regional",
];

/// Services a district is made to run ("School District", "Water District").
const SERVICES: [&str; 7] = [
    "school",
    "water",
    "fire",
    "sanitation",
    "irrigation",
    "transit",
    "hospital",
];

/// The longest names a join may make, in tokens.
const MAX_LEN: usize = 12;

/// The most words of a genitive between an organisation's head noun and the name ending it.
const MAX_GENITIVE: usize = 3;

/// Applies the rules of the module doc to `names` (sorted by position) over the article's
/// flat `words`; `starts` tells whether a token begins a sentence.
pub(crate) fn apply(
    lang: &str,
    lex: &Lexicon,
    words: &[&str],
    starts: &[bool],
    names: &mut Vec<Name>,
) {
    let lists = Both::of(lang);
    if lists.own.is_none() && lists.en.is_none() {
        return;
    }
    let word = |i: usize| words.get(i).copied().unwrap_or("");
    let starts_sentence = |i: usize| starts.get(i).copied().unwrap_or(true);
    // "the town of Chivay", "la ciudad de Arequipa": a capitalised word after a place's class
    // noun and a connector is a place even where the tagger saw no name; so is one right
    // after the class noun of a river, lake or mountain ("am Fluss Neiße").
    let mut taken: HashSet<usize> = names.iter().flat_map(|n| n.toks.clone()).collect();
    // "de rederij Vantrel", "la naviera Brisa", "die Lokführergewerkschaft GDL": a name right
    // after the class noun of a body (or a Dutch or German compound ending in one) is that
    // body. German capitalises every noun, so there only an acronym is taken.
    let org_class = |i: usize| is_org_class(lang, word(i));
    for i in 1..words.len() {
        let w = word(i);
        let acronym = super::lang::all_caps(w) && w.chars().count() >= 2;
        let name = w.chars().next().is_some_and(char::is_uppercase)
            && w.chars().skip(1).any(char::is_lowercase)
            && lang != "de";
        if (acronym || name)
            && lang != "en"
            && !taken.contains(&i)
            && !starts_sentence(i)
            && org_class(i - 1)
            && !super::lang::is_function_word(lang, w)
        {
            names.push(Name {
                toks: i..i + 1,
                kind: EntityType::Org,
                role: None,
            });
            taken.insert(i);
        }
    }
    for i in 2..words.len() {
        let w = word(i);
        let capital = w.chars().next().is_some_and(char::is_uppercase)
            && w.chars().skip(1).any(char::is_lowercase);
        if !capital || taken.contains(&i) || starts_sentence(i) {
            continue;
        }
        // A coordination ("the region and Iraqi Kurds") names nothing here.
        let linked = lists.any(|l| &l.connector, word(i - 1)) && !coordination(word(i - 1));
        let kind = if linked && lists.any(|l| &l.place_noun, word(i - 2)) {
            Some(EntityType::Gpe)
        } else if lang == "de" && lists.any(|l| &l.place_noun, word(i - 1)) {
            // "in der Kleinstadt Storoschynez", "im Kreis Suceava".
            Some(EntityType::Gpe)
        } else if lists.any(|l| &l.nature_noun, word(i - 1))
            || linked && lists.any(|l| &l.nature_noun, word(i - 2))
        {
            // "am Fluss Neiße", "il fiume Lamone", "nella valle dello Jadar".
            Some(EntityType::Loc)
        } else {
            None
        };
        if let Some(kind) = kind.filter(|_| !super::lang::is_function_word(lang, w)) {
            names.push(Name {
                toks: i..i + 1,
                kind,
                role: None,
            });
            taken.insert(i);
        }
    }
    names.sort_by_key(|n| (n.toks.start, n.toks.end));
    // The connector at `i` (one or two words), as its length.
    let connector = |i: usize| -> usize {
        let two = format!("{} {}", word(i), word(i + 1)).to_lowercase();
        if !starts_sentence(i + 1) && lists.any(|l| &l.connector, &two) {
            2
        } else if lists.any(|l| &l.connector, word(i)) {
            1
        } else {
            0
        }
    };
    // The particle of a person's name at `i` (one or two words, any language's), as its
    // length.
    let particle = |i: usize| -> usize {
        let two = format!("{} {}", word(i), word(i + 1)).to_lowercase();
        if !starts_sentence(i + 1) && PARTICLES.contains(&two) {
            2
        } else if PARTICLES.contains(&word(i).to_lowercase()) {
            1
        } else {
            0
        }
    };
    // "del Politecnico di Torino": a capitalised head noun the tagger left out, before a
    // connector and a capitalised word, opens the organisation the joins below complete.
    let mut heads = Vec::new();
    for i in 1..words.len() {
        // "il ministero della Salute", "el ministerio de Sanidad", "het ministerie van
        // Defensie": a ministry, a prosecutor's office or a court written in lower case.
        let lower_head = lists.own.is_some_and(|l| l.lower_head.contains(word(i)));
        let head = (capitalised(word(i)) || lower_head)
            && !taken.contains(&i)
            && !starts_sentence(i)
            && (lower_head || lists.any(|l| &l.org_head, word(i)));
        if !head {
            continue;
        }
        let c = connector(i + 1);
        if c > 0 && capitalised(word(i + 1 + c)) && !starts_sentence(i + 1 + c) {
            heads.push(Name {
                toks: i..i + 1,
                kind: EntityType::Org,
                role: None,
            });
        }
    }
    if !heads.is_empty() {
        names.extend(heads);
        names.sort_by_key(|n| (n.toks.start, n.toks.end));
    }
    let org_headed = |n: &Name| {
        let last = word(n.toks.end.saturating_sub(1));
        let first = word(n.toks.start);
        lists.any(|l| &l.org_head, last) || lists.any(|l| &l.org_head, first)
    };

    // "Hurricane Hanna", "the Boulder Gulch Fire": a storm or a wildfire is an event,
    // typed as CoNLL types events, and joins no other name.
    let event = |n: &Name| {
        let first = word(n.toks.start);
        lang == "en"
            && (STORMS.contains(&first)
                || n.toks.len() >= 2
                    && word(n.toks.end - 1) == "Fire"
                    && !starts_sentence(n.toks.end - 1)
                    && word(n.toks.end) != "Department")
    };
    // A name the model ran on into a storm's ("the Boulder Gulch Fire and Hurricane
    // Hanna"): two names.
    let mut split = Vec::new();
    for n in names.iter_mut() {
        if let Some(j) = (n.toks.start + 1..n.toks.end.saturating_sub(1))
            .find(|&j| word(j) == "and" && STORMS.contains(&word(j + 1)))
        {
            split.push(Name {
                toks: j + 1..n.toks.end,
                kind: EntityType::Misc,
                role: None,
            });
            n.toks.end = j;
        }
    }
    if !split.is_empty() {
        names.extend(split);
        names.sort_by_key(|n| (n.toks.start, n.toks.end));
    }
    for n in names.iter_mut() {
        if event(n) {
            n.kind = EntityType::Misc;
            n.role = None;
        }
    }

    // "de Silva", "van der Merwe" (English): a family name's particle in lower case before a
    // person named by the family name alone.
    if lang == "en" {
        for i in 0..names.len() {
            let start = names[i].toks.start;
            if names[i].kind != EntityType::Person || start == 0 {
                continue;
            }
            let lower = |j: usize| word(j).starts_with(char::is_lowercase);
            let free = |j: usize| i == 0 || names[i - 1].toks.end <= j;
            let two = start >= 2
                && lower(start - 2)
                && PARTICLES.contains(&format!("{} {}", word(start - 2), word(start - 1)));
            let n = if two {
                2
            } else {
                usize::from(lower(start - 1) && PARTICLES.contains(word(start - 1)))
            };
            // Not where a given name before it would have joined ("Lula da Silva").
            if n > 0 && free(start - n) && (start - n == 0 || !capitalised(word(start - n - 1))) {
                names[i].toks.start -= n;
            }
        }
    }

    if lang == "de" {
        german_bodies(words, names);
    }

    // Joins.
    let mut out: Vec<Name> = Vec::with_capacity(names.len());
    let mut k = 0;
    while k < names.len() {
        let mut cur = names[k].clone();
        k += 1;
        loop {
            if starts_sentence(cur.toks.end) {
                break;
            }
            // A given name (in the gazetteer with or without its accents, or typed a
            // person), a particle of any language's names and a person: "María del Carmen
            // Ruiz" in an English or German article too.
            let mut p = particle(cur.toks.end);
            // "Van der Westhuizen": a capitalised particle the tagger took for the name's
            // first word, the rest of the particle and the family name.
            let particle_name = cur.kind == EntityType::Person
                && cur.toks.len() == 1
                && PARTICLES.contains(
                    &format!("{} {}", word(cur.toks.start), word(cur.toks.end)).to_lowercase(),
                );
            if particle_name {
                p = 1;
                // The family name the tagger left out ("Van der Westhuizen").
                let fam = cur.toks.end + 1;
                if capitalised(word(fam))
                    && !starts_sentence(fam)
                    && names.get(k).is_none_or(|n| n.toks.start > fam)
                {
                    cur.toks.end = fam + 1;
                    continue;
                }
            }
            // Or given names and a family name before a second one ("Luiz Inácio Lula da
            // Silva").
            let given = cur.toks.len() == 1
                && (cur.kind == EntityType::Person || given_name(lex, word(cur.toks.start), lang))
                || cur.kind == EntityType::Person
                    && cur.toks.len() <= 3
                    && ROMANCE_PARTICLES.contains(&word(cur.toks.end).to_lowercase().as_str())
                    && names.get(k).is_some_and(|n| n.toks.len() == 1);
            let after = cur.toks.end + p;
            if p > 0
                && (given || particle_name)
                && names
                    .get(k)
                    .is_some_and(|n| n.toks.start == after && n.kind == EntityType::Person)
            {
                cur.toks.end = names[k].toks.end;
                cur.kind = EntityType::Person;
                cur.role = names[k].role.clone().or(cur.role);
                k += 1;
                continue;
            }
            let c = connector(cur.toks.end);
            let after = cur.toks.end + c;
            if c == 0 || after >= words.len() || event(&cur) {
                break;
            }
            if names
                .get(k)
                .is_some_and(|n| n.toks.start == after && event(n))
            {
                break;
            }
            // A place, "do", "da" or "de" and a place are one place ("Rio Grande do Sul",
            // "Mato Grosso do Sul").
            let place = |n: &Name| matches!(n.kind, EntityType::Gpe | EntityType::Loc);
            if c == 1
                && place(&cur)
                && matches!(
                    word(cur.toks.end),
                    "do" | "da" | "de" | "dos" | "das" | "del"
                )
                && names
                    .get(k)
                    .is_some_and(|n| n.toks.start == after && place(n) && n.toks.len() == 1)
            {
                cur.toks.end = names[k].toks.end;
                k += 1;
                continue;
            }
            // "and", "y", "und": a body's name that opens with its head noun runs on through
            // a coordination only into words of its own, not into an acronym or another
            // body ("the Ministry of Defence and NATO"); a place's never ("the West Bank and
            // Gaza").
            let coordination = coordination(word(cur.toks.end));
            let head_first = lists.any(|l| &l.org_head, word(cur.toks.start));
            // "National Disaster Risk Reduction and Management Council": a body's long
            // name whose head noun comes last, after a coordination.
            let head_last = coordination
                && cur.kind == EntityType::Org
                && cur.toks.len() >= 3
                && !cur
                    .toks
                    .clone()
                    .any(|j| lists.any(|l| &l.org_head, word(j)))
                && names.get(k).is_some_and(|n| {
                    n.toks.start == after
                        && n.kind == EntityType::Org
                        && (2..=3).contains(&n.toks.len())
                        && lists.any(|l| &l.org_head, word(n.toks.end - 1))
                        && !n
                            .toks
                            .clone()
                            .any(|j| word(j).chars().all(|c| c.is_uppercase()))
                });
            if head_last {
                cur.toks.end = names[k].toks.end;
                k += 1;
                continue;
            }
            if coordination
                && (!head_first
                    || place(&cur)
                    || word(after).chars().filter(|c| c.is_uppercase()).count() > 1
                    || names
                        .get(k)
                        .is_some_and(|n| n.toks.start == after && org_headed(n)))
            {
                break;
            }
            if org_headed(&cur) {
                // The next name, or a run of capitalised words that are not names.
                let end = if names.get(k).is_some_and(|n| n.toks.start == after) {
                    let e = names[k].toks.end;
                    k += 1;
                    e
                } else {
                    let mut e = after;
                    while e < words.len()
                        && capitalised(word(e))
                        && !starts_sentence(e)
                        && !lists.any(|l| &l.lead, word(e))
                        && !super::lang::is_function_word(lang, word(e))
                        && !super::lang::is_function_word("en", word(e))
                        && names.get(k).is_none_or(|n| n.toks.start > e)
                    {
                        e += 1;
                    }
                    e
                };
                if end == after || end - cur.toks.start > MAX_LEN {
                    break;
                }
                cur.toks.end = end;
                cur.kind = EntityType::Org;
                cur.role = None;
                continue;
            }
            break;
        }
        out.push(cur);
    }
    *names = out;

    // The same when the tagger left the given name out ("PP candidate María del Carmen
    // Ruiz" tagged "Carmen Ruiz").
    for i in 0..names.len() {
        if names[i].kind != EntityType::Person {
            continue;
        }
        let s = names[i].toks.start;
        for p in [2, 1] {
            let Some(g) = s.checked_sub(p + 1) else {
                continue;
            };
            let free = i == 0 || names[i - 1].toks.end <= g;
            if free
                && particle(g + 1) == p
                && capitalised(word(g))
                && given_name(lex, word(g), lang)
            {
                names[i].toks.start = g;
                break;
            }
        }
    }

    // A capitalised head noun, a genitive in lower case and a name are one organisation:
    // "Министерство обороны России", "Служба безпеки України".
    let mut i = 0;
    while i < names.len() {
        let s = names[i].toks.start;
        let head = (1..=MAX_GENITIVE + 1)
            .filter_map(|c| s.checked_sub(c))
            .find(|&h| {
                let w = word(h);
                capitalised(w)
                    && lists.any(|l| &l.org_genitive, w)
                    && (h + 1..s).all(|j| {
                        let g = word(j);
                        // "Міністерства океанів і рибальства": a conjunction between two.
                        let joins = j > h + 1 && j + 1 < s && matches!(g, "і" | "и" | "й" | "та");
                        g.chars().all(char::is_lowercase)
                            && !starts_sentence(j)
                            && (joins
                                || !lists.any(|l| &l.lead, g)
                                    && !super::lang::is_function_word(lang, g))
                    })
            });
        if let Some(h) = head.filter(|&h| h + 1 < s) {
            // The head noun may have been tagged alone.
            let alone = i > 0 && names[i - 1].toks.start == h && names[i - 1].toks.end == h + 1;
            if i == 0 || names[i - 1].toks.end <= h || alone {
                names[i].toks.start = h;
                names[i].kind = EntityType::Org;
                names[i].role = None;
                if alone {
                    names.remove(i - 1);
                    continue;
                }
            }
        }
        i += 1;
    }

    // "der Deutschen Bahn", "des Staatlichen Katastrophenschutzdienstes".
    if lang == "de" {
        german_proper_adjectives(words, starts, names);
    }

    // "Национальная полиция", "Черновицкой областной военной администрации",
    // "Государственной службы Украины по чрезвычайным ситуациям".
    if let Some(own) = lists.own.filter(|l| !l.adjective_end.is_empty()) {
        adjective_headed(lang, own, words, names);
    }

    // Places that run on into a head word ("Kharkiv Oblast").
    for i in 0..names.len() {
        let n = &names[i];
        let next = n.toks.end;
        if matches!(n.kind, EntityType::Gpe | EntityType::Loc)
            && capitalised(word(next))
            && !starts_sentence(next)
            && lists.any(|l| &l.place_head, word(next))
            && names.get(i + 1).is_none_or(|m| m.toks.start > next)
        {
            names[i].toks.end = next + 1;
            names[i].kind = EntityType::Loc;
        }
    }

    // "el sindicato SEMAF", "die GDL": outside English (where headlines run in capitals) a
    // word in capitals alone is an acronym, a body's, not a person's.
    if lang != "en" {
        for n in names
            .iter_mut()
            .filter(|n| n.kind == EntityType::Person && n.toks.len() == 1)
        {
            let w = word(n.toks.start);
            let letters = w.chars().filter(|c| c.is_alphabetic()).count();
            if (2..=6).contains(&letters)
                && w.chars().all(|c| c.is_uppercase() || !c.is_alphabetic())
            {
                n.kind = EntityType::Org;
                n.role = None;
            }
        }
    }
    // "T. Moody 6-82", "Kent 244", "El Salvador 3-1": a figure after a person's or a
    // place's name (a bowler's figures, a score) is no part of it.
    for n in names.iter_mut().filter(|n| {
        matches!(
            n.kind,
            EntityType::Person | EntityType::Gpe | EntityType::Loc
        )
    }) {
        while n.toks.len() > 1
            && !matches!(word(n.toks.end - 2), "No" | "No." | "Number")
            && word(n.toks.end - 1).starts_with(|c: char| c.is_ascii_digit())
            && !word(n.toks.end - 1).contains(char::is_alphabetic)
        {
            n.toks.end -= 1;
        }
    }
    // "Elizabeth I", "Charles VI": a monarch's numeral is part of the name (not the pronoun:
    // "… Smith I think"); "Interstate 95", "Highway 401": a road's number is part of its name.
    let held: HashSet<usize> = names.iter().flat_map(|n| n.toks.clone()).collect();
    for n in names.iter_mut() {
        let next = n.toks.end;
        if held.contains(&next) || starts.get(next).copied().unwrap_or(true) {
            continue;
        }
        let w = word(next);
        let crowned = n
            .toks
            .start
            .checked_sub(1)
            .is_some_and(|b| MONARCHS.contains(&word(b)));
        let regnal = n.kind == EntityType::Person
            && REGNAL.contains(&w)
            && (w != "I" || crowned || !word(next + 1).starts_with(char::is_lowercase));
        let road = ROADS.contains(&word(n.toks.end - 1))
            && !w.is_empty()
            && w.bytes().all(|b| b.is_ascii_digit());
        if regnal || road {
            n.toks.end += 1;
        }
        if road {
            n.kind = EntityType::Loc;
            n.role = None;
        }
    }
    // "the Belgrade University Student Plenum 70,000 and the Monitor 32,000": a figure
    // inside a name with words after it ends the name ("Apollo 13" keeps its number).
    for n in names.iter_mut() {
        if let Some(k) = (n.toks.start + 1..n.toks.end.saturating_sub(1))
            .find(|&k| word(k).starts_with(|c: char| c.is_ascii_digit()))
        {
            n.toks.end = k;
        }
    }

    // "the New York State Education Department", "Cook County Sheriff's Office": a place,
    // the word for its level of government and a body's name are the body; "Marlowe
    // Residents for Fiscal Accountability": a body "for" a cause is one body.
    let mut i = 0;
    while i + 1 < names.len() {
        let (a, b) = (&names[i], &names[i + 1]);
        let gap = b.toks.start.saturating_sub(a.toks.end);
        let level = gap == 1 && LEVELS.contains(&word(a.toks.end))
            || gap == 0 && a.toks.len() >= 2 && LEVELS.contains(&word(a.toks.end - 1));
        let placed = matches!(a.kind, EntityType::Gpe | EntityType::Loc)
            && matches!(
                b.kind,
                EntityType::Org | EntityType::Person | EntityType::Misc
            )
            && level
            && (lists.any(|l| &l.org_head, word(b.toks.end - 1))
                || lists.any(|l| &l.org_head, word(b.toks.end)));
        let cause = lang == "en"
            && a.kind == EntityType::Org
            && b.kind == EntityType::Org
            && gap == 1
            && word(a.toks.end) == "for"
            && !starts_sentence(b.toks.start);
        if (placed || cause) && b.toks.end - a.toks.start <= MAX_LEN {
            names[i].toks.end = b.toks.end;
            names[i].kind = EntityType::Org;
            names[i].role = None;
            names.remove(i + 1);
            continue;
        }
        i += 1;
    }

    // "Rheinfels Spezialchemie GmbH & Co. KG": a limited partnership whose partner is a
    // company is one company with both legal forms.
    let mut i = 0;
    while i < names.len() {
        let e = names[i].toks.end;
        let gmbh = word(e) == "&"
            && ["gmbh", "ag", "se", "bv", "b.v."]
                .iter()
                .any(|f| word(e - 1).eq_ignore_ascii_case(f));
        let tail = if gmbh {
            match (word(e + 1), word(e + 2), word(e + 3)) {
                ("Co.", "KG" | "KGaA" | "OHG", _) => 3,
                ("Co", ".", "KG" | "KGaA" | "OHG") => 4,
                _ => 0,
            }
        } else {
            0
        };
        if tail > 0 {
            let end = e + tail;
            names[i].toks.end = end;
            names[i].kind = EntityType::Org;
            names[i].role = None;
            while names.get(i + 1).is_some_and(|n| n.toks.start < end) {
                names.remove(i + 1);
            }
        }
        i += 1;
    }

    if lang == "en" {
        months_and_ordinals(words, names);
    }
    contests(words, starts, names);
    spelled_out_before_acronyms(lang, words, names);
    cities_typed_people(lex, lang, words, names);
    bodies_typed_people(&lists, words, names);

    // Head words and class nouns.
    let mut decided: HashMap<String, EntityType> = HashMap::new();
    let held: HashSet<usize> = names.iter().flat_map(|n| n.toks.clone()).collect();
    for n in names.iter_mut() {
        // "the Great Lakes Civic Research Center": a head noun the tagger left out after
        // the name.
        let next = n.toks.end;
        // "the San Francisco-based maker": where something is based is a word that
        // describes it (as CoNLL types "Vienna-based"), no body.
        if storyline_model::names::is_based(word(n.toks.end - 1)) {
            n.kind = EntityType::Misc;
            n.role = None;
            continue;
        }
        // "Quillwork Inc.", "Harland Foods Ltd": a legal form after a name makes it a
        // company's, whatever the tagger said.
        if capitalised(word(next))
            && !starts_sentence(next)
            && !held.contains(&next)
            && legal_form(word(next))
        {
            // The company's name alone elsewhere is the company ("Pirelli SpA … Pirelli").
            let text = words
                .get(n.toks.clone())
                .map(|w| w.join(" "))
                .unwrap_or_default();
            decided.insert(text, EntityType::Org);
            n.toks.end = next + 1;
            n.kind = EntityType::Org;
            n.role = None;
            continue;
        }
        if n.kind != EntityType::Person
            && capitalised(word(next))
            && !starts_sentence(next)
            && !held.contains(&next)
            && lists.any(|l| &l.org_head, word(next))
        {
            n.toks.end = next + 1;
            n.kind = EntityType::Org;
        }
        let last = word(n.toks.end.saturating_sub(1));
        // "the Fort Worth Police Department", "the University of Texas", "District Court":
        // a place's name with the head noun of a body is the body ("the West Bank", "the
        // Russian Federation" and "the National Tennis Centre" stay places).
        let body = |w: &str| BODY_HEADS.contains(&w.to_lowercase().as_str());
        // "the Marlowe Central School District", "the Metropolitan Water District": a
        // district that runs a service is a body.
        let service_district = n.toks.len() >= 3
            && last == "District"
            && SERVICES.contains(&word(n.toks.end - 2).to_lowercase().as_str());
        if n.toks.len() >= 2
            && matches!(n.kind, EntityType::Gpe | EntityType::Loc)
            && (body(last)
                || service_district
                // "Northfield Capital Markets": a company's ending.
                || lists.any(|l| &l.org_suffix, last)
                || body(word(n.toks.start)) && connector(n.toks.start + 1) > 0)
        {
            n.kind = EntityType::Org;
        }
        if n.toks.len() >= 2 && matches!(n.kind, EntityType::Person | EntityType::Misc) {
            // "Ministerio de Transportes y Movilidad Sostenible", "Asociación Española de
            // Usuarios …": a body's head noun opening the name, with a connector after it.
            let first = word(n.toks.start);
            let headed = capitalised(first)
                && lists.any(|l| &l.org_head, first)
                && (n.toks.start + 1..n.toks.end).any(|j| lists.any(|l| &l.connector, word(j)));
            if lists.any(|l| &l.org_head, last)
                || lists.any(|l| &l.org_suffix, last)
                || legal_form(last) && capitalised(last)
                || headed
            {
                n.kind = EntityType::Org;
                n.role = None;
            } else if lists.any(|l| &l.place_head, last) {
                n.kind = EntityType::Loc;
                n.role = None;
            }
        }
        if n.toks.len() >= 2
            && n.kind == EntityType::Org
            && lists.any(|l| &l.place_head, last)
            && !lists.any(|l| &l.org_head, word(n.toks.start))
        {
            n.kind = EntityType::Loc;
        }
        let Some(before) = n.toks.start.checked_sub(1) else {
            continue;
        };
        // "the Verdi union", "the far-right Vox party": a class noun after the name;
        // "Hizbollah guerrillas", "Magna executives": the body's members after one word.
        let members = lang == "en"
            && n.kind == EntityType::Person
            && n.toks.len() == 1
            && MEMBERS.contains(&word(n.toks.end));
        if matches!(n.kind, EntityType::Person | EntityType::Misc)
            && (lists.any(|l| &l.org_noun, word(n.toks.end))
                && !capitalised(word(n.toks.end))
                && (n.toks.start.saturating_sub(3)..n.toks.start)
                    .any(|j| word(j).eq_ignore_ascii_case("the"))
                || members)
        {
            n.kind = EntityType::Org;
            n.role = None;
            let text = words
                .get(n.toks.clone())
                .map(|w| w.join(" "))
                .unwrap_or_default();
            decided.insert(text, EntityType::Org);
            continue;
        }
        // "the Donetsk region", "the Kharkiv region": the region, named with its class noun
        // (as "Donetsk Oblast" is), whatever the tagger said of the name before it.
        if matches!(
            n.kind,
            EntityType::Org | EntityType::Person | EntityType::Misc | EntityType::Gpe
        ) && REGION[..5].contains(&word(n.toks.end))
            && (n.toks.start.saturating_sub(2)..n.toks.start)
                .any(|j| word(j).eq_ignore_ascii_case("the"))
        {
            // The name alone elsewhere is the place ("Arequipa").
            if n.kind != EntityType::Gpe {
                let text = words
                    .get(n.toks.clone())
                    .map(|w| w.join(" "))
                    .unwrap_or_default();
                decided.insert(text, EntityType::Gpe);
            }
            n.toks.end += 1;
            n.kind = EntityType::Loc;
            n.role = None;
            continue;
        }
        // "the Arequipa regions": a place, whatever the tagger said.
        if matches!(
            n.kind,
            EntityType::Org | EntityType::Person | EntityType::Misc
        ) && REGION.contains(&word(n.toks.end))
            && (n.toks.start.saturating_sub(2)..n.toks.start)
                .any(|j| word(j).eq_ignore_ascii_case("the"))
        {
            n.kind = EntityType::Gpe;
            n.role = None;
            let text = words
                .get(n.toks.clone())
                .map(|w| w.join(" "))
                .unwrap_or_default();
            decided.insert(text, EntityType::Gpe);
            continue;
        }
        if starts_sentence(n.toks.start) {
            continue;
        }
        // "die Gewerkschaft Verdi"; "the city of Kherson", "la ciudad de Arequipa"; German
        // compounds too ("die Lokführergewerkschaft GDL").
        let compound = |pick: fn(&Lists) -> &HashSet<String>| {
            lang == "de"
                && lists.own.is_some_and(|l| {
                    let lw = word(before).to_lowercase();
                    pick(l)
                        .iter()
                        .any(|h| lw.len() >= h.len() + 4 && lw.ends_with(h.as_str()))
                })
        };
        // "Президентка компанії Ріна Кусумаваті": after a title, the class noun names the
        // body a person works for, not the name after it.
        let titled = n.kind == EntityType::Person
            && before > 0
            && super::lang::is_title(lang, word(before - 1));
        let class = if titled {
            None
        } else if lists.any(|l| &l.org_noun, word(before)) || compound(|l| &l.org_noun) {
            Some(EntityType::Org)
        } else if lists.any(|l| &l.place_noun, word(before)) {
            Some(EntityType::Gpe)
        } else if lists.any(|l| &l.nature_noun, word(before)) {
            Some(EntityType::Loc)
        } else {
            (1..=2)
                .filter_map(|c| {
                    let at = n.toks.start.checked_sub(c + 1)?;
                    let link = (at + 1..n.toks.start)
                        .map(word)
                        .collect::<Vec<_>>()
                        .join(" ");
                    (lists.any(|l| &l.connector, &link)
                        && !coordination(&link)
                        && lists.any(|l| &l.place_noun, word(at)))
                    .then_some(EntityType::Gpe)
                })
                .next()
        };
        if let Some(class) = class {
            let same_family = matches!(
                (class, n.kind),
                (EntityType::Gpe, EntityType::Gpe | EntityType::Loc)
            );
            // A place noun names no person of two words or more ("state Sen. John Smith").
            let person = n.kind == EntityType::Person && n.toks.len() > 1;
            let place = matches!(class, EntityType::Gpe | EntityType::Loc);
            // "the daily Iran": a body named after a place leaves the place elsewhere.
            let named_after_place =
                class == EntityType::Org && matches!(n.kind, EntityType::Gpe | EntityType::Loc);
            if !(same_family || place && person) {
                n.kind = class;
                n.role = None;
            }
            if !named_after_place {
                let text = words
                    .get(n.toks.clone())
                    .map(|w| w.join(" "))
                    .unwrap_or_default();
                decided.insert(text, n.kind);
            }
        }
    }
    // "Boatmen's Bancshares Inc.": a company named with a possessive is one name, and the
    // possessive alone elsewhere names it ("Boatmen's was shopping …").
    let possessive = |w: &str| w == "'s" || w == "\u{2019}s";
    let mut owners: HashSet<&str> = HashSet::new();
    let mut i = 0;
    while i + 1 < names.len() {
        let (a, b) = (&names[i], &names[i + 1]);
        if a.toks.len() == 1
            && matches!(a.kind, EntityType::Org | EntityType::Person)
            && possessive(word(a.toks.end))
            && b.toks.start == a.toks.end + 1
            && b.kind == EntityType::Org
            && legal_form(word(b.toks.end - 1))
        {
            owners.insert(word(a.toks.start));
            names[i].toks.end = names[i + 1].toks.end;
            names[i].kind = EntityType::Org;
            names[i].role = None;
            names.remove(i + 1);
        }
        i += 1;
    }
    if !owners.is_empty() {
        let held: HashSet<usize> = names.iter().flat_map(|n| n.toks.clone()).collect();
        for n in names.iter_mut().filter(|n| {
            n.toks.len() == 1
                && owners.contains(word(n.toks.start))
                && possessive(word(n.toks.end))
                && !held.contains(&n.toks.end)
        }) {
            n.toks.end += 1;
            n.kind = EntityType::Org;
            n.role = None;
        }
    }
    // A company's first word, where the tagger took it alone for a person ("Magna
    // International Inc … Magna was up 1/8").
    let firsts: HashSet<&str> = names
        .iter()
        .filter(|n| {
            n.kind == EntityType::Org
                && n.toks.len() >= 2
                && legal_form(word(n.toks.end - 1))
                && capitalised(word(n.toks.start))
        })
        .map(|n| word(n.toks.start))
        .collect();
    if !firsts.is_empty() {
        for n in names.iter_mut().filter(|n| {
            n.kind == EntityType::Person && n.toks.len() == 1 && firsts.contains(word(n.toks.start))
        }) {
            n.kind = EntityType::Org;
            n.role = None;
        }
    }
    if !decided.is_empty() {
        for n in names.iter_mut() {
            let text = words
                .get(n.toks.clone())
                .map(|w| w.join(" "))
                .unwrap_or_default();
            if let Some(&t) = decided.get(&text) {
                n.kind = t;
                if t != EntityType::Person {
                    n.role = None;
                }
            }
        }
    }
    // "Minister Femke Wiersma van Landbouw": one word after a person and "van" is the
    // portfolio or the body that person belongs to, not a second person.
    let ends: HashSet<usize> = names
        .iter()
        .filter(|n| n.kind == EntityType::Person)
        .map(|n| n.toks.end)
        .collect();
    names.retain(|n| {
        let at = n.toks.start;
        !(n.kind == EntityType::Person
            && n.toks.len() == 1
            && at >= 2
            && matches!(word(at - 1), "van" | "voor" | "of" | "für")
            && ends.contains(&(at - 1)))
    });
    // "ILA President Harold | Daggett": a person's name does not end in a given name
    // before a capitalised word that no other name holds.
    let held: HashSet<usize> = names.iter().flat_map(|n| n.toks.clone()).collect();
    for n in names.iter_mut() {
        let e = n.toks.end;
        let next = word(e);
        if n.kind == EntityType::Person
            && e > n.toks.start
            && given_name(lex, word(e - 1), lang)
            && !held.contains(&e)
            && !starts_sentence(e)
            && next.chars().next().is_some_and(char::is_uppercase)
            && next.chars().skip(1).any(char::is_lowercase)
            && next
                .chars()
                .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
            && !super::lang::is_function_word(lang, next)
            && !super::lang::is_function_word("en", next)
            && !lists.any(|l| &l.lead, next)
        {
            n.toks.end = e + 1;
        }
    }
    // "il ministro degli Esteri Antonio Tajani", "Secretary of State Antony Blinken": a
    // portfolio after a connector is no part of the name that follows it.
    for n in names.iter_mut() {
        let at = n.toks.start;
        if !matches!(n.kind, EntityType::Person | EntityType::Org)
            || at == 0
            || !lists.any(|l| &l.connector, &word(at - 1).to_lowercase())
            || coordination(word(at - 1))
        {
            continue;
        }
        let mut s = at;
        while s < at + 2
            && n.toks.end - s > 2
            && lists.any(|l| &l.portfolio, &word(s).to_lowercase())
        {
            s += 1;
        }
        if s > at && given_name(lex, word(s), lang) {
            n.toks.start = s;
            n.kind = EntityType::Person;
            n.role = None;
        }
    }
    // "la portavoz de la Comisión Europea Sophie Lambrecht", "представитель Еврокомиссии
    // Софи Ламбрехт": a body and the person who speaks for it, run together; a given name
    // after a word that is none, with one or two capitalised words after it, opens the
    // person. The words before it stay a name of their own only with a class noun of bodies.
    // (English sets a role word between them.)
    let mut split = Vec::new();
    for n in names.iter_mut() {
        let (a, e) = (n.toks.start, n.toks.end);
        if lang == "en" || e - a < 3 {
            continue;
        }
        let Some(k) = (a + 1..e.saturating_sub(1)).find(|&k| {
            (2..=3).contains(&(e - k))
                && given_name(lex, word(k), lang)
                && !given_name(lex, word(k - 1), lang)
                && capitalised(word(k - 1))
                && (k..e).all(|j| capitalised(word(j)))
        }) else {
            continue;
        };
        if (a..k).any(|j| lists.any(|l| &l.org_noun, &word(j).to_lowercase())) {
            split.push(Name {
                toks: a..k,
                kind: EntityType::Org,
                role: None,
            });
        }
        n.toks.start = k;
        n.kind = EntityType::Person;
        n.role = None;
    }
    if !split.is_empty() {
        names.extend(split);
        names.sort_by_key(|n| (n.toks.start, n.toks.end));
    }
}

/// German writes adjectives in lower case but in names: after an article, a capitalised
/// adjective ("Deutschen", "Staatlichen", "Europäischen") and the capitalised noun after it
/// name an organisation ("der Deutschen Bahn", "des Statistischen Bundesamtes"), or a state
/// ("die Vereinigten Arabischen Emirate"); see [`replace_inside`] for the names found there.
fn german_proper_adjectives(words: &[&str], starts: &[bool], names: &mut Vec<Name>) {
    const STEMS: [&str; 8] = [
        "deutsch",
        "vereinigt",
        "vereint",
        "rot",
        "grün",
        "frei",
        "weiß",
        "neu",
    ];
    let word = |i: usize| words.get(i).copied().unwrap_or("");
    let starts_sentence = |i: usize| starts.get(i).copied().unwrap_or(true);
    let proper_adjective = |i: usize| {
        let w = word(i);
        if !capitalised(w) || starts_sentence(i) {
            return false;
        }
        let lw = w.to_lowercase();
        ["en", "er", "es", "em", "e"].iter().any(|e| {
            lw.strip_suffix(e).is_some_and(|stem| {
                STEMS.contains(&stem)
                    || ["isch", "lich", "al", "ig", "är"]
                        .iter()
                        .any(|x| stem.ends_with(x) && stem.chars().count() > x.chars().count() + 2)
            })
        })
    };
    let noun = |i: usize| {
        let w = word(i);
        capitalised(w)
            && !starts_sentence(i)
            && w.chars().count() >= 3
            && w.chars().all(|c| c.is_alphabetic() || c == '-')
    };
    let mut found = Vec::new();
    let mut i = 1;
    while i < words.len() {
        if !(super::lang::is_determiner("de", word(i - 1)) && proper_adjective(i)) {
            i += 1;
            continue;
        }
        let mut k = i + 1;
        while k < i + 3 && proper_adjective(k) {
            k += 1;
        }
        if !noun(k) || proper_adjective(k) {
            i += 1;
            continue;
        }
        // "die Vereinigten Arabischen Emirate", "im Vereinigten Königreich": a state.
        let head = word(k).to_lowercase();
        let state =
            ["staaten", "emirate", "königreich", "republik", "föderation"].contains(&head.as_str());
        let kind = if state {
            EntityType::Gpe
        } else {
            EntityType::Org
        };
        found.push((i..k + 1, kind));
        i = k + 1;
    }
    replace_inside(names, found);
}

/// Puts the names `found` (token ranges with their types) in place of those the tagger
/// found inside or across them. A person inside is the tagger's reading of a word of the
/// name ("Національна"); one that runs on past it is a person named after it, and stays,
/// and the found name gives way.
fn replace_inside(names: &mut Vec<Name>, found: Vec<(std::ops::Range<usize>, EntityType)>) {
    if found.is_empty() {
        return;
    }
    let overlap =
        |m: &Name, f: &std::ops::Range<usize>| m.toks.start < f.end && f.start < m.toks.end;
    names.retain(|m| {
        !found.iter().any(|(f, _)| {
            overlap(m, f)
                && (m.kind != EntityType::Person || f.start <= m.toks.start && m.toks.end <= f.end)
        })
    });
    for (f, kind) in found {
        if names.iter().any(|m| overlap(m, &f)) {
            continue;
        }
        names.push(Name {
            toks: f,
            kind,
            role: None,
        });
    }
    names.sort_by_key(|n| (n.toks.start, n.toks.end));
}

/// The organisations named by a capitalised adjective, any adjectives in lower case and a
/// head noun (`Lists::adjective_end`, `Lists::org_genitive`); a genitive in lower case
/// ending in a name ("службы Украины") and a complement with "по" whose last word is a
/// plural dative ("по чрезвычайным ситуациям") belong to them. Names inside are replaced.
/// Before a region's head word (`Lists::place_head`) the adjective names a region
/// ("Черновицкой области").
fn adjective_headed(lang: &str, own: &Lists, words: &[&str], names: &mut Vec<Name>) {
    let word = |i: usize| words.get(i).copied().unwrap_or("");
    // A title is a noun, whatever its ending ("Президентка компанії").
    let adjective = |w: &str| {
        let lw = w.to_lowercase();
        lw.chars().count() >= 5
            && own.adjective_end.iter().any(|e| lw.ends_with(e.as_str()))
            && !super::lang::is_title(lang, w)
    };
    let lower = |w: &str| w.chars().next().is_some_and(char::is_lowercase);
    let mut found: Vec<(std::ops::Range<usize>, EntityType)> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let w = word(i);
        if !capitalised(w) || !adjective(w) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        let head = |w: &str| own.org_genitive.contains(&w.to_lowercase());
        while j < i + 4 && lower(word(j)) && !head(word(j)) && adjective(word(j)) {
            j += 1;
        }
        // "Черновицкой области", "Харківської області": a region, a place.
        let region = own.place_head.contains(&word(j).to_lowercase());
        if !head(word(j)) && !region {
            i += 1;
            continue;
        }
        if region {
            found.push((i..j + 1, EntityType::Loc));
            i = j + 1;
            continue;
        }
        let mut end = j + 1;
        // "службы Украины": a name right after the head noun.
        if let Some(m) = names.iter().find(|m| m.toks.start == end) {
            if matches!(m.kind, EntityType::Gpe | EntityType::Loc) {
                end = m.toks.end;
            }
        }
        // "Главного управления кадров Министерства обороны России": genitives in lower case
        // and the body the first one belongs to, itself with its genitives and its country.
        loop {
            let k = (end..end + 3)
                .find(|&k| !lower(word(k)) || own.lead.contains(&word(k).to_lowercase()))
                .unwrap_or(end + 3);
            let w = word(k);
            if !capitalised(w) || super::lang::all_caps(w) {
                break;
            }
            if let Some(m) = names.iter().find(|m| m.toks.start == k) {
                let country = matches!(m.kind, EntityType::Gpe | EntityType::Loc);
                if m.kind == EntityType::Org && head(w) || country && k > end {
                    end = m.toks.end;
                    continue;
                }
            }
            if head(w) && k > end {
                end = k + 1;
                continue;
            }
            // "… обороны России": the country a body belongs to, untagged.
            if k > end && super::lang::inflected_country(w) {
                end = k + 1;
            }
            break;
        }
        // "Центральное бюро расследований (ЦБР)": the genitives in lower case before the
        // acronym in parentheses close the name.
        if let Some(k) = (end..end + 4).find(|&k| !lower(word(k))) {
            if k > end
                && word(k) == "("
                && super::lang::all_caps(word(k + 1))
                && word(k + 2) == ")"
                && (end..k).all(|j| !own.lead.contains(&word(j).to_lowercase()))
            {
                end = k;
            }
        }
        // "Лидер … союза Боян Джурич": two or three capitalised words with no head noun
        // right after the body name the person who holds the role before it.
        if let Some(m) = names.iter_mut().find(|m| {
            m.toks.start == end
                && m.kind != EntityType::Person
                && (2..=3).contains(&m.toks.len())
                && m.toks
                    .clone()
                    .all(|k| capitalised(word(k)) && !head(word(k)))
        }) {
            m.kind = EntityType::Person;
        }
        // "по чрезвычайным ситуациям".
        if word(end) == "по" {
            let mut k = end + 1;
            while k < end + 4 && lower(word(k)) {
                let lw = word(k).to_lowercase();
                k += 1;
                if lw.ends_with("ам") || lw.ends_with("ям") {
                    end = k;
                    break;
                }
            }
        }
        found.push((i..end, EntityType::Org));
        i = end;
    }
    replace_inside(names, found);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ner::roles::{names_of, starts_after_periods};

    fn run(lang: &str, text: &str, spans: &[(usize, usize, EntityType)]) -> Vec<String> {
        let mut lex = Lexicon::default();
        for given in ["María", "Antonio", "Antony", "Esteri", "Sophie"] {
            lex.add_gazetteer("GIVEN", given);
        }
        let words: Vec<&str> = text.split(' ').collect();
        let starts = starts_after_periods(&words);
        let mut names = names_of(spans);
        apply(lang, &lex, &words, &starts, &mut names);
        names
            .iter()
            .map(|n| format!("{}:{:?}", words[n.toks.clone()].join(" "), n.kind))
            .collect()
    }

    #[test]
    fn russian_and_ukrainian_institutions_open_with_a_capitalised_adjective() {
        let got = run(
            "ru",
            "Об этом сообщила пресс-секретарь Государственной службы Украины по чрезвычайным ситуациям Ирина Ткачук .",
            &[(4, 5, EntityType::Misc), (6, 7, EntityType::Gpe), (10, 12, EntityType::Person)],
        );
        assert_eq!(
            got,
            [
                "Государственной службы Украины по чрезвычайным ситуациям:Org",
                "Ирина Ткачук:Person"
            ]
        );
        let got = run(
            "uk",
            "Національна поліція розслідує справу , повідомив начальник Чернівецької обласної військової адміністрації .",
            &[(0, 1, EntityType::Person)],
        );
        assert_eq!(
            got,
            [
                "Національна поліція:Org",
                "Чернівецької обласної військової адміністрації:Org"
            ]
        );
        // An adjective before no head noun names nothing.
        assert!(run("ru", "Российские военные отступили .", &[]).is_empty());
    }

    #[test]
    fn a_body_runs_on_into_the_body_it_belongs_to_and_its_acronym_closes_it() {
        let got = run(
            "ru",
            "Об этом сообщил начальник Главного управления кадров Министерства обороны России полковник Сергей Голубев .",
            &[(7, 8, EntityType::Misc), (9, 10, EntityType::Gpe), (11, 13, EntityType::Person)],
        );
        assert_eq!(
            got,
            [
                "Главного управления кадров Министерства обороны России:Org",
                "Сергей Голубев:Person"
            ]
        );
        let got = run(
            "uk",
            "Вчора Центральне бюро розслідувань ( CBI ) затримало агента .",
            &[(5, 6, EntityType::Org)],
        );
        assert_eq!(got, ["Центральне бюро розслідувань:Org", "CBI:Org"]);
    }

    #[test]
    fn german_names_with_capitalised_adjectives() {
        let got = run(
            "de",
            "Der Verkehr der Deutschen Bahn ruht , sagte er der Deutschen Presse-Agentur . Nach Angaben des Staatlichen Katastrophenschutzdienstes fliehen sie in die Vereinigten Arabischen Emirate .",
            &[(17, 18, EntityType::Org)],
        );
        assert_eq!(
            got,
            [
                "Deutschen Bahn:Org",
                "Deutschen Presse-Agentur:Org",
                "Staatlichen Katastrophenschutzdienstes:Org",
                "Vereinigten Arabischen Emirate:Gpe"
            ]
        );
        // A noun made of an adjective ("die Deutschen") before a verb is no name.
        assert!(run("de", "Viele sagen , die Deutschen streiken gern .", &[]).is_empty());
    }

    #[test]
    fn italian_bodies_through_elided_and_coordinated_connectors() {
        let got = run(
            "it",
            "Il Ministero dell' Università e della Ricerca stanzia fondi . Lo dice il prorettore del Politecnico di Torino , Marco Ferrero .",
            &[
                (1, 2, EntityType::Person),
                (3, 4, EntityType::Org),
                (6, 7, EntityType::Gpe),
                (17, 18, EntityType::Person),
                (19, 21, EntityType::Person),
            ],
        );
        assert_eq!(
            got,
            [
                "Ministero dell' Università e della Ricerca:Org",
                "Politecnico di Torino:Org",
                "Marco Ferrero:Person"
            ]
        );
    }

    #[test]
    fn german_compound_class_nouns_type_the_name_after_them() {
        let got = run(
            "de",
            "Die Lokführergewerkschaft GDL streikt in der Kleinstadt Storoschynez .",
            &[(2, 3, EntityType::Gpe)],
        );
        assert_eq!(got, ["GDL:Org", "Storoschynez:Gpe"]);
    }

    #[test]
    fn a_name_typed_a_place_that_ends_like_a_company_is_a_company() {
        let got = run(
            "en",
            "Analysts at Northfield Capital Markets said so .",
            &[(2, 5, EntityType::Gpe)],
        );
        assert_eq!(got, ["Northfield Capital Markets:Org"]);
    }

    #[test]
    fn a_person_after_a_title_and_the_body_they_work_for_stays_a_person() {
        let got = run(
            "uk",
            "Пором перекинувся . Президентка компанії Ріна Кусумаваті пообіцяла .",
            &[(5, 7, EntityType::Person)],
        );
        assert_eq!(got, ["Ріна Кусумаваті:Person"]);
    }

    #[test]
    fn a_name_the_tagger_missed_after_a_bodys_class_noun_is_the_body() {
        let got = run(
            "nl",
            "Ook de luchtverkeersorganisatie Brisolt en de rederij Vantrel zijn kritisch . De vakbond Kravex staakt .",
            &[],
        );
        assert_eq!(got, ["Brisolt:Org", "Vantrel:Org", "Kravex:Org"]);
        // German capitalises nouns: only an acronym is taken.
        let got = run(
            "de",
            "Die Lokführergewerkschaft GDL und der Verband Mitglieder streiken .",
            &[],
        );
        assert_eq!(got, ["GDL:Org"]);
    }

    #[test]
    fn a_word_after_a_place_noun_and_a_connector_is_a_place() {
        let got = run(
            "en",
            "It struck north of the town of Chivay . The city of Kherson held .",
            &[(12, 13, EntityType::Person)],
        );
        assert_eq!(got, ["Chivay:Gpe", "Kherson:Gpe"]);
        let got = run("es", "Llegó a la ciudad de Arequipa ayer .", &[]);
        assert_eq!(got, ["Arequipa:Gpe"]);
    }

    #[test]
    fn a_name_after_the_class_noun_of_a_river_or_lake_is_a_location() {
        // Typed as a person by the tagger, or not seen at all.
        let got = run(
            "it",
            "A Faenza il fiume Lamone è esondato .",
            &[(1, 2, EntityType::Gpe), (4, 5, EntityType::Person)],
        );
        assert_eq!(got, ["Faenza:Gpe", "Lamone:Loc"]);
        let got = run("de", "Der Pegel steigt am Fluss Neiße weiter .", &[]);
        assert_eq!(got, ["Neiße:Loc"]);
    }

    #[test]
    fn portuguese_names_of_people_and_places_with_their_particles() {
        let got = run(
            "en",
            "President Luiz Inácio Lula da Silva flew over Rio Grande do Sul .",
            &[
                (1, 4, EntityType::Person),
                (5, 6, EntityType::Person),
                (8, 10, EntityType::Gpe),
                (11, 12, EntityType::Gpe),
            ],
        );
        assert_eq!(
            got,
            ["Luiz Inácio Lula da Silva:Person", "Rio Grande do Sul:Gpe"]
        );
    }

    #[test]
    fn a_portfolio_after_a_connector_is_no_part_of_the_name() {
        let got = run(
            "it",
            "Il ministro degli Esteri Antonio Tajani ha detto .",
            &[(3, 6, EntityType::Person)],
        );
        assert_eq!(got, ["Antonio Tajani:Person"]);
        let got = run(
            "en",
            "Secretary of State Antony Blinken said .",
            &[(2, 5, EntityType::Org)],
        );
        assert_eq!(got, ["Antony Blinken:Person"]);
        let got = run(
            "en",
            "Director General of Shipping Antony Sethi wrote .",
            &[(3, 6, EntityType::Person)],
        );
        assert_eq!(got, ["Antony Sethi:Person"]);
    }

    #[test]
    fn a_name_does_not_end_in_a_given_name_before_a_capitalised_word() {
        let got = run(
            "en",
            "Union head Antony Daggett told members .",
            &[(2, 3, EntityType::Person)],
        );
        assert_eq!(got, ["Antony Daggett:Person"]);
        // Not into a word that opens a sentence or another name.
        let got = run(
            "en",
            "They met Antony . Daggett left with Maria Lopez .",
            &[(2, 3, EntityType::Person), (7, 9, EntityType::Person)],
        );
        assert_eq!(got, ["Antony:Person", "Maria Lopez:Person"]);
    }

    #[test]
    fn one_word_after_a_person_and_van_is_no_second_person() {
        let got = run(
            "nl",
            "Minister Femke Wiersma van Landbouw zei dat .",
            &[(1, 3, EntityType::Person), (4, 5, EntityType::Person)],
        );
        assert_eq!(got, ["Femke Wiersma:Person"]);
    }

    #[test]
    fn a_name_before_an_administrative_unit_is_a_place() {
        let got = run(
            "en",
            "The quake struck the Arequipa region . Then the Arequipa Regional Government met . Arequipa region is big .",
            &[
                (4, 5, EntityType::Org),
                (9, 12, EntityType::Org),
                (14, 15, EntityType::Person),
            ],
        );
        // The region is named with its class noun; every other occurrence of the name is
        // the place; a longer name stays itself.
        assert_eq!(
            got,
            [
                "Arequipa region:Loc",
                "Arequipa Regional Government:Org",
                "Arequipa:Gpe"
            ]
        );
    }

    #[test]
    fn organisations_run_on_through_connectors() {
        let got = run(
            "en",
            "Staff of the International Committee of the Red Cross and the Institute for Regional Studies met the Ministry of Defence .",
            &[
                (3, 5, EntityType::Org),
                (7, 9, EntityType::Org),
                (11, 12, EntityType::Org),
                (17, 18, EntityType::Org),
            ],
        );
        assert_eq!(
            got,
            [
                "International Committee of the Red Cross:Org",
                "Institute for Regional Studies:Org",
                "Ministry of Defence:Org"
            ]
        );
        // Not through a sentence's end, nor from a name without a head word.
        let got = run(
            "en",
            "Reuters of London said . Of Kyiv .",
            &[
                (0, 1, EntityType::Org),
                (2, 3, EntityType::Gpe),
                (6, 7, EntityType::Gpe),
            ],
        );
        assert_eq!(got, ["Reuters:Org", "London:Gpe", "Kyiv:Gpe"]);
        // A long name whose head noun comes after the coordination; not two bodies.
        let got = run(
            "en",
            "the National Disaster Risk Reduction and Management Council and Google and Federal Trade Commission",
            &[
                (1, 5, EntityType::Org),
                (6, 8, EntityType::Org),
                (9, 10, EntityType::Org),
                (11, 14, EntityType::Org),
            ],
        );
        assert_eq!(
            got,
            [
                "National Disaster Risk Reduction and Management Council:Org",
                "Google:Org",
                "Federal Trade Commission:Org"
            ]
        );
    }

    #[test]
    fn spanish_names_with_particles_and_institutions() {
        let got = run(
            "es",
            "La consejera María del Carmen Ruiz habló con la Junta de Andalucía y la Universidad de Granada .",
            &[
                (2, 3, EntityType::Person),
                (4, 6, EntityType::Person),
                (9, 10, EntityType::Org),
                (11, 12, EntityType::Gpe),
                (14, 15, EntityType::Org),
                (16, 17, EntityType::Gpe),
            ],
        );
        assert_eq!(
            got,
            [
                "María del Carmen Ruiz:Person",
                "Junta de Andalucía:Org",
                "Universidad de Granada:Org"
            ]
        );
    }

    #[test]
    fn class_nouns_and_head_words_type_names() {
        let got = run(
            "de",
            "Die Gewerkschaft Verdi kritisiert Nordhafen Logistik . Verdi droht im Kharkiv Oblast .",
            &[
                (2, 3, EntityType::Person),
                (4, 6, EntityType::Person),
                (7, 8, EntityType::Person),
                (10, 11, EntityType::Gpe),
            ],
        );
        assert_eq!(
            got,
            [
                "Verdi:Org",
                "Nordhafen Logistik:Org",
                "Verdi:Org",
                "Kharkiv Oblast:Loc"
            ]
        );
        let got = run(
            "en",
            "Rescuers searched the Colca Valley near the city of Arequipa .",
            &[(3, 5, EntityType::Org), (9, 10, EntityType::Org)],
        );
        assert_eq!(got, ["Colca Valley:Loc", "Arequipa:Gpe"]);
        let got = run(
            "en",
            "Talks stalled as the Verdi union struck . Verdi said more .",
            &[(4, 5, EntityType::Person), (8, 9, EntityType::Person)],
        );
        assert_eq!(got, ["Verdi:Org", "Verdi:Org"]);
        // Without "the" before it, a person's name before such a noun stays a person.
        let got = run(
            "en",
            "Officials said Smith party members left .",
            &[(2, 3, EntityType::Person)],
        );
        assert_eq!(got, ["Smith:Person"]);
    }

    #[test]
    fn a_particle_of_any_language_joins_a_given_name_and_a_person() {
        // The gazetteer knows "Maria" without the accent.
        let mut lex = Lexicon::default();
        lex.add_gazetteer("GIVEN", "Maria");
        let text = "PP candidate María del Carmen Ruiz won . Later María del Carmen Ruiz spoke .";
        let words: Vec<&str> = text.split(' ').collect();
        let starts = starts_after_periods(&words);
        // The first time the tagger left the given name out, the second time it typed it.
        let mut names = names_of(&[
            (4, 6, EntityType::Person),
            (9, 10, EntityType::Org),
            (11, 13, EntityType::Person),
        ]);
        apply("en", &lex, &words, &starts, &mut names);
        let got: Vec<String> = names
            .iter()
            .map(|n| format!("{}:{:?}", words[n.toks.clone()].join(" "), n.kind))
            .collect();
        assert_eq!(
            got,
            [
                "María del Carmen Ruiz:Person",
                "María del Carmen Ruiz:Person"
            ]
        );
    }

    #[test]
    fn a_head_noun_and_a_genitive_before_a_name_are_an_organisation() {
        let got = run(
            "ru",
            "Министерство обороны России сообщило , что Министерство здравоохранения Армении молчит .",
            &[
                (2, 3, EntityType::Gpe),
                (6, 7, EntityType::Org),
                (8, 9, EntityType::Gpe),
            ],
        );
        assert_eq!(
            got,
            [
                "Министерство обороны России:Org",
                "Министерство здравоохранения Армении:Org"
            ]
        );
        // A verb or a function word between them joins nothing.
        let got = run(
            "uk",
            "Служба повідомила що України немає .",
            &[(3, 4, EntityType::Gpe)],
        );
        assert_eq!(got, ["України:Gpe"]);
    }

    #[test]
    fn a_person_run_together_with_the_body_they_speak_for_is_split_from_it() {
        let got = run(
            "es",
            "la portavoz de la Comisión Europea Sophie Lambrecht ha afirmado .",
            &[(4, 8, EntityType::Person)],
        );
        assert_eq!(got, ["Sophie Lambrecht:Person"]);
        let got = run(
            "ru",
            "Лидер оппозиционного Гражданского демократического союза Боян Джурич заявил .",
            &[(5, 7, EntityType::Org)],
        );
        assert_eq!(
            got,
            [
                "Гражданского демократического союза:Org",
                "Боян Джурич:Person"
            ]
        );
    }

    #[test]
    fn a_body_and_its_spokesman_typed_a_person_and_inflected_countries() {
        let got = run(
            "uk",
            "речник Міністерства закордонних справ України Олег Тищенко і Посольства України в Республіці Корея та Південної Кореї",
            &[
                (1, 7, EntityType::Person),
                (8, 10, EntityType::Person),
                (11, 13, EntityType::Person),
                (14, 16, EntityType::Person),
            ],
        );
        assert_eq!(
            got,
            [
                "Міністерства закордонних справ України:Org",
                "Олег Тищенко:Person",
                "Посольства України:Org",
                "Республіці Корея:Gpe",
                "Південної Кореї:Gpe"
            ]
        );
    }

    #[test]
    fn a_body_spelt_out_before_its_acronym_runs_from_its_first_initial() {
        let got = run(
            "it",
            "l' Unione nazionale passeggeri aerei ( Unpa ) e la Protezione civile ( PC ) .",
            &[
                (1, 2, EntityType::Org),
                (6, 7, EntityType::Org),
                (10, 11, EntityType::Org),
                (13, 14, EntityType::Org),
            ],
        );
        assert_eq!(
            got,
            [
                "Unione nazionale passeggeri aerei:Org",
                "Unpa:Org",
                "Protezione civile:Org",
                "PC:Org"
            ]
        );
    }

    #[test]
    fn a_place_with_the_head_noun_of_a_body_is_the_body() {
        let got = run(
            "en",
            "an expert from the Fort Worth Police Department and the University of Texas , \
             a poll by the Great Lakes Civic Research Center , talks in the West Bank and a \
             rally on Slavija Square in the Jadar valley .",
            &[
                (4, 8, EntityType::Gpe),
                (10, 13, EntityType::Gpe),
                (18, 22, EntityType::Gpe),
                (27, 29, EntityType::Gpe),
                (33, 34, EntityType::Loc),
                (37, 38, EntityType::Gpe),
            ],
        );
        assert_eq!(
            got,
            [
                "Fort Worth Police Department:Org",
                "University of Texas:Org",
                "Great Lakes Civic Research Center:Org",
                "West Bank:Gpe",
                "Slavija Square:Loc",
                "Jadar valley:Loc"
            ]
        );
    }

    #[test]
    fn a_body_runs_on_through_and_into_words_of_its_own() {
        let got = run(
            "es",
            "el Ministerio de Transportes y Movilidad Sostenible fijó servicios .",
            &[(1, 4, EntityType::Org), (5, 7, EntityType::Person)],
        );
        assert_eq!(
            got,
            ["Ministerio de Transportes y Movilidad Sostenible:Org"]
        );
        let got = run(
            "en",
            "the Ministry of Defence and NATO agreed , as did the West Bank and Gaza .",
            &[
                (1, 4, EntityType::Org),
                (5, 6, EntityType::Org),
                (11, 13, EntityType::Gpe),
                (14, 15, EntityType::Gpe),
            ],
        );
        assert_eq!(
            got,
            [
                "Ministry of Defence:Org",
                "NATO:Org",
                "West Bank:Gpe",
                "Gaza:Gpe"
            ]
        );
    }

    #[test]
    fn a_word_in_capitals_alone_is_a_body_outside_english() {
        let got = run(
            "es",
            "El sindicato SEMAF cifró el seguimiento .",
            &[(2, 3, EntityType::Person)],
        );
        assert_eq!(got, ["SEMAF:Org"]);
        let got = run("en", "CLINTON WINS .", &[(0, 1, EntityType::Person)]);
        assert_eq!(got, ["CLINTON:Person"]);
    }

    #[test]
    fn a_place_and_its_level_of_government_before_a_body_are_the_body() {
        let got = run(
            "en",
            "According to the New York State Education Department , enrollment fell .",
            &[(3, 5, EntityType::Gpe), (6, 7, EntityType::Org)],
        );
        assert_eq!(got, ["New York State Education Department:Org"]);
        let got = run(
            "en",
            "Ellen Porter leads Marlowe Residents for Fiscal Accountability .",
            &[
                (0, 2, EntityType::Person),
                (3, 5, EntityType::Org),
                (6, 8, EntityType::Org),
            ],
        );
        assert_eq!(
            got,
            [
                "Ellen Porter:Person",
                "Marlowe Residents for Fiscal Accountability:Org"
            ]
        );
        let got = run(
            "en",
            "Voters in the Marlowe Central School District approved it .",
            &[(3, 7, EntityType::Gpe)],
        );
        assert_eq!(got, ["Marlowe Central School District:Org"]);
        // A place alone before a body stays a place: "the U.S. Justice Department".
        let got = run(
            "en",
            "the U.S. Justice Department said .",
            &[(1, 2, EntityType::Gpe), (2, 4, EntityType::Org)],
        );
        assert_eq!(got, ["U.S.:Gpe", "Justice Department:Org"]);
    }

    #[test]
    fn a_dated_month_an_ordinal_before_a_lower_case_word_and_a_score_are_no_names() {
        let got = run(
            "en",
            "Sales rose in July as Tamsin Holt 5-40 said , before the Second test in Vellore 3-1 .",
            &[
                (3, 4, EntityType::Gpe),
                (5, 8, EntityType::Person),
                (12, 13, EntityType::Misc),
                (15, 17, EntityType::Gpe),
            ],
        );
        assert_eq!(got, ["Tamsin Holt:Person", "Vellore:Gpe"]);
        // A month that opens a name elsewhere stays ("June Alder"), as does a model number.
        let got = run(
            "en",
            "June Alder flew on the Apollo 13 .",
            &[(0, 2, EntityType::Person), (5, 7, EntityType::Misc)],
        );
        assert_eq!(got, ["June Alder:Person", "Apollo 13:Misc"]);
    }

    #[test]
    fn members_after_one_word_and_a_company_s_first_word_name_the_body() {
        let got = run(
            "en",
            "Israel and Korvath guerrillas met . Korvath said , and Tessar Holdings Inc said \
             Tessar was up .",
            &[
                (0, 1, EntityType::Gpe),
                (2, 3, EntityType::Person),
                (6, 7, EntityType::Person),
                (10, 13, EntityType::Org),
                (14, 15, EntityType::Person),
            ],
        );
        assert_eq!(
            got,
            [
                "Israel:Gpe",
                "Korvath:Org",
                "Korvath:Org",
                "Tessar Holdings Inc:Org",
                "Tessar:Org"
            ]
        );
        // A person's name before supporters stays the person's.
        let got = run(
            "en",
            "Many Korvath supporters met .",
            &[(1, 2, EntityType::Person)],
        );
        assert_eq!(got, ["Korvath:Person"]);
    }

    #[test]
    fn particles_of_family_names_join_the_name() {
        // A capitalised particle taken for a given name, with the family name the tagger
        // left out; a particle in lower case before a family name alone.
        let got = run(
            "en",
            "The referee let Van der Merwe kick , and de Souza scored .",
            &[(3, 4, EntityType::Person), (10, 11, EntityType::Person)],
        );
        assert_eq!(got, ["Van der Merwe:Person", "de Souza:Person"]);
        // Not after a capitalised word, where the given name would have joined.
        let got = run(
            "en",
            "Minister Alves de Souza said .",
            &[(2, 4, EntityType::Person)],
        );
        assert_eq!(got, ["de Souza:Person"]);
    }

    #[test]
    fn a_company_named_with_a_possessive_is_one_name_and_the_possessive_names_it() {
        let got = run(
            "en",
            "Harrowgate 's Bancshares Inc. agreed . Harrowgate 's was up , Harrowgate said .",
            &[
                (0, 1, EntityType::Person),
                (2, 4, EntityType::Org),
                (6, 7, EntityType::Org),
                (11, 12, EntityType::Person),
            ],
        );
        assert_eq!(
            got,
            [
                "Harrowgate 's Bancshares Inc.:Org",
                "Harrowgate 's:Org",
                "Harrowgate:Org"
            ]
        );
    }

    #[test]
    fn a_monarch_s_numeral_and_a_road_s_number_are_part_of_the_name() {
        let got = run(
            "en",
            "Queen Mathilde I born . Trucks on Interstate 84 met Rowan Hale I think .",
            &[
                (1, 2, EntityType::Person),
                (7, 8, EntityType::Org),
                (10, 12, EntityType::Person),
            ],
        );
        assert_eq!(
            got,
            [
                "Mathilde I:Person",
                "Interstate 84:Loc",
                "Rowan Hale:Person"
            ]
        );
    }

    #[test]
    fn a_ministry_written_in_lower_case_opens_the_body() {
        let got = run(
            "it",
            "Secondo il ministero della Salute e la procura di Trapani , Rossi ha parlato .",
            &[
                (4, 5, EntityType::Person),
                (9, 10, EntityType::Gpe),
                (11, 12, EntityType::Person),
            ],
        );
        assert_eq!(
            got,
            [
                "ministero della Salute:Org",
                "procura di Trapani:Org",
                "Rossi:Person"
            ]
        );
        // Not before a word in lower case.
        let got = run("it", "Il ministero della salute pubblica ha parlato .", &[]);
        assert!(got.is_empty());
    }

    #[test]
    fn a_german_body_s_compound_and_its_place_are_one_body() {
        let got = run(
            "de",
            "Die Staatsanwaltschaft Lindau ermittelt , der Mieterbund Hessen klagt , Anna Wolf \
             auch .",
            &[
                (2, 3, EntityType::Gpe),
                (6, 8, EntityType::Person),
                (10, 12, EntityType::Person),
            ],
        );
        assert_eq!(
            got,
            [
                "Staatsanwaltschaft Lindau:Org",
                "Mieterbund Hessen:Org",
                "Anna Wolf:Person"
            ]
        );
    }

    #[test]
    fn a_country_of_two_words_typed_a_person_is_the_country() {
        let got = run(
            "es",
            "Los turistas de Países Bajos siguen desaparecidos .",
            &[(3, 5, EntityType::Person)],
        );
        assert_eq!(got, ["Países Bajos:Gpe"]);
    }

    #[test]
    fn a_city_typed_a_person_is_the_city_unless_a_full_name_ends_in_it() {
        let got = run(
            "en",
            "The road links Oni with Kutaisi , and Dana Kutaisi said Kutaisi was near .",
            &[
                (3, 4, EntityType::Gpe),
                (5, 6, EntityType::Person),
                (8, 10, EntityType::Person),
                (11, 12, EntityType::Person),
            ],
        );
        assert_eq!(
            got,
            [
                "Oni:Gpe",
                "Kutaisi:Person",
                "Dana Kutaisi:Person",
                "Kutaisi:Person"
            ]
        );
        let got = run(
            "en",
            "The road links Oni with Kutaisi .",
            &[(3, 4, EntityType::Gpe), (5, 6, EntityType::Person)],
        );
        assert_eq!(got, ["Oni:Gpe", "Kutaisi:Gpe"]);
    }

    #[test]
    fn legal_forms_are_read_without_their_dots_in_any_case() {
        let got = run(
            "en",
            "Shares of Valdoro S.p.A. and Brinkhof N.V. fell , said Tessel Bros analysts .",
            &[
                (2, 3, EntityType::Person),
                (5, 6, EntityType::Gpe),
                (10, 11, EntityType::Person),
            ],
        );
        assert_eq!(
            got,
            ["Valdoro S.p.A.:Org", "Brinkhof N.V.:Org", "Tessel Bros:Org"]
        );
        assert!(legal_form("SA") && legal_form("Ltd.") && !legal_form("Sam") && !legal_form(""));
    }

    #[test]
    fn a_contest_named_after_a_place_a_person_or_a_sponsor_is_one_event() {
        // The word after the name, a contest typed a person, "Greater" before it; a year
        // and a name the tagger kept apart stay apart.
        let got = run(
            "en",
            "Mara Lind won the Lisbon Open before the 2031 Harwell Cup and the Greater Oakvale \
             Classic , then the Spanish Grand Prix and the Tarsa Grand Prix .",
            &[
                (0, 2, EntityType::Person),
                (4, 5, EntityType::Gpe),
                (9, 10, EntityType::Org),
                (14, 16, EntityType::Person),
                (19, 20, EntityType::Norp),
                (20, 22, EntityType::Misc),
                (24, 25, EntityType::Gpe),
            ],
        );
        assert_eq!(
            got,
            [
                "Mara Lind:Person",
                "Lisbon Open:Misc",
                "Harwell Cup:Misc",
                "Greater Oakvale Classic:Misc",
                "Spanish:Norp",
                "Grand Prix:Misc",
                "Tarsa Grand Prix:Misc"
            ]
        );
        // A league the tagger typed a body stays one.
        let got = run(
            "en",
            "He joined the Harbor League Championship club .",
            &[(3, 6, EntityType::Org)],
        );
        assert_eq!(got, ["Harbor League Championship:Org"]);
        // A contest's word opening the next sentence is no part of the name before it.
        let got = run(
            "en",
            "She lives in Lisbon . Open days are on Monday .",
            &[(3, 4, EntityType::Gpe)],
        );
        assert_eq!(got, ["Lisbon:Gpe"]);
    }

    #[test]
    fn a_legal_form_after_a_name_makes_a_company_and_where_one_is_based_no_body() {
        let got = run(
            "en",
            "The maker Quillwork Inc. is cutting jobs , the San Francisco-based maker said .",
            &[(2, 3, EntityType::Person), (9, 11, EntityType::Org)],
        );
        assert_eq!(got, ["Quillwork Inc.:Org", "San Francisco-based:Misc"]);
    }

    #[test]
    fn a_company_and_co_kg_is_one_company() {
        let got = run(
            "de",
            "Die Rheinfels Spezialchemie GmbH & Co. KG teilte mit .",
            &[(1, 4, EntityType::Org), (6, 7, EntityType::Gpe)],
        );
        assert_eq!(got, ["Rheinfels Spezialchemie GmbH & Co. KG:Org"]);
    }

    #[test]
    fn storms_and_wildfires_are_events_that_join_no_name() {
        let got = run(
            "en",
            "Crews fought the Boulder Gulch Fire and Hurricane Hanna hit the coast .",
            &[(3, 9, EntityType::Org)],
        );
        assert_eq!(got, ["Boulder Gulch Fire:Misc", "Hurricane Hanna:Misc"]);
        let got = run(
            "en",
            "the Redding Fire Department said .",
            &[(1, 4, EntityType::Org)],
        );
        assert_eq!(got, ["Redding Fire Department:Org"]);
    }
}
