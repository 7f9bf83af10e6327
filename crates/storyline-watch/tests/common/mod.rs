//! A small HTTP/1.1 server on 127.0.0.1 for the tests: one thread per connection,
//! every request logged with the time it arrived, answers from a handler.

#![allow(dead_code)]

use std::collections::HashMap;
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// A request as the server saw it.
#[derive(Debug, Clone)]
pub struct Hit {
    pub at: Instant,
    pub path: String,
    /// Header names lower-cased.
    pub headers: HashMap<String, String>,
    /// How many earlier requests had the same path.
    pub nth: usize,
}

impl Hit {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).map(String::as_str)
    }
}

/// An answer.
pub struct Resp {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    /// Sleep before answering (a slow host).
    pub delay: Duration,
}

impl Resp {
    pub fn new(status: u16, body: impl Into<Vec<u8>>) -> Resp {
        Resp {
            status,
            headers: Vec::new(),
            body: body.into(),
            delay: Duration::ZERO,
        }
    }
    pub fn ok(ct: &str, body: impl Into<Vec<u8>>) -> Resp {
        Resp::new(200, body).header("Content-Type", ct)
    }
    pub fn html(body: impl Into<Vec<u8>>) -> Resp {
        Resp::ok("text/html; charset=utf-8", body)
    }
    pub fn redirect(status: u16, to: &str) -> Resp {
        Resp::new(status, "").header("Location", to)
    }
    pub fn header(mut self, k: &str, v: &str) -> Resp {
        self.headers.push((k.to_string(), v.to_string()));
        self
    }
    pub fn slow(mut self, d: Duration) -> Resp {
        self.delay = d;
        self
    }
}

type Handler = dyn Fn(&Hit) -> Resp + Send + Sync;

pub struct Server {
    pub addr: SocketAddr,
    hits: Arc<Mutex<Vec<Hit>>>,
}

impl Server {
    pub fn start(handler: impl Fn(&Hit) -> Resp + Send + Sync + 'static) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap();
        let hits: Arc<Mutex<Vec<Hit>>> = Arc::default();
        let handler: Arc<Handler> = Arc::new(handler);
        let log = hits.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let (log, handler) = (log.clone(), handler.clone());
                std::thread::spawn(move || serve(stream, &log, &*handler));
            }
        });
        Server { addr, hits }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    pub fn hits(&self) -> Vec<Hit> {
        self.hits.lock().unwrap().clone()
    }

    pub fn hits_for(&self, path: &str) -> Vec<Hit> {
        self.hits().into_iter().filter(|h| h.path == path).collect()
    }
}

fn serve(mut stream: TcpStream, log: &Mutex<Vec<Hit>>, handler: &Handler) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
    let mut buf = Vec::new();
    let mut chunk = [0u8; 4096];
    while !buf.windows(4).any(|w| w == b"\r\n\r\n") && buf.len() < 65536 {
        match stream.read(&mut chunk) {
            Ok(0) | Err(_) => return,
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
        }
    }
    let at = Instant::now();
    let head = String::from_utf8_lossy(&buf).into_owned();
    let mut lines = head.split("\r\n");
    let path = lines
        .next()
        .and_then(|l| l.split(' ').nth(1))
        .unwrap_or("/")
        .to_string();
    let headers = lines
        .take_while(|l| !l.is_empty())
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    let hit = {
        let mut log = log.lock().unwrap();
        let nth = log.iter().filter(|h| h.path == path).count();
        let hit = Hit {
            at,
            path,
            headers,
            nth,
        };
        log.push(hit.clone());
        hit
    };
    let resp = handler(&hit);
    std::thread::sleep(resp.delay);
    let mut out = format!(
        "HTTP/1.1 {} X\r\nContent-Length: {}\r\nConnection: close\r\n",
        resp.status,
        resp.body.len()
    );
    for (k, v) in &resp.headers {
        out.push_str(&format!("{k}: {v}\r\n"));
    }
    out.push_str("\r\n");
    let _ = stream.write_all(out.as_bytes());
    let _ = stream.write_all(&resp.body);
    let _ = stream.flush();
}

/// A news page with a headline, a date and three paragraphs about `topic`.
pub fn page(title: &str, topic: &str) -> String {
    format!(
        r#"<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<meta property="article:published_time" content="2025-03-14T09:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav><article><h1>{title}</h1>
<p>Officials in the river town of Marlow Bend said on Thursday that work on the {topic} would begin next month, after a vote by the council.</p>
<p>"We have waited a long time for this," said councillor Dana Whitfield, who chairs the works committee, adding that the budget stood at 4.2 million pounds.</p>
<p>Residents will be able to comment on the plans for the {topic} at two public meetings in the town hall before the end of April.</p>
</article><footer>Copyright the Marlow Bend Gazette</footer></body></html>"#
    )
}

/// A page without a title or a date (the sitemap supplies them).
pub fn bare_page(topic: &str) -> String {
    format!(
        r#"<html><body><div class="story"><p>Engineers inspecting the {topic} found cracks in two of its supports during a routine survey on Monday, the county said.</p>
<p>The county expects repairs to take about six weeks and has asked drivers to use the western ring road until then.</p></div></body></html>"#
    )
}

/// An RSS feed whose items link to `links` (a `None` gives an item without a link).
pub fn rss(title: &str, links: &[Option<&str>]) -> String {
    let mut items = String::new();
    for (i, l) in links.iter().enumerate() {
        items.push_str(&format!("<item><title>Item {i}</title>"));
        if let Some(l) = l {
            items.push_str(&format!("<link>{l}</link>"));
        }
        items.push_str("<pubDate>Fri, 14 Mar 2025 08:00:00 GMT</pubDate></item>\n");
    }
    format!(
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>{title}</title>\n{items}</channel></rss>"
    )
}
