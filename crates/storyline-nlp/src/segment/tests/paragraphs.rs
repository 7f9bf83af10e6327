use super::*;

fn paragraphs(text: &str) -> Vec<&str> {
    segment(text, "en")
        .paragraphs
        .iter()
        .map(|p| p.slice(text))
        .collect()
}

#[test]
fn blank_lines_and_single_lines() {
    assert_eq!(
        paragraphs("One.\n\nTwo.\n\n\nThree."),
        ["One.", "Two.", "Three."]
    );
    // One paragraph per line, headline first.
    assert_eq!(
        paragraphs("Storm hits coast\nThe storm arrived at dawn.\nRoads were closed."),
        [
            "Storm hits coast",
            "The storm arrived at dawn.",
            "Roads were closed."
        ]
    );
    assert_eq!(
        paragraphs("  padded  \r\n\r\n  lines\t"),
        ["padded", "lines"]
    );
    assert!(paragraphs("").is_empty());
    assert!(paragraphs(" \n \n").is_empty());
}

#[test]
fn hard_wrapped_prose_is_one_paragraph() {
    let text = "The council met on Monday evening to discuss the new budget for\n\
                the coming year, which includes cuts to road maintenance and a\n\
                modest rise in spending on schools.\n\n\
                A second paragraph follows here.";
    assert_eq!(
        paragraphs(text),
        [
            &text[..text.find("\n\n").unwrap()],
            "A second paragraph follows here."
        ]
    );
    let seg = segment(text, "en");
    assert_eq!(seg.sentences.len(), 2);
    assert_eq!(seg.sentences[0].paragraph, 0);
    assert_eq!(seg.sentences[1].paragraph, 1);
}

#[test]
fn sentences_stay_in_their_paragraph() {
    let text = "He said\nthe end. Then more.";
    let seg = segment(text, "en");
    for s in &seg.sentences {
        assert!(seg.paragraphs[s.paragraph].contains(&s.span));
    }
}
