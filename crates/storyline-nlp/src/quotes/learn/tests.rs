//! Tests of the learned cue detector and its roles.

use proptest::prelude::*;
use storyline_model::{Article, Span};

use super::super::{extract, lexicon, text};
use super::{embedded, gold_labels, inside, CueModel, Words};
use crate::quotes::learn::roles::Between;

fn en(text: &str) -> Article {
    Article {
        text: text.into(),
        lang: "en".into(),
        ..Default::default()
    }
}

#[test]
fn embedded_model_loads_and_round_trips() {
    let m = embedded().expect("the embedded cue model loads");
    let bytes = m.to_bytes();
    let again = CueModel::from_bytes(&bytes).expect("its bytes load again");
    assert_eq!(again.to_bytes(), bytes);
}

#[test]
fn damaged_models_are_refused() {
    let bytes = embedded().expect("model").to_bytes();
    assert!(CueModel::from_bytes(&[]).is_none());
    assert!(CueModel::from_bytes(&bytes[..bytes.len() / 2]).is_none());
    let mut flipped = bytes.clone();
    flipped[40] ^= 0x55;
    assert!(CueModel::from_bytes(&flipped).is_none());
    let mut other = bytes;
    other[0] = b'X';
    assert!(CueModel::from_bytes(&other).is_none());
}

#[test]
fn learned_cue_with_its_roles() {
    // "have long argued": the detector takes the adverb into the cue, the roles find the
    // source before it and the clause after it ("that" included, as PolNeAR marks it).
    let t = "Critics have long argued that the tunnel would cost twice as much as planned.";
    let m = embedded().expect("model");
    let lex = lexicon::for_lang("en");
    let toks = text::tokens(t, Span::new(0, t.len()));
    let q = inside(&toks, &[]);
    let cues = m.cues(&toks, &q, lex);
    let Some(&((s, e), _)) = cues.first() else {
        panic!("no cue in {t:?}");
    };
    assert!(toks[s..e].iter().any(|x| x.lower == "argued"));
    let r = m.roles(&Words::new(&toks), &Between::new(&toks), &q, (s, e));
    assert_eq!(r.source, Some((0, 1)));
    let (c0, c1) = (r.content[0].0, r.content[r.content.len() - 1].1);
    assert_eq!(
        &t[toks[c0].span.start..toks[c1 - 1].span.end],
        "that the tunnel would cost twice as much as planned"
    );
}

#[test]
fn gold_cues_become_begin_and_inside_labels() {
    let t = "The mayor said in a statement that roads will close.";
    let toks = text::tokens(t, Span::new(0, t.len()));
    let s = t.find("said").unwrap_or(0);
    let e = t.find(" that").unwrap_or(0);
    let labels = gold_labels(&toks, &[Span::new(s, e)]);
    assert_eq!(labels, vec![0, 0, 1, 2, 2, 2, 0, 0, 0, 0, 0]);
}

#[test]
fn cues_get_their_clause() {
    // Cues the lexicon knows too; the learned roles must keep them working.
    for (text, cue, content) in [
        (
            "Critics have long argued that the tunnel would cost twice as much as planned.",
            "argued",
            "the tunnel would cost",
        ),
        (
            "The senator accused the agency of hiding the cost of the new dam from voters.",
            "accused",
            "the agency of hiding",
        ),
    ] {
        let q = extract(&en(text));
        let hit = q.iter().any(|q| {
            q.cue.as_deref().is_some_and(|c| c.contains(cue))
                && q.span.slice(text).contains(content)
        });
        assert!(hit, "{text}: {q:?}");
    }
}

proptest! {
    #[test]
    fn cues_and_roles_stay_in_the_sentence(text in "[a-zA-Z ,.:;\"“”'é—-]{0,120}", a in 0usize..40, n in 1usize..4) {
        let m = embedded().expect("model");
        let lex = lexicon::for_lang("en");
        let toks = text::tokens(&text, Span::new(0, text.len()));
        let q = inside(&toks, &[]);
        for ((s, e), _) in m.cues(&toks, &q, lex) {
            prop_assert!(s < e && e <= toks.len());
        }
        let ws = Words::new(&toks);
        let bt = Between::new(&toks);
        let r = m.roles(&ws, &bt, &q, (a, a + n));
        for (s, e) in r.content.iter().copied().chain(r.source) {
            prop_assert!(s < e && e <= toks.len());
        }
    }
}

#[test]
fn an_ensemble_averages_runs_and_learns_a_cue() {
    use super::{train, train_ensemble};
    use crate::quotes::eval::Gold;
    // Articles the team wrote, each with one attribution: "X fumed that …".
    let docs: Vec<(Article, Vec<Gold>)> = [
        (
            "Mayor Ana Ruiz fumed that the budget was late.",
            "fumed",
            "Mayor Ana Ruiz",
        ),
        (
            "The union fumed that wages had stalled again.",
            "fumed",
            "The union",
        ),
        (
            "Critics fumed that the bridge would cost more.",
            "fumed",
            "Critics",
        ),
        (
            "Farmers fumed that rain had ruined the harvest.",
            "fumed",
            "Farmers",
        ),
    ]
    .iter()
    .map(|(t, cue, src)| {
        let at = |w: &str| {
            let s = t.find(w).unwrap();
            Span::new(s, s + w.len())
        };
        let c = at(cue).end + 1;
        let gold = Gold {
            content: vec![Span::new(c, t.len() - 1)],
            source: vec![at(src)],
            cue: vec![at(cue)],
        };
        (en(t), vec![gold])
    })
    .collect();
    let (one, _) = train(&docs, &[], 4, 12, 3);
    let (avg, report) = train_ensemble(&docs, &docs, 4, 12, 3, 2);
    // One run is the first member of the ensemble; the average differs from it and is
    // scored once on the documents given.
    assert_ne!(one.to_bytes(), avg.to_bytes());
    assert_eq!(report.epochs.len(), 1);
    let lex = lexicon::for_lang("en");
    let t = "Neighbours fumed that the noise went on all night.";
    let toks = text::tokens(t, Span::new(0, t.len()));
    let cues = avg.cues(&toks, &inside(&toks, &[]), lex);
    assert!(cues
        .iter()
        .any(|((s, e), _)| toks[*s..*e].iter().any(|x| x.lower == "fumed")));
}
