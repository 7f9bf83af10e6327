//! Measures reading speed on generated inputs: a JSONL feed, the same feed
//! gzipped, a folder of HTML pages (and the same pages from memory, which leaves out
//! the cost of opening files), and a folder of plain-text files.
//!
//! `cargo run --release -p storyline-ingest --example throughput [ARTICLES]`

use std::fs;
use std::io::Write;
use std::path::Path;
use std::time::Instant;

use flate2::write::GzEncoder;
use flate2::Compression;

/// A synthetic article body of about two kilobytes, varied by `i`.
fn body(i: usize) -> String {
    let towns = ["Arnby", "Port Elsin", "Kelmouth", "Dunvale", "Ostrava Nova"];
    let town = towns[i % towns.len()];
    (0..8)
        .map(|k| {
            format!(
                "Officials in {town} said on day {k} that the budget for project {i} would rise by {} percent, \
                 citing costs, delays and \"a shortage of skilled workers\" in the region.",
                (i + k) % 40
            )
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn page(i: usize) -> String {
    let nav: String = (0..30)
        .map(|k| format!("<li><a href=\"/s/{k}\">Section {k}</a></li>"))
        .collect();
    let paras: String = body(i)
        .split(". ")
        .map(|s| format!("<p>{s}.</p>\n"))
        .collect();
    format!(
        "<!DOCTYPE html><html lang=\"en\"><head><title>Budget rises {i} | Herald</title>\
         <meta property=\"article:published_time\" content=\"2024-03-05T06:30:00Z\">\
         <script type=\"application/ld+json\">{{\"@type\":\"NewsArticle\",\"headline\":\"Budget rises {i}\"}}</script>\
         <style>body{{margin:0}}</style></head><body><nav><ul>{nav}</ul></nav>\
         <article><h1>Budget rises {i}</h1><div class=\"share\"><a href=\"#\">Share</a></div>{paras}</article>\
         <aside class=\"related\"><ul>{nav}</ul></aside><footer>Contact | Privacy</footer></body></html>"
    )
}

/// CPU seconds (user + system) this process has used, from `/proc/self/stat`
/// (Linux; `None` elsewhere). On a busy machine, wall time overstates the cost.
fn cpu_secs() -> Option<f64> {
    let stat = fs::read_to_string("/proc/self/stat").ok()?;
    let rest = stat.rsplit_once(')')?.1;
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks: f64 = f.get(11)?.parse::<f64>().ok()? + f.get(12)?.parse::<f64>().ok()?;
    Some(ticks / 100.0)
}

fn report(label: &str, ok: usize, bad: usize, bytes: f64, start: Instant, cpu0: Option<f64>) {
    let secs = start.elapsed().as_secs_f64();
    let cpu = cpu_secs().zip(cpu0).map(|(b, a)| (b - a).max(0.01));
    let cpu_rate = cpu.map_or(String::from("n/a"), |c| format!("{:.0}", ok as f64 / c));
    println!(
        "{label:<20} {ok:>6} ok {bad:>2} diag {:>6.1} MB | wall {secs:>5.2} s {:>7.0} art/s {:>6.1} MB/s | cpu {:>5.2} s {cpu_rate:>7} art/cpu-s",
        bytes / 1e6,
        ok as f64 / secs,
        bytes / 1e6 / secs,
        cpu.unwrap_or(f64::NAN),
    );
}

fn measure(label: &str, input: &Path, bytes: u64) {
    let cpu0 = cpu_secs();
    let start = Instant::now();
    let (mut ok, mut bad) = (0usize, 0usize);
    storyline_ingest::read(&[input.display().to_string()], &mut |r| match r {
        Ok(_) => ok += 1,
        Err(_) => bad += 1,
    });
    report(label, ok, bad, bytes as f64, start, cpu0);
}

/// Like [`measure`], on pages already in memory: the parsing cost alone.
fn measure_memory(label: &str, pages: &[String]) {
    let bytes: usize = pages.iter().map(String::len).sum();
    let cpu0 = cpu_secs();
    let start = Instant::now();
    let mut ok = 0usize;
    for (i, p) in pages.iter().enumerate() {
        storyline_ingest::read_reader(&format!("{i}.html"), p.as_bytes(), &mut |r| {
            ok += usize::from(r.is_ok());
        });
    }
    report(label, ok, 0, bytes as f64, start, cpu0);
}

fn dir_size(p: &Path) -> u64 {
    fs::read_dir(p)
        .map(|rd| {
            rd.flatten()
                .filter_map(|e| e.metadata().ok())
                .map(|m| m.len())
                .sum()
        })
        .unwrap_or(0)
}

fn main() -> std::io::Result<()> {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(20_000);
    let dir = std::env::temp_dir().join(format!("storyline-throughput-{}", std::process::id()));
    fs::create_dir_all(dir.join("html"))?;
    fs::create_dir_all(dir.join("text"))?;

    let mut feed = String::new();
    for i in 0..n {
        let line = serde_json::json!({"id": i, "title": format!("Budget rises {i}"), "date": "2024-03-05", "text": body(i)});
        feed.push_str(&line.to_string());
        feed.push('\n');
    }
    fs::write(dir.join("feed.jsonl"), &feed)?;
    let mut gz = GzEncoder::new(Vec::new(), Compression::default());
    gz.write_all(feed.as_bytes())?;
    fs::write(dir.join("feed.jsonl.gz"), gz.finish()?)?;
    for i in 0..n / 10 {
        fs::write(dir.join("html").join(format!("{i:06}.html")), page(i))?;
        fs::write(
            dir.join("text").join(format!("{i:06}.txt")),
            format!("Budget rises {i}\n{}", body(i)),
        )?;
    }

    measure("jsonl", &dir.join("feed.jsonl"), feed.len() as u64);
    measure(
        "jsonl.gz (raw size)",
        &dir.join("feed.jsonl.gz"),
        feed.len() as u64,
    );
    measure(
        "html folder",
        &dir.join("html"),
        dir_size(&dir.join("html")),
    );
    let pages: Vec<String> = (0..n / 10).map(page).collect();
    measure_memory("html in memory", &pages);
    measure(
        "text folder",
        &dir.join("text"),
        dir_size(&dir.join("text")),
    );
    fs::remove_dir_all(&dir)
}
