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
            vec![(
                "service_dues.fire_review",
                json!("2026-03-25"),
                json!("2026-03-23")
            )]
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
                ("due", Value::Null, json!("2026-03-26")),
                ("missing.geotechnical_report", json!(false), json!(true)),
                (
                    "outcome",
                    json!("needs_correction"),
                    json!("accepted_with_tolerance")
                ),
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
                    ("service_dues.fire_review", Value::Null, json!("2026-03-19")),
                    ("services.fire_review", Value::Null, json!("accepted")),
                ]
            ),
            (
                "fire design documents missing",
                vec![
                    ("due", json!("2026-03-26"), Value::Null),
                    ("missing.fire_design_docs", Value::Null, json!(false)),
                    ("outcome", json!("accepted"), json!("needs_correction")),
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

/// `(kind, path)` of every change.
fn kinds(d: &PolicyDiff) -> Vec<(&str, &str)> {
    d.changes
        .iter()
        .map(|c| (c.kind, c.path.as_str()))
        .collect()
}

#[test]
fn defaults_written_or_left_out_are_not_changes() {
    let base = policy("drawing-review.base.json");
    let new = edited(|d| {
        // The base writes the defaults `cutoff: "17:00"` and `calendar: "cn-mainland"`.
        let top = d.as_object_mut().unwrap();
        top.remove("cutoff");
        top.remove("calendar");
        d["fields"]["floor_area_m2"]["integer"] = json!(false);
        d["fields"]["floor_area_m2"]["max"] = json!(10000000.0);
        d["fields"]["bad_credit"]["required"] = json!(false);
        d["materials"]["energy_calculation"]["area"] = json!("general");
        d["materials"]["energy_calculation"]["commitment"] = json!(false);
        let pr = &mut d["services"]["planning_review"];
        pr["stages"][0]["pauses"] = json!([]);
        pr["stages"][0]["limit_if"] = json!([]);
        pr["stages"][0]["after"] = json!([]);
    });
    assert_eq!(changes(&diff(&base, &new, None)), vec![]);
    // The same time with seconds, and the calendar as an object without overrides.
    let new = edited(|d| {
        d["cutoff"] = json!("17:00:00");
        d["calendar"] = json!({"base": "cn-mainland"});
    });
    assert_eq!(changes(&diff(&base, &new, None)), vec![]);
}

#[test]
fn a_cutoff_change_moves_the_received_day() {
    let base = policy("drawing-review.base.json");
    let new = edited(|d| d["cutoff"] = json!("09:00"));
    let d = diff(&base, &new, Some(&cases()));
    assert_eq!(
        changes(&d),
        vec![("cutoff_changed", "cutoff", json!("17:00"), json!("09:00"))]
    );
    assert_eq!(
        d.changes[0].message.zh,
        "当日收件截止时刻：`17:00` → `09:00`"
    );
    assert_eq!(
        d.changes[0].message.en,
        "the daily cutoff: `17:00` → `09:00`"
    );
    // Every case is submitted on Monday 2026-03-16 at 09:30, now after the cutoff: received
    // on Tuesday 03-17, and every working-day date one working day later (no holiday in
    // March 2026): the simple project's three reviews end Thursday 03-19 → Friday 03-20.
    assert_eq!(d.cases.len(), 5);
    let simple = d
        .cases
        .iter()
        .find(|c| c.name == "simple project with fire review, all materials")
        .unwrap();
    let got: Vec<(&str, Value, Value)> = simple
        .changes
        .iter()
        .map(|x| (x.path.as_str(), x.old.clone(), x.new.clone()))
        .collect();
    assert_eq!(
        got,
        vec![
            ("due", json!("2026-03-19"), json!("2026-03-20")),
            ("received_on", json!("2026-03-16"), json!("2026-03-17")),
            (
                "service_dues.construction_review",
                json!("2026-03-19"),
                json!("2026-03-20")
            ),
            (
                "service_dues.fire_review",
                json!("2026-03-19"),
                json!("2026-03-20")
            ),
            (
                "service_dues.planning_review",
                json!("2026-03-19"),
                json!("2026-03-20")
            ),
        ]
    );
}

#[test]
fn a_stage_limit_changed_to_natural_days() {
    let base = policy("drawing-review.base.json");
    let new = edited(|d| {
        d["services"]["construction_review"]["stages"][2]["limit"] = json!({"natural_days": 10});
    });
    let d = diff(&base, &new, None);
    assert_eq!(
        changes(&d),
        vec![(
            "stage_limit_changed",
            "services.construction_review.stages[final].limit",
            json!({"working_days": 2}),
            json!({"natural_days": 10})
        )]
    );
    let m = &d.changes[0].message;
    assert!(
        m.zh.ends_with("的环节「终审」的时限：2 个工作日 → 10 个自然日"),
        "{}",
        m.zh
    );
    assert!(
        m.en.starts_with("the time limit of stage `final` of service `construction_review` ("),
        "{}",
        m.en
    );
    assert!(
        m.en.ends_with(": 2 working days → 10 natural days"),
        "{}",
        m.en
    );
}

#[test]
fn a_material_made_conditional() {
    let base = policy("drawing-review.base.json");
    let new = edited(|d| {
        d["services"]["construction_review"]["materials"][4]["required"] =
            json!("project_complexity != 'simple'");
    });
    let d = diff(&base, &new, None);
    assert_eq!(
        changes(&d),
        vec![(
            "material_made_conditional",
            "services.construction_review.materials[geotechnical_report].required",
            json!(true),
            json!("project_complexity != 'simple'")
        )]
    );
    let m = &d.changes[0].message;
    assert!(
        m.zh.ends_with(
            "的材料「岩土工程勘察报告」改为有条件要求：`project_complexity != 'simple'`"
        ),
        "{}",
        m.zh
    );
    assert!(
        m.en.ends_with("is now required only if `project_complexity != 'simple'`"),
        "{}",
        m.en
    );
}

#[test]
fn a_field_description_changed() {
    let base = policy("drawing-review.base.json");
    let new = edited(|d| {
        d["fields"]["bad_credit"]["description"]["en"] = json!("Filled in by the window");
    });
    let d = diff(&base, &new, None);
    assert_eq!(
        kinds(&d),
        vec![("label_changed", "fields.bad_credit.description")]
    );
    let c = &d.changes[0];
    assert_eq!(c.old["en"], json!("Filled in by the window after the credit check; such applicants cannot be accepted with tolerance"));
    assert_eq!(c.new["en"], json!("Filled in by the window"));
    assert_eq!(c.new["zh-CN"], c.old["zh-CN"]);
    assert_eq!(c.message.zh, "表单字段 `bad_credit`的说明已修改");
    assert_eq!(
        c.message.en,
        "the description of form field `bad_credit` changed"
    );
}

#[test]
fn a_renamed_service_is_named_by_its_new_name() {
    let base = policy("drawing-review.base.json");
    let new = edited(|d| {
        d["services"]["planning_review"]["name"] =
            json!({"zh-CN": "规划审查", "en": "Planning check"});
    });
    let d = diff(&base, &new, None);
    assert_eq!(
        kinds(&d),
        vec![("label_changed", "services.planning_review.name")]
    );
    let c = &d.changes[0];
    assert_eq!(c.new, json!({"zh-CN": "规划审查", "en": "Planning check"}));
    assert_eq!(c.message.zh, "事项「规划审查」的名称已修改");
    assert_eq!(
        c.message.en,
        "the name of service `planning_review` (Planning check) changed"
    );
}

#[test]
fn a_service_added_and_one_removed_with_its_bundle_membership() {
    let base = policy("drawing-review.base.json");
    let new = edited(|d| {
        let services = d["services"].as_object_mut().unwrap();
        services.remove("fire_review");
        services.insert(
            "archive_filing".into(),
            json!({
                "name": {"zh-CN": "竣工档案备案", "en": "Archive filing"},
                "materials": [{"ref": "application_form", "required": true}],
                "stages": [{"id": "file", "limit": {"working_days": 1}}]
            }),
        );
        d["bundles"]["joint_review"]["services"] =
            json!(["construction_review", "planning_review"]);
    });
    let d = diff(&base, &new, None);
    assert_eq!(
        kinds(&d),
        vec![
            (
                "bundle_service_removed",
                "bundles.joint_review.services[fire_review]"
            ),
            ("service_added", "services.archive_filing"),
            ("service_removed", "services.fire_review"),
        ]
    );
    // Added: the service as loaded, in the document's shape, defaults left out.
    assert_eq!(
        d.changes[1].new,
        json!({
            "name": {"zh-CN": "竣工档案备案", "en": "Archive filing"},
            "materials": [{"ref": "application_form", "required": true}],
            "stages": [{"id": "file", "limit": {"working_days": 1}}]
        })
    );
    assert_eq!(d.changes[1].message.zh, "新增事项「竣工档案备案」");
    // Removed: named from the side that has it.
    let removed = &d.changes[2];
    assert_eq!(removed.old["applies_if"], json!("special_fire_project"));
    assert_eq!(removed.old["promise"], json!({"working_days": 8}));
    assert_eq!(
        removed.old["stages"][0]["limit"],
        json!({"working_days": 5})
    );
    assert_eq!(removed.new, Value::Null);
    assert_eq!(
        removed.message.en,
        "service `fire_review` (Fire design review (special construction projects)) removed"
    );
    assert_eq!(
        d.changes[0].message.zh,
        "联办「工业建设项目施工图联合审查」移出事项「特殊建设工程消防设计审查」"
    );
}

#[test]
fn a_stage_and_a_material_removed_and_added() {
    let base = policy("drawing-review.base.json");
    let new = edited(|d| {
        let cr = &mut d["services"]["construction_review"];
        // The second review goes; the final one follows the first directly.
        cr["stages"].as_array_mut().unwrap().remove(1);
        cr["stages"][1]["after"] = json!(["first"]);
        // The energy calculations leave the catalogue and the service.
        cr["materials"].as_array_mut().unwrap().remove(6);
        d["materials"]
            .as_object_mut()
            .unwrap()
            .remove("energy_calculation");
        // Site photos join the catalogue and the planning review.
        d["materials"]["site_photos"] =
            json!({"name": {"zh-CN": "现场照片", "en": "Site photos"}, "electronic": true});
        d["services"]["planning_review"]["materials"]
            .as_array_mut()
            .unwrap()
            .push(json!({"ref": "site_photos", "required": false}));
        d["services"]["planning_review"]["stages"]
            .as_array_mut()
            .unwrap()
            .push(json!({"id": "site_visit", "after": ["check"], "limit": {"natural_days": 2}}));
    });
    let d = diff(&base, &new, None);
    assert_eq!(
        changes(&d),
        vec![
            (
                "material_removed",
                "materials.energy_calculation",
                json!({"name": {"zh-CN": "建筑节能设计计算书", "en": "Building energy-efficiency calculations"}}),
                Value::Null
            ),
            (
                "material_added",
                "materials.site_photos",
                Value::Null,
                json!({"name": {"zh-CN": "现场照片", "en": "Site photos"}, "electronic": true})
            ),
            (
                "service_material_removed",
                "services.construction_review.materials[energy_calculation]",
                json!({"ref": "energy_calculation", "required": "floor_area_m2 > 300", "tolerable": {"supplement_within": {"working_days": 5}}}),
                Value::Null
            ),
            (
                "stage_after_changed",
                "services.construction_review.stages[final].after",
                json!(["second"]),
                json!(["first"])
            ),
            (
                "stage_removed",
                "services.construction_review.stages[second]",
                json!({
                    "id": "second",
                    "name": {"zh-CN": "复审", "en": "Second review"},
                    "after": ["first"],
                    "limit": {"working_days": 3},
                    "limit_if": [{"when": "project_complexity == 'simple'", "limit": {"working_days": 2}}],
                    "pauses": [{
                        "name": {"zh-CN": "专家评审", "en": "Expert review"},
                        "working_days": 3,
                        "when": "project_complexity == 'complex'",
                        "basis": {"label": {
                            "zh-CN": "行政许可法第四十五条:专家评审所需时间不计算在期限内",
                            "en": "行政许可法 Art. 45: expert review is not counted"
                        }}
                    }]
                }),
                Value::Null
            ),
            (
                "service_material_added",
                "services.planning_review.materials[site_photos]",
                Value::Null,
                json!({"ref": "site_photos", "required": false})
            ),
            (
                "stage_added",
                "services.planning_review.stages[site_visit]",
                Value::Null,
                json!({"id": "site_visit", "after": ["check"], "limit": {"natural_days": 2}})
            ),
        ]
    );
    let msg = |i: usize| {
        (
            d.changes[i].message.zh.as_str(),
            d.changes[i].message.en.as_str(),
        )
    };
    assert_eq!(msg(0).0, "目录删除材料「建筑节能设计计算书」");
    assert_eq!(
        msg(5).1,
        "material `site_photos` (Site photos) added to service `planning_review` (Planning conformity check of the drawings), required: never"
    );
    // A stage without a name is shown by its id.
    assert_eq!(
        msg(6).0,
        "新增事项「施工图规划符合性核查」的环节「site_visit」，时限2 个自然日"
    );
    assert!(
        msg(6).1.ends_with("added, limit 2 natural days"),
        "{}",
        msg(6).1
    );
}

#[test]
fn a_bundle_member_removed_repeated_or_reordered_and_a_bundle_removed() {
    let base = policy("drawing-review.no-fire-bundle.json");
    let new = policy("drawing-review.base.json");
    // Back and forth: the member comes and goes.
    let back = diff(&new, &base, None);
    assert_eq!(
        kinds(&back),
        vec![
            (
                "bundle_service_removed",
                "bundles.joint_review.services[fire_review]"
            ),
            ("version_changed", "version"),
        ]
    );
    let gone = edited(|d| {
        d.as_object_mut().unwrap().remove("bundles");
    });
    let d = diff(&new, &gone, None);
    assert_eq!(kinds(&d), vec![("bundle_removed", "bundles.joint_review")]);
    let old = &d.changes[0].old;
    assert_eq!(
        old["services"],
        json!(["construction_review", "fire_review", "planning_review"])
    );
    assert_eq!(old["promise"], json!({"working_days": 8}));
    assert_eq!(old["intake"]["limit"], json!({"working_days": 0}));
    // A repeated member is not a change (the loader ignores it; lint warns).
    let repeated = edited(|d| {
        d["bundles"]["joint_review"]["services"] = json!([
            "construction_review",
            "fire_review",
            "planning_review",
            "fire_review"
        ]);
    });
    assert_eq!(changes(&diff(&new, &repeated, None)), vec![]);
    let order = edited(|d| {
        d["bundles"]["joint_review"]["services"] =
            json!(["fire_review", "construction_review", "planning_review"]);
    });
    assert_eq!(
        changes(&diff(&new, &order, None)),
        vec![(
            "bundle_order_changed",
            "bundles.joint_review.services",
            json!(["construction_review", "fire_review", "planning_review"]),
            json!(["fire_review", "construction_review", "planning_review"])
        )]
    );
}
