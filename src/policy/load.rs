//! Loading: a hand-written walker over the parsed `serde_json::Value` that collects EVERY
//! problem (serde derive would stop at the first), resolves every reference, compiles every
//! condition, and builds the validated model only when nothing is wrong.
//!
//! Issues carry a path and a hint of where to point (`At`); `from_json` turns that into line
//! and column through [`super::locate::Locations`], `from_value` leaves positions empty.

use std::collections::BTreeMap;
use std::sync::Arc;

use serde_json::{Map, Value};

use super::keys;
use super::locate::{self, LazyLocations, Locations, Path, Pos};
use super::model::*;
use super::parse;
use super::suggest::hint;
use crate::calendar::{BeyondCoverage, Calendar, Period, TimeOfDay};
use crate::date::Date;
use crate::diag::{Code, Diagnostic, Message};
use crate::expr::{self, FieldType, Schema};
use crate::limits;

/// Where a diagnostic points in the text.
#[derive(Debug, Clone)]
pub(crate) enum At {
    /// The value at the issue's path.
    Value,
    /// The key of the member at the issue's path.
    Key,
    /// The value at another path (a missing key points at its object).
    Of(String),
    /// A byte offset inside the decoded string at the issue's path.
    InString(usize),
    /// A position already known.
    Pos(Pos),
}

#[derive(Debug, Clone)]
pub(crate) struct Issue {
    pub path: String,
    pub code: Code,
    pub message: Message,
    pub at: At,
}

/// Turn issues into diagnostics, located in `text` when given, sorted deterministically.
pub(crate) fn finish(mut issues: Vec<Issue>, text: Option<(&str, &Locations)>) -> Vec<Diagnostic> {
    let mut out: Vec<Diagnostic> = issues
        .drain(..)
        .map(|i| {
            let mut d = Diagnostic::error(i.path.clone(), i.code, i.message);
            if let Some((text, locs)) = text {
                let pos = match &i.at {
                    At::Value => locs.value(&i.path),
                    At::Key => locs.key(&i.path),
                    At::Of(p) => locs.value(p),
                    At::InString(off) => locs.in_string(text, &i.path, *off),
                    At::Pos(p) => *p,
                };
                d.line = Some(pos.line);
                d.column = Some(pos.column);
            }
            d
        })
        .collect();
    sort_diagnostics(&mut out);
    out.dedup();
    out.truncate(limits::MAX_ISSUES);
    out
}

/// By (line, column, path, code) — positions are absent for values, which sorts by path.
pub(crate) fn sort_diagnostics(ds: &mut [Diagnostic]) {
    ds.sort_by(|a, b| {
        (a.line, a.column, &a.path, a.code, &a.message.en).cmp(&(
            b.line,
            b.column,
            &b.path,
            b.code,
            &b.message.en,
        ))
    });
}

fn m(zh: impl Into<String>, en: impl Into<String>) -> Message {
    Message::new(zh, en)
}

fn kind(v: &Value) -> (&'static str, &'static str) {
    match v {
        Value::Null => ("null", "null"),
        Value::Bool(_) => ("a boolean", "布尔值"),
        Value::Number(_) => ("a number", "数字"),
        Value::String(_) => ("a string", "字符串"),
        Value::Array(_) => ("a list", "列表"),
        Value::Object(_) => ("an object", "对象"),
    }
}

/// User input shown in a message: short, one line.
fn shown(v: &Value) -> String {
    let s = match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    let mut out: String = s.chars().take(40).collect();
    if s.chars().count() > 40 {
        out.push('…');
    }
    out.replace('`', "'")
}

/// A whole number, from an integer or an integral float (`5` and `5.0`).
fn whole(v: &Value) -> Option<u64> {
    if let Some(n) = v.as_u64() {
        return Some(n);
    }
    let f = v.as_f64()?;
    if f.fract() == 0.0 && (0.0..9.0e15).contains(&f) {
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        return Some(f as u64);
    }
    None
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum IdKind {
    Field,
    Other,
}

fn valid_id(s: &str, kind: IdKind) -> bool {
    let mut chars = s.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    // A char has at least one byte: only a long id needs counting.
    if s.len() > limits::MAX_ID_CHARS && s.chars().count() > limits::MAX_ID_CHARS {
        return false;
    }
    match kind {
        IdKind::Field => {
            (first.is_ascii_alphabetic() || first == '_')
                && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
                && !matches!(s, "true" | "false" | "in" | "has")
        }
        IdKind::Other => {
            (first.is_ascii_alphanumeric() || first == '_')
                && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-'))
        }
    }
}

fn valid_locale(s: &str) -> bool {
    // The two tags nearly every label uses, without splitting.
    if matches!(s, "zh-CN" | "en") {
        return true;
    }
    let mut parts = s.split('-');
    let Some(lang) = parts.next() else {
        return false;
    };
    (2..=3).contains(&lang.len())
        && lang.chars().all(|c| c.is_ascii_alphabetic())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// The form as conditions see it: fields sorted by id, index = position.
#[derive(Default)]
pub(crate) struct FieldSchema {
    names: Vec<String>,
    types: Vec<FieldType>,
}

impl Schema for FieldSchema {
    fn lookup(&self, name: &str) -> Option<(usize, &FieldType)> {
        let i = self.names.binary_search_by(|n| n.as_str().cmp(name)).ok()?;
        self.types.get(i).map(|t| (i, t))
    }
    fn names(&self) -> Vec<&str> {
        self.names.iter().map(String::as_str).collect()
    }
}

fn field_type(v: &Value) -> Option<FieldType> {
    let obj = v.as_object()?;
    match obj.get("type")?.as_str()? {
        "string" => Some(FieldType::String),
        "number" => Some(FieldType::Number),
        "bool" => Some(FieldType::Bool),
        "date" => Some(FieldType::Date),
        "enum" => {
            let mut values: Vec<String> = obj
                .get("values")
                .and_then(Value::as_array)
                .map(|a| {
                    a.iter()
                        .filter_map(|x| x.as_str().map(str::to_string))
                        .collect()
                })
                .unwrap_or_default();
            values.dedup();
            Some(FieldType::Enum(values))
        }
        _ => None,
    }
}

struct Ctx {
    issues: Vec<Issue>,
    schema: FieldSchema,
}

impl Ctx {
    fn push(&mut self, path: &Path<'_>, code: Code, message: Message, at: At) {
        self.issues.push(Issue {
            path: path.render(),
            code,
            message,
            at,
        });
    }

    fn mismatch(&mut self, v: &Value, path: &Path<'_>, want_zh: &str, want_en: &str) {
        let (k_en, k_zh) = kind(v);
        self.push(
            path,
            Code::TypeMismatch,
            m(
                format!("应为{want_zh}，实际为{k_zh}"),
                format!("expected {want_en}, found {k_en}"),
            ),
            At::Value,
        );
    }

    fn comment(&mut self, v: &Value, path: &Path<'_>) {
        let ok = match v {
            Value::String(_) => true,
            Value::Array(items) => items.iter().all(Value::is_string),
            _ => false,
        };
        if !ok {
            self.mismatch(
                v,
                path,
                "字符串或字符串列表",
                "a string or a list of strings",
            );
        }
    }

    /// An object with the keys `allowed` (`$comment` everywhere), `required` present.
    fn object<'v>(
        &mut self,
        v: &'v Value,
        path: &Path<'_>,
        allowed: &[&str],
        required: &[&str],
    ) -> Option<&'v Map<String, Value>> {
        let Some(obj) = v.as_object() else {
            self.mismatch(v, path, "对象", "an object");
            return None;
        };
        for (k, val) in obj {
            let p = path.key(k);
            if k == "$comment" {
                self.comment(val, &p);
            } else if k == "$schema" && allowed.contains(&"$schema") {
                if !val.is_string() {
                    self.mismatch(val, &p, "字符串", "a string");
                }
            } else if !allowed.contains(&k.as_str()) {
                let (hz, he) = hint(k, allowed.iter().copied());
                self.push(
                    &p,
                    Code::UnknownField,
                    m(
                        format!("未知字段 `{}`{hz}", shown(&Value::String(k.clone()))),
                        format!("unknown field `{}`{he}", shown(&Value::String(k.clone()))),
                    ),
                    At::Key,
                );
            }
        }
        for r in required {
            if !obj.contains_key(*r) {
                self.push(
                    &path.key(r),
                    Code::MissingField,
                    m(
                        format!("缺少必填字段 `{r}`"),
                        format!("missing required field `{r}`"),
                    ),
                    At::Of(path.render()),
                );
            }
        }
        Some(obj)
    }

    /// An object keyed by ids (fields, materials, services, bundles).
    fn id_map<'v>(
        &mut self,
        v: &'v Value,
        path: &Path<'_>,
        kind: IdKind,
        max: usize,
    ) -> Vec<(&'v String, &'v Value)> {
        let Some(obj) = v.as_object() else {
            self.mismatch(v, path, "以 id 为键的对象", "an object keyed by id");
            return Vec::new();
        };
        let mut out = Vec::new();
        for (k, val) in obj {
            let p = path.key(k);
            if k == "$comment" {
                self.comment(val, &p);
                continue;
            }
            if !valid_id(k, kind) {
                self.bad_id(k, &p, kind, At::Key);
            }
            out.push((k, val));
        }
        if out.len() > max {
            self.push(
                path,
                Code::TooLarge,
                m(
                    format!("条目过多：{} 个，上限为 {max}", out.len()),
                    format!("too many entries: {}, the limit is {max}", out.len()),
                ),
                At::Value,
            );
        }
        out
    }

    fn bad_id(&mut self, id: &str, path: &Path<'_>, kind: IdKind, at: At) {
        let shown_id = shown(&Value::String(id.to_string()));
        let (zh, en) = match kind {
            IdKind::Field if matches!(id, "true" | "false" | "in" | "has") => (
                format!("字段 id `{shown_id}` 是条件语言的关键字"),
                format!("field id `{shown_id}` is a keyword of the condition language"),
            ),
            IdKind::Field => (
                format!("字段 id `{shown_id}` 无效：应以字母或下划线开头，仅含字母、数字和下划线，最多 {} 个字符", limits::MAX_ID_CHARS),
                format!("field id `{shown_id}` is invalid: it must start with a letter or `_`, use only letters, digits and `_`, and have at most {} characters", limits::MAX_ID_CHARS),
            ),
            IdKind::Other => (
                format!("id `{shown_id}` 无效：仅可含字母、数字、`_`、`.`、`-`，不能以 `.` 或 `-` 开头，最多 {} 个字符", limits::MAX_ID_CHARS),
                format!("id `{shown_id}` is invalid: it may use only letters, digits, `_`, `.` and `-`, must not start with `.` or `-`, and has at most {} characters", limits::MAX_ID_CHARS),
            ),
        };
        self.push(path, Code::BadId, m(zh, en), at);
    }

    fn string<'v>(&mut self, v: &'v Value, path: &Path<'_>) -> Option<&'v str> {
        match v.as_str() {
            Some(s) => Some(s),
            None => {
                self.mismatch(v, path, "字符串", "a string");
                None
            }
        }
    }

    fn boolean(&mut self, v: &Value, path: &Path<'_>) -> Option<bool> {
        match v.as_bool() {
            Some(b) => Some(b),
            None => {
                self.mismatch(v, path, "`true` 或 `false`", "`true` or `false`");
                None
            }
        }
    }

    fn list<'v>(&mut self, v: &'v Value, path: &Path<'_>, max: usize) -> Option<&'v Vec<Value>> {
        let Some(items) = v.as_array() else {
            self.mismatch(v, path, "列表", "a list");
            return None;
        };
        if items.len() > max {
            self.push(
                path,
                Code::TooLarge,
                m(
                    format!("列表过长：{} 项，上限为 {max}", items.len()),
                    format!("too many entries: {}, the limit is {max}", items.len()),
                ),
                At::Value,
            );
        }
        Some(items)
    }

    fn label(&mut self, v: &Value, path: &Path<'_>) -> Option<Label> {
        let Some(obj) = v.as_object() else {
            self.mismatch(
                v,
                path,
                "多语言文本，如 `{\"zh-CN\": \"…\"}`",
                "a label such as `{\"zh-CN\": \"…\"}`",
            );
            return None;
        };
        let mut map = BTreeMap::new();
        let mut ok = true;
        for (k, val) in obj {
            let p = path.key(k);
            if k == "$comment" {
                self.comment(val, &p);
                continue;
            }
            if !valid_locale(k) {
                let (hz, he) = hint(k, ["zh-CN", "en"]);
                self.push(
                    &p,
                    Code::UnknownField,
                    m(
                        format!("`{}` 不是语言标记{hz}", shown(&Value::String(k.clone()))),
                        format!(
                            "`{}` is not a locale tag{he}",
                            shown(&Value::String(k.clone()))
                        ),
                    ),
                    At::Key,
                );
                ok = false;
                continue;
            }
            let Some(text) = val.as_str() else {
                self.mismatch(val, &p, "字符串", "a string");
                ok = false;
                continue;
            };
            if text.len() > limits::MAX_LABEL_CHARS
                && text.chars().count() > limits::MAX_LABEL_CHARS
            {
                self.push(
                    &p,
                    Code::TooLarge,
                    m(
                        format!("文本过长，上限为 {} 个字符", limits::MAX_LABEL_CHARS),
                        format!(
                            "the text is longer than {} characters",
                            limits::MAX_LABEL_CHARS
                        ),
                    ),
                    At::Value,
                );
                ok = false;
            }
            map.insert(k.clone(), text.to_string());
        }
        match map.get("zh-CN") {
            None => {
                self.push(
                    path,
                    Code::MissingLabel,
                    m("缺少 `zh-CN` 文本", "the label has no `zh-CN` text"),
                    At::Value,
                );
                ok = false;
            }
            Some(t) if t.trim().is_empty() => {
                self.push(
                    &path.key("zh-CN"),
                    Code::MissingLabel,
                    m("`zh-CN` 文本为空", "the `zh-CN` text is empty"),
                    At::Value,
                );
                ok = false;
            }
            Some(_) => {}
        }
        ok.then_some(Label(map))
    }

    fn basis(&mut self, v: &Value, path: &Path<'_>) -> Option<Basis> {
        let obj = self.object(v, path, keys::BASIS, &["label"])?;
        let label = obj
            .get("label")
            .and_then(|l| self.label(l, &path.key("label")));
        let mut url = None;
        if let Some(u) = obj.get("url") {
            let p = path.key("url");
            if let Some(s) = self.string(u, &p) {
                if s.starts_with("https://") || s.starts_with("http://") {
                    url = Some(s.to_string());
                } else {
                    self.push(
                        &p,
                        Code::BadValue,
                        m(
                            format!("`{}` 不是 `https://` 网址", shown(u)),
                            format!("`{}` is not an `https://` address", shown(u)),
                        ),
                        At::Value,
                    );
                }
            }
        }
        Some(Basis { label: label?, url })
    }

    fn opt_basis(&mut self, obj: &Map<String, Value>, path: &Path<'_>) -> Option<Basis> {
        obj.get("basis")
            .and_then(|b| self.basis(b, &path.key("basis")))
    }

    fn opt_label(&mut self, obj: &Map<String, Value>, path: &Path<'_>, key: &str) -> Option<Label> {
        obj.get(key).and_then(|l| self.label(l, &path.key(key)))
    }

    fn period(&mut self, v: &Value, path: &Path<'_>) -> Option<Period> {
        let shape_zh =
            "时限应恰为 `working_days`、`natural_days`、`months` 之一，如 `{\"working_days\": 5}`";
        let shape_en = "a limit is exactly one of `working_days`, `natural_days` or `months`, such as `{\"working_days\": 5}`";
        let Some(obj) = v.as_object() else {
            let (k_en, k_zh) = kind(v);
            self.push(
                path,
                Code::BadLimit,
                m(
                    format!("{shape_zh}，实际为{k_zh}"),
                    format!("{shape_en}, found {k_en}"),
                ),
                At::Value,
            );
            return None;
        };
        let mut units: Vec<(&String, &Value)> = Vec::new();
        for (k, val) in obj {
            if k == "$comment" {
                self.comment(val, &path.key(k));
            } else {
                units.push((k, val));
            }
        }
        let [(unit, n)] = units.as_slice() else {
            self.push(path, Code::BadLimit, m(shape_zh, shape_en), At::Value);
            return None;
        };
        let p = path.key(unit);
        let max = match unit.as_str() {
            "working_days" | "natural_days" => 36_500,
            "months" => 1_200,
            other => {
                let (hz, he) = hint(other, ["working_days", "natural_days", "months"]);
                self.push(
                    &p,
                    Code::BadLimit,
                    m(
                        format!(
                            "未知的时限单位 `{}`{hz}",
                            shown(&Value::String(other.to_string()))
                        ),
                        format!(
                            "unknown limit unit `{}`{he}",
                            shown(&Value::String(other.to_string()))
                        ),
                    ),
                    At::Key,
                );
                return None;
            }
        };
        let count = whole(n)
            .filter(|c| *c <= max)
            .and_then(|c| u32::try_from(c).ok());
        let Some(count) = count else {
            self.push(
                &p,
                Code::BadLimit,
                m(
                    format!("`{}` 不是 0 到 {max} 之间的整数", shown(n)),
                    format!("`{}` is not a whole number from 0 to {max}", shown(n)),
                ),
                At::Value,
            );
            return None;
        };
        Some(match unit.as_str() {
            "working_days" => Period::WorkingDays(count),
            "natural_days" => Period::NaturalDays(count),
            _ => Period::Months(count),
        })
    }

    fn date(&mut self, v: &Value, path: &Path<'_>) -> Option<Date> {
        let s = self.string(v, path)?;
        let d = Date::parse(s);
        if d.is_none() {
            self.push(
                path,
                Code::BadDate,
                m(
                    format!("`{}` 不是有效的 `YYYY-MM-DD` 日期", shown(v)),
                    format!("`{}` is not a real `YYYY-MM-DD` date", shown(v)),
                ),
                At::Value,
            );
        }
        d
    }

    fn cond(&mut self, v: &Value, path: &Path<'_>) -> Option<Cond> {
        let Some(src) = v.as_str() else {
            self.mismatch(v, path, "条件字符串", "a condition string");
            return None;
        };
        match expr::compile(src, &self.schema) {
            Ok(expr) => Some(Cond {
                src: src.to_string(),
                expr,
            }),
            Err(errors) => {
                for e in errors {
                    self.push(path, e.code, e.message, At::InString(e.offset));
                }
                None
            }
        }
    }

    fn requirement(&mut self, v: &Value, path: &Path<'_>) -> Option<Requirement> {
        match v {
            Value::Bool(true) => Some(Requirement::Always),
            Value::Bool(false) => Some(Requirement::Never),
            Value::String(_) => self.cond(v, path).map(Requirement::If),
            other => {
                self.mismatch(
                    other,
                    path,
                    "`true`、`false` 或条件字符串",
                    "`true`, `false` or a condition string",
                );
                None
            }
        }
    }

    fn bad_value(&mut self, path: &Path<'_>, zh: String, en: String, at: At) {
        self.push(path, Code::BadValue, m(zh, en), at);
    }

    // ---- top level ----

    fn top(&mut self, doc: &Value) -> Option<Policy> {
        let top = self.object(doc, &Path::ROOT, keys::TOP, keys::TOP_REQUIRED)?;

        if let Some(f) = top.get("format") {
            if f.as_f64() != Some(1.0) {
                self.push(
                    &Path::Text("format"),
                    Code::UnsupportedFormat,
                    m(
                        format!(
                            "不支持格式 `{}`，本版本读取格式 `1`",
                            f.to_string().replace('`', "'")
                        ),
                        format!(
                            "format `{}` is not supported, this release reads format `1`",
                            f.to_string().replace('`', "'")
                        ),
                    ),
                    At::Value,
                );
            }
        }
        let id = top.get("id").and_then(|v| {
            let s = self.string(v, &Path::Text("id"))?;
            if s.is_empty() || s.chars().count() > limits::MAX_POLICY_ID_CHARS {
                self.push(
                    &Path::Text("id"),
                    Code::BadId,
                    m(
                        format!("策略 id 应为 1 到 {} 个字符", limits::MAX_POLICY_ID_CHARS),
                        format!(
                            "the policy id must have 1 to {} characters",
                            limits::MAX_POLICY_ID_CHARS
                        ),
                    ),
                    At::Value,
                );
                return None;
            }
            Some(s.to_string())
        });
        let version = top.get("version").and_then(|v| {
            let s = self.string(v, &Path::Text("version"))?;
            if s.trim().is_empty() || s.chars().count() > limits::MAX_POLICY_ID_CHARS {
                self.bad_value(
                    &Path::Text("version"),
                    format!("版本应为 1 到 {} 个字符", limits::MAX_POLICY_ID_CHARS),
                    format!(
                        "the version must have 1 to {} characters",
                        limits::MAX_POLICY_ID_CHARS
                    ),
                    At::Value,
                );
                return None;
            }
            Some(s.to_string())
        });
        let title = top
            .get("title")
            .and_then(|v| self.label(v, &Path::Text("title")));

        let (effective_from, effective_until) = self.effective(top.get("effective"));
        let calendar_choice = self.calendar(top.get("calendar"));
        let cutoff = match top.get("cutoff") {
            None => Some(TimeOfDay::DEFAULT_CUTOFF),
            Some(v) => self.string(v, &Path::Text("cutoff")).and_then(|s| {
                let t = TimeOfDay::parse(s);
                if t.is_none() {
                    self.push(
                        &Path::Text("cutoff"),
                        Code::BadTime,
                        m(
                            format!("`{}` 不是 `HH:MM` 或 `HH:MM:SS` 时间", shown(v)),
                            format!("`{}` is not an `HH:MM` or `HH:MM:SS` time", shown(v)),
                        ),
                        At::Value,
                    );
                }
                t
            }),
        };
        let beyond = match top.get("beyond_coverage") {
            None => Some(BeyondCoverage::Error),
            Some(v) => self
                .string(v, &Path::Text("beyond_coverage"))
                .and_then(|s| {
                    let b = BeyondCoverage::parse(s);
                    if b.is_none() {
                        let (hz, he) = hint(s, ["error", "weekends_only"]);
                        self.bad_value(
                            &Path::Text("beyond_coverage"),
                            format!("`{}` 应为 `error` 或 `weekends_only`{hz}", shown(v)),
                            format!("`{}` is not `error` or `weekends_only`{he}", shown(v)),
                            At::Value,
                        );
                    }
                    b
                }),
        };

        // Fields first: every condition is type-checked against them.
        let field_entries = top
            .get("fields")
            .map(|v| self.id_map(v, &Path::Text("fields"), IdKind::Field, limits::MAX_FIELDS))
            .unwrap_or_default();
        for (id, v) in &field_entries {
            if let Some(t) = field_type(v) {
                self.schema.names.push((*id).clone());
                self.schema.types.push(t);
            }
        }
        let fields: Vec<Option<Field>> = field_entries
            .iter()
            .map(|(id, v)| self.field(id, v, &Path::Text("fields").key(id)))
            .collect();

        let material_entries = top
            .get("materials")
            .map(|v| {
                self.id_map(
                    v,
                    &Path::Text("materials"),
                    IdKind::Other,
                    limits::MAX_MATERIALS,
                )
            })
            .unwrap_or_default();
        let material_ids: Vec<&str> = material_entries.iter().map(|(k, _)| k.as_str()).collect();
        let materials: Vec<Option<Material>> = material_entries
            .iter()
            .map(|(id, v)| self.material(id, v, &Path::Text("materials").key(id)))
            .collect();

        let service_entries = top
            .get("services")
            .map(|v| {
                self.id_map(
                    v,
                    &Path::Text("services"),
                    IdKind::Other,
                    limits::MAX_SERVICES,
                )
            })
            .unwrap_or_default();
        if top.get("services").is_some_and(Value::is_object) && service_entries.is_empty() {
            self.bad_value(
                &Path::Text("services"),
                "至少需要一个事项".to_string(),
                "a policy needs at least one service".to_string(),
                At::Value,
            );
        }
        let service_ids: Vec<&str> = service_entries.iter().map(|(k, _)| k.as_str()).collect();
        let services: Vec<Option<Service>> = service_entries
            .iter()
            .map(|(id, v)| self.service(id, v, &Path::Text("services").key(id), &material_ids))
            .collect();

        let bundle_entries = top
            .get("bundles")
            .map(|v| {
                self.id_map(
                    v,
                    &Path::Text("bundles"),
                    IdKind::Other,
                    limits::MAX_BUNDLES,
                )
            })
            .unwrap_or_default();
        let bundles: Vec<Option<Bundle>> = bundle_entries
            .iter()
            .map(|(id, v)| self.bundle(id, v, &Path::Text("bundles").key(id), &service_ids))
            .collect();

        if !self.issues.is_empty() {
            return None;
        }
        let (base, holidays, workdays) = calendar_choice?;
        let beyond = beyond?;
        let mut calendar = match Calendar::builtin(&base, beyond) {
            Ok(c) => c,
            Err(e) => {
                self.push(
                    &Path::Text("calendar"),
                    e.code(),
                    e.issue.message,
                    At::Value,
                );
                return None;
            }
        };
        if !holidays.is_empty() || !workdays.is_empty() {
            match calendar.with_overrides(&holidays, &workdays) {
                Ok(c) => calendar = c,
                Err(e) => {
                    self.push(
                        &Path::Text("calendar"),
                        e.code(),
                        e.issue.message,
                        At::Value,
                    );
                    return None;
                }
            }
        }
        let calendar_info = CalendarInfo {
            id: calendar.id().to_string(),
            version: calendar.data_version().to_string(),
        };
        Some(Policy {
            id: id?,
            version: version?,
            title: title?,
            effective_from,
            effective_until,
            calendar,
            calendar_info,
            cutoff: cutoff?,
            beyond_coverage: beyond,
            fields: fields.into_iter().collect::<Option<Vec<_>>>()?,
            materials: materials.into_iter().collect::<Option<Vec<_>>>()?,
            services: services.into_iter().collect::<Option<Vec<_>>>()?,
            bundles: bundles.into_iter().collect::<Option<Vec<_>>>()?,
            fingerprint_cache: std::sync::OnceLock::new(),
            // Filled in by the caller, which can move the document instead of copying it.
            source: Value::Null,
            locations: None,
        })
    }

    fn effective(&mut self, v: Option<&Value>) -> (Option<Date>, Option<Date>) {
        let Some(v) = v else { return (None, None) };
        let Some(obj) = self.object(v, &Path::Text("effective"), keys::EFFECTIVE, &[]) else {
            return (None, None);
        };
        let from = obj
            .get("from")
            .and_then(|d| self.date(d, &Path::Text("effective.from")));
        let until = obj
            .get("until")
            .and_then(|d| self.date(d, &Path::Text("effective.until")));
        if let (Some(f), Some(u)) = (from, until) {
            if u < f {
                self.push(
                    &Path::Text("effective.until"),
                    Code::BadEffective,
                    m(
                        format!("截止日期 `{u}` 早于起始日期 `{f}`"),
                        format!("`until` `{u}` is before `from` `{f}`"),
                    ),
                    At::Value,
                );
            }
        }
        (from, until)
    }

    fn calendar_id(&mut self, v: &Value, path: &Path<'_>) -> Option<String> {
        let s = self.string(v, path)?;
        if Calendar::builtin_ids().contains(&s) {
            return Some(s.to_string());
        }
        let (hz, he) = hint(s, Calendar::builtin_ids().iter().copied());
        self.push(
            path,
            Code::UnknownCalendar,
            m(
                format!("没有内置日历 `{}`{hz}", shown(v)),
                format!("there is no built-in calendar `{}`{he}", shown(v)),
            ),
            At::Value,
        );
        None
    }

    #[allow(clippy::type_complexity)]
    fn calendar(&mut self, v: Option<&Value>) -> Option<(String, Vec<Date>, Vec<Date>)> {
        let Some(v) = v else {
            return Some(("cn-mainland".to_string(), Vec::new(), Vec::new()));
        };
        if v.is_string() {
            return self
                .calendar_id(v, &Path::Text("calendar"))
                .map(|id| (id, Vec::new(), Vec::new()));
        }
        if !v.is_object() {
            self.mismatch(
                v,
                &Path::Text("calendar"),
                "日历 id 或 `{\"base\": …}` 对象",
                "a calendar id or a `{\"base\": …}` object",
            );
            return None;
        }
        let obj = self.object(v, &Path::Text("calendar"), keys::CALENDAR, &["base"])?;
        let base = obj
            .get("base")
            .and_then(|b| self.calendar_id(b, &Path::Text("calendar.base")));
        let mut lists = [Vec::new(), Vec::new()];
        for (slot, key) in lists.iter_mut().zip(["holidays", "workdays"]) {
            let p = Path::Text("calendar").key(key);
            if let Some(items) = obj
                .get(key)
                .and_then(|l| self.list(l, &p, limits::MAX_LIST_ENTRIES))
            {
                for (i, d) in items.iter().enumerate() {
                    if let Some(d) = self.date(d, &p.index(i)) {
                        slot.push(d);
                    }
                }
            }
        }
        let [holidays, workdays] = lists;
        for (i, d) in workdays.iter().enumerate() {
            if holidays.contains(d) {
                self.bad_value(
                    &Path::Text("calendar.workdays").index(i),
                    format!("`{d}` 同时列为节假日和工作日"),
                    format!("`{d}` is listed both as a holiday and as a workday"),
                    At::Value,
                );
            }
        }
        Some((base?, holidays, workdays))
    }

    // ---- fields ----

    fn field(&mut self, id: &str, v: &Value, path: &Path<'_>) -> Option<Field> {
        let obj = self.object(v, path, keys::FIELD, &["type"])?;
        let ty_name = obj.get("type").and_then(|t| {
            let p = path.key("type");
            let s = self.string(t, &p)?;
            if keys::FIELD_TYPES.contains(&s) {
                Some(s)
            } else {
                let (hz, he) = hint(s, keys::FIELD_TYPES.iter().copied());
                self.bad_value(
                    &p,
                    format!("未知的字段类型 `{}`{hz}", shown(t)),
                    format!("unknown field type `{}`{he}", shown(t)),
                    At::Value,
                );
                None
            }
        });
        if let Some(ty) = ty_name {
            for (key, owner) in keys::FIELD_TYPE_ONLY {
                if obj.contains_key(*key) && *owner != ty {
                    self.push(
                        &path.key(key),
                        Code::UnknownField,
                        m(
                            format!("`{key}` 仅适用于 `{owner}` 类型的字段，不适用于 `{ty}`"),
                            format!("`{key}` applies only to `{owner}` fields, not `{ty}`"),
                        ),
                        At::Key,
                    );
                }
            }
        }
        let label = self.opt_label(obj, path, "label");
        let _description = self.opt_label(obj, path, "description");
        let required = match obj.get("required") {
            None => Some(Requirement::Never),
            Some(r) => self.requirement(r, &path.key("required")),
        };

        let mut values: Vec<String> = Vec::new();
        if ty_name == Some("enum") {
            let p = path.key("values");
            match obj.get("values") {
                None => self.push(
                    &p,
                    Code::MissingField,
                    m("枚举字段缺少 `values`", "an enum field needs `values`"),
                    At::Of(path.render()),
                ),
                Some(list) => {
                    if let Some(items) = self.list(list, &p, limits::MAX_LIST_ENTRIES) {
                        if items.is_empty() {
                            self.bad_value(
                                &p,
                                "`values` 不能为空".to_string(),
                                "`values` must not be empty".to_string(),
                                At::Value,
                            );
                        }
                        for (i, item) in items.iter().enumerate() {
                            let ip = p.index(i);
                            let Some(s) = self.string(item, &ip) else {
                                continue;
                            };
                            if s.is_empty() {
                                self.bad_value(
                                    &ip,
                                    "枚举值不能为空字符串".to_string(),
                                    "an enum value must not be empty".to_string(),
                                    At::Value,
                                );
                            } else if values.iter().any(|x| x == s) {
                                self.bad_value(
                                    &ip,
                                    format!("枚举值 `{}` 重复", shown(item)),
                                    format!("enum value `{}` is listed twice", shown(item)),
                                    At::Value,
                                );
                            } else {
                                values.push(s.to_string());
                            }
                        }
                    }
                }
            }
        }
        let mut value_labels = BTreeMap::new();
        if let Some(vl) = obj.get("value_labels").filter(|_| ty_name == Some("enum")) {
            let p = path.key("value_labels");
            if let Some(map) = vl.as_object() {
                for (k, l) in map {
                    let kp = p.key(k);
                    if k == "$comment" {
                        self.comment(l, &kp);
                        continue;
                    }
                    if !values.iter().any(|x| x == k) {
                        let (hz, he) = hint(k, values.iter().map(String::as_str));
                        self.bad_value(
                            &kp,
                            format!(
                                "`{}` 不在 `values` 中{hz}",
                                shown(&Value::String(k.clone()))
                            ),
                            format!(
                                "`{}` is not one of the `values`{he}",
                                shown(&Value::String(k.clone()))
                            ),
                            At::Key,
                        );
                    }
                    if let Some(l) = self.label(l, &kp) {
                        value_labels.insert(k.clone(), l);
                    }
                }
            } else {
                self.mismatch(vl, &p, "对象", "an object");
            }
        }

        let num = |key: &str, this: &mut Self| -> Option<f64> {
            let v = obj.get(key)?;
            let r = v.as_f64();
            if r.is_none() {
                this.mismatch(v, &path.key(key), "数字", "a number");
            }
            r
        };
        let (min, max) = if ty_name == Some("number") {
            (num("min", self), num("max", self))
        } else {
            (None, None)
        };
        if let (Some(lo), Some(hi)) = (min, max) {
            if lo > hi {
                self.bad_value(
                    &path.key("max"),
                    format!("`max` {hi} 小于 `min` {lo}"),
                    format!("`max` {hi} is less than `min` {lo}"),
                    At::Value,
                );
            }
        }
        let integer = match obj.get("integer").filter(|_| ty_name == Some("number")) {
            Some(b) => self.boolean(b, &path.key("integer")).unwrap_or(false),
            None => false,
        };
        let format = obj
            .get("format")
            .filter(|_| ty_name == Some("string"))
            .and_then(|f| {
                let p = path.key("format");
                let s = self.string(f, &p)?;
                let r = StringFormat::parse(s);
                if r.is_none() {
                    let (hz, he) = hint(s, StringFormat::ALL.iter().map(|(n, _)| *n));
                    self.push(
                        &p,
                        Code::UnknownFormat,
                        m(
                            format!("未知的格式 `{}`{hz}", shown(f)),
                            format!("unknown format `{}`{he}", shown(f)),
                        ),
                        At::Value,
                    );
                }
                r
            });
        let max_length = obj
            .get("max_length")
            .filter(|_| ty_name == Some("string"))
            .and_then(|n| {
                let r = whole(n).and_then(|x| u32::try_from(x).ok());
                if r.is_none() {
                    self.bad_value(
                        &path.key("max_length"),
                        format!("`{}` 不是非负整数", shown(n)),
                        format!("`{}` is not a whole number", shown(n)),
                        At::Value,
                    );
                }
                r
            });

        let ty = match ty_name? {
            "string" => FieldType::String,
            "number" => FieldType::Number,
            "bool" => FieldType::Bool,
            "date" => FieldType::Date,
            _ => FieldType::Enum(values),
        };
        let label = match obj.get("label") {
            Some(_) => Some(label?),
            None => None,
        };
        Some(Field {
            id: id.to_string(),
            ty,
            label,
            value_labels,
            required: required?,
            min,
            max,
            integer,
            format,
            max_length,
        })
    }

    // ---- materials ----

    fn material(&mut self, id: &str, v: &Value, path: &Path<'_>) -> Option<Material> {
        let obj = self.object(v, path, keys::MATERIAL, &["name"])?;
        let name = self.opt_label(obj, path, "name");
        let electronic = obj
            .get("electronic")
            .and_then(|b| self.boolean(b, &path.key("electronic")));
        let commitment = obj
            .get("commitment")
            .and_then(|b| self.boolean(b, &path.key("commitment")));
        let area = match obj.get("area") {
            None => Some(Area::General),
            Some(a) => {
                let p = path.key("area");
                self.string(a, &p).and_then(|s| {
                    let r = Area::parse(s);
                    if r.is_none() {
                        let (hz, he) = hint(s, Area::ALL.iter().map(|(n, _)| *n));
                        self.bad_value(
                            &p,
                            format!("未知的领域 `{}`{hz}", shown(a)),
                            format!("unknown area `{}`{he}", shown(a)),
                            At::Value,
                        );
                    }
                    r
                })
            }
        };
        let description = self.opt_label(obj, path, "description");
        let basis = self.opt_basis(obj, path);
        Some(Material {
            id: id.to_string(),
            name: name?,
            electronic: electronic.unwrap_or(false),
            commitment: commitment.unwrap_or(false),
            area: area?,
            description,
            basis,
        })
    }

    // ---- services ----

    fn service(
        &mut self,
        id: &str,
        v: &Value,
        path: &Path<'_>,
        material_ids: &[&str],
    ) -> Option<Service> {
        let obj = self.object(v, path, keys::SERVICE, &["name", "stages"])?;
        let before = self.issues.len();
        let name = self.opt_label(obj, path, "name");
        let department = self.opt_label(obj, path, "department");
        let applies_if = obj
            .get("applies_if")
            .and_then(|c| self.cond(c, &path.key("applies_if")));

        let mut rejects = Vec::new();
        let rejects_path = path.key("rejects");
        if let Some(items) = obj
            .get("rejects")
            .and_then(|l| self.list(l, &rejects_path, limits::MAX_LIST_ENTRIES))
        {
            for (i, item) in items.iter().enumerate() {
                let p = rejects_path.index(i);
                let Some(r) = self.object(item, &p, keys::REJECT, &["when", "reason"]) else {
                    continue;
                };
                let when = r.get("when").and_then(|c| self.cond(c, &p.key("when")));
                let reason = self.opt_label(r, &p, "reason");
                let basis = self.opt_basis(r, &p);
                if let (Some(when), Some(reason)) = (when, reason) {
                    rejects.push(Reject {
                        when,
                        reason,
                        basis,
                    });
                }
            }
        }

        let mut reqs = Vec::new();
        let materials_path = path.key("materials");
        if let Some(items) = obj
            .get("materials")
            .and_then(|l| self.list(l, &materials_path, limits::MAX_LIST_ENTRIES))
        {
            let mut seen: Vec<(&str, usize)> = Vec::new();
            for (i, item) in items.iter().enumerate() {
                let p = materials_path.index(i);
                let Some(e) = self.object(item, &p, keys::MATERIAL_ENTRY, &["ref", "required"])
                else {
                    continue;
                };
                let material = e.get("ref").and_then(|r| {
                    let rp = p.key("ref");
                    let s = self.string(r, &rp)?;
                    if let Some((_, first)) = seen.iter().find(|(x, _)| *x == s) {
                        self.push(
                            &rp,
                            Code::DuplicateId,
                            m(
                                format!("材料 `{}` 已在本事项的 `materials[{first}]` 中列出", shown(r)),
                                format!(
                                    "material `{}` is already listed in this service at `materials[{first}]`",
                                    shown(r)
                                ),
                            ),
                            At::Value,
                        );
                        return None;
                    }
                    seen.push((s, i));
                    match material_ids.binary_search(&s) {
                        Ok(ix) => Some(ix),
                        Err(_) => {
                            let (hz, he) = hint(s, material_ids.iter().copied());
                            self.push(
                                &rp,
                                Code::UnknownMaterial,
                                m(
                                    format!("材料目录中没有 `{}`{hz}", shown(r)),
                                    format!("there is no material `{}` in the catalogue{he}", shown(r)),
                                ),
                                At::Value,
                            );
                            None
                        }
                    }
                });
                let required = e
                    .get("required")
                    .and_then(|r| self.requirement(r, &p.key("required")));
                let tolerable = e.get("tolerable").and_then(|t| {
                    let tp = p.key("tolerable");
                    let to = self.object(t, &tp, keys::TOLERABLE, &["supplement_within"])?;
                    to.get("supplement_within")
                        .and_then(|s| self.period(s, &tp.key("supplement_within")))
                });
                let basis = self.opt_basis(e, &p);
                if let (Some(material), Some(required)) = (material, required) {
                    reqs.push(MaterialReq {
                        material,
                        required,
                        tolerable,
                        basis,
                    });
                }
            }
        }

        let tolerance = obj.get("tolerance").and_then(|t| {
            let tp = path.key("tolerance");
            let to = self.object(t, &tp, keys::TOLERANCE, &[])?;
            let max_missing = to.get("max_missing").and_then(|n| {
                let r = whole(n).and_then(|x| u32::try_from(x).ok());
                if r.is_none() {
                    self.bad_value(
                        &tp.key("max_missing"),
                        format!("`{}` 不是非负整数", shown(n)),
                        format!("`{}` is not a whole number", shown(n)),
                        At::Value,
                    );
                }
                r
            });
            let excluded_if = to
                .get("excluded_if")
                .and_then(|c| self.cond(c, &tp.key("excluded_if")));
            let basis = self.opt_basis(to, &tp);
            Some(Tolerance {
                max_missing,
                excluded_if,
                basis,
            })
        });

        let (stages, stage_order) = match obj.get("stages") {
            Some(s) => self.stages(s, &path.key("stages")),
            None => (Vec::new(), Vec::new()),
        };
        let promise = obj
            .get("promise")
            .and_then(|p| self.period(p, &path.key("promise")));
        let legal = obj
            .get("legal")
            .and_then(|p| self.period(p, &path.key("legal")));
        let basis = self.opt_basis(obj, path);
        if self.issues.len() > before {
            return None;
        }
        Some(Service {
            id: id.to_string(),
            name: name?,
            department,
            applies_if,
            rejects,
            materials: reqs,
            tolerance,
            stages,
            stage_order,
            promise,
            legal,
            basis,
        })
    }

    fn stages(&mut self, v: &Value, path: &Path<'_>) -> (Vec<Stage>, Vec<usize>) {
        let Some(items) = self.list(v, path, limits::MAX_STAGES_PER_SERVICE) else {
            return (Vec::new(), Vec::new());
        };
        let before = self.issues.len();
        // Ids first, so `after` can name a later stage.
        let mut ids: Vec<Option<&str>> = Vec::new();
        for (i, item) in items.iter().enumerate() {
            let p = path.index(i);
            let id = item.as_object().and_then(|o| o.get("id")).and_then(|idv| {
                let ip = p.key("id");
                let s = self.string(idv, &ip)?;
                if !valid_id(s, IdKind::Other) {
                    self.bad_id(s, &ip, IdKind::Other, At::Value);
                    return None;
                }
                if let Some(first) = ids.iter().position(|x| *x == Some(s)) {
                    self.push(
                        &ip,
                        Code::DuplicateId,
                        m(
                            format!("阶段 id `{}` 与 `stages[{first}]` 重复", shown(idv)),
                            format!(
                                "stage id `{}` is already used by `stages[{first}]`",
                                shown(idv)
                            ),
                        ),
                        At::Value,
                    );
                    return None;
                }
                Some(s)
            });
            ids.push(id);
        }
        let known: Vec<&str> = ids.iter().flatten().copied().collect();
        let mut stages = Vec::new();
        for (i, item) in items.iter().enumerate() {
            let p = path.index(i);
            let Some(obj) = self.object(item, &p, keys::STAGE, &["id", "limit"]) else {
                continue;
            };
            let name = self.opt_label(obj, &p, "name");
            let mut after = Vec::new();
            let after_path = p.key("after");
            if let Some(list) = obj
                .get("after")
                .and_then(|a| self.list(a, &after_path, limits::MAX_LIST_ENTRIES))
            {
                for (j, a) in list.iter().enumerate() {
                    let ap = after_path.index(j);
                    let Some(s) = self.string(a, &ap) else {
                        continue;
                    };
                    match ids.iter().position(|x| *x == Some(s)) {
                        Some(ix) => {
                            if !after.contains(&ix) {
                                after.push(ix);
                            }
                        }
                        None => {
                            let (hz, he) = hint(s, known.iter().copied());
                            self.push(
                                &ap,
                                Code::UnknownStage,
                                m(
                                    format!("本事项没有阶段 `{}`{hz}", shown(a)),
                                    format!("there is no stage `{}` in this service{he}", shown(a)),
                                ),
                                At::Value,
                            );
                        }
                    }
                }
            }
            let limit = obj
                .get("limit")
                .and_then(|l| self.period(l, &p.key("limit")));
            let mut limit_if = Vec::new();
            let limit_if_path = p.key("limit_if");
            if let Some(list) = obj
                .get("limit_if")
                .and_then(|a| self.list(a, &limit_if_path, limits::MAX_LIST_ENTRIES))
            {
                for (j, item) in list.iter().enumerate() {
                    let lp = limit_if_path.index(j);
                    let Some(o) = self.object(item, &lp, keys::LIMIT_IF, &["when", "limit"]) else {
                        continue;
                    };
                    let when = o.get("when").and_then(|c| self.cond(c, &lp.key("when")));
                    let lim = o
                        .get("limit")
                        .and_then(|l| self.period(l, &lp.key("limit")));
                    if let (Some(when), Some(limit)) = (when, lim) {
                        limit_if.push(LimitIf { when, limit });
                    }
                }
            }
            let mut pauses = Vec::new();
            let pauses_path = p.key("pauses");
            if let Some(list) = obj
                .get("pauses")
                .and_then(|a| self.list(a, &pauses_path, limits::MAX_LIST_ENTRIES))
            {
                for (j, item) in list.iter().enumerate() {
                    let pp = pauses_path.index(j);
                    if let Some(pause) = self.pause(item, &pp) {
                        pauses.push(pause);
                    }
                }
            }
            let basis = self.opt_basis(obj, &p);
            if let (Some(id), Some(limit)) = (ids.get(i).copied().flatten(), limit) {
                stages.push(Stage {
                    id: id.to_string(),
                    name,
                    after,
                    limit,
                    limit_if,
                    pauses,
                    basis,
                });
            }
        }
        if self.issues.len() > before || stages.len() != items.len() {
            return (Vec::new(), Vec::new());
        }
        match topo_order(&stages) {
            Ok(order) => (stages, order),
            Err(cycles) => {
                for cycle in cycles {
                    let names: Vec<String> = cycle
                        .iter()
                        .chain(cycle.first())
                        .filter_map(|i| stages.get(*i))
                        .map(|s| format!("`{}`", s.id))
                        .collect();
                    let chain = names.join(" → ");
                    let first = cycle.first().copied().unwrap_or(0);
                    self.push(
                        &path.index(first).key("after"),
                        Code::StageCycle,
                        m(
                            format!("阶段循环等待：{chain}（每个阶段都在等待下一个）"),
                            format!("stages wait for each other in a cycle: {chain} (each waits for the next)"),
                        ),
                        At::Value,
                    );
                }
                (Vec::new(), Vec::new())
            }
        }
    }

    fn pause(&mut self, v: &Value, path: &Path<'_>) -> Option<StagePause> {
        let obj = self.object(v, path, keys::PAUSE, &["name"])?;
        let name = self.opt_label(obj, path, "name");
        let nd = obj.get("natural_days");
        let wd = obj.get("working_days");
        let len = match (nd, wd) {
            (Some(n), None) | (None, Some(n)) => {
                let unit = if nd.is_some() {
                    "natural_days"
                } else {
                    "working_days"
                };
                let count = whole(n)
                    .filter(|c| *c <= 36_500)
                    .and_then(|c| u32::try_from(c).ok());
                match count {
                    Some(c) if unit == "natural_days" => Some(PauseLen::NaturalDays(c)),
                    Some(c) => Some(PauseLen::WorkingDays(c)),
                    None => {
                        self.push(
                            &path.key(unit),
                            Code::BadLimit,
                            m(
                                format!("`{}` 不是 0 到 36500 之间的整数", shown(n)),
                                format!("`{}` is not a whole number from 0 to 36500", shown(n)),
                            ),
                            At::Value,
                        );
                        None
                    }
                }
            }
            _ => {
                self.push(
                    path,
                    Code::BadLimit,
                    m(
                        "中止时长应恰为 `natural_days` 或 `working_days` 之一",
                        "a pause has exactly one of `natural_days` or `working_days`",
                    ),
                    At::Value,
                );
                None
            }
        };
        let when = obj
            .get("when")
            .and_then(|c| self.cond(c, &path.key("when")));
        let basis = self.opt_basis(obj, path);
        Some(StagePause {
            name: name?,
            len: len?,
            when,
            basis,
        })
    }

    // ---- bundles ----

    fn bundle(
        &mut self,
        id: &str,
        v: &Value,
        path: &Path<'_>,
        service_ids: &[&str],
    ) -> Option<Bundle> {
        if service_ids.binary_search(&id).is_ok() {
            self.push(
                path,
                Code::DuplicateId,
                m(
                    format!("联办 id `{id}` 与同名事项冲突（事项和联办共用一个 id 空间）"),
                    format!("bundle id `{id}` is also a service id (services and bundles share one namespace)"),
                ),
                At::Key,
            );
        }
        let obj = self.object(v, path, keys::BUNDLE, &["name", "services"])?;
        let before = self.issues.len();
        let name = self.opt_label(obj, path, "name");
        let mut services = Vec::new();
        if let Some(list) = obj
            .get("services")
            .and_then(|l| self.list(l, &path.key("services"), limits::MAX_LIST_ENTRIES))
        {
            let sp = path.key("services");
            if list.is_empty() {
                self.bad_value(
                    &sp,
                    "联办至少需要一个事项".to_string(),
                    "a bundle needs at least one service".to_string(),
                    At::Value,
                );
            }
            for (i, s) in list.iter().enumerate() {
                let ip = sp.index(i);
                let Some(sid) = self.string(s, &ip) else {
                    continue;
                };
                match service_ids.binary_search(&sid) {
                    Ok(ix) => {
                        // A repeat is a lint finding (`duplicate_service`); it is ignored here.
                        if !services.contains(&ix) {
                            services.push(ix);
                        }
                    }
                    Err(_) => {
                        let (hz, he) = hint(sid, service_ids.iter().copied());
                        self.push(
                            &ip,
                            Code::UnknownService,
                            m(
                                format!("没有事项 `{}`{hz}", shown(s)),
                                format!("there is no service `{}`{he}", shown(s)),
                            ),
                            At::Value,
                        );
                    }
                }
            }
        }
        let phase = |key: &str, this: &mut Self| -> Option<Phase> {
            let pv = obj.get(key)?;
            let pp = path.key(key);
            let po = this.object(pv, &pp, keys::PHASE, &["limit"])?;
            let limit = po
                .get("limit")
                .and_then(|l| this.period(l, &pp.key("limit")));
            let name = this.opt_label(po, &pp, "name");
            Some(Phase {
                name,
                limit: limit?,
            })
        };
        let intake = phase("intake", self);
        let finish = phase("finish", self);
        let promise = obj
            .get("promise")
            .and_then(|p| self.period(p, &path.key("promise")));
        let legal = obj
            .get("legal")
            .and_then(|p| self.period(p, &path.key("legal")));
        let basis = self.opt_basis(obj, path);
        if self.issues.len() > before {
            return None;
        }
        Some(Bundle {
            id: id.to_string(),
            name: name?,
            services,
            intake,
            finish,
            promise,
            legal,
            basis,
        })
    }
}

/// A topological order of the stages (smallest policy index first among the ready ones), or
/// the cycles that prevent one, each as stage indices starting with the smallest.
pub(crate) fn topo_order(stages: &[Stage]) -> Result<Vec<usize>, Vec<Vec<usize>>> {
    let n = stages.len();
    let mut indegree: Vec<usize> = stages.iter().map(|s| s.after.len()).collect();
    let mut done = vec![false; n];
    let mut order = Vec::with_capacity(n);
    loop {
        let next = (0..n).find(|&i| {
            !done.get(i).copied().unwrap_or(true) && indegree.get(i).copied() == Some(0)
        });
        let Some(i) = next else { break };
        if let Some(d) = done.get_mut(i) {
            *d = true;
        }
        order.push(i);
        for (j, s) in stages.iter().enumerate() {
            if s.after.contains(&i) {
                if let Some(d) = indegree.get_mut(j) {
                    *d = d.saturating_sub(1);
                }
            }
        }
    }
    if order.len() == n {
        return Ok(order);
    }
    // Every remaining stage waits for at least one remaining stage: following those edges
    // from any of them must come back to a stage already on the walk.
    let mut cycles = Vec::new();
    let mut seen = done.clone();
    for startix in 0..n {
        if seen.get(startix).copied().unwrap_or(true) {
            continue;
        }
        let mut walk: Vec<usize> = Vec::new();
        let mut u = startix;
        loop {
            if let Some(pos) = walk.iter().position(|&w| w == u) {
                let mut cycle: Vec<usize> = walk.get(pos..).unwrap_or(&[]).to_vec();
                if let Some(min_pos) = cycle
                    .iter()
                    .enumerate()
                    .min_by_key(|(_, v)| **v)
                    .map(|(p, _)| p)
                {
                    cycle.rotate_left(min_pos);
                }
                cycles.push(cycle);
                break;
            }
            if seen.get(u).copied().unwrap_or(true) {
                break;
            }
            walk.push(u);
            let next = stages
                .get(u)
                .and_then(|s| {
                    s.after
                        .iter()
                        .find(|&&p| !done.get(p).copied().unwrap_or(true))
                })
                .copied();
            match next {
                Some(p) => u = p,
                None => break,
            }
        }
        for w in walk {
            if let Some(s) = seen.get_mut(w) {
                *s = true;
            }
        }
    }
    Err(cycles)
}

fn depth_exceeds(doc: &Value, max: usize) -> bool {
    if !(doc.is_array() || doc.is_object()) {
        return false;
    }
    let mut stack: Vec<(&Value, usize)> = vec![(doc, 0)];
    // Containers only go on the stack (no boxed iterator per node: this runs on every load).
    while let Some((v, d)) = stack.pop() {
        if d + 1 > max {
            return true;
        }
        let containers = |c: &&Value| c.is_array() || c.is_object();
        match v {
            Value::Array(a) => stack.extend(a.iter().filter(containers).map(|c| (c, d + 1))),
            Value::Object(o) => stack.extend(o.values().filter(containers).map(|c| (c, d + 1))),
            _ => {}
        }
    }
    false
}

fn too_deep_issue(at: At) -> Issue {
    Issue {
        path: String::new(),
        code: Code::TooDeep,
        message: m(
            format!("JSON 嵌套超过 {} 层", limits::MAX_JSON_DEPTH),
            format!(
                "the JSON nests deeper than {} levels",
                limits::MAX_JSON_DEPTH
            ),
        ),
        at,
    }
}

/// Validate a parsed document and build the policy, or return every issue found.
pub(crate) fn validate(doc: &Value) -> Result<Policy, Vec<Issue>> {
    let mut p = build(doc, true)?;
    p.source = doc.clone();
    Ok(p)
}

/// [`validate`] without setting `Policy::source` (left `Null`); the nesting depth is checked
/// when `check_depth` (the caller has not checked it).
fn build(doc: &Value, check_depth: bool) -> Result<Policy, Vec<Issue>> {
    if check_depth && depth_exceeds(doc, limits::MAX_JSON_DEPTH) {
        return Err(vec![too_deep_issue(At::Value)]);
    }
    let mut cx = Ctx {
        issues: Vec::new(),
        schema: FieldSchema::default(),
    };
    match cx.top(doc) {
        Some(p) if cx.issues.is_empty() => Ok(p),
        _ => {
            if cx.issues.is_empty() {
                cx.push(
                    &Path::ROOT,
                    Code::BadValue,
                    m("策略无法加载", "the policy cannot be loaded"),
                    At::Value,
                );
            }
            Err(cx.issues)
        }
    }
}

pub(crate) fn from_json(text: &str) -> Result<Policy, Vec<Diagnostic>> {
    let at_start = |issue: Issue| finish(vec![issue], Some((text, &Locations::default())));
    if text.len() > limits::MAX_POLICY_BYTES {
        return Err(at_start(Issue {
            path: String::new(),
            code: Code::TooLarge,
            message: m(
                format!(
                    "策略文档有 {} 字节，超过上限 {} 字节",
                    text.len(),
                    limits::MAX_POLICY_BYTES
                ),
                format!(
                    "the policy has {} bytes, more than the limit of {} bytes",
                    text.len(),
                    limits::MAX_POLICY_BYTES
                ),
            ),
            at: At::Pos(Pos::START),
        }));
    }
    // One parse notes repeated keys (serde_json keeps the last one silently) and stops at
    // the first container nested too deeply; the text is scanned only on the error path.
    let notes = parse::Notes::default();
    let doc: Value = match parse::parse(text, limits::MAX_JSON_DEPTH, &notes) {
        Ok(v) => v,
        Err(e) => {
            // Too deep wins over a syntax error anywhere, as when the depth is checked first.
            if let Some(pos) = locate::too_deep(text, limits::MAX_JSON_DEPTH) {
                return Err(at_start(too_deep_issue(At::Pos(pos))));
            }
            if notes.too_deep.get() {
                return Err(at_start(too_deep_issue(At::Pos(Pos::START))));
            }
            let pos = locate::from_serde_position(text, e.line(), e.column());
            let detail = e.to_string();
            // serde_json appends " at line L column C" (byte column); positions are ours.
            let detail = match detail.rfind(" at line ") {
                Some(i) => detail.get(..i).unwrap_or(&detail).to_string(),
                None => detail,
            };
            return Err(at_start(Issue {
                path: String::new(),
                code: Code::InvalidJson,
                message: m(
                    format!("不是有效的 JSON：{detail}"),
                    format!("the text is not valid JSON: {detail}"),
                ),
                at: At::Pos(pos),
            }));
        }
    };
    // The full position scan is needed only to report issues (and by lint, lazily). The depth
    // was checked while parsing, except inside a raw-value object (see `parse`).
    let duplicates = notes.duplicate_key.get();
    match build(&doc, notes.raw_value.get()) {
        Ok(mut p) if !duplicates => {
            p.source = doc;
            p.locations = Some(Arc::new(LazyLocations::new(text)));
            Ok(p)
        }
        Ok(_) => Err(issues_at(Vec::new(), text)),
        Err(issues) => Err(issues_at(issues, text)),
    }
}

/// `issues` and the text's duplicate keys, located in `text`.
fn issues_at(mut issues: Vec<Issue>, text: &str) -> Vec<Diagnostic> {
    let locs = locate::scan(text);
    let mut dup_issues: Vec<Issue> = locs
        .duplicates
        .iter()
        .map(|(path, key, pos)| {
            let key = shown(&Value::String(key.clone()));
            Issue {
                path: path.clone(),
                code: Code::DuplicateKey,
                message: m(
                    format!("键 `{key}` 在同一对象中出现两次（只有最后一个有效）"),
                    format!(
                        "the key `{key}` appears twice in one object (only the last one counts)"
                    ),
                ),
                at: At::Pos(*pos),
            }
        })
        .collect();
    issues.append(&mut dup_issues);
    finish(issues, Some((text, &locs)))
}

pub(crate) fn from_value(doc: &Value) -> Result<Policy, Vec<Diagnostic>> {
    validate(doc).map_err(|issues| finish(issues, None))
}
