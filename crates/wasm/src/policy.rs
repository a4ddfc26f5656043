//! The `Policy` class: its getters and the request-taking methods. Loading is in `load.rs`
//! (JSON, objects, built-in packs: the full module) and `published.rs` (published policies: both
//! modules); the compact entries are in `compact.rs`, the authoring tools in `tools.rs` and
//! `guide.rs`.

use std::sync::Arc;

use wasm_bindgen::prelude::*;

use intake_rules::api;
use intake_rules::policy::Policy;

use crate::args::{from_json_text, request_call, text_arg, REQUEST};
use crate::errors::{throw, Kind};
#[cfg(feature = "loader")]
use crate::load::Doc;

impl JsPolicy {
    /// A handle on a policy that holds its own document (a built-in pack's is `'static`; a
    /// set's versions keep theirs), or needs none.
    pub(crate) fn shared(inner: Arc<Policy>) -> JsPolicy {
        JsPolicy {
            policy: inner,
            #[cfg(feature = "loader")]
            doc: None,
        }
    }

    /// A policy loaded from `doc`, which it does not hold (`load.rs`).
    #[cfg(feature = "loader")]
    pub(crate) fn from_doc(policy: Arc<Policy>, doc: Doc) -> JsPolicy {
        JsPolicy {
            policy,
            doc: Some(doc),
        }
    }

    /// The policy, its fingerprint computed first when still to compute: `fromJson` and
    /// `fromObject` leave it to the first use (it costs more than the load; `load.rs`), from
    /// the text kept in the JS heap. Every use of the policy goes through here.
    pub(crate) fn inner(&self) -> &Arc<Policy> {
        #[cfg(feature = "loader")]
        if !self.policy.has_fingerprint() {
            if let Some(doc) = &self.doc {
                let _ = self.policy.fingerprint_from_text(&String::from(&doc.text));
            }
        }
        &self.policy
    }
}

/// A compiled policy.
#[wasm_bindgen(js_name = Policy)]
pub struct JsPolicy {
    /// Shared: built-in packs and a set's versions are handed out without a copy.
    /// Read through [`JsPolicy::inner`] only.
    policy: Arc<Policy>,
    /// The document's text when `policy` does not hold it (full module only).
    #[cfg(feature = "loader")]
    pub(crate) doc: Option<Doc>,
}

#[wasm_bindgen(js_class = Policy)]
impl JsPolicy {
    #[wasm_bindgen(getter)]
    pub fn id(&self) -> String {
        self.inner().id.clone()
    }

    #[wasm_bindgen(getter)]
    pub fn version(&self) -> String {
        self.inner().version.clone()
    }

    #[wasm_bindgen(getter)]
    pub fn fingerprint(&self) -> String {
        self.inner().fingerprint().to_string()
    }

    /// Services and bundles a request may target, with the fields their rules read.
    #[wasm_bindgen(unchecked_return_type = "Target[]")]
    pub fn targets(&self) -> JsValue {
        from_json_text(&api::to_json(&api::targets(self.inner())))
    }

    /// The materials checklist of a request.
    #[wasm_bindgen(unchecked_return_type = "ChecklistItem[]")]
    pub fn checklist(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Request")] request: JsValue,
    ) -> Result<JsValue, JsValue> {
        request_call(&request, |text| api::checklist_json(self.inner(), text))
    }

    /// Decide a request. Throws `RequestError` only for an unusable request.
    #[wasm_bindgen(unchecked_return_type = "Decision")]
    pub fn evaluate(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Request")] request: JsValue,
    ) -> Result<JsValue, JsValue> {
        request_call(&request, |text| api::evaluate_json(self.inner(), text))
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
        api::evaluate_json(self.inner(), &text).map_err(throw)
    }

    /// The timeline of a request, whatever its outcome.
    #[wasm_bindgen(unchecked_return_type = "Timeline")]
    pub fn timeline(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Request")] request: JsValue,
    ) -> Result<JsValue, JsValue> {
        request_call(&request, |text| api::timeline_json(self.inner(), text))
    }
}
