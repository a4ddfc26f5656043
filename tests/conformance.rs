//! One corpus of requests → expected decision bytes, run natively here, in wasm (Node and
//! headless Chromium) by `crates/wasm/tests/wasm.rs`, and from JS by `tests/js/policy.test.mjs`.
//!
//! `expected.json` holds every decision pretty-printed (keys in output order) so a change is
//! reviewable in a diff; the comparison re-minifies it and checks the bytes. After a deliberate
//! change, `UPDATE_SNAPSHOTS=1 cargo test --test conformance` rewrites it (review the diff).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

#[path = "support/snapshot.rs"]
mod snapshot;

use intake_rules::Policy;
use serde_json::Value;

fn policy_for(name: &str) -> Policy {
    match name {
        "fixture" => Policy::from_json(include_str!("engine/policy.json")).expect("fixture loads"),
        other => intake_rules::api::builtin_policy(other.trim_start_matches("builtin:"))
            .expect("builtin loads"),
    }
}

/// The corpus's answers as one minified JSON object `{case name: decision}`, in corpus order.
fn actual() -> String {
    let cases: Vec<Value> = serde_json::from_str(include_str!("conformance/cases.json")).unwrap();
    let mut out = String::from("{");
    for (i, c) in cases.iter().enumerate() {
        let p = policy_for(c["policy"].as_str().unwrap());
        let answer = match intake_rules::api::evaluate_json(&p, &c["request"].to_string()) {
            Ok(s) => s,
            Err(e) => format!("{{\"error\":\"{}\",\"code\":\"{}\"}}", e.name(), e.code()),
        };
        if i > 0 {
            out.push(',');
        }
        out.push_str(&Value::from(c["name"].as_str().unwrap()).to_string());
        out.push(':');
        out.push_str(&answer);
    }
    out.push('}');
    out
}

#[test]
fn corpus_matches_expected_bytes() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/conformance/expected.json"
    );
    let actual = actual();
    if snapshot::updating() {
        std::fs::write(path, snapshot::pretty(&actual) + "\n").unwrap();
        return;
    }
    let expected = snapshot::minify(&std::fs::read_to_string(path).unwrap());
    if expected != actual {
        // Name the first case that differs.
        let e: serde_json::Map<String, Value> = serde_json::from_str(&expected).unwrap();
        let a: serde_json::Map<String, Value> = serde_json::from_str(&actual).unwrap();
        assert_eq!(
            e.len(),
            a.len(),
            "corpus and expected.json list different cases"
        );
        for (k, v) in &a {
            assert_eq!(
                e.get(k),
                Some(v),
                "case {k} differs from tests/conformance/expected.json"
            );
        }
        panic!("same values, different bytes (key order or number format): run with UPDATE_SNAPSHOTS=1 and review");
    }
}
