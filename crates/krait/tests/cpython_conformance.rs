//! The ratchet on CPython's own tests: the modules of
//! `tests/cpython_baseline.json` run under Krait from the installed
//! CPython's `Lib/test` (`tools/cpython_tests.py --check`), and none may
//! pass fewer tests than the baseline records, or crash. When a fix makes
//! more pass, raise the baseline (`--json`); it only goes up.

use std::path::Path;
use std::process::Command;

#[test]
fn cpython_tests_pass_at_least_the_baseline() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let baseline = root.join("tests/cpython_baseline.json");
    let text = std::fs::read_to_string(&baseline).expect("tests/cpython_baseline.json");
    let modules: Vec<&str> = text
        .lines()
        .filter_map(|l| l.trim().strip_prefix('"'))
        .filter_map(|l| l.split('"').next())
        .collect();
    assert!(!modules.is_empty(), "no modules in the baseline");
    let out = Command::new("python3")
        .arg(root.join("tools/cpython_tests.py"))
        .args(["--krait", env!("CARGO_BIN_EXE_krait"), "--krait-only"])
        .args(["--jobs", "2", "--timeout", "300", "--check"])
        .arg(&baseline)
        .arg("--only")
        .args(&modules)
        .output()
        .expect("python3 runs tools/cpython_tests.py");
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "CPython's tests fell below the baseline:\n{report}{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
