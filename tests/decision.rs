//! The decision engine against hand-computed cases on the SPEC §1 example policy
//! (`tests/engine/policy.json`). 2026 calendar facts used below: Mid-Autumn 09-25..27 off,
//! National Day 10-01..07 off, 09-20 (Sun) and 10-10 (Sat) are working days.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use intake_rules::{Policy, Request};
use serde_json::{json, Value};

const USCC: &str = "91350100M000100Y43";

fn policy() -> Policy {
    Policy::from_json(include_str!("engine/policy.json")).expect("fixture loads")
}

fn decide(req: Value) -> Value {
    let p = policy();
    let r = Request::from_value(req).expect("request parses");
    let d = p.evaluate(&r).expect("decision");
    serde_json::from_str(&intake_rules::api::to_json(&d)).unwrap()
}

fn base_form() -> Value {
    json!({"project_kind": "industrial", "capacity_kva": 400, "uscc": USCC})
}

fn ids(v: &Value) -> Vec<String> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x["id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn one_tolerable_material_missing_in_the_bundle() {
    let d = decide(json!({
        "target": "joint", "form": base_form(),
        "materials": {"business_license": "electronic", "property_proof": "committed", "water_use": "provided"},
        "submitted_at": "2026-09-30T10:00:00+08:00"
    }));
    assert_eq!(d["outcome"], "accepted_with_tolerance");
    assert_eq!(d["received_on"], "2026-09-30");
    assert_eq!(
        d["services"],
        json!([
            {"id": "power", "name": "电力报装", "outcome": "accepted_with_tolerance", "reasons": [], "redirect": null},
            {"id": "water", "name": "供水报装", "outcome": "accepted", "reasons": [], "redirect": null}
        ])
    );
    assert_eq!(d["not_applicable"], json!(["gas"]));
    assert_eq!(
        ids(&d["checklist"]),
        [
            "business_license",
            "load_list",
            "property_proof",
            "water_use"
        ]
    );
    assert_eq!(d["checklist"][0]["used_by"], json!(["power", "water"]));
    assert_eq!(d["checklist"][0]["status"], "electronic");
    assert_eq!(
        d["checklist"][1]["because"],
        json!([{"service": "power", "condition": "capacity_kva > 160", "values": {"capacity_kva": 400}}])
    );
    assert_eq!(
        d["checklist"][1]["tolerable"],
        json!({"supplement_within": {"working_days": 5}})
    );
    assert_eq!(
        d["missing"],
        json!([{"id": "load_list", "name": "用电设备清单", "tolerated": true, "supplement_due": "2026-10-13", "used_by": ["power"]}])
    );
    let t = &d["timeline"];
    assert_eq!(t["intake"]["due"], "2026-10-08");
    assert_eq!(t["services"][0]["id"], "power");
    assert_eq!(
        t["services"][0]["stages"][0],
        json!({"id": "plan", "name": "供电方案答复", "by": "office", "start": "2026-10-08", "due": "2026-10-12",
        "working_days": 3, "counted_working_days": 3, "paused_days": 0, "pauses": [],
        "limit": {"working_days": 3}, "basis": null})
    );
    assert_eq!(t["services"][0]["stages"][1]["due"], "2026-10-19");
    assert_eq!(t["services"][0]["due"], "2026-10-19");
    assert_eq!(t["services"][1]["due"], "2026-10-14");
    assert_eq!(t["finish"]["due"], "2026-10-20");
    assert_eq!(t["due"], "2026-10-20");
    assert_eq!(t["working_days"], 10);
    assert_eq!(t["supplement_due"], "2026-10-13");
    assert_eq!(t["serial_due"], "2026-10-27");
    assert_eq!(t["serial_working_days"], 15);
    assert_eq!(t["saved_working_days"], 5);
    assert_eq!(t["promise_met"], true);
    assert_eq!(t["legal_met"], Value::Null);
    assert_eq!(t["estimated"], false);
    let notice = d["notice"].as_str().unwrap();
    assert!(
        notice.contains("用电设备清单")
            && notice.contains("2026年10月13日（星期二）")
            && notice.contains("容缺"),
        "{notice}"
    );
    assert!(
        notice.contains("产权证明"),
        "commitments are named: {notice}"
    );
    assert_eq!(d["timeline_error"], Value::Null);
    assert!(d["policy"]["fingerprint"]
        .as_str()
        .unwrap()
        .starts_with("sha256:"));
    assert_eq!(d["policy"]["calendar"]["from"], "2019-01-01");
}

#[test]
fn bad_credit_turns_tolerance_off() {
    let mut form = base_form();
    form["bad_credit"] = json!(true);
    let d = decide(json!({"target": "joint", "form": form,
        "materials": {"business_license": "electronic", "property_proof": "committed", "water_use": "provided"},
        "submitted_at": "2026-09-30T10:00:00+08:00"}));
    assert_eq!(d["outcome"], "needs_correction");
    assert_eq!(d["services"][0]["outcome"], "needs_correction");
    assert_eq!(d["missing"][0]["tolerated"], false);
    assert_eq!(d["missing"][0]["supplement_due"], Value::Null);
    assert_eq!(d["timeline"], Value::Null);
    assert!(d["notice"].as_str().unwrap().contains("用电设备清单"));
}

#[test]
fn tolerance_limit_exceeded_by_one_and_shared_material_not_tolerated() {
    let mut form = base_form();
    form["needs_external_works"] = json!(true);
    let d = decide(json!({"target": "joint", "form": form,
        "materials": {"business_license": "provided", "property_proof": "provided", "water_use": "provided"},
        "submitted_at": "2026-09-30T10:00:00+08:00"}));
    // power misses load_list and site_plan: two, above max_missing 1.
    assert_eq!(d["services"][0]["outcome"], "needs_correction");
    // water tolerates site_plan, but power does not accept with tolerance: not tolerated.
    assert_eq!(d["services"][1]["outcome"], "accepted_with_tolerance");
    assert_eq!(
        d["missing"],
        json!([
            {"id": "load_list", "name": "用电设备清单", "tolerated": false, "supplement_due": null, "used_by": ["power"]},
            {"id": "site_plan", "name": "总平面图", "tolerated": false, "supplement_due": null, "used_by": ["power", "water"]}
        ])
    );
    assert_eq!(d["outcome"], "needs_correction");
}

#[test]
fn at_the_tolerance_limit_is_accepted() {
    let mut form = base_form();
    form["capacity_kva"] = json!(100);
    form["needs_external_works"] = json!(true);
    let d = decide(json!({"target": "power", "form": form,
        "materials": {"business_license": "provided", "property_proof": "provided"},
        "submitted_at": "2026-09-30T10:00:00+08:00"}));
    assert_eq!(d["outcome"], "accepted_with_tolerance");
    // site_plan: 3 working days from 09-30 → 10-10 (a make-up Saturday).
    assert_eq!(d["missing"][0]["supplement_due"], "2026-10-10");
}

#[test]
fn commitment_on_a_material_that_does_not_allow_it() {
    let d = decide(json!({"target": "joint", "form": base_form(),
        "materials": {"business_license": "committed", "property_proof": "committed", "water_use": "provided", "load_list": "provided"},
        "submitted_at": "2026-09-30T10:00:00+08:00"}));
    assert_eq!(d["field_errors"][0]["path"], "materials.business_license");
    assert_eq!(d["field_errors"][0]["code"], "status_not_allowed");
    assert_eq!(d["checklist"][0]["status"], "missing");
    // A field error applies to every applicable service.
    assert_eq!(d["services"][1]["outcome"], "needs_correction");
    assert_eq!(d["outcome"], "needs_correction");
    assert!(d["notice"].as_str().unwrap().contains("营业执照"));
}

#[test]
fn conditional_requirement_switches_with_the_field() {
    let mut form = base_form();
    form["capacity_kva"] = json!(160);
    let d = decide(
        json!({"target": "power", "form": form, "materials": {}, "submitted_at": "2026-09-30T10:00:00+08:00"}),
    );
    assert!(!ids(&d["checklist"]).contains(&"load_list".to_string()));
    form["capacity_kva"] = json!(160.5);
    let d = decide(
        json!({"target": "power", "form": form, "materials": {}, "submitted_at": "2026-09-30T10:00:00+08:00"}),
    );
    assert!(ids(&d["checklist"]).contains(&"load_list".to_string()));
}

#[test]
fn a_material_needed_by_three_services_is_listed_once() {
    let mut form = base_form();
    form["needs_external_works"] = json!(true);
    form["needs_gas"] = json!(true);
    let d = decide(
        json!({"target": "joint", "form": form, "materials": {}, "submitted_at": "2026-09-30T10:00:00+08:00"}),
    );
    let cl = d["checklist"].as_array().unwrap();
    let site: Vec<_> = cl.iter().filter(|c| c["id"] == "site_plan").collect();
    assert_eq!(site.len(), 1);
    assert_eq!(site[0]["used_by"], json!(["gas", "power", "water"]));
    assert_eq!(d["not_applicable"], json!([]));
}

#[test]
fn reject_rule_gives_not_accepted() {
    let d = decide(
        json!({"target": "joint", "form": {"project_kind": "residential", "capacity_kva": 2000, "uscc": USCC},
        "materials": {}, "submitted_at": "2026-09-30T10:00:00+08:00"}),
    );
    assert_eq!(d["services"][0]["outcome"], "not_accepted");
    assert_eq!(d["outcome"], "not_accepted");
    assert!(d["notice"].as_str().unwrap().contains("1000 kVA"));
    assert_eq!(d["timeline"], Value::Null);
}

#[test]
fn no_applicable_service_is_not_accepted() {
    let d = decide(
        json!({"target": "gas", "form": base_form(), "materials": {}, "submitted_at": "2026-09-30T10:00:00+08:00"}),
    );
    assert_eq!(d["outcome"], "not_accepted");
    assert_eq!(d["services"], json!([]));
    assert_eq!(d["not_applicable"], json!(["gas"]));
}

#[test]
fn a_pause_spanning_a_holiday() {
    // Received Tue 09-22. plan 3 wd: 09-23, 09-24, 09-28 (Mid-Autumn 09-25..27).
    // connect: 公示 5 natural days 09-28 → 10-03 (inside National Day), then 2 wd: 10-08, 10-09.
    let form = json!({"project_kind": "industrial", "capacity_kva": 100, "uscc": USCC, "needs_external_works": true});
    let d = decide(json!({"target": "power", "form": form,
        "materials": {"business_license": "provided", "property_proof": "provided", "site_plan": "provided"},
        "submitted_at": "2026-09-22T09:00:00+08:00"}));
    assert_eq!(d["outcome"], "accepted");
    let s = &d["timeline"]["services"][0]["stages"];
    assert_eq!(s[0]["due"], "2026-09-28");
    assert_eq!(s[1]["start"], "2026-09-28");
    assert_eq!(s[1]["paused_days"], 5);
    assert_eq!(s[1]["due"], "2026-10-09");
    assert_eq!(s[1]["working_days"], 2);
    assert_eq!(d["timeline"]["due"], "2026-10-09");
    assert_eq!(d["timeline"]["working_days"], 7);
    assert_eq!(d["timeline"]["promise_met"], true);
    assert_eq!(d["timeline"]["legal_met"], true);
    assert_eq!(d["timeline"]["saved_working_days"], 0);
}

#[test]
fn the_final_issue_waits_for_a_late_supplement() {
    // water stages end 10-13; water_use may come 8 working days after 09-30: 10-16.
    let d = decide(
        json!({"target": "water", "form": base_form(), "materials": {"business_license": "provided"},
        "submitted_at": "2026-09-30T16:59:59+08:00"}),
    );
    assert_eq!(d["outcome"], "accepted_with_tolerance");
    assert_eq!(d["timeline"]["services"][0]["due"], "2026-10-13");
    assert_eq!(d["timeline"]["supplement_due"], "2026-10-16");
    assert_eq!(d["timeline"]["due"], "2026-10-16");
    assert_eq!(d["timeline"]["working_days"], 8);
    // SPEC §7.1: waiting for the supplement is not counted. The office counts water's stages
    // only, 10-08, 10-09, 10-10 (Sat, make-up day), 10-12, 10-13: 5, within the promise of 5
    // (before the correction the 8 elapsed days were judged: `false`).
    assert_eq!(d["timeline"]["counted_working_days"], 5);
    assert_eq!(d["timeline"]["promise_met"], true);
}

#[test]
fn cutoff_and_offsets() {
    for (at, want) in [
        ("2026-09-30T17:00:00+08:00", "2026-10-08"),
        ("2026-09-30T16:59:59+08:00", "2026-09-30"),
        ("2026-09-30T08:59:59Z", "2026-09-30"),
        ("2026-09-30T09:00:00Z", "2026-10-08"),
        ("2026-09-30T16:59:00", "2026-09-30"),
        ("2026-09-29T23:30:00-05:00", "2026-09-30"),
        ("2026-09-30T04:30:00-05:00", "2026-10-08"),
    ] {
        let d = decide(
            json!({"target": "water", "form": base_form(), "materials": {}, "submitted_at": at}),
        );
        assert_eq!(d["received_on"], want, "{at}");
    }
}

#[test]
fn unknown_keys_are_warnings_not_errors() {
    let mut form = base_form();
    form["colour"] = json!("blue");
    let d = decide(
        json!({"target": "water", "form": form, "materials": {"business_license": "provided", "water_use": "provided", "unicorn": "provided"},
        "submitted_at": "2026-09-30T10:00:00+08:00"}),
    );
    assert_eq!(d["outcome"], "accepted");
    let w: Vec<&str> = d["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["path"].as_str().unwrap())
        .collect();
    assert_eq!(w, ["form.colour", "materials.unicorn"]);
}

#[test]
fn form_errors_make_every_service_need_correction() {
    let mut form = base_form();
    form["uscc"] = json!("91350100M000100Y44");
    let d = decide(
        json!({"target": "water", "form": form, "materials": {"business_license": "provided", "water_use": "provided"},
        "submitted_at": "2026-09-30T10:00:00+08:00"}),
    );
    assert_eq!(d["outcome"], "needs_correction");
    assert_eq!(d["field_errors"][0]["path"], "form.uscc");
    assert_eq!(d["field_errors"][0]["code"], "format");
}

#[test]
fn beyond_coverage_keeps_the_decision_and_explains() {
    let d = decide(json!({"target": "joint", "form": base_form(),
        "materials": {"business_license": "electronic", "property_proof": "committed", "water_use": "provided", "load_list": "provided"},
        "submitted_at": "2026-12-28T10:00:00+08:00"}));
    assert_eq!(d["outcome"], "accepted");
    assert_eq!(d["received_on"], "2026-12-28");
    assert_eq!(d["timeline"], Value::Null);
    assert_eq!(d["timeline_error"]["code"], "calendar_out_of_range");
    let n = d["notice"].as_str().unwrap();
    // No date, but the promise in days and why the dates cannot be given.
    assert!(n.contains("具体日期暂无法确定"), "{n}");
    assert!(
        n.contains("承诺时限：15 个工作日，自收件之日起计算。"),
        "{n}"
    );
    assert!(n.contains("已公布至2026年12月31日（星期四）"), "{n}");
    // The caller may opt in to an estimate, which says so.
    let d = decide(
        json!({"target": "joint", "form": base_form(), "beyond_coverage": "weekends_only",
        "materials": {"business_license": "electronic", "property_proof": "committed", "water_use": "provided", "load_list": "provided"},
        "submitted_at": "2026-12-28T10:00:00+08:00"}),
    );
    assert_eq!(d["timeline"]["estimated"], true);
    assert!(d["notice"].as_str().unwrap().contains("估算"));
}

#[test]
fn english_notice() {
    let d = decide(
        json!({"target": "joint", "form": base_form(), "locale": "en",
        "materials": {"business_license": "electronic", "property_proof": "committed", "water_use": "provided"},
        "submitted_at": "2026-09-30T10:00:00+08:00"}),
    );
    let n = d["notice"].as_str().unwrap();
    assert!(
        n.contains("load list") && n.contains("Tuesday 13 October 2026") && n.contains("tolerance"),
        "{n}"
    );
    assert_eq!(d["services"][0]["name"], "power connection");
}

#[test]
fn unusable_requests_are_errors() {
    let p = policy();
    for (req, code) in [
        (
            json!({"target": "nope", "submitted_at": "2026-09-30T10:00:00+08:00"}),
            "unknown_target",
        ),
        (
            json!({"target": "joint", "submitted_at": "yesterday"}),
            "bad_time",
        ),
        (json!({"target": "joint"}), "bad_request"),
        (
            json!({"target": "joint", "form": [], "submitted_at": "2026-09-30T10:00:00+08:00"}),
            "bad_request",
        ),
        (json!([1, 2]), "bad_request"),
    ] {
        let e = Request::from_value(req.clone())
            .and_then(|r| p.evaluate(&r))
            .expect_err("must fail");
        assert_eq!(e.code().as_str(), code, "{req}");
    }
}

#[test]
fn output_is_deterministic_bytes() {
    let req = json!({"target": "joint", "form": base_form(), "materials": {"water_use": "missing"}, "submitted_at": "2026-09-30T10:00:00+08:00"});
    let p = policy();
    let a = intake_rules::api::evaluate_json(&p, &req.to_string()).unwrap();
    let b = intake_rules::api::evaluate_json(&p, &req.to_string()).unwrap();
    assert_eq!(a, b);
}
