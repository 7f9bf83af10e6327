//! Just enough URL handling for crawling: split an absolute `http(s)` URL into
//! origin and path, resolve a link or `Location` against a base, drop fragments.
//! Everything works on byte positions of ASCII delimiters, so never panics.

/// An absolute `http` or `https` URL, split.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Url<'a> {
    /// `http` or `https`, lower-cased by the caller's input.
    pub scheme: &'a str,
    /// `host[:port]` as written (user info dropped).
    pub authority: &'a str,
    /// The path and query, starting with `/` (`/` when the URL has none).
    pub path: &'a str,
}

impl<'a> Url<'a> {
    /// Splits `s`; `None` unless it is an absolute `http://` or `https://` URL with a host.
    pub fn parse(s: &'a str) -> Option<Url<'a>> {
        let (scheme, rest) = s.split_once("://")?;
        if !scheme.eq_ignore_ascii_case("http") && !scheme.eq_ignore_ascii_case("https") {
            return None;
        }
        let rest = rest.split('#').next().unwrap_or("");
        let end = rest.find(['/', '?']).unwrap_or(rest.len());
        let authority = rest.get(..end)?;
        let authority = authority.rsplit('@').next().unwrap_or(authority);
        if authority.is_empty() || authority.contains(char::is_whitespace) {
            return None;
        }
        let path = rest.get(end..).unwrap_or("");
        let path = if path.is_empty() { "/" } else { path };
        Some(Url {
            scheme,
            authority,
            path,
        })
    }

    /// `scheme://host[:port]`, lower-cased: the key for politeness and robots.txt.
    pub fn origin(&self) -> String {
        format!("{}://{}", self.scheme, self.authority).to_ascii_lowercase()
    }
}

/// `href` made absolute against `base`, without its fragment; `None` when it cannot
/// be (another scheme such as `mailto:`, an empty link, a base that is not http(s)).
pub fn resolve(base: &str, href: &str) -> Option<String> {
    let href = href.trim();
    let href = href.split('#').next().unwrap_or("");
    if let Some(u) = Url::parse(href) {
        return Some(format!(
            "{}://{}{}",
            u.scheme.to_ascii_lowercase(),
            u.authority,
            u.path
        ));
    }
    if href.is_empty() || href.contains("://") || href.contains(char::is_whitespace) {
        return None;
    }
    let b = Url::parse(base)?;
    let scheme = b.scheme.to_ascii_lowercase();
    if let Some(rest) = href.strip_prefix("//") {
        return resolve(base, &format!("{scheme}://{rest}"));
    }
    // `mailto:x`, `javascript:...`: a scheme before any `/`.
    if let Some(colon) = href.find(':') {
        if !href.get(..colon).unwrap_or("").contains(['/', '?']) {
            return None;
        }
    }
    let path = if href.starts_with('/') {
        href.to_string()
    } else if href.starts_with('?') {
        let bp = b.path.split('?').next().unwrap_or("/");
        format!("{bp}{href}")
    } else {
        let bp = b.path.split('?').next().unwrap_or("/");
        let dir = bp.rfind('/').and_then(|i| bp.get(..=i)).unwrap_or("/");
        format!("{dir}{href}")
    };
    Some(format!(
        "{scheme}://{}{}",
        b.authority,
        normalize_dots(&path)
    ))
}

/// Removes `.` and `..` segments from a path (its query untouched).
fn normalize_dots(path: &str) -> String {
    let (p, q) = match path.find('?') {
        Some(i) => (path.get(..i).unwrap_or(""), path.get(i..).unwrap_or("")),
        None => (path, ""),
    };
    if !p.contains("/.") {
        return path.to_string();
    }
    let mut out: Vec<&str> = Vec::new();
    let segs: Vec<&str> = p.split('/').skip(1).collect();
    let n = segs.len();
    for (i, seg) in segs.into_iter().enumerate() {
        match seg {
            "." => {
                if i + 1 == n {
                    out.push("");
                }
            }
            ".." => {
                out.pop();
                if i + 1 == n {
                    out.push("");
                }
            }
            s => out.push(s),
        }
    }
    format!("/{}{q}", out.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn parse_and_origin() {
        let u = Url::parse("HTTPS://News.Example:8443/a/b?x=1#top").unwrap();
        assert_eq!(u.authority, "News.Example:8443");
        assert_eq!(u.path, "/a/b?x=1");
        assert_eq!(u.origin(), "https://news.example:8443");
        assert_eq!(Url::parse("http://h.example").unwrap().path, "/");
        assert!(Url::parse("ftp://h.example/x").is_none());
        assert!(Url::parse("http:///x").is_none());
        assert!(Url::parse("/relative").is_none());
    }

    #[test]
    fn resolve_links() {
        let base = "http://h.example/news/2024/feed.xml?page=2";
        let cases = [
            ("https://o.example/x#frag", Some("https://o.example/x")),
            ("/top", Some("http://h.example/top")),
            ("story.html", Some("http://h.example/news/2024/story.html")),
            ("../old/a", Some("http://h.example/news/old/a")),
            ("./a/./b", Some("http://h.example/news/2024/a/b")),
            ("//cdn.example/p", Some("http://cdn.example/p")),
            (
                "?page=3",
                Some("http://h.example/news/2024/feed.xml?page=3"),
            ),
            ("mailto:desk@h.example", None),
            ("javascript:void(0)", None),
            ("", None),
            ("#only", None),
        ];
        for (href, want) in cases {
            assert_eq!(resolve(base, href).as_deref(), want, "{href}");
        }
        assert_eq!(resolve("not a url", "/x"), None);
    }

    proptest! {
        #[test]
        fn never_panics(base in "\\PC{0,40}", href in "\\PC{0,40}") {
            let _ = Url::parse(&base);
            if let Some(r) = resolve(&base, &href) {
                prop_assert!(Url::parse(&r).is_some());
            }
        }
    }
}
