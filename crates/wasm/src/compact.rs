//! The JS binding of the compact decision (`src/compact.rs`): `policy.evaluateCompact(request)`
//! and `policy.evaluateCompactJson(text)`. Conversion only, like `wasm.rs`.

use wasm_bindgen::prelude::*;

use crate::args::{from_json_text, text_arg, to_json_text, REQUEST};
use crate::errors::{object_error, throw, Kind};
use crate::policy::JsPolicy;
use intake_rules::api::evaluate_compact_json;

#[wasm_bindgen(js_class = Policy)]
impl JsPolicy {
    /// Decide a request, returning only the outcome, per-service outcomes, field errors and
    /// missing materials: for checks on every keystroke (no notice, no timeline).
    #[wasm_bindgen(js_name = evaluateCompact, unchecked_return_type = "CompactDecision")]
    pub fn evaluate_compact(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Request")] request: JsValue,
    ) -> Result<JsValue, JsValue> {
        let text = to_json_text(&request, &REQUEST)?;
        evaluate_compact_json(self.inner(), &text)
            .map(|s| from_json_text(&s))
            .map_err(|e| object_error(&request, &REQUEST, e))
    }

    /// `evaluateCompact` with the request as JSON text and the result as JSON text.
    #[wasm_bindgen(js_name = evaluateCompactJson)]
    pub fn evaluate_compact_json_text(
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
        evaluate_compact_json(self.inner(), &text).map_err(throw)
    }
}
