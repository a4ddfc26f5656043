//! `diff(old, new, cases)` (SPEC §4) on real policy versions: the drawing review pack and
//! versions of it derived by one edit each (`tests/fixtures/tools/make-fixtures.mjs`).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    clippy::type_complexity
)]

use intake_rules::authoring::cases::CaseFile;
use intake_rules::authoring::diff::{diff, PolicyDiff};
use intake_rules::Policy;
use serde_json::{json, Value};

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/tools/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn policy(name: &str) -> Policy {
    Policy::from_json(&fixture(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn cases() -> CaseFile {
    CaseFile::from_json(&fixture("drawing-review.cases.json")).unwrap()
}

/// `(kind, path, old, new)` of every change.
fn changes(d: &PolicyDiff) -> Vec<(&str, &str, Value, Value)> {
    d.changes
        .iter()
        .map(|c| (c.kind, c.path.as_str(), c.old.clone(), c.new.clone()))
        .collect()
}

/// `(case, [(path, old, new)])` of every affected case.
fn affected(d: &PolicyDiff) -> Vec<(&str, Vec<(&str, Value, Value)>)> {
    d.cases
        .iter()
        .map(|c| {
            (
                c.name.as_str(),
                c.changes
                    .iter()
                    .map(|x| (x.path.as_str(), x.old.clone(), x.new.clone()))
                    .collect(),
            )
        })
        .collect()
}

#[test]
fn identical_versions_have_no_changes() {
    let p = policy("drawing-review.base.json");
    let d = diff(&p, &p, Some(&cases()));
    assert!(d.changes.is_empty());
    assert!(d.cases.is_empty());
    assert_eq!(d.cases_checked, 5);
}

#[test]
fn limit_cut_from_7_to_5_working_days() {
    let d = diff(
        &policy("drawing-review.fire7.json"),
        &policy("drawing-review.base.json"),
        Some(&cases()),
    );
    assert_eq!(
        changes(&d),
        vec![
            (
                "stage_limit_changed",
                "services.fire_review.stages[review].limit",
                json!({"working_days": 7}),
                json!({"working_days": 5})
            ),
            (
                "version_changed",
                "version",
                json!("2025.12"),
                json!("2026.01")
            ),
        ]
    );
    let m = &d.changes[0].message;
    assert_eq!(
        m.en,
        "the time limit of stage `review` of service `fire_review` (Fire design review (special construction projects)): 7 working days → 5 working days"
    );
    assert_eq!(
        m.zh,
        "事项「特殊建设工程消防设计审查」的环节「消防设计审查」的时限：7 个工作日 → 5 个工作日"
    );
    // Only the ordinary project with a fire review is affected: simple projects use the
    // 3-day limit_if, and the fire review is never the longest branch.
    assert_eq!(
        affected(&d),
        vec![(
            "ordinary project with fire review, all materials",
            vec![
                // The fire review's own counted days follow its limit (SPEC §7.1).
                ("service_counted.fire_review", json!(7), json!(5)),
                (
                    "service_dues.fire_review",
                    json!("2026-03-25"),
                    json!("2026-03-23")
                )
            ]
        )]
    );
    assert_eq!(
        (d.old.version.as_str(), d.new.version.as_str()),
        ("2025.12", "2026.01")
    );
}

#[test]
fn a_material_made_tolerable() {
    let d = diff(
        &policy("drawing-review.base.json"),
        &policy("drawing-review.geotech-tolerable.json"),
        Some(&cases()),
    );
    assert_eq!(
        changes(&d),
        vec![
            (
                "material_made_tolerable",
                "services.construction_review.materials[geotechnical_report].tolerable",
                Value::Null,
                json!({"working_days": 5})
            ),
            (
                "version_changed",
                "version",
                json!("2026.01"),
                json!("2026.02")
            ),
        ]
    );
    assert!(d.changes[0]
        .message
        .zh
        .contains("「岩土工程勘察报告」改为可容缺，5 个工作日内补齐"));
    assert_eq!(
        affected(&d),
        vec![(
            "geotechnical report missing",
            vec![
                // Accepted now, so a timeline: the office counts construction_review's
                // 3 + 3 + 2 working days (intake and finish take 0), within the promise of 8.
                ("counted_working_days", Value::Null, json!(8)),
                ("due", Value::Null, json!("2026-03-26")),
                ("missing.geotechnical_report", json!(false), json!(true)),
                (
                    "outcome",
                    json!("needs_correction"),
                    json!("accepted_with_tolerance")
                ),
                ("promise_met", Value::Null, json!(true)),
                ("service_counted.construction_review", Value::Null, json!(8)),
                ("service_counted.fire_review", Value::Null, json!(5)),
                ("service_counted.planning_review", Value::Null, json!(3)),
                (
                    "service_dues.construction_review",
                    Value::Null,
                    json!("2026-03-26")
                ),
                ("service_dues.fire_review", Value::Null, json!("2026-03-23")),
                (
                    "service_dues.planning_review",
                    Value::Null,
                    json!("2026-03-19")
                ),
                (
                    "services.construction_review",
                    json!("needs_correction"),
                    json!("accepted_with_tolerance")
                ),
                ("supplement_due", Value::Null, json!("2026-03-23")),
            ]
        )]
    );
}

#[test]
fn a_service_added_to_a_bundle() {
    let d = diff(
        &policy("drawing-review.no-fire-bundle.json"),
        &policy("drawing-review.base.json"),
        Some(&cases()),
    );
    assert_eq!(
        changes(&d),
        vec![
            (
                "bundle_service_added",
                "bundles.joint_review.services[fire_review]",
                Value::Null,
                json!("fire_review")
            ),
            (
                "version_changed",
                "version",
                json!("2025.11"),
                json!("2026.01")
            ),
        ]
    );
    assert_eq!(
        affected(&d),
        vec![
            (
                "ordinary project with fire review, all materials",
                vec![
                    ("service_counted.fire_review", Value::Null, json!(5)),
                    ("service_dues.fire_review", Value::Null, json!("2026-03-23")),
                    ("services.fire_review", Value::Null, json!("accepted")),
                ]
            ),
            (
                "geotechnical report missing",
                vec![("services.fire_review", Value::Null, json!("accepted"))]
            ),
            (
                "simple project with fire review, all materials",
                vec![
                    ("service_counted.fire_review", Value::Null, json!(3)),
                    ("service_dues.fire_review", Value::Null, json!("2026-03-19")),
                    ("services.fire_review", Value::Null, json!("accepted")),
                ]
            ),
            (
                "fire design documents missing",
                vec![
                    ("counted_working_days", json!(8), Value::Null),
                    ("due", json!("2026-03-26"), Value::Null),
                    ("missing.fire_design_docs", Value::Null, json!(false)),
                    ("outcome", json!("accepted"), json!("needs_correction")),
                    ("promise_met", json!(true), Value::Null),
                    ("service_counted.construction_review", json!(8), Value::Null),
                    ("service_counted.planning_review", json!(3), Value::Null),
                    (
                        "service_dues.construction_review",
                        json!("2026-03-26"),
                        Value::Null
                    ),
                    (
                        "service_dues.planning_review",
                        json!("2026-03-19"),
                        Value::Null
                    ),
                    (
                        "services.fire_review",
                        Value::Null,
                        json!("needs_correction")
                    ),
                ]
            ),
        ]
    );
}

/// Edit the parsed base document and load the result.
fn edited(f: impl FnOnce(&mut Value)) -> Policy {
    let mut doc: Value = serde_json::from_str(&fixture("drawing-review.base.json")).unwrap();
    f(&mut doc);
    Policy::from_value(&doc).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn every_kind_of_requirement_change_is_named() {
    let base = policy("drawing-review.base.json");
    let new = edited(|d| {
        let cr = &mut d["services"]["construction_review"];
        // energy_calculation: condition changed; design_contract: no longer tolerable;
        // geotechnical_report: made conditional; application_form removed.
        cr["materials"][6]["required"] = json!("floor_area_m2 > 500");
        cr["materials"][5]
            .as_object_mut()
            .unwrap()
            .remove("tolerable");
        cr["materials"][4]["required"] = json!("project_complexity != 'simple'");
        cr["materials"].as_array_mut().unwrap().remove(0);
        cr["tolerance"]["max_missing"] = json!(2);
        cr["stages"]
            .as_array_mut()
            .unwrap()
            .push(json!({"id": "archive", "after": ["final"], "limit": {"working_days": 1}}));
        cr["promise"] = json!({"working_days": 9});
        // planning_review: a conditional material made required; a new material entry.
        let pr = &mut d["services"]["planning_review"];
        pr["materials"]
            .as_array_mut()
            .unwrap()
            .push(json!({"ref": "design_contract", "required": "floor_area_m2 > 1000"}));
        d["materials"]["design_contract"]["commitment"] = json!(false);
        d["materials"]["site_photos"] = json!({"name": {"zh-CN": "现场照片", "en": "Site photos"}});
        d["fields"]["floor_area_m2"]["max"] = json!(100000);
        d["bundles"]["joint_review"]["finish"]["limit"] = json!({"working_days": 1});
    });
    let d = diff(&base, &new, None);
    let kinds: Vec<(&str, &str)> = d
        .changes
        .iter()
        .map(|c| (c.kind, c.path.as_str()))
        .collect();
    assert_eq!(
        kinds,
        vec![
            ("bundle_finish_changed", "bundles.joint_review.finish"),
            ("field_changed", "fields.floor_area_m2.max"),
            (
                "material_commitment_changed",
                "materials.design_contract.commitment"
            ),
            ("material_added", "materials.site_photos"),
            (
                "service_material_removed",
                "services.construction_review.materials[application_form]"
            ),
            (
                "material_no_longer_tolerable",
                "services.construction_review.materials[design_contract].tolerable"
            ),
            (
                "material_condition_changed",
                "services.construction_review.materials[energy_calculation].required"
            ),
            (
                "material_made_conditional",
                "services.construction_review.materials[geotechnical_report].required"
            ),
            ("promise_changed", "services.construction_review.promise"),
            (
                "stage_added",
                "services.construction_review.stages[archive]"
            ),
            (
                "tolerance_changed",
                "services.construction_review.tolerance.max_missing"
            ),
            (
                "service_material_added",
                "services.planning_review.materials[design_contract]"
            ),
        ]
    );
    assert_eq!(d.cases_checked, 0);
    // Every message exists in both languages.
    for c in &d.changes {
        assert!(
            !c.message.zh.is_empty() && !c.message.en.is_empty(),
            "{}",
            c.kind
        );
    }
}

#[test]
fn explicit_defaults_and_comments_are_not_changes() {
    let base = policy("drawing-review.base.json");
    let new = edited(|d| {
        d["beyond_coverage"] = json!("error");
        d["$comment"] = json!("rewritten");
        d["services"]["planning_review"]["applies_if"] = json!("true");
        d["materials"]["application_form"]["electronic"] = json!(false);
    });
    let d = diff(&base, &new, None);
    assert_eq!(changes(&d), vec![]);
}

#[test]
fn json_output_is_deterministic_and_rejects_bad_case_files() {
    let (a, b) = (
        policy("drawing-review.no-fire-bundle.json"),
        policy("drawing-review.base.json"),
    );
    let c = fixture("drawing-review.cases.json");
    let one = intake_rules::api::tools::diff_json(&a, &b, Some(&c)).unwrap();
    let two = intake_rules::api::tools::diff_json(&a, &b, Some(&c)).unwrap();
    assert_eq!(one, two);
    let v: Value = serde_json::from_str(&one).unwrap();
    assert_eq!(v["cases_checked"], json!(5));
    assert_eq!(v["changes"][0]["kind"], json!("bundle_service_added"));
    assert!(v["changes"][0]["message"]["zh-CN"].is_string());
    let e = intake_rules::api::tools::diff_json(&a, &b, Some("{\"cases\": 3}")).unwrap_err();
    assert_eq!(e.name(), "RequestError");
}
