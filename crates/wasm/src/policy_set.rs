//! The `PolicySet` class: several versions of one policy, each request decided by the version
//! in force.

use std::sync::Arc;

use wasm_bindgen::prelude::*;

use intake_rules::api;
use intake_rules::engine::policy_set::PolicySet;

use crate::args::{from_json_text, request_call, to_json_text, REQUEST};
use crate::errors::{object_error, throw};
use crate::policy::JsPolicy;

/// Several versions of one policy; requests are decided by the version in force.
#[wasm_bindgen(js_name = PolicySet)]
pub struct JsPolicySet {
    /// Shared: built-in sets are handed out without a copy.
    pub(crate) inner: Arc<PolicySet>,
}

#[wasm_bindgen(js_class = PolicySet)]
impl JsPolicySet {
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
