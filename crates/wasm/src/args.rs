//! Argument conversion: JS values to the JSON text the core reads (with a size budget, the
//! memory ceiling and the checks of `js/checked_json.js`), strings and numbers, and JSON text
//! answers back to JS values.

use js_sys::{JsString, JSON};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use intake_rules::api::Error;
use intake_rules::diag::{Code, Diagnostic, Message};
use intake_rules::limits;

use crate::errors::{
    error_of, fail, mismatch, object_error, problem_error, string_error, throw, too_large, Kind,
};
use crate::memory;

// Object arguments are read to JSON text here (see the file): with a size budget counted while
// reading, and NaN / Infinity, lone surrogates, BigInt and excessive nesting reported at their
// path in the caller's object.
#[wasm_bindgen(module = "/js/checked_json.js")]
extern "C" {
    pub(crate) fn checked_stringify(value: &JsValue, max: f64, max_depth: u32) -> JsValue;
    pub(crate) fn fast_stringify(value: &JsValue, max: f64, max_depth: u32) -> JsValue;
    fn well_formed(s: &JsString) -> bool;
}

/// serde_json's nesting limit: deeper JSON cannot be read at all.
pub(crate) const MAX_DEPTH: u32 = 128;

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
#[cfg(feature = "loader")]
pub(crate) const POLICY_DOC: Arg = Arg {
    name: "doc",
    kind: Kind::Policy,
    max: limits::MAX_POLICY_BYTES,
    base: "",
    fast: false,
    work: 24,
};
#[cfg(feature = "loader")]
pub(crate) const SET_DOC: Arg = Arg {
    max: limits::MAX_POLICY_SET_BYTES,
    ..POLICY_DOC
};
pub(crate) const fn calendar_arg(name: &'static str, base: &'static str) -> Arg {
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
pub(crate) const BASE_NEED: usize = 256 * 1024;

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

/// A JS value as JSON text, for the JSON-text core: read with the checks of
/// `checked_json.js`, within the argument's size budget and the module's memory ceiling.
pub(crate) fn to_json_text(v: &JsValue, arg: &Arg) -> Result<String, JsValue> {
    to_json(v, arg).map(|(text, _)| text)
}

/// [`to_json_text`], with the text as a JS string too.
pub(crate) fn to_json(v: &JsValue, arg: &Arg) -> Result<(String, JsString), JsValue> {
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
pub(crate) fn lone_surrogate_at(s: &JsString) -> Option<(u32, u32)> {
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
    if !well_formed(js) {
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

pub(crate) fn from_json_text(s: &str) -> JsValue {
    JSON::parse(s).unwrap_or(JsValue::NULL)
}

pub(crate) fn string_arg(v: &JsValue, path: &str, kind: Kind) -> Result<String, JsValue> {
    v.as_string().ok_or_else(|| string_error(path, kind))
}

pub(crate) fn number_arg(v: &JsValue, path: &str) -> Result<f64, JsValue> {
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
