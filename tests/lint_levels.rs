//! Lint levels and acknowledgements, area checks that trust an explicit `area`, the loader
//! messages fixed for policy staff, and the case file's `null` entries (issue 18 part 1).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use intake_rules::{Code, Policy, Severity};
use serde_json::{json, Value};

fn base() -> Value {
    json!({
        "format": 1, "id": "ack.test", "version": "1",
        "title": {"zh-CN": "食品经营许可", "en": "Food business licence"},
        "fields": {"kind": {"type": "enum", "values": ["a", "b"], "required": true,
                            "label": {"zh-CN": "类型", "en": "Kind"}}},
        "materials": {
            "safety_plan": {"name": {"zh-CN": "食品安全管理制度", "en": "Food safety rules"}, "commitment": true},
            "licence": {"name": {"zh-CN": "营业执照", "en": "Licence"}}
        },
        "services": {"food": {
            "name": {"zh-CN": "食品经营许可", "en": "Food licence"},
            "materials": [{"ref": "safety_plan", "required": true}, {"ref": "licence", "required": true}],
            "stages": [{"id": "review", "name": {"zh-CN": "审查", "en": "Review"}, "limit": {"working_days": 10}}],
            "promise": {"working_days": 10}, "legal": {"working_days": 20}
        }}
    })
}

fn lint(doc: &Value) -> Vec<(String, Code, Severity, String)> {
    let text = serde_json::to_string_pretty(doc).unwrap();
    let p = Policy::from_json(&text).unwrap_or_else(|e| panic!("{:#?}", e.issues));
    p.lint()
        .into_iter()
        .map(|d| (d.path, d.code, d.severity, d.message.en))
        .collect()
}

type Found = (String, Code, String, Option<u32>, Option<u32>);

fn load_errors(text: &str) -> Vec<Found> {
    let Err(e) = Policy::from_json(text) else {
        panic!("should not load")
    };
    e.issues
        .into_iter()
        .map(|d| (d.path.clone(), d.code, d.text("en"), d.line, d.column))
        .collect()
}

#[test]
fn a_name_with_safety_words_is_a_warning_without_an_explicit_area() {
    let found = lint(&base());
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "materials.safety_plan.commitment");
    assert_eq!(found[0].1, Code::CommitmentNotAllowed);
    assert_eq!(found[0].2, Severity::Warning);
}

#[test]
fn an_explicit_general_area_is_trusted() {
    let mut d = base();
    d["materials"]["safety_plan"]["area"] = json!("general");
    assert_eq!(lint(&d), vec![]);
}

#[test]
fn an_explicit_excluded_area_is_an_error_whatever_the_name() {
    let mut d = base();
    d["materials"]["licence"]["area"] = json!("public_safety");
    d["materials"]["licence"]["commitment"] = json!(true);
    let found = lint(&d);
    assert!(found.iter().any(|f| f.0 == "materials.licence.commitment"
        && f.1 == Code::CommitmentNotAllowed
        && f.2 == Severity::Error));
}

#[test]
fn an_acknowledged_warning_becomes_info_with_its_reason() {
    let mut d = base();
    d["acknowledged"] = json!([{
        "code": "commitment_not_allowed", "path": "materials.safety_plan.commitment",
        "reason": {"zh-CN": "本制度为内部管理文件，不涉及安全审查", "en": "an internal rule book, not a safety review"}
    }]);
    let found = lint(&d);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].2, Severity::Info);
    assert!(
        found[0].3.contains("acknowledged: an internal rule book"),
        "{}",
        found[0].3
    );
    // zh-CN carries the zh-CN reason.
    let text = serde_json::to_string(&d).unwrap();
    let zh = &Policy::from_json(&text).unwrap().lint()[0].message.zh;
    assert!(zh.contains("已确认：本制度为内部管理文件"), "{zh}");
}

#[test]
fn a_stale_or_error_acknowledgement_is_a_warning() {
    let mut d = base();
    d["materials"]["licence"]["area"] = json!("finance");
    d["materials"]["licence"]["commitment"] = json!(true);
    d["acknowledged"] = json!([
        {"code": "unused_field", "path": "fields.nothing", "reason": {"zh-CN": "旧"}},
        {"code": "commitment_not_allowed", "path": "materials.licence.commitment", "reason": {"zh-CN": "试图确认错误"}}
    ]);
    let found = lint(&d);
    let acks: Vec<_> = found
        .iter()
        .filter(|f| f.1 == Code::UnusedAcknowledgement)
        .collect();
    assert_eq!(acks.len(), 2, "{found:?}");
    assert_eq!(acks[0].0, "acknowledged[0]");
    assert_eq!(acks[0].2, Severity::Warning);
    assert!(acks[0].3.contains("no such finding"));
    assert!(acks[1].3.contains("cannot be acknowledged"));
    // The error itself stays an error.
    assert!(found
        .iter()
        .any(|f| f.0 == "materials.licence.commitment" && f.2 == Severity::Error));
}

#[test]
fn acknowledgements_are_checked_at_load() {
    let mut d = base();
    d["acknowledged"] =
        json!([{"code": "comitment_not_allowed", "path": 3, "reason": "x", "why": 1}]);
    let text = serde_json::to_string_pretty(&d).unwrap();
    let errs = load_errors(&text);
    let got: Vec<(&str, Code)> = errs.iter().map(|e| (e.0.as_str(), e.1)).collect();
    assert!(
        got.contains(&("acknowledged[0].code", Code::BadValue)),
        "{errs:?}"
    );
    assert!(
        got.contains(&("acknowledged[0].path", Code::TypeMismatch)),
        "{errs:?}"
    );
    assert!(
        got.contains(&("acknowledged[0].reason", Code::TypeMismatch)),
        "{errs:?}"
    );
    assert!(
        got.contains(&("acknowledged[0].why", Code::UnknownField)),
        "{errs:?}"
    );
    let code = errs.iter().find(|e| e.0 == "acknowledged[0].code").unwrap();
    assert!(
        code.2.contains("did you mean `commitment_not_allowed`"),
        "{}",
        code.2
    );
}

#[test]
fn a_quoted_count_is_reported_as_a_string() {
    let mut d = base();
    d["services"]["food"]["tolerance"] = json!({"max_missing": "1"});
    let errs = load_errors(&serde_json::to_string_pretty(&d).unwrap());
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert_eq!(errs[0].0, "services.food.tolerance.max_missing");
    assert_eq!(errs[0].1, Code::TypeMismatch);
    assert!(
        errs[0]
            .2
            .contains("expected a whole number, found a string"),
        "{}",
        errs[0].2
    );
    assert!(!errs[0].2.contains("is not a whole number"));
    // A number that is not whole is still a bad value.
    d["services"]["food"]["tolerance"] = json!({"max_missing": 1.5});
    let errs = load_errors(&serde_json::to_string_pretty(&d).unwrap());
    assert_eq!(
        (errs[0].1, errs[0].2.as_str()),
        (Code::BadValue, "`1.5` is not a whole number")
    );
    // In a limit, a quoted count says it is a string.
    d["services"]["food"]["tolerance"] = json!({"max_missing": 1});
    d["services"]["food"]["promise"] = json!({"working_days": "10"});
    let errs = load_errors(&serde_json::to_string_pretty(&d).unwrap());
    assert_eq!(errs[0].1, Code::BadLimit);
    assert!(errs[0].2.contains("it is a string"), "{}", errs[0].2);
}

#[test]
fn a_misspelt_required_key_is_reported_once() {
    let mut d = base();
    d["services"]["food"]["materials"][1]["tolerable"] =
        json!({"suplement_within": {"working_days": 5}});
    let errs = load_errors(&serde_json::to_string_pretty(&d).unwrap());
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert_eq!(errs[0].1, Code::UnknownField);
    assert!(errs[0].2.contains("did you mean `supplement_within`"));
    // A required key that is simply absent is still missing.
    d["services"]["food"]["materials"][1]["tolerable"] = json!({});
    let errs = load_errors(&serde_json::to_string_pretty(&d).unwrap());
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert_eq!(errs[0].1, Code::MissingField);
    assert!(errs[0]
        .2
        .contains("missing required field `supplement_within`"));
}

#[test]
fn a_duplicate_key_is_an_error_and_says_so() {
    let text = serde_json::to_string_pretty(&base()).unwrap().replacen(
        "\"version\": \"1\"",
        "\"version\": \"1\",\n  \"version\": \"2\"",
        1,
    );
    let errs = load_errors(&text);
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert_eq!(errs[0].1, Code::DuplicateKey);
    assert!(
        !errs[0].2.contains("only the last one counts"),
        "{}",
        errs[0].2
    );
    assert!(errs[0].2.contains("keep only one"));
}

#[test]
fn a_trailing_comma_is_invalid_json_at_its_line_and_column() {
    let text = "{\n  \"format\": 1,\n  \"id\": \"x\",\n}\n";
    let errs = load_errors(text);
    assert_eq!(errs.len(), 1);
    assert_eq!(errs[0].1, Code::InvalidJson);
    assert!(errs[0].2.contains("trailing comma"), "{}", errs[0].2);
    // serde_json reports the trailing comma where the object closes: line 4, column 1.
    assert_eq!((errs[0].3, errs[0].4), (Some(4), Some(1)));
}

#[test]
fn case_files_accept_null_services_and_used_by() {
    let p = Policy::from_value(&base()).unwrap();
    let cases = json!({"cases": [{
        "name": "n", "request": {"target": "food", "form": {"kind": "a"},
            "materials": {"safety_plan": "provided", "licence": "provided"},
            "submitted_at": "2026-03-02T10:00:00+08:00"},
        "expect": {"services": {"food": "accepted", "other": null},
                   "used_by": {"licence": ["food"], "not_listed": null}}
    }, {
        "name": "wrong", "request": {"target": "food", "form": {"kind": "a"},
            "materials": {"safety_plan": "provided", "licence": "provided"},
            "submitted_at": "2026-03-02T10:00:00+08:00"},
        "expect": {"services": {"food": null}, "used_by": {"licence": null}}
    }]});
    let r = p.run_cases(&cases.to_string()).unwrap();
    assert!(r.cases[0].passed, "{:?}", r.cases[0]);
    let diffs: Vec<(&str, &Value, &Value)> = r.cases[1]
        .differences
        .iter()
        .map(|d| (d.path.as_str(), &d.expected, &d.actual))
        .collect();
    assert_eq!(
        diffs,
        vec![
            ("services.food", &Value::Null, &json!("accepted")),
            ("used_by.licence", &Value::Null, &json!(["food"]))
        ]
    );
}

#[test]
fn a_syntax_error_is_explained_in_both_languages() {
    let e = Policy::from_json("{\n  \"format\": 1,\n}").err().unwrap();
    let d = &e.issues[0];
    assert_eq!(d.code, Code::InvalidJson);
    assert_eq!(d.message.en, "the text is not valid JSON: trailing comma");
    assert_eq!(d.message.zh, "不是有效的 JSON：多余的尾随逗号");
    let p = Policy::from_value(&base()).unwrap();
    // serde_json reports the trailing comma at the `]` that follows it: column 14.
    let e = p.run_cases("{\"cases\": [1,]}").err().unwrap();
    let d = &e.issues[0];
    assert_eq!(
        (d.code, d.line, d.column),
        (Code::InvalidJson, Some(1), Some(14))
    );
    assert_eq!(d.message.zh, "用例文件不是合法的 JSON：多余的尾随逗号");
}
