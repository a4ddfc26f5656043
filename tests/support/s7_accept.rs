//! Shared by tests/acceptance.rs and tests/acceptance_tools.rs: the SPEC §7 acceptance
//! fixture (tests/fixtures/s7-accept/policy.json) and helpers to decide requests against it.
#![allow(dead_code)]

use intake_rules::api;
use intake_rules::Policy;
use serde_json::{json, Value};

pub const USCC: &str = "91350100M000100Y43";

pub fn fixture_text() -> String {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/s7-accept/policy.json"
    ))
    .unwrap()
}

pub fn policy() -> Policy {
    Policy::from_json(&fixture_text()).expect("fixture loads")
}

pub fn edited(f: impl FnOnce(&mut Value)) -> Result<Policy, intake_rules::PolicyError> {
    let mut v: Value = serde_json::from_str(&fixture_text()).unwrap();
    f(&mut v);
    Policy::from_json(&serde_json::to_string_pretty(&v).unwrap())
}

pub fn decide_with(p: &Policy, req: Value) -> Value {
    let out = api::evaluate_json(p, &req.to_string()).expect("decision");
    let full: Value = serde_json::from_str(&out).unwrap();
    // Compact equals full on the keys it carries, §7 keys included.
    let compact: Value =
        serde_json::from_str(&api::evaluate_compact_json(p, &req.to_string()).unwrap()).unwrap();
    for key in ["outcome", "proceeding", "required_fields", "field_errors"] {
        assert_eq!(compact[key], full[key], "compact `{key}`");
    }
    full
}

pub fn decide(req: Value) -> Value {
    decide_with(&policy(), req)
}

/// A form every target accepts: the two always-required fields and a mobile number (required
/// while `by_agent` is absent, which reads as false).
pub fn form() -> Value {
    json!({"applicant_name": "某某公司", "uscc": USCC, "applicant_phone": "13800138000",
           "project_scale": "large", "capacity_kva": 100})
}

pub fn request(target: &str, materials: Value) -> Value {
    json!({"target": target, "form": form(), "materials": materials,
           "submitted_at": "2026-09-30T10:00:00+08:00"})
}

pub fn ids(v: &Value) -> Vec<&str> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_str().unwrap_or_else(|| x["id"].as_str().unwrap()))
        .collect()
}

pub fn service<'a>(d: &'a Value, id: &str) -> &'a Value {
    d["services"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == id)
        .unwrap_or_else(|| panic!("no service {id}"))
}
