use rayon::prelude::*;
use storyline_model::{Article, Date, DateSource, Diagnostic, Entity, RawArticle, Span, Story};
use storyline_nlp::{claims, lang, ner, normalize, quotes, segment, timex};

/// How a run is configured.
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// The dateline for articles that carry none (`--date`).
    pub date: Option<Date>,
}

/// Everything a run produced.
#[derive(Debug, Default)]
pub struct Output {
    /// The analysed articles, in input order.
    pub articles: Vec<Article>,
    /// Entities resolved across the articles.
    pub entities: Vec<Entity>,
    /// Stories.
    pub stories: Vec<Story>,
    /// Problems with the inputs.
    pub diagnostics: Vec<Diagnostic>,
}

/// The built pipeline: models loaded, ready to analyse.
#[derive(Debug)]
pub struct Pipeline {
    config: Config,
    tagger: ner::Tagger,
}

/// How many articles are analysed together in parallel.
const BATCH: usize = 256;

/// A stable id for an article: its own id if the input gave one, else a hash of its content.
pub fn article_id(raw: &RawArticle) -> String {
    if let Some(id) = raw.id.as_deref().filter(|s| !s.trim().is_empty()) {
        return id.trim().to_string();
    }
    let h = storyline_model::stable_hash(&[
        raw.url.as_deref().unwrap_or("").as_bytes(),
        raw.title.as_deref().unwrap_or("").as_bytes(),
        raw.text.as_bytes(),
    ]);
    format!("a{h:016x}")
}

/// Makes ids unique within a run: the same page read twice (a re-crawl, a copied file)
/// hashes to the same id, and the later copies get `-2`, `-3`, … in input order.
fn unique_ids(articles: &mut [Article]) {
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for a in articles.iter_mut() {
        let n = seen.entry(a.id.clone()).or_insert(0);
        *n += 1;
        if *n > 1 {
            a.id = format!("{}-{}", a.id, n);
        }
    }
}

/// The article's language: what the text says when it can be told, else what the input
/// declared, else `und`.
fn choose_lang(identified: Option<&str>, declared: Option<&str>) -> String {
    let declared = declared.map(|d| d.trim().to_ascii_lowercase()).filter(|d| {
        let base = d.split(['-', '_']).next().unwrap_or("");
        base.len() == 2 && base.bytes().all(|b| b.is_ascii_lowercase())
    });
    match (identified, declared) {
        (Some(i), _) => i.to_string(),
        (None, Some(d)) => d.split(['-', '_']).next().unwrap_or("und").to_string(),
        (None, None) => "und".to_string(),
    }
}

impl Pipeline {
    /// Builds the pipeline from its config.
    pub fn new(config: Config) -> Pipeline {
        Pipeline {
            config,
            // The model is built into the binary and checked by the tests of storyline-nlp.
            tagger: ner::Tagger::embedded().expect("the built-in entity model loads"),
        }
    }

    /// Analyses one article: every per-article stage.
    pub fn analyze(&self, raw: RawArticle) -> Article {
        let mut a = self.prepare(raw);
        self.extract(&mut a);
        a
    }

    /// Normalises, identifies the language, dates and segments an article: everything
    /// before the extractors.
    pub fn prepare(&self, raw: RawArticle) -> Article {
        let id = article_id(&raw);
        let norm = normalize::normalize(&raw.text);
        let text = norm.text.clone();
        // The body (after a headline or header line) in normalised offsets.
        let body = match &raw.body {
            Some(r) if r.start <= r.end && r.end <= raw.text.len() => Span::new(
                norm.to_normalized(r.start),
                norm.to_normalized(r.end).max(norm.to_normalized(r.start)),
            ),
            _ => Span::new(0, text.len()),
        };
        let body = if body.is_valid_in(&text) {
            body
        } else {
            Span::new(0, text.len())
        };
        let lang = choose_lang(lang::identify(body.slice(&text)), raw.lang.as_deref());
        let (date, date_source) = match (raw.date, raw.date_source, self.config.date) {
            (Some(d), src, _) => (Some(d), src.or(Some(DateSource::Metadata))),
            (None, _, Some(d)) => (Some(d), Some(DateSource::Flag)),
            _ => (None, None),
        };
        let seg = segment::segment(&text, &lang);
        let mut a = Article {
            id,
            path: raw.path,
            url: raw.url,
            title: raw.title,
            date,
            date_source,
            lang,
            source: raw.source,
            author: raw.author,
            text,
            body,
            meta: raw.meta,
            paragraphs: seg.paragraphs,
            sentences: seg.sentences,
            tokens: seg.tokens,
            ..Default::default()
        };
        if a.date.is_none() {
            if let Some(d) = timex::infer_dateline(&a) {
                a.date = Some(d);
                a.date_source = Some(DateSource::Inferred);
            }
        }
        a
    }

    /// The extractors, in order: entities, quotes, time expressions, claims (each may use
    /// what the ones before it found).
    pub fn extract(&self, a: &mut Article) {
        a.mentions = self.tagger.tag(a);
        let (quotes, clauses) = quotes::extract_with_clauses(a);
        a.quotes = quotes;
        a.timexes = timex::extract(a);
        a.claims = claims::extract_with(a, &clauses);
    }

    /// The entity tagger.
    pub fn tagger(&self) -> &ner::Tagger {
        &self.tagger
    }

    /// Reads `inputs`, analyses every article, and runs the corpus stages.
    /// `progress` is called with the number of articles done so far.
    pub fn run(&self, inputs: &[String], progress: &(dyn Fn(usize) + Sync)) -> Output {
        let mut out = Output::default();
        let mut batch = Vec::with_capacity(BATCH);
        let flush = |batch: &mut Vec<RawArticle>, out: &mut Output| {
            let done: Vec<Article> = std::mem::take(batch)
                .into_par_iter()
                .map(|r| self.analyze(r))
                .collect();
            out.articles.extend(done);
            progress(out.articles.len());
        };
        storyline_ingest::read(inputs, &mut |item| match item {
            Ok(raw) => {
                batch.push(raw);
                if batch.len() >= BATCH {
                    flush(&mut batch, &mut out);
                }
            }
            Err(d) => out.diagnostics.push(d),
        });
        if !batch.is_empty() {
            flush(&mut batch, &mut out);
        }
        unique_ids(&mut out.articles);
        let corpus = storyline_link::link(&mut out.articles);
        out.entities = corpus.entities;
        out.stories = corpus.stories;
        out
    }
}
