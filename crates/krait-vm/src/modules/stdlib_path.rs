//! Where the standard library's pure-Python half is: the `Lib/` of an
//! installed CPython 3.11, found at run time and never copied into Krait.
//!
//! The places tried, in order: the `KRAIT_STDLIB` environment variable;
//! the directory the CPython that built Krait reported (recorded by
//! `build.rs`); the usual installation directories and pyenv's.

use std::path::{Path, PathBuf};

/// The standard library Krait found, or the places it looked.
#[derive(Clone, Debug)]
pub enum Stdlib {
    Found(PathBuf),
    Missing(Vec<String>),
}

impl Stdlib {
    /// Looks for a CPython 3.11 `Lib/`.
    pub fn locate() -> Stdlib {
        // (what to say about the place, the directory when there is one)
        let mut candidates: Vec<(String, Option<PathBuf>)> = Vec::new();
        if let Some(p) = std::env::var_os("KRAIT_STDLIB") {
            let p = PathBuf::from(p);
            candidates.push((format!("$KRAIT_STDLIB ({})", p.display()), Some(p)));
        }
        if let Some(p) = option_env!("KRAIT_BUILD_STDLIB") {
            candidates.push((p.to_string(), Some(PathBuf::from(p))));
        }
        for p in ["/usr/lib/python3.11", "/usr/local/lib/python3.11"] {
            candidates.push((p.to_string(), Some(PathBuf::from(p))));
        }
        let pyenv = std::env::var_os("PYENV_ROOT")
            .map(PathBuf::from)
            .or_else(|| std::env::var_os("HOME").map(|h| Path::new(&h).join(".pyenv")));
        if let Some(root) = pyenv {
            let versions = root.join("versions");
            let mut found: Vec<PathBuf> = std::fs::read_dir(&versions)
                .map(|d| {
                    d.filter_map(Result::ok)
                        .filter(|e| e.file_name().to_string_lossy().starts_with("3.11"))
                        .map(|e| e.path().join("lib/python3.11"))
                        .collect()
                })
                .unwrap_or_default();
            found.sort();
            let label = format!("{}/3.11.*/lib/python3.11", versions.display());
            candidates.push((label, found.pop()));
        }
        let mut looked = Vec::new();
        for (label, path) in candidates {
            match path {
                Some(p) if is_stdlib(&p) => return Stdlib::Found(p),
                _ => looked.push(label),
            }
        }
        Stdlib::Missing(looked)
    }

    /// The directory, when found.
    pub fn dir(&self) -> Option<&Path> {
        match self {
            Stdlib::Found(p) => Some(p),
            Stdlib::Missing(_) => None,
        }
    }

    /// The installation prefix the directory belongs to (`/usr` for
    /// `/usr/lib/python3.11`).
    pub fn prefix(&self) -> Option<PathBuf> {
        let lib = self.dir()?;
        Some(lib.parent()?.parent()?.to_path_buf())
    }

    /// The standard library's entries of `sys.path`, after the script's
    /// directory and `PYTHONPATH`: CPython's zip (listed even when absent),
    /// `Lib/`, its extension modules' directory and `site-packages`.
    pub fn sys_path(&self) -> Vec<String> {
        let (Some(lib), Some(prefix)) = (self.dir(), self.prefix()) else {
            return Vec::new();
        };
        let mut path = vec![
            prefix.join("lib/python311.zip").display().to_string(),
            lib.display().to_string(),
            lib.join("lib-dynload").display().to_string(),
        ];
        let site = lib.join("site-packages");
        if site.is_dir() {
            path.push(site.display().to_string());
        }
        path
    }

    /// What a failed import of a standard-library module adds to its
    /// message when there is no standard library.
    /// The names of the standard library's modules (`sys.stdlib_module_names`):
    /// the top-level modules and packages of `Lib/` and of its
    /// `lib-dynload`, without CPython's test and example modules; with the
    /// modules only other platforms have and those CPython builds into
    /// its executable (whether or not Krait has them yet).
    pub fn module_names(&self) -> Vec<String> {
        const NOT_FILES: &[&str] = &[
            "_dbm",
            "_gdbm",
            "_frozen_importlib",
            "_frozen_importlib_external",
            "_msi",
            "_overlapped",
            "_scproxy",
            "_winapi",
            "msilib",
            "msvcrt",
            "nt",
            "winreg",
            "winsound",
            "_abc",
            "_functools",
            "_locale",
            "_stat",
            "_symtable",
            "_tokenize",
            "_tracemalloc",
            "faulthandler",
            "pwd",
        ];
        let mut names: Vec<String> = NOT_FILES.iter().map(|s| s.to_string()).collect();
        let Some(lib) = self.dir() else {
            return names;
        };
        for dir in [lib.to_path_buf(), lib.join("lib-dynload")] {
            let Ok(entries) = std::fs::read_dir(&dir) else {
                continue;
            };
            for entry in entries.flatten() {
                let file = entry.file_name().to_string_lossy().into_owned();
                let name = if let Some(stem) = file.strip_suffix(".py") {
                    stem.to_string()
                } else if file.ends_with(".so") {
                    file.split('.').next().unwrap_or_default().to_string()
                } else if entry.path().join("__init__.py").is_file() {
                    file
                } else {
                    continue;
                };
                let example = name == "test"
                    || name.starts_with("_test")
                    || name.starts_with("xx")
                    || name.starts_with("_xx")
                    || name.starts_with("_sysconfigdata")
                    || matches!(name.as_str(), "__hello__" | "__phello__" | "_ctypes_test");
                if !example && !name.contains('-') {
                    names.push(name);
                }
            }
        }
        names
    }

    pub fn missing_hint(&self) -> Option<String> {
        let Stdlib::Missing(looked) = self else {
            return None;
        };
        Some(format!(
            "; Krait found no CPython 3.11 standard library (looked in {}): set \
             KRAIT_STDLIB to its directory (such as /usr/lib/python3.11), or install \
             it (Debian: apt-get install libpython3.11-stdlib)",
            looked.join(", ")
        ))
    }
}

/// Whether `dir` holds CPython 3.11's `Lib/`.
fn is_stdlib(dir: &Path) -> bool {
    dir.join("os.py").is_file() && dir.join("importlib").join("__init__.py").is_file()
}

#[cfg(test)]
mod tests {
    use super::Stdlib;
    use std::path::PathBuf;

    #[test]
    fn a_missing_library_says_where_it_was_looked_for() {
        let missing = Stdlib::Missing(vec!["/usr/lib/python3.11".into()]);
        let hint = missing.missing_hint().unwrap_or_default();
        assert!(hint.contains("looked in /usr/lib/python3.11"));
        assert!(hint.contains("KRAIT_STDLIB"));
        assert!(missing.sys_path().is_empty());
    }

    #[test]
    fn the_path_follows_cpythons_layout() {
        let found = Stdlib::Found(PathBuf::from("/opt/py/lib/python3.11"));
        assert_eq!(found.prefix(), Some(PathBuf::from("/opt/py")));
        assert_eq!(
            found.sys_path()[..3],
            [
                "/opt/py/lib/python311.zip",
                "/opt/py/lib/python3.11",
                "/opt/py/lib/python3.11/lib-dynload"
            ]
        );
        assert!(found.missing_hint().is_none());
    }
}
