//! placeholder

#[test]
fn debug_print() {
    let text = std::env::var("QTEXT").unwrap_or_default();
    let a = storyline_model::Article {
        text: text.clone(),
        lang: "en".into(),
        ..Default::default()
    };
    for q in super::extract(&a) {
        eprintln!(
            "{:?} | {:?} | {:?} | {:?} | via {:?}",
            q.kind,
            q.speaker_name,
            q.cue,
            &text[q.span.start..q.span.end],
            q.via
        );
    }
}
