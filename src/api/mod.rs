//! One plain-Rust function per operation, JSON text in and JSON text out — exactly what the JS
//! binding exposes, so native tests cover the JS contract and outputs compare byte for byte.
//!
//! Architecture invariant: no wasm types here; the binding crate (`crates/wasm`) only converts
//! values and errors. Nothing else in the core imports this module.

pub mod tools;

mod calendar;
pub use calendar::*;

use serde::Serialize;

use crate::calendar::CalendarError;
use crate::diag::{Code, Diagnostic, Message};
use crate::engine::request::{Request, RequestError};
use crate::policy::{Field, Label, Policy, PolicyError, Requirement};

/// Any error an operation can return, with the JS error name it is thrown as.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Policy(#[from] PolicyError),
    #[error(transparent)]
    Request(#[from] RequestError),
    #[error(transparent)]
    Calendar(#[from] CalendarError),
}

impl Error {
    /// `PolicyError`, `RequestError` or `CalendarError`.
    pub fn name(&self) -> &'static str {
        match self {
            Error::Policy(_) => "PolicyError",
            Error::Request(_) => "RequestError",
            Error::Calendar(_) => "CalendarError",
        }
    }
    pub fn issues(&self) -> Vec<Diagnostic> {
        match self {
            Error::Policy(e) => e.issues.clone(),
            Error::Request(e) => e.issues.clone(),
            Error::Calendar(e) => vec![e.issue.clone()],
        }
    }
    /// The code of the first issue.
    pub fn code(&self) -> Code {
        match self {
            Error::Policy(e) => e.issues.first().map(|d| d.code).unwrap_or(Code::BadValue),
            Error::Request(e) => e.code(),
            Error::Calendar(e) => e.code(),
        }
    }
    /// The issues as a JSON array (for JS `error.issues`).
    pub fn issues_json(&self) -> String {
        to_json(&self.issues())
    }
}

/// Serialize to compact JSON. Our output types cannot fail to serialize (string keys, finite
/// or null numbers), so the fallback is unreachable in practice.
pub fn to_json<T: Serialize + ?Sized>(v: &T) -> String {
    serde_json::to_string(v).unwrap_or_else(|_| "null".to_string())
}

/// `policy.evaluate(request)` as JSON text.
///
/// # Errors
/// `RequestError` for a structurally unusable request.
pub fn evaluate_json(policy: &Policy, request: &str) -> Result<String, Error> {
    on_request(request, |r| policy.evaluate(r))
}

/// Parse a request, run `f` on it and serialize its answer: the shape of every JSON entry.
fn on_request<T: Serialize>(
    request: &str,
    f: impl FnOnce(&Request) -> Result<T, RequestError>,
) -> Result<String, Error> {
    let req = Request::from_json(request)?;
    Ok(to_json(&f(&req)?))
}

/// `policy.checklist(request)` as JSON text.
///
/// # Errors
/// As [`evaluate_json`].
/// `policy.evaluateCompact(request)` as JSON text.
///
/// # Errors
/// `RequestError` for a structurally unusable request.
pub fn evaluate_compact_json(policy: &Policy, request: &str) -> Result<String, Error> {
    Ok(to_json(&crate::engine::compact::compact_from_json(
        policy, request,
    )?))
}

pub fn checklist_json(policy: &Policy, request: &str) -> Result<String, Error> {
    on_request(request, |r| policy.checklist(r))
}

/// `policy.timeline(request)` as JSON text.
///
/// # Errors
/// As [`evaluate_json`], and `CalendarError` when a date falls outside the calendar.
pub fn timeline_json(policy: &Policy, request: &str) -> Result<String, Error> {
    let req = Request::from_json(request)?;
    match policy.timeline(&req) {
        Ok(t) => Ok(to_json(&t)),
        Err(e) if matches!(e.code(), Code::CalendarOutOfRange | Code::DateOutOfRange) => {
            Err(Error::Calendar(CalendarError {
                issue: e.issues.into_iter().next().unwrap_or_else(|| {
                    Diagnostic::error(
                        "",
                        Code::CalendarOutOfRange,
                        Message::new("日期超出日历范围", "a date is outside the calendar"),
                    )
                }),
            }))
        }
        Err(e) => Err(e.into()),
    }
}

/// A form field as a portal renders it.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct FieldInfo {
    pub id: String,
    #[serde(rename = "type")]
    #[cfg_attr(feature = "ts", ts(as = "crate::ts::FieldType"))]
    pub ty: &'static str,
    #[cfg_attr(feature = "ts", ts(as = "crate::ts::LabelMap"))]
    pub label: std::collections::BTreeMap<String, String>,
    /// `true`, `false` or the condition under which it is required.
    #[cfg_attr(feature = "ts", ts(type = "boolean | string"))]
    pub required: serde_json::Value,
    pub values: Option<Vec<String>>,
    #[cfg_attr(
        feature = "ts",
        ts(as = "Option<std::collections::BTreeMap<String, crate::ts::LabelMap>>")
    )]
    pub value_labels:
        Option<std::collections::BTreeMap<String, std::collections::BTreeMap<String, String>>>,
    pub min: Option<f64>,
    pub max: Option<f64>,
    pub integer: bool,
    #[cfg_attr(feature = "ts", ts(as = "Option<crate::ts::StringFormat>"))]
    pub format: Option<&'static str>,
    pub max_length: Option<u32>,
    /// Who fills it: `applicant`, `office` or `shared_data` (SPEC §7.7).
    #[cfg_attr(
        feature = "ts",
        ts(type = "\"applicant\" | \"office\" | \"shared_data\"")
    )]
    pub source: &'static str,
}

/// A service or bundle a request may name, with the fields its rules read.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Target {
    pub id: String,
    #[cfg_attr(feature = "ts", ts(as = "crate::ts::TargetKind"))]
    pub kind: &'static str,
    #[cfg_attr(feature = "ts", ts(as = "crate::ts::LabelMap"))]
    pub name: std::collections::BTreeMap<String, String>,
    pub services: Vec<String>,
    pub fields: Vec<FieldInfo>,
    /// Every condition of the target (fields' `required`, and each service's `applies_if`,
    /// rejects, material requirements, tolerance, `limit_if`, pauses) in words an applicant
    /// can read, by its source text: `{"capacity_kva > 160": {"zh-CN": "报装容量(kVA) 大于
    /// 160", "en": "…"}}`. Rendered from the compiled condition, as the service guide is, so
    /// a portal never re-parses the condition language.
    #[cfg_attr(
        feature = "ts",
        ts(as = "std::collections::BTreeMap<String, crate::ts::LabelMap>")
    )]
    pub conditions: std::collections::BTreeMap<String, std::collections::BTreeMap<String, String>>,
}

fn field_info(f: &Field) -> FieldInfo {
    use crate::expr::FieldType;
    let (ty, values) = match &f.ty {
        FieldType::Number => ("number", None),
        FieldType::String => ("string", None),
        FieldType::Bool => ("bool", None),
        FieldType::Date => ("date", None),
        FieldType::Enum(v) => ("enum", Some(v.clone())),
    };
    let mut label = f.label.as_ref().map(Label::to_map).unwrap_or_default();
    label.entry("zh-CN".into()).or_insert_with(|| f.id.clone());
    FieldInfo {
        id: f.id.clone(),
        ty,
        label,
        required: match &f.required {
            Requirement::Never => serde_json::Value::Bool(false),
            Requirement::Always => serde_json::Value::Bool(true),
            Requirement::If(c) => serde_json::Value::String(c.src.clone()),
        },
        values,
        value_labels: if f.value_labels.is_empty() {
            None
        } else {
            Some(
                f.value_labels
                    .iter()
                    .map(|(k, v)| (k.clone(), v.to_map()))
                    .collect(),
            )
        },
        min: f.min,
        max: f.max,
        integer: f.integer,
        format: f.format.map(|x| x.as_str()),
        max_length: f.max_length,
        source: f.source.as_str(),
    }
}

/// The fields a target's form needs, in the policy document's order
/// ([`Policy::needed_fields`]), with those the bundle's and the regions' routes read.
fn fields_of(
    policy: &Policy,
    services: &[usize],
    bundle: Option<&crate::policy::Bundle>,
) -> Vec<FieldInfo> {
    policy
        .needed_fields_with_routes(services, bundle)
        .into_iter()
        .filter_map(|i| policy.fields.get(i))
        .map(field_info)
        .collect()
}

/// The words of every condition of `services` and of the required-conditions of `fields`.
fn conditions_of(
    policy: &Policy,
    services: &[usize],
    fields: &[FieldInfo],
) -> std::collections::BTreeMap<String, std::collections::BTreeMap<String, String>> {
    use crate::authoring::guide::PolicyNames;
    let names = PolicyNames(policy);
    let mut out = std::collections::BTreeMap::new();
    let mut add = |c: &crate::policy::Cond| {
        if !out.contains_key(&c.src) {
            let mut words = std::collections::BTreeMap::new();
            words.insert("zh-CN".to_string(), c.expr.describe(&names, "zh-CN"));
            words.insert("en".to_string(), c.expr.describe(&names, "en"));
            out.insert(c.src.clone(), words);
        }
    };
    for &si in services {
        if let Some(s) = policy.services.get(si) {
            for c in s.conditions() {
                add(c);
            }
        }
    }
    for fi in fields {
        if let Some(Requirement::If(c)) = policy
            .field_index(&fi.id)
            .and_then(|i| policy.fields.get(i))
            .map(|f| &f.required)
        {
            add(c);
        }
    }
    out
}

/// `policy.targets()`: every service and bundle, bundles first, each sorted by id.
pub fn targets(policy: &Policy) -> Vec<Target> {
    let mut out = Vec::new();
    for b in &policy.bundles {
        out.push(Target {
            id: b.id.clone(),
            kind: "bundle",
            name: b.name.to_map(),
            services: b
                .services
                .iter()
                .filter_map(|&i| policy.services.get(i))
                .map(|s| s.id.clone())
                .collect(),
            fields: fields_of(policy, &b.services, Some(b)),
            conditions: std::collections::BTreeMap::new(),
        });
    }
    for (i, s) in policy.services.iter().enumerate() {
        out.push(Target {
            id: s.id.clone(),
            kind: "service",
            name: s.name.to_map(),
            services: vec![s.id.clone()],
            fields: fields_of(policy, &[i], None),
            conditions: std::collections::BTreeMap::new(),
        });
    }
    for t in &mut out {
        let services: Vec<usize> = t
            .services
            .iter()
            .filter_map(|id| policy.services.iter().position(|s| &s.id == id))
            .collect();
        t.conditions = conditions_of(policy, &services, &t.fields);
    }
    out
}

// ---- policies -----------------------------------------------------------------------------

/// Load a policy from the JSON text of a JS object (`Policy.fromObject`): the checks and the
/// size cap of [`Policy::from_json`], with no lines or columns (they would point into our own
/// serialisation), sorted by path.
///
/// # Errors
/// `PolicyError` with every problem found.
pub fn policy_from_object_text(text: &str) -> Result<Policy, Error> {
    // Through the text, not a `Value`, so the fields keep the object's key order (SPEC §7.7).
    Ok(Policy::from_object_text(text)?)
}

/// The ids of the built-in packs.
pub fn builtin_ids() -> Vec<&'static str> {
    crate::policy::builtin::PACKS
        .iter()
        .map(|(id, _)| *id)
        .collect()
}

/// A built-in pack by id (its short id, or the policy id it declares).
///
/// # Errors
/// `PolicyError` `unknown_field`-like `bad_value` when there is no such pack.
pub fn builtin_policy(id: &str) -> Result<Policy, Error> {
    match crate::policy::builtin::PACKS.iter().find(|(k, _)| *k == id) {
        Some((_, text)) => Ok(Policy::from_static_json(text)?),
        None => Err(no_builtin(
            id,
            ("内置策略", "built-in policy"),
            &builtin_ids(),
        )),
    }
}

/// `bad_value` at `id`: there is no built-in `what` called `id`; the ids there are.
fn no_builtin(id: &str, what: (&str, &str), ids: &[&str]) -> Error {
    let shown: String = id.chars().take(64).collect();
    let (zh, en) = what;
    Error::Policy(PolicyError {
        issues: vec![Diagnostic::error(
            "id",
            Code::BadValue,
            Message::new(
                format!("没有{zh} `{shown}`，可选：{}", ids.join("、")),
                format!("there is no {en} `{shown}`; available: {}", ids.join(", ")),
            ),
        )],
    })
}

// ---- policy sets --------------------------------------------------------------------------

use crate::engine::policy_set::PolicySet;

/// `PolicySet.fromObject` from the JSON text of a JS value: positions are null.
///
/// # Errors
/// `PolicyError` with every problem of every version.
pub fn policy_set_from_object_text(text: &str) -> Result<PolicySet, Error> {
    Ok(PolicySet::from_object_text(text)?)
}

/// `set.evaluate(request)` as JSON text.
///
/// # Errors
/// `RequestError`, including `not_in_force` when no version covers the received day.
pub fn set_evaluate_json(set: &PolicySet, request: &str) -> Result<String, Error> {
    on_request(request, |r| set.evaluate(r))
}

/// `set.checklist(request)` as JSON text.
///
/// # Errors
/// As [`set_evaluate_json`].
pub fn set_checklist_json(set: &PolicySet, request: &str) -> Result<String, Error> {
    on_request(request, |r| set.checklist(r))
}

/// `set.timeline(request)` as JSON text.
///
/// # Errors
/// As [`set_evaluate_json`], and `CalendarError` for dates outside the calendar.
pub fn set_timeline_json(set: &PolicySet, request: &str) -> Result<String, Error> {
    let req = Request::from_json(request)?;
    let p = set.select(&req)?;
    timeline_json(p, request)
}

// ---- built-in policy sets and the service guide ----------------------------------------------

/// The ids of the built-in policy sets.
pub fn builtin_set_ids() -> Vec<&'static str> {
    crate::policy::builtin::SETS
        .iter()
        .map(|(id, _)| *id)
        .collect()
}

/// A built-in policy set by id.
///
/// # Errors
/// `PolicyError` `bad_value` when there is no such set.
pub fn builtin_set(id: &str) -> Result<PolicySet, Error> {
    match crate::policy::builtin::SETS.iter().find(|(k, _)| *k == id) {
        Some((_, text)) => Ok(PolicySet::from_static_json(text)?),
        None => Err(no_builtin(
            id,
            ("内置策略集", "built-in policy set"),
            &builtin_set_ids(),
        )),
    }
}

/// `policy.guide(target, locale)` as JSON text.
///
/// # Errors
/// `RequestError` `unknown_target`.
pub fn guide_json(policy: &Policy, target: &str, locale: &str) -> Result<String, Error> {
    Ok(to_json(&policy.guide(target, locale)?))
}

/// `policy.guideHtml(target, locale)`: a complete printable HTML page.
///
/// # Errors
/// `RequestError` `unknown_target`.
pub fn guide_html(policy: &Policy, target: &str, locale: &str) -> Result<String, Error> {
    Ok(policy.guide_html(target, locale)?)
}
