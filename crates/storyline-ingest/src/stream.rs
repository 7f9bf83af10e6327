//! Byte-stream plumbing: peeking at magic bytes, transparent gzip/zstd
//! decompression, and reads that never allocate past a limit.

use std::io::{self, BufRead, BufReader, Cursor, Read};

use flate2::read::MultiGzDecoder;
use ruzstd::decoding::StreamingDecoder;

use crate::error::{CorruptStream, Error};

/// A boxed reader, so that decompressors can be stacked at run time.
pub(crate) type Stream<'a> = Box<dyn Read + 'a>;

const GZIP_MAGIC: &[u8] = &[0x1f, 0x8b];
const ZSTD_MAGIC: &[u8] = &[0x28, 0xb5, 0x2f, 0xfd];

/// Reads up to `n` bytes (fewer at the end of the stream, or before a read error)
/// and gives them back together with a reader that replays them, then the error
/// if there was one, then the rest. So a stream that breaks early still gives
/// the records before the break.
pub(crate) fn peek<'a>(mut r: Stream<'a>, n: usize) -> io::Result<(Vec<u8>, Stream<'a>)> {
    let mut head = vec![0; n];
    let mut filled = 0;
    let mut error = None;
    while filled < n {
        match r.read(head.get_mut(filled..).unwrap_or_default()) {
            Ok(0) => break,
            Ok(k) => filled += k,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => {
                error = Some(e);
                break;
            }
        }
    }
    head.truncate(filled);
    if filled == 0 {
        if let Some(e) = error {
            return Err(e);
        }
    }
    let replay = Replay {
        head: Cursor::new(head.clone()),
        error,
        rest: r,
    };
    Ok((head, Box::new(replay)))
}

/// The reader [`peek`] gives back.
struct Replay<'a> {
    head: Cursor<Vec<u8>>,
    error: Option<io::Error>,
    rest: Stream<'a>,
}

impl Read for Replay<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.head.read(buf)?;
        if n > 0 || buf.is_empty() {
            return Ok(n);
        }
        if let Some(e) = self.error.take() {
            return Err(e);
        }
        self.rest.read(buf)
    }
}

/// Unwraps gzip (every member) or zstd (every frame) when the magic bytes say so.
/// Returns the stream, the compression's name, and `name` without a `.gz`/`.zst`
/// extension (so that `a.jsonl.gz` is then read as JSONL).
pub(crate) fn decompress<'a>(
    name: &str,
    r: Stream<'a>,
) -> io::Result<(Stream<'a>, Option<&'static str>, String)> {
    let (head, r) = peek(r, 4)?;
    let lower = name.to_ascii_lowercase();
    let strip = |exts: &[&str]| {
        exts.iter()
            .find(|e| lower.ends_with(*e))
            .map_or(name.to_string(), |e| {
                name.get(..name.len() - e.len()).unwrap_or(name).to_string()
            })
    };
    if head.starts_with(GZIP_MAGIC) {
        let dec = MultiGzDecoder::new(r);
        let s = Labelled {
            inner: dec,
            format: "gzip",
        };
        return Ok((Box::new(s), Some("gzip"), strip(&[".gz", ".gzip", ".tgz"])));
    }
    if head.starts_with(ZSTD_MAGIC) {
        let s = Labelled {
            inner: Zstd::new(BufReader::new(r)),
            format: "zstd",
        };
        return Ok((Box::new(s), Some("zstd"), strip(&[".zst", ".zstd"])));
    }
    Ok((r, None, name.to_string()))
}

/// Marks every error of a decompressor as [`CorruptStream`].
struct Labelled<R> {
    inner: R,
    format: &'static str,
}

impl<R: Read> Read for Labelled<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        self.inner.read(buf).map_err(|e| {
            let detail = match e.kind() {
                io::ErrorKind::UnexpectedEof => "the stream ends early".to_string(),
                _ => e.to_string(),
            };
            io::Error::new(
                io::ErrorKind::InvalidData,
                CorruptStream {
                    format: self.format,
                    detail,
                },
            )
        })
    }
}

/// A zstd reader over every frame of a stream (`StreamingDecoder` reads one).
struct Zstd<R: BufRead> {
    state: ZstdState<R>,
}

enum ZstdState<R: BufRead> {
    /// Between frames: the source, not yet checked for another frame.
    Between(R),
    /// Inside a frame.
    Frame(Box<StreamingDecoder<R, ruzstd::decoding::FrameDecoder>>),
    /// Done, or failed.
    Done,
}

impl<R: BufRead> Zstd<R> {
    fn new(r: R) -> Self {
        Zstd {
            state: ZstdState::Between(r),
        }
    }
}

impl<R: BufRead> Read for Zstd<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        loop {
            match std::mem::replace(&mut self.state, ZstdState::Done) {
                ZstdState::Done => return Ok(0),
                ZstdState::Between(mut src) => {
                    if src.fill_buf()?.is_empty() {
                        return Ok(0);
                    }
                    match StreamingDecoder::new(src) {
                        Ok(d) => self.state = ZstdState::Frame(Box::new(d)),
                        Err(e) => return Err(io::Error::new(io::ErrorKind::InvalidData, e)),
                    }
                }
                ZstdState::Frame(mut d) => {
                    if buf.is_empty() {
                        self.state = ZstdState::Frame(d);
                        return Ok(0);
                    }
                    let n = d.read(buf)?;
                    if n > 0 {
                        self.state = ZstdState::Frame(d);
                        return Ok(n);
                    }
                    if !d.decoder.is_finished() {
                        return Err(io::ErrorKind::UnexpectedEof.into());
                    }
                    self.state = ZstdState::Between(d.into_inner());
                }
            }
        }
    }
}

/// Reads the whole stream, but never more than `max` bytes: past that, the read
/// stops and the input is reported as too large.
pub(crate) fn read_bounded(r: &mut dyn Read, max: usize) -> Result<Vec<u8>, Error> {
    let mut buf = Vec::new();
    r.take(max as u64 + 1).read_to_end(&mut buf)?;
    if buf.len() > max {
        return Err(Error::TooLarge(max));
    }
    Ok(buf)
}

/// What [`read_line`] found.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Line {
    /// End of the stream: nothing read.
    Eof,
    /// A line (with its `\n`, if any) is in the buffer.
    Read,
    /// A line longer than the limit was skipped; the buffer is empty.
    TooLong,
}

/// Reads one line into `buf` (cleared first), holding at most `max` bytes: a longer
/// line is consumed and dropped without being stored.
pub(crate) fn read_line(r: &mut dyn BufRead, buf: &mut Vec<u8>, max: usize) -> io::Result<Line> {
    buf.clear();
    let mut any = false;
    let mut too_long = false;
    loop {
        let avail = match r.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if avail.is_empty() {
            return Ok(match (any, too_long) {
                (false, _) => Line::Eof,
                (true, true) => Line::TooLong,
                (true, false) => Line::Read,
            });
        }
        any = true;
        let (n, done) = match avail.iter().position(|&b| b == b'\n') {
            Some(i) => (i + 1, true),
            None => (avail.len(), false),
        };
        if !too_long {
            if buf.len() + n > max {
                too_long = true;
                *buf = Vec::new();
            } else {
                buf.extend_from_slice(avail.get(..n).unwrap_or_default());
            }
        }
        r.consume(n);
        if done {
            return Ok(if too_long { Line::TooLong } else { Line::Read });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn read_line_skips_long_lines_and_keeps_the_rest() {
        let data = b"short\nxxxxxxxxxxxxxxxxxxxx\nlast".to_vec();
        let mut r = BufReader::with_capacity(4, Cursor::new(data));
        let mut buf = Vec::new();
        assert_eq!(read_line(&mut r, &mut buf, 10).unwrap(), Line::Read);
        assert_eq!(buf, b"short\n");
        assert_eq!(read_line(&mut r, &mut buf, 10).unwrap(), Line::TooLong);
        assert!(buf.is_empty());
        assert_eq!(read_line(&mut r, &mut buf, 10).unwrap(), Line::Read);
        assert_eq!(buf, b"last");
        assert_eq!(read_line(&mut r, &mut buf, 10).unwrap(), Line::Eof);
    }

    #[test]
    fn read_bounded_stops_past_the_limit() {
        let mut r = Cursor::new(vec![b'a'; 100]);
        assert!(matches!(read_bounded(&mut r, 99), Err(Error::TooLarge(99))));
        let mut r = Cursor::new(vec![b'a'; 100]);
        assert_eq!(read_bounded(&mut r, 100).unwrap().len(), 100);
    }

    #[test]
    fn peek_replays_the_head() {
        let (head, mut r) = peek(Box::new(Cursor::new(b"abcdef".to_vec())), 3).unwrap();
        assert_eq!(head, b"abc");
        let mut all = String::new();
        r.read_to_string(&mut all).unwrap();
        assert_eq!(all, "abcdef");
    }
}
