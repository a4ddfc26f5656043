//! Arbitrary requests (forms, material maps, timestamps) against the built-in joint-utility
//! pack and the SPEC §7 acceptance fixture (per-service bundles, status conditions, follow-ups,
//! redirects): evaluate (full and compact) must return a decision or a RequestError, never panic.
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

static POLICY: OnceLock<Option<intake_rules::Policy>> = OnceLock::new();
static S7: OnceLock<Option<intake_rules::Policy>> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let Some(policy) = POLICY.get_or_init(|| intake_rules::api::builtin_policy("joint-utility-connection").ok()) else { return };
    let Ok(text) = std::str::from_utf8(data) else { return };
    let _ = intake_rules::api::evaluate_json(policy, text);
    let _ = intake_rules::api::timeline_json(policy, text);
    let _ = intake_rules::api::evaluate_compact_json(policy, text);
    let s7 = S7.get_or_init(|| {
        intake_rules::Policy::from_json(include_str!("../../tests/fixtures/s7-accept/policy.json")).ok()
    });
    if let Some(p) = s7 {
        let _ = intake_rules::api::evaluate_json(p, text);
        let _ = intake_rules::api::evaluate_compact_json(p, text);
    }
});
