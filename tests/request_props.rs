//! Properties of the two request readers and of form validation, on generated input.
//!
//! `Request::from_json` reads text with its own serde visitor (no top-level map); it must judge
//! every text exactly as parsing it into a `serde_json::Value` and calling `Request::from_value`
//! does — including repeated keys (the last one wins), unknown keys, wrong types and non-objects.
//! `form::validate` pairs sorted fields with the form's keys in one walk and falls back to a
//! lookup per field for unsorted fields: both must give the same result.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use intake_rules::engine::form::validate;
use intake_rules::expr::FieldType;
use intake_rules::policy::{Field, Requirement};
use intake_rules::Request;
use proptest::prelude::*;
use serde_json::{Map, Value};

const KEYS: [&str; 9] = [
    "target",
    "form",
    "materials",
    "submitted_at",
    "locale",
    "beyond_coverage",
    "x",
    "zz",
    "t\\u0061rget",
];

const VALUES: [&str; 14] = [
    "null",
    "true",
    "0",
    "-1.5e3",
    "\"\"",
    "\"joint\"",
    "\"2026-01-05T09:00:00+08:00\"",
    "\"en\"",
    "\"weekends_only\"",
    "[]",
    "[1,{\"a\":[null]}]",
    "{}",
    "{\"a\":1,\"b\":\"x\",\"a\":2}",
    "{\"m1\":\"provided\",\"m2\":null,\"m3\":7}",
];

fn object_text(pairs: &[(usize, usize)]) -> String {
    let body: Vec<String> = pairs
        .iter()
        .map(|&(k, v)| format!("\"{}\":{}", KEYS[k % KEYS.len()], VALUES[v % VALUES.len()]))
        .collect();
    format!("{{{}}}", body.join(","))
}

fn field(id: &str, ty: FieldType) -> Field {
    Field {
        id: id.into(),
        ty,
        label: None,
        description: None,
        value_labels: Default::default(),
        required: Requirement::Never,
        min: Some(0.0),
        max: None,
        integer: false,
        format: None,
        max_length: Some(8),
        source: Default::default(),
    }
}

/// Fields sorted by id, of every type.
fn fields() -> Vec<Field> {
    vec![
        field("b_flag", FieldType::Bool),
        field("d_day", FieldType::Date),
        field("k_kind", FieldType::Enum(vec!["a".into(), "b".into()])),
        field("n_num", FieldType::Number),
        field("s_text", FieldType::String),
    ]
}

const FORM_KEYS: [&str; 9] = [
    "a", "b_flag", "c", "d_day", "k_kind", "m", "n_num", "s_text", "zz",
];

fn form_value(i: usize) -> Value {
    match i % 9 {
        0 => Value::Null,
        1 => Value::Bool(true),
        2 => Value::from(12),
        3 => Value::from(-3.5),
        4 => Value::from(""),
        5 => Value::from("a"),
        6 => Value::from("2026-02-30"),
        7 => Value::from("2026-02-03"),
        _ => Value::from("far too long a text"),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn from_json_agrees_with_from_value(pairs in proptest::collection::vec((0usize..9, 0usize..14), 0..10)) {
        let text = object_text(&pairs);
        let value: Value = serde_json::from_str(&text).unwrap();
        prop_assert_eq!(Request::from_json(&text), Request::from_value(value), "{}", text);
    }

    #[test]
    fn non_objects_agree_too(v in 0usize..14) {
        let text = VALUES[v];
        let value: Value = serde_json::from_str(text).unwrap();
        prop_assert_eq!(Request::from_json(text), Request::from_value(value), "{}", text);
    }

    #[test]
    fn validate_walk_equals_lookup(entries in proptest::collection::vec((0usize..9, 0usize..9), 0..9)) {
        let mut form = Map::new();
        for (k, v) in entries {
            form.insert(FORM_KEYS[k].to_string(), form_value(v));
        }
        let sorted = fields();
        let mut reversed = fields();
        reversed.reverse();
        let (typed, errors, warnings) = validate(&sorted, &form);
        let (typed_r, errors_r, warnings_r) = validate(&reversed, &form);
        prop_assert_eq!(errors, errors_r);
        prop_assert_eq!(warnings, warnings_r);
        for (i, f) in sorted.iter().enumerate() {
            let j = reversed.iter().position(|g| g.id == f.id).unwrap();
            prop_assert_eq!(typed.value(i), typed_r.value(j));
            prop_assert_eq!(typed.raw(i), typed_r.raw(j));
        }
    }
}

// ---- the compact path reads requests straight into the policy's slots ----------------------

const JOINT_FIELDS: [&str; 10] = [
    "uscc",
    "project_kind",
    "voltage_level",
    "power_capacity_kva",
    "needs_water",
    "needs_gas",
    "needs_external_works",
    "occupies_roadway",
    "bad_credit",
    "applicant_is_agent",
];
const JOINT_MATERIALS: [&str; 8] = [
    "business_license",
    "legal_rep_id_card",
    "authorization",
    "property_proof",
    "power_load_list",
    "water_usage_list",
    "external_works_plan",
    "traffic_plan",
];
const FORM_VALUES: [&str; 14] = [
    "null",
    "true",
    "false",
    "400",
    "160",
    "-1",
    "\"\"",
    "\"industrial\"",
    "\"low\"",
    "\"high\"",
    "\"91350100M000100Y43\"",
    "\"2026-02-30\"",
    "[1]",
    "{\"a\":1}",
];
const STATUSES: [&str; 9] = [
    "\"provided\"",
    "\"electronic\"",
    "\"committed\"",
    "\"missing\"",
    "null",
    "\"lost\"",
    "3",
    "[\"provided\"]",
    "{\"s\":1}",
];

fn joint() -> &'static intake_rules::Policy {
    static P: std::sync::OnceLock<intake_rules::Policy> = std::sync::OnceLock::new();
    P.get_or_init(|| intake_rules::api::builtin_policy("joint-utility-connection").unwrap())
}

/// The compact decision (or error) as JSON, from a request read into maps.
fn compact_by_maps(policy: &intake_rules::Policy, text: &str) -> Result<String, String> {
    let issues = |e: intake_rules::RequestError| intake_rules::api::Error::from(e).issues_json();
    let req = Request::from_json(text).map_err(issues)?;
    policy
        .evaluate_compact(&req)
        .map(|c| intake_rules::api::to_json(&c))
        .map_err(issues)
}

fn compact_by_slots(policy: &intake_rules::Policy, text: &str) -> Result<String, String> {
    intake_rules::api::evaluate_compact_json(policy, text).map_err(|e| e.issues_json())
}

fn entries(pairs: &[(usize, usize)], keys: &[&str], values: &[&str], extra: &str) -> String {
    let mut body: Vec<String> = pairs
        .iter()
        .map(|&(k, v)| {
            // Every eleventh key is one the policy does not know, some escaped.
            let key = if k % 11 == 10 {
                if v % 2 == 0 {
                    "zz_unknown".to_string()
                } else {
                    "\\u0061a".to_string()
                }
            } else {
                keys[k % keys.len()].to_string()
            };
            format!("\"{key}\":{}", values[v % values.len()])
        })
        .collect();
    if !extra.is_empty() {
        body.push(extra.to_string());
    }
    format!("{{{}}}", body.join(","))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1500))]

    #[test]
    fn the_slot_reader_decides_as_the_map_reader(
        form in proptest::collection::vec((0usize..11, 0usize..14), 0..14),
        materials in proptest::collection::vec((0usize..11, 0usize..9), 0..10),
        shape in 0usize..12,
        day in 1u32..28,
    ) {
        let form_text = entries(&form, &JOINT_FIELDS, &FORM_VALUES, "");
        let materials_text = entries(&materials, &JOINT_MATERIALS, &STATUSES, "");
        let at = format!("\"2026-03-{day:02}T16:59:00+08:00\"");
        // Mostly well-formed requests; some with repeated, missing or mistyped parts.
        let text = match shape {
            0 => format!("{{\"target\":\"joint\",\"form\":{form_text},\"form\":{{\"uscc\":1}},\"materials\":{materials_text},\"submitted_at\":{at}}}"),
            1 => format!("{{\"target\":\"joint\",\"form\":[1],\"materials\":{materials_text},\"submitted_at\":{at}}}"),
            2 => format!("{{\"target\":\"joint\",\"form\":null,\"materials\":\"x\",\"submitted_at\":{at}}}"),
            3 => format!("{{\"target\":\"joint\",\"form\":{form_text},\"submitted_at\":{at},\"locale\":\"en\",\"q\":1}}"),
            4 => format!("{{\"target\":\"power\",\"form\":{form_text},\"materials\":{materials_text},\"submitted_at\":{at}}}"),
            5 => format!("{{\"target\":\"joint\",\"form\":{form_text},\"materials\":{materials_text}}}"),
            6 => format!("{{\"target\":\"joint\",\"form\":{form_text},\"materials\":{materials_text},\"submitted_at\":\"2030-01-01T09:00:00+08:00\"}}"),
            7 => format!("{{\"target\":\"joint\",\"form\":{form_text},\"materials\":{materials_text},\"materials\":{{}},\"submitted_at\":{at}}}"),
            8 => format!("{{\"target\":\"joint\",\"form\":{form_text},\"materials\":{materials_text},\"submitted_at\":{at},}}"),
            _ => format!("{{\"target\":\"joint\",\"form\":{form_text},\"materials\":{materials_text},\"submitted_at\":{at}}}"),
        };
        let by_slots = compact_by_slots(joint(), &text);
        prop_assert_eq!(&by_slots, &compact_by_maps(joint(), &text), "{}", text);
    }
}

/// Every case request of both packs, in both locales: the slot reader's compact decision equals
/// the map reader's.
#[test]
fn the_slot_reader_agrees_on_every_case() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("packs");
    let mut checked = 0;
    for id in [
        "joint-utility-connection",
        "industrial-drawing-review",
        "food-business-licence",
    ] {
        let policy = intake_rules::api::builtin_policy(id).unwrap();
        let cases = std::fs::read_to_string(dir.join(format!("{id}.cases.json"))).unwrap();
        let cases: Value = serde_json::from_str(&cases).unwrap();
        for case in cases["cases"].as_array().unwrap() {
            for locale in ["zh-CN", "en"] {
                let mut request = case["request"].clone();
                request["locale"] = Value::from(locale);
                let text = request.to_string();
                let by_slots = compact_by_slots(&policy, &text);
                assert_eq!(by_slots, compact_by_maps(&policy, &text), "{text}");
                checked += 1;
            }
        }
    }
    assert!(checked > 100, "{checked}");
}

/// A request with very many unknown keys, repeated ones among them, at the top level, in `form`
/// and in `materials`: unknown top-level keys are an error listing each key once (up to the
/// issue cap), and both readers agree. (Hostile input: the readers sort and deduplicate these
/// keys once rather than searching per key.)
#[test]
fn many_unknown_keys_are_each_reported_once() {
    let keys: Vec<String> = (0..20_000)
        .map(|i| format!("\"k{}\":0", i % 15_000))
        .collect();
    let keys = keys.join(",");
    let top = format!("{{\"target\":\"joint\",\"submitted_at\":\"2026-03-02T09:00\",{keys}}}");
    let err = Request::from_json(&top).unwrap_err();
    assert_eq!(err.issues.len(), intake_rules::limits::MAX_ISSUES);
    assert!(err
        .issues
        .iter()
        .all(|d| d.code == intake_rules::Code::UnknownField));
    let mut paths: Vec<&str> = err.issues.iter().map(|d| d.path.as_str()).collect();
    paths.dedup();
    assert_eq!(
        paths.len(),
        intake_rules::limits::MAX_ISSUES,
        "each key once"
    );
    let value: Value = serde_json::from_str(&top).unwrap();
    assert_eq!(Request::from_value(value).unwrap_err(), err);

    for part in ["form", "materials"] {
        let text = format!(
            "{{\"target\":\"joint\",\"submitted_at\":\"2026-03-02T09:00\",\"{part}\":{{{keys}}}}}"
        );
        // 15,000 distinct keys: over the limit of 1,000, by either reader.
        let by_slots = compact_by_slots(joint(), &text);
        assert!(
            by_slots.as_ref().is_err_and(|e| e.contains("too_large")),
            "{part}"
        );
        assert_eq!(by_slots, compact_by_maps(joint(), &text), "{part}");
        let few: Vec<String> = (0..1_500).map(|i| format!("\"k{}\":0", i % 900)).collect();
        let text = format!(
            "{{\"target\":\"joint\",\"submitted_at\":\"2026-03-02T09:00\",\"{part}\":{{{}}}}}",
            few.join(",")
        );
        assert_eq!(
            compact_by_slots(joint(), &text),
            compact_by_maps(joint(), &text),
            "{part}"
        );
    }
}
