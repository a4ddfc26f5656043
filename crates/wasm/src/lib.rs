//! The JS binding: the only crate that names wasm_bindgen. It converts values (JS object ⇄ JSON
//! text, which keeps outputs byte-identical with native) and errors (into `Error`s with `name`,
//! `code` and `issues`), and calls `api`. No logic lives here.

#![cfg(target_arch = "wasm32")]

mod compact;
// The authoring bindings (lint, runCases, diff, builtinSource, guide, guideHtml): left out of
// the portal module (`--no-default-features`), so LTO drops lint, cases, diff and guide code.
#[cfg(feature = "authoring")]
mod guide;
#[cfg(feature = "authoring")]
mod tools;

use js_sys::{Array, Reflect, JSON};
use wasm_bindgen::prelude::*;

use intake_rules::api::{self, Error};
use intake_rules::calendar::{Calendar, CalendarError};
use intake_rules::diag::Code;
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

fn request_error(path: &str, zh: &str, en: &str) -> JsValue {
    throw(Error::Request(
        intake_rules::engine::request::RequestError::new(path, Code::BadRequest, zh, en),
    ))
}

/// A JS value as JSON text (`JSON.stringify`), for the JSON-text core.
pub(crate) fn to_json_text(v: &JsValue, path: &str, kind: &str) -> Result<String, JsValue> {
    let bad = || {
        let zh = format!("`{path}` 必须是可序列化为 JSON 的对象");
        let en = format!("`{path}` must be an object that JSON can represent");
        match kind {
            "policy" => throw(Error::Policy(PolicyError {
                issues: vec![intake_rules::diag::Diagnostic::error(
                    path,
                    Code::TypeMismatch,
                    intake_rules::diag::Message::new(zh.clone(), en.clone()),
                )],
            })),
            "calendar" => throw(Error::Calendar(CalendarError::new(
                Code::TypeMismatch,
                path,
                zh.clone(),
                en.clone(),
            ))),
            _ => request_error(path, &zh, &en),
        }
    };
    if v.is_undefined() || v.is_function() || v.is_symbol() {
        return Err(bad());
    }
    match JSON::stringify(v) {
        Ok(s) => s.as_string().ok_or_else(bad),
        Err(_) => Err(bad()),
    }
}

/// A request-taking method: the JS request as JSON text in, the JSON answer back as an object.
fn request_call(
    request: &JsValue,
    f: impl FnOnce(&str) -> Result<String, Error>,
) -> Result<JsValue, JsValue> {
    let text = to_json_text(request, "request", "request")?;
    f(&text).map(|s| from_json_text(&s)).map_err(throw)
}

pub(crate) fn from_json_text(s: &str) -> JsValue {
    JSON::parse(s).unwrap_or(JsValue::NULL)
}

pub(crate) fn string_arg(v: &JsValue, path: &str, kind: &str) -> Result<String, JsValue> {
    v.as_string().ok_or_else(|| {
        let zh = format!("`{path}` 必须是字符串");
        let en = format!("`{path}` must be a string");
        match kind {
            "calendar" => throw(Error::Calendar(CalendarError::new(
                Code::TypeMismatch,
                path,
                zh,
                en,
            ))),
            "policy" => throw(Error::Policy(PolicyError {
                issues: vec![intake_rules::diag::Diagnostic::error(
                    path,
                    Code::TypeMismatch,
                    intake_rules::diag::Message::new(zh, en),
                )],
            })),
            _ => request_error(path, &zh, &en),
        }
    })
}

fn number_arg(v: &JsValue, path: &str) -> Result<f64, JsValue> {
    v.as_f64().ok_or_else(|| {
        throw(Error::Calendar(CalendarError::new(
            Code::TypeMismatch,
            path,
            format!("`{path}` 必须是数字"),
            format!("`{path}` must be a number"),
        )))
    })
}

/// A compiled policy.
#[wasm_bindgen(js_name = Policy)]
pub struct JsPolicy {
    pub(crate) inner: Policy,
}

#[wasm_bindgen(js_class = Policy)]
impl JsPolicy {
    /// Load a policy from JSON text. Throws `PolicyError` with every problem found.
    #[wasm_bindgen(js_name = fromJson)]
    pub fn from_json(
        #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    ) -> Result<JsPolicy, JsValue> {
        let text = string_arg(&text, "text", "policy")?;
        Policy::from_json(&text)
            .map(|inner| JsPolicy { inner })
            .map_err(|e| throw(e.into()))
    }

    /// Load a policy from a plain object (positions are null in errors).
    #[wasm_bindgen(js_name = fromObject)]
    pub fn from_object(
        #[wasm_bindgen(unchecked_param_type = "PolicyDocument")] doc: JsValue,
    ) -> Result<JsPolicy, JsValue> {
        let text = to_json_text(&doc, "doc", "policy")?;
        api::policy_from_object_text(&text)
            .map(|inner| JsPolicy { inner })
            .map_err(throw)
    }

    /// A built-in policy pack by id.
    pub fn builtin(
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
    ) -> Result<JsPolicy, JsValue> {
        let id = string_arg(&id, "id", "policy")?;
        api::builtin_policy(&id)
            .map(|inner| JsPolicy { inner })
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
        let text = string_arg(&request, "request", "request")?;
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
            string_arg(&id, "id", "calendar")?
        };
        let opts = if options.is_undefined() || options.is_null() {
            "null".to_string()
        } else {
            to_json_text(&options, "options", "calendar")?
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
        let text = to_json_text(&overrides, "overrides", "calendar")?;
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
        let text = to_json_text(&data, "data", "calendar")?;
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
        let d = api::arg_date(&string_arg(&date, "date", "calendar")?, "date").map_err(throw)?;
        self.inner.is_working_day(d).map_err(|e| throw(e.into()))
    }

    #[wasm_bindgen(js_name = addWorkingDays)]
    pub fn add_working_days(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] date: JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] n: JsValue,
    ) -> Result<String, JsValue> {
        let d = api::arg_date(&string_arg(&date, "date", "calendar")?, "date").map_err(throw)?;
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
        let f = api::arg_date(&string_arg(&from, "from", "calendar")?, "from").map_err(throw)?;
        let t = api::arg_date(&string_arg(&to, "to", "calendar")?, "to").map_err(throw)?;
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
        let s = string_arg(&submitted_at, "submitted_at", "calendar")?;
        let c = if cutoff.is_undefined() || cutoff.is_null() {
            None
        } else {
            Some(string_arg(&cutoff, "cutoff", "calendar")?)
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
        let f = string_arg(&from, "from", "calendar")?;
        let p = to_json_text(&period, "period", "calendar")?;
        let ps = if pauses.is_undefined() || pauses.is_null() {
            "null".to_string()
        } else {
            to_json_text(&pauses, "pauses", "calendar")?
        };
        api::calendar_due(&self.inner, &f, &p, &ps)
            .map(|d| d.to_string())
            .map_err(throw)
    }
}

/// Several versions of one policy; requests are decided by the version in force.
#[wasm_bindgen(js_name = PolicySet)]
pub struct JsPolicySet {
    pub(crate) inner: intake_rules::engine::policy_set::PolicySet,
}

#[wasm_bindgen(js_class = PolicySet)]
impl JsPolicySet {
    /// Load from JSON text: an array of policy documents or `{"versions": [...]}`.
    #[wasm_bindgen(js_name = fromJson)]
    pub fn from_json(
        #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    ) -> Result<JsPolicySet, JsValue> {
        let text = string_arg(&text, "text", "policy")?;
        intake_rules::engine::policy_set::PolicySet::from_json(&text)
            .map(|inner| JsPolicySet { inner })
            .map_err(|e| throw(e.into()))
    }

    #[wasm_bindgen(js_name = fromObject)]
    pub fn from_object(
        #[wasm_bindgen(unchecked_param_type = "PolicySetDocument")] doc: JsValue,
    ) -> Result<JsPolicySet, JsValue> {
        let text = to_json_text(&doc, "doc", "policy")?;
        api::policy_set_from_object_text(&text)
            .map(|inner| JsPolicySet { inner })
            .map_err(throw)
    }

    /// A built-in policy set (versions in force by date) by id. In the portal module too: a
    /// portal decides each request by the version in force on its received day.
    pub fn builtin(
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
    ) -> Result<JsPolicySet, JsValue> {
        let id = string_arg(&id, "id", "policy")?;
        api::builtin_set(&id)
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
            .map(|p| JsPolicy { inner: p.clone() })
            .collect()
    }

    /// The version in force for a request, as a `Policy`.
    #[wasm_bindgen(js_name = policyFor)]
    pub fn policy_for(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Request")] request: JsValue,
    ) -> Result<JsPolicy, JsValue> {
        let text = to_json_text(&request, "request", "request")?;
        let req = intake_rules::engine::request::Request::from_json(&text)
            .map_err(|e| throw(e.into()))?;
        self.inner
            .select(&req)
            .map(|p| JsPolicy { inner: p.clone() })
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
