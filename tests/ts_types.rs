//! The TypeScript declarations of the npm package, generated from the Rust types (feature `ts`):
//! `cargo test --features ts --test ts_types` fails when a committed file under `js/generated/`
//! differs from what the types give; `UPDATE_SNAPSHOTS=1` (or `make types`) rewrites them.
//!
//! - `js/generated/types.d.ts`: every output type of the portal module (decision, timeline,
//!   compact decision, targets, diagnostics, versions) and the code, outcome and status unions.
//! - `js/generated/authoring.d.ts`: the policy-staff tools' outputs (case report, diff, guide).
//! - `js/generated/policy-document.d.ts`: the policy document, from `schema/policy.schema.json`
//!   (itself checked against the loader's key lists), loose enough for an imported JSON file.
//!
//! The other input shapes are written by hand (`js/inputs.d.ts`, `js/tools-inputs.d.ts`); their
//! keys are checked here against what the Rust readers accept.

#![cfg(feature = "ts")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

#[path = "support/snapshot.rs"]
mod snapshot;

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use serde_json::Value;

use intake_rules::ts::{render, Collector, Declaration};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

const HEADER: &str =
    "// GENERATED from the Rust types by tests/ts_types.rs (`make types`); do not edit.\n";

fn core_collector() -> Collector {
    use intake_rules::engine::{compact, decision, policy_set, schedule};
    let mut c = Collector::new();
    c.root::<decision::Decision>();
    c.root::<schedule::Timeline>();
    c.root::<Vec<decision::ChecklistItem>>();
    c.root::<compact::CompactDecision>();
    c.root::<intake_rules::api::Target>();
    c.root::<intake_rules::Diagnostic>();
    c.root::<policy_set::VersionInfo>();
    // The unions a caller names in its own code (form values, field types, locales).
    c.root::<intake_rules::ts::FormValue>();
    c.root::<intake_rules::ts::Locale>();
    c.root::<intake_rules::ts::MaterialArea>();
    c.root::<intake_rules::ts::LabelMap>();
    c
}

fn authoring_collector() -> Collector {
    let mut c = Collector::new();
    c.root::<intake_rules::authoring::cases::CaseReport>();
    c.root::<intake_rules::authoring::diff::PolicyDiff>();
    c.root::<intake_rules::authoring::guide::Guide>();
    c.root::<intake_rules::authoring::stats::Stats>();
    c.root::<intake_rules::authoring::replay::ReplayBatch>();
    c
}

/// The declarations of both files: the authoring file leaves out what the core file declares.
fn declarations() -> (Vec<Declaration>, Vec<Declaration>) {
    let core = core_collector().declarations().unwrap();
    let names: BTreeSet<String> = core.iter().map(|d| d.name.clone()).collect();
    let authoring = authoring_collector()
        .declarations()
        .unwrap()
        .into_iter()
        .filter(|d| !names.contains(&d.name))
        .collect();
    (core, authoring)
}

/// Compare `text` with the committed file, or rewrite it under `UPDATE_SNAPSHOTS`.
fn check_file(rel: &str, text: &str) {
    let path = root().join(rel);
    if snapshot::updating() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, text).unwrap();
        return;
    }
    let old = std::fs::read_to_string(&path).unwrap_or_default();
    if old != text {
        let first = old
            .lines()
            .zip(text.lines())
            .position(|(a, b)| a != b)
            .unwrap_or_else(|| old.lines().count().min(text.lines().count()));
        panic!(
            "{rel} differs from what the Rust types generate (first at line {}): \
             run `make types` (UPDATE_SNAPSHOTS=1 cargo test --features ts --test ts_types) \
             and commit the result",
            first + 1
        );
    }
}

#[test]
fn generated_output_types_are_committed() {
    let (core, authoring) = declarations();
    check_file(
        "js/generated/types.d.ts",
        &render(
            &format!("{HEADER}// The output types of every module (the portal's too).\n"),
            &core,
        ),
    );
    check_file(
        "js/generated/authoring.d.ts",
        &render(
            &format!("{HEADER}// The outputs of the policy-staff tools (the full module only).\n"),
            &authoring,
        ),
    );
}

#[test]
fn generated_policy_document_is_committed() {
    check_file("js/generated/policy-document.d.ts", &policy_document_ts());
}

// ---- what the generated types must say ---------------------------------------------------------

fn decl<'a>(ds: &'a [Declaration], name: &str) -> &'a str {
    &ds.iter()
        .find(|d| d.name == name)
        .unwrap_or_else(|| panic!("no declaration {name}"))
        .decl
}

#[test]
fn codes_outcomes_and_statuses_are_string_unions() {
    let (core, _) = declarations();
    let codes = decl(&core, "ErrorCode");
    for c in intake_rules::Code::ALL {
        assert!(codes.contains(&format!("\"{}\"", c.as_str())), "{c:?}");
    }
    assert_eq!(
        codes.matches('|').count() + 1,
        intake_rules::Code::ALL.len()
    );
    assert_eq!(
        decl(&core, "Outcome"),
        "type Outcome = \"accepted\" | \"accepted_with_tolerance\" | \"needs_correction\" | \"not_accepted\";"
    );
    assert_eq!(
        decl(&core, "MaterialStatus"),
        "type MaterialStatus = \"provided\" | \"electronic\" | \"committed\" | \"missing\";"
    );
    assert!(decl(&core, "Issue").contains("code: ErrorCode"));
    assert!(decl(&core, "Diagnostic").contains("code: ErrorCode"));
    assert!(decl(&core, "Diagnostic").contains("line: number | null"));
    assert!(decl(&core, "Decision").contains("received_on: DateString"));
    // No large-integer type leaks: serde_json writes every count as a JSON number.
    for d in &core {
        assert!(!d.decl.contains("bigint"), "{}", d.decl);
    }
}

/// Every output type the JS API returns is declared once, by the name the package exports.
#[test]
fn every_returned_type_is_declared() {
    let (core, authoring) = declarations();
    let names: BTreeSet<&str> = core
        .iter()
        .chain(authoring.iter())
        .map(|d| d.name.as_str())
        .collect();
    for n in [
        "Decision",
        "Timeline",
        "ChecklistItem",
        "CompactDecision",
        "Target",
        "FieldInfo",
        "Diagnostic",
        "Message",
        "Severity",
        "Issue",
        "VersionInfo",
        "Outcome",
        "MaterialStatus",
        "ErrorCode",
        "DateString",
        "Period",
        "Basis",
        "CaseReport",
        "PolicyDiff",
        "ChangeKind",
        "Guide",
        "GuideMaterial",
    ] {
        assert!(names.contains(n), "{n} is not declared");
    }
}

/// The hand-declared unions follow the crate's own lists.
#[test]
fn field_types_and_formats_follow_the_loader() {
    let (core, _) = declarations();
    let ty = decl(&core, "FieldType");
    for t in intake_rules::policy::keys::FIELD_TYPES {
        assert!(ty.contains(&format!("\"{t}\"")), "{t}");
    }
    assert_eq!(
        ty.matches('|').count() + 1,
        intake_rules::policy::keys::FIELD_TYPES.len()
    );
    let f = decl(&core, "StringFormat");
    for (n, _) in intake_rules::policy::StringFormat::ALL {
        assert!(f.contains(&format!("\"{n}\"")), "{n}");
    }
}

/// `ChangeKind` lists exactly the kinds the diff's source can report: every listed kind is a
/// string literal there, and every literal there that looks like a kind is listed.
#[test]
fn change_kinds_follow_the_diff() {
    let mut literals = BTreeSet::new();
    let mut stack = vec![root().join("src/authoring")];
    while let Some(p) = stack.pop() {
        if p.is_dir() {
            for e in std::fs::read_dir(&p).unwrap() {
                stack.push(e.unwrap().path());
            }
        } else if p
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with("diff"))
            || p.parent().is_some_and(|d| d.ends_with("diff"))
        {
            let src = std::fs::read_to_string(&p).unwrap();
            for (i, part) in src.split('"').enumerate() {
                if i % 2 == 1
                    && !part.is_empty()
                    && part.chars().all(|c| c.is_ascii_lowercase() || c == '_')
                {
                    literals.insert(part.to_string());
                }
            }
        }
    }
    let kinds: BTreeSet<String> = intake_rules::ts::CHANGE_KINDS
        .iter()
        .map(|s| s.to_string())
        .collect();
    for k in &kinds {
        assert!(
            literals.contains(k),
            "ChangeKind `{k}` is not in the diff's source"
        );
    }
    for l in &literals {
        let looks_like_kind = ["_changed", "_added", "_removed"]
            .iter()
            .any(|s| l.ends_with(s))
            || l.starts_with("material_made_")
            || l.contains("_no_longer_");
        if looks_like_kind {
            assert!(
                kinds.contains(l),
                "the diff reports `{l}`: add it to ts::CHANGE_KINDS"
            );
        }
    }
}

// ---- the hand-written input types: their keys are what the readers accept ------------------------

/// Every `export interface Name { … }` of a declaration file with its top-level keys.
fn interfaces(rel: &str) -> BTreeMap<String, BTreeSet<String>> {
    let text = std::fs::read_to_string(root().join(rel)).unwrap();
    let mut out = BTreeMap::new();
    let mut current: Option<(String, BTreeSet<String>)> = None;
    let mut depth = 0i32;
    for line in text.lines() {
        let t = line.trim();
        if current.is_none() {
            if let Some(rest) = t.strip_prefix("export interface ") {
                let name: String = rest
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                current = Some((name, BTreeSet::new()));
                depth = 1;
                assert!(t.ends_with('{'), "{rel}: write `{t}` over several lines");
            }
            continue;
        }
        if depth == 1 && !t.starts_with("/*") && !t.starts_with('*') && !t.starts_with("//") {
            let key: String = t
                .trim_start_matches("readonly ")
                .split(['?', ':'])
                .next()
                .unwrap_or("")
                .trim_matches('"')
                .to_string();
            if !key.is_empty() && !key.starts_with('[') && !key.starts_with('}') {
                if let Some((_, keys)) = current.as_mut() {
                    keys.insert(key);
                }
            }
        }
        depth += t.matches('{').count() as i32 - t.matches('}').count() as i32;
        if depth == 0 {
            if let Some((name, keys)) = current.take() {
                out.insert(name, keys);
            }
        }
    }
    out
}

fn set(keys: &[&str]) -> BTreeSet<String> {
    keys.iter().map(|s| s.to_string()).collect()
}

/// The allowed keys a reader lists in its unknown-key error (`(allowed: a, b)` or `; expected
/// one of a, b`), given an object with one key it cannot know.
fn allowed_keys(err: &intake_rules::api::Error) -> BTreeSet<String> {
    let issue = err
        .issues()
        .into_iter()
        .find(|d| d.code == intake_rules::Code::UnknownField)
        .unwrap_or_else(|| panic!("no unknown_field in {err:?}"));
    let en = &issue.message.en;
    let list = if let Some((_, rest)) = en.split_once("(allowed: ") {
        rest.trim_end_matches(')').to_string()
    } else if let Some((_, rest)) = en.split_once("expected one of ") {
        rest.to_string()
    } else {
        panic!("no list of allowed keys in `{en}`")
    };
    list.split(", ").map(|s| s.trim().to_string()).collect()
}

fn without_comment(mut keys: BTreeSet<String>) -> BTreeSet<String> {
    keys.remove("$comment");
    keys
}

#[test]
fn request_type_has_the_request_keys() {
    let ifs = interfaces("js/inputs.d.ts");
    assert_eq!(
        ifs["Request"],
        set(intake_rules::engine::request::REQUEST_KEYS)
    );
}

#[test]
fn calendar_input_types_have_the_keys_the_calendar_reads() {
    use intake_rules::api;
    let ifs = interfaces("js/inputs.d.ts");
    let unknown = r#"{"qqqqqqqqqq": 1}"#;
    let e = api::calendar_builtin("cn-mainland", unknown).unwrap_err();
    assert_eq!(ifs["CalendarOptions"], allowed_keys(&e));
    let cal = api::calendar_builtin("cn-mainland", "null").unwrap();
    let e = api::calendar_with_overrides(&cal, unknown).unwrap_err();
    assert_eq!(ifs["CalendarOverrides"], allowed_keys(&e));
    let e = api::calendar_with_year(&cal, 2030.0, unknown).unwrap_err();
    assert_eq!(ifs["YearArrangement"], allowed_keys(&e));
    let e = api::calendar_due(
        &cal,
        "2026-01-05",
        r#"{"working_days": 1}"#,
        r#"[{"qqqqqqqqqq": 1}]"#,
    )
    .unwrap_err();
    assert_eq!(ifs["Pause"], allowed_keys(&e));
}

#[test]
fn case_file_types_have_the_keys_the_case_reader_reads() {
    use intake_rules::authoring::cases::CaseFile;
    let ifs = interfaces("js/tools-inputs.d.ts");
    let read = |text: &str| -> BTreeSet<String> {
        let e = CaseFile::from_json(text).unwrap_err();
        without_comment(allowed_keys(&intake_rules::api::Error::Request(e)))
    };
    let top = read(r#"{"cases": [], "qqqqqqqqqq": 1}"#);
    assert_eq!(without_comment(ifs["CaseFile"].clone()), top);
    let case = read(r#"{"cases": [{"name": "a", "request": {}, "qqqqqqqqqq": 1}]}"#);
    assert_eq!(without_comment(ifs["Case"].clone()), case);
    let expect = read(r#"{"cases": [{"name": "a", "request": {}, "expect": {"qqqqqqqqqq": 1}}]}"#);
    assert_eq!(without_comment(ifs["CaseExpect"].clone()), expect);
}

#[test]
fn policy_document_types_have_the_loader_keys() {
    let ifs = interfaces("js/generated/policy-document.d.ts");
    for (def, keys) in intake_rules::policy::keys::ALL {
        let name = ts_name(def);
        let got = ifs
            .get(&name)
            .unwrap_or_else(|| panic!("no interface {name} for `{def}`"));
        assert_eq!(got, &set(keys), "{name}");
    }
}

// ---- the policy document, from the JSON Schema -------------------------------------------------

/// The TypeScript name of a `$defs` entry (`material_entry` → `PolicyMaterialEntry`).
fn ts_name(def: &str) -> String {
    if def == "policy" {
        return "PolicyDocument".into();
    }
    let mut s = String::from("Policy");
    for part in def.split('_') {
        let mut cs = part.chars();
        if let Some(c) = cs.next() {
            s.extend(c.to_uppercase());
            s.push_str(cs.as_str());
        }
    }
    s
}

fn doc_comment(v: &Value, indent: &str) -> String {
    match v.get("description").and_then(Value::as_str) {
        Some(d) => format!("{indent}/** {} */\n", d.replace("*/", "* /")),
        None => String::new(),
    }
}

fn key(k: &str) -> String {
    if k.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        && !k.starts_with(|c: char| c.is_ascii_digit())
    {
        k.to_string()
    } else {
        format!("{k:?}")
    }
}

/// The TypeScript type of a schema. Enumerated strings keep their values for completion but
/// accept any string (`"a" | "b" | (string & {})`) and numbers are `number`, so the type of an
/// imported JSON file (which TypeScript widens to `string` and `number`) is assignable; the
/// loader still rejects a wrong value with its did-you-mean.
fn ts_type(v: &Value, indent: &str) -> String {
    let any_string = "(string & {})";
    if let Some(r) = v.get("$ref").and_then(Value::as_str) {
        return ts_name(r.trim_start_matches("#/$defs/"));
    }
    if let Some(c) = v.get("const") {
        return match c {
            Value::String(s) => format!("{s:?} | {any_string}"),
            Value::Number(_) => "number".into(),
            Value::Bool(_) => "boolean".into(),
            other => panic!("const {other}"),
        };
    }
    if let Some(e) = v.get("enum").and_then(Value::as_array) {
        let mut parts: Vec<String> = e
            .iter()
            .map(|x| match x {
                Value::String(s) => format!("{s:?}"),
                other => panic!("enum value {other}"),
            })
            .collect();
        parts.push(any_string.into());
        return parts.join(" | ");
    }
    if let Some(alts) = v
        .get("oneOf")
        .or_else(|| v.get("anyOf"))
        .and_then(Value::as_array)
    {
        let parts: Vec<String> = alts.iter().map(|a| ts_type(a, indent)).collect();
        return parts.join(" | ");
    }
    match v.get("type").and_then(Value::as_str) {
        Some("string") => "string".into(),
        Some("number" | "integer") => "number".into(),
        Some("boolean") => "boolean".into(),
        Some("array") => {
            let item = ts_type(v.get("items").expect("array items"), indent);
            if item.contains(' ') {
                format!("({item})[]")
            } else {
                format!("{item}[]")
            }
        }
        Some("object") => object_type(v, indent),
        other => panic!("schema construct not handled: type {other:?} in {v}"),
    }
}

/// An object schema as an inline type literal (or an interface body).
fn object_type(v: &Value, indent: &str) -> String {
    let inner = format!("{indent}  ");
    let mut s = String::from("{\n");
    let required: BTreeSet<&str> = v
        .get("required")
        .and_then(Value::as_array)
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let mut index_types: Vec<String> = Vec::new();
    if let Some(props) = v.get("properties").and_then(Value::as_object) {
        for (k, p) in props {
            s.push_str(&doc_comment(p, &inner));
            let opt = if required.contains(k.as_str()) {
                ""
            } else {
                "?"
            };
            s.push_str(&format!(
                "{inner}{}{opt}: {};\n",
                key(k),
                ts_type(p, &inner)
            ));
            index_types.push(ts_type(p, &inner));
        }
    }
    let mut extra: Option<String> = None;
    if let Some(pp) = v.get("patternProperties").and_then(Value::as_object) {
        let parts: Vec<String> = pp.values().map(|p| ts_type(p, &inner)).collect();
        extra = Some(parts.join(" | "));
    }
    match v.get("additionalProperties") {
        Some(Value::Bool(false)) | None => {}
        Some(a) => {
            // A map (id → thing); `$comment` may sit among the ids.
            let comment_ok = v
                .pointer("/propertyNames/pattern")
                .and_then(Value::as_str)
                .is_some_and(|p| p.contains("$comment"));
            if comment_ok {
                let c = "string | string[]".to_string();
                s.push_str(&format!(
                    "{inner}/** A note for people; ignored by the rules. */\n{inner}\"$comment\"?: {c};\n"
                ));
                index_types.push(c);
            }
            extra = Some(ts_type(a, &inner));
        }
    }
    if let Some(t) = extra {
        // An index signature must admit every declared property's type too.
        let mut all: Vec<String> = Vec::new();
        for x in std::iter::once(t).chain(index_types) {
            for part in x.split(" | ") {
                if !all.iter().any(|p| p == part) {
                    all.push(part.to_string());
                }
            }
        }
        let mut t = all.join(" | ");
        if v.get("properties").is_some() || t.contains("$comment") {
            t.push_str(" | undefined");
        }
        s.push_str(&format!("{inner}[key: string]: {t};\n"));
    }
    s.push_str(indent);
    s.push('}');
    s
}

fn policy_document_ts() -> String {
    let text = std::fs::read_to_string(root().join("schema/policy.schema.json")).unwrap();
    let schema: Value = serde_json::from_str(&text).unwrap();
    let mut out = String::from(HEADER);
    out.push_str(
        "// The policy document (docs/policy-format.md), from schema/policy.schema.json. Values the\n\
         // format enumerates are offered for completion but typed as any string, and numbers as\n\
         // `number`, so an imported JSON file type-checks; the loader judges the values.\n",
    );
    let mut defs: Vec<(String, &Value)> = vec![("policy".into(), &schema)];
    if let Some(d) = schema.get("$defs").and_then(Value::as_object) {
        for (k, v) in d {
            defs.push((k.clone(), v));
        }
    }
    for (name, v) in defs {
        out.push('\n');
        out.push_str(&doc_comment(v, ""));
        let is_plain_object = v.get("type").and_then(Value::as_str) == Some("object")
            && v.get("oneOf").is_none()
            && v.get("anyOf").is_none();
        if is_plain_object {
            out.push_str(&format!(
                "export interface {} {}\n",
                ts_name(&name),
                object_type(v, "")
            ));
        } else {
            out.push_str(&format!(
                "export type {} = {};\n",
                ts_name(&name),
                ts_type(v, "")
            ));
        }
    }
    out
}
