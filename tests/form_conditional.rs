//! Conditional requirements (`required: "<condition>"`) in form validation.
//!
//! These need a compiled condition, so they exercise `expr::compile` and `Expr::eval` as well:
//! they fail while the `expr` module is a stub and pass once it lands. Nothing here is
//! `#[ignore]`d on purpose, so that the gap stays visible.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::collections::BTreeMap;

use intake_rules::engine::form::validate;
use intake_rules::expr::{compile, FieldType, Schema};
use intake_rules::policy::{Cond, Field, Requirement};
use intake_rules::Diagnostic;
use serde_json::{json, Map, Value as Json};

fn field(id: &str, ty: FieldType) -> Field {
    Field {
        id: id.to_string(),
        ty,
        label: None,
        description: None,
        value_labels: BTreeMap::new(),
        required: Requirement::Never,
        min: None,
        max: None,
        integer: false,
        format: None,
        max_length: None,
    }
}

struct Fields<'a>(&'a [Field]);

impl Schema for Fields<'_> {
    fn lookup(&self, name: &str) -> Option<(usize, &FieldType)> {
        self.0
            .iter()
            .enumerate()
            .find(|(_, f)| f.id == name)
            .map(|(i, f)| (i, &f.ty))
    }
    fn names(&self) -> Vec<&str> {
        self.0.iter().map(|f| f.id.as_str()).collect()
    }
}

/// Fields sorted by id: 0 `capacity_kva` (number, min 0), 1 `load_list_ref` (string, required
/// when `capacity_kva > 160`), 2 `needs_external_works` (bool), 3 `permit_no` (string,
/// required when `needs_external_works`), 4 `project_kind` (enum), 5 `site_area` (number,
/// required when `project_kind == 'industrial' || !has(capacity_kva)`).
fn fields() -> Vec<Field> {
    let mut capacity = field("capacity_kva", FieldType::Number);
    capacity.min = Some(0.0);
    let mut fs = vec![
        capacity,
        field("load_list_ref", FieldType::String),
        field("needs_external_works", FieldType::Bool),
        field("permit_no", FieldType::String),
        field(
            "project_kind",
            FieldType::Enum(vec!["industrial".into(), "residential".into()]),
        ),
        field("site_area", FieldType::Number),
    ];
    let conds = [
        (1, "capacity_kva > 160"),
        (3, "needs_external_works"),
        (5, "project_kind == 'industrial' || !has(capacity_kva)"),
    ];
    for (i, src) in conds {
        let expr = compile(src, &Fields(&fs)).unwrap();
        fs[i].required = Requirement::If(Cond {
            src: src.to_string(),
            expr,
        });
    }
    fs
}

fn required_paths(form: Json) -> Vec<String> {
    let map: Map<String, Json> = form.as_object().cloned().unwrap();
    let (_, errors, _) = validate(&fields(), &map);
    errors
        .iter()
        .filter(|d| d.code.as_str() == "required")
        .map(|d: &Diagnostic| d.path.clone())
        .collect()
}

#[test]
fn a_condition_that_holds_makes_an_absent_field_required() {
    assert_eq!(
        required_paths(json!({"capacity_kva": 400, "project_kind": "residential"})),
        vec!["form.load_list_ref"]
    );
    assert_eq!(
        required_paths(
            json!({"capacity_kva": 100, "needs_external_works": true, "project_kind": "residential"})
        ),
        vec!["form.permit_no"]
    );
}

#[test]
fn a_condition_that_does_not_hold_leaves_the_field_optional() {
    assert!(required_paths(json!({"capacity_kva": 160, "project_kind": "residential"})).is_empty());
    assert!(required_paths(
        json!({"capacity_kva": 0, "needs_external_works": false, "project_kind": "residential"})
    )
    .is_empty());
}

#[test]
fn a_present_field_is_not_required_again() {
    assert!(required_paths(json!({
        "capacity_kva": 400, "load_list_ref": "LL-1", "project_kind": "industrial", "site_area": 12
    }))
    .is_empty());
    // Present but invalid: only its own error.
    let map = json!({"capacity_kva": 400, "load_list_ref": 5, "project_kind": "residential"});
    let (_, errors, _) = validate(&fields(), map.as_object().unwrap());
    let got: Vec<(&str, &str)> = errors
        .iter()
        .map(|d| (d.path.as_str(), d.code.as_str()))
        .collect();
    assert_eq!(got, vec![("form.load_list_ref", "type_mismatch")]);
}

#[test]
fn conditions_see_valid_values_only() {
    // An invalid capacity (a string, or below min) is not given to the condition: the
    // comparison with an absent value is false, so load_list_ref is not required, and
    // `!has(capacity_kva)` holds, so site_area is.
    for bad in [json!("400"), json!(-5)] {
        assert_eq!(
            required_paths(json!({"capacity_kva": bad, "project_kind": "residential"})),
            vec!["form.site_area"],
            "{bad}"
        );
    }
    // An enum value outside `values` does not satisfy `project_kind == 'industrial'`.
    assert!(required_paths(json!({"capacity_kva": 1, "project_kind": "farm"})).is_empty());
    assert_eq!(
        required_paths(json!({"capacity_kva": 1, "project_kind": "industrial"})),
        vec!["form.site_area"]
    );
}

#[test]
fn null_and_empty_count_as_absent_in_conditions() {
    assert_eq!(
        required_paths(json!({"capacity_kva": null, "project_kind": "residential"})),
        vec!["form.site_area"]
    );
    assert_eq!(
        required_paths(
            json!({"capacity_kva": 500, "load_list_ref": "", "project_kind": "residential"})
        ),
        vec!["form.load_list_ref"]
    );
}
