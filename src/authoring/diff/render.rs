//! Model values written back in the policy document's shape (what a change's `old` and `new`
//! hold: defaults left out, conditions as their source text), and values as short phrases in
//! messages.

use serde_json::{Map, Value};

use crate::calendar::{Period, TimeOfDay};
use crate::expr::FieldType;
use crate::policy::{
    Basis, Bundle, CalendarInfo, Cond, Field, Label, Material, MaterialReq, PauseLen, Phase,
    Policy, Reject, Requirement, Service, Stage, Tolerance,
};
use crate::text::{period, Locale};

/// An object of the entries that are not `null`.
fn obj(entries: Vec<(&str, Value)>) -> Value {
    let mut m = Map::new();
    for (k, v) in entries {
        if !v.is_null() {
            m.insert(k.to_string(), v);
        }
    }
    Value::Object(m)
}

/// A list, or `null` when empty (for an optional list inside an object).
fn nonempty(v: Vec<Value>) -> Value {
    if v.is_empty() {
        Value::Null
    } else {
        Value::Array(v)
    }
}

fn string(s: &str) -> Value {
    Value::String(s.to_string())
}

/// `true`, or `null` for the default `false`.
fn flag(b: bool) -> Value {
    if b {
        Value::Bool(true)
    } else {
        Value::Null
    }
}

pub(super) fn strs(v: &[&str]) -> Value {
    Value::Array(v.iter().map(|s| string(s)).collect())
}

pub(super) fn period(p: Period) -> Value {
    let mut m = Map::new();
    m.insert(p.unit().to_string(), Value::from(p.count()));
    Value::Object(m)
}

pub(super) fn opt_period(p: Option<Period>) -> Value {
    p.map_or(Value::Null, period)
}

pub(super) fn label(l: &Label) -> Value {
    let mut m = Map::new();
    for (k, v) in &l.0 {
        m.insert(k.clone(), string(v));
    }
    Value::Object(m)
}

pub(super) fn opt_label(l: Option<&Label>) -> Value {
    l.map_or(Value::Null, label)
}

pub(super) fn basis(b: Option<&Basis>) -> Value {
    b.map_or(Value::Null, |b| {
        obj(vec![
            ("label", label(&b.label)),
            ("url", b.url.as_deref().map_or(Value::Null, string)),
        ])
    })
}

pub(super) fn cond(c: Option<&Cond>) -> Value {
    c.map_or(Value::Null, |c| string(&c.src))
}

/// `true`, `false` or the condition's text.
pub(super) fn requirement(r: &Requirement) -> Value {
    match r {
        Requirement::Never => Value::Bool(false),
        Requirement::Always => Value::Bool(true),
        Requirement::If(c) => string(&c.src),
    }
}

/// A number as written: a whole number without a fraction (`5`, not `5.0`).
#[allow(clippy::cast_possible_truncation)]
fn number(x: f64) -> Value {
    if x.fract() == 0.0 && x.abs() < 9.0e15 {
        Value::from(x as i64)
    } else {
        serde_json::Number::from_f64(x).map_or(Value::Null, Value::Number)
    }
}

/// `HH:MM`, or `HH:MM:SS` when the seconds are not zero.
pub(super) fn time(t: TimeOfDay) -> Value {
    let (h, m, s) = (t.0 / 3600, t.0 % 3600 / 60, t.0 % 60);
    if s == 0 {
        Value::String(format!("{h:02}:{m:02}"))
    } else {
        Value::String(format!("{h:02}:{m:02}:{s:02}"))
    }
}

pub(super) fn effective(p: &Policy) -> Value {
    if p.effective_from.is_none() && p.effective_until.is_none() {
        return Value::Null;
    }
    let date = |d: Option<crate::date::Date>| d.map_or(Value::Null, |d| d.to_string().into());
    obj(vec![
        ("from", date(p.effective_from)),
        ("until", date(p.effective_until)),
    ])
}

/// The calendar id, or `{base, holidays, workdays}` with local overrides (sorted: their order
/// means nothing).
pub(super) fn calendar(c: &CalendarInfo) -> Value {
    if c.holidays.is_empty() && c.workdays.is_empty() {
        return string(&c.id);
    }
    let days = |v: &[crate::date::Date]| {
        let days = crate::sorting::set_of(v.iter().map(ToString::to_string));
        nonempty(days.into_iter().map(Value::String).collect())
    };
    obj(vec![
        ("base", string(&c.id)),
        ("holidays", days(&c.holidays)),
        ("workdays", days(&c.workdays)),
    ])
}

pub(super) fn field_type(ty: &FieldType) -> Value {
    string(match ty {
        FieldType::Number => "number",
        FieldType::String => "string",
        FieldType::Bool => "bool",
        FieldType::Date => "date",
        FieldType::Enum(_) => "enum",
    })
}

/// The keys of a field other than its type and labels, with defaults filled in.
pub(super) fn field_settings(f: &Field) -> [(&'static str, Value); 7] {
    let values = match &f.ty {
        FieldType::Enum(v) => Value::Array(v.iter().map(|s| string(s)).collect()),
        _ => Value::Null,
    };
    [
        ("required", requirement(&f.required)),
        ("values", values),
        ("min", f.min.map_or(Value::Null, number)),
        ("max", f.max.map_or(Value::Null, number)),
        ("integer", Value::Bool(f.integer)),
        (
            "format",
            f.format.map_or(Value::Null, |x| string(x.as_str())),
        ),
        ("max_length", f.max_length.map_or(Value::Null, Value::from)),
    ]
}

pub(super) fn value_labels(f: &Field) -> Value {
    if f.value_labels.is_empty() {
        return Value::Null;
    }
    let mut m = Map::new();
    for (k, l) in &f.value_labels {
        m.insert(k.clone(), label(l));
    }
    Value::Object(m)
}

pub(super) fn field(f: &Field) -> Value {
    let mut out = obj(vec![
        ("type", field_type(&f.ty)),
        ("label", opt_label(f.label.as_ref())),
        ("description", opt_label(f.description.as_ref())),
        ("value_labels", value_labels(f)),
    ]);
    if let Value::Object(m) = &mut out {
        for (k, v) in field_settings(f) {
            if !v.is_null() && v != Value::Bool(false) {
                m.insert(k.to_string(), v);
            }
        }
    }
    out
}

pub(super) fn material(m: &Material) -> Value {
    let area = m.area.as_str();
    obj(vec![
        ("name", label(&m.name)),
        ("electronic", flag(m.electronic)),
        ("commitment", flag(m.commitment)),
        (
            "area",
            if area == "general" {
                Value::Null
            } else {
                string(area)
            },
        ),
        ("description", opt_label(m.description.as_ref())),
        ("basis", basis(m.basis.as_ref())),
    ])
}

pub(super) fn rejects(rs: &[Reject]) -> Value {
    Value::Array(
        rs.iter()
            .map(|r| {
                obj(vec![
                    ("when", string(&r.when.src)),
                    ("reason", label(&r.reason)),
                    ("basis", basis(r.basis.as_ref())),
                ])
            })
            .collect(),
    )
}

/// The catalogue id of a service's material entry.
pub(super) fn entry_id<'a>(p: &'a Policy, e: &MaterialReq) -> &'a str {
    p.materials.get(e.material).map_or("", |m| m.id.as_str())
}

pub(super) fn tolerable(e: &MaterialReq) -> Value {
    opt_period(e.tolerable)
}

pub(super) fn entry(p: &Policy, e: &MaterialReq) -> Value {
    obj(vec![
        ("ref", string(entry_id(p, e))),
        ("required", requirement(&e.required)),
        (
            "tolerable",
            e.tolerable
                .map_or(Value::Null, |t| obj(vec![("supplement_within", period(t))])),
        ),
        ("basis", basis(e.basis.as_ref())),
    ])
}

pub(super) fn tolerance(t: Option<&Tolerance>) -> Value {
    t.map_or(Value::Null, |t| {
        obj(vec![
            (
                "max_missing",
                t.max_missing.map_or(Value::Null, Value::from),
            ),
            ("excluded_if", cond(t.excluded_if.as_ref())),
            ("basis", basis(t.basis.as_ref())),
        ])
    })
}

/// The ids of the stages a stage waits for, as written (`sorted`: as a set).
pub(super) fn after(s: &Service, st: &Stage, sorted: bool) -> Value {
    let mut ids: Vec<&str> = st
        .after
        .iter()
        .filter_map(|i| s.stages.get(*i))
        .map(|x| x.id.as_str())
        .collect();
    if sorted {
        crate::sorting::sort_by(&mut ids, |a, b| a.cmp(b));
    }
    strs(&ids)
}

pub(super) fn limit_if(st: &Stage) -> Value {
    Value::Array(
        st.limit_if
            .iter()
            .map(|l| {
                obj(vec![
                    ("when", string(&l.when.src)),
                    ("limit", period(l.limit)),
                ])
            })
            .collect(),
    )
}

pub(super) fn pauses(st: &Stage) -> Value {
    Value::Array(
        st.pauses
            .iter()
            .map(|p| {
                let (nd, wd) = match p.len {
                    PauseLen::NaturalDays(n) => (Value::from(n), Value::Null),
                    PauseLen::WorkingDays(n) => (Value::Null, Value::from(n)),
                };
                obj(vec![
                    ("name", label(&p.name)),
                    ("natural_days", nd),
                    ("working_days", wd),
                    ("when", cond(p.when.as_ref())),
                    ("basis", basis(p.basis.as_ref())),
                ])
            })
            .collect(),
    )
}

/// A list value, or `null` when empty.
fn list_or_null(v: Value) -> Value {
    match v {
        Value::Array(a) => nonempty(a),
        v => v,
    }
}

pub(super) fn stage(s: &Service, st: &Stage) -> Value {
    obj(vec![
        ("id", string(&st.id)),
        ("name", opt_label(st.name.as_ref())),
        ("after", list_or_null(after(s, st, false))),
        ("limit", period(st.limit)),
        ("limit_if", list_or_null(limit_if(st))),
        ("pauses", list_or_null(pauses(st))),
        ("basis", basis(st.basis.as_ref())),
    ])
}

pub(super) fn service(p: &Policy, s: &Service) -> Value {
    obj(vec![
        ("name", label(&s.name)),
        ("department", opt_label(s.department.as_ref())),
        ("applies_if", cond(s.applies_if.as_ref())),
        ("rejects", list_or_null(rejects(&s.rejects))),
        (
            "materials",
            nonempty(s.materials.iter().map(|e| entry(p, e)).collect()),
        ),
        ("tolerance", tolerance(s.tolerance.as_ref())),
        (
            "stages",
            Value::Array(s.stages.iter().map(|st| stage(s, st)).collect()),
        ),
        ("promise", opt_period(s.promise)),
        ("legal", opt_period(s.legal)),
        ("basis", basis(s.basis.as_ref())),
    ])
}

pub(super) fn phase(ph: Option<&Phase>) -> Value {
    ph.map_or(Value::Null, |ph| {
        obj(vec![
            ("limit", period(ph.limit)),
            ("name", opt_label(ph.name.as_ref())),
        ])
    })
}

/// A bundle's service ids in its order (a repeat is not in the model).
pub(super) fn bundle_services<'a>(p: &'a Policy, b: &Bundle) -> Vec<&'a str> {
    b.services
        .iter()
        .filter_map(|i| p.services.get(*i))
        .map(|s| s.id.as_str())
        .collect()
}

pub(super) fn bundle(p: &Policy, b: &Bundle) -> Value {
    obj(vec![
        ("name", label(&b.name)),
        ("services", strs(&bundle_services(p, b))),
        ("intake", phase(b.intake.as_ref())),
        ("finish", phase(b.finish.as_ref())),
        ("promise", opt_period(b.promise)),
        ("legal", opt_period(b.legal)),
        ("basis", basis(b.basis.as_ref())),
    ])
}

// ---- phrases --------------------------------------------------------------------------------

fn locale(en: bool) -> Locale {
    if en {
        Locale::En
    } else {
        Locale::ZhCn
    }
}

/// A label's text: zh-CN, or `en` (falling back to zh-CN).
pub(super) fn text(l: &Label, en: bool) -> String {
    l.get(if en { "en" } else { "zh-CN" }).to_string()
}

fn period_text(v: &Value, en: bool) -> Option<String> {
    let m = v.as_object()?;
    if m.len() != 1 {
        return None;
    }
    let (k, n) = m.iter().next()?;
    let n = u32::try_from(n.as_u64()?).ok()?;
    let unit = period::unit_of_key(k)?;
    Some(period::words(unit, n, locale(en)))
}

/// A value as a short phrase in a message.
pub(super) fn show(v: &Value, en: bool) -> String {
    if let Some(p) = period_text(v, en) {
        return p;
    }
    match v {
        Value::Null => (if en { "none" } else { "无" }).into(),
        Value::Bool(true) => (if en { "yes" } else { "是" }).into(),
        Value::Bool(false) => (if en { "no" } else { "否" }).into(),
        Value::String(s) => format!("`{s}`"),
        Value::Number(n) => n.to_string(),
        v => {
            let s = serde_json::to_string(v).unwrap_or_default();
            if s.chars().count() > 120 {
                let cut: String = s.chars().take(117).collect();
                format!("{cut}…")
            } else {
                s
            }
        }
    }
}

/// `old → new` in a message.
pub(super) fn arrow(old: &Value, new: &Value, en: bool) -> String {
    format!("{} → {}", show(old, en), show(new, en))
}

/// A requirement (`true`, `false` or a condition) in words.
pub(super) fn req_text(v: &Value, en: bool) -> String {
    match v {
        Value::Bool(true) => (if en { "always" } else { "必须提交" }).into(),
        Value::Bool(false) | Value::Null => (if en { "never" } else { "不要求" }).into(),
        Value::String(s) => {
            if en {
                format!("if `{s}`")
            } else {
                format!("当 `{s}` 时")
            }
        }
        v => show(v, en),
    }
}

/// The name of a label key in a message.
pub(super) fn label_word(k: &str, en: bool) -> &'static str {
    match (k, en) {
        ("title", false) => "标题",
        ("name", false) => "名称",
        ("department", false) => "实施部门",
        ("label", false) => "显示名称",
        ("description", false) => "说明",
        ("value_labels", false) => "选项名称",
        ("title", true) => "title",
        ("name", true) => "name",
        ("department", true) => "department",
        ("label", true) => "label",
        ("description", true) => "description",
        ("value_labels", true) => "value labels",
        (_, false) => "文字",
        (_, true) => "text",
    }
}
