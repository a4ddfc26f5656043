//! Arbitrary bytes as a policy document: loading must return a policy or diagnostics, never
//! panic; a loaded policy must lint without panicking.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(p) = intake_rules::Policy::from_json(text) {
            let _ = p.lint();
        }
    }
});
