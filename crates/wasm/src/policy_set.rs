//! The `PolicySet` class: several versions of one policy, each request decided by the version
//! in force.

use std::sync::Arc;

use wasm_bindgen::prelude::*;

use intake_rules::api;
use intake_rules::engine::policy_set::PolicySet;
use intake_rules::limits;

use crate::args::{
    budget, from_json_text, request_call, string_arg, text_arg, to_json_text, REQUEST, SET_DOC,
};
use crate::errors::{object_error, throw, Kind};
use crate::policy::{shared, JsPolicy, BUILTIN_SETS};

/// A set loaded from the caller's text or object: the portal module drops its versions' texts
/// (no tool reads them there); the full module keeps them for lint.
pub(crate) fn kept_set(s: PolicySet) -> Arc<PolicySet> {
    #[cfg(not(feature = "authoring"))]
    let s = s.without_sources();
    Arc::new(s)
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
