//! The built-in packs: they load, lint with no error or warning, and their case files pass.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use intake_rules::policy::builtin::PACKS;

#[path = "support/pack_cases.rs"]
mod pack_cases;
use intake_rules::{Policy, Severity};
use pack_cases::CASES;

#[test]
fn packs_load_lint_clean_and_pass_their_cases() {
    assert_eq!(PACKS.len(), 3);
    for (id, text) in PACKS {
        let p = Policy::from_json(text).unwrap_or_else(|e| panic!("{id}: {e:?}"));
        let bad: Vec<_> = p
            .lint()
            .into_iter()
            .filter(|d| d.severity != Severity::Info)
            .collect();
        assert!(bad.is_empty(), "{id} lint: {bad:#?}");
        let (_, cases) = CASES.iter().find(|(c, _)| c == id).expect("case file");
        let report = p
            .run_cases(cases)
            .unwrap_or_else(|e| panic!("{id} cases: {e:?}"));
        let json = serde_json::to_value(&report).unwrap();
        assert!(
            json["cases"].as_array().unwrap().len() >= 15,
            "{id}: at least 15 cases"
        );
        assert_eq!(
            json["failed"],
            0,
            "{id}: {}",
            serde_json::to_string_pretty(&json).unwrap()
        );
    }
}
