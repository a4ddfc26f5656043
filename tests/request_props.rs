#![cfg(not(target_arch = "wasm32"))]
//! Properties of the two request readers and of form validation, on generated input.
//!
//! `Request::from_json` reads text with its own serde visitor (no top-level map); it must judge
//! every text exactly as parsing it into a `serde_json::Value` and calling `Request::from_value`
//! does — including repeated keys (the last one wins), unknown keys, wrong types and non-objects.
//! `form::validate` pairs sorted fields with the form's keys in one walk and falls back to a
//! lookup per field for unsorted fields: both must give the same result.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use intake_rules::expr::FieldType;
use intake_rules::form::validate;
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
        value_labels: Default::default(),
        required: Requirement::Never,
        min: Some(0.0),
        max: None,
        integer: false,
        format: None,
        max_length: Some(8),
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
