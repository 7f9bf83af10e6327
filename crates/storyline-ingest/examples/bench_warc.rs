//! WARC.gz reading speed on one thread: generates a synthetic crawl of news pages
//! (one gzip member per record, as crawlers write them) into a temporary folder,
//! with `warcinfo` and `request` records, a JPEG response and a truncated last
//! member, then reads and extracts it and prints MB/s (compressed and uncompressed)
//! and records/s, and the peak resident memory.
//!
//! `cargo run --release -p storyline-ingest --example bench_warc [MB]` (MB: the
//! size of the WARC.gz to generate, default 50). For an outside view of memory:
//! `/usr/bin/time -v target/release/examples/bench_warc`.

use std::fs;
use std::io::{BufWriter, Write};
use std::time::Instant;

use flate2::write::GzEncoder;
use flate2::Compression;

/// A small deterministic generator (xorshift64*), so runs are comparable.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[(self.next() % xs.len() as u64) as usize]
    }
}

const SUBJECTS: &[&str] = &[
    "The council",
    "Local residents",
    "The regional water board",
    "Hospital managers",
    "The transport minister",
    "Union leaders",
    "A spokeswoman for the port",
    "Farmers near Kelmouth",
    "The school board",
    "Police in Dunvale",
    "The finance committee",
    "Shop owners on Mill Street",
];
const VERBS: &[&str] = &[
    "said on Tuesday that",
    "warned that",
    "confirmed that",
    "told reporters that",
    "denied claims that",
    "announced that",
    "argued that",
    "estimated that",
];
const CLAUSES: &[&str] = &[
    "the budget for the new bridge would rise by 12 percent",
    "repairs to the northern quay would take until April",
    "about 300 jobs could be affected by the closure",
    "bus fares would stay frozen for the rest of the year",
    "the reservoir was back above half its capacity",
    "a second round of talks was planned for next week",
    "the cost of the flood defences had reached 4.2 million euros",
    "the ferry timetable would change from the first of May",
    "nobody was hurt when the roof of the depot collapsed",
    "inspectors had found cracks in two of the supports",
];
const TAILS: &[&str] = &[
    "",
    " after a vote late on Monday",
    ", citing rising costs",
    " in a statement",
    ", according to figures seen by this newspaper",
    " despite objections from the opposition",
];

fn sentence(r: &mut Rng) -> String {
    format!(
        "{} {} {}{}.",
        r.pick(SUBJECTS),
        r.pick(VERBS),
        r.pick(CLAUSES),
        r.pick(TAILS)
    )
}

/// A news page of 20–60 KB: navigation, an inline script, the article, related
/// links and a footer, the way real pages carry far more furniture than text.
fn page(i: usize, r: &mut Rng) -> String {
    let nav: String = (0..60)
        .map(|k| format!("<li class=\"nav-item\"><a href=\"/section/{k}\">Section {k}</a></li>"))
        .collect();
    let script: String = (0..80)
        .map(|k| {
            format!(
                "window.cfg_{k}={{id:{},slot:\"ad-{k}\",lazy:true}};",
                r.next() % 100_000
            )
        })
        .collect();
    let paras: String = (0..8 + r.next() % 10)
        .map(|_| {
            let n = 2 + r.next() % 4;
            let s: Vec<String> = (0..n).map(|_| sentence(r)).collect();
            format!("<p>{}</p>\n", s.join(" "))
        })
        .collect();
    let related: String = (0..20)
        .map(|k| {
            format!(
                "<li><a href=\"/story/{}\">{}</a></li>",
                r.next() % 1_000_000,
                r.pick(CLAUSES).replace("would", &format!("will {k}"))
            )
        })
        .collect();
    let title = format!("{} {} {}", r.pick(SUBJECTS), r.pick(VERBS), r.pick(CLAUSES));
    format!(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{title} | The Valley Courier</title>\
         <meta property=\"og:site_name\" content=\"The Valley Courier\">\
         <meta property=\"article:published_time\" content=\"2024-0{}-1{}T06:30:00Z\">\
         <script>{script}</script><style>.nav-item{{display:inline}} p{{margin:0 0 1em}}</style></head>\
         <body><header><nav><ul>{nav}</ul></nav></header><main><article id=\"story-{i}\"><h1>{title}</h1>\
         <div class=\"byline\">By Staff Reporter</div><div class=\"share-buttons\"><a href=\"#\">Share</a></div>\
         <div class=\"story-body\">{paras}</div></article><aside class=\"related\"><h3>Related</h3><ul>{related}</ul></aside></main>\
         <footer><ul>{nav}</ul><p>Copyright The Valley Courier. All rights reserved.</p></footer></body></html>",
        1 + i % 9,
        i % 10
    )
}

fn record(kind: &str, uri: &str, ctype: &str, block: &[u8]) -> Vec<u8> {
    let mut r = format!(
        "WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2024-06-02T11:00:00Z\r\n\
         WARC-Record-ID: <urn:uuid:{kind}-{}>\r\nContent-Type: {ctype}\r\nContent-Length: {}\r\n\r\n",
        uri.len(),
        block.len()
    )
    .into_bytes();
    r.extend_from_slice(block);
    r.extend_from_slice(b"\r\n\r\n");
    r
}

fn response(uri: &str, ctype: &str, body: &[u8]) -> Vec<u8> {
    let mut http = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: {ctype}\r\nContent-Length: {}\r\n\r\n",
        body.len()
    )
    .into_bytes();
    http.extend_from_slice(body);
    record("response", uri, "application/http; msgtype=response", &http)
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut gz = GzEncoder::new(Vec::new(), Compression::default());
    let _ = gz.write_all(bytes);
    gz.finish().unwrap_or_default()
}

/// Peak resident memory of this process in MB (Linux `VmHWM`).
fn peak_rss_mb() -> Option<f64> {
    let status = fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

/// CPU seconds (user + system) used so far, from `/proc/self/stat`.
fn cpu_secs() -> Option<f64> {
    let stat = fs::read_to_string("/proc/self/stat").ok()?;
    let f: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    Some((f.get(11)?.parse::<f64>().ok()? + f.get(12)?.parse::<f64>().ok()?) / 100.0)
}

/// The archive being written: one gzip member per record.
struct Warc {
    out: BufWriter<fs::File>,
    raw: u64,
    packed: u64,
}

impl Warc {
    fn put(&mut self, rec: Vec<u8>) -> std::io::Result<()> {
        let gz = gzip(&rec);
        self.raw += rec.len() as u64;
        self.packed += gz.len() as u64;
        self.out.write_all(&gz)
    }
}

fn main() -> std::io::Result<()> {
    let target_mb: f64 = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(50.0);
    let dir = std::env::temp_dir().join(format!("storyline-bench-warc-{}", std::process::id()));
    fs::create_dir_all(&dir)?;
    let path = dir.join("crawl.warc.gz");
    let mut w = Warc {
        out: BufWriter::new(fs::File::create(&path)?),
        raw: 0,
        packed: 0,
    };
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut pages = 0usize;
    w.put(record(
        "warcinfo",
        "",
        "application/warc-fields",
        b"software: bench\r\n",
    ))?;
    let t0 = Instant::now();
    while (w.packed as f64) < target_mb * 1e6 {
        let uri = format!("https://courier.example/news/{pages}");
        let req = b"GET / HTTP/1.1\r\n\r\n";
        w.put(record(
            "request",
            &uri,
            "application/http; msgtype=request",
            req,
        ))?;
        let html = page(pages, &mut rng);
        w.put(response(&uri, "text/html; charset=utf-8", html.as_bytes()))?;
        pages += 1;
        if pages == 10 {
            let jpeg: Vec<u8> = (0..40_000u32)
                .map(|k| (k.wrapping_mul(2_654_435_761) >> 24) as u8)
                .collect();
            w.put(response(
                "https://courier.example/photo.jpg",
                "image/jpeg",
                &jpeg,
            ))?;
        }
    }
    // A last page whose gzip member is cut short, as when a crawl is interrupted.
    let html = page(pages, &mut rng);
    let last = gzip(&response(
        "https://courier.example/news/cut",
        "text/html",
        html.as_bytes(),
    ));
    w.out.write_all(&last[..last.len() / 2])?;
    w.out.flush()?;
    let raw = w.raw;
    drop(w);
    let size = fs::metadata(&path)?.len();
    println!(
        "generated {pages} pages in {:.1} s: {:.1} MB WARC.gz ({:.1} MB uncompressed)",
        t0.elapsed().as_secs_f64(),
        size as f64 / 1e6,
        raw as f64 / 1e6
    );

    let rss_before = peak_rss_mb();
    let cpu0 = cpu_secs();
    let start = Instant::now();
    let (mut ok, mut diags, mut text_bytes) = (0usize, Vec::new(), 0usize);
    storyline_ingest::read(&[path.display().to_string()], &mut |r| match r {
        Ok(a) => {
            ok += 1;
            text_bytes += a.text.len();
        }
        Err(d) => diags.push(d.to_string()),
    });
    let secs = start.elapsed().as_secs_f64();
    let cpu = cpu_secs()
        .zip(cpu0)
        .map_or(secs, |(b, a)| (b - a).max(0.01));
    println!(
        "read {ok} articles ({:.1} MB of text), {} diagnostics:",
        text_bytes as f64 / 1e6,
        diags.len()
    );
    for d in &diags {
        println!("  {d}");
    }
    println!(
        "wall {secs:.2} s, cpu {cpu:.2} s | {:.1} MB/s compressed, {:.1} MB/s uncompressed, {:.0} records/s (per cpu-second: {:.1}, {:.1}, {:.0})",
        size as f64 / 1e6 / secs,
        raw as f64 / 1e6 / secs,
        ok as f64 / secs,
        size as f64 / 1e6 / cpu,
        raw as f64 / 1e6 / cpu,
        ok as f64 / cpu,
    );
    if let (Some(a), Some(b)) = (rss_before, peak_rss_mb()) {
        println!("peak RSS {b:.1} MB (after generating: {a:.1} MB)");
    }
    fs::remove_dir_all(&dir)
}
