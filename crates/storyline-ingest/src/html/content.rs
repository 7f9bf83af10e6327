//! Choosing the article body among the text blocks of a page: paragraphs score the
//! element that holds them (and half of that to its parent), elements that announce
//! the body get a bonus, and the best element, with its strong siblings, is kept.
//! Page furniture inside it and link lists are dropped.

use super::walk::{Block, NodeInfo};

/// Exact block texts that are never article prose.
const LEFTOVERS: &[&str] = &[
    "advertisement",
    "ad",
    "share",
    "share this article",
    "read more",
    "related",
    "continue reading",
    "story continues below advertisement",
    "skip to content",
];

/// The paragraphs of the article body, in page order.
pub(crate) fn select(blocks: &[Block], nodes: &[NodeInfo]) -> Vec<String> {
    let scores = score(blocks, nodes, false);
    let scores = if scores.iter().all(|s| *s <= 0.0) {
        score(blocks, nodes, true)
    } else {
        scores
    };
    let best = scores
        .iter()
        .enumerate()
        .filter(|(_, s)| **s > 0.0)
        .max_by(|a, b| a.1.total_cmp(b.1))
        .map(|(i, s)| (i, *s));
    let chosen: Vec<usize> = match best {
        Some((b, top)) => {
            let parent = nodes.get(b).map_or(b, |n| n.parent);
            let bar = (top * 0.2).max(10.0);
            (0..nodes.len())
                .filter(|&i| {
                    i == b
                        || (parent != b
                            && nodes.get(i).is_some_and(|n| n.parent == parent)
                            && scores.get(i).is_some_and(|s| *s >= bar))
                })
                .collect()
        }
        None => Vec::new(),
    };
    blocks
        .iter()
        .filter(|blk| keep(blk, nodes, &chosen))
        .map(|blk| blk.text.clone())
        .collect()
}

/// The ids from `id` up to its root, innermost first.
fn chain(nodes: &[NodeInfo], id: Option<usize>) -> impl Iterator<Item = usize> + '_ {
    let mut next = id.filter(|i| *i < nodes.len());
    std::iter::from_fn(move || {
        let cur = next?;
        // Parents always have smaller ids, so the walk ends at the root.
        next = nodes.get(cur).map(|n| n.parent).filter(|p| *p < cur);
        Some(cur)
    })
}

/// Whether a block belongs to the chosen elements (all blocks when none were chosen),
/// holds no page furniture below them, and reads as prose.
fn keep(blk: &Block, nodes: &[NodeInfo], chosen: &[usize]) -> bool {
    let mut furniture = false;
    let mut inside = chosen.is_empty();
    for id in chain(nodes, blk.node) {
        if chosen.contains(&id) {
            inside = true;
            break;
        }
        furniture |= nodes.get(id).is_some_and(|n| n.furniture);
    }
    if !inside || furniture {
        return false;
    }
    let chars = blk.text.chars().count();
    if blk.link_chars * 2 > chars {
        return false;
    }
    let lower = blk.text.to_lowercase();
    !LEFTOVERS.contains(&lower.trim_end_matches([':', '.']).trim())
}

/// Content score of every element, by id.
fn score(blocks: &[Block], nodes: &[NodeInfo], with_furniture: bool) -> Vec<f32> {
    let mut raw = vec![0.0f32; nodes.len()];
    for blk in blocks {
        let chars = blk.text.chars().count();
        let prose = matches!(blk.tag.as_str(), "p" | "blockquote" | "pre")
            || (chars >= 100 && !blk.tag.starts_with('h') && blk.tag != "li");
        if !prose || chars < 25 || blk.link_chars * 2 > chars {
            continue;
        }
        if !with_furniture
            && chain(nodes, blk.node).any(|a| nodes.get(a).is_some_and(|n| n.furniture))
        {
            continue;
        }
        let s = 1.0 + blk.text.matches(',').count() as f32 + (chars / 100).min(3) as f32;
        let parent = |id: Option<usize>| chain(nodes, id).nth(1);
        let own = if blk.tag == "p" {
            parent(blk.block_node)
        } else {
            blk.block_node
        };
        let mut add = |id: Option<usize>, v: f32| {
            if let Some(r) = id.and_then(|id| raw.get_mut(id)) {
                *r += v;
            }
        };
        add(own, s);
        add(parent(own), s / 2.0);
    }
    raw.iter()
        .zip(nodes)
        .map(|(r, n)| if *r > 0.0 { r + n.bonus } else { 0.0 })
        .collect()
}
