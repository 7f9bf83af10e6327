//! Extraction tests on small pages written for them.

use super::read;

const PAGE: &str = r##"<!DOCTYPE html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <title>Harbour reopens after storm | The Coastal Herald</title>
  <meta property="og:site_name" content="The Coastal Herald">
  <meta property="article:published_time" content="2024-03-05T06:30:00+00:00">
  <meta name="author" content="Mara Lindqvist">
  <link rel="canonical" href="https://herald.example/harbour-reopens">
  <style>p { color: red }</style>
  <script>var tracking = "<p>not text</p>";</script>
</head>
<body>
  <header class="site-header"><a href="/">The Coastal Herald</a></header>
  <nav><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav>
  <main>
    <article class="story">
      <h1>Harbour reopens after storm</h1>
      <div class="share-buttons"><a href="#">Share on X</a> <a href="#">Email</a></div>
      <div class="story-body">
        <p>The harbour at Port Elsin reopened on Tuesday, four days after a winter storm
           tore two cranes from their rails, the port authority said.</p>
        <p>&ldquo;Ships can dock again,&rdquo; said harbour master Ilse Brandt, adding that
           repairs to the northern quay would take until April.</p>
        <h2>Costs still unclear</h2>
        <p>Insurers have not yet put a figure on the damage, which local officials
           estimate at several million euros.</p>
        <div class="ad-slot">Advertisement</div>
      </div>
      <footer class="story-tags"><a href="/t/ports">Ports</a></footer>
    </article>
    <aside class="related"><h3>Related</h3><ul><li><a href="/x">Ferry timetable changes for spring season</a></li></ul></aside>
  </main>
  <footer><p>Copyright 2024 The Coastal Herald. All rights reserved, every single one of them.</p></footer>
</body>
</html>"##;

#[test]
fn extracts_body_and_metadata() {
    let raw = read("page.html".into(), PAGE.as_bytes().to_vec(), None).unwrap();
    assert_eq!(raw.title.as_deref(), Some("Harbour reopens after storm"));
    assert_eq!(
        raw.date.map(|d| d.to_string()).as_deref(),
        Some("2024-03-05")
    );
    assert_eq!(raw.author.as_deref(), Some("Mara Lindqvist"));
    assert_eq!(raw.source.as_deref(), Some("The Coastal Herald"));
    assert_eq!(
        raw.url.as_deref(),
        Some("https://herald.example/harbour-reopens")
    );
    assert_eq!(raw.lang.as_deref(), Some("en"));
    let paras: Vec<&str> = raw.text.split("\n\n").collect();
    assert_eq!(
        paras,
        [
            "Harbour reopens after storm",
            "The harbour at Port Elsin reopened on Tuesday, four days after a winter storm tore two cranes from their rails, the port authority said.",
            "“Ships can dock again,” said harbour master Ilse Brandt, adding that repairs to the northern quay would take until April.",
            "Costs still unclear",
            "Insurers have not yet put a figure on the damage, which local officials estimate at several million euros.",
        ]
    );
    let body = raw.body.clone().unwrap();
    assert!(raw.text[body].starts_with("The harbour at Port Elsin"));
}

#[test]
fn json_ld_wins_and_charset_is_decoded() {
    let page = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">\
        <title>Site title</title>\
        <script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@graph\":[\
        {\"@type\":\"WebSite\",\"name\":\"Le Quotidien\"},\
        {\"@type\":\"NewsArticle\",\"headline\":\"Caf\u{e9}s close early\",\"datePublished\":\"2023-11-02\",\
        \"author\":[{\"@type\":\"Person\",\"name\":\"Jo Ferrand\"}],\"publisher\":{\"name\":\"Le Quotidien\"}}]}</script>\
        </head><body><div><p>Owners of caf\u{e9}s in the old town agreed on Monday to close at nine, citing costs.</p>\
        <p><time datetime=\"2020-01-01\">Earlier</time> reports said the plan had been dropped, but it was not.</p></div></body></html>";
    // The same page in ISO-8859-1 bytes.
    let bytes: Vec<u8> = page.chars().map(|c| c as u32 as u8).collect();
    let raw = read("p.html".into(), bytes, None).unwrap();
    assert_eq!(raw.title.as_deref(), Some("Cafés close early"));
    assert_eq!(
        raw.date.map(|d| d.to_string()).as_deref(),
        Some("2023-11-02")
    );
    assert_eq!(raw.author.as_deref(), Some("Jo Ferrand"));
    assert_eq!(raw.source.as_deref(), Some("Le Quotidien"));
    assert!(raw.text.contains("Owners of cafés in the old town"));
}

#[test]
fn only_the_first_title_counts() {
    let page = "<html><head><title>Tram line extended</title></head><body>\
        <svg><title>Menu icon</title></svg>\
        <p>The city will extend the tram line to the new hospital by 2027, the transport office said.</p></body></html>";
    let raw = read("p.html".into(), page.as_bytes().to_vec(), None).unwrap();
    assert_eq!(raw.title.as_deref(), Some("Tram line extended"));
}

#[test]
fn falls_back_to_time_and_h1() {
    let page = "<body><h1>Dam&nbsp;levels fall</h1><p>Posted <time datetime=\"2022-08-14T09:00\">Sunday</time></p>\
        <p>Reservoirs in the valley are at a third of capacity after a dry summer, the water board said.</p></body>";
    let raw = read("p.html".into(), page.as_bytes().to_vec(), None).unwrap();
    assert_eq!(raw.title.as_deref(), Some("Dam levels fall"));
    assert_eq!(
        raw.date.map(|d| d.to_string()).as_deref(),
        Some("2022-08-14")
    );
    assert!(raw.text.ends_with("the water board said."));
}

#[test]
fn page_without_text_is_an_error() {
    let page = "<html><body><nav><a href=\"/\">Home</a></nav><script>x()</script></body></html>";
    assert!(read("p.html".into(), page.as_bytes().to_vec(), None).is_err());
}

#[test]
fn undeclared_latin1_is_refused() {
    assert!(read("p.html".into(), b"<p>caf\xe9 au lait</p>".to_vec(), None).is_err());
}

#[test]
fn furniture_named_wrapper_does_not_hide_the_article() {
    let page = "<body><div class=\"layout-with-sidebar\"><div class=\"main-column\">\
        <p>The school board voted on Wednesday to delay the start of classes by thirty minutes.</p>\
        <p>Parents had asked for the change for two years, citing studies of teenage sleep.</p></div>\
        <div class=\"sidebar\"><p>Most read: a long list of other headlines from around the region today.</p></div>\
        </div></body>";
    let raw = read("p.html".into(), page.as_bytes().to_vec(), None).unwrap();
    assert!(
        raw.text.starts_with("The school board voted"),
        "{}",
        raw.text
    );
    assert!(!raw.text.contains("Most read"), "{}", raw.text);
}

#[test]
fn text_split_by_line_breaks_and_sibling_sections() {
    let page = "<body><div id=\"story\">\
        <div class=\"part\"><p>Flooding closed the coastal road near Arnby on Saturday, police said, and it may stay shut.</p>\
        <p>Engineers will inspect the sea wall, which was built in 1962, on Monday morning.</p></div>\
        <div class=\"part\"><p>Residents were told to avoid the area, and a shelter opened at the sports hall.</p>\
        <p>The council said sandbags, blankets and food were available there, free of charge.</p></div>\
        </div><div class=\"comments\"><p>Great report, thanks, very useful for all of us living nearby.</p></div></body>";
    let raw = read("p.html".into(), page.as_bytes().to_vec(), None).unwrap();
    assert_eq!(raw.text.split("\n\n").count(), 4, "{}", raw.text);
    assert!(!raw.text.contains("Great report"));

    let br =
        "<body><div class=\"entry\">Voters in the district elected a new mayor on Sunday.<br><br>\
        Turnout was 61 percent, the highest in a decade, the election office said.</div></body>";
    let raw = read("p.html".into(), br.as_bytes().to_vec(), None).unwrap();
    assert_eq!(raw.text.split("\n\n").count(), 2, "{}", raw.text);
}

#[test]
fn deep_nesting_is_bounded() {
    let page = format!(
        "{}<p>Deep text that still reads as a sentence of prose.</p>",
        "<div>".repeat(100_000)
    );
    let raw = read("p.html".into(), page.into_bytes(), None).unwrap();
    assert!(raw.text.contains("Deep text"));
}
