use rayon::prelude::*;
use storyline_model::{Article, Date, DateSource, Diagnostic, Entity, RawArticle, Span, Story};
use storyline_nlp::{lang, ner, normalize, segment, timex};

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
        let id = article_id(&raw);
        let norm = normalize::normalize(&raw.text);
        let text = norm.text;
        let lang = lang::identify(&text)
            .map(str::to_string)
            .or(raw.lang.clone())
            .unwrap_or_else(|| "und".into());
        let (date, date_source) = match (raw.date, raw.date_source, self.config.date) {
            (Some(d), src, _) => (Some(d), src.or(Some(DateSource::Metadata))),
            (None, _, Some(d)) => (Some(d), Some(DateSource::Flag)),
            _ => (None, None),
        };
        let seg = segment::segment(&text, &lang);
        let body = Span::new(0, text.len());
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
        a.mentions = self.tagger.tag(&a);
        a.timexes = timex::extract(&a);
        a
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
        out
    }
}
