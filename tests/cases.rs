//! The case runner (SPEC §4) on real policy versions: the drawing review pack and versions of
//! it derived by one edit each (`tests/fixtures/tools/make-fixtures.mjs`).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    clippy::type_complexity
)]

use intake_rules::authoring::cases::{CaseFile, CaseReport};
use intake_rules::{Code, Policy};
use serde_json::{json, Value};

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/tools/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn policy(name: &str) -> Policy {
    Policy::from_json(&fixture(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn cases() -> String {
    fixture("drawing-review.cases.json")
}

/// `(name, [(path, expected, actual)])` of every failing case.
fn failures(r: &CaseReport) -> Vec<(String, Vec<(String, Value, Value)>)> {
    r.cases
        .iter()
        .filter(|c| !c.passed)
        .map(|c| {
            (
                c.name.clone(),
                c.differences
                    .iter()
                    .map(|d| (d.path.clone(), d.expected.clone(), d.actual.clone()))
                    .collect(),
            )
        })
        .collect()
}

#[test]
fn fixture_cases_pass_on_the_version_they_were_written_for() {
    let r = policy("drawing-review.base.json")
        .run_cases(&cases())
        .unwrap();
    assert_eq!(failures(&r), vec![]);
    assert_eq!((r.passed, r.failed), (5, 0));
}

#[test]
fn a_longer_limit_shows_the_exact_date_difference() {
    let r = policy("drawing-review.fire7.json")
        .run_cases(&cases())
        .unwrap();
    assert_eq!(
        failures(&r),
        vec![(
            "ordinary project with fire review, all materials".to_string(),
            vec![(
                "service_dues.fire_review".to_string(),
                json!("2026-03-23"),
                json!("2026-03-25")
            )]
        )]
    );
    assert_eq!((r.passed, r.failed), (4, 1));
}

#[test]
fn a_material_made_tolerable_changes_outcome_missing_and_dates() {
    let r = policy("drawing-review.geotech-tolerable.json")
        .run_cases(&cases())
        .unwrap();
    assert_eq!(
        failures(&r),
        vec![(
            "geotechnical report missing".to_string(),
            vec![
                (
                    "outcome".into(),
                    json!("needs_correction"),
                    json!("accepted_with_tolerance")
                ),
                (
                    "services.construction_review".into(),
                    json!("needs_correction"),
                    json!("accepted_with_tolerance")
                ),
                (
                    "missing.geotechnical_report".into(),
                    json!(false),
                    json!(true)
                ),
                ("due".into(), Value::Null, json!("2026-03-26")),
            ]
        )]
    );
}

#[test]
fn an_unusable_request_fails_only_its_case() {
    let text = json!({"cases": [
        {"name": "bad target", "request": {"target": "nope", "submitted_at": "2026-03-16T09:30:00+08:00"}, "expect": {}},
        {"name": "bad time", "request": {"target": "joint_review", "submitted_at": "yesterday"}},
        {"name": "fine", "request": {"target": "joint_review", "submitted_at": "2026-03-16T09:30:00+08:00"},
         "expect": {"received_on": "2026-03-16"}}
    ]})
    .to_string();
    let r = policy("drawing-review.base.json").run_cases(&text).unwrap();
    assert_eq!((r.passed, r.failed), (1, 2));
    assert_eq!(r.cases[0].errors[0].code, Code::UnknownTarget);
    assert!(r.cases[0].differences.is_empty());
    assert_eq!(r.cases[1].errors[0].code, Code::BadTime);
    assert!(r.cases[2].passed && r.cases[2].errors.is_empty());
}

#[test]
fn field_error_fragments_must_cover_the_errors_exactly() {
    let p = policy("drawing-review.base.json");
    let run = |fragments: Value| {
        let text = json!({"cases": [{"name": "bad uscc", "request": {
            "target": "planning_review", "submitted_at": "2026-03-16T09:30:00+08:00",
            "form": {"uscc": "91442000MA4UK1234F", "contact_mobile": "13912345678",
                     "project_category": "industrial", "project_complexity": "simple",
                     "floor_area_m2": 10, "special_fire_project": false}},
            "expect": {"field_errors": fragments}}]})
        .to_string();
        let r = p.run_cases(&text).unwrap();
        r.cases[0].differences.clone()
    };
    assert!(run(json!(["form.uscc"])).is_empty());
    assert!(run(json!(["uscc"])).is_empty());
    // Listed but absent, or present but unlisted: one difference with both lists.
    let d = run(json!(["form.uscc", "form.contact_mobile"]));
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].path, "field_errors");
    assert_eq!(d[0].actual, json!(["form.uscc"]));
    let d = run(json!([]));
    assert_eq!(
        (d[0].expected.clone(), d[0].actual.clone()),
        (json!([]), json!(["form.uscc"]))
    );
}

#[test]
fn notice_mentions_and_exact_sets() {
    let text = json!({"cases": [{"name": "x", "request": {
        "target": "planning_review", "submitted_at": "2026-03-16T09:30:00+08:00",
        "form": {"uscc": "91442000MA4UK1234E", "contact_mobile": "13912345678",
                 "project_category": "industrial", "project_complexity": "simple",
                 "floor_area_m2": 10, "special_fire_project": false},
        "materials": {"application_form": "provided", "business_license": "electronic",
                      "planning_permit": "electronic"}},
        "expect": {"notice_mentions": ["施工图设计文件", "no such words"],
                   "checklist": ["application_form", "business_license"],
                   "used_by": {"business_license": ["planning_review"], "fire_design_docs": []},
                   "missing": {"construction_drawings": false, "design_contract": true},
                   "services": {"planning_review": "needs_correction", "fire_review": "accepted"}}}]})
    .to_string();
    let r = policy("drawing-review.base.json").run_cases(&text).unwrap();
    let d: Vec<(String, Value, Value)> = r.cases[0]
        .differences
        .iter()
        .map(|d| (d.path.clone(), d.expected.clone(), d.actual.clone()))
        .collect();
    assert_eq!(
        d,
        vec![
            (
                "services.fire_review".into(),
                json!("accepted"),
                Value::Null
            ),
            (
                "checklist".into(),
                json!(["application_form", "business_license"]),
                json!([
                    "application_form",
                    "business_license",
                    "construction_drawings",
                    "planning_permit"
                ])
            ),
            ("used_by.fire_design_docs".into(), json!([]), Value::Null),
            ("missing.design_contract".into(), json!(true), Value::Null),
            (
                "notice_mentions[1]".into(),
                json!("no such words"),
                Value::Null
            ),
        ]
    );
}

#[test]
fn case_file_problems_are_all_reported_with_paths_and_positions() {
    let text = "{\"cases\": [\n  {\"name\": \"a\", \"request\": {}, \"expect\": {\"outcom\": \"accepted\"}},\n  {\"request\": {}, \"colour\": 1, \"expect\": {\"outcome\": \"fine\", \"due\": \"2026-02-30\", \"missing\": {\"x\": \"yes\"}}}\n]}";
    let e = CaseFile::from_json(text).unwrap_err();
    let got: Vec<(&str, Code, Option<u32>, Option<u32>)> = e
        .issues
        .iter()
        .map(|d| (d.path.as_str(), d.code, d.line, d.column))
        .collect();
    assert_eq!(
        got,
        vec![
            (
                "cases[0].expect.outcom",
                Code::UnknownField,
                Some(2),
                Some(43)
            ),
            ("cases[1].colour", Code::UnknownField, Some(3), Some(19)),
            ("cases[1]", Code::MissingField, Some(3), Some(3)),
            ("cases[1].expect.due", Code::BadDate, Some(3), Some(62)),
            (
                "cases[1].expect.missing.x",
                Code::TypeMismatch,
                Some(3),
                Some(95)
            ),
            ("cases[1].expect.outcome", Code::BadValue, Some(3), Some(43)),
        ]
    );
    assert!(e.issues[0].text("en").contains("did you mean `outcome`"));
    assert!(e.issues[0].text("zh-CN").contains("是否应为 `outcome`"));
    // Not JSON at all: one invalid_json issue with its position.
    let e = CaseFile::from_json("{\"cases\": [}").unwrap_err();
    assert_eq!(e.issues[0].code, Code::InvalidJson);
    assert_eq!(e.issues[0].line, Some(1));
    // The policy method reports it as a RequestError (thrown as one in JS).
    let e = policy("drawing-review.base.json")
        .run_cases("[]")
        .unwrap_err();
    assert_eq!(e.code(), Code::TypeMismatch, "{e:?}");
    assert_eq!(intake_rules::api::Error::from(e).name(), "RequestError");
}

#[test]
fn report_json_has_the_documented_shape() {
    let p = policy("drawing-review.fire7.json");
    let text = intake_rules::api::tools::run_cases_json(&p, &cases()).unwrap();
    let v: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["passed"], json!(4));
    assert_eq!(v["failed"], json!(1));
    assert_eq!(
        v["cases"][0],
        json!({"name": "ordinary project with fire review, all materials", "passed": false,
               "differences": [{"path": "service_dues.fire_review", "expected": "2026-03-23", "actual": "2026-03-25"}],
               "errors": []})
    );
}
