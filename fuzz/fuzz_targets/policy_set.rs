//! Arbitrary bytes as a policy set (text, and the text of an object): loading returns a set or
//! diagnostics — never a panic, within the caps (64 versions, 1,000 issues then one
//! `too_many_issues`) and with positions inside the text.
#![no_main]
use intake_rules::{api, PolicySet};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    match PolicySet::from_json(text) {
        Ok(set) => {
            assert!(!set.policies().is_empty() && set.policies().len() <= 64);
            let _ = set.lint();
        }
        Err(e) => {
            assert!(!e.issues.is_empty());
            assert!(e.issues.len() <= intake_rules::limits::MAX_ISSUES + 1);
            let lines = text.split('\n').count() as u32;
            for d in &e.issues {
                if let Some(l) = d.line {
                    assert!(l >= 1 && l <= lines, "line {l} of {lines}");
                }
            }
        }
    }
    if let Err(e) = api::policy_set_from_object_text(text) {
        assert!(e.issues().iter().all(|d| d.line.is_none()));
    }
});
