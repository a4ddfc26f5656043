//! Policy documents: the validated model, loading with every diagnostic, lint, fingerprint.
//!
//! Architecture invariant: loading is the only place that reads raw JSON; everything after it
//! sees the validated model (`model.rs`) and never re-validates.

pub mod builtin;
pub mod fingerprint;
pub mod keys;
mod load;
pub mod model;
mod parse;
pub mod published;

pub(crate) use load::json_detail_zh;
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

impl Policy {
    /// Load a policy from JSON text; problems carry line and column (1-based, UTF-16 columns).
    ///
    /// # Errors
    ///
    /// Every problem of the document at once, sorted by position: `too_large` beyond
    /// [`crate::limits::MAX_POLICY_BYTES`], `invalid_json`, or any structural, reference and
    /// condition error (see `docs/policy-format.md`).
    pub fn from_json(text: &str) -> Result<Policy, PolicyError> {
        load::from_json(text).map_err(|issues| PolicyError { issues })
    }

    /// [`Policy::from_json`] on a `'static` text (a built-in pack), which the policy then holds
    /// without a copy of its own.
    ///
    /// # Errors
    ///
    /// As [`Policy::from_json`].
    pub fn from_static_json(text: &'static str) -> Result<Policy, PolicyError> {
        let mut p = Policy::from_json(text)?;
        p.doc = std::sync::Arc::new(crate::text::locate::LazyLocations::from_cow(
            std::borrow::Cow::Borrowed(text),
        ));
        Ok(p)
    }

    /// Load a policy from an already-parsed document; problems have no line or column and are
    /// sorted by path.
    ///
    /// # Errors
    ///
    /// As [`Policy::from_json`], without positions.
    pub fn from_value(doc: &serde_json::Value) -> Result<Policy, PolicyError> {
        load::from_value(doc).map_err(|issues| PolicyError { issues })
    }

    /// Load a policy from the JSON text of an object built in memory (JS `Policy.fromObject`):
    /// problems have no line or column, as with [`Policy::from_value`], but the fields keep
    /// the text's order (`field_order`), as with [`Policy::from_json`].
    ///
    /// # Errors
    ///
    /// As [`Policy::from_value`].
    pub fn from_object_text(text: &str) -> Result<Policy, PolicyError> {
        load::from_object_text(text).map_err(|issues| PolicyError { issues })
    }
}

impl Policy {
    /// The policy without its document's text, like [`Policy::without_source`], but with the
    /// fingerprint still to compute: the caller keeps the text and must call
    /// [`Policy::fingerprint_from_text`] with it before anything reads the fingerprint (the JS
    /// binding does, through its one accessor). Loading stays free of the fingerprint's cost
    /// (canonical JSON and SHA-256 of the whole document, more than the load itself), which
    /// the first decision pays once.
    pub fn without_source_unfingerprinted(mut self) -> Policy {
        self.doc = Default::default();
        self.positions = false;
        self.source_cache = std::sync::OnceLock::new();
        self
    }

    /// Whether the fingerprint is known (computed, or read from a published policy).
    pub fn has_fingerprint(&self) -> bool {
        self.fingerprint_cache.get().is_some()
    }

    /// The fingerprint, computed from `text` — the document this policy was loaded from — when
    /// not known yet (see [`Policy::without_source_unfingerprinted`]).
    pub fn fingerprint_from_text(&self, text: &str) -> &str {
        self.fingerprint_cache.get_or_init(|| {
            fingerprint::fingerprint(&serde_json::from_str(text).unwrap_or(serde_json::Value::Null))
        })
    }
}
