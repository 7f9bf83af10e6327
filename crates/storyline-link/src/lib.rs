//! Cross-article work: near-duplicates, entity resolution, stories, claim groups, timelines.
//!
//! Every step here sees a batch of analysed articles and never compares all pairs:
//! near-duplicates come from MinHash signatures bucketed by locality-sensitive hashing,
//! entities from keys looked up in hash maps, stories from an inverted index of features.
#![warn(missing_docs)]

pub mod compare;
pub mod dedup;
pub mod gazetteer;
pub mod resolve;
pub mod speakers;
pub mod stories;

use storyline_model::{Article, Entity, Story};

/// What the corpus stages produce beside the edits to the articles.
#[derive(Debug, Default)]
pub struct Corpus {
    /// Entities resolved across the articles.
    pub entities: Vec<Entity>,
    /// Stories.
    pub stories: Vec<Story>,
}

/// Runs every corpus stage over a batch of analysed articles: marks near-duplicates
/// (`Article::duplicate_of`), resolves mentions to entities (`Mention::entity`), and
/// gives quotes and claims their speakers' entities, and groups the articles into stories.
pub fn link(articles: &mut [Article]) -> Corpus {
    let dups = dedup::near_duplicates(articles);
    for (i, d) in dups.iter().enumerate() {
        articles[i].duplicate_of = d.map(|j| articles[j].id.clone());
    }
    let entities = resolve::resolve(articles);
    speakers::attach(articles, &entities);
    let mut stories = stories::cluster(articles, &dups);
    compare::fill(&mut stories, articles);
    Corpus { entities, stories }
}
