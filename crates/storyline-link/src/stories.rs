//! Stories: online clustering of articles about one developing event.
//!
//! Articles are taken in date order. Each becomes a sparse vector of features: the
//! corpus entities it mentions (resolved across languages and scripts, so a German and an
//! English article about one event share them), its salient words (weighted by inverse
//! document frequency), and the large numbers it states. A new article looks only at the
//! stories that share one of its features in an inverted index, among those active within
//! the time window; the few that share the most feature weight with it are compared in
//! full, and it joins the most similar one above a threshold, or opens a new story. However
//! many stories are open at once, an article costs a bounded number of lookups. An article
//! that matches a second story as well, on two of its actors or strongly, merges it into the
//! one it joins: coverage in one language may open a story before the articles that link it
//! to the rest arrive.
//! Near-duplicates always join the story of their original.

use storyline_model::{stable_hash, Article, EntityType, HashKeyed, IdHasher, Story};

/// Cosine similarity needed to join a story.
const JOIN: f64 = 0.12;
/// Similarity to a second story at which an article merges it into the one it joins (or
/// it shares two actors with it).
const MERGE: f64 = 0.18;
/// People and organisations an article must share with a story to join it on half the
/// similarity: an article in another language that names the same actors.
const SHARED_ACTORS: usize = 2;
/// How much an entities-only match counts against a match on everything.
const ENTITY_DISCOUNT: f64 = 0.8;
/// Days a story stays open to new articles after its latest one.
const WINDOW_DAYS: i64 = 14;
/// Features kept per article.
const TOP: usize = 64;
/// Stories looked at per feature (the most recent ones), keeping the cost linear.
const POSTINGS: usize = 32;
/// An article's strongest features, used to look up candidate stories.
const PROBES: usize = 24;
/// Candidate stories compared in full with an article: those sharing the most weight.
const SHORTLIST: usize = 16;
/// A story's centroid keeps at most this many features (the strongest).
const CENTROID_CAP: usize = 256;

type Vector = Vec<(u64, f64)>;

/// A story's feature weights, keyed by the low half of each feature's hash: half the
/// memory of full keys, so the centroids of the thousands of stories open at once in a
/// large stream stay in cache. Two features of one story rarely share a low half, and when
/// they do their weights merge, as in any hashed feature space.
type Weights = std::collections::HashMap<u32, f32, std::hash::BuildHasherDefault<IdHasher>>;

fn low(k: u64) -> u32 {
    k as u32
}

/// Strongest first, ties broken by key, so no order depends on a hash map's.
fn strongest_first<K: Ord, W: Copy + Into<f64>>(a: &(K, W), b: &(K, W)) -> std::cmp::Ordering {
    b.1.into().total_cmp(&a.1.into()).then(a.0.cmp(&b.0))
}

fn feature(kind: &str, s: &str) -> u64 {
    stable_hash(&[kind.as_bytes(), s.as_bytes()])
}

/// Words too common in news to tell stories apart (a few per language of the stream).
const STOP: &[&str] = &[
    "that",
    "with",
    "from",
    "this",
    "have",
    "said",
    "were",
    "their",
    "which",
    "would",
    "there",
    "about",
    "after",
    "they",
    "been",
    "also",
    "will",
    "more",
    "than",
    "some",
    "into",
    "over",
    "could",
    "other",
    "when",
    "what",
    "told",
    "says",
    "since",
    "while",
    "where",
    "under",
    "before",
    "against",
    "between",
    "during",
    "according",
    "nach",
    "dass",
    "sich",
    "eine",
    "einer",
    "einem",
    "nicht",
    "auch",
    "noch",
    "sind",
    "wird",
    "wurde",
    "haben",
    "sagte",
    "seit",
    "über",
    "unter",
    "gegen",
    "para",
    "como",
    "pero",
    "según",
    "dijo",
    "sobre",
    "desde",
    "entre",
    "della",
    "delle",
    "sono",
    "anche",
    "dopo",
    "который",
    "также",
    "после",
    "заявил",
    "сказал",
    "більш",
    "також",
];

fn is_stop(w: &str) -> bool {
    STOP.contains(&w)
}

/// The entity features of the people and organisations an article names, once each, the
/// agency of its dateline left out.
fn actor_features(a: &Article) -> Vec<u64> {
    let mut out: Vec<u64> = a
        .mentions
        .iter()
        .filter(|m| matches!(m.kind, EntityType::Person | EntityType::Org))
        .filter(|m| !is_agency(a, m))
        .filter_map(|m| m.entity.as_deref().map(|e| feature("e", e)))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// The agency of a dateline ("Berlin (dpa) -"), which carries every kind of story.
fn is_agency(a: &Article, m: &storyline_model::Mention) -> bool {
    m.span.start < a.body.start + 120
        && a.text.get(..m.span.start).is_some_and(|h| h.ends_with('('))
        && a.text.get(m.span.end..).is_some_and(|r| r.starts_with(')'))
}

/// Raw features of an article before weighting: (feature, weight, kind). `out` and
/// `lower` are scratch space kept from one article to the next.
fn raw_features(
    a: &Article,
    out: &mut HashKeyed<(f32, Kind)>,
    lower: &mut String,
) -> Vec<(u64, f32, Kind)> {
    out.clear();
    for m in &a.mentions {
        if is_agency(a, m) {
            continue;
        }
        if let Some(e) = &m.entity {
            let w = match m.kind {
                EntityType::Person | EntityType::Org | EntityType::Event => 3.0,
                EntityType::Gpe | EntityType::Loc => 1.5,
                _ => 1.0,
            };
            out.entry(feature("e", e)).or_insert((0.0, Kind::Entity)).0 += w;
        }
        // The country a place stands for, or one named inside an organisation's name
        // ("Instituto Geofísico del Perú"): stories meet through it across languages.
        let text = a.text.get(m.span.start..m.span.end).unwrap_or("");
        let country = match m.kind {
            EntityType::Gpe | EntityType::Loc => crate::gazetteer::country(text, &a.lang),
            EntityType::Org if text.split_whitespace().count() >= 3 => text
                .split_whitespace()
                .skip(1)
                .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
                .find_map(|w| crate::gazetteer::country(w, &a.lang)),
            _ => None,
        };
        if let Some(c) = country {
            out.entry(feature("c", &c.code))
                .or_insert((0.0, Kind::Entity))
                .0 += 1.0;
        }
    }
    let body = a
        .text
        .get(a.body.start..a.body.end)
        .filter(|b| !b.is_empty())
        .unwrap_or(&a.text);
    for w in body.split(|c: char| !c.is_alphanumeric() && c != ',' && c != '.') {
        let w = w.trim_matches(|c| c == ',' || c == '.');
        if w.is_empty() {
            continue;
        }
        if w.chars().next().is_some_and(|c| c.is_ascii_digit()) {
            let digits: String = w.chars().filter(char::is_ascii_digit).collect();
            if digits.len() >= 3
                && !(digits.len() == 4 && (digits.starts_with("19") || digits.starts_with("20")))
            {
                out.entry(feature("n", &digits))
                    .or_insert((0.0, Kind::Number))
                    .0 += 1.0;
            }
            continue;
        }
        if w.chars().count() < 4 {
            continue;
        }
        lower.clear();
        lower.extend(w.chars().flat_map(char::to_lowercase));
        if is_stop(lower) {
            continue;
        }
        out.entry(feature("w", lower))
            .or_insert((0.0, Kind::Word))
            .0 += 1.0;
    }
    out.iter().map(|(&k, &(w, kind))| (k, w, kind)).collect()
}

fn norm(v: &[(u64, f64)]) -> f64 {
    v.iter().map(|(_, w)| w * w).sum::<f64>().sqrt()
}

fn weights_norm(w: &Weights) -> f64 {
    w.values()
        .map(|&w| f64::from(w) * f64::from(w))
        .sum::<f64>()
        .sqrt()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Entity,
    Number,
    Word,
}

#[derive(Default)]
struct Cluster {
    articles: Vec<usize>,
    /// The people and organisations its articles name (entity features).
    actors: std::collections::HashSet<u64, std::hash::BuildHasherDefault<IdHasher>>,
    centroid: Weights,
    norm: f64,
    /// The entity features alone: articles in different languages share these.
    entities: Weights,
    entities_norm: f64,
    last_day: Option<i64>,
    /// The article whose title names the story, chosen when the story closes.
    title: Option<usize>,
}

impl Cluster {
    fn add(&mut self, v: &Vector, ents: &Vector, actors: &[u64], day: Option<i64>) {
        self.actors.extend(actors.iter().copied());
        for (k, w) in v {
            *self.centroid.entry(low(*k)).or_default() += *w as f32;
        }
        for (k, w) in ents {
            *self.entities.entry(low(*k)).or_default() += *w as f32;
        }
        self.entities_norm = weights_norm(&self.entities);
        if self.centroid.len() > 2 * CENTROID_CAP {
            let mut all: Vec<(u32, f32)> = self.centroid.drain().collect();
            all.sort_by(strongest_first);
            all.truncate(CENTROID_CAP);
            self.centroid = all.into_iter().collect();
        }
        self.norm = weights_norm(&self.centroid);
        self.last_day = match (self.last_day, day) {
            (Some(a), Some(b)) => Some(a.max(b)),
            (a, b) => a.or(b),
        };
    }

    /// Takes in every article of `other`, a story that an article has just shown to be this
    /// one.
    fn absorb(&mut self, other: &mut Cluster) {
        self.articles.append(&mut other.articles);
        self.actors.extend(other.actors.drain());
        for (k, w) in other.centroid.drain() {
            *self.centroid.entry(k).or_default() += w;
        }
        for (k, w) in other.entities.drain() {
            *self.entities.entry(k).or_default() += w;
        }
        self.entities_norm = weights_norm(&self.entities);
        self.norm = weights_norm(&self.centroid);
        self.last_day = self.last_day.max(other.last_day);
        other.norm = 0.0;
        other.entities_norm = 0.0;
    }

    /// Similarity of an article to the story: over all features, or over the entities
    /// alone (slightly discounted) when that is higher, so that an article in another
    /// language that names the same people and places joins.
    fn similarity(&self, v: &Vector, vn: f64, ents: &Vector, en: f64) -> f64 {
        let e = if self.entities_norm == 0.0 || en == 0.0 {
            0.0
        } else {
            ents.iter()
                .map(|(k, w)| w * f64::from(self.entities.get(&low(*k)).copied().unwrap_or(0.0)))
                .sum::<f64>()
                / (self.entities_norm * en)
        };
        self.cosine(v, vn).max(ENTITY_DISCOUNT * e)
    }

    fn cosine(&self, v: &Vector, vn: f64) -> f64 {
        if self.norm == 0.0 || vn == 0.0 {
            return 0.0;
        }
        v.iter()
            .map(|(k, w)| w * f64::from(self.centroid.get(&low(*k)).copied().unwrap_or(0.0)))
            .sum::<f64>()
            / (self.norm * vn)
    }
}

/// Groups articles into stories. `duplicate_of[i]` names the original of article `i`.
pub fn cluster(articles: &[Article], duplicate_of: &[Option<usize>]) -> Vec<Story> {
    let n = articles.len();
    let (mut scratch, mut lower) = (HashKeyed::default(), String::new());
    let raws: Vec<Vec<(u64, f32, Kind)>> = articles
        .iter()
        .map(|a| raw_features(a, &mut scratch, &mut lower))
        .collect();
    drop(scratch);
    let actors: Vec<Vec<u64>> = articles.iter().map(actor_features).collect();
    let mut df: HashKeyed<u32> = HashKeyed::default();
    for r in &raws {
        for (k, _, _) in r {
            *df.entry(*k).or_default() += 1;
        }
    }
    let total = n.max(1) as f64;
    // Each article's strongest features, and its entity features alone; the raw
    // features are dropped as they are weighted.
    let (vectors, entity_vectors): (Vec<Vector>, Vec<Vector>) = raws
        .into_iter()
        .map(|r| {
            let mut v: Vector = Vec::with_capacity(r.len());
            let mut ents: Vector = Vec::new();
            for (k, w, kind) in r {
                let d = df[&k];
                let weight = (1.0 + f64::from(w).ln()) * (1.0 + (total / f64::from(d)).ln());
                if kind == Kind::Entity {
                    ents.push((k, weight));
                }
                if kind != Kind::Word || d > 1 || n == 1 {
                    v.push((k, weight));
                }
            }
            v.sort_by(strongest_first);
            v.truncate(TOP);
            v.shrink_to_fit();
            ents.sort_by(strongest_first);
            (v, ents)
        })
        .unzip();
    drop(df);
    // An undated article is taken in turn with the dated article before it in the input
    // (or after it, at the start): streams and folders keep related copy together.
    let mut effective: Vec<Option<i64>> = articles
        .iter()
        .map(|a| a.date.map(|d| d.to_days()))
        .collect();
    let mut last = None;
    for e in effective.iter_mut() {
        if e.is_none() {
            *e = last;
        }
        last = *e;
    }
    let mut next = None;
    for e in effective.iter_mut().rev() {
        if e.is_none() {
            *e = next;
        }
        next = *e;
    }
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by_key(|&i| {
        (
            effective[i].unwrap_or(i64::MAX),
            articles[i].date.is_none(),
            i,
        )
    });
    let mut clusters: Vec<Cluster> = Vec::new();
    // A story merged into another points at it.
    let mut merged_into: Vec<usize> = Vec::new();
    let root = |merged_into: &[usize], mut c: usize| {
        while merged_into[c] != c {
            c = merged_into[c];
        }
        c
    };
    let mut story_of: Vec<Option<usize>> = vec![None; n];
    let mut index: HashKeyed<Vec<u32>> = HashKeyed::default();
    let mut swept_at: Option<i64> = None;
    // Per story, the summed weights of the probes that found it (zero between articles).
    let mut overlap: Vec<f64> = Vec::new();
    let mut touched: Vec<usize> = Vec::new();
    for i in order {
        let v = &vectors[i];
        let ents = &entity_vectors[i];
        let day = articles[i].date.map(|d| d.to_days());
        // Stories idle for longer than the window are closed: out of the index, centroid
        // dropped. The working set stays that of the window, so the cost per article does
        // not grow with the corpus.
        if let Some(d) = day {
            if swept_at.is_none_or(|s| d - s > WINDOW_DAYS) {
                index.retain(|_, p| {
                    p.retain(|&c| {
                        clusters[c as usize]
                            .last_day
                            .is_none_or(|l| d - l <= WINDOW_DAYS)
                    });
                    !p.is_empty()
                });
                for c in clusters
                    .iter_mut()
                    .filter(|c| c.last_day.is_some_and(|l| d - l > WINDOW_DAYS))
                {
                    if !c.centroid.is_empty() {
                        c.title = title_article(articles, c, &vectors);
                        c.centroid = Weights::default();
                        c.entities = Weights::default();
                        c.actors = Default::default();
                    }
                }
                swept_at = Some(d);
            }
        }
        let original = duplicate_of
            .get(i)
            .copied()
            .flatten()
            .and_then(|o| story_of[o])
            .map(|c| root(&merged_into, c));
        let mut bridged: Vec<usize> = Vec::new();
        let chosen = original.or_else(|| {
            let vn = norm(v);
            let en = norm(ents);
            // The strongest features, and every entity: an article in another language
            // shares few words with its story but names the same people and places. Each
            // story found gets the weights of the probes that found it; only the best few
            // are then compared in full, so the cost per article stays bounded however
            // many stories are open at once.
            for (k, w) in v.iter().take(PROBES).chain(ents.iter().take(PROBES)) {
                for &c in index.get(k).into_iter().flatten() {
                    let c = root(&merged_into, c as usize);
                    if overlap[c] == 0.0 {
                        touched.push(c);
                    }
                    overlap[c] += w;
                }
            }
            let mut shortlist: Vec<(usize, f64)> = touched
                .drain(..)
                .map(|c| (c, std::mem::take(&mut overlap[c])))
                .filter(|&(c, _)| match (clusters[c].last_day, day) {
                    (Some(a), Some(b)) => (b - a).abs() <= WINDOW_DAYS,
                    _ => true,
                })
                .collect();
            if shortlist.len() > SHORTLIST {
                shortlist.select_nth_unstable_by(SHORTLIST - 1, strongest_first);
                shortlist.truncate(SHORTLIST);
            }
            let mut scored: Vec<(usize, f64, bool)> = shortlist
                .into_iter()
                .map(|(c, _)| {
                    let s = clusters[c].similarity(v, vn, ents, en);
                    let shared = actors[i]
                        .iter()
                        .filter(|k| clusters[c].actors.contains(k))
                        .count();
                    // Two people or bodies in common lift a weak match over the line.
                    let lifted = shared >= SHARED_ACTORS && s >= JOIN / 2.0;
                    // Merging a second story takes more: two actors in common, or a
                    // strong match.
                    let merges = shared >= SHARED_ACTORS || s >= MERGE;
                    (c, if lifted { s.max(JOIN) } else { s }, merges)
                })
                .filter(|(_, s, _)| *s >= JOIN)
                .collect();
            scored.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            // An article that belongs as well to another story shows the two are one: a
            // story opened in one language before the coverage that links it arrived.
            bridged = scored
                .iter()
                .skip(1)
                .filter(|(_, _, merges)| *merges)
                .map(|(c, _, _)| *c)
                .collect();
            scored.first().map(|(c, _, _)| *c)
        });
        let c = chosen.unwrap_or_else(|| {
            clusters.push(Cluster::default());
            overlap.push(0.0);
            merged_into.push(clusters.len() - 1);
            clusters.len() - 1
        });
        for b in bridged {
            let mut other = std::mem::take(&mut clusters[b]);
            clusters[c].absorb(&mut other);
            merged_into[b] = c;
        }
        clusters[c].articles.push(i);
        clusters[c].add(v, ents, &actors[i], day);
        story_of[i] = Some(c);
        for (k, _) in v.iter().chain(ents.iter()) {
            let p = index.entry(*k).or_default();
            let c = c as u32;
            if let Some(pos) = p.iter().position(|&x| x == c) {
                // Keep the most recently active stories at the end.
                p.remove(pos);
            }
            p.push(c);
            if p.len() > POSTINGS {
                p.remove(0);
            }
        }
    }
    clusters
        .into_iter()
        .filter(|c| !c.articles.is_empty())
        .map(|c| {
            let mut ids: Vec<usize> = c.articles.clone();
            ids.sort_unstable();
            let title = story_title(articles, &c, &vectors);
            let key: Vec<&[u8]> = ids.iter().map(|&i| articles[i].id.as_bytes()).collect();
            Story {
                id: format!("s{:012x}", stable_hash(&key) >> 16),
                title,
                articles: ids.iter().map(|&i| articles[i].id.clone()).collect(),
                claims: Vec::new(),
                timeline: Vec::new(),
            }
        })
        .collect()
}

/// The article closest to the story's centre that has a title, English preferred.
fn title_article(articles: &[Article], c: &Cluster, vectors: &[Vector]) -> Option<usize> {
    c.articles
        .iter()
        .filter(|&&i| {
            articles[i]
                .title
                .as_deref()
                .is_some_and(|t| !t.trim().is_empty())
        })
        .map(|&i| {
            (
                articles[i].lang == "en",
                (c.cosine(&vectors[i], norm(&vectors[i])) * 1e6) as i64,
                std::cmp::Reverse(i),
            )
        })
        .max()
        .map(|x| x.2 .0)
}

/// The story's title: its title article's, else the opening words of its first article.
fn story_title(articles: &[Article], c: &Cluster, vectors: &[Vector]) -> String {
    match c.title.or_else(|| title_article(articles, c, vectors)) {
        Some(i) => articles[i]
            .title
            .as_deref()
            .unwrap_or("")
            .trim()
            .to_string(),
        None => {
            let a = &articles[c.articles[0]];
            let body = a
                .text
                .get(a.body.start..a.body.end)
                .filter(|b| !b.is_empty())
                .unwrap_or(&a.text);
            let words: Vec<&str> = body.split_whitespace().take(12).collect();
            format!("{}…", words.join(" "))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::resolve::resolve;
    use crate::resolve::tests::art;
    use storyline_model::EntityType::{Gpe, Person};

    #[test]
    fn two_events_two_stories_across_languages() {
        let mut arts = vec![
            art("a", "en", "Volodymyr Zelensky said 11,000 North Korean soldiers are in Kursk. Russia denies troops deployment claims.", &[("Volodymyr Zelensky", Person), ("Kursk", Gpe), ("Russia", Gpe)]),
            art("b", "de", "Wolodymyr Selenskyj sagte, 11.000 Soldaten aus Nordkorea seien in Kursk. Russland schweigt.", &[("Wolodymyr Selenskyj", Person), ("Kursk", Gpe), ("Nordkorea", Gpe)]),
            art("c", "en", "Floods in Wroclaw: Donald Tusk declared a disaster as the Oder rose and 16 people died in floods.", &[("Donald Tusk", Person), ("Wroclaw", Gpe)]),
            art("d", "en", "Donald Tusk visited Wroclaw again as the floods on the Oder receded; floods damage is large.", &[("Donald Tusk", Person), ("Wroclaw", Gpe)]),
        ];
        resolve(&mut arts);
        let stories = cluster(&arts, &[None, None, None, None]);
        let mut groups: Vec<Vec<String>> = stories.iter().map(|s| s.articles.clone()).collect();
        groups.sort();
        assert_eq!(
            groups,
            vec![
                vec!["a".to_string(), "b".into()],
                vec!["c".into(), "d".into()]
            ]
        );
    }

    #[test]
    fn two_actors_in_common_join_an_article_in_another_language() {
        use storyline_model::EntityType::Org;
        let mut arts = vec![
            art("a", "en", "Energy minister Oksana Melnyk said Southgrid cut power to 380,000 homes in Odesa and Mykolaiv as the heatwave hit Italy, Spain and Greece; Rome and Madrid rationed water and Athens closed the Acropolis.", &[("Oksana Melnyk", Person), ("Southgrid", Org), ("Odesa", Gpe), ("Mykolaiv", Gpe), ("Italy", Gpe), ("Spain", Gpe), ("Greece", Gpe), ("Rome", Gpe), ("Madrid", Gpe), ("Athens", Gpe)]),
            art("b", "uk", "Міністерка Оксана Мельник повідомила, що Southgrid відновила живлення у Харкові, Полтаві, Сумах, Черкасах і Вінниці; Укренерго та ДТЕК попередили про нові графіки відключень через спеку і ремонти на підстанціях. Ігор Коваль, Марія Бойко, Петро Савчук і Олена Шевчук з Нафтогазу обговорили запаси газу.", &[("Оксана Мельник", Person), ("Southgrid", Org), ("Харкові", Gpe), ("Полтаві", Gpe), ("Сумах", Gpe), ("Черкасах", Gpe), ("Вінниці", Gpe), ("Укренерго", Org), ("ДТЕК", Org), ("Ігор Коваль", Person), ("Марія Бойко", Person), ("Петро Савчук", Person), ("Нафтогаз", Org), ("Олена Шевчук", Person)]),
        ];
        resolve(&mut arts);
        let stories = cluster(&arts, &[None, None]);
        assert_eq!(stories.len(), 1, "{stories:?}");
    }

    #[test]
    fn an_article_naming_the_actors_of_two_stories_merges_them() {
        use storyline_model::EntityType::Org;
        // The Russian report names other people than the English one; the German one that
        // comes next names the actors of both: one story.
        let mut arts = vec![
            art("a", "en", "Interior minister Ruth Adeyemi said the Kestrel Pipeline Company leak fouled creeks near Bonny, and fishermen counted dead fish for miles.", &[("Ruth Adeyemi", Person), ("Kestrel Pipeline Company", Org), ("Bonny", Gpe)]),
            art("b", "ru", "Глава компании Мирамар Дмитрий Орлов заявил, что танкер ушёл из порта до утечки; страховщики ждут отчёта.", &[("Мирамар", Org), ("Дмитрий Орлов", Person)]),
            art("c", "de", "Ministerin Ruth Adeyemi macht die Kestrel Pipeline Company verantwortlich; Miramar-Chef Dmitri Orlow weist jede Schuld zurück. Miramar und Kestrel Pipeline Company streiten.", &[("Ruth Adeyemi", Person), ("Kestrel Pipeline Company", Org), ("Miramar", Org), ("Dmitri Orlow", Person)]),
        ];
        resolve(&mut arts);
        let two = cluster(&arts[..2], &[None, None]);
        assert_eq!(two.len(), 2, "{two:?}");
        let stories = cluster(&arts, &[None, None, None]);
        assert_eq!(stories.len(), 1, "{stories:?}");
    }

    #[test]
    fn an_agency_in_two_datelines_joins_no_stories() {
        use storyline_model::EntityType::Org;
        let mut arts = vec![
            art(
                "a",
                "de",
                "Berlin (dpa) - Der Bahnstreik legt den Fernverkehr lahm.",
                &[("dpa", Org), ("Berlin", Gpe)],
            ),
            art(
                "b",
                "de",
                "Regensburg (dpa) - Die Grünen gewinnen die Stichwahl.",
                &[("dpa", Org), ("Regensburg", Gpe)],
            ),
        ];
        resolve(&mut arts);
        let stories = cluster(&arts, &[None, None]);
        assert_eq!(stories.len(), 2, "{stories:?}");
    }

    #[test]
    fn a_country_inside_an_organisations_name_joins_stories() {
        use storyline_model::EntityType::Org;
        let mut arts = vec![
            art("a", "en", "A strong earthquake shook southern Peru on Sunday.", &[("Peru", Gpe)]),
            art("b", "es", "El Instituto Geofísico del Perú registró réplicas del sismo.", &[("Instituto Geofísico del Perú", Org)]),
            art("c", "en", "Floods in Wroclaw: Donald Tusk declared a disaster as the Oder rose and 16 people died in floods.", &[("Donald Tusk", Person), ("Wroclaw", Gpe)]),
        ];
        resolve(&mut arts);
        let stories = cluster(&arts, &[None, None, None]);
        let with_b = stories
            .iter()
            .find(|s| s.articles.contains(&"b".to_string()))
            .map(|s| s.articles.clone());
        assert_eq!(with_b, Some(vec!["a".to_string(), "b".into()]));
    }

    #[test]
    fn many_open_stories_each_article_finds_its_own() {
        // Forty stories open at once, all written with the same common words: every
        // article finds far more candidate stories than are compared in full, and must
        // still pick the one that shares its own words.
        let letter = |i: usize| char::from(b'a' + (i % 26) as u8);
        let topic =
            |k: usize, j: usize| format!("kal{}{}mor{}", letter(k / 26), letter(k), letter(j));
        let mut arts = Vec::new();
        for round in 0..3 {
            for k in 0..40 {
                let text = format!(
                    "Officials reported further developments: {} {} {} {} {}.",
                    topic(k, 0),
                    topic(k, 1),
                    topic(k, 2),
                    topic(k, 3),
                    topic(k, 4 + round)
                );
                arts.push(art(&format!("s{k}r{round}"), "en", &text, &[]));
            }
        }
        let none = vec![None; arts.len()];
        let stories = cluster(&arts, &none);
        assert_eq!(stories.len(), 40);
        for s in &stories {
            let story = s.articles[0].split('r').next().unwrap().to_string();
            assert!(s
                .articles
                .iter()
                .all(|a| a.starts_with(&format!("{story}r"))));
            assert_eq!(s.articles.len(), 3);
        }
    }
}
