//! Near-duplicates: wire copy carried by several outlets, reprints with other sidebars or
//! trimmed endings, the same page crawled twice.
//!
//! Each article's body (boilerplate sentences left out) becomes a set of hashed 5-word
//! shingles; a one-permutation MinHash signature of 64 bins is bucketed by 16 bands of 4
//! rows (locality-sensitive hashing), so only articles that share a band are ever compared.
//! A candidate pair is confirmed on the exact shingle sets: the shorter text must be mostly
//! contained in the longer (a trimmed reprint is a duplicate of the full wire copy).

use std::collections::HashMap;

use storyline_model::Article;

const SHINGLE: usize = 5;
const BINS: usize = 64;
const ROWS: usize = 4;
/// Share of the shorter article's shingles that the longer one must hold.
const CONTAINMENT: f64 = 0.6;
/// Articles with fewer shingles are compared more strictly.
const SHORT: usize = 12;
/// A bucket holding more articles than this is compared only along a chain, keeping the
/// cost linear when many copies of one text arrive.
const BUCKET_CAP: usize = 32;

fn mix(mut z: u64) -> u64 {
    // splitmix64 finaliser.
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

fn word_hash(w: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for c in w.chars().flat_map(char::to_lowercase) {
        let mut buf = [0u8; 4];
        for &b in c.encode_utf8(&mut buf).as_bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

/// The sorted, deduplicated shingle hashes of an article's body, boilerplate left out.
pub fn shingles(a: &Article) -> Vec<u64> {
    let body = if a.body.is_empty() || !a.body.is_valid_in(&a.text) {
        0..a.text.len()
    } else {
        a.body.start..a.body.end
    };
    let mut words: Vec<u64> = Vec::new();
    let mut push_words = |s: &str| {
        words.extend(
            s.split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(word_hash),
        );
    };
    if a.sentences.is_empty() {
        push_words(a.text.get(body).unwrap_or(""));
    } else {
        for s in a
            .sentences
            .iter()
            .filter(|s| !s.boilerplate && s.span.start >= body.start && s.span.end <= body.end)
        {
            push_words(a.text.get(s.span.start..s.span.end).unwrap_or(""));
        }
    }
    let mut out: Vec<u64> = if words.len() < SHINGLE {
        if words.is_empty() {
            Vec::new()
        } else {
            vec![words.iter().fold(0u64, |h, w| mix(h ^ w))]
        }
    } else {
        words
            .windows(SHINGLE)
            .map(|w| w.iter().fold(0u64, |h, x| mix(h.rotate_left(7) ^ x)))
            .collect()
    };
    out.sort_unstable();
    out.dedup();
    out
}

/// One-permutation MinHash with rotation densification.
fn signature(sh: &[u64]) -> [u64; BINS] {
    let mut sig = [u64::MAX; BINS];
    for &s in sh {
        let h = mix(s);
        let bin = (h >> 58) as usize; // top 6 bits: 64 bins
        let v = h & ((1 << 58) - 1);
        if v < sig[bin] {
            sig[bin] = v;
        }
    }
    if sh.is_empty() {
        return sig;
    }
    for i in 0..BINS {
        let mut j = i;
        let mut step = 0;
        while sig[j] == u64::MAX && step < BINS {
            j = (j + 1) % BINS;
            step += 1;
        }
        if sig[i] == u64::MAX {
            sig[i] = mix(sig[j] ^ (step as u64));
        }
    }
    sig
}

fn overlap(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// True when two shingle sets are near-duplicates.
pub fn is_near_duplicate(a: &[u64], b: &[u64]) -> bool {
    let small = a.len().min(b.len());
    if small == 0 {
        return false;
    }
    let shared = overlap(a, b) as f64;
    if small < SHORT {
        let union = (a.len() + b.len()) as f64 - shared;
        return shared / union >= 0.8;
    }
    shared / small as f64 >= CONTAINMENT
}

fn find(parent: &mut [usize], mut x: usize) -> usize {
    while parent[x] != x {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    x
}

/// For each article, the index of the earliest article it nearly repeats (`None` for
/// originals). "Earliest" is by dateline, then by input order.
pub fn near_duplicates(articles: &[Article]) -> Vec<Option<usize>> {
    let n = articles.len();
    let sets: Vec<Vec<u64>> = articles.iter().map(shingles).collect();
    // (band hash, article) pairs, sorted so that each bucket is a run: cache-friendly and
    // linear in memory, where a map of buckets would scatter.
    let mut entries: Vec<(u64, u32)> = Vec::with_capacity(n * BINS / ROWS);
    for (i, sh) in sets.iter().enumerate() {
        if sh.is_empty() {
            continue;
        }
        let sig = signature(sh);
        for (band, rows) in sig.chunks(ROWS).enumerate() {
            let h = rows.iter().fold(band as u64, |h, r| mix(h ^ r));
            entries.push((h, i as u32));
        }
    }
    entries.sort_unstable();
    let mut parent: Vec<usize> = (0..n).collect();
    let mut run = 0;
    while run < entries.len() {
        let mut end = run + 1;
        while end < entries.len() && entries[end].0 == entries[run].0 {
            end += 1;
        }
        let members: Vec<usize> = entries[run..end].iter().map(|e| e.1 as usize).collect();
        for (x, &i) in members.iter().enumerate().skip(1) {
            // Compare with the bucket's first few members, and along the chain past the cap.
            let others: &[usize] = if x < BUCKET_CAP {
                &members[..x]
            } else {
                &[members[x - 1], members[0]]
            };
            for &j in others {
                if find(&mut parent, i) == find(&mut parent, j) {
                    continue;
                }
                if is_near_duplicate(&sets[i], &sets[j]) {
                    let (ri, rj) = (find(&mut parent, i), find(&mut parent, j));
                    parent[ri] = rj;
                }
            }
        }
        run = end;
    }
    // The earliest member of each group is the original.
    let order_key = |i: usize| (articles[i].date.map(|d| d.to_days()).unwrap_or(i64::MAX), i);
    let mut earliest: HashMap<usize, usize> = HashMap::new();
    for i in 0..n {
        let r = find(&mut parent, i);
        let e = earliest.entry(r).or_insert(i);
        if order_key(i) < order_key(*e) {
            *e = i;
        }
    }
    (0..n)
        .map(|i| {
            let e = earliest[&find(&mut parent, i)];
            (e != i).then_some(e)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use storyline_model::{Date, Span};

    fn art(text: &str, date: Option<&str>) -> Article {
        Article {
            text: text.to_string(),
            body: Span::new(0, text.len()),
            date: date.and_then(Date::parse),
            ..Default::default()
        }
    }

    const WIRE: &str = "Rescue teams evacuated thousands of people in southern Poland on Monday as rivers \
        swollen by days of heavy rain broke through flood barriers. At least 16 people have died across the \
        region since Friday, according to national authorities. The prime minister declared a state of natural \
        disaster and promised emergency aid. Forecasters expect the flood wave to reach the city by Wednesday, \
        and volunteers are filling sandbags along the embankments through the night.";

    #[test]
    fn trimmed_reprint_is_a_duplicate_of_the_earlier_wire_copy() {
        let trimmed = WIRE.split(" Forecasters").next().unwrap();
        let reprint = format!("Share on Facebook. {trimmed} Read more about the weather.");
        let other = "The central bank left its main interest rate unchanged on Thursday, saying that \
            inflation had slowed less than expected and that wages were still rising quickly in the services sector.";
        let arts = vec![
            art(&reprint, Some("2024-09-17")),
            art(WIRE, Some("2024-09-16")),
            art(other, Some("2024-09-16")),
        ];
        assert_eq!(near_duplicates(&arts), vec![Some(1), None, None]);
    }

    #[test]
    fn same_story_different_text_is_not_a_duplicate() {
        let b = "Floods in southern Poland have killed at least 16 people, officials said, as the army \
            joined volunteers in the fight to hold back the rising rivers and thousands of residents left their homes.";
        assert_eq!(
            near_duplicates(&[art(WIRE, None), art(b, None)]),
            vec![None, None]
        );
    }

    #[test]
    fn many_copies_stay_linear_and_grouped() {
        let arts: Vec<Article> = (0..200).map(|_| art(WIRE, None)).collect();
        let d = near_duplicates(&arts);
        assert_eq!(d[0], None);
        assert!(d[1..].iter().all(|x| *x == Some(0)));
    }
}
