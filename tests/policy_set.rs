//! Rules in force by date (SPEC §4) on the built-in set `industrial-drawing-review`: the
//! drawing review before the reform of seed document 001 (12 materials, first review 8 working
//! days, until 2025-12-31) and after it (the built-in pack: 8 materials, 3 working days, from
//! 2026-01-01).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use intake_rules::api;
use intake_rules::{Outcome, PolicySet, Request};
use serde_json::{json, Value};

const SET: &str = include_str!("../packs/industrial-drawing-review.versions.json");

fn set() -> PolicySet {
    api::builtin_set("industrial-drawing-review").expect("the built-in set loads")
}

/// A fire project over 300 m² with the eight materials of the current rules, all provided.
fn request(submitted_at: &str) -> Request {
    Request::from_json(
        &json!({
            "target": "joint_review",
            "form": {
                "uscc": "91442000MA4UK1234E", "contact_mobile": "13912345678",
                "project_category": "industrial", "project_complexity": "ordinary",
                "floor_area_m2": 5000, "special_fire_project": true
            },
            "materials": {
                "application_form": "provided", "business_license": "electronic",
                "planning_permit": "electronic", "construction_drawings": "provided",
                "geotechnical_report": "provided", "design_contract": "provided",
                "energy_calculation": "provided", "fire_design_docs": "provided"
            },
            "submitted_at": submitted_at,
            "locale": "zh-CN"
        })
        .to_string(),
    )
    .unwrap()
}

#[test]
fn the_builtin_set_lists_both_versions() {
    let v = serde_json::to_value(set().versions()).unwrap();
    assert_eq!(v[0]["version"], "2024.01");
    assert_eq!(v[0]["from"], "2024-01-01");
    assert_eq!(v[0]["until"], "2025-12-31");
    assert_eq!(v[1]["version"], "2026.01");
    assert_eq!(v[1]["from"], "2026-01-01");
    assert_eq!(v[1]["until"], Value::Null);
    assert_eq!(api::builtin_set_ids(), ["industrial-drawing-review"]);
    // No gap between the versions, and no lint error in either.
    let lint = set().lint();
    assert!(
        !lint.iter().any(|d| d.code.as_str() == "effective_gap"),
        "{lint:?}"
    );
}

#[test]
fn the_current_version_is_exactly_the_builtin_pack() {
    let pack = api::builtin_policy("industrial-drawing-review").unwrap();
    let s = set();
    let current = s.policies().last().unwrap();
    assert_eq!(current.fingerprint(), pack.fingerprint());
    assert_eq!(
        s.policies()[0].materials.len(),
        12,
        "12 materials before the reform"
    );
    assert_eq!(current.materials.len(), 8, "8 after");
}

#[test]
fn last_day_of_the_old_version_and_first_day_of_the_new_are_decided_differently() {
    let s = set();
    // 2025-12-31 (Wednesday) before the 17:00 cutoff: received that day, old rules.
    let old = s.evaluate(&request("2025-12-31T16:59:59+08:00")).unwrap();
    assert_eq!(old.received_on.to_string(), "2025-12-31");
    assert_eq!(old.policy.version, "2024.01");
    assert_eq!(old.checklist.len(), 12);
    assert_eq!(old.outcome, Outcome::NeedsCorrection);
    let missing: Vec<&str> = old.missing.iter().map(|m| m.id.as_str()).collect();
    assert_eq!(
        missing,
        [
            "authorization",
            "design_qualifications",
            "land_use_proof",
            "project_filing"
        ]
    );
    assert!(
        old.missing.iter().all(|m| !m.tolerated),
        "no 容缺受理 before the reform"
    );

    // The same application one second later is received on the next working day: 2026-01-01
    // to 01-03 are the New Year holiday and Sunday 01-04 a make-up working day, the first day
    // on which an application can be received under the new rules.
    let new = s.evaluate(&request("2025-12-31T17:00:00+08:00")).unwrap();
    assert_eq!(new.received_on.to_string(), "2026-01-04");
    assert_eq!(new.policy.version, "2026.01");
    assert_eq!(new.checklist.len(), 8);
    assert_eq!(new.outcome, Outcome::Accepted);
    // The city's first review: 6 working days (the pack's split of the 10-day legal limit);
    // the 3 days of seed 001 are one district's result, the region `district_online`.
    let first = &new.timeline.as_ref().unwrap().services[0].stages[0];
    assert_eq!((first.id.as_str(), first.working_days), ("first", 6));
    let mut in_district = request("2025-12-31T17:00:00+08:00");
    in_district.region = Some("district_online".into());
    let d = s.evaluate(&in_district).unwrap();
    assert_eq!(d.policy.region.as_deref(), Some("district_online"));
    let first = &d.timeline.as_ref().unwrap().services[0].stages[0];
    assert_eq!((first.id.as_str(), first.working_days), ("first", 3));

    // Submitted on the first day of the new version (a holiday): the same.
    let d = s.evaluate(&request("2026-01-01T10:00:00+08:00")).unwrap();
    assert_eq!(
        (d.received_on.to_string(), d.policy.version.as_str()),
        ("2026-01-04".to_string(), "2026.01")
    );

    // With all twelve old materials, the old rules accept, and the review takes the legal
    // 10 working days (住建部令第13号 第十二条).
    let mut all = request("2025-12-31T09:00:00+08:00");
    for m in [
        "authorization",
        "design_qualifications",
        "land_use_proof",
        "project_filing",
    ] {
        all.materials.insert(m.to_string(), json!("provided"));
    }
    let d = s.evaluate(&all).unwrap();
    assert_eq!(d.outcome, Outcome::Accepted);
    let first = &d.timeline.as_ref().unwrap().services[0].stages[0];
    assert_eq!((first.id.as_str(), first.working_days), ("first", 10));

    // The checklist and timeline of the set use the same version.
    assert_eq!(
        s.checklist(&request("2025-12-31T16:00:00+08:00"))
            .unwrap()
            .len(),
        12
    );
    assert_eq!(
        s.checklist(&request("2026-01-05T09:00:00+08:00"))
            .unwrap()
            .len(),
        8
    );
    // And the JSON API says the same.
    let text = api::set_evaluate_json(&s, &json_request("2025-12-31T16:00:00+08:00")).unwrap();
    let v: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["policy"]["version"], "2024.01");
}

fn json_request(at: &str) -> String {
    json!({"target": "joint_review", "form": {"project_category": "industrial"}, "submitted_at": at})
        .to_string()
}

#[test]
fn a_day_no_version_covers_is_not_in_force() {
    let s = set();
    let e = s
        .evaluate(&request("2023-12-29T10:00:00+08:00"))
        .unwrap_err();
    assert_eq!(e.code().as_str(), "not_in_force");
    let e = api::set_evaluate_json(&s, &json_request("2023-06-01T10:00:00+08:00")).unwrap_err();
    assert_eq!(
        (e.name(), e.code().as_str()),
        ("RequestError", "not_in_force")
    );
}

fn with_old_until(until: &str) -> String {
    let mut v: Value = serde_json::from_str(SET).unwrap();
    v["versions"][0]["effective"]["until"] = json!(until);
    v.to_string()
}

#[test]
fn overlapping_versions_are_rejected_at_load() {
    let e = PolicySet::from_json(&with_old_until("2026-01-01")).unwrap_err();
    assert!(
        e.issues.iter().any(|d| d.code.as_str() == "bad_effective"),
        "{:?}",
        e.issues
    );
    // Also from already-parsed documents.
    let v: Value = serde_json::from_str(&with_old_until("2026-06-30")).unwrap();
    let e = PolicySet::from_value(&v).unwrap_err();
    assert!(e.issues.iter().any(|d| d.code.as_str() == "bad_effective"));
}

#[test]
fn a_gap_between_versions_is_reported_by_lint() {
    let s = PolicySet::from_json(&with_old_until("2025-12-30")).unwrap();
    let gaps: Vec<_> = s
        .lint()
        .into_iter()
        .filter(|d| d.code.as_str() == "effective_gap")
        .collect();
    assert_eq!(gaps.len(), 1);
    assert!(
        gaps[0].message.en.contains("2025-12-31"),
        "{:?}",
        gaps[0].message
    );
    // A request received in the gap is decided by no version.
    let e = s
        .evaluate(&request("2025-12-31T10:00:00+08:00"))
        .unwrap_err();
    assert_eq!(e.code().as_str(), "not_in_force");
}

#[test]
fn unknown_builtin_set() {
    let e = api::builtin_set("nope").unwrap_err();
    assert_eq!((e.name(), e.code().as_str()), ("PolicyError", "bad_value"));
}

#[test]
fn the_guide_of_each_version_follows_its_rules() {
    let s = set();
    let old = s.policies()[0].guide("joint_review", "zh-CN").unwrap();
    let new = s.policies()[1].guide("joint_review", "zh-CN").unwrap();
    assert_eq!((old.materials.len(), new.materials.len()), (12, 8));
    assert_eq!(old.services[0].stages[0].limit.text, "10 个工作日");
    assert_eq!(new.services[0].stages[0].limit.text, "6 个工作日");
    assert_eq!(
        old.policy.effective_until.map(|d| d.to_string()).as_deref(),
        Some("2025-12-31")
    );
    assert!(old.services[0].tolerance.is_none());
    assert!(new.services[0].tolerance.is_some());
}

#[test]
fn diff_between_two_versions_of_the_builtin_set() {
    let set = intake_rules::api::builtin_set("industrial-drawing-review").unwrap();
    let [old, new] = set.policies() else {
        panic!("two versions")
    };
    let d = intake_rules::authoring::diff::diff(old, new, None);
    let json = serde_json::to_value(&d).unwrap();
    let kinds: Vec<&str> = json["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["kind"].as_str().unwrap())
        .collect();
    // The reform removed materials (12 → 8) and shortened the first review (8 → 3 working days).
    assert!(
        kinds
            .iter()
            .any(|k| k.contains("material") && k.contains("removed")),
        "{kinds:?}"
    );
    assert!(kinds.iter().any(|k| k.contains("limit")), "{kinds:?}");
}
