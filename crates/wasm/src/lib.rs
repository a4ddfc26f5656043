//! The JS binding: the only crate that names wasm_bindgen. It converts values (JS object ⇄ JSON
//! text, which keeps outputs byte-identical with native) and errors (into `Error`s with `name`,
//! `code` and `issues`), and calls `api`. No logic lives here.

#![cfg(target_arch = "wasm32")]

mod compact;
// The authoring bindings (lint, runCases, diff, builtinSource, guide, guideHtml): left out of
// the portal module (`--no-default-features`), so LTO drops lint, cases, diff and guide code.
#[cfg(feature = "authoring")]
mod guide;
mod memory;
#[cfg(feature = "authoring")]
mod tools;

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::Arc;

use js_sys::{Array, JsString, Reflect, JSON};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use intake_rules::api::{self, Error};
use intake_rules::calendar::{Calendar, CalendarError};
use intake_rules::diag::{Code, Diagnostic, Message};
use intake_rules::engine::policy_set::PolicySet;
use intake_rules::engine::request::RequestError;
use intake_rules::limits;
use intake_rules::policy::{Policy, PolicyError};

// The TypeScript types of both modules' values: the output types generated from the core's
// Rust types (`make types`), the policy document generated from its JSON Schema, and the other
// inputs (checked against the Rust readers' keys by the core's tests/ts_types.rs).
#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = include_str!("../../../js/generated/types.d.ts");
#[wasm_bindgen(typescript_custom_section)]
const TS_POLICY_DOCUMENT: &'static str = include_str!("../../../js/generated/policy-document.d.ts");
#[wasm_bindgen(typescript_custom_section)]
const TS_INPUTS: &'static str = include_str!("../../../js/inputs.d.ts");

// Object arguments are read to JSON text here (see the file): with a size budget counted while
// reading, and NaN / Infinity, lone surrogates, BigInt and excessive nesting reported at their
// path in the caller's object.
#[wasm_bindgen(module = "/js/checked_json.js")]
extern "C" {
    fn checked_stringify(value: &JsValue, max: f64, max_depth: u32) -> JsValue;
    fn fast_stringify(value: &JsValue, max: f64, max_depth: u32) -> JsValue;
}

/// serde_json's nesting limit: deeper JSON cannot be read at all.
const MAX_DEPTH: u32 = 128;

fn js_error(name: &str, code: &str, message: &str, issues_json: &str) -> JsValue {
    let e = js_sys::Error::new(message);
    e.set_name(name);
    let issues = JSON::parse(issues_json).unwrap_or_else(|_| Array::new().into());
    // Setting properties on a fresh Error object cannot fail.
    let _ = Reflect::set(&e, &"code".into(), &code.into());
    let _ = Reflect::set(&e, &"issues".into(), &issues);
    e.into()
}

pub(crate) fn throw(e: Error) -> JsValue {
    js_error(
        e.name(),
        e.code().as_str(),
        &e.to_string(),
        &e.issues_json(),
    )
}

/// Which error an argument's problem is thrown as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Policy,
    Request,
    Calendar,
}

/// The error of `kind` with the one issue `d`.
fn error_of(kind: Kind, d: Diagnostic) -> Error {
    match kind {
        Kind::Policy => Error::Policy(PolicyError { issues: vec![d] }),
        Kind::Request => Error::Request(RequestError { issues: vec![d] }),
        Kind::Calendar => Error::Calendar(CalendarError { issue: d }),
    }
}

/// `type_mismatch`, or `bad_request` for a request (an argument JSON cannot represent).
fn mismatch(kind: Kind) -> Code {
    if kind == Kind::Request {
        Code::BadRequest
    } else {
        Code::TypeMismatch
    }
}

pub(crate) fn fail(kind: Kind, path: &str, code: Code, zh: String, en: String) -> JsValue {
    throw(error_of(
        kind,
        Diagnostic::error(path, code, Message::new(zh, en)),
    ))
}

/// An object argument: its name, the error it is thrown as, its size budget (the limit of the
/// text it becomes), the path its issues are under, and the memory its operation needs per
/// byte of text.
pub(crate) struct Arg {
    pub name: &'static str,
    pub kind: Kind,
    pub max: usize,
    pub base: &'static str,
    /// Requests take the fast path (plain `JSON.stringify`, checked again only when needed).
    pub fast: bool,
    /// Estimated memory the operation needs per byte of the text, beyond a fixed 256 KiB.
    pub work: usize,
}

pub(crate) const REQUEST: Arg = Arg {
    name: "request",
    kind: Kind::Request,
    max: intake_rules::engine::request::MAX_REQUEST_BYTES,
    base: "",
    fast: true,
    work: 8,
};
const POLICY_DOC: Arg = Arg {
    name: "doc",
    kind: Kind::Policy,
    max: limits::MAX_POLICY_BYTES,
    base: "",
    fast: false,
    work: 24,
};
const SET_DOC: Arg = Arg {
    max: limits::MAX_POLICY_SET_BYTES,
    ..POLICY_DOC
};
const fn calendar_arg(name: &'static str, base: &'static str) -> Arg {
    Arg {
        name,
        kind: Kind::Calendar,
        max: limits::MAX_CALENDAR_ARG_BYTES,
        base,
        fast: false,
        work: 8,
    }
}

/// Fixed memory every checked operation may need besides its input (the output, a calendar
/// table).
const BASE_NEED: usize = 256 * 1024;

/// `too_large` before an operation that needs about `need` bytes more than the module's
/// ceiling allows (see `memory.rs`).
pub(crate) fn budget(kind: Kind, name: &str, need: usize) -> Result<(), JsValue> {
    let need = need.saturating_add(BASE_NEED);
    memory::check(need).map_err(|(used, ceiling)| {
        fail(
            kind,
            name,
            Code::TooLarge,
            format!(
                "模块内存将超过上限：已用 {used} 字节，本次约需 {need} 字节，上限 {ceiling} 字节；请对不再使用的对象调用 free()，或用 setMemoryLimit() 提高上限"
            ),
            format!(
                "the module's memory would pass its limit: {used} bytes in use, about {need} more needed, limit {ceiling} bytes; free() objects no longer in use, or raise the limit with setMemoryLimit()"
            ),
        )
    })
}

/// `too_large` for argument `name`, reported at `path` (relative, as the core's paths are:
/// `""` for a whole request or document).
fn too_large(kind: Kind, path: &str, name: &str, max: usize) -> JsValue {
    fail(
        kind,
        path,
        Code::TooLarge,
        format!("`{name}` 超过 {max} 字节的上限"),
        format!("`{name}` is larger than the limit of {max} bytes"),
    )
}

fn join(base: &str, path: &str) -> String {
    match (base.is_empty(), path.is_empty()) {
        (true, _) => path.to_string(),
        (false, true) => base.to_string(),
        (false, false) if path.starts_with('[') => format!("{base}{path}"),
        (false, false) => format!("{base}.{path}"),
    }
}

/// The error for a problem `checked_stringify` reported (`{code, path, detail}`).
fn problem_error(arg: &Arg, problem: &JsValue) -> JsValue {
    let get = |k: &str| {
        Reflect::get(problem, &k.into())
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default()
    };
    let (code, path, detail) = (get("code"), join(arg.base, &get("path")), get("detail"));
    let name = arg.name;
    let shown = if path.is_empty() { name } else { &path };
    let (code, zh, en) = match code.as_str() {
        "too_large" => return too_large(arg.kind, arg.base, name, arg.max),
        "non_finite_number" => (
            Code::NonFiniteNumber,
            format!("`{shown}` 是 {detail}，不是有限数字（JSON 无法表示）"),
            format!("`{shown}` is {detail}, not a finite number (JSON cannot hold it)"),
        ),
        "lone_surrogate" if detail == "key" => (
            Code::LoneSurrogate,
            format!("`{shown}` 的键含有不成对的 UTF-16 代理项"),
            format!("the key of `{shown}` has an unpaired UTF-16 surrogate"),
        ),
        "lone_surrogate" => (
            Code::LoneSurrogate,
            format!("`{shown}` 含有不成对的 UTF-16 代理项（字符串可能在一个字符中间被截断）"),
            format!(
                "`{shown}` has an unpaired UTF-16 surrogate (a string cut inside a character?)"
            ),
        ),
        "too_deep" => (
            Code::TooDeep,
            format!("`{shown}` 嵌套超过 {detail} 层"),
            format!("`{shown}` nests deeper than {detail} levels"),
        ),
        _ if detail == "a BigInt" => (
            mismatch(arg.kind),
            format!("`{shown}` 是 BigInt，JSON 无法表示"),
            format!("`{shown}` is a BigInt, which JSON cannot hold"),
        ),
        _ => (
            mismatch(arg.kind),
            format!("`{name}` 必须是可序列化为 JSON 的对象（{detail}）"),
            format!("`{name}` must be an object that JSON can represent ({detail})"),
        ),
    };
    fail(arg.kind, &path, code, zh, en)
}

/// A JS value as JSON text, for the JSON-text core: read with the checks of
/// `checked_json.js`, within the argument's size budget and the module's memory ceiling.
pub(crate) fn to_json_text(v: &JsValue, arg: &Arg) -> Result<String, JsValue> {
    to_json(v, arg).map(|(text, _)| text)
}

/// [`to_json_text`], with the text as a JS string too.
fn to_json(v: &JsValue, arg: &Arg) -> Result<(String, JsString), JsValue> {
    let bad = || {
        fail(
            arg.kind,
            arg.name,
            mismatch(arg.kind),
            format!("`{}` 必须是可序列化为 JSON 的对象", arg.name),
            format!("`{}` must be an object that JSON can represent", arg.name),
        )
    };
    if v.is_undefined() || v.is_function() || v.is_symbol() {
        return Err(bad());
    }
    #[allow(clippy::cast_precision_loss)]
    let max = arg.max as f64;
    let out = if arg.fast {
        fast_stringify(v, max, MAX_DEPTH)
    } else {
        checked_stringify(v, max, MAX_DEPTH)
    };
    match out.dyn_ref::<JsString>() {
        Some(js) => {
            let units = js.length() as usize;
            budget(arg.kind, arg.name, units.saturating_mul(3 + arg.work))?;
            Ok((String::from(js), js.clone()))
        }
        None if out.is_object() => Err(problem_error(arg, &out)),
        None => Err(bad()),
    }
}

/// Line and UTF-16 column of the first unpaired surrogate of `s`, if any.
fn lone_surrogate_at(s: &JsString) -> Option<(u32, u32)> {
    let (mut line, mut col) = (1u32, 1u32);
    let mut units = s.iter().peekable();
    while let Some(u) = units.next() {
        match u {
            0xD800..=0xDBFF if matches!(units.peek(), Some(0xDC00..=0xDFFF)) => {
                units.next();
                col = col.saturating_add(2);
            }
            0xD800..=0xDFFF => return Some((line, col)),
            0x0A => {
                line = line.saturating_add(1);
                col = 1;
            }
            _ => col = col.saturating_add(1),
        }
    }
    None
}

/// A JSON-text argument: a string within `max` bytes (checked on its length before it is
/// copied into wasm memory), without lone surrogates (a copy would replace them silently),
/// within the memory ceiling.
pub(crate) fn text_arg(
    v: &JsValue,
    name: &str,
    kind: Kind,
    max: usize,
    work: usize,
) -> Result<String, JsValue> {
    let Some(js) = v.dyn_ref::<JsString>() else {
        return Err(string_error(name, kind));
    };
    let units = js.length() as usize;
    if units > max {
        return Err(too_large(kind, "", name, max));
    }
    if !js.is_valid_utf16() {
        if let Some((line, column)) = lone_surrogate_at(js) {
            let mut d = Diagnostic::error(
                "",
                Code::LoneSurrogate,
                Message::new(
                    format!("`{name}` 含有不成对的 UTF-16 代理项（第 {line} 行第 {column} 列）"),
                    format!(
                        "`{name}` has an unpaired UTF-16 surrogate (line {line}, column {column})"
                    ),
                ),
            );
            (d.line, d.column) = (Some(line), Some(column));
            return Err(throw(error_of(kind, d)));
        }
    }
    budget(kind, name, units.saturating_mul(3 + work))?;
    Ok(String::from(js))
}

fn string_error(path: &str, kind: Kind) -> JsValue {
    fail(
        kind,
        path,
        mismatch(kind),
        format!("`{path}` 必须是字符串"),
        format!("`{path}` must be a string"),
    )
}

/// A request-taking method: the JS request as JSON text in, the JSON answer back as an object.
pub(crate) fn request_call(
    request: &JsValue,
    f: impl FnOnce(&str) -> Result<String, Error>,
) -> Result<JsValue, JsValue> {
    let text = to_json_text(request, &REQUEST)?;
    match f(&text) {
        Ok(s) => Ok(from_json_text(&s)),
        Err(e) => Err(object_error(request, &REQUEST, e)),
    }
}

/// An error of the core about the JSON text of an object argument: a text-level problem
/// (`invalid_json`, `too_deep`, `lone_surrogate`) can only come from our own serialisation, so
/// it is reported at its path in the caller's object (read again with every check), or else
/// without a position in a text the caller never saw.
pub(crate) fn object_error(value: &JsValue, arg: &Arg, e: Error) -> JsValue {
    if !matches!(
        e.code(),
        Code::InvalidJson | Code::TooDeep | Code::LoneSurrogate
    ) || e.issues().iter().all(|d| d.line.is_none())
    {
        return throw(e);
    }
    #[allow(clippy::cast_precision_loss)]
    let again = checked_stringify(value, arg.max as f64, MAX_DEPTH);
    if again.is_object() {
        return problem_error(arg, &again);
    }
    let mut issues = e.issues();
    for d in &mut issues {
        (d.line, d.column) = (None, None);
    }
    let d = issues.into_iter().next().unwrap_or_else(|| {
        Diagnostic::error(
            "",
            Code::InvalidJson,
            Message::new("请求无法读取", "the request cannot be read"),
        )
    });
    let d = Diagnostic {
        message: Message::new(
            d.message
                .zh
                .split('（')
                .next()
                .unwrap_or_default()
                .to_string(),
            d.message
                .en
                .split(" (line")
                .next()
                .unwrap_or_default()
                .to_string(),
        ),
        ..d
    };
    throw(error_of(arg.kind, d))
}

pub(crate) fn from_json_text(s: &str) -> JsValue {
    JSON::parse(s).unwrap_or(JsValue::NULL)
}

pub(crate) fn string_arg(v: &JsValue, path: &str, kind: Kind) -> Result<String, JsValue> {
    v.as_string().ok_or_else(|| string_error(path, kind))
}

fn number_arg(v: &JsValue, path: &str) -> Result<f64, JsValue> {
    v.as_f64().ok_or_else(|| {
        fail(
            Kind::Calendar,
            path,
            Code::TypeMismatch,
            format!("`{path}` 必须是数字"),
            format!("`{path}` must be a number"),
        )
    })
}

/// The JSON text of a policy loaded from the caller's text (`positions`: lint reports lines and
/// columns) or object, kept in the JS heap for lint, which re-reads it for its positions:
/// wasm memory never shrinks, the JS heap is collected, and a loaded policy then holds its
/// compiled model only (the fingerprint, which every decision carries, is computed at load).
#[cfg(feature = "authoring")]
pub(crate) struct Doc {
    pub text: JsString,
    pub positions: bool,
}

impl JsPolicy {
    /// A handle on a policy that holds its own document (a built-in pack's is `'static`; a
    /// set's versions keep theirs), or needs none.
    pub(crate) fn shared(inner: Arc<Policy>) -> JsPolicy {
        JsPolicy {
            inner,
            #[cfg(feature = "authoring")]
            doc: None,
        }
    }

    /// A policy just loaded from `text` (see [`Doc`]).
    fn loaded(p: Policy, text: JsString, positions: bool) -> JsPolicy {
        let inner = Arc::new(p.without_source());
        #[cfg(feature = "authoring")]
        return JsPolicy {
            inner,
            doc: Some(Doc { text, positions }),
        };
        #[cfg(not(feature = "authoring"))]
        {
            let _ = (text, positions);
            JsPolicy { inner }
        }
    }
}

/// A set loaded from the caller's text or object: the portal module drops its versions' texts
/// (no tool reads them there); the full module keeps them for lint.
fn kept_set(s: PolicySet) -> Arc<PolicySet> {
    #[cfg(not(feature = "authoring"))]
    let s = s.without_sources();
    Arc::new(s)
}

thread_local! {
    /// Built-in packs and sets, loaded once per instance and shared by every handle:
    /// `Policy.builtin(id)` per request costs a handle, not a load.
    static BUILTIN_POLICIES: RefCell<HashMap<String, Arc<Policy>>> = RefCell::new(HashMap::new());
    static BUILTIN_SETS: RefCell<HashMap<String, Arc<PolicySet>>> = RefCell::new(HashMap::new());
}

fn shared<T>(
    cache: &'static std::thread::LocalKey<RefCell<HashMap<String, Arc<T>>>>,
    id: &str,
    load: impl FnOnce(&str) -> Result<T, Error>,
) -> Result<Arc<T>, Error> {
    if let Some(hit) = cache.with(|c| c.borrow().get(id).cloned()) {
        return Ok(hit);
    }
    let loaded = Arc::new(load(id)?);
    cache.with(|c| c.borrow_mut().insert(id.to_string(), loaded.clone()));
    Ok(loaded)
}

/// A compiled policy.
#[wasm_bindgen(js_name = Policy)]
pub struct JsPolicy {
    /// Shared: built-in packs and a set's versions are handed out without a copy.
    pub(crate) inner: Arc<Policy>,
    /// The document's text when `inner` does not hold it (authoring module only).
    #[cfg(feature = "authoring")]
    pub(crate) doc: Option<Doc>,
}

#[wasm_bindgen(js_class = Policy)]
impl JsPolicy {
    /// Load a policy from JSON text. Throws `PolicyError` with every problem found.
    #[wasm_bindgen(js_name = fromJson)]
    pub fn from_json(
        #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    ) -> Result<JsPolicy, JsValue> {
        let js = text.clone();
        let text = text_arg(
            &text,
            "text",
            Kind::Policy,
            limits::MAX_POLICY_BYTES,
            POLICY_DOC.work,
        )?;
        Policy::from_json(&text)
            .map(|p| JsPolicy::loaded(p, js.unchecked_into(), true))
            .map_err(|e| throw(e.into()))
    }

    /// Load a policy from a plain object (positions are null in errors).
    #[wasm_bindgen(js_name = fromObject)]
    pub fn from_object(
        #[wasm_bindgen(unchecked_param_type = "PolicyDocument")] doc: JsValue,
    ) -> Result<JsPolicy, JsValue> {
        let (text, js) = to_json(&doc, &POLICY_DOC)?;
        api::policy_from_object_text(&text)
            .map(|p| JsPolicy::loaded(p, js, false))
            .map_err(|e| object_error(&doc, &POLICY_DOC, e))
    }

    /// A built-in policy pack by id: loaded once, then shared (a new handle per call).
    pub fn builtin(
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
    ) -> Result<JsPolicy, JsValue> {
        let id = string_arg(&id, "id", Kind::Policy)?;
        budget(Kind::Policy, "id", 0)?;
        shared(&BUILTIN_POLICIES, &id, api::builtin_policy)
            .map(JsPolicy::shared)
            .map_err(throw)
    }

    /// The ids of the built-in packs.
    #[wasm_bindgen(js_name = builtinIds, unchecked_return_type = "string[]")]
    pub fn builtin_ids() -> JsValue {
        from_json_text(&api::to_json(&api::builtin_ids()))
    }

    #[wasm_bindgen(getter)]
    pub fn id(&self) -> String {
        self.inner.id.clone()
    }

    #[wasm_bindgen(getter)]
    pub fn version(&self) -> String {
        self.inner.version.clone()
    }

    #[wasm_bindgen(getter)]
    pub fn fingerprint(&self) -> String {
        self.inner.fingerprint().to_string()
    }

    /// Services and bundles a request may target, with the fields their rules read.
    #[wasm_bindgen(unchecked_return_type = "Target[]")]
    pub fn targets(&self) -> JsValue {
        from_json_text(&api::to_json(&api::targets(&self.inner)))
    }

    /// The materials checklist of a request.
    #[wasm_bindgen(unchecked_return_type = "ChecklistItem[]")]
    pub fn checklist(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Request")] request: JsValue,
    ) -> Result<JsValue, JsValue> {
        request_call(&request, |text| api::checklist_json(&self.inner, text))
    }

    /// Decide a request. Throws `RequestError` only for an unusable request.
    #[wasm_bindgen(unchecked_return_type = "Decision")]
    pub fn evaluate(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Request")] request: JsValue,
    ) -> Result<JsValue, JsValue> {
        request_call(&request, |text| api::evaluate_json(&self.inner, text))
    }

    /// Decide a request given as JSON text; returns the decision as JSON text (for back-ends
    /// that forward it: no object is built).
    #[wasm_bindgen(js_name = evaluateJson)]
    pub fn evaluate_json_text(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] request: JsValue,
    ) -> Result<String, JsValue> {
        let text = text_arg(
            &request,
            "request",
            Kind::Request,
            REQUEST.max,
            REQUEST.work,
        )?;
        api::evaluate_json(&self.inner, &text).map_err(throw)
    }

    /// The timeline of a request, whatever its outcome.
    #[wasm_bindgen(unchecked_return_type = "Timeline")]
    pub fn timeline(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Request")] request: JsValue,
    ) -> Result<JsValue, JsValue> {
        request_call(&request, |text| api::timeline_json(&self.inner, text))
    }
}

/// The working-day calendar.
#[wasm_bindgen(js_name = Calendar)]
pub struct JsCalendar {
    pub(crate) inner: Calendar,
}

#[wasm_bindgen(js_class = Calendar)]
impl JsCalendar {
    /// A built-in calendar (`cn-mainland`), optionally estimating beyond its coverage.
    pub fn builtin(
        #[wasm_bindgen(unchecked_optional_param_type = "string")] id: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CalendarOptions")] options: JsValue,
    ) -> Result<JsCalendar, JsValue> {
        let id = if id.is_undefined() || id.is_null() {
            "cn-mainland".to_string()
        } else {
            string_arg(&id, "id", Kind::Calendar)?
        };
        let opts = if options.is_undefined() || options.is_null() {
            "null".to_string()
        } else {
            to_json_text(&options, &calendar_arg("options", ""))?
        };
        api::calendar_builtin(&id, &opts)
            .map(|inner| JsCalendar { inner })
            .map_err(throw)
    }

    #[wasm_bindgen(js_name = withOverrides)]
    pub fn with_overrides(
        &self,
        #[wasm_bindgen(unchecked_param_type = "CalendarOverrides")] overrides: JsValue,
    ) -> Result<JsCalendar, JsValue> {
        let text = to_json_text(&overrides, &calendar_arg("overrides", ""))?;
        api::calendar_with_overrides(&self.inner, &text)
            .map(|inner| JsCalendar { inner })
            .map_err(throw)
    }

    #[wasm_bindgen(js_name = withYear)]
    pub fn with_year(
        &self,
        #[wasm_bindgen(unchecked_param_type = "number")] year: JsValue,
        #[wasm_bindgen(unchecked_param_type = "YearArrangement")] data: JsValue,
    ) -> Result<JsCalendar, JsValue> {
        let year = number_arg(&year, "year")?;
        let text = to_json_text(&data, &calendar_arg("data", ""))?;
        api::calendar_with_year(&self.inner, year, &text)
            .map(|inner| JsCalendar { inner })
            .map_err(throw)
    }

    #[wasm_bindgen(unchecked_return_type = "Coverage")]
    pub fn coverage(&self) -> JsValue {
        let (from, to) = self.inner.coverage();
        from_json_text(&format!("{{\"from\":\"{from}\",\"to\":\"{to}\"}}"))
    }

    #[wasm_bindgen(js_name = isWorkingDay)]
    pub fn is_working_day(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] date: JsValue,
    ) -> Result<bool, JsValue> {
        let d =
            api::arg_date(&string_arg(&date, "date", Kind::Calendar)?, "date").map_err(throw)?;
        self.inner.is_working_day(d).map_err(|e| throw(e.into()))
    }

    #[wasm_bindgen(js_name = addWorkingDays)]
    pub fn add_working_days(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] date: JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] n: JsValue,
    ) -> Result<String, JsValue> {
        let d =
            api::arg_date(&string_arg(&date, "date", Kind::Calendar)?, "date").map_err(throw)?;
        let n = api::arg_count(number_arg(&n, "n")?, "n").map_err(throw)?;
        self.inner
            .add_working_days(d, n)
            .map(|d| d.to_string())
            .map_err(|e| throw(e.into()))
    }

    #[wasm_bindgen(js_name = workingDaysBetween)]
    pub fn working_days_between(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] from: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] to: JsValue,
    ) -> Result<f64, JsValue> {
        let f =
            api::arg_date(&string_arg(&from, "from", Kind::Calendar)?, "from").map_err(throw)?;
        let t = api::arg_date(&string_arg(&to, "to", Kind::Calendar)?, "to").map_err(throw)?;
        self.inner
            .working_days_between(f, t)
            .map(|n| n as f64)
            .map_err(|e| throw(e.into()))
    }

    #[wasm_bindgen(js_name = receivedOn)]
    pub fn received_on(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] submitted_at: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "string")] cutoff: JsValue,
    ) -> Result<String, JsValue> {
        let s = string_arg(&submitted_at, "submitted_at", Kind::Calendar)?;
        let c = if cutoff.is_undefined() || cutoff.is_null() {
            None
        } else {
            Some(string_arg(&cutoff, "cutoff", Kind::Calendar)?)
        };
        api::calendar_received_on(&self.inner, &s, c.as_deref())
            .map(|d| d.to_string())
            .map_err(throw)
    }

    pub fn due(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] from: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Period")] period: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "Pause[]")] pauses: JsValue,
    ) -> Result<String, JsValue> {
        let f = string_arg(&from, "from", Kind::Calendar)?;
        let p = to_json_text(&period, &calendar_arg("period", "period"))?;
        let ps = if pauses.is_undefined() || pauses.is_null() {
            "null".to_string()
        } else {
            to_json_text(&pauses, &calendar_arg("pauses", "pauses"))?
        };
        api::calendar_due(&self.inner, &f, &p, &ps)
            .map(|d| d.to_string())
            .map_err(throw)
    }
}

/// Several versions of one policy; requests are decided by the version in force.
#[wasm_bindgen(js_name = PolicySet)]
pub struct JsPolicySet {
    /// Shared: built-in sets are handed out without a copy.
    pub(crate) inner: Arc<PolicySet>,
}

#[wasm_bindgen(js_class = PolicySet)]
impl JsPolicySet {
    /// Load from JSON text: an array of policy documents or `{"versions": [...]}`.
    #[wasm_bindgen(js_name = fromJson)]
    pub fn from_json(
        #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    ) -> Result<JsPolicySet, JsValue> {
        let text = text_arg(
            &text,
            "text",
            Kind::Policy,
            limits::MAX_POLICY_SET_BYTES,
            SET_DOC.work,
        )?;
        PolicySet::from_json(&text)
            .map(|s| JsPolicySet { inner: kept_set(s) })
            .map_err(|e| throw(e.into()))
    }

    #[wasm_bindgen(js_name = fromObject)]
    pub fn from_object(
        #[wasm_bindgen(unchecked_param_type = "PolicySetDocument")] doc: JsValue,
    ) -> Result<JsPolicySet, JsValue> {
        let text = to_json_text(&doc, &SET_DOC)?;
        api::policy_set_from_object_text(&text)
            .map(|s| JsPolicySet { inner: kept_set(s) })
            .map_err(|e| object_error(&doc, &SET_DOC, e))
    }

    /// A built-in policy set (versions in force by date) by id. In the portal module too: a
    /// portal decides each request by the version in force on its received day.
    pub fn builtin(
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
    ) -> Result<JsPolicySet, JsValue> {
        let id = string_arg(&id, "id", Kind::Policy)?;
        budget(Kind::Policy, "id", 0)?;
        shared(&BUILTIN_SETS, &id, api::builtin_set)
            .map(|inner| JsPolicySet { inner })
            .map_err(throw)
    }

    /// The ids of the built-in policy sets.
    #[wasm_bindgen(js_name = builtinIds, unchecked_return_type = "string[]")]
    pub fn builtin_ids() -> JsValue {
        from_json_text(&api::to_json(&api::builtin_set_ids()))
    }

    #[wasm_bindgen(unchecked_return_type = "VersionInfo[]")]
    pub fn versions(&self) -> JsValue {
        from_json_text(&api::to_json(&self.inner.versions()))
    }

    /// Every version as a `Policy`, oldest first (e.g. for `Policy.diff` between two versions).
    pub fn policies(&self) -> Vec<JsPolicy> {
        self.inner
            .policies()
            .iter()
            .map(|p| JsPolicy::shared(p.clone()))
            .collect()
    }

    /// The version in force for a request, as a `Policy`.
    #[wasm_bindgen(js_name = policyFor)]
    pub fn policy_for(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Request")] request: JsValue,
    ) -> Result<JsPolicy, JsValue> {
        let text = to_json_text(&request, &REQUEST)?;
        let req = intake_rules::engine::request::Request::from_json(&text)
            .map_err(|e| object_error(&request, &REQUEST, e.into()))?;
        self.inner
            .select_shared(&req)
            .map(|p| JsPolicy::shared(p.clone()))
            .map_err(|e| throw(e.into()))
    }

    #[wasm_bindgen(unchecked_return_type = "Decision")]
    pub fn evaluate(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Request")] request: JsValue,
    ) -> Result<JsValue, JsValue> {
        request_call(&request, |text| api::set_evaluate_json(&self.inner, text))
    }

    #[wasm_bindgen(unchecked_return_type = "ChecklistItem[]")]
    pub fn checklist(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Request")] request: JsValue,
    ) -> Result<JsValue, JsValue> {
        request_call(&request, |text| api::set_checklist_json(&self.inner, text))
    }

    #[wasm_bindgen(unchecked_return_type = "Timeline")]
    pub fn timeline(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Request")] request: JsValue,
    ) -> Result<JsValue, JsValue> {
        request_call(&request, |text| api::set_timeline_json(&self.inner, text))
    }
}
