//! Abbreviations that keep their period, per language, and the words that surely start a
//! sentence after one.

use super::Lang;

/// How an abbreviation behaves at a possible sentence end.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Abbrev {
    /// Never ends a sentence: titles before names, months before days, "e.g.", "vs.".
    Title,
    /// Only before a number: "No. 5", "Nr. 3", "p. 12".
    Numeral,
    /// Can end a sentence: "U.S.", "Inc.", "a.m.", single initials.
    Final,
}

/// The class of `word` (without its period) in `lang`, if it is a known abbreviation.
pub(super) fn lookup(word: &str, lang: Lang) -> Option<Abbrev> {
    use Abbrev::*;
    let common =
        match word {
            "Mr" | "Mrs" | "Ms" | "Dr" | "Prof" | "Gen" | "Lt" | "Col" | "Maj" | "Capt"
            | "Cmdr" | "Sgt" | "Adm" | "Cpl" | "Pvt" | "Sen" | "Sens" | "Rep" | "Reps" | "Gov"
            | "Pres" | "Rev" | "Hon" | "Atty" | "Supt" | "Insp" | "Det" | "Amb" | "Sec"
            | "Gens" | "Messrs" | "St" | "Mt" | "Ft" | "Jan" | "Feb" | "Mar" | "Apr" | "Jun"
            | "Jul" | "Aug" | "Sep" | "Sept" | "Oct" | "Nov" | "Dec" | "vs" | "v" | "cf"
            | "approx" | "ca" | "etc" | "Fig" | "fig" | "Gov't" => Some(Title),
            "No" | "Nos" | "no" | "nos" | "p" | "pp" | "Vol" | "vol" | "Art" | "art" | "Ch"
            | "ch" => Some(Numeral),
            "Inc" | "Corp" | "Ltd" | "Co" | "Jr" | "Sr" | "Bros" | "Ave" | "Blvd" | "Rd"
            | "Ala" | "Ariz" | "Ark" | "Calif" | "Colo" | "Conn" | "Del" | "Fla" | "Ga" | "Ill"
            | "Ind" | "Kan" | "Ky" | "La" | "Md" | "Mass" | "Mich" | "Minn" | "Miss" | "Mo"
            | "Mont" | "Neb" | "Nev" | "Okla" | "Ore" | "Pa" | "Tenn" | "Vt" | "Va" | "Wash"
            | "Wis" | "Wyo" => Some(Final),
            _ => None,
        };
    if common.is_some() {
        return common;
    }
    match lang {
        Lang::De => match word {
            "Nr" => Some(Numeral),
            "bzw" | "ca" | "vgl" | "usw" | "Jh" | "Okt" | "Dez" | "Mio" | "Mrd" | "Hr" | "Fr"
            | "Abs" | "inkl" | "evtl" | "ggf" | "sog" | "z" | "B" | "Mär" => Some(Title),
            _ => None,
        },
        Lang::Es => match word {
            "EE" | "UU" => Some(Final),
            "Sr" | "Sra" | "Srta" | "Dña" | "Dª" | "Ud" | "Uds" | "Av" | "Gral" | "Excmo"
            | "ene" | "feb" | "abr" | "ago" | "sept" | "oct" | "dic" | "Ene" | "Abr" | "Ago"
            | "Dic" | "May" => Some(Title),
            "núm" | "nº" => Some(Numeral),
            _ => None,
        },
        Lang::Fr => match word {
            "Mme" | "Mlle" | "MM" | "av" | "bd" | "env" | "janv" | "févr" | "avr" | "juil"
            | "oct" | "déc" => Some(Title),
            _ => None,
        },
        Lang::It => match word {
            "Sig" | "Sigg" | "Dott" | "Avv" | "Ing" | "Geom" | "On" | "gen" | "feb" | "ott"
            | "dic" | "Mag" | "Giu" | "Lug" | "Ago" | "Set" | "Ott" | "Dic" => Some(Title),
            _ => None,
        },
        Lang::Ru | Lang::Uk => match word {
            "г" | "гг" | "т" | "е" | "д" | "п" | "им" | "ул" | "пр" | "см" | "млн" | "млрд"
            | "тыс" | "руб" | "грн" | "коп" | "ст" | "обл" | "р" | "св" | "тис" | "ім" => {
                Some(Title)
            }
            _ => None,
        },
        _ => None,
    }
}

/// Words that start a sentence often enough that a period before them ends one even after
/// an abbreviation that can end a sentence ("… in the U.S. The …").
pub(super) fn strong_starter(word: &str) -> bool {
    matches!(
        word,
        "The"
            | "A"
            | "An"
            | "He"
            | "She"
            | "It"
            | "They"
            | "We"
            | "I"
            | "You"
            | "In"
            | "On"
            | "At"
            | "But"
            | "And"
            | "This"
            | "That"
            | "These"
            | "Those"
            | "There"
            | "His"
            | "Her"
            | "Its"
            | "Their"
            | "Our"
            | "As"
            | "After"
            | "According"
            | "However"
            | "Meanwhile"
            | "While"
            | "When"
            | "If"
            | "Some"
            | "Many"
            | "Officials"
            | "Last"
            | "Earlier"
            | "Later"
            | "Der"
            | "Die"
            | "Das"
            | "Er"
            | "Sie"
            | "Es"
            | "Wir"
            | "Im"
            | "Am"
            | "Auch"
            | "Doch"
            | "Aber"
            | "El"
            | "La"
            | "Los"
            | "Las"
            | "En"
            | "Pero"
            | "Según"
            | "Le"
            | "Les"
            | "Il"
            | "Elle"
            | "Ils"
            | "Mais"
            | "Selon"
            | "Lo"
            | "Gli"
            | "Ma"
            | "Secondo"
            | "Luego"
            | "Después"
            | "Además"
            | "Ensuite"
            | "Puis"
            | "Dann"
            | "Danach"
            | "Poi"
            | "Inoltre"
            | "Het"
            | "De"
            | "Een"
            | "Maar"
            | "Volgens"
            | "O"
            | "Os"
            | "Mas"
            | "Segundo"
            | "Он"
            | "Она"
            | "Они"
            | "Это"
            | "В"
            | "На"
            | "Но"
            | "По"
            | "Він"
            | "Вона"
            | "Вони"
            | "Це"
            | "У"
    )
}
