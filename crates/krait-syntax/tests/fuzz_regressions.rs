//! Replays every input the fuzzer once crashed on (`tests/fuzz_regressions/`)
//! through the same stages as `fuzz/fuzz_targets/front_end.rs`. Each must now
//! give a tree or an error, never a panic.

use std::path::Path;

fn front_end(data: &[u8]) {
    let _ = krait_syntax::tokenize::token_listing(data, false);
    let parsed = krait_syntax::parse_file_bytes(data);
    match &parsed.result {
        Ok(module) => {
            let _ = krait_syntax::ast::dump_module(module);
            let _ = krait_syntax::checks::check_module(module);
        }
        Err(e) => {
            let _ = e.render("<fuzz>", &parsed.source);
        }
    }
    let _ = krait_syntax::parse_expression(&String::from_utf8_lossy(data));
}

#[test]
fn fuzz_crashes_stay_fixed() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fuzz_regressions");
    let mut count = 0;
    for entry in std::fs::read_dir(&dir).expect("tests/fuzz_regressions exists") {
        let path = entry.unwrap().path();
        let data = std::fs::read(&path).unwrap();
        let result = std::panic::catch_unwind(|| front_end(&data));
        assert!(result.is_ok(), "{} panics again", path.display());
        count += 1;
    }
    assert!(count > 0, "no regression inputs found");
}
