//! Arbitrary JSON values as the object arguments of the JS API (what `JSON.stringify` hands
//! the core): policies, policy sets, requests and every calendar argument. Each call returns
//! a value or a structured error, never panics; object inputs never carry positions.
#![no_main]
use intake_rules::{api, BeyondCoverage, Calendar, Policy, PolicySet};
use libfuzzer_sys::fuzz_target;
use serde_json::Value;
use std::sync::OnceLock;

static POLICY: OnceLock<Option<Policy>> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let Ok(v) = serde_json::from_slice::<Value>(data) else { return };
    let text = v.to_string();
    if let Err(e) = api::policy_from_object_text(&text) {
        assert!(e.issues().iter().all(|d| d.line.is_none() && d.column.is_none()));
    }
    let _ = Policy::from_value(&v);
    let _ = PolicySet::from_value(&v);
    let _ = api::policy_set_from_object_text(&text);
    if let Some(policy) = POLICY.get_or_init(|| api::builtin_policy("joint-utility-connection").ok()) {
        let _ = api::evaluate_json(policy, &text);
        let _ = api::evaluate_compact_json(policy, &text);
        let _ = api::checklist_json(policy, &text);
        let _ = api::timeline_json(policy, &text);
    }
    let Ok(cal) = Calendar::builtin("cn-mainland", BeyondCoverage::WeekendsOnly) else { return };
    let part = |k: &str| v.get(k).map(Value::to_string).unwrap_or_else(|| "null".into());
    let _ = api::calendar_builtin("cn-mainland", &text);
    let _ = api::calendar_with_overrides(&cal, &text);
    let year = v.get("year").and_then(Value::as_f64).unwrap_or(2027.0);
    let _ = api::calendar_with_year(&cal, year, &text);
    let from = v.get("from").and_then(Value::as_str).unwrap_or("2026-03-02");
    let _ = api::calendar_due(&cal, from, &part("period"), &part("pauses"));
    let _ = api::calendar_due(&cal, from, &text, &text);
});
