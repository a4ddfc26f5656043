//! The same core inside WebAssembly: run by `wasm-bindgen-test-runner` in Node and (with
//! `WASM_BINDGEN_USE_BROWSER=1`) in headless Chromium. The conformance corpus must give exactly
//! the bytes the native run recorded.
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use intake_rules::{BeyondCoverage, Calendar, Date, Period, Policy};
use serde_json::Value;
use wasm_bindgen_test::*;

fn policy_for(name: &str) -> Policy {
    match name {
        "fixture" => Policy::from_json(include_str!("../../../tests/engine/policy.json"))
            .expect("fixture loads"),
        "s7-accept" => Policy::from_json(include_str!(
            "../../../tests/fixtures/s7-accept/policy.json"
        ))
        .expect("s7-accept loads"),
        "s7" => Policy::from_json(include_str!("../../../tests/fixtures/s7/policy.json"))
            .expect("s7 loads"),
        other => intake_rules::api::builtin_policy(other.trim_start_matches("builtin:"))
            .expect("builtin loads"),
    }
}

use intake_rules::text::json_layout::minify;

/// The corpus's answers, each case's policy made by `policy`.
fn corpus(policy: impl Fn(&str) -> Policy) -> String {
    let cases: Vec<Value> =
        serde_json::from_str(include_str!("../../../tests/conformance/cases.json")).unwrap();
    let mut actual = String::from("{");
    for (i, c) in cases.iter().enumerate() {
        let p = policy(c["policy"].as_str().unwrap());
        let out = match intake_rules::api::evaluate_json(&p, &c["request"].to_string()) {
            Ok(s) => s,
            Err(e) => format!("{{\"error\":\"{}\",\"code\":\"{}\"}}", e.name(), e.code()),
        };
        if i > 0 {
            actual.push(',');
        }
        actual.push_str(&Value::from(c["name"].as_str().unwrap()).to_string());
        actual.push(':');
        actual.push_str(&out);
    }
    actual.push('}');
    actual
}

#[wasm_bindgen_test]
fn conformance_corpus_is_byte_identical() {
    let expected = minify(include_str!("../../../tests/conformance/expected.json"));
    assert_eq!(expected, corpus(policy_for));
}

#[wasm_bindgen_test]
fn conformance_corpus_is_byte_identical_through_a_published_round_trip() {
    let expected = minify(include_str!("../../../tests/conformance/expected.json"));
    let published = |name: &str| Policy::from_published(&policy_for(name).publish()).unwrap();
    assert_eq!(expected, corpus(published));
}

#[wasm_bindgen_test]
fn calendar_arithmetic_in_wasm() {
    let cal = Calendar::builtin("cn-mainland", BeyondCoverage::Error).unwrap();
    let d = |s: &str| Date::parse(s).unwrap();
    assert_eq!(
        cal.add_working_days(d("2026-09-30"), 1).unwrap(),
        d("2026-10-08")
    );
    assert_eq!(
        cal.add_working_days(d("2026-09-30"), 3).unwrap(),
        d("2026-10-10")
    );
    assert_eq!(
        cal.working_days_between(d("2026-09-30"), d("2026-10-13"))
            .unwrap(),
        5
    );
    assert!(!cal.is_working_day(d("2024-02-10")).unwrap());
    assert!(cal.is_working_day(d("2024-02-09")).unwrap());
    assert!(cal.is_working_day(d("2024-02-18")).unwrap());
    assert_eq!(
        cal.received_on(
            "2026-09-30T17:00:00+08:00",
            intake_rules::TimeOfDay::DEFAULT_CUTOFF
        )
        .unwrap(),
        d("2026-10-08")
    );
    assert_eq!(
        cal.due(d("2026-09-28"), Period::NaturalDays(5), &[])
            .unwrap(),
        d("2026-10-08")
    );
    assert!(cal
        .add_working_days(d("2026-12-30"), 5)
        .unwrap_err()
        .is_out_of_range());
}
