//! Bounded cost on every entry (docs/limits.md): linear-time policy-set loading with the
//! version and issue caps enforced while reading, size budgets on object and calendar
//! arguments, and typed errors for request texts JSON-wise unusable.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::time::{Duration, Instant};

use intake_rules::api;
use intake_rules::engine::policy_set::MAX_VERSIONS;
use intake_rules::limits::{
    MAX_CALENDAR_ARG_BYTES, MAX_ISSUES, MAX_LIST_ENTRIES, MAX_POLICY_BYTES, MAX_POLICY_SET_BYTES,
};
use intake_rules::{BeyondCoverage, Calendar, Policy, PolicySet, Request};
use serde_json::{json, Value};

const MINIMAL: &str = include_str!("fixtures/minimal.json");

fn codes(e: &intake_rules::PolicyError) -> Vec<&'static str> {
    e.issues.iter().map(|d| d.code.as_str()).collect()
}

/// `[0,0,…]` with `n` items.
fn zeros(n: usize) -> String {
    let mut s = String::with_capacity(2 * n + 2);
    s.push('[');
    for i in 0..n {
        if i > 0 {
            s.push(',');
        }
        s.push('0');
    }
    s.push(']');
    s
}

#[test]
fn a_set_of_100k_items_is_refused_in_well_under_a_second() {
    // Before: 14.9 s in the browser (each item's position rescanned the text), and every one
    // of the 100,000 problems was returned.
    for text in [
        zeros(100_000),
        format!("{{\"versions\": {}}}", zeros(100_000)),
    ] {
        let t0 = Instant::now();
        let e = PolicySet::from_json(&text).unwrap_err();
        assert!(t0.elapsed() < Duration::from_secs(1), "{:?}", t0.elapsed());
        assert_eq!(codes(&e), ["too_large"]);
        assert!(e.issues[0].message.en.contains("100000 versions"), "{e}");
        assert_eq!((e.issues[0].line, e.issues[0].column), (Some(1), Some(1)));
        let t0 = Instant::now();
        let e = api::policy_set_from_object_text(&text).unwrap_err();
        assert!(t0.elapsed() < Duration::from_secs(1));
        assert_eq!(e.code().as_str(), "too_large");
        assert_eq!(e.issues()[0].line, None);
    }
    // Already-parsed documents: the length is checked before any version is loaded.
    let v: Value = serde_json::from_str(&zeros(200_000)).unwrap();
    let t0 = Instant::now();
    let e = PolicySet::from_value(&v).unwrap_err();
    assert!(t0.elapsed() < Duration::from_millis(200));
    assert_eq!(codes(&e), ["too_large"]);
}

#[test]
fn the_version_cap_is_enforced_before_loading_versions() {
    // 65 copies of a valid document: refused without loading any (loading 65 documents of
    // 4 MiB would take seconds); exactly 64 load as far as the ranges allow.
    let doc = MINIMAL.trim();
    let over = format!("[{}]", vec![doc; MAX_VERSIONS + 1].join(","));
    let e = PolicySet::from_json(&over).unwrap_err();
    assert_eq!(codes(&e), ["too_large"]);
    assert!(e.issues[0].message.en.contains("65 versions"));
    let at_cap = format!("[{}]", vec![doc; MAX_VERSIONS].join(","));
    let e = PolicySet::from_json(&at_cap).unwrap_err();
    // Same id, no effective ranges: every later version overlaps the first.
    assert!(codes(&e).iter().all(|c| *c == "bad_effective"), "{e}");
}

#[test]
fn the_issue_cap_stops_reading_and_says_so() {
    // 64 versions with 40 unknown keys each: 2,560 problems in all. Reading stops once 1,000
    // are found; the list ends with `too_many_issues`, and the summary counts what is listed.
    let mut one: Value = serde_json::from_str(MINIMAL).unwrap();
    for i in 0..40 {
        one[format!("bogus_{i:02}")] = json!(1);
    }
    let text = serde_json::to_string(&vec![one; MAX_VERSIONS]).unwrap();
    for (e, positions) in [
        (PolicySet::from_json(&text).unwrap_err(), true),
        (
            match api::policy_set_from_object_text(&text).unwrap_err() {
                api::Error::Policy(e) => e,
                other => panic!("{other:?}"),
            },
            false,
        ),
    ] {
        assert_eq!(e.issues.len(), MAX_ISSUES + 1);
        let last = e.issues.last().unwrap();
        assert_eq!(last.code.as_str(), "too_many_issues");
        assert!(
            last.message.en.contains("of 64 versions"),
            "{}",
            last.message.en
        );
        assert!(e.issues[..MAX_ISSUES]
            .iter()
            .all(|d| d.code.as_str() == "unknown_field"));
        assert_eq!(e.issues[0].line.is_some(), positions);
        assert!(e.to_string().ends_with("(and 1000 more problems)"), "{e}");
    }
}

#[test]
fn positions_of_versions_are_in_the_whole_text() {
    // Hand-placed: the third item `0` is on line 4, column 3 (after two spaces); the first
    // item's bad key `"x"` is on line 2 after `  {"format": 1, ` (16 units: column 17).
    let doc = MINIMAL.trim().replace('\n', " ");
    let text = format!("[\n  {{\"format\": 1, \"x\": 2}},\n  {doc},\n  0\n]");
    let e = PolicySet::from_json(&text).unwrap_err();
    let x = e.issues.iter().find(|d| d.path == "[0].x").expect("[0].x");
    assert_eq!((x.line, x.column), (Some(2), Some(17)));
    let zero = e.issues.iter().find(|d| d.path == "[2]").expect("[2]");
    assert_eq!((zero.line, zero.column), (Some(4), Some(3)));
    // A syntax error: line and UTF-16 column of the caller's text, not null. The second comma
    // follows `  {"title": "中文" ,` (18 units: each Chinese character is one).
    let e = PolicySet::from_json("[\n  {\"title\": \"中文\" ,, }]").unwrap_err();
    assert_eq!(codes(&e), ["invalid_json"]);
    assert_eq!((e.issues[0].line, e.issues[0].column), (Some(2), Some(19)));
}

#[test]
fn object_documents_get_the_text_size_cap() {
    // Before: `Policy.fromObject` accepted a 50 MB document (the 4 MiB cap held for text only).
    let mut doc: Value = serde_json::from_str(MINIMAL).unwrap();
    doc["title"]["en"] = json!("x".repeat(MAX_POLICY_BYTES));
    let text = doc.to_string();
    let e = api::policy_from_object_text(&text).unwrap_err();
    assert_eq!((e.name(), e.code().as_str()), ("PolicyError", "too_large"));
    assert_eq!(e.issues()[0].line, None);
    let set = format!("[{text},{text}]");
    assert!(set.len() > MAX_POLICY_SET_BYTES);
    let e = api::policy_set_from_object_text(&set).unwrap_err();
    assert_eq!(e.code().as_str(), "too_large");
    // A normal object still loads, without positions in later diagnostics.
    let p = api::policy_from_object_text(MINIMAL).unwrap();
    assert!(p.lint().iter().all(|d| d.line.is_none()));
    assert_eq!(
        p.fingerprint(),
        Policy::from_json(MINIMAL).unwrap().fingerprint()
    );
}

fn cal() -> Calendar {
    Calendar::builtin("cn-mainland", BeyondCoverage::Error).unwrap()
}

#[test]
fn calendar_arguments_are_capped() {
    // Before: 1 M pauses took 11.7 s, 80 M trapped.
    let pause = json!({"from": "2026-03-02", "to": "2026-03-03"});
    let many = Value::Array(vec![pause.clone(); MAX_LIST_ENTRIES + 1]).to_string();
    let t0 = Instant::now();
    let e = api::calendar_due(&cal(), "2026-03-02", r#"{"working_days": 5}"#, &many).unwrap_err();
    assert!(t0.elapsed() < Duration::from_millis(500));
    assert_eq!(
        (e.name(), e.code().as_str()),
        ("CalendarError", "too_large")
    );
    assert_eq!(e.issues()[0].path, "pauses");
    // At the cap it computes (the same pause repeated is one pause): 2026-03-02 (Mon) and
    // 03-03 paused, so five working days run 03-04 … 03-10.
    let ok = Value::Array(vec![pause; MAX_LIST_ENTRIES]).to_string();
    let d = api::calendar_due(&cal(), "2026-03-02", r#"{"working_days": 5}"#, &ok).unwrap();
    assert_eq!(d.to_string(), "2026-03-10");
    let huge = format!("\"{}\"", "x".repeat(MAX_CALENDAR_ARG_BYTES));
    let e = api::calendar_due(&cal(), "2026-03-02", &huge, "null").unwrap_err();
    assert_eq!(
        (e.code().as_str(), e.issues()[0].path.as_str()),
        ("too_large", "period")
    );
    let dates = Value::Array(vec![json!("2026-03-02"); MAX_LIST_ENTRIES + 1]);
    let e = api::calendar_with_overrides(&cal(), &json!({ "holidays": dates }).to_string())
        .unwrap_err();
    assert_eq!(
        (e.code().as_str(), e.issues()[0].path.as_str()),
        ("too_large", "holidays")
    );
    let e = api::calendar_with_year(&cal(), 2099.0, &json!({ "workdays": dates }).to_string())
        .unwrap_err();
    assert_eq!(
        (e.code().as_str(), e.issues()[0].path.as_str()),
        ("too_large", "workdays")
    );
    let e = api::calendar_builtin("cn-mainland", &json!({ "x": huge }).to_string()).unwrap_err();
    assert_eq!(
        (e.code().as_str(), e.issues()[0].path.as_str()),
        ("too_large", "options")
    );
}

#[test]
fn request_texts_report_real_positions_and_typed_codes() {
    // Before: `line` and `column` were null although the message named them.
    let e = Request::from_json("{\"target\": \"中文\",\n \"form\": {,}}").unwrap_err();
    assert_eq!(e.code().as_str(), "invalid_json");
    assert_eq!((e.issues[0].line, e.issues[0].column), (Some(2), Some(11)));
    assert!(e.issues[0].message.en.contains("line 2, column 11"));
    // A lone surrogate escape: its own code, at the escape's end.
    let e = Request::from_json(r#"{"target": "t", "form": {"name": "ab\ud800"}}"#).unwrap_err();
    assert_eq!(e.code().as_str(), "lone_surrogate");
    assert_eq!(e.issues[0].line, Some(1));
    let e = Request::from_json(r#"{"target": "\udc00"}"#).unwrap_err();
    assert_eq!(e.code().as_str(), "lone_surrogate");
    // Nesting past serde_json's limit is `too_deep`, not a syntax error.
    let deep = format!("{{\"target\": {}{}}}", "[".repeat(200), "]".repeat(200));
    assert_eq!(
        Request::from_json(&deep).unwrap_err().code().as_str(),
        "too_deep"
    );
}
