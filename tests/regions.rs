//! Regions and offices (SPEC §7.8), the case-file clock keys, the diff of counted days and the
//! lint of regions, on `tests/fixtures/s7/policy.json`. Dates are worked out by hand on the
//! 2026 calendar (06-04 is a Thursday; 端午 06-19..21 off). Region `north`: cutoff 16:00,
//! promise 4, `food.review` 1 working day, its own office. Region `hill`: 06-12 a local
//! holiday, `promise_if` simple → 2, `food.inspect` 5 working days.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use intake_rules::{Code, Policy, Request, Severity};
use serde_json::{json, Value};

const FIXTURE: &str = include_str!("fixtures/s7/policy.json");

fn policy() -> Policy {
    Policy::from_json(FIXTURE).expect("the §7 fixture loads")
}

fn decide(req: Value) -> Value {
    let r = Request::from_value(req).expect("request parses");
    let d = policy().evaluate(&r).expect("decision");
    serde_json::from_str(&intake_rules::api::to_json(&d)).unwrap()
}

fn food(form: Value, at: &str, region: Option<&str>) -> Value {
    let mut r = json!({"target": "food", "form": form, "materials": {"application": "provided"},
        "submitted_at": at});
    if let Some(region) = region {
        r["region"] = json!(region);
    }
    r
}

#[test]
fn north_has_its_cutoff_limit_promise_and_office() {
    // 16:30 is after north's cutoff: received Fri 06-05 (the policy's 17:00 would keep 06-04).
    let d = decide(food(json!({}), "2026-06-04T16:30:00+08:00", Some("north")));
    assert_eq!(d["received_on"], "2026-06-05");
    assert_eq!(d["policy"]["region"], "north");
    assert_eq!(
        d["policy"]["office"],
        json!({"name": "北区政务服务中心", "address": "北环路 8 号", "phone": null, "hours": null})
    );
    let t = &d["timeline"];
    let s = &t["services"][0]["stages"];
    // review: north's limit of 1 replaces 2: 06-08. inspect: pause 06-09..11, then 06-12,
    // 15, 16.
    assert_eq!(s[0]["limit"], json!({"working_days": 1}));
    assert_eq!(s[0]["due"], "2026-06-08");
    assert_eq!(s[1]["due"], "2026-06-16");
    // Elapsed 06-08..12, 15, 16 = 7; counted 1 + 3 = 4 = north's promise.
    assert_eq!(t["working_days"], 7);
    assert_eq!(t["counted_working_days"], 4);
    assert_eq!(t["promise"], json!({"working_days": 4}));
    assert_eq!(t["promise_met"], true);
    // legal 20 from 06-05 skipping 06-09..11: 06-08, 12, 15..18, 22..26, 29, 30, 07-01..03,
    // 06..09.
    assert_eq!(t["legal_due"], "2026-07-09");
    let notice = d["notice"].as_str().unwrap();
    assert!(
        notice.ends_with(
            "办理窗口：北区政务服务中心\n地址：北环路 8 号\n查询办理进度或对本告知书有疑问的，请到办理窗口咨询。\n"
        ),
        "{notice}"
    );
    // The region's cut-off explains the received day.
    assert!(
        notice
            .contains("收件说明：提交时间已过当日收件截止时间（16:00），顺延至下一个工作日收件。"),
        "{notice}"
    );
    // Before 16:00 the same day counts.
    let d = decide(food(json!({}), "2026-06-04T15:59:59+08:00", Some("north")));
    assert_eq!(d["received_on"], "2026-06-04");
    // Without a region, 16:30 is before the policy's 17:00.
    let d = decide(food(json!({}), "2026-06-04T16:30:00+08:00", None));
    assert_eq!(d["received_on"], "2026-06-04");
    assert_eq!(d["policy"]["region"], Value::Null);
    assert_eq!(d["policy"]["office"]["name"], "市民服务中心综合窗口");
    assert_eq!(d["timeline"]["promise"], json!({"working_days": 5}));
}

#[test]
fn a_route_applies_before_the_regions_promise_and_limits() {
    // simple: the food service's promise_if (3) applies before north's promise (4); the
    // stages' limit_if (1, 2) before north's limit.
    let d = decide(food(
        json!({"simple": true}),
        "2026-06-04T15:00:00+08:00",
        Some("north"),
    ));
    let t = &d["timeline"];
    // review 06-05; inspect: pause 06-06..08, then 06-09, 10.
    assert_eq!(t["due"], "2026-06-10");
    assert_eq!(t["counted_working_days"], 3);
    assert_eq!(t["promise"], json!({"working_days": 3}));
    assert_eq!(t["promise_met"], true);
}

#[test]
fn hill_has_its_calendar_limits_and_promise_route() {
    // Not simple: review 2 (06-05, 08); pause 06-09..11; inspect with hill's 5: 06-12 is a
    // local holiday, so 06-15..18, 22 (06-19 is 端午).
    let d = decide(food(json!({}), "2026-06-04T09:00:00+08:00", Some("hill")));
    let t = &d["timeline"];
    assert_eq!(
        t["services"][0]["stages"][1]["limit"],
        json!({"working_days": 5})
    );
    assert_eq!(t["due"], "2026-06-22");
    // Elapsed 06-05, 08..11, 15..18, 22 = 10; counted 2 + 5 = 7.
    assert_eq!(t["working_days"], 10);
    assert_eq!(t["counted_working_days"], 7);
    // hill's promise_if replaces the service's; none holds and hill has no promise: the
    // service's own 5.
    assert_eq!(t["promise"], json!({"working_days": 5}));
    assert_eq!(t["promise_met"], false);
    // legal 20 from 06-04 skipping 06-09..11 and the holiday 06-12: 06-05, 08, 15..18,
    // 22..26, 29, 30, 07-01..03, 06..09.
    assert_eq!(t["legal_due"], "2026-07-09");
    assert_eq!(d["policy"]["calendar"]["id"], "cn-mainland");
    assert!(d["policy"]["calendar"]["version"]
        .as_str()
        .unwrap()
        .contains("+local"));
    // Simple: the stages' limit_if (1, 2) apply before hill's 5; hill's route promises 2.
    let d = decide(food(
        json!({"simple": true}),
        "2026-06-04T09:00:00+08:00",
        Some("hill"),
    ));
    let t = &d["timeline"];
    assert_eq!(t["due"], "2026-06-10");
    assert_eq!(t["counted_working_days"], 3);
    assert_eq!(t["promise"], json!({"working_days": 2}));
    assert_eq!(t["promise_met"], false);
}

#[test]
fn an_unknown_region_is_a_request_error_with_a_suggestion() {
    let r =
        Request::from_value(food(json!({}), "2026-06-04T09:00:00+08:00", Some("nrth"))).unwrap();
    let e = policy().evaluate(&r).unwrap_err();
    assert_eq!(e.code(), Code::UnknownRegion);
    assert_eq!(e.issues[0].path, "region");
    assert!(
        e.issues[0].text("en").contains("did you mean `north`?"),
        "{:?}",
        e.issues
    );
    assert!(
        e.issues[0].text("zh-CN").contains("是否应为 `north`"),
        "{:?}",
        e.issues
    );
    // The timeline and the compact decision refuse it too.
    assert_eq!(
        policy().timeline(&r).unwrap_err().code(),
        Code::UnknownRegion
    );
    assert_eq!(
        policy().evaluate_compact(&r).unwrap_err().code(),
        Code::UnknownRegion
    );
    // A region in a policy without regions.
    let p = Policy::from_json(include_str!("engine/policy.json")).unwrap();
    let r = Request::from_value(
        json!({"target": "power", "submitted_at": "2026-06-04T09:00:00+08:00", "region": "north"}),
    )
    .unwrap();
    let e = p.evaluate(&r).unwrap_err();
    assert_eq!(e.code(), Code::UnknownRegion);
    assert!(e.issues[0].message.en.contains("the policy has no regions"));
    // `region` must be a string.
    let e = Request::from_value(
        json!({"target": "food", "submitted_at": "2026-06-04T09:00:00+08:00", "region": 3}),
    )
    .unwrap_err();
    assert_eq!(
        (e.code(), e.issues[0].path.as_str()),
        (Code::BadRequest, "region")
    );
    // Through the JSON facade, as JS sees it.
    let out = intake_rules::api::evaluate_json(
        &policy(),
        r#"{"target": "food", "submitted_at": "2026-06-04T09:00:00+08:00", "region": "hil"}"#,
    )
    .unwrap_err();
    assert_eq!(
        (out.name(), out.code()),
        ("RequestError", Code::UnknownRegion)
    );
}

#[test]
fn case_files_check_the_clock_keys() {
    let cases = json!({"cases": [
        {"name": "food in north", "request": food(json!({}), "2026-06-04T16:30:00+08:00", Some("north")),
         "expect": {"region": "north", "received_on": "2026-06-05", "working_days": 7,
                    "counted_working_days": 4, "promise_met": true, "legal_due": "2026-07-09",
                    "legal_extended_due": "2026-07-23", "service_counted": {"food": 4}}},
        {"name": "wrong on purpose", "request": food(json!({}), "2026-06-04T09:00:00+08:00", None),
         "expect": {"region": "north", "working_days": 5, "counted_working_days": 8,
                    "promise_met": false, "legal_due": null, "legal_extended_due": "2026-07-08",
                    "service_counted": {"food": 8, "power": 5}}}
    ]});
    let report = policy().run_cases(&cases.to_string()).unwrap();
    let v = serde_json::to_value(&report).unwrap();
    assert_eq!(v["cases"][0]["passed"], true, "{v:#}");
    let diffs: Vec<(String, Value, Value)> = v["cases"][1]["differences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["path"].as_str().unwrap().to_string(),
                d["expected"].clone(),
                d["actual"].clone(),
            )
        })
        .collect();
    assert_eq!(
        diffs,
        vec![
            ("working_days".into(), json!(5), json!(8)),
            ("counted_working_days".into(), json!(8), json!(5)),
            ("promise_met".into(), json!(false), json!(true)),
            ("legal_due".into(), Value::Null, json!("2026-07-08")),
            (
                "legal_extended_due".into(),
                json!("2026-07-08"),
                json!("2026-07-22")
            ),
            ("region".into(), json!("north"), Value::Null),
            ("service_counted.food".into(), json!(8), json!(5)),
            ("service_counted.power".into(), json!(5), Value::Null),
        ]
    );
    // Malformed clock keys are errors of the file, with did-you-mean.
    let bad = r#"{"cases": [{"name": "x", "request": {}, "expect": {
        "counted_workingdays": 3, "promise_met": "yes", "working_days": -1, "region": 4}}]}"#;
    let e = policy().run_cases(bad).unwrap_err();
    let issues = e.issues;
    let found: Vec<(&str, &str)> = issues
        .iter()
        .map(|d| (d.path.as_str(), d.code.as_str()))
        .collect();
    assert_eq!(
        found,
        vec![
            ("cases[0].expect.counted_workingdays", "unknown_field"),
            ("cases[0].expect.promise_met", "type_mismatch"),
            ("cases[0].expect.region", "type_mismatch"),
            ("cases[0].expect.working_days", "type_mismatch"),
        ]
    );
    assert!(issues[0]
        .text("en")
        .contains("did you mean `counted_working_days`"));
    assert_eq!(issues[0].line, Some(2));
}

#[test]
fn the_diff_counts_cases_by_what_changes() {
    let old = policy();
    // The new version lengthens food's inspection from 3 to 4 working days.
    let text = FIXTURE.replace(
        r#""limit": {"working_days": 3}, "limit_if": [{"when": "simple""#,
        r#""limit": {"working_days": 4}, "limit_if": [{"when": "simple""#,
    );
    assert_ne!(text, FIXTURE);
    let new = Policy::from_json(&text).unwrap();
    let cases = intake_rules::authoring::cases::CaseFile::from_value(&json!({"cases": [
        {"name": "food", "request": food(json!({}), "2026-06-04T09:00:00+08:00", None)},
        {"name": "food simple", "request": food(json!({"simple": true}), "2026-06-04T09:00:00+08:00", None)},
        {"name": "power", "request": {"target": "power", "materials": {"application": "provided"},
                                       "submitted_at": "2026-06-04T09:00:00+08:00"}}
    ]}))
    .unwrap();
    let d = intake_rules::authoring::diff::diff(&old, &new, Some(&cases));
    let v = serde_json::to_value(&d).unwrap();
    // Only the first case changes: inspect ends 06-17 instead of 06-16, counted 6 > 5.
    assert_eq!(
        v["cases"],
        json!([{"name": "food", "changes": [
            {"path": "counted_working_days", "old": 5, "new": 6},
            {"path": "due", "old": "2026-06-16", "new": "2026-06-17"},
            {"path": "promise_met", "old": true, "new": false},
            {"path": "service_counted.food", "old": 5, "new": 6},
            {"path": "service_dues.food", "old": "2026-06-16", "new": "2026-06-17"}
        ]}])
    );
    assert_eq!(
        v["summary"],
        json!({"changed": 1, "outcome": 0, "due": 1, "counted_working_days": 1, "promise_met": 1, "legal_due": 0})
    );
    assert_eq!(v["cases_checked"], 3);
}

#[test]
fn the_diff_lists_region_office_and_route_changes() {
    let old = policy();
    let mut doc: Value = serde_json::from_str(FIXTURE).unwrap();
    doc["regions"]["north"]["cutoff"] = json!("15:30");
    doc["office"]["phone"] = json!({"zh-CN": "0591-54321"});
    doc["services"]["food"]["promise_if"][0]["promise"] = json!({"working_days": 2});
    doc["services"]["power"]["stages"][1]["by"] = json!("office");
    doc["regions"]["east"] = json!({"name": {"zh-CN": "东区"}});
    let new = Policy::from_value(&doc).unwrap();
    let d = intake_rules::authoring::diff::diff(&old, &new, None);
    let kinds: Vec<(&str, &str)> = d
        .changes
        .iter()
        .map(|c| (c.kind, c.path.as_str()))
        .collect();
    assert_eq!(
        kinds,
        vec![
            ("office_changed", "office"),
            ("region_added", "regions.east"),
            ("region_changed", "regions.north.cutoff"),
            ("promise_if_changed", "services.food.promise_if"),
            ("stage_by_changed", "services.power.stages[works].by"),
        ]
    );
}

#[test]
fn lint_lists_where_each_region_departs() {
    let found: Vec<(String, Code, Severity)> = policy()
        .lint()
        .into_iter()
        .filter(|d| d.severity != Severity::Info || d.code == Code::RegionDeparts)
        .map(|d| (d.path, d.code, d.severity))
        .collect();
    let info = |p: &str| (p.to_string(), Code::RegionDeparts, Severity::Info);
    let unreachable = |p: &str| (p.to_string(), Code::PromiseUnreachable, Severity::Error);
    assert_eq!(
        found,
        vec![
            info("regions.north.office"),
            info("regions.north.cutoff"),
            info("regions.north.promise"),
            // North's 4 for every target: power needs 3 + 2 = 5 (the works are the
            // applicant's), the utility bundle 1 + 2 + 2 + 1 = 6 (road and gas may not apply).
            unreachable("regions.north.promise"),
            unreachable("regions.north.promise"),
            info("regions.north.limits[\"food.review\"]"),
            info("regions.hill.calendar"),
            info("regions.hill.promise_if"),
            // Hill's route of 2: even the fastest target (gas, 3) cannot.
            unreachable("regions.hill.promise_if[0].promise"),
            info("regions.hill.limits[\"food.inspect\"]"),
        ]
    );
    let mut doc: Value = serde_json::from_str(FIXTURE).unwrap();
    // A limit equal to the stage's own changes nothing: a warning.
    doc["regions"]["hill"]["limits"]["food.inspect"] = json!({"working_days": 3});
    let p = Policy::from_value(&doc).unwrap();
    let same: Vec<_> = p
        .lint()
        .into_iter()
        .filter(|d| d.path == "regions.hill.limits[\"food.inspect\"]")
        .map(|d| (d.code, d.severity))
        .collect();
    assert_eq!(same, vec![(Code::RegionDeparts, Severity::Warning)]);
    // Hill's limit of 4 for power's plan: 4 + 0 + 2 = 6 > power's promise of 5, which the
    // policy's own limits meet (3 + 0 + 2): reported at the region's limits.
    doc["regions"]["hill"]["limits"]["power.plan"] = json!({"working_days": 4});
    let p = Policy::from_value(&doc).unwrap();
    let at_limits: Vec<_> = p
        .lint()
        .into_iter()
        .filter(|d| d.path == "regions.hill.limits")
        .map(|d| (d.code, d.message.en))
        .collect();
    assert_eq!(
        at_limits,
        vec![(
            Code::PromiseUnreachable,
            "even on the fastest route target `power` counts at least 6 working days, more than the promise of 5 working days".to_string()
        )]
    );
}
