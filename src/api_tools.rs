//! The policy-staff tools as plain-Rust functions, JSON text in and out, like `api.rs`: what
//! `wasm_tools.rs` exposes to JS, so native tests cover the JS contract.
//!
//! Architecture invariant: no wasm types here.

use crate::api::{to_json, Error};
use crate::cases::CaseFile;
use crate::diag::{Code, Diagnostic, Message};
use crate::policy::{Policy, PolicyError};

/// `policy.runCases(cases)`: the case report as JSON text.
///
/// # Errors
/// `RequestError` when the case file itself is unusable (every problem, with its path).
pub fn run_cases_json(policy: &Policy, cases: &str) -> Result<String, Error> {
    Ok(to_json(&policy.run_cases(cases)?))
}

/// `Policy.diff(old, next, cases?)`: the diff as JSON text.
///
/// # Errors
/// `RequestError` when a case file is given and is unusable.
pub fn diff_json(old: &Policy, new: &Policy, cases: Option<&str>) -> Result<String, Error> {
    let file = match cases {
        Some(text) => Some(CaseFile::from_json(text)?),
        None => None,
    };
    Ok(to_json(&crate::diff::diff(old, new, file.as_ref())))
}

/// The JSON text of a built-in pack, as shipped (for editors that start from it).
///
/// # Errors
/// `PolicyError` `bad_value` when there is no such pack.
pub fn builtin_source(id: &str) -> Result<&'static str, Error> {
    match crate::builtin::PACKS.iter().find(|(k, _)| *k == id) {
        Some((_, text)) => Ok(text),
        None => {
            let ids = crate::api::builtin_ids();
            let shown: String = id.chars().take(64).collect();
            Err(Error::Policy(PolicyError {
                issues: vec![Diagnostic::error(
                    "id",
                    Code::BadValue,
                    Message::new(
                        format!("没有内置策略 `{shown}`，可选：{}", ids.join("、")),
                        format!(
                            "there is no built-in policy `{shown}`; available: {}",
                            ids.join(", ")
                        ),
                    ),
                )],
            }))
        }
    }
}
