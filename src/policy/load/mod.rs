//! Loading: a hand-written walker over the parsed `serde_json::Value` that collects EVERY
//! problem (serde derive would stop at the first), resolves every reference, compiles every
//! condition, and builds the validated model only when nothing is wrong.
//!
//! Issues carry a path and a hint of where to point (`At`); `from_json` turns that into line
//! and column through [`crate::text::locate::Locations`], `from_value` leaves positions empty.

use std::collections::BTreeMap;
use std::sync::Arc;

use serde_json::{Map, Value};

use super::keys;
use super::model::*;
use super::parse;
use crate::text::locate::{self, LazyLocations, Locations, Path, Pos};
use crate::text::suggest::did_you_mean;

mod acknowledged;
mod bundles;
mod clock;
mod ctx;
mod fields;
mod graph;
mod services;
mod top;

use crate::calendar::{BeyondCoverage, Calendar, Period, TimeOfDay};
use crate::date::Date;
use crate::diag::{sort_diagnostics, Code, Diagnostic, Message};
use crate::expr::{self, FieldType, Schema};
use crate::limits;
use ctx::Ctx;
pub(crate) use graph::topo_order;

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
    /// The did-you-mean, apart from the message.
    pub help: Option<Message>,
}

/// Turn issues into diagnostics, located in `text` when given, sorted deterministically.
pub(crate) fn finish(mut issues: Vec<Issue>, text: Option<(&str, &Locations)>) -> Vec<Diagnostic> {
    let mut out: Vec<Diagnostic> = issues
        .drain(..)
        .map(|i| {
            let mut d = Diagnostic::error(i.path.clone(), i.code, i.message).with_help(i.help);
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
pub(super) fn m(zh: impl Into<String>, en: impl Into<String>) -> Message {
    Message::new(zh, en)
}

pub(super) fn kind(v: &Value) -> (&'static str, &'static str) {
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
pub(super) fn shown(v: &Value) -> String {
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
pub(super) fn whole(v: &Value) -> Option<u64> {
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
pub(super) enum IdKind {
    Field,
    Other,
}

pub(super) fn valid_id(s: &str, kind: IdKind) -> bool {
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

pub(super) fn valid_locale(s: &str) -> bool {
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

/// The form as conditions see it: fields sorted by id, index = position; and the material
/// catalogue's ids, sorted, index = position (for `provided(m)` and the other status tests).
#[derive(Default)]
pub(crate) struct FieldSchema {
    names: Vec<String>,
    types: Vec<FieldType>,
    materials: Vec<String>,
}

impl Schema for FieldSchema {
    fn lookup(&self, name: &str) -> Option<(usize, &FieldType)> {
        let i = self.names.binary_search_by(|n| n.as_str().cmp(name)).ok()?;
        self.types.get(i).map(|t| (i, t))
    }
    fn names(&self) -> Vec<&str> {
        self.names.iter().map(String::as_str).collect()
    }
    fn material(&self, id: &str) -> Option<usize> {
        self.materials.binary_search_by(|n| n.as_str().cmp(id)).ok()
    }
    fn material_names(&self) -> Vec<&str> {
        self.materials.iter().map(String::as_str).collect()
    }
}

pub(super) fn field_type(v: &Value) -> Option<FieldType> {
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
        help: None,
    }
}

/// Validate a parsed document and build the policy, or return every issue found.
pub(crate) fn validate(doc: &Value) -> Result<Policy, Vec<Issue>> {
    let mut p = build(doc, true)?;
    // The compact text (maps sorted by key) parses back to exactly `doc`.
    p.doc = Arc::new(LazyLocations::new(
        &serde_json::to_string(doc).unwrap_or_default(),
    ));
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
            help: None,
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
                    format!("不是有效的 JSON：{}", json_detail_zh(&detail)),
                    format!("the text is not valid JSON: {detail}"),
                ),
                at: At::Pos(pos),
                help: None,
            }));
        }
    };
    // The full position scan is needed only to report issues (and by lint, lazily). The depth
    // was checked while parsing, except inside a raw-value object (see `parse`).
    let duplicates = notes.duplicate_key.get();
    match build(&doc, notes.raw_value.get()) {
        Ok(mut p) if !duplicates => {
            p.field_order = field_order(&p, &notes.field_order.borrow());
            drop(doc);
            p.doc = Arc::new(LazyLocations::new(text));
            p.positions = true;
            Ok(p)
        }
        Ok(_) => Err(issues_at(Vec::new(), text)),
        Err(issues) => Err(issues_at(issues, text)),
    }
}

/// serde_json's description of a syntax error, in Chinese where it is a common one (the
/// English text otherwise).
pub(crate) fn json_detail_zh(detail: &str) -> String {
    const KNOWN: &[(&str, &str)] = &[
        ("trailing comma", "多余的尾随逗号"),
        ("trailing characters", "JSON 之后还有多余的字符"),
        ("EOF while parsing a value", "文本意外结束，缺少一个值"),
        ("EOF while parsing an object", "文本意外结束，对象缺少 `}`"),
        ("EOF while parsing a list", "文本意外结束，列表缺少 `]`"),
        (
            "EOF while parsing a string",
            "文本意外结束，字符串缺少结尾的引号",
        ),
        ("expected value", "此处应为一个值"),
        ("expected `,` or `}`", "此处应为 `,` 或 `}`"),
        ("expected `,` or `]`", "此处应为 `,` 或 `]`"),
        ("expected `:`", "此处应为 `:`"),
        (
            "expected ident",
            "无法识别的字面量（应为 true、false 或 null）",
        ),
        ("key must be a string", "键必须是带双引号的字符串"),
        ("invalid escape", "无效的转义序列"),
        ("invalid number", "无效的数字"),
        ("number out of range", "数字超出范围"),
        (
            "control character (\\u0000-\\u001F) found while parsing a string",
            "字符串中有未转义的控制字符",
        ),
    ];
    KNOWN
        .iter()
        .find(|(en, _)| *en == detail)
        .map_or_else(|| detail.to_string(), |(_, zh)| (*zh).to_string())
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
                    format!("键 `{key}` 在同一对象中出现两次，请只保留一个"),
                    format!("the key `{key}` appears twice in one object; keep only one"),
                ),
                at: At::Pos(*pos),
                help: None,
            }
        })
        .collect();
    issues.append(&mut dup_issues);
    finish(issues, Some((text, &locs)))
}

/// The policy's field indices in the order `ids` lists them (the text's order), then any
/// field `ids` leaves out, by id.
fn field_order(p: &Policy, ids: &[String]) -> Vec<usize> {
    let mut seen = vec![false; p.fields.len()];
    let mut out = Vec::with_capacity(p.fields.len());
    for i in ids.iter().filter_map(|id| p.field_index(id)) {
        if let Some(s) = seen.get_mut(i).filter(|s| !**s) {
            *s = true;
            out.push(i);
        }
    }
    out.extend((0..p.fields.len()).filter(|&i| !seen.get(i).copied().unwrap_or(true)));
    out
}

/// Load from the JSON text of a JS object (`Policy.fromObject`): like [`from_value`] (no
/// positions), but the field order is the object's key order, as in [`from_json`].
pub(crate) fn from_object_text(text: &str) -> Result<Policy, Vec<Diagnostic>> {
    let notes = parse::Notes::default();
    let doc = match parse::parse(text, limits::MAX_JSON_DEPTH, &notes) {
        Ok(v) => v,
        Err(e) => {
            let issue = if notes.too_deep.get() {
                too_deep_issue(At::Value)
            } else {
                Issue {
                    path: String::new(),
                    code: Code::InvalidJson,
                    message: m(
                        format!("策略不是合法的 JSON：{e}"),
                        format!("the policy is not valid JSON: {e}"),
                    ),
                    at: At::Value,
                    help: None,
                }
            };
            return Err(finish(vec![issue], None));
        }
    };
    let mut p = validate(&doc).map_err(|issues| finish(issues, None))?;
    p.field_order = field_order(&p, &notes.field_order.borrow());
    drop(doc);
    // The text stays for the fingerprint; an object has no lines and columns to report.
    p.doc = Arc::new(LazyLocations::new(text));
    p.positions = false;
    Ok(p)
}

pub(crate) fn from_value(doc: &Value) -> Result<Policy, Vec<Diagnostic>> {
    validate(doc).map_err(|issues| finish(issues, None))
}
