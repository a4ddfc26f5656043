//! One plain-Rust function per operation, JSON text in and JSON text out — exactly what the JS
//! binding exposes, so native tests cover the JS contract and outputs compare byte for byte.
//!
//! Architecture invariant: no wasm types here; the binding crate (`crates/wasm`) only converts
//! values and errors. Nothing else in the core imports this module.

pub mod tools;

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

// ---- the calendar API, with arguments as JS passes them ----------------------------------------

use crate::calendar::{BeyondCoverage, Calendar, Pause, Period, TimeOfDay, YearData};
use crate::date::Date;
use serde_json::Value;

fn cal_err(code: Code, path: &str, zh: String, en: String) -> Error {
    Error::Calendar(CalendarError::new(code, path, zh, en))
}

/// [`cal_err`] with a did-you-mean `help`.
fn cal_err_help(
    code: Code,
    path: &str,
    zh: String,
    en: String,
    help: Option<(String, String)>,
) -> Error {
    let mut e = CalendarError::new(code, path, zh, en);
    e.issue.help = help.map(|h| Box::new(Message::from(h)));
    Error::Calendar(e)
}

/// Parse a `YYYY-MM-DD` argument.
///
/// # Errors
/// `CalendarError` `bad_date` naming `path`.
pub fn arg_date(s: &str, path: &str) -> Result<Date, Error> {
    Date::parse(s).ok_or_else(|| {
        let shown: String = s.chars().take(40).collect();
        cal_err(
            Code::BadDate,
            path,
            format!("`{shown}` 不是有效日期（应为 YYYY-MM-DD，年份 0001–9999）"),
            format!("`{shown}` is not a valid date (expected YYYY-MM-DD, years 0001–9999)"),
        )
    })
}

/// A whole number of days from a JS number: finite, integral, 0 … 4294967295.
///
/// # Errors
/// `CalendarError` `bad_limit` naming `path`.
pub fn arg_count(n: f64, path: &str) -> Result<u32, Error> {
    if n.is_finite() && n.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&n) {
        Ok(n as u32)
    } else {
        Err(cal_err(
            Code::BadLimit,
            path,
            format!("`{n}` 不是非负整数天数"),
            format!("`{n}` is not a non-negative whole number of days"),
        ))
    }
}

/// `too_large` for a calendar argument's JSON text beyond
/// [`crate::limits::MAX_CALENDAR_ARG_BYTES`], checked before it is parsed.
fn arg_budget(text: &str, path: &str) -> Result<(), Error> {
    let max = crate::limits::MAX_CALENDAR_ARG_BYTES;
    if text.len() > max {
        return Err(cal_err(
            Code::TooLarge,
            path,
            format!("`{path}` 有 {} 字节，超过上限 {max} 字节", text.len()),
            format!(
                "`{path}` has {} bytes, more than the limit of {max} bytes",
                text.len()
            ),
        ));
    }
    Ok(())
}

/// `too_large` for a list argument longer than [`crate::limits::MAX_LIST_ENTRIES`].
fn list_budget(len: usize, path: &str) -> Result<(), Error> {
    let max = crate::limits::MAX_LIST_ENTRIES;
    if len > max {
        return Err(cal_err(
            Code::TooLarge,
            path,
            format!("`{path}` 有 {len} 项，超过上限 {max} 项"),
            format!("`{path}` has {len} entries, more than the limit of {max}"),
        ));
    }
    Ok(())
}

fn date_list(v: Option<&Value>, path: &str) -> Result<Vec<Date>, Error> {
    if let Some(Value::Array(a)) = v {
        list_budget(a.len(), path)?;
    }
    match v {
        None | Some(Value::Null) => Ok(Vec::new()),
        Some(Value::Array(a)) => a
            .iter()
            .enumerate()
            .map(|(i, x)| match x {
                Value::String(s) => arg_date(s, &format!("{path}[{i}]")),
                _ => Err(cal_err(
                    Code::TypeMismatch,
                    &format!("{path}[{i}]"),
                    "日期必须是字符串".into(),
                    "a date must be a string".into(),
                )),
            })
            .collect(),
        Some(_) => Err(cal_err(
            Code::TypeMismatch,
            path,
            format!("`{path}` 必须是日期数组"),
            format!("`{path}` must be a list of dates"),
        )),
    }
}

/// A calendar option object: unknown keys are errors with a did-you-mean (a misspelt
/// `holydays` must not pass silently and give a wrong due day).
fn parse_obj(
    text: &str,
    path: &str,
    allowed: &[&str],
) -> Result<serde_json::Map<String, Value>, Error> {
    arg_budget(text, path)?;
    match serde_json::from_str::<Value>(text) {
        Ok(Value::Object(m)) => {
            known_keys(&m, path, allowed)?;
            Ok(m)
        }
        Ok(Value::Null) => Ok(serde_json::Map::new()),
        _ => Err(cal_err(
            Code::TypeMismatch,
            path,
            format!("`{path}` 必须是对象"),
            format!("`{path}` must be an object"),
        )),
    }
}

/// The first unknown key of `m` (in key order) as a `CalendarError` `unknown_field`.
fn known_keys(
    m: &serde_json::Map<String, Value>,
    path: &str,
    allowed: &[&str],
) -> Result<(), Error> {
    match m.keys().find(|k| !allowed.contains(&k.as_str())) {
        None => Ok(()),
        Some(k) => {
            let shown: String = k.chars().take(64).collect();
            let help = crate::text::suggest::did_you_mean(k, allowed.iter().copied());
            let list = allowed.join("、");
            Err(cal_err_help(
                Code::UnknownField,
                &crate::text::locate::key_path(path, k),
                format!("未知的键 `{shown}`（可用：{list}）"),
                format!("unknown key `{shown}` (allowed: {})", allowed.join(", ")),
                help,
            ))
        }
    }
}

/// `Calendar.builtin(id, {beyond_coverage})`.
///
/// # Errors
/// `unknown_calendar`, or `bad_value` for an unknown `beyond_coverage`.
pub fn calendar_builtin(id: &str, options_json: &str) -> Result<Calendar, Error> {
    let opts = parse_obj(options_json, "options", &["beyond_coverage"])?;
    let beyond = match opts.get("beyond_coverage") {
        None | Some(Value::Null) => BeyondCoverage::Error,
        Some(Value::String(s)) => BeyondCoverage::parse(s).ok_or_else(|| {
            cal_err(
                Code::BadValue,
                "options.beyond_coverage",
                "`beyond_coverage` 只能是 `error` 或 `weekends_only`".into(),
                "`beyond_coverage` must be `error` or `weekends_only`".into(),
            )
        })?,
        Some(_) => {
            return Err(cal_err(
                Code::TypeMismatch,
                "options.beyond_coverage",
                "`beyond_coverage` 必须是字符串".into(),
                "`beyond_coverage` must be a string".into(),
            ))
        }
    };
    Ok(Calendar::builtin(id, beyond)?)
}

/// `calendar.withOverrides({holidays, workdays})`.
///
/// # Errors
/// Bad dates, dates outside coverage, a date in both lists.
pub fn calendar_with_overrides(cal: &Calendar, json: &str) -> Result<Calendar, Error> {
    let o = parse_obj(json, "overrides", &["holidays", "workdays"])?;
    let h = date_list(o.get("holidays"), "holidays")?;
    let w = date_list(o.get("workdays"), "workdays")?;
    Ok(cal.with_overrides(&h, &w)?)
}

/// `calendar.withYear(year, {holidays, workdays, source})`.
///
/// # Errors
/// A year not adjacent to coverage, bad dates.
pub fn calendar_with_year(cal: &Calendar, year: f64, json: &str) -> Result<Calendar, Error> {
    let o = parse_obj(json, "data", &["holidays", "workdays", "source"])?;
    if !(year.is_finite() && year.fract() == 0.0 && (1.0..=9999.0).contains(&year)) {
        return Err(cal_err(
            Code::BadValue,
            "year",
            format!("`{year}` 不是有效年份"),
            format!("`{year}` is not a valid year"),
        ));
    }
    let source = match o.get("source") {
        Some(Value::String(s)) => s.clone(),
        None | Some(Value::Null) => String::new(),
        Some(_) => {
            return Err(cal_err(
                Code::TypeMismatch,
                "source",
                "`source` 必须是字符串".into(),
                "`source` must be a string".into(),
            ))
        }
    };
    Ok(cal.with_year(YearData {
        year: year as i32,
        holidays: date_list(o.get("holidays"), "holidays")?,
        workdays: date_list(o.get("workdays"), "workdays")?,
        source,
    })?)
}

/// A period object `{working_days: N} | {natural_days: N} | {months: N}`.
///
/// # Errors
/// `bad_limit` for anything else.
pub fn parse_period(v: &Value, path: &str) -> Result<Period, Error> {
    let bad = || {
        cal_err(
            Code::BadLimit,
            path,
            "期限必须是 {\"working_days\": N}、{\"natural_days\": N} 或 {\"months\": N} 之一，N 为非负整数".into(),
            "a period must be one of {\"working_days\": N}, {\"natural_days\": N}, {\"months\": N} with N a non-negative whole number".into(),
        )
    };
    let Value::Object(m) = v else {
        return Err(bad());
    };
    if m.len() != 1 {
        return Err(bad());
    }
    let Some((k, n)) = m.iter().next() else {
        return Err(bad());
    };
    const UNITS: [&str; 3] = ["working_days", "natural_days", "months"];
    if !UNITS.contains(&k.as_str()) {
        // As the policy loader says it: `bad_limit`, with a did-you-mean for a misspelt unit.
        let help = crate::text::suggest::did_you_mean(k, UNITS);
        let shown: String = k.chars().take(64).collect();
        return Err(cal_err_help(
            Code::BadLimit,
            path,
            format!("未知的时限单位 `{shown}`：期限必须是 {{\"working_days\": N}}、{{\"natural_days\": N}} 或 {{\"months\": N}} 之一"),
            format!("unknown period unit `{shown}`: a period must be one of {{\"working_days\": N}}, {{\"natural_days\": N}}, {{\"months\": N}}"),
            help,
        ));
    }
    let n = n.as_f64().ok_or_else(bad)?;
    let n = arg_count(n, path).map_err(|_| bad())?;
    match k.as_str() {
        "working_days" => Ok(Period::WorkingDays(n)),
        "natural_days" => Ok(Period::NaturalDays(n)),
        "months" => Ok(Period::Months(n)),
        _ => Err(bad()),
    }
}

/// `calendar.due(from, period, pauses)` with the period and pauses as JSON text.
///
/// # Errors
/// Bad arguments, or a date outside the calendar.
pub fn calendar_due(
    cal: &Calendar,
    from: &str,
    period_json: &str,
    pauses_json: &str,
) -> Result<Date, Error> {
    let from = arg_date(from, "from")?;
    arg_budget(period_json, "period")?;
    arg_budget(pauses_json, "pauses")?;
    let pv: Value = serde_json::from_str(period_json).unwrap_or(Value::Null);
    let period = parse_period(&pv, "period")?;
    let pauses: Vec<Pause> = match serde_json::from_str::<Value>(pauses_json).unwrap_or(Value::Null)
    {
        Value::Null => Vec::new(),
        Value::Array(a) => {
            list_budget(a.len(), "pauses")?;
            let mut out = Vec::with_capacity(a.len());
            for (i, p) in a.iter().enumerate() {
                let path = format!("pauses[{i}]");
                if let Value::Object(m) = p {
                    known_keys(m, &path, &["from", "to"])?;
                }
                let (Some(Value::String(f)), Some(Value::String(t))) = (p.get("from"), p.get("to"))
                else {
                    return Err(cal_err(
                        Code::TypeMismatch,
                        &path,
                        "停止计时区间应为 {from, to}".into(),
                        "a pause must be {from, to} with two dates".into(),
                    ));
                };
                out.push(Pause {
                    from: arg_date(f, &format!("{path}.from"))?,
                    to: arg_date(t, &format!("{path}.to"))?,
                });
            }
            out
        }
        _ => {
            return Err(cal_err(
                Code::TypeMismatch,
                "pauses",
                "`pauses` 必须是数组".into(),
                "`pauses` must be a list".into(),
            ))
        }
    };
    Ok(cal.due(from, period, &pauses)?)
}

/// `calendar.receivedOn(submittedAt, cutoff = "17:00")`.
///
/// # Errors
/// `bad_time` for an unparsable timestamp or cutoff; a date outside the calendar.
pub fn calendar_received_on(
    cal: &Calendar,
    submitted_at: &str,
    cutoff: Option<&str>,
) -> Result<Date, Error> {
    let cutoff = match cutoff {
        None => TimeOfDay::DEFAULT_CUTOFF,
        Some(c) => TimeOfDay::parse(c).ok_or_else(|| {
            let shown: String = c.chars().take(20).collect();
            cal_err(
                Code::BadTime,
                "cutoff",
                format!("`{shown}` 不是有效时刻（HH:MM）"),
                format!("`{shown}` is not a valid time of day (HH:MM)"),
            )
        })?,
    };
    Ok(cal.received_on(submitted_at, cutoff)?)
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
        None => {
            let shown: String = id.chars().take(64).collect();
            Err(Error::Policy(PolicyError {
                issues: vec![Diagnostic::error(
                    "id",
                    Code::BadValue,
                    Message::new(
                        format!("没有内置策略 `{shown}`，可选：{}", builtin_ids().join("、")),
                        format!(
                            "there is no built-in policy `{shown}`; available: {}",
                            builtin_ids().join(", ")
                        ),
                    ),
                )],
            }))
        }
    }
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
        None => {
            let shown: String = id.chars().take(64).collect();
            Err(Error::Policy(PolicyError {
                issues: vec![Diagnostic::error(
                    "id",
                    Code::BadValue,
                    Message::new(
                        format!(
                            "没有内置策略集 `{shown}`，可选：{}",
                            builtin_set_ids().join("、")
                        ),
                        format!(
                            "there is no built-in policy set `{shown}`; available: {}",
                            builtin_set_ids().join(", ")
                        ),
                    ),
                )],
            }))
        }
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
