//! A small HTTP/1.1 load generator for `scripts/loadtest.sh`: N keep-alive connections
//! send `GET` requests to one URL for a fixed time (or until a request budget is spent)
//! and the latency of every request is kept, so percentiles are exact.
//!
//! ```text
//! cargo run --release -p storyline-server --example loadgen -- \
//!     http://127.0.0.1:8080/api/stories [CONNECTIONS] [SECONDS] [MAX_REQUESTS]
//! ```
//!
//! Prints one line: requests, requests per second, p50/p90/p99/max latency, non-2xx
//! responses and connection errors. Only loopback addresses are accepted.

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;

/// What one connection saw.
#[derive(Default)]
struct Tally {
    micros: Vec<u32>,
    non_2xx: u64,
    errors: u64,
}

/// Parses `http://HOST:PORT/PATH` into a loopback address and the path.
fn parse_url(url: &str) -> Result<(SocketAddr, String), String> {
    let rest = url
        .strip_prefix("http://")
        .ok_or("only http:// URLs are supported")?;
    let (host, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    let addr: SocketAddr = host
        .parse()
        .map_err(|e| format!("{host}: want IP:PORT ({e})"))?;
    if !addr.ip().is_loopback() {
        return Err(format!("{addr} is not a loopback address"));
    }
    Ok((addr, if path.is_empty() { "/" } else { path }.to_string()))
}

/// Reads and drops `n` bytes.
async fn skip(r: &mut BufReader<TcpStream>, n: usize) -> std::io::Result<()> {
    let mut sink = [0u8; 8192];
    let mut left = n;
    while left > 0 {
        let k = left.min(sink.len());
        r.read_exact(&mut sink[..k]).await?;
        left -= k;
    }
    Ok(())
}

/// Reads one response; returns its status code.
async fn read_response(r: &mut BufReader<TcpStream>) -> std::io::Result<u16> {
    let bad = |m: &str| std::io::Error::new(std::io::ErrorKind::InvalidData, m.to_string());
    let mut line = String::new();
    if r.read_line(&mut line).await? == 0 {
        return Err(bad("connection closed"));
    }
    let status: u16 = line
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| bad("no status line"))?;
    let (mut length, mut chunked) = (0usize, false);
    loop {
        line.clear();
        if r.read_line(&mut line).await? == 0 {
            return Err(bad("headers cut short"));
        }
        let h = line.trim_end().to_ascii_lowercase();
        if h.is_empty() {
            break;
        }
        if let Some(v) = h.strip_prefix("content-length:") {
            length = v.trim().parse().map_err(|_| bad("bad content-length"))?;
        } else if h.starts_with("transfer-encoding:") && h.contains("chunked") {
            chunked = true;
        }
    }
    if chunked {
        loop {
            line.clear();
            r.read_line(&mut line).await?;
            let size = usize::from_str_radix(line.trim().split(';').next().unwrap_or(""), 16)
                .map_err(|_| bad("bad chunk size"))?;
            skip(r, size + 2).await?;
            if size == 0 {
                break;
            }
        }
    } else {
        skip(r, length).await?;
    }
    Ok(status)
}

/// One keep-alive connection sending requests until `until` or the shared budget ends.
async fn connection(
    addr: SocketAddr,
    request: std::sync::Arc<Vec<u8>>,
    until: Instant,
    budget: std::sync::Arc<std::sync::atomic::AtomicI64>,
) -> Tally {
    use std::sync::atomic::Ordering;
    let mut t = Tally::default();
    let mut conn: Option<BufReader<TcpStream>> = None;
    while Instant::now() < until && budget.fetch_sub(1, Ordering::Relaxed) > 0 {
        let start = Instant::now();
        let result = async {
            if conn.is_none() {
                conn = Some(BufReader::new(TcpStream::connect(addr).await?));
            }
            let Some(c) = conn.as_mut() else {
                return Err(std::io::Error::other("no connection"));
            };
            c.get_mut().write_all(&request).await?;
            read_response(c).await
        }
        .await;
        match result {
            Ok(status) => {
                t.micros
                    .push(start.elapsed().as_micros().min(u32::MAX as u128) as u32);
                if !(200..300).contains(&status) {
                    t.non_2xx += 1;
                }
            }
            Err(_) => {
                t.errors += 1;
                conn = None;
            }
        }
    }
    t
}

fn percentile(sorted: &[u32], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let i = ((sorted.len() as f64 * p).ceil() as usize).clamp(1, sorted.len()) - 1;
    sorted[i] as f64 / 1000.0
}

fn main() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let url = args.first().ok_or(
        "usage: loadgen http://127.0.0.1:PORT/PATH [CONNECTIONS] [SECONDS] [MAX_REQUESTS]",
    )?;
    let num = |i: usize, default: u64| -> Result<u64, String> {
        args.get(i).map_or(Ok(default), |s| {
            s.parse().map_err(|_| format!("{s}: not a number"))
        })
    };
    let (connections, seconds, max) = (num(1, 32)?.max(1), num(2, 10)?, num(3, 1_000_000)?);
    let (addr, path) = parse_url(url)?;
    let request = format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\nAccept: */*\r\n\r\n");
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| e.to_string())?;
    let started = Instant::now();
    let tallies = rt.block_on(async {
        let until = Instant::now() + Duration::from_secs(seconds);
        let request = std::sync::Arc::new(request.into_bytes());
        let budget = std::sync::Arc::new(std::sync::atomic::AtomicI64::new(max as i64));
        let tasks: Vec<_> = (0..connections)
            .map(|_| tokio::spawn(connection(addr, request.clone(), until, budget.clone())))
            .collect();
        let mut out = Vec::new();
        for t in tasks {
            out.push(t.await.unwrap_or_default());
        }
        out
    });
    let elapsed = started.elapsed().as_secs_f64();
    let mut all: Vec<u32> = tallies
        .iter()
        .flat_map(|t| t.micros.iter().copied())
        .collect();
    all.sort_unstable();
    let non_2xx: u64 = tallies.iter().map(|t| t.non_2xx).sum();
    let errors: u64 = tallies.iter().map(|t| t.errors).sum();
    println!(
        "GET {path}: {} requests in {elapsed:.1}s over {connections} connections: {:.0} req/s, \
         latency p50 {:.2} ms, p90 {:.2} ms, p99 {:.2} ms, max {:.2} ms; non-2xx {non_2xx}, errors {errors}",
        all.len(),
        all.len() as f64 / elapsed.max(1e-9),
        percentile(&all, 0.50),
        percentile(&all, 0.90),
        percentile(&all, 0.99),
        percentile(&all, 1.0),
    );
    if all.is_empty() || errors > 0 || non_2xx > 0 {
        return Err("some requests failed".into());
    }
    Ok(())
}
