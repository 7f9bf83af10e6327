//! robots.txt (RFC 9309): the group for our product token, else the `*` group;
//! the longest matching `Allow`/`Disallow` rule wins, `Allow` on a tie; `*` and a
//! final `$` in patterns; `Crawl-delay` read as an extension.

use std::time::Duration;

/// The rules that apply to one user agent on one host.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Rules {
    /// `(allow, pattern)` pairs of the chosen group.
    rules: Vec<(bool, String)>,
    /// `Crawl-delay`, if the chosen group gave one.
    pub crawl_delay: Option<Duration>,
    /// Set when robots.txt could not be read: everything is disallowed
    /// (RFC 9309 §2.3.1.4), and this says why.
    unreachable: Option<String>,
}

/// One `User-agent` group as read.
#[derive(Default)]
struct Group {
    agents: Vec<String>,
    rules: Vec<(bool, String)>,
    delay: Option<Duration>,
}

impl Rules {
    /// No restriction (robots.txt missing: a 4xx answer).
    pub fn allow_all() -> Rules {
        Rules::default()
    }

    /// Nothing may be fetched (robots.txt could not be read: 5xx, network error).
    pub fn deny_all() -> Rules {
        Rules::deny_all_because(String::new())
    }

    /// Nothing may be fetched, because robots.txt could not be read for `why`.
    pub fn deny_all_because(why: String) -> Rules {
        Rules {
            unreachable: Some(why),
            ..Rules::default()
        }
    }

    /// Why robots.txt could not be read, when it could not.
    pub fn unreachable(&self) -> Option<&str> {
        self.unreachable.as_deref()
    }

    /// Parses a robots.txt for `agent` (our product token, matched case-insensitively
    /// as a prefix of the group's name, e.g. `storyline`).
    pub fn parse(src: &str, agent: &str) -> Rules {
        let agent = agent.to_ascii_lowercase();
        let mut groups: Vec<Group> = Vec::new();
        let mut cur = Group::default();
        let mut in_agents = false;
        for line in src.lines().take(10_000) {
            let line = line.split('#').next().unwrap_or("").trim();
            let Some((key, value)) = line.split_once(':') else {
                continue;
            };
            let key = key.trim().to_ascii_lowercase();
            let value = value.trim();
            match key.as_str() {
                "user-agent" => {
                    if !in_agents && !cur.agents.is_empty() {
                        groups.push(std::mem::take(&mut cur));
                    }
                    in_agents = true;
                    cur.agents.push(value.to_ascii_lowercase());
                }
                "allow" | "disallow" => {
                    in_agents = false;
                    // An empty `Disallow:` allows everything: no rule.
                    if !value.is_empty() {
                        cur.rules.push((key == "allow", value.to_string()));
                    }
                }
                "crawl-delay" => {
                    in_agents = false;
                    cur.delay = value
                        .parse::<f64>()
                        .ok()
                        .filter(|d| d.is_finite() && *d >= 0.0)
                        .map(|d| Duration::from_secs_f64(d.min(60.0)));
                }
                _ => {}
            }
        }
        if !cur.agents.is_empty() {
            groups.push(cur);
        }
        // Groups naming the same agent are merged (RFC 9309 §2.2.1).
        let pick = |want: &dyn Fn(&str) -> bool| {
            let mut found = false;
            let mut rules = Rules::default();
            for g in &groups {
                if g.agents.iter().any(|a| want(a)) {
                    found = true;
                    rules.rules.extend(g.rules.iter().cloned());
                    rules.crawl_delay = rules.crawl_delay.or(g.delay);
                }
            }
            found.then_some(rules)
        };
        pick(&|a: &str| a != "*" && !a.is_empty() && agent.starts_with(a))
            .or_else(|| pick(&|a: &str| a == "*"))
            .unwrap_or_default()
    }

    /// Whether `path` (path and query, starting with `/`) may be fetched.
    pub fn allowed(&self, path: &str) -> bool {
        if self.unreachable.is_some() {
            return false;
        }
        if path == "/robots.txt" {
            return true;
        }
        let mut best: Option<(usize, bool)> = None;
        for (allow, pat) in &self.rules {
            if matches(pat, path) {
                let len = pat.len();
                best = match best {
                    Some((l, a)) if l > len || (l == len && a) => Some((l, a)),
                    _ => Some((len, *allow)),
                };
            }
        }
        !matches!(best, Some((_, false)))
    }
}

/// Whether robots pattern `pat` matches `path` from its start (`*` any run of
/// bytes, a final `$` the end of the path). Percent-encoding is compared as written.
fn matches(pat: &str, path: &str) -> bool {
    let (pat, anchored) = match pat.strip_suffix('$') {
        Some(p) => (p, true),
        None => (pat, false),
    };
    let parts: Vec<&str> = pat.split('*').collect();
    let mut pos = 0;
    for (i, part) in parts.iter().enumerate() {
        let rest = path.get(pos..).unwrap_or("");
        if i == 0 {
            if !rest.starts_with(part) {
                return false;
            }
            pos += part.len();
        } else if i + 1 == parts.len() && anchored {
            return rest.ends_with(part);
        } else {
            match rest.find(part) {
                Some(at) => pos += at + part.len(),
                None => return false,
            }
        }
    }
    !anchored || pos == path.len() || pat.ends_with('*')
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const TXT: &str = "# house rules\nUser-agent: *\nDisallow: /private/\nAllow: /private/open\nCrawl-delay: 5\n\nUser-agent: OtherBot\nUser-agent: storyline\nDisallow: /drafts\nDisallow: /*.pdf$\nAllow: /drafts/public\n\nUser-agent: storyline\nDisallow: /tmp*\n";

    #[test]
    fn our_group_wins_and_merges() {
        let r = Rules::parse(TXT, "storyline");
        let cases = [
            ("/drafts/x", false),
            ("/drafts/public/1", true),
            ("/report.pdf", false),
            ("/report.pdf?v=1", true),
            ("/tmp/a", false),
            ("/private/x", true),
            ("/", true),
            ("/robots.txt", true),
        ];
        for (path, want) in cases {
            assert_eq!(r.allowed(path), want, "{path}");
        }
        assert_eq!(r.crawl_delay, None);
    }

    #[test]
    fn star_group_and_longest_match() {
        let r = Rules::parse(TXT, "someone-else");
        assert!(!r.allowed("/private/x"));
        assert!(r.allowed("/private/open/y"));
        assert!(r.allowed("/drafts/x"));
        assert_eq!(r.crawl_delay, Some(Duration::from_secs(5)));
        let tie = Rules::parse("User-agent: *\nDisallow: /a\nAllow: /a\n", "storyline");
        assert!(tie.allowed("/a/b"));
        assert!(Rules::parse("User-agent: *\nDisallow:\n", "x").allowed("/any"));
        assert!(!Rules::parse("User-agent: *\nDisallow: /\n", "x").allowed("/any"));
        assert!(!Rules::deny_all().allowed("/"));
        assert!(Rules::allow_all().allowed("/x"));
    }

    proptest! {
        #[test]
        fn never_panics(src in "\\PC{0,200}", path in "/\\PC{0,30}") {
            let r = Rules::parse(&src, "storyline");
            let _ = r.allowed(&path);
        }

        #[test]
        fn patterns_never_panic(pat in "[/a*$.]{0,12}", path in "[/a.]{0,12}") {
            let _ = matches(&pat, &path);
        }
    }
}
