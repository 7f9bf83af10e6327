//! A WARC.gz crawl as the benchmark writes it (one gzip member per record): a
//! non-HTML response and a cut-short last member leave every good page read.

use std::io::Write;

use flate2::write::GzEncoder;
use flate2::Compression;

fn member(kind: &str, uri: &str, http_type: &str, body: &[u8]) -> Vec<u8> {
    let mut block = format!("HTTP/1.1 200 OK\r\nContent-Type: {http_type}\r\n\r\n").into_bytes();
    block.extend_from_slice(body);
    let mut rec = format!(
        "WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2025-01-20T08:00:00Z\r\n\
         Content-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    rec.extend_from_slice(&block);
    rec.extend_from_slice(b"\r\n\r\n");
    let mut gz = GzEncoder::new(Vec::new(), Compression::fast());
    gz.write_all(&rec).unwrap();
    gz.finish().unwrap()
}

fn page(n: usize) -> String {
    format!(
        "<html><head><title>Council meeting {n}</title></head><body><article><h1>Council meeting {n}</h1>\
         <p>The town council of Brenley met for the {n}th time this year on Thursday evening to debate the parking plan.</p>\
         <p>Members voted to delay a decision until the spring, the clerk said after the meeting.</p></article></body></html>"
    )
}

fn read(data: &[u8]) -> (Vec<String>, Vec<String>) {
    let (mut urls, mut diags) = (Vec::new(), Vec::new());
    storyline_ingest::read_reader("crawl.warc.gz", data, &mut |r| match r {
        Ok(a) => urls.push(a.url.unwrap_or_default()),
        Err(d) => diags.push(d.message),
    });
    (urls, diags)
}

#[test]
fn non_html_record_and_cut_last_member_leave_good_records() {
    let mut data = Vec::new();
    for n in 0..5 {
        data.extend(member(
            "response",
            &format!("https://brenley.example/{n}"),
            "text/html",
            page(n).as_bytes(),
        ));
        if n == 2 {
            let jpeg: Vec<u8> = (0..3000u32).map(|k| (k * 7919 % 251) as u8).collect();
            data.extend(member(
                "response",
                "https://brenley.example/photo.jpg",
                "image/jpeg",
                &jpeg,
            ));
            data.extend(member(
                "response",
                "https://brenley.example/app.js",
                "application/javascript",
                b"var x = 1;",
            ));
        }
    }
    let last = member(
        "response",
        "https://brenley.example/cut",
        "text/html",
        page(9).as_bytes(),
    );
    let want: Vec<String> = (0..5)
        .map(|n| format!("https://brenley.example/{n}"))
        .collect();
    for cut in [10, last.len() / 2, last.len() - 4] {
        let mut damaged = data.clone();
        damaged.extend_from_slice(&last[..cut]);
        let (urls, diags) = read(&damaged);
        // Cut inside the gzip trailer, the record itself is whole and may be read.
        let whole = cut + 8 > last.len();
        let good = if whole {
            urls.get(..5).unwrap_or(&urls)
        } else {
            &urls[..]
        };
        assert_eq!(good, &want[..], "cut at {cut}");
        assert_eq!(diags.len(), 1, "cut at {cut}: {diags:?}");
        assert!(diags[0].contains("gzip"), "{diags:?}");
    }
    // Undamaged: the same five pages and no diagnostic.
    let (urls, diags) = read(&data);
    assert_eq!((urls.len(), diags.len()), (5, 0), "{diags:?}");
}
