//! One pass over the tokens: the element stack, text blocks with the element
//! that holds them,
//! and everything the head says (meta tags, JSON-LD, `<title>`, `<time>`).

use std::borrow::Cow;

use super::entity;
use super::lex::{Lexer, Token};

/// Deepest element nesting tracked; deeper tags are treated as inline.
const MAX_DEPTH: usize = 256;
/// Most elements and text blocks kept for one page (real articles use a few
/// thousand), so that a hostile page cannot make the walk allocate without bound.
const MAX_NODES: usize = 1_000_000;
const MAX_BLOCKS: usize = 100_000;

/// Elements whose whole subtree is never article text.
fn is_skip(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "noscript"
            | "nav"
            | "header"
            | "footer"
            | "aside"
            | "form"
            | "button"
            | "svg"
            | "iframe"
            | "template"
            | "select"
            | "figure"
            | "figcaption"
            | "menu"
            | "dialog"
            | "object"
            | "embed"
            | "canvas"
            | "video"
            | "audio"
            | "textarea"
            | "head"
            | "math"
    )
}

/// Elements that start or end a block of text.
fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "li"
            | "ul"
            | "ol"
            | "dl"
            | "dt"
            | "dd"
            | "blockquote"
            | "pre"
            | "section"
            | "article"
            | "main"
            | "header"
            | "footer"
            | "nav"
            | "aside"
            | "table"
            | "tr"
            | "td"
            | "th"
            | "thead"
            | "tbody"
            | "figure"
            | "figcaption"
            | "form"
            | "center"
            | "address"
            | "details"
            | "summary"
            | "body"
            | "html"
            | "title"
    )
}

/// Elements with no end tag.
fn is_void(name: &str) -> bool {
    matches!(
        name,
        "br" | "hr"
            | "img"
            | "meta"
            | "link"
            | "input"
            | "wbr"
            | "source"
            | "area"
            | "base"
            | "col"
            | "embed"
            | "param"
            | "track"
    )
}

/// Words in a class, id or role that mark navigation and other page furniture.
const FURNITURE: &[&str] = &[
    "nav",
    "navbar",
    "navigation",
    "menu",
    "footer",
    "sidebar",
    "share",
    "sharing",
    "social",
    "related",
    "comment",
    "comments",
    "promo",
    "advert",
    "advertisement",
    "ad",
    "ads",
    "newsletter",
    "subscribe",
    "subscription",
    "cookie",
    "cookies",
    "breadcrumb",
    "breadcrumbs",
    "widget",
    "masthead",
    "popup",
    "modal",
    "sponsored",
    "recommended",
    "recommendations",
    "trending",
    "outbrain",
    "taboola",
    "toolbar",
    "byline",
    "caption",
    "tags",
    "banner",
    "contentinfo",
    "complementary",
    "search",
    "signup",
    "paywall",
];

/// Words in a class or id that mark the article body.
const CONTENT: &[&str] = &[
    "article", "story", "entry", "post", "content", "body", "text",
];

/// An element on the stack.
struct Node<'a> {
    name: Cow<'a, str>,
    /// Whether it is a block element ([`is_block`]), looked up once.
    block: bool,
    id: usize,
    skip: bool,
}

/// What is known about each element, by id.
#[derive(Debug, Default, Clone)]
pub(crate) struct NodeInfo {
    /// The parent's id (the root's parent is itself).
    pub(crate) parent: usize,
    /// Class, id or role names page furniture.
    pub(crate) furniture: bool,
    /// Extra score for elements that announce the article body.
    pub(crate) bonus: f32,
}

/// A run of text inside one block element.
#[derive(Debug, Clone)]
pub(crate) struct Block {
    /// Whitespace-collapsed text.
    pub(crate) text: String,
    /// Id of the innermost open element (`None` for text outside any element).
    pub(crate) node: Option<usize>,
    /// Name of the nearest block element.
    pub(crate) tag: String,
    /// Id of the nearest block element.
    pub(crate) block_node: Option<usize>,
    /// Characters of it inside links.
    pub(crate) link_chars: usize,
}

/// Everything one pass collects.
#[derive(Debug, Default)]
pub(crate) struct Walk {
    pub(crate) blocks: Vec<Block>,
    pub(crate) nodes: Vec<NodeInfo>,
    /// `(key, content)` of `<meta>` tags, keys lower-cased (`og:title`, `author`...).
    pub(crate) metas: Vec<(String, String)>,
    pub(crate) json_ld: Vec<String>,
    pub(crate) title: String,
    pub(crate) h1: Option<String>,
    pub(crate) times: Vec<String>,
    pub(crate) lang: Option<String>,
    pub(crate) canonical: Option<String>,
}

/// Walks `html` once.
pub(crate) fn walk(html: &str) -> Walk {
    let mut w = Walker::default();
    for tok in Lexer::new(html) {
        match tok {
            Token::Start { name, attrs } => w.start(name, &attrs),
            Token::End { name } => w.end(&name),
            Token::Text(t) => w.text(t),
        }
    }
    w.flush();
    w.out
}

#[derive(Default)]
struct Walker<'a> {
    out: Walk,
    stack: Vec<Node<'a>>,
    cur: String,
    cur_links: usize,
    cur_node: Option<usize>,
    cur_tag: String,
    cur_block_node: Option<usize>,
    in_ld: bool,
    title_done: bool,
    h1: Option<String>,
}

fn attr<'a>(attrs: &'a [(Cow<'_, str>, Cow<'_, str>)], name: &str) -> Option<&'a str> {
    attrs.iter().find(|(k, _)| k == name).map(|(_, v)| &**v)
}

/// The words of an element's class, id and role, split at spaces, `-` and `_`
/// (compared case-insensitively, so not lower-cased here: no allocation).
fn words_of<'a>(
    attrs: &'a [(Cow<'_, str>, Cow<'_, str>)],
) -> impl Iterator<Item = &'a str> + Clone {
    ["class", "id", "role"]
        .into_iter()
        .filter_map(move |k| attr(attrs, k))
        .flat_map(|v| v.split(|c: char| c.is_whitespace() || c == '-' || c == '_'))
        .filter(|w| !w.is_empty())
}

/// Whether one of `words` is in `list` (of lower-case words), ignoring case.
fn any_in<'a>(mut words: impl Iterator<Item = &'a str>, list: &[&str]) -> bool {
    words.any(|w| list.iter().any(|l| l.eq_ignore_ascii_case(w)))
}

impl<'a> Walker<'a> {
    fn start(&mut self, name: Cow<'a, str>, attrs: &[(Cow<'_, str>, Cow<'_, str>)]) {
        self.head_info(&name, attrs);
        if is_void(&name) {
            if name == "br" || name == "hr" {
                self.flush();
            }
            return;
        }
        let top = self.stack.last().map(|n| &*n.name);
        let same_closes = ["p", "li", "dt", "dd", "tr", "td", "th", "option"];
        if (top == Some("p") && is_block(&name))
            || (top == Some(&*name) && same_closes.contains(&&*name))
        {
            self.pop_to(self.stack.len() - 1);
        }
        if is_block(&name) {
            self.flush();
        }
        if self.stack.len() >= MAX_DEPTH || self.out.nodes.len() >= MAX_NODES {
            return;
        }
        let parent_skip = self.stack.last().is_some_and(|n| n.skip);
        // Inside a skipped subtree (navigation, scripts, the head) nothing is
        // scored, so the element's words need not be looked at.
        let (skip, furniture, bonus) = if parent_skip {
            (true, false, 0.0)
        } else {
            let hidden = attr(attrs, "hidden").is_some()
                || attr(attrs, "aria-hidden") == Some("true")
                || attr(attrs, "style").is_some_and(|s| {
                    let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
                    s.to_ascii_lowercase().contains("display:none")
                });
            let skip = hidden || is_skip(&name);
            let words = words_of(attrs);
            let furniture = !matches!(&*name, "html" | "body" | "main" | "article")
                && any_in(words.clone(), FURNITURE);
            let mut bonus = 0.0;
            if name == "article" || name == "main" {
                bonus += 20.0;
            }
            if attr(attrs, "itemprop") == Some("articleBody") {
                bonus += 40.0;
            }
            if !furniture && any_in(words, CONTENT) {
                bonus += 15.0;
            }
            (skip, furniture, bonus)
        };
        let id = self.out.nodes.len();
        let parent = self.stack.last().map_or(id, |n| n.id);
        self.out.nodes.push(NodeInfo {
            parent,
            furniture,
            bonus,
        });
        if name == "script" {
            self.in_ld = attr(attrs, "type")
                .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"));
        }
        if name == "h1" && self.out.h1.is_none() {
            self.h1 = Some(String::new());
        }
        let block = is_block(&name);
        self.stack.push(Node {
            name,
            block,
            id,
            skip,
        });
    }

    fn head_info(&mut self, name: &str, attrs: &[(Cow<'_, str>, Cow<'_, str>)]) {
        match name {
            "meta" => {
                let key = ["property", "name", "itemprop", "http-equiv"]
                    .iter()
                    .find_map(|k| attr(attrs, k));
                if let (Some(k), Some(c)) = (key, attr(attrs, "content")) {
                    self.out
                        .metas
                        .push((k.to_ascii_lowercase(), c.trim().to_string()));
                }
            }
            "link" if attr(attrs, "rel").is_some_and(|r| r.eq_ignore_ascii_case("canonical")) => {
                self.out.canonical = attr(attrs, "href").map(str::to_string);
            }
            "html" => self.out.lang = attr(attrs, "lang").map(str::to_string),
            _ => {}
        }
        if let Some(ip) = attr(attrs, "itemprop") {
            if let Some(v) = attr(attrs, "datetime").or_else(|| attr(attrs, "content")) {
                if name != "meta" {
                    self.out
                        .metas
                        .push((ip.to_ascii_lowercase(), v.to_string()));
                }
            }
        }
        if name == "time" {
            if let Some(dt) = attr(attrs, "datetime") {
                self.out.times.push(dt.to_string());
            }
        }
    }

    fn end(&mut self, name: &str) {
        if let Some(i) = self.stack.iter().rposition(|n| n.name == name) {
            if is_block(name) {
                self.flush();
            }
            self.pop_to(i);
        }
    }

    fn pop_to(&mut self, i: usize) {
        for n in self.stack.drain(i..) {
            if n.name == "h1" {
                if let Some(h) = self.h1.take() {
                    let h = collapse(&h);
                    if !h.is_empty() {
                        self.out.h1 = Some(h);
                    }
                }
            }
            if n.name == "script" {
                self.in_ld = false;
            }
            if n.name == "title" && !self.out.title.trim().is_empty() {
                self.title_done = true;
            }
        }
    }

    fn text(&mut self, raw: &str) {
        let Some(top) = self.stack.last() else {
            return self.push_text(raw);
        };
        match &*top.name {
            "title" if self.title_done => return,
            "title" => return self.out.title.push_str(&entity::decode(raw)),
            "script" if self.in_ld => return self.out.json_ld.push(raw.to_string()),
            "script" | "style" => return,
            _ => {}
        }
        if let Some(h) = self.h1.as_mut() {
            h.push_str(&entity::decode(raw));
        }
        if !top.skip {
            self.push_text(raw);
        }
    }

    fn push_text(&mut self, raw: &str) {
        let t = entity::decode(raw);
        if self.cur.trim().is_empty() && !t.trim().is_empty() {
            self.cur_node = self.stack.last().map(|n| n.id);
            let block = self.stack.iter().rev().find(|n| n.block);
            self.cur_block_node = block.map(|n| n.id);
            self.cur_tag = block.map_or(String::new(), |n| n.name.to_string());
        }
        if self.stack.iter().any(|n| n.name == "a") {
            self.cur_links += t
                .split_whitespace()
                .map(|w| w.chars().count() + 1)
                .sum::<usize>();
        }
        self.cur.push_str(&t);
    }

    fn flush(&mut self) {
        let text = collapse(&self.cur);
        if !text.is_empty() && self.out.blocks.len() < MAX_BLOCKS {
            self.out.blocks.push(Block {
                link_chars: self.cur_links.min(text.chars().count()),
                text,
                node: self.cur_node.take(),
                tag: std::mem::take(&mut self.cur_tag),
                block_node: self.cur_block_node.take(),
            });
        }
        self.cur.clear();
        self.cur_links = 0;
    }
}

/// Collapses runs of whitespace (including no-break spaces) to one space.
pub(crate) fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
