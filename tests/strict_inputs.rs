//! Every JSON input the API takes rejects unknown keys with a did-you-mean error, as policies
//! do: calendar options, overrides, withYear data, pauses, requests and case files. (A period
//! with an unknown unit is `bad_limit` with a did-you-mean, as in policies.)
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use intake_rules::api::{self, Error};
use intake_rules::{BeyondCoverage, Calendar, Code, Request};

fn cal() -> Calendar {
    Calendar::builtin("cn-mainland", BeyondCoverage::Error).unwrap()
}

/// The single issue of an error: (code, path, en message).
fn one(e: Error) -> (Code, String, String) {
    let issues = e.issues();
    assert_eq!(issues.len(), 1, "{issues:?}");
    let d = &issues[0];
    (d.code, d.path.clone(), d.text("en"))
}

#[test]
fn calendar_options_reject_unknown_keys() {
    let (code, path, en) = one(api::calendar_builtin(
        "cn-mainland",
        r#"{"beyond_coverag": "weekends_only"}"#,
    )
    .unwrap_err());
    assert_eq!(code, Code::UnknownField);
    assert_eq!(path, "options.beyond_coverag");
    assert!(en.contains("did you mean `beyond_coverage`?"), "{en}");
    // The known key still works.
    assert!(
        api::calendar_builtin("cn-mainland", r#"{"beyond_coverage": "weekends_only"}"#).is_ok()
    );
}

#[test]
fn a_misspelt_override_list_is_an_error_not_a_silent_no_op() {
    // Before: `holydays` was ignored and 2026-03-02 stayed a working day.
    let e = api::calendar_with_overrides(&cal(), r#"{"holydays": ["2026-03-02"]}"#).unwrap_err();
    let (code, path, en) = one(e);
    assert_eq!(
        (code, path.as_str()),
        (Code::UnknownField, "overrides.holydays")
    );
    assert!(en.contains("did you mean `holidays`?"), "{en}");
    let ok = api::calendar_with_overrides(&cal(), r#"{"holidays": ["2026-03-02"]}"#).unwrap();
    assert!(!ok
        .is_working_day(intake_rules::Date::parse("2026-03-02").unwrap())
        .unwrap());
}

#[test]
fn with_year_data_rejects_unknown_keys() {
    let e =
        api::calendar_with_year(&cal(), 2027.0, r#"{"holidays": [], "workday": []}"#).unwrap_err();
    let (code, path, en) = one(e);
    assert_eq!((code, path.as_str()), (Code::UnknownField, "data.workday"));
    assert!(en.contains("did you mean `workdays`?"), "{en}");
}

#[test]
fn pauses_and_periods_reject_unknown_keys() {
    let e = api::calendar_due(
        &cal(),
        "2026-03-02",
        r#"{"working_days": 5}"#,
        r#"[{"from": "2026-03-03", "to": "2026-03-04", "form": "x"}]"#,
    )
    .unwrap_err();
    let (code, path, _) = one(e);
    assert_eq!(
        (code, path.as_str()),
        (Code::UnknownField, "pauses[0].form")
    );

    let e = api::calendar_due(&cal(), "2026-03-02", r#"{"working_dayz": 5}"#, "null").unwrap_err();
    let (code, path, en) = one(e);
    assert_eq!((code, path.as_str()), (Code::BadLimit, "period"));
    assert!(en.contains("did you mean `working_days`?"), "{en}");
    // 2026-03-02 (Mon) + 5 working days = 2026-03-09 (Mon).
    let due = api::calendar_due(&cal(), "2026-03-02", r#"{"working_days": 5}"#, "null").unwrap();
    assert_eq!(due.to_string(), "2026-03-09");
}

#[test]
fn a_misspelt_request_key_is_an_error_with_a_suggestion() {
    let e = Request::from_json(
        r#"{"target": "joint", "submited_at": "2026-03-02T09:00", "submitted_at": "2026-03-02T09:00"}"#,
    )
    .unwrap_err();
    assert_eq!(e.issues.len(), 1);
    assert_eq!(e.issues[0].code, Code::UnknownField);
    assert_eq!(e.issues[0].path, "submited_at");
    assert!(e.issues[0]
        .text("en")
        .contains("did you mean `submitted_at`?"));
    // Unknown form fields stay warnings (a portal may send extra keys).
    let r = Request::from_json(
        r#"{"target": "joint", "submitted_at": "2026-03-02T09:00", "form": {"extra": 1}}"#,
    )
    .unwrap();
    assert!(
        r.warnings.is_empty(),
        "form keys are judged against the policy later"
    );
}

#[test]
fn the_did_you_mean_is_a_separate_help_field() {
    use intake_rules::policy::Policy;
    let text = std::fs::read_to_string("tests/fixtures/minimal.json").unwrap();
    let mut doc: serde_json::Value = serde_json::from_str(&text).unwrap();
    doc["versoin"] = serde_json::json!("x");
    doc["zzzzzzzz"] = serde_json::json!(1);
    let e = Policy::from_json(&serde_json::to_string_pretty(&doc).unwrap()).unwrap_err();
    let typo = e.issues.iter().find(|d| d.path == "versoin").unwrap();
    assert_eq!(typo.message.en, "unknown field `versoin`");
    assert_eq!(typo.message.zh, "未知字段 `versoin`");
    let help = typo.help.as_ref().unwrap();
    assert_eq!(help.en, "did you mean `version`?");
    assert_eq!(help.zh, "是否应为 `version`？");
    assert_eq!(
        typo.one_line("en"),
        "versoin: unknown field `versoin` (did you mean `version`?)"
    );
    assert_eq!(
        typo.one_line("zh-CN"),
        "versoin: 未知字段 `versoin`（是否应为 `version`？）"
    );
    // In JSON the help is an object beside the message, and absent when nothing is near.
    let json = serde_json::to_value(typo).unwrap();
    assert_eq!(json["help"]["en"], "did you mean `version`?");
    let far = e.issues.iter().find(|d| d.path == "zzzzzzzz").unwrap();
    assert!(far.help.is_none());
    assert!(serde_json::to_value(far).unwrap().get("help").is_none());
}
