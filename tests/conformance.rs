//! One corpus of requests → expected decision bytes, run natively here, in wasm (Node and
//! headless Chromium) by `tests/wasm.rs`, and from JS by `tests/js/conformance.test.mjs`.
//! `UPDATE_CONFORMANCE=1 cargo test --test conformance` rewrites `expected.json` after a
//! deliberate change (review the diff).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use intake_rules::Policy;
use serde_json::Value;

fn policy_for(name: &str) -> Policy {
    match name {
        "fixture" => Policy::from_json(include_str!("engine/policy.json")).expect("fixture loads"),
        "s7" => Policy::from_json(include_str!("fixtures/s7/policy.json")).expect("s7 loads"),
        other => intake_rules::api::builtin_policy(other.trim_start_matches("builtin:"))
            .expect("builtin loads"),
    }
}

#[test]
fn corpus_matches_expected_bytes() {
    let cases: Vec<Value> = serde_json::from_str(include_str!("conformance/cases.json")).unwrap();
    let mut actual = serde_json::Map::new();
    for c in &cases {
        let p = policy_for(c["policy"].as_str().unwrap());
        let out = match intake_rules::api::evaluate_json(&p, &c["request"].to_string()) {
            Ok(s) => s,
            Err(e) => format!("{{\"error\":\"{}\",\"code\":\"{}\"}}", e.name(), e.code()),
        };
        actual.insert(c["name"].as_str().unwrap().to_string(), Value::String(out));
    }
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/conformance/expected.json"
    );
    if std::env::var_os("UPDATE_CONFORMANCE").is_some() {
        std::fs::write(path, serde_json::to_string_pretty(&actual).unwrap() + "\n").unwrap();
        return;
    }
    let expected: serde_json::Map<String, Value> =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    assert_eq!(
        expected.len(),
        actual.len(),
        "corpus and expected.json list different cases"
    );
    for (k, v) in &actual {
        assert_eq!(
            expected.get(k),
            Some(v),
            "case {k} differs from tests/conformance/expected.json"
        );
    }
}
