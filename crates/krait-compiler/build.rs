//! Records a fingerprint of the front end and the compiler (their source
//! files), so that code cached by one build is never run by another that
//! compiles differently.

use std::path::Path;

fn fnv(hash: &mut u64, bytes: &[u8]) {
    for &b in bytes {
        *hash ^= b as u64;
        *hash = hash.wrapping_mul(0x100_0000_01b3);
    }
}

fn visit(dir: &Path, files: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            visit(&path, files);
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
}

fn main() {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in [here.join("src"), here.join("../krait-syntax/src")] {
        println!("cargo:rerun-if-changed={}", dir.display());
        visit(&dir, &mut files);
    }
    files.sort();
    let mut hash = 0xcbf2_9ce4_8422_2325u64;
    for f in &files {
        if let Ok(bytes) = std::fs::read(f) {
            fnv(
                &mut hash,
                f.file_name().unwrap_or_default().as_encoded_bytes(),
            );
            fnv(&mut hash, &bytes);
        }
    }
    let out =
        Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("fingerprint.rs");
    std::fs::write(
        out,
        format!("pub const COMPILER_FINGERPRINT: u64 = {hash:#x};\n"),
    )
    .expect("write the fingerprint");
}
