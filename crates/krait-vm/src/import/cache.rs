//! The cache of compiled modules: `__pycache__/NAME.krait-311.pyc` next
//! to the source (or, where that directory cannot be written, the same
//! under the user's cache directory, `$XDG_CACHE_HOME/krait` or
//! `~/.cache/krait`, mirroring the source's path).
//!
//! A file is laid out as CPython lays out a `.pyc`: a magic number (this
//! build's, see `krait_compiler::code_cache::magic`), flags, the source's
//! modification time and size, then the code as `marshal.dumps` writes
//! it. So `importlib`'s own loader reads and writes the same files. A
//! file whose magic, time or size does not match is ignored and
//! rewritten.
//!
//! `sys.dont_write_bytecode` (`PYTHONDONTWRITEBYTECODE`) keeps Krait from
//! writing beside the sources; its own cache directory is still used. A
//! CPython install comes with its modules compiled, Krait compiles them
//! once per user: without the cache every import of the standard library
//! would compile it again.

use crate::vm::{PyResult, Vm};
use krait_compiler::code_cache;
use krait_compiler::Code;
use std::path::{Path, PathBuf};
use std::rc::Rc;

/// The source file's modification time and size, as a `.pyc` records
/// them (the low 32 bits of each).
#[derive(Clone, Copy, PartialEq, Eq)]
struct SourceStamp {
    mtime: u32,
    size: u32,
}

fn stamp(file: &Path) -> Option<SourceStamp> {
    let meta = std::fs::metadata(file).ok()?;
    let mtime = meta
        .modified()
        .ok()?
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?
        .as_secs();
    Some(SourceStamp {
        mtime: mtime as u32,
        size: meta.len() as u32,
    })
}

/// Where the cached code of `file` may be: beside it, then in the user's
/// cache directory.
fn cache_paths(file: &Path) -> Vec<PathBuf> {
    let (Some(dir), Some(stem)) = (file.parent(), file.file_stem()) else {
        return Vec::new();
    };
    let name = format!("{}.krait-311.pyc", stem.to_string_lossy());
    let mut paths = vec![dir.join("__pycache__").join(&name)];
    let user = std::env::var_os("XDG_CACHE_HOME")
        .filter(|d| !d.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")));
    if let Some(user) = user {
        let relative = dir.strip_prefix("/").unwrap_or(dir);
        paths.push(user.join("krait").join(relative).join(&name));
    }
    paths
}

/// `code` as `marshal.dumps` writes a code object: `c`, the length, then
/// the code cache's encoding.
pub(crate) fn marshal_code(code: &Code) -> Vec<u8> {
    let body = code_cache::encode(code);
    let mut out = Vec::with_capacity(body.len() + 5);
    out.push(b'c');
    out.extend_from_slice(&(body.len() as u32).to_le_bytes());
    out.extend_from_slice(&body);
    out
}

/// The code `marshal_code` wrote at the start of `bytes` (after its `c`),
/// and how many bytes it took.
pub(crate) fn unmarshal_code(bytes: &[u8]) -> Option<(Rc<Code>, usize)> {
    let len = u32::from_le_bytes(bytes.get(..4)?.try_into().ok()?) as usize;
    let body = bytes.get(4..4 + len)?;
    Some((code_cache::decode(body)?, 4 + len))
}

fn header(stamp: SourceStamp) -> [u8; 16] {
    let mut h = [0u8; 16];
    h[..4].copy_from_slice(&code_cache::magic());
    h[8..12].copy_from_slice(&stamp.mtime.to_le_bytes());
    h[12..16].copy_from_slice(&stamp.size.to_le_bytes());
    h
}

fn read_cached(path: &Path, stamp: SourceStamp) -> Option<Rc<Code>> {
    let bytes = std::fs::read(path).ok()?;
    if bytes.get(..16)? != header(stamp) || bytes.get(16) != Some(&b'c') {
        return None;
    }
    let (code, used) = unmarshal_code(&bytes[17..])?;
    (17 + used == bytes.len()).then_some(code)
}

/// Writes the file whole or not at all: to a temporary name, then
/// renamed over the old one.
fn write_cached(path: &Path, data: &[u8]) -> bool {
    let Some(dir) = path.parent() else {
        return false;
    };
    if std::fs::create_dir_all(dir).is_err() {
        return false;
    }
    let tmp = path.with_extension(format!("pyc.{}", std::process::id()));
    if std::fs::write(&tmp, data).is_err() {
        return false;
    }
    if std::fs::rename(&tmp, path).is_err() {
        let _ = std::fs::remove_file(&tmp);
        return false;
    }
    true
}

impl Vm {
    /// The compiled code of the module in `file`: from the cache when it
    /// is current, else compiled (and cached). Also returns where the
    /// cache file is (`__cached__`).
    pub(crate) fn module_code(
        &mut self,
        file: &str,
        name: &str,
    ) -> PyResult<(Rc<Code>, Option<String>)> {
        let path = Path::new(file);
        let paths = cache_paths(path);
        let stamp = stamp(path);
        if let Some(stamp) = stamp {
            for p in &paths {
                if let Some(code) = read_cached(p, stamp) {
                    return Ok((code, Some(p.to_string_lossy().into_owned())));
                }
            }
        }
        let source = match std::fs::read(file)
            .ok()
            .and_then(|b| krait_syntax::source::decode_source(&b).ok())
        {
            Some(s) => s,
            None => return Err(self.module_not_found(name, "No module named '{}'")),
        };
        let code = self.compile_source(&source, file, crate::runner::Mode::Exec)?;
        let no_write = self.sys_attr("dont_write_bytecode");
        let beside_source = !self.truthy(&no_write)?;
        let mut cached = None;
        if let Some(stamp) = stamp {
            let mut data = header(stamp).to_vec();
            data.extend_from_slice(&marshal_code(&code));
            let writable = paths.iter().skip(if beside_source { 0 } else { 1 });
            cached = writable
                .into_iter()
                .find(|p| write_cached(p, &data))
                .map(|p| p.to_string_lossy().into_owned());
        }
        let cached = cached.or_else(|| paths.first().map(|p| p.to_string_lossy().into_owned()));
        Ok((code, cached))
    }
}
