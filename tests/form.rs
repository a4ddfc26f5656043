//! Form validation: every rule of `form::validate` with a small hand-built field list.
//! Conditional requirements (`required: "<condition>"`) are in `tests/form_conditional.rs`,
//! which needs a compiled condition.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::collections::BTreeMap;

use intake_rules::engine::form::{validate, FormValue, TypedForm};
use intake_rules::expr::{FieldType, Form, Value};
use intake_rules::policy::{Field, Label, Requirement, StringFormat};
use intake_rules::{Code, Date, Diagnostic, Severity};
use serde_json::{json, Map, Value as Json};

fn label(zh: &str, en: Option<&str>) -> Label {
    let mut m = BTreeMap::new();
    m.insert("zh-CN".to_string(), zh.to_string());
    if let Some(en) = en {
        m.insert("en".to_string(), en.to_string());
    }
    Label::from(m)
}

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
        source: Default::default(),
    }
}

/// The policy's fields, sorted by id: index 0 `birth_date` … 8 `uscc`.
fn fields() -> Vec<Field> {
    let mut kind = field(
        "project_kind",
        FieldType::Enum(vec![
            "industrial".into(),
            "commercial".into(),
            "residential".into(),
        ]),
    );
    kind.label = Some(label("项目类型", Some("Project type")));
    kind.value_labels
        .insert("industrial".into(), label("工业", Some("Industrial")));
    kind.value_labels
        .insert("commercial".into(), label("商业", None));
    kind.required = Requirement::Always;

    let mut capacity = field("capacity_kva", FieldType::Number);
    capacity.label = Some(label("报装容量(kVA)", Some("Capacity (kVA)")));
    capacity.min = Some(0.0);
    capacity.max = Some(10_000.0);

    let mut floors = field("floors", FieldType::Number);
    floors.label = Some(label("楼层数", None));
    floors.integer = true;
    floors.min = Some(1.0);

    let mut uscc = field("uscc", FieldType::String);
    uscc.label = Some(label("统一社会信用代码", Some("USCC")));
    uscc.format = Some(StringFormat::Uscc);
    uscc.required = Requirement::Always;

    let mut name = field("contact_name", FieldType::String);
    name.label = Some(label("联系人", Some("Contact")));
    name.max_length = Some(4);

    let mut mobile = field("mobile", FieldType::String);
    mobile.format = Some(StringFormat::CnMobile);

    let mut birth = field("birth_date", FieldType::Date);
    birth.label = Some(label("出生日期", Some("Date of birth")));

    let mut external = field("needs_external_works", FieldType::Bool);
    external.label = Some(label("需要外线工程", Some("External works needed")));

    let mut id = field("id_number", FieldType::String);
    id.label = Some(label("身份证号码", Some("ID number")));
    id.format = Some(StringFormat::CnResidentId);

    let mut all = vec![
        kind, capacity, floors, uscc, name, mobile, birth, external, id,
    ];
    all.sort_by(|a, b| a.id.cmp(&b.id));
    all
}

fn index(id: &str) -> usize {
    fields().iter().position(|f| f.id == id).unwrap()
}

fn run(form: Json) -> (TypedForm, Vec<Diagnostic>, Vec<Diagnostic>) {
    let map: Map<String, Json> = form.as_object().cloned().unwrap();
    validate(&fields(), &map)
}

/// A valid form with the two required fields.
fn base() -> Map<String, Json> {
    json!({"project_kind": "industrial", "uscc": "91350100M000100Y43"})
        .as_object()
        .cloned()
        .unwrap()
}

fn with(extra: Json) -> Json {
    let mut m = base();
    for (k, v) in extra.as_object().unwrap() {
        m.insert(k.clone(), v.clone());
    }
    Json::Object(m)
}

/// `(path, code)` of each diagnostic, in order.
fn codes(ds: &[Diagnostic]) -> Vec<(String, &'static str)> {
    ds.iter()
        .map(|d| (d.path.clone(), d.code.as_str()))
        .collect()
}

/// The only error of a form made of the base plus `extra`.
fn only_error(extra: Json) -> Diagnostic {
    let (_, errors, warnings) = run(with(extra));
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(errors.len(), 1, "{errors:?}");
    errors.into_iter().next().unwrap()
}

fn assert_error(extra: Json, path: &str, code: Code) -> Diagnostic {
    let d = only_error(extra);
    assert_eq!((d.path.as_str(), d.code), (path, code), "{d:?}");
    assert_eq!(d.severity, Severity::Error);
    d
}

#[test]
fn a_valid_form_is_typed() {
    let (typed, errors, warnings) = run(with(json!({
        "capacity_kva": 400,
        "floors": 3,
        "contact_name": "张三",
        "mobile": "+86 13800138000",
        "birth_date": "2000-02-29",
        "needs_external_works": true,
        "id_number": "11010519491231002X",
    })));
    assert!(errors.is_empty(), "{errors:?}");
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(typed.len(), 9);
    assert_eq!(
        typed.value(index("capacity_kva")),
        Some(&FormValue::Number(400.0))
    );
    assert_eq!(typed.get(index("capacity_kva")), Some(Value::Number(400.0)));
    assert_eq!(
        typed.get(index("project_kind")),
        Some(Value::Str("industrial"))
    );
    assert_eq!(
        typed.get(index("needs_external_works")),
        Some(Value::Bool(true))
    );
    assert_eq!(
        typed.get(index("birth_date")),
        Some(Value::Date(Date::parse("2000-02-29").unwrap()))
    );
    assert_eq!(
        typed.get(index("uscc")),
        Some(Value::Str("91350100M000100Y43"))
    );
    // The raw value keeps the number as sent, for display.
    assert_eq!(
        typed.raw(index("capacity_kva")).map(|v| v.to_string()),
        Some("400".to_string())
    );
    assert!(typed.has(index("floors")));
    assert_eq!(typed.get(99), None);
    assert_eq!(typed.raw(99), None);
}

#[test]
fn null_and_empty_string_are_absent() {
    for absent in [json!(null), json!("")] {
        let (typed, errors, _) = run(json!({
            "project_kind": absent, "uscc": absent, "capacity_kva": absent, "floors": absent,
        }));
        assert_eq!(
            codes(&errors),
            vec![
                ("form.project_kind".to_string(), "required"),
                ("form.uscc".to_string(), "required"),
            ]
        );
        for i in 0..typed.len() {
            assert_eq!(typed.get(i), None);
            assert_eq!(typed.raw(i), None);
        }
    }
}

#[test]
fn required_always() {
    let (_, errors, warnings) = run(json!({}));
    assert!(warnings.is_empty());
    assert_eq!(
        codes(&errors),
        vec![
            ("form.project_kind".to_string(), "required"),
            ("form.uscc".to_string(), "required"),
        ]
    );
    assert_eq!(errors[0].message.zh, "项目类型为必填项");
    assert_eq!(errors[0].message.en, "Project type is required");
}

#[test]
fn a_present_invalid_required_value_reports_only_its_own_error() {
    let (typed, errors, _) = run(json!({"project_kind": "farm", "uscc": "91350100M000100Y44"}));
    assert_eq!(
        codes(&errors),
        vec![
            ("form.project_kind".to_string(), "not_in_enum"),
            ("form.uscc".to_string(), "format"),
        ]
    );
    // Invalid values are not given to conditions, but are kept for display.
    assert_eq!(typed.get(index("uscc")), None);
    assert_eq!(typed.raw(index("uscc")), Some(&json!("91350100M000100Y44")));
}

#[test]
fn numbers() {
    let i = index("capacity_kva");
    for ok in [
        json!(0),
        json!(10_000),
        json!(0.5),
        json!(1e3),
        json!(9999.99),
    ] {
        let (typed, errors, _) = run(with(json!({ "capacity_kva": ok })));
        assert!(errors.is_empty(), "{ok}: {errors:?}");
        assert_eq!(typed.get(i), Some(Value::Number(ok.as_f64().unwrap())));
    }
    // A string is not a number, even when it reads as one.
    for bad in [json!("400"), json!(true), json!([400]), json!({"v": 400})] {
        assert_error(
            json!({ "capacity_kva": bad }),
            "form.capacity_kva",
            Code::TypeMismatch,
        );
    }
    let d = assert_error(
        json!({"capacity_kva": "400"}),
        "form.capacity_kva",
        Code::TypeMismatch,
    );
    assert_eq!(d.message.zh, "报装容量(kVA)应为数字，而不是文本");
    assert_eq!(d.message.en, "Capacity (kVA) must be a number, not text");

    // Bounds are inclusive; outside them is `range`.
    for bad in [json!(-1), json!(-0.001), json!(10_000.5), json!(1e300)] {
        assert_error(
            json!({ "capacity_kva": bad }),
            "form.capacity_kva",
            Code::Range,
        );
    }
    let d = assert_error(
        json!({"capacity_kva": 12000}),
        "form.capacity_kva",
        Code::Range,
    );
    assert_eq!(
        d.message.en,
        "Capacity (kVA) must be a number from 0 to 10000, not `12000`"
    );
    assert_eq!(
        d.message.zh,
        "报装容量(kVA)应为介于 0 和 10000 之间（含两端）的数，而不是 `12000`"
    );
}

#[test]
fn integers() {
    assert!(run(with(json!({"floors": 1}))).1.is_empty());
    assert!(run(with(json!({"floors": 2.0}))).1.is_empty());
    let d = assert_error(json!({"floors": 2.5}), "form.floors", Code::Range);
    // No en label: the zh-CN label is used in both languages.
    assert_eq!(
        d.message.en,
        "楼层数 must be a whole number of at least 1, not `2.5`"
    );
    assert_eq!(d.message.zh, "楼层数应为不小于 1 的整数，而不是 `2.5`");
    assert_error(json!({"floors": 0}), "form.floors", Code::Range);
}

#[test]
fn bools() {
    let i = index("needs_external_works");
    let (typed, errors, _) = run(with(json!({"needs_external_works": false})));
    assert!(errors.is_empty());
    assert_eq!(typed.get(i), Some(Value::Bool(false)));
    for bad in [json!("true"), json!(1), json!(0), json!("yes")] {
        let d = assert_error(
            json!({ "needs_external_works": bad }),
            "form.needs_external_works",
            Code::TypeMismatch,
        );
        assert!(d
            .message
            .en
            .starts_with("External works needed must be true or false"));
    }
}

#[test]
fn enums() {
    let d = assert_error(
        json!({"project_kind": "farm"}),
        "form.project_kind",
        Code::NotInEnum,
    );
    // Allowed values with their labels where they have one, in the policy's order.
    assert_eq!(
        d.message.zh,
        "项目类型的值 `farm` 不是可选值，可选：`industrial`（工业）、`commercial`（商业）、`residential`"
    );
    assert_eq!(
        d.message.en,
        "Project type must be one of `industrial` (Industrial), `commercial` (商业), `residential`, not `farm`"
    );
    // Case matters.
    assert_error(
        json!({"project_kind": "Industrial"}),
        "form.project_kind",
        Code::NotInEnum,
    );
    assert_error(
        json!({"project_kind": 1}),
        "form.project_kind",
        Code::TypeMismatch,
    );
    // A long value is shortened in the message.
    let long = "x".repeat(500);
    let d = assert_error(
        json!({ "project_kind": long }),
        "form.project_kind",
        Code::NotInEnum,
    );
    assert!(d.message.en.contains(&format!("`{}…`", "x".repeat(50))));
    assert!(d.message.en.len() < 300);
}

#[test]
fn dates() {
    for bad in [
        "2026-02-30",
        "2026-2-01",
        "2026/01/01",
        "20260101",
        "2026-01-01T00:00:00",
        "２０２６-01-01",
    ] {
        let d = assert_error(
            json!({ "birth_date": bad }),
            "form.birth_date",
            Code::BadDate,
        );
        assert!(d
            .message
            .en
            .starts_with("Date of birth must be a real date written YYYY-MM-DD"));
    }
    assert_error(
        json!({"birth_date": 20260101}),
        "form.birth_date",
        Code::TypeMismatch,
    );
}

#[test]
fn strings_and_max_length_in_characters() {
    // Four Chinese characters are 12 bytes but 4 characters.
    assert!(run(with(json!({"contact_name": "欧阳娜娜"}))).1.is_empty());
    let d = assert_error(
        json!({"contact_name": "欧阳娜娜娜"}),
        "form.contact_name",
        Code::Range,
    );
    assert_eq!(d.message.zh, "联系人最多 4 个字符，当前为 5 个");
    assert_eq!(
        d.message.en,
        "Contact must be at most 4 characters long, not 5"
    );
    assert_error(
        json!({"contact_name": 42}),
        "form.contact_name",
        Code::TypeMismatch,
    );
}

#[test]
fn formats_state_the_rule_and_do_not_repeat_the_value() {
    let cases = [
        (
            "uscc",
            "91350100M000100Y44",
            "18 位",
            "18 digits or capital letters",
        ),
        ("mobile", "12800138000", "11 位数字", "11 digits"),
        (
            "id_number",
            "110105199902300015",
            "前 17 位为数字",
            "17 digits",
        ),
    ];
    for (id, bad, zh, en) in cases {
        let d = assert_error(json!({ id: bad }), &format!("form.{id}"), Code::Format);
        assert!(
            d.message.zh.contains("格式不正确（应为") && d.message.zh.contains(zh),
            "{d:?}"
        );
        assert!(
            d.message.en.contains("is not in the expected format (") && d.message.en.contains(en),
            "{d:?}"
        );
        assert!(!d.message.zh.contains(bad) && !d.message.en.contains(bad));
        // Never the tautology "X不是有效的X".
        assert!(!d.message.zh.contains("不是有效的"), "{d:?}");
    }
    // A field without a label is named by its id.
    let d = only_error(json!({"mobile": "12800138000"}));
    assert_eq!(
        d.message.en,
        "mobile is not in the expected format (11 digits starting with 13 to 19)"
    );
    assert_eq!(
        d.message.zh,
        "mobile格式不正确（应为 11 位数字，以 13 至 19 开头）"
    );
    let d = only_error(json!({"uscc": "91350100m000100y43"}));
    assert_eq!(
        d.message.en,
        "USCC is not in the expected format (18 digits or capital letters other than I, O, S, V and Z, the last one a check character)"
    );
    assert_eq!(
        d.message.zh,
        "统一社会信用代码格式不正确（应为 18 位数字或大写英文字母，不含 I、O、S、V、Z，末位为校验码）"
    );
}

#[test]
fn huge_strings_are_too_large_for_every_type() {
    let huge = "9".repeat(10_001);
    let at_limit = "好".repeat(10_000);
    for id in [
        "contact_name",
        "uscc",
        "project_kind",
        "birth_date",
        "id_number",
    ] {
        let (typed, errors, _) = run(with(json!({ id: huge })));
        assert_eq!(
            codes(&errors),
            vec![(format!("form.{id}"), "too_large")],
            "{id}"
        );
        assert_eq!(typed.get(index(id)), None);
        assert_eq!(typed.raw(index(id)), None);
    }
    // 10,000 characters is not too large (a `range` error from max_length instead).
    let d = only_error(json!({ "contact_name": at_limit }));
    assert_eq!(d.code, Code::Range);
    let d = only_error(json!({ "mobile": at_limit }));
    assert_eq!(d.code, Code::Format);
}

#[test]
fn unknown_keys_are_sorted_warnings() {
    let (typed, errors, warnings) = run(with(json!({"zeta": 1, "alpha": "x", "Capacity_kva": 3})));
    assert!(errors.is_empty());
    assert_eq!(
        codes(&warnings),
        vec![
            ("form.Capacity_kva".to_string(), "unknown_form_key"),
            ("form.alpha".to_string(), "unknown_form_key"),
            ("form.zeta".to_string(), "unknown_form_key"),
        ]
    );
    assert!(warnings.iter().all(|w| w.severity == Severity::Warning));
    assert_eq!(
        warnings[1].message.en,
        "form key `alpha` is not defined by the policy and was ignored"
    );
    assert_eq!(typed.get(index("capacity_kva")), None);
}

#[test]
fn errors_are_sorted_by_path_then_code_and_deterministic() {
    let form = json!({
        "uscc": "bad", "mobile": 1, "floors": 0.5, "birth_date": "x",
        "contact_name": "长长长长长", "needs_external_works": "no",
    });
    let (_, errors, _) = run(form.clone());
    let got = codes(&errors);
    assert_eq!(
        got,
        vec![
            ("form.birth_date".to_string(), "bad_date"),
            ("form.contact_name".to_string(), "range"),
            ("form.floors".to_string(), "range"),
            ("form.mobile".to_string(), "type_mismatch"),
            ("form.needs_external_works".to_string(), "type_mismatch"),
            ("form.project_kind".to_string(), "required"),
            ("form.uscc".to_string(), "format"),
        ]
    );
    for _ in 0..3 {
        assert_eq!(run(form.clone()).1, errors);
    }
}

#[test]
fn messages_use_the_en_label_with_fallbacks() {
    let mut fs = fields();
    // en label present / only zh-CN / no label at all.
    let (_, errors, _) = validate(&fs, &Map::new());
    let uscc = errors.iter().find(|d| d.path == "form.uscc").unwrap();
    assert_eq!(uscc.message.en, "USCC is required");
    assert_eq!(uscc.message.get("en"), "USCC is required");
    assert_eq!(uscc.message.get("zh-CN"), "统一社会信用代码为必填项");
    for f in &mut fs {
        f.label = None;
    }
    let (_, errors, _) = validate(&fs, &Map::new());
    assert_eq!(errors[0].message.en, "project_kind is required");
    assert_eq!(errors[0].message.zh, "project_kind为必填项");
}

#[test]
fn an_empty_policy_accepts_only_warnings() {
    let (typed, errors, warnings) = validate(&[], &base());
    assert!(typed.is_empty());
    assert!(errors.is_empty());
    assert_eq!(warnings.len(), 2);
}

/// Keys sorting before, between and after the fields, and fields in any order, pair up the same
/// way: `validate` walks the sorted fields and the form's keys together, and falls back to a
/// lookup per field when the fields are not sorted.
#[test]
fn unknown_keys_anywhere_and_unsorted_fields_give_the_same_result() {
    let form = json!({
        "aaa": 1, "project_kind": "industrial", "capacity_kva": 12, "cz": true,
        "uscc": "91350100M000100Y43", "mobile_x": "1", "zzz": null, "floors": 0
    });
    let map: Map<String, Json> = form.as_object().cloned().unwrap();
    let sorted = fields();
    let (typed, errors, warnings) = validate(&sorted, &map);
    assert_eq!(
        codes(&warnings),
        vec![
            ("form.aaa".to_string(), "unknown_form_key"),
            ("form.cz".to_string(), "unknown_form_key"),
            ("form.mobile_x".to_string(), "unknown_form_key"),
            ("form.zzz".to_string(), "unknown_form_key"),
        ]
    );
    assert_eq!(codes(&errors), vec![("form.floors".to_string(), "range")]);
    assert_eq!(
        typed.value(index("capacity_kva")),
        Some(&FormValue::Number(12.0))
    );
    assert_eq!(typed.raw(index("floors")), Some(&json!(0)));

    let mut reversed = sorted.clone();
    reversed.reverse();
    let (typed_r, errors_r, warnings_r) = validate(&reversed, &map);
    assert_eq!((errors_r, warnings_r), (errors, warnings));
    for (i, f) in sorted.iter().enumerate() {
        let j = reversed.iter().position(|g| g.id == f.id).unwrap();
        assert_eq!(typed_r.value(j), typed.value(i), "{}", f.id);
    }
}
