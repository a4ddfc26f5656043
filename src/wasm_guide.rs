//! JS binding of the service guide (`policy.guide`, `policy.guideHtml`) and of the built-in
//! policy sets (`PolicySet.builtin`, `PolicySet.builtinIds`). Conversion only; the logic is in
//! `guide.rs` and `api.rs`.

use wasm_bindgen::prelude::*;

use crate::api;
use crate::wasm::{from_json_text, string_arg, throw, JsPolicy, JsPolicySet};

#[wasm_bindgen(typescript_custom_section)]
const TS_GUIDE_TYPES: &'static str = include_str!("../js/guide-types.d.ts");

/// The optional locale argument: `undefined` / `null` read zh-CN.
fn locale_arg(v: Option<JsValue>) -> Result<String, JsValue> {
    match v {
        Some(v) if !v.is_undefined() && !v.is_null() => string_arg(&v, "locale", "request"),
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
        let target = string_arg(&target, "target", "request")?;
        let locale = locale_arg(locale)?;
        api::guide_json(&self.inner, &target, &locale)
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
        let target = string_arg(&target, "target", "request")?;
        let locale = locale_arg(locale)?;
        api::guide_html(&self.inner, &target, &locale).map_err(throw)
    }
}

#[wasm_bindgen(js_class = PolicySet)]
impl JsPolicySet {
    /// A built-in policy set (versions in force by date) by id.
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
}
