//! Any bytes, under any of the names that steer format detection, must give
//! articles or diagnostics and never panic; every body range must index the text.
#![no_main]

use libfuzzer_sys::fuzz_target;

const NAMES: &[&str] = &[
    "a.txt", "a.jsonl", "a.json", "a.html", "a.xml", "a.warc", "a.gz", "a.zst", "-",
];

fuzz_target!(|data: &[u8]| {
    let Some((&pick, bytes)) = data.split_first() else {
        return;
    };
    let name = NAMES[usize::from(pick) % NAMES.len()];
    let mut items = 0;
    storyline_ingest::read_reader(name, bytes, &mut |item| {
        items += 1;
        if let Ok(a) = item {
            if let Some(r) = a.body {
                assert!(a.text.get(r).is_some());
            }
        }
    });
    assert!(items > 0);
});
