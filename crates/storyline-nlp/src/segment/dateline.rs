//! Datelines: the place (and date and agency) that opens a wire story's body ("GENEVA —",
//! "KYIV, Ukraine (AP) —", "(의성=연합뉴스) 김민수 기자 =", "भुवनेश्वर, 14 नवंबर (भाषा)").
//! They belong to no sentence's content, and the word after one starts a clause.

/// Where the words of the sentence from `s` to `e` start: past a header before the
/// article's body at `body` ("date 2026-09-16", which may share the body's first sentence)
/// and past the dateline that opens the body ("NEW YORK (AP) —").
pub(crate) fn words_start(text: &str, body: usize, s: usize, e: usize) -> usize {
    let from = if s < body && body < e { body } else { s };
    after_dateline(text, from, e).max(from)
}

/// The offset after a dateline at `s` ("GENEVA —", "KYIV, Ukraine (AP) —", "BERLIN (dpa) -"),
/// or `s` when the text there opens with none.
pub(crate) fn after_dateline(text: &str, s: usize, e: usize) -> usize {
    let Some(seg) = text.get(s..e) else {
        return s;
    };
    let head = &seg[..seg.char_indices().nth(80).map_or(seg.len(), |(i, _)| i)];
    // An agency before the place: "(ANSA) - ROMA, 03 DIC - …".
    if let Some(rest) = head.strip_prefix('(') {
        if let Some(close) = rest
            .find(')')
            .filter(|&c| c <= 24 && !rest[..c].contains('='))
        {
            let after = &rest[close + 1..];
            if let Some(dash) = [" - ", " — ", " – "]
                .iter()
                .find(|d| after.starts_with(**d))
            {
                let at = s + 1 + close + 1 + dash.len();
                let next = after_dateline(text, at, e);
                if next > at {
                    return next;
                }
            }
        }
    }
    for dash in [" — ", " – ", " - ", " _ ", " -- "] {
        let Some(i) = head.find(dash) else {
            continue;
        };
        let place = head[..i].trim();
        // A headline in capitals after a section name is no dateline ("SOCCER - ROTOR FANS
        // LOCKED OUT"): a sentence in mixed case follows one.
        let after: String = head[i + dash.len()..].chars().take(30).collect();
        if after.chars().any(char::is_uppercase) && !after.chars().any(char::is_lowercase) {
            continue;
        }
        // The place in capitals, then perhaps a region and an agency in parentheses.
        let first = place.split([',', '(']).next().unwrap_or("").trim();
        let letters: Vec<char> = first.chars().filter(|c| c.is_alphabetic()).collect();
        // German agencies write the place in title case: "Berlin (dpa) -", "Kiew (AFP) -".
        let titled_with_agency = place.ends_with(')')
            && place.split('(').next().is_some_and(|p| {
                let words: Vec<&str> = p.split_whitespace().collect();
                (1..=4).contains(&words.len())
                    && words
                        .first()
                        .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase))
            })
            && after.chars().next().is_some_and(char::is_uppercase);
        if interfax(place).is_some() {
            return s + i + dash.len();
        }
        if letters.len() >= 2
            && (letters.iter().all(|c| c.is_uppercase()) || titled_with_agency)
            && place.chars().count() <= 60
            && !place.contains(['"', '“'])
            // A period only in a date after the place ("VALENCIA, 12 Ago. (EUROPA PRESS) -").
            && (!place.contains('.') || place.contains(','))
        {
            return s + i + dash.len();
        }
    }
    let skip_space = |at: usize| at + head[at..].len() - head[at..].trim_start().len();
    // Korean wire style: "(부산=연합뉴스) 김민수 기자 = …", "(서울=뉴스1) …".
    if head.starts_with('(') {
        if let Some(close) = head.find(')').filter(|&c| head[..c].contains('=')) {
            let at = skip_space(close + 1);
            let byline = head[at..].find(" = ").filter(|&q| {
                let who = head[at..at + q].trim_end();
                q <= 40
                    && ["기자", "특파원", "통신원"]
                        .iter()
                        .any(|t| who.ends_with(t))
            });
            return s + byline.map_or(at, |q| skip_space(at + q + 3));
        }
    }
    // Russian agencies: a place in capitals, a date and a period, perhaps the agency between
    // slashes: "МОСКВА, 15 апреля. …", "БЕЛГРАД, 13 мая. /ТАСС/. …".
    if let Some(at) = place_date_period(head) {
        return s + skip_space(at);
    }
    // A place, a date and an agency with no dash: "भुवनेश्वर, 14 नवंबर (भाषा) …",
    // "MUMBAI, Nov 14 (PTI) …".
    // Spanish agencies close with ".-": "Kiev, 19 may (EFE).- …".
    let paren = head.find(" (").and_then(|open| {
        let close = open + 2 + head.get(open + 2..)?.find(')')?;
        let rest = &head[close + 1..];
        let mark = [".-", " -", " —", " –", ""]
            .iter()
            .find(|m| rest.starts_with(**m) && rest[m.len()..].starts_with(' '))?;
        Some((open, close, close + 1 + mark.len()))
    });
    if let Some((open, close, after)) = paren {
        let lead = &head[..open];
        let agency = &head[open + 2..close];
        let (place, date) = lead.split_once(',').unwrap_or((lead, ""));
        if lead.chars().count() <= 40
            && !place.contains(|c: char| c.is_ascii_digit())
            && date.contains(|c: char| c.is_ascii_digit())
            && date.split_whitespace().count() <= 3
            && !lead.contains(['"', '“', '।'])
            && agency.split_whitespace().count() <= 2
            && !agency.contains(|c: char| c.is_ascii_digit())
        {
            return s + skip_space(after);
        }
    }
    s
}

/// Interfax's style, "Париж. 18 июня. INTERFAX.RU": the place, the date and the agency in
/// capitals, each closed by a period; the agency's byte range in `place`.
fn interfax(place: &str) -> Option<(usize, usize)> {
    let mut parts = place.splitn(3, ". ");
    let (town, date, agency) = (parts.next()?, parts.next()?, parts.next()?);
    let words: Vec<&str> = date.split_whitespace().collect();
    let town_ok = (1..=3).contains(&town.split_whitespace().count())
        && town.chars().next().is_some_and(char::is_uppercase)
        && town
            .chars()
            .all(|c| c.is_alphabetic() || c == ' ' || c == '-');
    let dated = words.len() == 2
        && words[0].chars().all(|c| c.is_ascii_digit())
        && crate::timex::lexicon::is_month_word(&words[1].to_lowercase());
    let letters: Vec<char> = agency.chars().filter(|c| c.is_alphabetic()).collect();
    let agency_ok = letters.len() >= 3
        && letters.iter().all(|c| c.is_uppercase())
        && !agency.contains(' ')
        && agency
            .chars()
            .all(|c| c.is_alphabetic() || c == '.' || c == '-');
    (town_ok && dated && agency_ok).then(|| {
        let at = place.len() - agency.len();
        (at, place.len())
    })
}

/// "БЕЛГРАД, 13 мая. /ТАСС/. …": the offset after the date's period, or after the agency
/// between slashes and its period.
fn place_date_period(head: &str) -> Option<usize> {
    let (place, rest) = head.split_once(", ")?;
    let letters: Vec<char> = place.chars().filter(|c| c.is_alphabetic()).collect();
    let capitals = letters.len() >= 2
        && letters.iter().all(|c| c.is_uppercase())
        && place.split_whitespace().count() <= 3
        && place
            .chars()
            .all(|c| c.is_alphabetic() || c == ' ' || c == '-');
    if !capitals {
        return None;
    }
    let dot = rest.find(". ")?;
    // "КИЇВ, 16 липня /Укрінформ/. …": the agency may follow the date with no period.
    let (dot, slashed) = match rest[..dot].find(" /") {
        Some(k) => (k, true),
        None => (dot, false),
    };
    let date = &rest[..dot];
    let words: Vec<&str> = date.split_whitespace().collect();
    let dated = (2..=3).contains(&words.len())
        && words[0].chars().all(|c| c.is_ascii_digit())
        && crate::timex::lexicon::is_month_word(&words[1].to_lowercase())
        && words[2..]
            .iter()
            .all(|w| w.chars().all(|c| c.is_ascii_digit()));
    if !dated {
        return None;
    }
    let at = place.len() + 2 + dot + if slashed { 1 } else { 2 };
    let agency = head[at..].strip_prefix('/').and_then(|r| {
        let close = r.find('/').filter(|&c| (2..=30).contains(&c))?;
        let after = at + 1 + close + 1;
        Some(after + usize::from(head[after..].starts_with('.')))
    });
    Some(agency.unwrap_or(at))
}

/// The agency named in parentheses in the dateline from `s` to `body` (the offset
/// [`after_dateline`] gives): "BERLIN (dpa) -", "VALENCIA, 12 Ago. (EUROPA PRESS) -",
/// "(의성=연합뉴스) …", "(ANSA) - ROMA, …"; a byte range of `text`.
pub(crate) fn dateline_agency(text: &str, s: usize, body: usize) -> Option<(usize, usize)> {
    let head = text.get(s..body)?;
    // "Париж. 18 июня. INTERFAX.RU - …"
    if let Some((a, b)) = head
        .trim_end()
        .strip_suffix(['-', '—', '–'])
        .and_then(|h| interfax(h.trim_end()))
    {
        return Some((s + a, s + b));
    }
    // "БЕЛГРАД, 13 мая. /ТАСС/. …"
    if !head.contains('(') {
        let close = head
            .trim_end()
            .trim_end_matches('.')
            .strip_suffix('/')?
            .len();
        let open = head[..close].rfind('/')?;
        let (a, b) = trimmed(head, open + 1, close)?;
        return (b > a).then_some((s + a, s + b));
    }
    let open = head.rfind('(')?;
    let close = open + head[open..].find(')')?;
    // Korean wire style names the place, then the agency: "(의성=연합뉴스)".
    let from = open + 1 + head[open + 1..close].find('=').map_or(0, |q| q + 1);
    let (a, mut b) = trimmed(head, from, close)?;
    // "(dpa/lhe)": a German agency's regional service after a slash is no part of its name.
    if let Some(k) = head[a..b].find('/') {
        let service = &head[a + k + 1..b];
        if (2..=4).contains(&service.len()) && service.chars().all(|c| c.is_ascii_lowercase()) {
            b = a + k;
        }
    }
    let agency = &head[a..b];
    let ok = (1..=3).contains(&agency.split_whitespace().count())
        && !agency.contains(|c: char| c.is_ascii_digit() || c == '=' || c == ',')
        && agency.chars().filter(|c| c.is_alphabetic()).count() >= 2;
    ok.then_some((s + a, s + b))
}

/// The place the dateline from `s` to `body` names first ("Berlin (dpa) -", "PORTO ALEGRE,
/// Brazil (AP) —", "(의성=연합뉴스) …"), as a byte range of `text`.
pub(crate) fn dateline_place(text: &str, s: usize, body: usize) -> Option<(usize, usize)> {
    let head = text.get(s..body)?;
    // A line in capitals before a dash may be a heading ("PRESS DIGEST - Ukraine"): only a
    // dateline with an agency or a date names its place for sure.
    if !head.contains('(') && !head.contains(',') {
        return None;
    }
    let (from, to) = if let Some(rest) = head.strip_prefix('(') {
        // Korean wire style: "(의성=연합뉴스)"; an agency first names no place here.
        (1, 1 + rest.find('=')?)
    } else {
        let end = [",", " (", " —", " –", " -", " _"]
            .iter()
            .filter_map(|m| head.find(m))
            .min()?;
        (0, end)
    };
    let (a, b) = trimmed(head, from, to)?;
    let place = &head[a..b];
    let ok = (1..=4).contains(&place.split_whitespace().count())
        && place
            .chars()
            .all(|c| c.is_alphabetic() || c == ' ' || c == '-' || c == '.' || c == '\'')
        && place.chars().next().is_some_and(char::is_alphabetic);
    ok.then_some((s + a, s + b))
}

/// `head[from..to]` without the spaces around it, as offsets into `head`.
fn trimmed(head: &str, from: usize, to: usize) -> Option<(usize, usize)> {
    let piece = head.get(from..to)?;
    let a = from + piece.len() - piece.trim_start().len();
    Some((a, a + piece.trim().len()))
}

#[cfg(test)]
mod dateline_tests {
    use super::{after_dateline, dateline_agency, dateline_place};

    #[test]
    fn places_in_datelines() {
        for (text, place) in [
            ("Berlin (dpa) - Die Regierung", Some("Berlin")),
            ("PORTO ALEGRE, Brazil (AP) — Rains", Some("PORTO ALEGRE")),
            (
                "(의성=연합뉴스) 김민수 기자 = 경북 의성군에서",
                Some("의성"),
            ),
            ("(ANSA) - ROMA, 03 DIC - Il governo", None),
            ("GENEVA — Negotiators met.", None),
            ("PRESS DIGEST - Ukraine - Aug 22", None),
            ("The party (which won) lost.", None),
        ] {
            let body = after_dateline(text, 0, text.len());
            let got = dateline_place(text, 0, body).map(|(a, b)| &text[a..b]);
            assert_eq!(got, place, "{text}");
        }
    }

    #[test]
    fn agencies_in_datelines() {
        for (text, agency) in [
            ("BERLIN (dpa) - Die Regierung", Some("dpa")),
            ("Kassel (dpa/lhe) - Ein Warnstreik", Some("dpa")),
            (
                "VALENCIA, 12 Ago. (EUROPA PRESS) - Un incendio",
                Some("EUROPA PRESS"),
            ),
            (
                "(의성=연합뉴스) 김민수 기자 = 경북 의성군에서",
                Some("연합뉴스"),
            ),
            ("(ANSA) - ROMA, 03 DIC - Il governo", Some("ANSA")),
            ("भुवनेश्वर, 14 नवंबर (भाषा) ओडिशा के", Some("भाषा")),
            ("KYIV, Ukraine (AP) — Officials said.", Some("AP")),
            (
                "Kiev, 19 may (Agencia Atlántica).- Al menos",
                Some("Agencia Atlántica"),
            ),
            ("GENEVA — Negotiators met (in private).", None),
            ("БЕЛГРАД, 13 мая. /ТАСС/. Народная скупщина", Some("ТАСС")),
            (
                "КИЇВ, 16 липня /Укрінформ/. Пором перекинувся",
                Some("Укрінформ"),
            ),
            ("МОСКВА, 15 апреля. Дефицит врачей", None),
            (
                "Париж. 18 июня. INTERFAX.RU - Двухдневная забастовка",
                Some("INTERFAX.RU"),
            ),
            ("The party (which won) lost.", None),
        ] {
            let body = after_dateline(text, 0, text.len());
            let got = dateline_agency(text, 0, body).map(|(a, b)| &text[a..b]);
            assert_eq!(got, agency, "{text}");
        }
    }

    #[test]
    fn datelines_are_skipped() {
        for (text, rest) in [
            ("GENEVA — Negotiators met.", "Negotiators met."),
            ("KYIV, Ukraine (AP) — Officials said.", "Officials said."),
            ("BERLIN (dpa) - Die Regierung", "Die Regierung"),
            ("Berlin (dpa) - Der Streik", "Der Streik"),
            ("Frankfurt am Main (dpa) - Die Börse", "Die Börse"),
            (
                "Die Bahn (DB) - das Unternehmen",
                "Die Bahn (DB) - das Unternehmen",
            ),
            (
                "The talks — long delayed — began.",
                "The talks — long delayed — began.",
            ),
            ("NATO - the alliance", "the alliance"),
            (
                "(의성=연합뉴스) 김민수 기자 = 경북 의성군에서 산불이 났다.",
                "경북 의성군에서 산불이 났다.",
            ),
            ("(부산=해오름통신) 17일 부산 해상에서", "17일 부산 해상에서"),
            (
                "भुवनेश्वर, 14 नवंबर (भाषा) ओडिशा के बालासोर जिले में",
                "ओडिशा के बालासोर जिले में",
            ),
            ("MUMBAI, Nov 14 (PTI) Police said", "Police said"),
            (
                "БЕЛГРАД, 13 мая. /ТАСС/. Народная скупщина",
                "Народная скупщина",
            ),
            ("МОСКВА, 15 апреля. Дефицит врачей", "Дефицит врачей"),
            (
                "КИЇВ, 16 липня /Укрінформ/. Пором перекинувся",
                "Пором перекинувся",
            ),
            ("NEW YORK, 2 people. Hurt", "NEW YORK, 2 people. Hurt"),
            ("Kiev, 19 may (EFE).- Al menos nueve", "Al menos nueve"),
            ("LIMA, 3 may (Andes) — Al menos", "Al menos"),
            (
                "(ANSA) - ROMA, 03 DIC - Il governo ha approvato",
                "Il governo ha approvato",
            ),
            (
                "VALENCIA, 12 Ago. (EUROPA PRESS) - Un incendio",
                "Un incendio",
            ),
            (
                "In 2024, the party (which won) lost.",
                "In 2024, the party (which won) lost.",
            ),
        ] {
            let at = after_dateline(text, 0, text.len());
            assert_eq!(&text[at..], rest);
        }
        let text = "SOCCER - ROTOR FANS LOCKED OUT AFTER VOLGOGRAD VIOLENCE .";
        assert_eq!(after_dateline(text, 0, text.len()), 0);
        // A closing parenthesis before the opening one.
        let text = "Republic ) 6-0 7-6 ( 7-5 ) 6-2";
        assert_eq!(after_dateline(text, 0, text.len()), 0);
    }

    proptest::proptest! {
        #[test]
        fn any_text_gives_an_offset_inside_it(
            text in "[A-Z(),=. \\-—가-힣a-z0-9)]{0,60}",
            a in 0usize..70,
            b in 0usize..70,
        ) {
            let (s, e) = (a.min(b), a.max(b));
            let at = after_dateline(&text, s, e);
            if text.get(s..e).is_some() {
                proptest::prop_assert!((s..=e).contains(&at));
                proptest::prop_assert!(text.is_char_boundary(at));
            } else {
                proptest::prop_assert_eq!(at, s);
            }
            for (x, y) in dateline_agency(&text, s, at).into_iter().chain(dateline_place(&text, s, at)) {
                proptest::prop_assert!(s <= x && x <= y && y <= at);
                proptest::prop_assert!(text.is_char_boundary(x) && text.is_char_boundary(y));
            }
        }

        #[test]
        fn wire_shaped_text_gives_an_offset_inside_it(
            text in r"[A-Z][a-z]{0,6}(, [0-9]{1,2} [a-z]{3}[.]?)? [(][A-Za-z가-힣= ]{0,10}[)][.]?[-—– ]{0,3} [A-Z가-힣][a-z]{0,5}",
        ) {
            let at = after_dateline(&text, 0, text.len());
            proptest::prop_assert!(text.is_char_boundary(at));
            for (x, y) in dateline_agency(&text, 0, at).into_iter().chain(dateline_place(&text, 0, at)) {
                proptest::prop_assert!(x <= y && y <= at);
                proptest::prop_assert!(text.is_char_boundary(x) && text.is_char_boundary(y));
            }
        }
    }
}
