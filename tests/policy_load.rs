//! Policy loading: the malformed corpus (`tests/malformed/*.json`, each with a sibling
//! `.expect.json` of `[{code, path, line, column}]`), valid fixtures, the fingerprint, values
//! without positions, hostile inputs, and the JSON Schema's agreement with the loader.
//!
//! To regenerate expectations after a deliberate change: `UPDATE_SNAPSHOTS=1 cargo test --test
//! policy_load`, then review the diff of `tests/malformed/` by hand.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use intake_rules::policy::keys;
use intake_rules::{Code, Diagnostic, Policy};
use serde_json::{json, Value};

fn dir(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

fn json_files(rel: &str) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir(rel))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let n = p.file_name().unwrap().to_string_lossy().to_string();
            n.ends_with(".json")
                && !n.ends_with(".expect.json")
                && !n.ends_with(".cases.json")
                && !n.ends_with(".versions.json") // policy sets (tests/policy_set.rs)
        })
        .collect();
    v.sort();
    v
}

fn summarize(issues: &[Diagnostic]) -> Value {
    Value::Array(
        issues
            .iter()
            .map(|d| json!({"code": d.code.as_str(), "path": d.path, "line": d.line, "column": d.column}))
            .collect(),
    )
}

fn check_message(d: &Diagnostic) {
    for text in [&d.message.en, &d.message.zh] {
        assert!(!text.is_empty(), "empty message: {d:?}");
        assert!(
            !text.ends_with('.') && !text.ends_with('。'),
            "final period: {d:?}"
        );
    }
    let first = d.message.en.chars().next().unwrap();
    assert!(!first.is_uppercase(), "en message starts upper-case: {d:?}");
}

#[test]
fn malformed_corpus() {
    let bless = std::env::var_os("UPDATE_SNAPSHOTS").is_some();
    let files = json_files("tests/malformed");
    assert!(files.len() >= 40, "only {} malformed files", files.len());
    let mut failures = Vec::new();
    for file in &files {
        let name = file.file_name().unwrap().to_string_lossy().to_string();
        let text = std::fs::read_to_string(file).unwrap();
        let result = std::panic::catch_unwind(|| Policy::from_json(&text));
        let issues = match result {
            Ok(Err(e)) => e.issues,
            Ok(Ok(_)) => {
                failures.push(format!("{name}: loaded without errors"));
                continue;
            }
            Err(_) => {
                failures.push(format!(
                    "{name}: panicked (needs the expr/calendar modules from main?)"
                ));
                continue;
            }
        };
        for d in &issues {
            assert!(
                d.line.is_some() && d.column.is_some(),
                "{name}: no position: {d:?}"
            );
            check_message(d);
        }
        let got = summarize(&issues);
        let expect_path = file.with_extension("expect.json");
        if bless {
            let mut s = serde_json::to_string_pretty(&got).unwrap();
            s.push('\n');
            std::fs::write(&expect_path, s).unwrap();
            continue;
        }
        let Ok(expected) = std::fs::read_to_string(&expect_path) else {
            failures.push(format!("{name}: no {}", expect_path.display()));
            continue;
        };
        let expected: Value = serde_json::from_str(&expected).unwrap();
        if expected != got {
            failures.push(format!(
                "{name}:\n  expected {expected}\n  got      {got}\n  messages: {:?}",
                issues.iter().map(|d| d.one_line("en")).collect::<Vec<_>>()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Documents with several problems report them all in one load.
#[test]
fn all_problems_at_once() {
    let text = std::fs::read_to_string(dir("tests/malformed/combination_structure.json")).unwrap();
    let issues = Policy::from_json(&text).unwrap_err().issues;
    let codes: BTreeSet<&str> = issues.iter().map(|d| d.code.as_str()).collect();
    for c in [
        "type_mismatch",
        "unknown_format",
        "missing_field",
        "unknown_service",
    ] {
        assert!(codes.contains(c), "{c} missing from {codes:?}");
    }
}

#[test]
fn sorted_by_position() {
    for file in json_files("tests/malformed") {
        let text = std::fs::read_to_string(&file).unwrap();
        if let Ok(Err(e)) = std::panic::catch_unwind(|| Policy::from_json(&text)) {
            let keys: Vec<_> = e
                .issues
                .iter()
                .map(|d| (d.line, d.column, d.path.clone(), d.code))
                .collect();
            let mut sorted = keys.clone();
            sorted.sort();
            assert_eq!(keys, sorted, "{}", file.display());
        }
    }
}

#[test]
fn exact_positions_through_utf16_and_escapes() {
    // 中 is one UTF-16 unit, 😀 two; `\"` is two columns in the file but one byte decoded.
    let text = r#"{"format": 1, "id": "x", "version": "1", "title": {"zh-CN": "中😀"}, "fields": {}, "materials": {}, "services": {}, "bundles": {"中": 1}}"#;
    let issues = Policy::from_json(text).unwrap_err().issues;
    let s = summarize(&issues);
    assert_eq!(
        s,
        json!([
            {"code": "bad_value", "path": "services", "line": 1, "column": 112},
            {"code": "bad_id", "path": "bundles[\"中\"]", "line": 1, "column": 128},
            {"code": "type_mismatch", "path": "bundles[\"中\"]", "line": 1, "column": 133}
        ])
    );
}

#[test]
fn from_value_has_no_positions_and_sorts_by_path() {
    let text = std::fs::read_to_string(dir("tests/malformed/bad_value_misc.json")).unwrap();
    let doc: Value = serde_json::from_str(&text).unwrap();
    let issues = Policy::from_value(&doc).unwrap_err().issues;
    assert!(!issues.is_empty());
    assert!(issues
        .iter()
        .all(|d| d.line.is_none() && d.column.is_none()));
    let paths: Vec<&str> = issues.iter().map(|d| d.path.as_str()).collect();
    let mut sorted = paths.clone();
    sorted.sort();
    assert_eq!(paths, sorted);
    // Same problems as from text.
    let from_text = Policy::from_json(&text).unwrap_err().issues;
    let mut a: Vec<_> = issues.iter().map(|d| (d.path.clone(), d.code)).collect();
    let mut b: Vec<_> = from_text.iter().map(|d| (d.path.clone(), d.code)).collect();
    a.sort();
    b.sort();
    assert_eq!(a, b);
}

#[test]
fn hostile_deep_nesting_is_a_structured_error() {
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    let issues = Policy::from_json(&deep).unwrap_err().issues;
    assert_eq!(issues.len(), 1);
    assert_eq!(issues[0].code, Code::TooDeep);
    assert_eq!((issues[0].line, issues[0].column), (Some(1), Some(65)));
    let deep_obj = format!("{}1{}", "{\"a\":".repeat(10_000), "}".repeat(10_000));
    assert_eq!(
        Policy::from_json(&deep_obj).unwrap_err().issues[0].code,
        Code::TooDeep
    );
    // Unbalanced, unterminated: still an error, never a panic.
    let open = "[".repeat(10_000);
    assert!(Policy::from_json(&open).is_err());
    let mut v = json!(1);
    for _ in 0..100 {
        v = json!([v]);
    }
    assert_eq!(
        Policy::from_value(&v).unwrap_err().issues[0].code,
        Code::TooDeep
    );
}

#[test]
fn hostile_large_document_is_a_structured_error() {
    let big = format!(
        "{{\"format\": 1, \"$comment\": \"{}\"}}",
        "x".repeat(5 * 1024 * 1024)
    );
    let issues = Policy::from_json(&big).unwrap_err().issues;
    assert_eq!(issues.len(), 1);
    assert_eq!(issues[0].code, Code::TooLarge);
    assert_eq!((issues[0].line, issues[0].column), (Some(1), Some(1)));
}

#[test]
fn hostile_inputs_do_not_panic() {
    for text in [
        "",
        " ",
        "null",
        "\"x\"",
        "{",
        "}",
        "{\"format\":",
        "\u{feff}{}",
        "[]",
        "{\"a\":1,}",
        "{\"services\": {\"s\": {\"stages\": [{\"id\": \"a\", \"after\": [\"a\", \"a\"]}]}}}",
    ] {
        assert!(Policy::from_json(text).is_err(), "{text:?}");
    }
}

#[test]
fn invalid_json_position_counts_utf16() {
    let text = "{\n  \"title\": {\"zh-CN\": \"中文😀\" \"en\": \"x\"}\n}";
    let issues = Policy::from_json(text).unwrap_err().issues;
    assert_eq!(issues.len(), 1);
    assert_eq!(issues[0].code, Code::InvalidJson);
    // `"en"` starts at UTF-16 column 29 of line 2.
    assert_eq!((issues[0].line, issues[0].column), (Some(2), Some(29)));
}

fn write_reordered(v: &Value, out: &mut String, indent: usize) {
    match v {
        Value::Object(m) => {
            out.push_str("{\n");
            let items: Vec<_> = m.iter().rev().collect();
            for (i, (k, v)) in items.iter().enumerate() {
                out.push_str(&" ".repeat(indent + 2));
                out.push_str(&serde_json::to_string(k).unwrap());
                out.push_str(" :  ");
                write_reordered(v, out, indent + 2);
                if i + 1 < items.len() {
                    out.push(',');
                }
                out.push('\n');
            }
            out.push_str(&" ".repeat(indent));
            out.push('}');
        }
        Value::Array(a) => {
            out.push_str("[ ");
            for (i, x) in a.iter().enumerate() {
                if i > 0 {
                    out.push_str(" ,\n");
                }
                write_reordered(x, out, indent + 2);
            }
            out.push_str(" ]");
        }
        Value::Number(n) if n.is_u64() => out.push_str(&format!("{}.0", n)),
        other => out.push_str(&other.to_string()),
    }
}

fn valid_policy_texts() -> Vec<(String, String)> {
    let mut out = Vec::new();
    for rel in ["tests/fixtures", "packs"] {
        if !dir(rel).exists() {
            continue;
        }
        for f in json_files(rel) {
            out.push((
                f.display().to_string(),
                std::fs::read_to_string(&f).unwrap(),
            ));
        }
    }
    out
}

#[test]
fn valid_fixtures_load() {
    let texts = valid_policy_texts();
    assert!(texts.len() >= 2);
    for (name, text) in texts {
        let p = match Policy::from_json(&text) {
            Ok(p) => p,
            Err(e) => panic!("{name}: {:#?}", e.issues),
        };
        assert!(p.fingerprint().starts_with("sha256:"), "{name}");
        for (i, f) in p.fields.iter().enumerate() {
            assert_eq!(p.field_index(&f.id), Some(i));
        }
        for s in &p.services {
            assert_eq!(s.stage_order.len(), s.stages.len());
            for (pos, &i) in s.stage_order.iter().enumerate() {
                for a in &s.stages[i].after {
                    let ap = s.stage_order.iter().position(|x| x == a).unwrap();
                    assert!(ap < pos, "{name}: stage order");
                }
            }
        }
        let doc: Value = serde_json::from_str(&text).unwrap();
        let q = Policy::from_value(&doc).unwrap();
        assert_eq!(q.fingerprint(), p.fingerprint());
        assert_eq!(q.source, doc);
    }
}

#[test]
fn fixture_model_is_resolved() {
    let text = std::fs::read_to_string(dir("tests/fixtures/utility.json")).unwrap();
    let p = Policy::from_json(&text).unwrap();
    assert_eq!(p.id, "cn.example.joint-utility");
    let ids: Vec<&str> = p.fields.iter().map(|f| f.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "capacity_kva",
            "needs_external_works",
            "project_kind",
            "start_date",
            "uscc"
        ]
    );
    let power = &p.services[p.service_index("power").unwrap()];
    assert_eq!(power.materials.len(), 4);
    assert_eq!(p.materials[power.materials[1].material].id, "load_list");
    assert_eq!(power.stage_order, vec![0, 1]);
    assert_eq!(power.stages[1].after, vec![0]);
    let joint = &p.bundles[0];
    let names: Vec<&str> = joint
        .services
        .iter()
        .map(|&i| p.services[i].id.as_str())
        .collect();
    assert_eq!(names, ["power", "water"]);
    assert_eq!(p.cutoff, intake_rules::TimeOfDay(17 * 3600));
    assert_eq!(p.calendar.id(), p.calendar_info.id);
}

#[test]
fn fingerprint_ignores_key_order_whitespace_and_schema() {
    for (name, text) in valid_policy_texts() {
        let doc: Value = serde_json::from_str(&text).unwrap();
        let mut reordered = String::new();
        write_reordered(&doc, &mut reordered, 0);
        let a = Policy::from_json(&text).unwrap();
        let b = Policy::from_json(&reordered).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(a.fingerprint(), b.fingerprint(), "{name}");
        let mut with_schema = doc.clone();
        with_schema["$schema"] = json!("https://example.invalid/other.json");
        assert_eq!(
            Policy::from_value(&with_schema).unwrap().fingerprint(),
            a.fingerprint()
        );
        let mut changed = doc.clone();
        changed["version"] = json!("changed");
        assert_ne!(
            Policy::from_value(&changed).unwrap().fingerprint(),
            a.fingerprint()
        );
    }
}

#[test]
fn fingerprint_canonical_form_is_stable() {
    use intake_rules::policy::fingerprint::{canonical, fingerprint};
    let a = json!({"b": 2.0, "a": [1, "中\"x"], "$schema": "s"});
    assert_eq!(canonical(&a), r#"{"$schema":"s","a":[1,"中\"x"],"b":2}"#);
    assert_eq!(
        fingerprint(&a),
        fingerprint(&json!({"a": [1.0, "中\"x"], "b": 2}))
    );
    // sha256 of `{"a":[1,"中\"x"],"b":2}`, computed independently.
    assert_eq!(
        fingerprint(&a),
        "sha256:c1f3fc1dfad46c86cbea9e46521ee848636df735f3fec903b9f478a8fadfe14e"
    );
}

/// The schema's property names at each place equal the keys the loader accepts.
#[test]
fn schema_matches_loader_keys() {
    let schema: Value =
        serde_json::from_str(&std::fs::read_to_string(dir("schema/policy.schema.json")).unwrap())
            .unwrap();
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    for (def, accepted) in keys::ALL {
        let node = if *def == "policy" {
            &schema
        } else {
            &schema["$defs"][def]
        };
        let props: BTreeSet<&str> = node["properties"]
            .as_object()
            .unwrap_or_else(|| panic!("schema lacks $defs.{def}.properties"))
            .keys()
            .map(String::as_str)
            .collect();
        let accepted: BTreeSet<&str> = accepted.iter().copied().collect();
        assert_eq!(props, accepted, "schema and loader disagree on `{def}`");
        assert_eq!(node["additionalProperties"], json!(false), "{def}");
        for (k, v) in node["properties"].as_object().unwrap() {
            assert!(
                v.get("description").is_some() || v.get("$ref").is_some(),
                "{def}.{k} lacks a description"
            );
        }
    }
    let field_types: Vec<&str> = schema["$defs"]["field"]["properties"]["type"]["enum"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert_eq!(field_types, keys::FIELD_TYPES);
}
