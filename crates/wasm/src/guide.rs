//! JS binding of the service guide (`policy.guide`, `policy.guideHtml`). Conversion only; the
//! logic is in `guide.rs` and `api.rs`. Authoring only (feature `authoring`): the portal module
//! leaves it out. `PolicySet.builtin` / `builtinIds` are in `wasm.rs` (a portal needs them).

use wasm_bindgen::prelude::*;

use crate::args::{from_json_text, string_arg};
use crate::errors::{throw, Kind};
use crate::policy::JsPolicy;
use intake_rules::api;

/// The optional locale argument: `undefined` / `null` read zh-CN.
fn locale_arg(v: Option<JsValue>) -> Result<String, JsValue> {
    match v {
        Some(v) if !v.is_undefined() && !v.is_null() => string_arg(&v, "locale", Kind::Request),
        _ => Ok("zh-CN".to_string()),
    }
}

#[wasm_bindgen(js_class = Policy)]
impl JsPolicy {
    /// The service guide (办事指南) of a service or bundle: structured data.
    #[wasm_bindgen(unchecked_return_type = "Guide")]
    pub fn guide(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] target: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "Locale")] locale: Option<JsValue>,
    ) -> Result<JsValue, JsValue> {
        let target = string_arg(&target, "target", Kind::Request)?;
        let locale = locale_arg(locale)?;
        api::guide_json(self.inner(), &target, &locale)
            .map(|s| from_json_text(&s))
            .map_err(throw)
    }

    /// The service guide as a complete printable HTML page.
    #[wasm_bindgen(js_name = guideHtml)]
    pub fn guide_html(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] target: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "Locale")] locale: Option<JsValue>,
    ) -> Result<String, JsValue> {
        let target = string_arg(&target, "target", Kind::Request)?;
        let locale = locale_arg(locale)?;
        api::guide_html(self.inner(), &target, &locale).map_err(throw)
    }
}
