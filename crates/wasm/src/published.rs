//! Published policies (`intake_rules::policy::published`): `Policy.fromPublished(bytes)` and
//! `PolicySet.fromPublished(bytes)` in both modules — the portal module's only way to load a
//! policy — and `policy.publish()` / `set.publish()` in the full module. Conversion only.

use std::sync::Arc;

use js_sys::{ArrayBuffer, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use intake_rules::diag::Code;
use intake_rules::engine::policy_set::PolicySet;
use intake_rules::limits;
use intake_rules::policy::Policy;

use crate::args::budget;
use crate::errors::{fail, throw, too_large, Kind};
use crate::policy::JsPolicy;
use crate::policy_set::JsPolicySet;

/// Memory a load needs per byte of published data (the model is a few times its encoding).
const WORK: usize = 16;

/// The bytes of a `Uint8Array` (a Node `Buffer` is one) or an `ArrayBuffer`, checked on their
/// length before they are copied into wasm memory.
fn bytes_arg(v: &JsValue, max: usize) -> Result<Vec<u8>, JsValue> {
    let array = if let Some(a) = v.dyn_ref::<Uint8Array>() {
        a.clone()
    } else if let Some(b) = v.dyn_ref::<ArrayBuffer>() {
        Uint8Array::new(b)
    } else {
        return Err(fail(
            Kind::Policy,
            "bytes",
            Code::TypeMismatch,
            "`bytes` 必须是 Uint8Array 或 ArrayBuffer（publish 生成的文件内容）".to_string(),
            "`bytes` must be a Uint8Array or an ArrayBuffer (the contents of a file publish wrote)"
                .to_string(),
        ));
    };
    let n = array.length() as usize;
    if n > max {
        return Err(too_large(Kind::Policy, "", "bytes", max));
    }
    budget(Kind::Policy, "bytes", n.saturating_mul(1 + WORK))?;
    Ok(array.to_vec())
}

#[wasm_bindgen(js_class = Policy)]
impl JsPolicy {
    /// Load a published policy (`policy.publish()`, `intake-rules publish`): the validated
    /// model, not checked again. Throws `PolicyError` (`bad_published`, `published_mismatch`).
    #[wasm_bindgen(js_name = fromPublished)]
    pub fn from_published(
        #[wasm_bindgen(unchecked_param_type = "Uint8Array | ArrayBuffer")] bytes: JsValue,
    ) -> Result<JsPolicy, JsValue> {
        let bytes = bytes_arg(&bytes, limits::MAX_POLICY_BYTES)?;
        Policy::from_published(&bytes)
            .map(|p| JsPolicy::shared(Arc::new(p)))
            .map_err(|e| throw(e.into()))
    }

    /// The policy in its published form, for `Policy.fromPublished` (in either module).
    #[cfg(feature = "loader")]
    pub fn publish(&self) -> Vec<u8> {
        self.inner().publish()
    }
}

#[wasm_bindgen(js_class = PolicySet)]
impl JsPolicySet {
    /// Load a published policy set (`set.publish()`, `intake-rules publish`).
    #[wasm_bindgen(js_name = fromPublished)]
    pub fn from_published(
        #[wasm_bindgen(unchecked_param_type = "Uint8Array | ArrayBuffer")] bytes: JsValue,
    ) -> Result<JsPolicySet, JsValue> {
        let bytes = bytes_arg(&bytes, limits::MAX_POLICY_SET_BYTES)?;
        PolicySet::from_published(&bytes)
            .map(|s| JsPolicySet { inner: Arc::new(s) })
            .map_err(|e| throw(e.into()))
    }

    /// The set in its published form, for `PolicySet.fromPublished`.
    #[cfg(feature = "loader")]
    pub fn publish(&self) -> Vec<u8> {
        self.inner.publish()
    }
}
