//! `Policy::lint`: one test per lint code, on small policies built from one base.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use intake_rules::{Code, Diagnostic, Policy, Severity};
use serde_json::{json, Value};

/// A clean policy: every field used, every material listed, labels translated.
fn base() -> Value {
    json!({
        "format": 1, "id": "lint.test", "version": "1",
        "title": {"zh-CN": "测试", "en": "Test"},
        "fields": {
            "capacity_kva": {"type": "number", "min": 0, "label": {"zh-CN": "容量", "en": "Capacity"}},
            "kind": {"type": "enum", "values": ["a", "b"], "required": true}
        },
        "materials": {
            "license": {"name": {"zh-CN": "营业执照", "en": "Licence"}, "electronic": true},
            "load_list": {"name": {"zh-CN": "用电设备清单", "en": "Load list"}}
        },
        "services": {
            "power": {
                "name": {"zh-CN": "电力报装", "en": "Power"},
                "materials": [
                    {"ref": "license", "required": true},
                    {"ref": "load_list", "required": "capacity_kva > 160",
                     "tolerable": {"supplement_within": {"working_days": 3}}}
                ],
                "stages": [
                    {"id": "plan", "name": {"zh-CN": "方案", "en": "Plan"}, "limit": {"working_days": 3}},
                    {"id": "connect", "name": {"zh-CN": "接电", "en": "Connect"}, "after": ["plan"], "limit": {"working_days": 2}}
                ],
                "promise": {"working_days": 5}, "legal": {"working_days": 10}
            },
            "water": {
                "name": {"zh-CN": "供水", "en": "Water"},
                "materials": [{"ref": "license", "required": true}],
                "stages": [{"id": "all", "name": {"zh-CN": "办理", "en": "Handle"}, "limit": {"working_days": 4}}]
            }
        },
        "bundles": {
            "joint": {"name": {"zh-CN": "联办", "en": "Joint"}, "services": ["power", "water"],
                      "intake": {"limit": {"working_days": 1}}, "finish": {"limit": {"working_days": 1}},
                      "promise": {"working_days": 7}}
        }
    })
}

fn lint(doc: &Value) -> Vec<Diagnostic> {
    let text = serde_json::to_string_pretty(doc).unwrap();
    let p = Policy::from_json(&text).unwrap_or_else(|e| panic!("{:#?}", e.issues));
    let found = p.lint();
    for d in &found {
        assert!(d.line.is_some() && d.column.is_some(), "{d:?}");
    }
    // From a value: same findings, no positions.
    let q = Policy::from_value(doc).unwrap();
    let from_value = q.lint();
    assert!(from_value.iter().all(|d| d.line.is_none()));
    let mut a: Vec<_> = found.iter().map(|d| (d.path.clone(), d.code)).collect();
    let mut b: Vec<_> = from_value
        .iter()
        .map(|d| (d.path.clone(), d.code))
        .collect();
    a.sort();
    b.sort();
    assert_eq!(a, b);
    found
}

fn codes(ds: &[Diagnostic]) -> Vec<(String, Code, Severity)> {
    ds.iter()
        .map(|d| (d.path.clone(), d.code, d.severity))
        .collect()
}

#[test]
fn clean_policy_has_no_findings() {
    assert_eq!(codes(&lint(&base())), vec![]);
}

#[test]
fn packs_and_fixtures_have_no_lint_errors_and_every_finding_is_positioned() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = vec![dir.join("tests/fixtures/utility.json")];
    for entry in std::fs::read_dir(dir.join("packs")).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        // Policies only: not case files, not the versions file (a list of policies).
        if name.ends_with(".json") && !name.contains(".cases.") && !name.contains(".versions.") {
            files.push(path);
        }
    }
    assert!(
        files.len() >= 3,
        "expected the packs and the fixture, found {files:?}"
    );
    for path in &files {
        let text = std::fs::read_to_string(path).unwrap();
        let p = Policy::from_json(&text).unwrap_or_else(|e| panic!("{path:?} does not load: {e}"));
        for d in p.lint() {
            assert_ne!(
                d.severity,
                Severity::Error,
                "{path:?}: {}",
                d.one_line("en")
            );
            assert!(
                d.line.is_some() && d.column.is_some(),
                "{path:?}: a finding without a position: {d:?}"
            );
            assert!(
                !d.message.zh.is_empty() && !d.message.en.is_empty(),
                "{d:?}"
            );
        }
    }
}

#[test]
fn unused_field() {
    let mut d = base();
    d["fields"]["extra"] = json!({"type": "string", "label": {"zh-CN": "备注", "en": "Note"}});
    d["fields"]["needed"] =
        json!({"type": "string", "required": true, "label": {"zh-CN": "必填", "en": "Needed"}});
    assert_eq!(
        codes(&lint(&d)),
        vec![("fields.extra".into(), Code::UnusedField, Severity::Warning)]
    );
}

#[test]
fn unused_material() {
    let mut d = base();
    d["materials"]["spare"] = json!({"name": {"zh-CN": "备用", "en": "Spare"}});
    assert_eq!(
        codes(&lint(&d)),
        vec![(
            "materials.spare".into(),
            Code::UnusedMaterial,
            Severity::Warning
        )]
    );
}

#[test]
fn never_required_and_constant_condition() {
    let mut d = base();
    d["services"]["water"]["materials"] = json!([
        {"ref": "license", "required": false},
        {"ref": "load_list", "required": "capacity_kva > 1 && !(capacity_kva > 1)"}
    ]);
    let found = codes(&lint(&d));
    assert!(
        found.contains(&(
            "services.water.materials[0].required".into(),
            Code::NeverRequired,
            Severity::Warning
        )),
        "{found:?}"
    );
    assert!(
        found.contains(&(
            "services.water.materials[1].required".into(),
            Code::NeverRequired,
            Severity::Warning
        )),
        "{found:?}"
    );
    assert!(
        found.contains(&(
            "services.water.materials[1].required".into(),
            Code::ConstantCondition,
            Severity::Warning
        )),
        "{found:?}"
    );
}

#[test]
fn never_required_when_service_never_applies() {
    let mut d = base();
    d["services"]["water"]["applies_if"] = json!("false");
    let found = codes(&lint(&d));
    assert_eq!(
        found,
        vec![(
            "services.water.materials[0].required".into(),
            Code::NeverRequired,
            Severity::Warning
        )]
    );
}

#[test]
fn constant_condition_but_not_a_literal() {
    let mut d = base();
    d["services"]["water"]["applies_if"] = json!("true");
    assert_eq!(codes(&lint(&d)), vec![]);
    d["services"]["water"]["applies_if"] = json!("1 < 2");
    assert_eq!(
        codes(&lint(&d)),
        vec![(
            "services.water.applies_if".into(),
            Code::ConstantCondition,
            Severity::Warning
        )]
    );
}

#[test]
fn promise_unreachable_uses_the_best_case() {
    let mut d = base();
    // 3 + 2 = 5 fits; a limit_if of 1 makes the best case 4; a pause of 2 working days makes it 6.
    d["services"]["power"]["stages"][1]["limit_if"] =
        json!([{"when": "capacity_kva > 160", "limit": {"working_days": 1}}]);
    assert_eq!(codes(&lint(&d)), vec![]);
    d["services"]["power"]["stages"][1]["pauses"] =
        json!([{"name": {"zh-CN": "公示", "en": "Publicity"}, "working_days": 2}]);
    // The bundle (1 + 6 + 1 = 8 > 7) cannot meet its promise either.
    assert_eq!(
        codes(&lint(&d)),
        vec![
            (
                "bundles.joint.promise".into(),
                Code::PromiseUnreachable,
                Severity::Error
            ),
            (
                "services.power.promise".into(),
                Code::PromiseUnreachable,
                Severity::Error
            ),
        ]
    );
    // A conditional pause is not part of the best case.
    d["services"]["power"]["stages"][1]["pauses"][0]["when"] = json!("capacity_kva > 1000");
    assert_eq!(codes(&lint(&d)), vec![]);
    // A service that may not apply is not part of a bundle's best case.
    d["services"]["power"]["stages"][1]["pauses"][0]
        .as_object_mut()
        .unwrap()
        .remove("when");
    d["services"]["power"]["applies_if"] = json!("kind == 'a'");
    assert_eq!(
        codes(&lint(&d)),
        vec![(
            "services.power.promise".into(),
            Code::PromiseUnreachable,
            Severity::Error
        )]
    );
}

#[test]
fn promise_unreachable_for_a_bundle() {
    let mut d = base();
    // intake 1 + max(5, 4) + finish 1 = 7 fits the bundle promise of 7; 6 does not.
    d["bundles"]["joint"]["promise"] = json!({"working_days": 6});
    assert_eq!(
        codes(&lint(&d)),
        vec![(
            "bundles.joint.promise".into(),
            Code::PromiseUnreachable,
            Severity::Error
        )]
    );
}

#[test]
fn promise_above_legal() {
    let mut d = base();
    d["services"]["power"]["legal"] = json!({"working_days": 4});
    assert_eq!(
        codes(&lint(&d)),
        vec![(
            "services.power.promise".into(),
            Code::PromiseAboveLegal,
            Severity::Error
        )]
    );
    d["services"]["power"]["legal"] = json!({"natural_days": 4});
    assert_eq!(
        codes(&lint(&d)),
        vec![(
            "services.power.promise".into(),
            Code::PromiseAboveLegal,
            Severity::Error
        )]
    );
    d["services"]["power"]["legal"] = json!({"months": 1});
    assert_eq!(codes(&lint(&d)), vec![]);
}

#[test]
fn duplicate_service() {
    let mut d = base();
    d["bundles"]["joint"]["services"] = json!(["power", "water", "power"]);
    assert_eq!(
        codes(&lint(&d)),
        vec![(
            "bundles.joint.services[2]".into(),
            Code::DuplicateService,
            Severity::Warning
        )]
    );
    let p = Policy::from_value(&d).unwrap();
    assert_eq!(p.bundles[0].services.len(), 2);
}

#[test]
fn supplement_too_long() {
    let mut d = base();
    d["services"]["power"]["materials"][1]["tolerable"]["supplement_within"] =
        json!({"working_days": 6});
    assert_eq!(
        codes(&lint(&d)),
        vec![(
            "services.power.materials[1].tolerable.supplement_within".into(),
            Code::SupplementTooLong,
            Severity::Warning
        )]
    );
}

#[test]
fn commitment_not_allowed() {
    let mut d = base();
    d["materials"]["load_list"]["commitment"] = json!(true);
    d["materials"]["load_list"]["area"] = json!("public_safety");
    d["materials"]["license"]["commitment"] = json!(true);
    d["materials"]["license"]["name"] = json!({"zh-CN": "消防验收意见", "en": "Fire inspection"});
    assert_eq!(
        codes(&lint(&d)),
        vec![
            (
                "materials.license.commitment".into(),
                Code::CommitmentNotAllowed,
                Severity::Warning
            ),
            (
                "materials.load_list.commitment".into(),
                Code::CommitmentNotAllowed,
                Severity::Error
            ),
        ]
    );
}

#[test]
fn tolerance_unusable() {
    let mut d = base();
    d["services"]["power"]["tolerance"] = json!({"max_missing": 0});
    assert_eq!(
        codes(&lint(&d)),
        vec![(
            "services.power.materials[1].tolerable".into(),
            Code::ToleranceUnusable,
            Severity::Warning
        )]
    );
}

#[test]
fn missing_translation_one_per_label() {
    let mut d = base();
    d["title"] = json!({"zh-CN": "测试"});
    d["services"]["power"]["stages"][0]["name"] = json!({"zh-CN": "方案"});
    d["fields"]["kind"]["description"] = json!({"zh-CN": "类型"});
    assert_eq!(
        codes(&lint(&d)),
        vec![
            (
                "fields.kind.description".into(),
                Code::MissingTranslation,
                Severity::Info
            ),
            (
                "services.power.stages[0].name".into(),
                Code::MissingTranslation,
                Severity::Info
            ),
            ("title".into(), Code::MissingTranslation, Severity::Info),
        ]
    );
}

#[test]
fn findings_are_located_and_sorted() {
    let mut d = base();
    d["materials"]["spare"] = json!({"name": {"zh-CN": "备用", "en": "Spare"}});
    d["title"] = json!({"zh-CN": "测试"});
    let found = lint(&d);
    let keys: Vec<_> = found.iter().map(|x| (x.line, x.column)).collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
    // `unused_material` points at the material's key.
    let text = serde_json::to_string_pretty(&d).unwrap();
    let spare = found
        .iter()
        .find(|x| x.code == Code::UnusedMaterial)
        .unwrap();
    let line = text.lines().nth(spare.line.unwrap() as usize - 1).unwrap();
    assert_eq!(line.trim_start().get(..7), Some("\"spare\""));
    assert_eq!(
        spare.column.unwrap() as usize,
        line.len() - line.trim_start().len() + 1
    );
}
