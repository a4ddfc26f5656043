//! The JS binding: the only crate that names wasm_bindgen. It converts values (JS object ⇄ JSON
//! text, which keeps outputs byte-identical with native) and errors (into `Error`s with `name`,
//! `code` and `issues`), and calls `api`. No logic lives here.
//!
//! Modules: `args` (argument conversion), `errors` (error conversion), one per exported class
//! (`policy`, `policy_set`, `calendar`; `compact` adds the compact entries to `Policy`),
//! `published` (`fromPublished`, `publish`), `load` (JSON, objects, built-in packs: feature
//! `loader`, the full module only),
//! `memory` (the counted allocator and its ceiling), and with `authoring` `tools` and `guide`.

#![cfg(target_arch = "wasm32")]

mod args;
mod calendar;
mod compact;
mod errors;
// The authoring bindings (lint, runCases, diff, builtinSource, guide, guideHtml): left out of
// the portal module (`--no-default-features`), so LTO drops lint, cases, diff and guide code.
#[cfg(feature = "authoring")]
mod guide;
#[cfg(feature = "loader")]
mod load;
mod memory;
mod policy;
mod policy_set;
mod published;
#[cfg(feature = "authoring")]
mod tools;

use wasm_bindgen::prelude::*;

pub use calendar::JsCalendar;
pub use policy::JsPolicy;
pub use policy_set::JsPolicySet;

// The TypeScript types of both modules' values: the output types generated from the core's
// Rust types (`make types`), the policy document generated from its JSON Schema, and the other
// inputs (checked against the Rust readers' keys by the core's tests/ts_types.rs).
#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = include_str!("../../../js/generated/types.d.ts");
#[wasm_bindgen(typescript_custom_section)]
const TS_POLICY_DOCUMENT: &'static str = include_str!("../../../js/generated/policy-document.d.ts");
#[wasm_bindgen(typescript_custom_section)]
const TS_INPUTS: &'static str = include_str!("../../../js/inputs.d.ts");
