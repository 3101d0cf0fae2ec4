//! The string a pattern runs over, and the matcher's runs: one match at a
//! position, a search, and the successive matches of a scan.

use krait_vm::api::{bytes_data, value_pystr, PyResult, Value, Vm};
use rustpython_sre_engine::{Request, State, StrDrive};
use rustpython_wtf8::Wtf8;
use std::borrow::Cow;

/// How a pattern is applied at its start position.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Anchored at the start (`match`).
    Match,
    /// Anchored at both ends (`fullmatch`).
    Full,
    /// At the first position where it matches (`search`).
    Search,
}

/// Where a match and its groups lie, in characters; `None` for a group
/// that did not take part.
#[derive(Clone, Debug)]
pub struct Found {
    pub spans: Vec<Option<(usize, usize)>>,
    pub lastindex: isize,
}

impl Found {
    pub fn start(&self) -> usize {
        self.spans[0].map_or(0, |s| s.0)
    }

    pub fn end(&self) -> usize {
        self.spans[0].map_or(0, |s| s.1)
    }
}

/// A subject's code units as the matcher reads them.
pub struct Subject<'a> {
    bytes: Cow<'a, [u8]>,
    /// One byte per character (bytes, or an ASCII str).
    narrow: bool,
    pub is_bytes: bool,
    /// The length in characters.
    pub len: usize,
}

impl<'a> Subject<'a> {
    /// The subject `v` for a pattern of str (`want_bytes` false) or bytes.
    pub fn new(vm: &Vm, v: &'a Value, want_bytes: bool) -> PyResult<Subject<'a>> {
        if let Some(s) = value_pystr(v) {
            if want_bytes {
                return Err(vm.type_error("cannot use a bytes pattern on a string-like object"));
            }
            return Ok(Subject {
                bytes: Cow::Borrowed(s.as_bytes()),
                narrow: s.is_ascii(),
                is_bytes: false,
                len: s.len(),
            });
        }
        if let Some(b) = bytes_data(v) {
            if !want_bytes {
                return Err(vm.type_error("cannot use a string pattern on a bytes-like object"));
            }
            let len = b.len();
            return Ok(Subject {
                bytes: b,
                narrow: true,
                is_bytes: true,
                len,
            });
        }
        Err(vm.type_error(format!(
            "expected string or bytes-like object, got '{}'",
            vm.type_name(v)
        )))
    }

    /// Runs `f` with the subject as the matcher's string type.
    fn with<R>(&self, f: impl FnOnce(Drive<'_>) -> R) -> R {
        if self.narrow {
            f(Drive::Narrow(&self.bytes))
        } else {
            let w = Wtf8::from_bytes(&self.bytes).expect("a str's bytes are WTF-8");
            f(Drive::Wide(w))
        }
    }

    /// `pos` and `endpos` clamped to the subject, as CPython adjusts them.
    pub fn bounds(&self, pos: i64, endpos: i64) -> (usize, usize) {
        let clamp = |n: i64| n.clamp(0, self.len as i64) as usize;
        (clamp(pos), clamp(endpos))
    }

    /// One run of `code` from `pos`, not past `endpos`.
    pub fn find(
        &self,
        code: &[u32],
        groups: usize,
        pos: usize,
        endpos: usize,
        mode: Mode,
    ) -> Option<Found> {
        self.scan_next(code, groups, pos, endpos, mode, false)
    }

    /// The next match of a scan from `pos`; `must_advance` after an empty
    /// match there, so that the scan moves on.
    pub fn scan_next(
        &self,
        code: &[u32],
        groups: usize,
        pos: usize,
        endpos: usize,
        mode: Mode,
        must_advance: bool,
    ) -> Option<Found> {
        if pos > endpos {
            return None;
        }
        self.with(|d| match d {
            Drive::Narrow(s) => find(s, code, groups, pos, endpos, mode, must_advance),
            Drive::Wide(s) => find(s, code, groups, pos, endpos, mode, must_advance),
        })
    }

    /// Every match from `pos` to `endpos`, at most `limit` (0: all), as
    /// `findall`, `sub` and `split` take them.
    pub fn find_all(
        &self,
        code: &[u32],
        groups: usize,
        pos: usize,
        endpos: usize,
        limit: usize,
    ) -> Vec<Found> {
        let mut out = Vec::new();
        let (mut at, mut must_advance) = (pos, false);
        while limit == 0 || out.len() < limit {
            let Some(f) = self.scan_next(code, groups, at, endpos, Mode::Search, must_advance)
            else {
                break;
            };
            must_advance = f.end() == f.start();
            at = f.end();
            out.push(f);
        }
        out
    }

    /// The text from character `start` to `end`, as a new str or bytes.
    pub fn slice(&self, vm: &Vm, start: usize, end: usize) -> Value {
        if self.is_bytes {
            // A bytearray may have shrunk since the match: slice as Python
            // slices, within what is there now.
            let end = end.min(self.bytes.len());
            return vm.new_bytes(self.bytes[start.min(end)..end].to_vec());
        }
        let (a, b) = if self.narrow {
            (start, end)
        } else {
            (
                byte_offset(&self.bytes, start),
                byte_offset(&self.bytes, end),
            )
        };
        vm.new_pystr(krait_vm::api::PyStr::from_wtf8(self.bytes[a..b].to_vec()))
    }

    /// An empty str or bytes, to join pieces with.
    pub fn empty(&self, vm: &Vm) -> Value {
        if self.is_bytes {
            vm.new_bytes(Vec::new())
        } else {
            vm.new_str("")
        }
    }
}

/// The byte offset of character `i` in WTF-8 `bytes`.
fn byte_offset(bytes: &[u8], i: usize) -> usize {
    let mut count = 0;
    for (pos, &b) in bytes.iter().enumerate() {
        if b & 0xC0 != 0x80 {
            if count == i {
                return pos;
            }
            count += 1;
        }
    }
    bytes.len()
}

#[derive(Clone, Copy)]
enum Drive<'a> {
    Narrow(&'a [u8]),
    Wide(&'a Wtf8),
}

fn find<S: StrDrive>(
    s: S,
    code: &[u32],
    groups: usize,
    pos: usize,
    endpos: usize,
    mode: Mode,
    must_advance: bool,
) -> Option<Found> {
    let mut req = Request::new(s, pos, endpos, code, mode == Mode::Full);
    req.must_advance = must_advance;
    let mut state = State::default();
    let matched = match mode {
        Mode::Search => state.search(req),
        Mode::Match | Mode::Full => state.py_match(&req),
    };
    if !matched {
        return None;
    }
    let mut spans = Vec::with_capacity(groups + 1);
    spans.push(Some((state.start, state.cursor.position)));
    for g in 0..groups {
        let (a, b) = state.marks.get(g);
        spans.push(match (a.is_some(), b.is_some()) {
            (true, true) if a.unpack() <= b.unpack() => Some((a.unpack(), b.unpack())),
            _ => None,
        });
    }
    Some(Found {
        spans,
        lastindex: state.marks.last_index(),
    })
}
