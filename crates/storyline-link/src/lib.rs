//! Cross-article work: near-duplicates, entity resolution, stories, claim groups, timelines.
//!
//! Every step here sees a batch of analysed articles and never compares all pairs.
#![warn(missing_docs)]
