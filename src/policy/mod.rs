//! Policy documents: the validated model, loading with every diagnostic, lint, fingerprint.
//! STUB for loading: being implemented; signatures are the contract.

pub mod model;

pub use model::*;

use crate::diag::Diagnostic;

/// A policy that cannot be loaded: every problem found, at once. Thrown to JS as `PolicyError`.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{}", summary(.issues))]
pub struct PolicyError {
    pub issues: Vec<Diagnostic>,
}

fn summary(issues: &[Diagnostic]) -> String {
    match issues.first() {
        None => "invalid policy".to_string(),
        Some(first) if issues.len() == 1 => first.one_line("en"),
        Some(first) => format!(
            "{} (and {} more problems)",
            first.one_line("en"),
            issues.len() - 1
        ),
    }
}

#[allow(unused_variables, clippy::todo)]
impl Policy {
    /// Load a policy from JSON text; problems carry line and column.
    pub fn from_json(text: &str) -> Result<Policy, PolicyError> {
        todo!()
    }
    /// Load a policy from an already-parsed document; problems have no line or column.
    pub fn from_value(doc: &serde_json::Value) -> Result<Policy, PolicyError> {
        todo!()
    }
    /// Problems that load fine but are wrong (SPEC §4).
    pub fn lint(&self) -> Vec<Diagnostic> {
        todo!()
    }
}
