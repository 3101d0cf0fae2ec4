//! Runs every program under `tests/` through the `krait` binary and compares
//! the result with the `.expected` file CPython 3.11 produced for it
//! (`tools/regen_expected.py` writes those).
//!
//! What is run depends on the directory, as in the regeneration script:
//! `tests/syntax/ast/` → `krait ast FILE`, `tests/syntax/tokens/` →
//! `krait tokens FILE`, anything else → `krait FILE`. The whole of stderr
//! must match (a program's expected output keeps CPython's full report).

use std::path::{Path, PathBuf};
use std::process::Command;

struct Expected {
    status: i32,
    stderr: String,
    stdout: String,
}

fn parse_expected(text: &str) -> Expected {
    let (head, rest) = text.split_once('\n').expect("status line");
    let status = head
        .strip_prefix("exit status: ")
        .and_then(|s| s.trim().parse().ok())
        .expect("exit status: N");
    let rest = rest.strip_prefix("--- stderr\n").expect("--- stderr");
    let (stderr, stdout) = match rest.split_once("--- stdout\n") {
        Some(parts) => parts,
        None => panic!("--- stdout"),
    };
    Expected {
        status,
        stderr: stderr.to_owned(),
        stdout: stdout.to_owned(),
    }
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            collect(&p, out);
        } else if p.extension().is_some_and(|e| e == "py") {
            out.push(p);
        }
    }
}

#[test]
fn behaviour_tests_match_cpython() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests");
    let root = root.canonicalize().unwrap();
    let krait = env!("CARGO_BIN_EXE_krait");
    let mut programs = Vec::new();
    collect(&root, &mut programs);
    assert!(
        !programs.is_empty(),
        "no tests found under {}",
        root.display()
    );

    let mut failures = Vec::new();
    for program in &programs {
        let rel = program
            .strip_prefix(&root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let expected_path = program.with_extension("expected");
        let Ok(expected_text) = std::fs::read_to_string(&expected_path) else {
            failures.push(format!(
                "{rel}: no .expected file (run tools/regen_expected.py)"
            ));
            continue;
        };
        let expected = parse_expected(&expected_text);
        let mut cmd = Command::new(krait);
        if rel.starts_with("syntax/ast/") {
            cmd.arg("ast");
        } else if rel.starts_with("syntax/tokens/") {
            cmd.arg("tokens");
        }
        let output = cmd
            .arg(&rel)
            .current_dir(&root)
            // As tools/regen_expected.py runs CPython.
            .env("PYTHONHASHSEED", "0")
            .env("PYTHONIOENCODING", "utf-8")
            .output()
            .expect("run krait");
        let status = output.status.code().unwrap_or(-1);
        let stdout = String::from_utf8_lossy(&output.stdout);
        let stderr = String::from_utf8_lossy(&output.stderr)
            .replace(&format!("{}/", root.display()), "<tests>/");
        // The whole report must match: tracebacks with their locations and
        // carets, warnings, the error line.
        let stderr_ok = stderr == expected.stderr;
        if status != expected.status || stdout != expected.stdout || !stderr_ok {
            let mut msg = format!("{rel}:");
            if status != expected.status {
                msg += &format!("\n  exit status {status}, expected {}", expected.status);
            }
            if !stderr_ok {
                msg += &format!(
                    "\n  stderr:\n{}\n  expected stderr:\n{}",
                    stderr.trim_end(),
                    expected.stderr.trim_end()
                );
            }
            if stdout != expected.stdout {
                let at = stdout
                    .chars()
                    .zip(expected.stdout.chars())
                    .take_while(|(a, b)| a == b)
                    .count();
                let lo = at.saturating_sub(60);
                let show = |s: &str| s.chars().skip(lo).take(160).collect::<String>();
                msg += &format!(
                    "\n  stdout differs at char {at}:\n    krait:    {}\n    expected: {}",
                    show(&stdout),
                    show(&expected.stdout)
                );
            }
            failures.push(msg);
        }
    }
    if !failures.is_empty() {
        panic!(
            "{} of {} behaviour tests failed:\n\n{}",
            failures.len(),
            programs.len(),
            failures.join("\n\n")
        );
    }
}
