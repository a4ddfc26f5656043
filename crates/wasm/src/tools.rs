//! JS binding of the policy-staff tools: `policy.lint`, `set.lint`, `policy.runCases`,
//! `Policy.diff` and `Policy.builtinSource`. Like `wasm.rs`, it only converts values and errors
//! and calls `api_tools`. Authoring only (feature `authoring`): the portal module leaves it out,
//! so LTO drops the lint, case-runner and diff code.

use wasm_bindgen::prelude::*;

use crate::args::{from_json_text, string_arg, to_json_text, Arg};
use crate::errors::{object_error, throw, Kind};
use crate::policy::JsPolicy;
use crate::policy_set::JsPolicySet;

/// A case file (`runCases`, `Policy.diff`).
const CASES: Arg = Arg {
    name: "cases",
    kind: Kind::Request,
    max: intake_rules::authoring::cases::MAX_CASES_BYTES,
    base: "",
    fast: false,
    work: 8,
};
use intake_rules::api::tools as api_tools;

// The policy-staff tools' output types (case report, diff, guide), generated from the core's
// Rust types, and their inputs (case files), checked against the case reader's keys.
#[wasm_bindgen(typescript_custom_section)]
const TS_AUTHORING_TYPES: &'static str = include_str!("../../../js/generated/authoring.d.ts");
#[wasm_bindgen(typescript_custom_section)]
const TS_TOOLS_INPUTS: &'static str = include_str!("../../../js/tools-inputs.d.ts");

impl JsPolicy {
    /// The policy with its document, for lint (its lines and columns): loaded again from the
    /// text kept in the JS heap when the policy itself does not hold it.
    fn with_doc(&self) -> Result<std::borrow::Cow<'_, intake_rules::Policy>, JsValue> {
        use std::borrow::Cow;
        let Some(doc) = &self.doc else {
            return Ok(Cow::Borrowed(&**self.inner()));
        };
        let text = String::from(&doc.text);
        let p = if doc.positions {
            intake_rules::Policy::from_json(&text).map_err(Into::into)
        } else {
            intake_rules::api::policy_from_object_text(&text)
        };
        p.map(Cow::Owned).map_err(throw)
    }
}

#[wasm_bindgen(js_class = Policy)]
impl JsPolicy {
    /// Problems that load fine but are wrong.
    #[wasm_bindgen(unchecked_return_type = "Diagnostic[]")]
    pub fn lint(&self) -> Result<JsValue, JsValue> {
        let p = self.with_doc()?;
        Ok(from_json_text(&intake_rules::api::to_json(&p.lint())))
    }

    /// Run a case file (`{cases: [...]}`) against this policy. Throws `RequestError` when the
    /// case file itself is unusable; a case whose request cannot be decided only fails.
    #[wasm_bindgen(js_name = runCases, unchecked_return_type = "CaseReport")]
    pub fn run_cases(
        &self,
        #[wasm_bindgen(unchecked_param_type = "CaseFile | string")] cases: JsValue,
    ) -> Result<JsValue, JsValue> {
        let text = cases_text(&cases)?;
        api_tools::run_cases_json(self.inner(), &text)
            .map(|s| from_json_text(&s))
            // JSON text keeps its lines and columns; an object's errors have none.
            .map_err(|e| {
                if cases.is_string() {
                    throw(e)
                } else {
                    object_error(&cases, &CASES, e)
                }
            })
    }

    /// What changed between two versions, and (given a case file) which cases change. The
    /// case file is optional.
    #[wasm_bindgen(unchecked_return_type = "PolicyDiff")]
    pub fn diff(
        old: &JsPolicy,
        next: &JsPolicy,
        #[wasm_bindgen(unchecked_optional_param_type = "CaseFile | string | null")] cases: Option<
            JsValue,
        >,
    ) -> Result<JsValue, JsValue> {
        let text = match cases {
            Some(c) if !c.is_undefined() && !c.is_null() => Some(cases_text(&c)?),
            _ => None,
        };
        api_tools::diff_json(old.inner(), next.inner(), text.as_deref())
            .map(|s| from_json_text(&s))
            .map_err(throw)
    }

    /// The JSON text of a built-in pack, indented two spaces per level.
    #[wasm_bindgen(js_name = builtinSource)]
    pub fn builtin_source(
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
    ) -> Result<String, JsValue> {
        let id = string_arg(&id, "id", Kind::Policy)?;
        api_tools::builtin_source(&id).map_err(throw)
    }
}

#[wasm_bindgen(js_class = PolicySet)]
impl JsPolicySet {
    /// Problems that load fine but are wrong, in every version and across versions.
    #[wasm_bindgen(unchecked_return_type = "Diagnostic[]")]
    pub fn lint(&self) -> JsValue {
        from_json_text(&intake_rules::api::to_json(&self.inner.lint()))
    }
}

/// Line and UTF-16 column (1-based) of each JSON path in `text` (`[[line, column], …]`), with the
/// module's locator: what the CLI and the workbench use to place findings without a position.
#[wasm_bindgen(unchecked_return_type = "[number, number][]")]
pub fn locate(
    text: String,
    #[wasm_bindgen(unchecked_param_type = "string[]")] paths: JsValue,
) -> Result<JsValue, JsValue> {
    let paths: Vec<String> = js_sys::Array::from(&paths)
        .iter()
        .map(|p| p.as_string().unwrap_or_default())
        .collect();
    Ok(from_json_text(&api_tools::locate_json(&text, &paths)))
}

/// A case file given as an object, or as its JSON text (then its errors have lines and
/// columns in that text).
fn cases_text(cases: &JsValue) -> Result<String, JsValue> {
    match cases.as_string() {
        Some(text) => Ok(text),
        None => to_json_text(cases, &CASES),
    }
}

#[wasm_bindgen(js_class = Policy)]
impl JsPolicy {
    /// Reform metrics per target; with a case file (object or JSON text), the typical and
    /// day figures over its requests.
    #[wasm_bindgen(unchecked_return_type = "PolicyStats")]
    pub fn stats(
        &self,
        #[wasm_bindgen(unchecked_param_type = "CaseFile | string | null | void")] cases: Option<
            JsValue,
        >,
    ) -> Result<JsValue, JsValue> {
        let text = match cases {
            Some(c) if !c.is_undefined() && !c.is_null() => Some(cases_text(&c)?),
            _ => None,
        };
        api_tools::stats_json(self.inner(), text.as_deref())
            .map(|s| from_json_text(&s))
            .map_err(throw)
    }
}

#[wasm_bindgen(js_class = Policy)]
impl JsPolicy {
    /// One batch of past applications (JSON Lines, numbered from `first_line`) decided under
    /// `old` and `next`: counts that add up across batches, and the first `keep` changed
    /// applications and malformed lines (what `intake-rules replay` runs in each worker).
    #[wasm_bindgen(js_name = replayBatch, unchecked_return_type = "ReplayBatch")]
    pub fn replay_batch(
        old: &JsPolicy,
        next: &JsPolicy,
        lines: String,
        first_line: f64,
        keep: u32,
    ) -> JsValue {
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let first = if first_line.is_finite() && first_line >= 1.0 {
            first_line as u64
        } else {
            1
        };
        from_json_text(&api_tools::replay_batch_json(
            old.inner(),
            next.inner(),
            &lines,
            first,
            keep as usize,
        ))
    }
}
