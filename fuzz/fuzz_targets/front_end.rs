//! Feeds arbitrary bytes through every stage of the front end: decoding,
//! tokenizing (both listings), parsing, dumping and the compile-time checks.
//! Any panic, hang or stack overflow is a bug; a SyntaxError is a result.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = krait_syntax::tokenize::token_listing(data, false);
    let parsed = krait_syntax::parse_file_bytes(data);
    if let Ok(module) = &parsed.result {
        let _ = krait_syntax::ast::dump_module(module);
        let _ = krait_syntax::checks::check_module(module);
    }
    if let Err(e) = &parsed.result {
        let _ = e.render("<fuzz>", &parsed.source);
    }
    let _ = krait_syntax::parse_expression(&String::from_utf8_lossy(data));
});
