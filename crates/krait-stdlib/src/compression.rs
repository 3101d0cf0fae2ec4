//! What the streaming compressors and decompressors of `_bz2` and
//! `_lzma` share. Compressing runs the library until it has taken all the
//! input (and, finishing, written the end of the stream). Decompressing:
//! output
//! bounded by `max_length`, input kept for the next call when output was
//! cut short, what follows the end of the stream kept as `unused_data`,
//! and `needs_input` worked out as CPython works it out.

/// A decompressor object's state around its library stream.
#[derive(Default)]
pub struct StreamState {
    pub eof: bool,
    /// Input taken but not yet decompressed (output was limited).
    pub pending: Vec<u8>,
    pub unused_data: Vec<u8>,
    pub needs_input: bool,
}

/// What one call of the library did: bytes consumed and produced, and
/// whether the stream ended.
pub struct Step {
    pub consumed: usize,
    pub produced: usize,
    pub ended: bool,
}

impl StreamState {
    pub fn new() -> Self {
        StreamState {
            needs_input: true,
            ..Default::default()
        }
    }

    /// Decompresses `data` (after any pending input), at most
    /// `max_length` bytes of output (all of it when negative); `step`
    /// runs the library from an input to an output buffer.
    pub fn decompress<E>(
        &mut self,
        data: &[u8],
        max_length: i64,
        mut step: impl FnMut(&[u8], &mut [u8]) -> Result<Step, E>,
    ) -> Result<Vec<u8>, E> {
        let mut input = std::mem::take(&mut self.pending);
        input.extend_from_slice(data);
        let limit = usize::try_from(max_length).unwrap_or(usize::MAX);
        let mut out: Vec<u8> = Vec::new();
        let mut pos = 0;
        while out.len() < limit {
            let room = limit - out.len();
            let chunk = room.min((input.len() - pos).saturating_mul(4).clamp(8192, 1 << 22));
            let start = out.len();
            out.resize(start + chunk, 0);
            let s = step(&input[pos..], &mut out[start..])?;
            out.truncate(start + s.produced);
            pos += s.consumed;
            if s.ended {
                self.eof = true;
                break;
            }
            // Stuck (more input needed), or all input in and the output
            // not filled: nothing more comes now.
            if (s.consumed == 0 && s.produced == 0) || (pos == input.len() && s.produced < chunk) {
                break;
            }
        }
        let rest = input[pos..].to_vec();
        if self.eof {
            self.unused_data.extend_from_slice(&rest);
            self.needs_input = false;
        } else {
            // Output cut short leaves input (or output the library holds)
            // for the next call, which needs no new input.
            self.needs_input = !(out.len() == limit && limit > 0) && rest.is_empty();
            self.pending = rest;
        }
        Ok(out)
    }
}

/// Runs a compressor over `input`: `step` feeds it the input from an
/// offset into the spare room of `out` and returns the bytes consumed and
/// whether the stream ended. With `finishing`, runs until the end of the
/// stream is written, else until the input is taken and the output not
/// full.
pub fn compress_all<E>(
    input: &[u8],
    finishing: bool,
    mut step: impl FnMut(&[u8], &mut Vec<u8>) -> Result<(usize, bool), E>,
) -> Result<Vec<u8>, E> {
    let mut out = Vec::with_capacity(input.len() / 4 + 256);
    let mut pos = 0;
    loop {
        if out.capacity() - out.len() < 1024 {
            out.reserve(out.capacity().max(8192));
        }
        let (consumed, ended) = step(&input[pos..], &mut out)?;
        pos += consumed;
        let done = if finishing {
            ended
        } else {
            pos == input.len() && out.len() < out.capacity()
        };
        if done {
            return Ok(out);
        }
    }
}
