//! The label set (BILOU over four trained types) and decoding of label sequences to spans.

/// The types the sequence model is trained on (CoNLL's): PER, ORG, LOC, MISC.
pub const TRAINED_TYPES: [&str; 4] = ["PER", "ORG", "LOC", "MISC"];

/// Number of labels: O, then B-t, I-t, L-t and U-t for each trained type (BILOU: the
/// first, inner and last token of a name of several tokens, and a name of one token).
pub const N_LABELS: usize = 1 + 4 * TRAINED_TYPES.len();

/// The label `O` (outside any name).
pub const O: u8 = 0;

/// The `B-` label of type index `t`.
#[inline]
pub const fn begin(t: usize) -> u8 {
    (1 + 4 * t) as u8
}

/// The `I-` label of type index `t`.
#[inline]
pub const fn inside(t: usize) -> u8 {
    (2 + 4 * t) as u8
}

/// The `L-` label (last token of a longer name) of type index `t`.
#[inline]
pub const fn last(t: usize) -> u8 {
    (3 + 4 * t) as u8
}

/// The `U-` label (a name of one token) of type index `t`.
#[inline]
pub const fn unit(t: usize) -> u8 {
    (4 + 4 * t) as u8
}

/// The type index of a label, `None` for `O`.
#[inline]
pub const fn type_of(l: u8) -> Option<usize> {
    if l == O {
        None
    } else {
        Some(((l - 1) / 4) as usize)
    }
}

/// True for a label that continues a name (`I-` or `L-`).
#[inline]
pub const fn is_inside(l: u8) -> bool {
    l != O && matches!((l - 1) % 4, 1 | 2)
}

/// True for a label after which the name must go on (`B-` or `I-`).
#[inline]
pub const fn is_open(l: u8) -> bool {
    l != O && matches!((l - 1) % 4, 0 | 1)
}

/// True when `l` may follow `prev`: a name goes on (`I-`, `L-`) only after an open one of
/// its type, and an open name (`B-`, `I-`) must go on.
#[inline]
pub fn allowed(prev: u8, l: u8) -> bool {
    if is_inside(l) {
        is_open(prev) && type_of(prev) == type_of(l)
    } else {
        !is_open(prev)
    }
}

/// Rewrites labels read as `B-`/`I-` (see [`parse`]) into BILOU over the same names.
pub fn to_bilou(labels: &mut [u8]) {
    for c in chunks(labels) {
        if c.end - c.start == 1 {
            labels[c.start] = unit(c.ty);
        } else {
            labels[c.start] = begin(c.ty);
            for l in &mut labels[c.start + 1..c.end - 1] {
                *l = inside(c.ty);
            }
            labels[c.end - 1] = last(c.ty);
        }
    }
}

/// Parses a CoNLL tag (`O`, `B-PER`, `I-LOC`; IOB1 `I-` is read the same way) into a
/// `B-` or `I-` label; [`to_bilou`] then makes a sentence's labels BILOU.
pub fn parse(tag: &str) -> Option<u8> {
    if tag == "O" {
        return Some(O);
    }
    let (bio, ty) = tag.split_once('-')?;
    let t = TRAINED_TYPES.iter().position(|x| *x == ty)?;
    match bio {
        "B" => Some(begin(t)),
        "I" => Some(inside(t)),
        _ => None,
    }
}

/// The CoNLL name of a label.
pub fn name(l: u8) -> String {
    match type_of(l) {
        None => "O".to_string(),
        Some(t) => {
            let bio = if is_inside(l) { "I" } else { "B" };
            // (BILOU's L- and U- are written as CoNLL's I- and B-.)
            format!("{bio}-{}", TRAINED_TYPES.get(t).copied().unwrap_or("MISC"))
        }
    }
}

/// A decoded name: tokens `start..end` of type index `ty`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Chunk {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// Index into [`TRAINED_TYPES`].
    pub ty: usize,
}

/// Decodes a label sequence into chunks, as conlleval does: a name starts at `B-`/`U-`, or
/// at an `I-`/`L-` whose type differs from the running name's; it ends after `L-`/`U-`.
pub fn chunks(labels: &[u8]) -> Vec<Chunk> {
    let mut out = Vec::new();
    let mut open: Option<Chunk> = None;
    for (i, &l) in labels.iter().enumerate() {
        let ty = type_of(l);
        let continues = is_inside(l) && open.is_some_and(|c| Some(c.ty) == ty);
        if !continues {
            if let Some(c) = open.take() {
                out.push(c);
            }
            if let Some(t) = ty {
                open = Some(Chunk {
                    start: i,
                    end: i,
                    ty: t,
                });
            }
        }
        if let Some(c) = open.as_mut() {
            c.end = i + 1;
        }
        if l != O && (l - 1) % 4 >= 2 {
            // L- or U-: the name ends here.
            out.extend(open.take());
        }
    }
    out.extend(open);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn parse_and_name_round_trip() {
        for tag in ["O", "B-PER", "I-PER", "B-ORG", "I-LOC", "B-MISC", "I-MISC"] {
            assert_eq!(name(parse(tag).unwrap()), tag);
        }
        assert_eq!(parse("B-XYZ"), None);
        assert_eq!(parse("E-PER"), None);
    }

    #[test]
    fn chunks_follow_conlleval() {
        let tags = ["B-PER", "I-PER", "O", "I-LOC", "I-ORG", "B-ORG", "I-ORG"];
        let labels: Vec<u8> = tags.iter().map(|t| parse(t).unwrap()).collect();
        let got: Vec<(usize, usize, usize)> = chunks(&labels)
            .iter()
            .map(|c| (c.start, c.end, c.ty))
            .collect();
        assert_eq!(got, vec![(0, 2, 0), (3, 4, 2), (4, 5, 1), (5, 7, 1)]);
    }

    #[test]
    fn bilou_keeps_the_names_and_constrains_the_order() {
        let tags = ["B-PER", "I-PER", "I-PER", "O", "B-LOC", "B-ORG", "I-ORG"];
        let mut labels: Vec<u8> = tags.iter().map(|t| parse(t).unwrap()).collect();
        let before = chunks(&labels);
        to_bilou(&mut labels);
        assert_eq!(
            labels,
            vec![begin(0), inside(0), last(0), O, unit(2), begin(1), last(1)]
        );
        assert_eq!(chunks(&labels), before);
        let names: Vec<String> = labels.iter().map(|&l| name(l)).collect();
        assert_eq!(names, tags);
        assert!(allowed(begin(0), last(0)) && allowed(last(0), unit(1)));
        assert!(!allowed(begin(0), O) && !allowed(O, last(2)) && !allowed(begin(0), last(1)));
    }

    proptest! {
        #[test]
        fn chunks_are_ordered_and_in_range(labels in proptest::collection::vec(0u8..N_LABELS as u8, 0..40)) {
            let cs = chunks(&labels);
            let mut last = 0;
            for c in cs {
                prop_assert!(c.start >= last && c.start < c.end && c.end <= labels.len());
                prop_assert!(c.ty < TRAINED_TYPES.len());
                last = c.end;
            }
        }
    }
}
