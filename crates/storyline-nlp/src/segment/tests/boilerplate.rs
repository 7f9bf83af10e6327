use super::*;

/// The boilerplate flag of each paragraph's first sentence.
fn flags(text: &str) -> Vec<bool> {
    let seg = segment(text, "en");
    (0..seg.paragraphs.len())
        .map(|p| {
            seg.sentences
                .iter()
                .find(|s| s.paragraph == p)
                .is_some_and(|s| s.boilerplate)
        })
        .collect()
}

#[test]
fn boilerplate_lines() {
    let cases = [
        ("Share on Facebook", true),
        ("Share this article | Tweet | Email", true),
        ("Tweet", true),
        ("Read more: Floods close roads across the north", true),
        ("READ MORE: Council approves new budget", true),
        (
            "Sign up for our morning newsletter to get the news in your inbox.",
            true,
        ),
        ("Subscribe to our daily briefing", true),
        (
            "We use cookies to improve your experience. By browsing you accept them.",
            true,
        ),
        ("© 2024 Example Media. All rights reserved.", true),
        ("Copyright 2024 Example News Ltd", true),
        (
            "From THE LONG ROAD by Jane Doe. Copyright © 2023 by Jane Doe.",
            true,
        ),
        ("Follow Jane Doe on Twitter @janedoe.", true),
        (
            "Following the vote, the council adjourned until Friday, officials said.",
            false,
        ),
        ("USD 41.20 ▲0.3% EUR 44.85 ▼0.1% GBP 53.10", true),
        ("EUR/USD 1.0842 +0.12% | DAX 19,421 -0.4%", true),
        // Prose with the same words is not boilerplate.
        (
            "The company will share its results on Facebook next week, officials said.",
            false,
        ),
        (
            "Readers who subscribe to the paper rose by 3,000 in a year, the report said.",
            false,
        ),
        (
            "The dollar rose to 41.20 hryvnias, the central bank said on Monday.",
            false,
        ),
        ("Related talks will continue in Geneva next month.", false),
    ];
    for (line, expected) in cases {
        let text = format!("The mayor spoke on Monday.\n{line}\nShe left early.");
        assert_eq!(flags(&text), [false, expected, false], "{line:?}");
    }
}

#[test]
fn related_lists() {
    let text = "The mayor spoke on Monday.\n\
                Related:\n\
                Floods close roads across the north\n\
                Council approves new budget\n\
                The storm is expected to pass by Friday, forecasters said.";
    assert_eq!(flags(text), [false, true, true, true, false]);
    let text = "See also\nBridge reopens after repairs\n\nThe mayor spoke on Monday.";
    assert_eq!(flags(text), [true, true, false]);
}
