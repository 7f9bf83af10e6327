use serde::{Deserialize, Serialize};

use crate::{Date, Span};

/// The type of a named entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum EntityType {
    /// People, real or fictional.
    Person,
    /// Companies, agencies, institutions, armed units.
    Org,
    /// Countries, cities, states: places with a government.
    Gpe,
    /// Other places: regions, rivers, mountain ranges, continents.
    Loc,
    /// Nationalities, religious and political groups ("North Korean").
    Norp,
    /// Named events (wars, summits, elections).
    Event,
    /// Other names.
    Misc,
}

impl EntityType {
    /// Every type, in a fixed order.
    pub const ALL: [EntityType; 7] = [
        EntityType::Person,
        EntityType::Org,
        EntityType::Gpe,
        EntityType::Loc,
        EntityType::Norp,
        EntityType::Event,
        EntityType::Misc,
    ];

    /// The contract's name: `PERSON`, `ORG`, ….
    pub fn as_str(&self) -> &'static str {
        match self {
            EntityType::Person => "PERSON",
            EntityType::Org => "ORG",
            EntityType::Gpe => "GPE",
            EntityType::Loc => "LOC",
            EntityType::Norp => "NORP",
            EntityType::Event => "EVENT",
            EntityType::Misc => "MISC",
        }
    }

    /// Parses a contract name or a CoNLL label (`PER`, `LOC`, `ORG`, `MISC`).
    pub fn parse(s: &str) -> Option<EntityType> {
        Some(match s {
            "PERSON" | "PER" => EntityType::Person,
            "ORG" => EntityType::Org,
            "GPE" => EntityType::Gpe,
            "LOC" => EntityType::Loc,
            "NORP" => EntityType::Norp,
            "EVENT" => EntityType::Event,
            "MISC" => EntityType::Misc,
            _ => return None,
        })
    }
}

/// A mention of a named entity (or a pronoun or description resolved to one).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    /// Where it is.
    pub span: Span,
    /// Its type.
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// The id of the corpus [`Entity`], once resolved.
    pub entity: Option<String>,
    /// True for a pronoun or description linked to an entity by coreference.
    pub resolved: bool,
    /// A title or role stated with this mention ("NATO Secretary General").
    pub role: Option<String>,
}

/// One real-world entity across the corpus.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// Stable id.
    pub id: String,
    /// Canonical name.
    pub name: String,
    /// Type.
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// Every surface form seen, in every script.
    pub aliases: Vec<String>,
    /// Titles and roles seen with it.
    pub roles: Vec<String>,
    /// Ids of the articles that mention it.
    pub articles: Vec<String>,
}

/// How a quotation is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// A whole quoted utterance.
    Direct,
    /// A quoted fragment inside reported speech.
    Partial,
    /// Reported speech without quote marks.
    Indirect,
    /// An embedded social-media post.
    Post,
}

/// A quotation attributed to a speaker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// The content span.
    pub span: Span,
    /// Direct, partial, indirect or post.
    pub kind: QuoteKind,
    /// Entity id of the speaker, if resolved.
    pub speaker: Option<String>,
    /// The speaker's canonical name or the unresolved description.
    pub speaker_name: Option<String>,
    /// Span of the speaker mention, if there is one in the text.
    pub speaker_span: Option<Span>,
    /// The reporting verb or phrase, as written.
    pub cue: Option<String>,
    /// Span of the cue.
    pub cue_span: Option<Span>,
    /// Sources the speaker cites.
    pub via: Vec<String>,
    /// The date the quote was given, if known.
    pub date: Option<Date>,
}

/// How a quantity is stated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Hedge {
    /// "3,000".
    Exact,
    /// "around 10,000".
    Approx,
    /// "up to 12,000".
    UpTo,
    /// "at least 500".
    AtLeast,
    /// "more than 500".
    MoreThan,
    /// "fewer than 500".
    LessThan,
    /// "10,000 to 12,000".
    Range,
}

/// A quantitative claim.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// The quantity as written ("up to 12,000").
    pub span: Span,
    /// Lower bound (None = unbounded).
    pub low: Option<f64>,
    /// Upper bound (None = unbounded).
    pub high: Option<f64>,
    /// How it is stated.
    pub hedge: Hedge,
    /// What is counted ("North Korean soldiers").
    pub counted: Option<String>,
    /// Unit for money and percentages ("USD", "%").
    pub unit: Option<String>,
    /// Where, if stated.
    pub place: Option<String>,
    /// Entity id of who makes the claim.
    pub source: Option<String>,
    /// Name of who makes the claim ("the outlet" when no one is cited).
    pub source_name: String,
    /// The date the claim is attributed to.
    pub date: Option<Date>,
    /// Spans of the claims this one is derived from (empty unless derived).
    pub derived_from: Vec<Span>,
}

/// A normalised time expression.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Timex {
    /// Where it is.
    pub span: Span,
    /// TimeML/ISO value: `2024-10-25`, `XXXX-10-22`, `2024-W43`, `P3D`, `PAST_REF`, ….
    pub value: String,
    /// TimeML type: `DATE`, `TIME`, `DURATION` or `SET`.
    pub kind: String,
}

/// One value in a [`ClaimGroup`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClaimValue {
    /// Article id.
    pub article: String,
    /// Index of the claim in that article's claims.
    pub claim: usize,
    /// Lower bound.
    pub low: Option<f64>,
    /// Upper bound.
    pub high: Option<f64>,
    /// Hedge.
    pub hedge: Hedge,
    /// Who claims it.
    pub source_name: String,
    /// When.
    pub date: Option<Date>,
}

/// The claims of a story that count the same thing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClaimGroup {
    /// What is counted.
    pub counted: String,
    /// The values, in date order.
    pub values: Vec<ClaimValue>,
    /// True when some intervals do not overlap.
    pub disagree: bool,
}

/// One dated item of a story's timeline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimelineEntry {
    /// The date (or `XXXX-MM-DD` style value).
    pub date: String,
    /// Article id.
    pub article: String,
    /// What happened, as written.
    pub text: String,
}

/// A story: articles about one developing event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Story {
    /// Stable id.
    pub id: String,
    /// A title for the story.
    pub title: String,
    /// Article ids.
    pub articles: Vec<String>,
    /// Claim groups.
    pub claims: Vec<ClaimGroup>,
    /// Timeline, in date order.
    pub timeline: Vec<TimelineEntry>,
}
