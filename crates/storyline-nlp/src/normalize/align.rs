//! The offset map between an edited text and its source.

/// One stretch of the edited text: from `out` (in the edited text) and `src` (in the source)
/// up to the next piece. A copied piece maps byte for byte; a replaced piece maps every offset
/// inside it to its start. A dropped run is a replaced piece of length zero.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Piece {
    pub(super) out: usize,
    pub(super) src: usize,
    pub(super) copy: bool,
}

/// Byte offsets of an edited text mapped to those of its source, and back.
///
/// Both directions are monotone (non-decreasing) and map `0` to `0` and the end to the end.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Alignment {
    /// Pieces in order; both `out` and `src` are non-decreasing. Empty for the identity.
    pieces: Vec<Piece>,
    out_len: usize,
    src_len: usize,
}

impl Alignment {
    /// The identity map over a text of `len` bytes.
    pub fn identity(len: usize) -> Self {
        Alignment {
            pieces: Vec::new(),
            out_len: len,
            src_len: len,
        }
    }

    pub(super) fn from_pieces(pieces: Vec<Piece>, out_len: usize, src_len: usize) -> Self {
        let identity = out_len == src_len && pieces.iter().all(|p| p.copy && p.out == p.src);
        if identity {
            return Alignment::identity(out_len);
        }
        Alignment {
            pieces,
            out_len,
            src_len,
        }
    }

    /// True when the edited text is the source unchanged.
    pub fn is_identity(&self) -> bool {
        self.pieces.is_empty()
    }

    /// Length of the edited text.
    pub fn len(&self) -> usize {
        self.out_len
    }

    /// True when the edited text is empty.
    pub fn is_empty(&self) -> bool {
        self.out_len == 0
    }

    /// Where piece `k` ends, in the edited text and in the source.
    fn piece_end(&self, k: usize) -> (usize, usize) {
        match self.pieces.get(k + 1) {
            Some(n) => (n.out, n.src),
            None => (self.out_len, self.src_len),
        }
    }

    /// Source offset of the character at `offset` of the edited text (start-biased: a run
    /// dropped right before it is skipped).
    pub fn to_original(&self, offset: usize) -> usize {
        let offset = offset.min(self.out_len);
        if self.pieces.is_empty() {
            return offset;
        }
        let k = self.pieces.partition_point(|p| p.out <= offset);
        if k == 0 {
            return 0;
        }
        let p = self.pieces[k - 1];
        let (out_end, src_end) = self.piece_end(k - 1);
        if offset >= out_end {
            // Only reachable at the very end of the text.
            return src_end;
        }
        if p.copy {
            (p.src + (offset - p.out)).min(src_end)
        } else {
            p.src
        }
    }

    /// Source offset for the end of a span ending at `offset` (end-biased: a run dropped right
    /// before `offset` is not included).
    pub fn to_original_end(&self, offset: usize) -> usize {
        let offset = offset.min(self.out_len);
        if self.pieces.is_empty() {
            return offset;
        }
        let k = self.pieces.partition_point(|p| p.out < offset);
        if k == 0 {
            return 0;
        }
        let p = self.pieces[k - 1];
        let (out_end, src_end) = self.piece_end(k - 1);
        if p.copy {
            (p.src + (offset - p.out)).min(src_end)
        } else if offset >= out_end {
            src_end
        } else {
            p.src
        }
    }

    /// Edited-text offset of what was at `offset` of the source. Offsets inside a replaced or
    /// dropped run map to where its replacement starts.
    pub fn to_normalized(&self, offset: usize) -> usize {
        let offset = offset.min(self.src_len);
        if self.pieces.is_empty() {
            return offset;
        }
        let k = self.pieces.partition_point(|p| p.src <= offset);
        if k == 0 {
            return 0;
        }
        // Among pieces starting at the same source offset, the last one is non-empty there.
        let p = self.pieces[k - 1];
        let (out_end, src_end) = self.piece_end(k - 1);
        if offset >= src_end {
            return out_end;
        }
        if p.copy {
            (p.out + (offset - p.src)).min(out_end)
        } else {
            p.out
        }
    }
}

/// Builds an edited text from its source, copying unchanged stretches in bulk.
pub(super) struct Builder<'a> {
    src: &'a str,
    out: String,
    pieces: Vec<Piece>,
    /// Start of the stretch of `src` not yet copied.
    pending: usize,
}

impl<'a> Builder<'a> {
    pub(super) fn new(src: &'a str) -> Self {
        Builder {
            src,
            out: String::new(),
            pieces: Vec::new(),
            pending: 0,
        }
    }

    /// True when nothing has been written or is waiting to be copied before `at`.
    pub(super) fn nothing_before(&self, at: usize) -> bool {
        self.out.is_empty() && self.pending >= at
    }

    /// Copies the pending source stretch up to `upto`.
    fn flush(&mut self, upto: usize) {
        if self.pending >= upto {
            return;
        }
        if self.out.capacity() == 0 {
            self.out.reserve(self.src.len());
        }
        let contiguous = self.pieces.last().is_some_and(|last| {
            last.copy && last.src + (self.out.len() - last.out) == self.pending
        });
        if !contiguous {
            self.pieces.push(Piece {
                out: self.out.len(),
                src: self.pending,
                copy: true,
            });
        }
        self.out
            .push_str(self.src.get(self.pending..upto).unwrap_or(""));
        self.pending = upto;
    }

    /// Replaces `src[start..end]` with `with` (which may be empty).
    pub(super) fn replace(&mut self, start: usize, end: usize, with: &str) {
        self.flush(start);
        if self.out.capacity() == 0 {
            self.out.reserve(self.src.len());
        }
        self.pieces.push(Piece {
            out: self.out.len(),
            src: start,
            copy: false,
        });
        self.out.push_str(with);
        self.pending = end;
    }

    /// The edited text and its alignment.
    pub(super) fn finish(mut self) -> (String, Alignment) {
        if self.pieces.is_empty() {
            // Nothing changed: one copy, no table.
            return (self.src.to_owned(), Alignment::identity(self.src.len()));
        }
        self.flush(self.src.len());
        let len = self.out.len();
        let alignment = Alignment::from_pieces(self.pieces, len, self.src.len());
        (self.out, alignment)
    }
}
