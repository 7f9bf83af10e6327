//! Datelines: the place (and date and agency) that opens a wire story's body ("GENEVA —",
//! "KYIV, Ukraine (AP) —", "(의성=연합뉴스) 김민수 기자 =", "भुवनेश्वर, 14 नवंबर (भाषा)").
//! They belong to no sentence's content, and the word after one starts a clause.

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
        if letters.len() >= 2
            && letters.iter().all(|c| c.is_uppercase())
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
    // A place, a date and an agency with no dash: "भुवनेश्वर, 14 नवंबर (भाषा) …",
    // "MUMBAI, Nov 14 (PTI) …".
    let paren = head
        .find(" (")
        .and_then(|open| Some((open, open + 2 + head.get(open + 2..)?.find(") ")?)));
    if let Some((open, close)) = paren {
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
            return s + skip_space(close + 1);
        }
    }
    s
}

#[cfg(test)]
mod dateline_tests {
    use super::after_dateline;

    #[test]
    fn datelines_are_skipped() {
        for (text, rest) in [
            ("GENEVA — Negotiators met.", "Negotiators met."),
            ("KYIV, Ukraine (AP) — Officials said.", "Officials said."),
            ("BERLIN (dpa) - Die Regierung", "Die Regierung"),
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
        }
    }
}
