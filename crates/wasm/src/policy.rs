//! The `Policy` class: loading (text, object, built-in packs) and the request-taking methods.
//! The compact entries are in `compact.rs`, the authoring tools in `tools.rs` and `guide.rs`.

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::Arc;

use js_sys::JsString;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use intake_rules::api::{self, Error};
use intake_rules::engine::policy_set::PolicySet;
use intake_rules::limits;
use intake_rules::policy::Policy;

use crate::args::{
    budget, from_json_text, request_call, string_arg, text_arg, to_json, POLICY_DOC, REQUEST,
};
use crate::errors::{object_error, throw, Kind};

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

thread_local! {
    /// Built-in packs and sets, loaded once per instance and shared by every handle:
    /// `Policy.builtin(id)` per request costs a handle, not a load.
    pub(crate) static BUILTIN_POLICIES: RefCell<HashMap<String, Arc<Policy>>> = RefCell::new(HashMap::new());
    pub(crate) static BUILTIN_SETS: RefCell<HashMap<String, Arc<PolicySet>>> = RefCell::new(HashMap::new());
}

pub(crate) fn shared<T>(
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
