//! SPEC §7.4–§7.7 in the policy-staff tools: case-file `expect` keys, the service guide
//! (commitments' verification, redirects, who fills a field) and lint (`impossible_status`).
//! Dates are worked out by hand in tests/acceptance.rs.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

#[path = "support/s7_accept.rs"]
mod s7;

use intake_rules::Policy;
use s7::*;
use serde_json::{json, Value};

// ---- case files ------------------------------------------------------------------------------

#[test]
fn case_files_check_the_acceptance_keys() {
    let p = policy();
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/s7-accept/cases.json"
    ))
    .unwrap();
    let report = serde_json::to_value(p.run_cases(&text).unwrap()).unwrap();
    assert_eq!(report["passed"], 3, "{report:#}");
    assert_eq!(report["failed"], 1);
    let wrong = &report["cases"][3];
    assert_eq!(wrong["passed"], false);
    assert_eq!(
        wrong["differences"],
        json!([
            {"path": "proceeding", "expected": ["licence"], "actual": []},
            {"path": "follow_ups.property_proof", "expected": null, "actual": false},
            {"path": "redirect.filing", "expected": "licence", "actual": null},
            {"path": "redirect.licence", "expected": null, "actual": "filing"},
            {"path": "required_fields", "expected": ["uscc"],
             "actual": ["applicant_name", "applicant_phone", "uscc"]},
            {"path": "correction_notice_due", "expected": "2026-10-13", "actual": null}
        ])
    );
    // A typo in a new key is a file error with a suggestion.
    let bad = r#"{"cases": [{"name": "x", "request": {}, "expect": {"folow_ups": {}}}]}"#;
    let e = p.run_cases(bad).unwrap_err();
    assert!(
        e.issues[0]
            .text("en")
            .contains("did you mean `follow_ups`?"),
        "{:?}",
        e.issues
    );
}

// ---- the service guide -----------------------------------------------------------------------

#[test]
fn the_guide_states_verifications_redirects_and_who_fills_a_field() {
    let p = policy();
    let g = serde_json::to_value(p.guide("shop", "zh-CN").unwrap()).unwrap();
    let m = |id: &str| {
        g["materials"]
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["id"] == id)
            .unwrap()
            .clone()
    };
    assert_eq!(
        m("property_proof")["verification"],
        json!({"method": "site", "within": {"limit": {"working_days": 20}, "text": "20 个工作日"},
               "text": "办结后 20 个工作日内现场核查；承诺不实的，依法撤销"})
    );
    assert_eq!(
        m("qualification_pledge")["verification"]["method"],
        "documents"
    );
    assert_eq!(m("business_license")["verification"], Value::Null);
    // The lease contract's condition reads a status, in words.
    let lease = m("lease_contract")["required_text"].clone();
    assert!(
        lease.as_str().unwrap().contains("“产权证明”未提交"),
        "{lease}"
    );
    let html = p.guide_html("shop", "en").unwrap();
    assert!(
        html.contains("verified on site within 20 working days of completion; a false commitment leads to revocation"),
        "{html}"
    );
    let g = serde_json::to_value(p.guide("licence", "zh-CN").unwrap()).unwrap();
    assert_eq!(
        g["services"][0]["rejects"][0]["redirect"],
        json!({"target": "filing", "name": "建设项目备案", "text": "请改为申请“建设项目备案”"})
    );
    assert_eq!(g["services"][0]["rejects"][1]["redirect"], Value::Null);
    let sources: Vec<(&str, &str)> = g["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["id"].as_str().unwrap(), f["source"].as_str().unwrap()))
        .collect();
    // The policy's order, as targets() gives it (not by id).
    let order: Vec<&str> = sources.iter().map(|(id, _)| *id).collect();
    assert_eq!(
        order,
        [
            "applicant_name",
            "uscc",
            "by_agent",
            "agent_name",
            "agent_id_number",
            "applicant_phone",
            "project_scale",
            "has_credit_issue",
            "licence_no"
        ]
    );
    assert!(sources.contains(&("has_credit_issue", "office")));
    assert!(sources.contains(&("licence_no", "shared_data")));
    let html = p.guide_html("licence", "zh-CN").unwrap();
    assert!(html.contains("请改为申请“建设项目备案”"));
    assert!(
        html.contains("有严重失信记录<span class=\"source\">（由窗口填写）</span>"),
        "{html}"
    );
}

// ---- lint ------------------------------------------------------------------------------------

#[test]
fn lint_finds_status_tests_that_can_never_hold() {
    let codes = |p: &Policy| -> Vec<(String, String)> {
        p.lint()
            .into_iter()
            .map(|d| (d.code.as_str().to_string(), d.path))
            .collect()
    };
    let clean = codes(&policy());
    assert!(
        !clean
            .iter()
            .any(|(c, _)| c == "impossible_status" || c == "unused_material"),
        "{clean:?}"
    );
    let p = edited(|v| {
        v["materials"]["qualification_pledge"]["commitment"] = json!(false);
        v["services"]["shop"]["materials"][2]["required"] = json!("electronic(property_proof)");
    })
    .unwrap();
    let found: Vec<(String, String)> = codes(&p)
        .into_iter()
        .filter(|(c, _)| c == "impossible_status")
        .collect();
    assert_eq!(
        found,
        [
            (
                "impossible_status".to_string(),
                "services.shop.materials[2].required".to_string()
            ),
            (
                "impossible_status".to_string(),
                "services.shop.stages[0].limit_if[0].when".to_string()
            ),
            (
                "impossible_status".to_string(),
                "services.shop.tolerance.excluded_if".to_string()
            ),
        ]
    );
    // A material only a condition reads is not unused.
    let p = edited(|v| {
        v["materials"]["spare"] = json!({"name": {"zh-CN": "备用材料", "en": "spare"}});
        v["services"]["filing"]["stages"][0]["limit_if"] =
            json!([{"when": "provided(spare)", "limit": {"working_days": 0}}]);
    })
    .unwrap();
    assert!(!codes(&p).iter().any(|(c, _)| c == "unused_material"));
}

// ---- diff ------------------------------------------------------------------------------------

#[test]
fn diff_reports_the_acceptance_keys_and_ignores_written_defaults() {
    let old = policy();
    let kinds = |new: &Policy| -> Vec<(String, String)> {
        let d = serde_json::to_value(intake_rules::authoring::diff::diff(&old, new, None)).unwrap();
        d["changes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| {
                (
                    c["kind"].as_str().unwrap().to_string(),
                    c["path"].as_str().unwrap().to_string(),
                )
            })
            .collect()
    };
    let defaults = edited(|v| {
        v["fields"]["remark"]["source"] = json!("applicant");
        v["bundles"]["joint_together"]["acceptance"] = json!("together");
        v["correction_notice_within"] = json!({"working_days": 5});
        v["materials"]["lease_contract"]["commitment"] = json!(false);
    })
    .unwrap();
    assert_eq!(kinds(&defaults), []);
    let changed = edited(|v| {
        v["fields"]["remark"]["source"] = json!("office");
        v["bundles"]["joint"]["acceptance"] = json!("together");
        v["correction_notice_within"] = json!({"working_days": 3});
        v["materials"]["property_proof"]["commitment"] = json!(true);
        v["services"]["licence"]["rejects"][0]
            .as_object_mut()
            .unwrap()
            .remove("redirect");
    })
    .unwrap();
    let pairs = |v: &[(&str, &str)]| -> Vec<(String, String)> {
        v.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    };
    assert_eq!(
        kinds(&changed),
        pairs(&[
            ("bundle_acceptance_changed", "bundles.joint.acceptance"),
            (
                "correction_notice_within_changed",
                "correction_notice_within"
            ),
            ("field_changed", "fields.remark.source"),
            (
                "material_commitment_changed",
                "materials.property_proof.commitment"
            ),
            ("rejects_changed", "services.licence.rejects"),
        ])
    );
}
