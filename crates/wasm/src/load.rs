//! Loading from JSON text, plain objects and the built-in packs: the full module only (cargo
//! feature `loader`). The portal module loads published policies only (`published.rs`), so the
//! loader, its condition parser and checker, its diagnostic texts and the embedded packs are
//! not in what a portal's visitors download.

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
    budget, from_json_text, string_arg, text_arg, to_json, to_json_text, POLICY_DOC, SET_DOC,
};
use crate::errors::{object_error, throw, Kind};
use crate::policy::JsPolicy;
use crate::policy_set::JsPolicySet;

/// The JSON text of a policy loaded from the caller's text (`positions`: lint reports lines and
/// columns) or object, kept in the JS heap: wasm memory never shrinks, the JS heap is
/// collected, and a loaded policy then holds its compiled model only. Lint re-reads it for its
/// positions, and the first use of the policy computes the fingerprint from it
/// ([`JsPolicy::inner`]): hashing the canonical document costs more than loading it, so
/// `fromJson` leaves it to the first decision, which every decision carries.
pub(crate) struct Doc {
    pub text: JsString,
    pub positions: bool,
}

impl JsPolicy {
    /// A policy just loaded from `text` (see [`Doc`]).
    fn loaded(p: Policy, text: JsString, positions: bool) -> JsPolicy {
        JsPolicy::from_doc(
            Arc::new(p.without_source_unfingerprinted()),
            Doc { text, positions },
        )
    }
}

/// A set loaded from the caller's text or object: the portal module drops its versions' texts
/// (no tool reads them there); the full module keeps them for lint.
pub(crate) fn kept_set(s: PolicySet) -> Arc<PolicySet> {
    #[cfg(not(feature = "authoring"))]
    let s = s.without_sources();
    Arc::new(s)
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
}
