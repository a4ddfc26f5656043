//! Error conversion: the core's errors (and the binding's own argument problems) as JS `Error`s
//! with `name`, `code` and `issues` (each issue: code, path, line/column where the input was
//! text, message in zh-CN and en).

use js_sys::{Array, Reflect, JSON};
use wasm_bindgen::prelude::*;

use intake_rules::api::Error;
use intake_rules::calendar::CalendarError;
use intake_rules::diag::{Code, Diagnostic, Message};
use intake_rules::engine::request::RequestError;
use intake_rules::policy::PolicyError;

use crate::args::{checked_stringify, Arg, MAX_DEPTH};

pub(crate) fn js_error(name: &str, code: &str, message: &str, issues_json: &str) -> JsValue {
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
pub(crate) fn error_of(kind: Kind, d: Diagnostic) -> Error {
    match kind {
        Kind::Policy => Error::Policy(PolicyError { issues: vec![d] }),
        Kind::Request => Error::Request(RequestError { issues: vec![d] }),
        Kind::Calendar => Error::Calendar(CalendarError { issue: d }),
    }
}

/// `type_mismatch`, or `bad_request` for a request (an argument JSON cannot represent).
pub(crate) fn mismatch(kind: Kind) -> Code {
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

/// `too_large` for argument `name`, reported at `path` (relative, as the core's paths are:
/// `""` for a whole request or document).
pub(crate) fn too_large(kind: Kind, path: &str, name: &str, max: usize) -> JsValue {
    fail(
        kind,
        path,
        Code::TooLarge,
        format!("`{name}` 超过 {max} 字节的上限"),
        format!("`{name}` is larger than the limit of {max} bytes"),
    )
}

pub(crate) fn join(base: &str, path: &str) -> String {
    match (base.is_empty(), path.is_empty()) {
        (true, _) => path.to_string(),
        (false, true) => base.to_string(),
        (false, false) if path.starts_with('[') => format!("{base}{path}"),
        (false, false) => format!("{base}.{path}"),
    }
}

/// The error for a problem `checked_stringify` reported (`{code, path, detail}`).
pub(crate) fn problem_error(arg: &Arg, problem: &JsValue) -> JsValue {
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

pub(crate) fn string_error(path: &str, kind: Kind) -> JsValue {
    fail(
        kind,
        path,
        mismatch(kind),
        format!("`{path}` 必须是字符串"),
        format!("`{path}` must be a string"),
    )
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
