//! Types shared by the engine's modules (and shown in decisions): outcomes, material statuses,
//! issues, legal basis. They live here, not in an algorithm module, so `decision`, `notice`,
//! `schedule` and `request` import this leaf instead of each other.

use serde::Serialize;

use crate::diag::{Code, Diagnostic, Message};
use crate::policy::Basis;

/// Outcome of a service or of the whole application, from best to worst.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Accepted,
    AcceptedWithTolerance,
    NeedsCorrection,
    NotAccepted,
}

impl Outcome {
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Accepted => "accepted",
            Outcome::AcceptedWithTolerance => "accepted_with_tolerance",
            Outcome::NeedsCorrection => "needs_correction",
            Outcome::NotAccepted => "not_accepted",
        }
    }
    pub fn label(self, locale: &str) -> &'static str {
        let en = crate::text::Locale::parse(locale).is_en();
        match (self, en) {
            (Outcome::Accepted, false) => "受理",
            (Outcome::AcceptedWithTolerance, false) => "容缺受理",
            (Outcome::NeedsCorrection, false) => "补正",
            (Outcome::NotAccepted, false) => "不予受理",
            (Outcome::Accepted, true) => "accepted",
            (Outcome::AcceptedWithTolerance, true) => "accepted with tolerance",
            (Outcome::NeedsCorrection, true) => "needs correction",
            (Outcome::NotAccepted, true) => "not accepted",
        }
    }
}

/// How a material is satisfied in a request: the condition language's own status type, so
/// what a decision shows is exactly what `provided(m)` and the other tests read.
pub use crate::expr::MaterialStatus as Status;

/// A problem or warning in a decision: `{path, code, message}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Issue {
    pub path: String,
    pub code: Code,
    pub message: Message,
}

impl From<Diagnostic> for Issue {
    fn from(d: Diagnostic) -> Self {
        Issue {
            path: d.path,
            code: d.code,
            message: d.message,
        }
    }
}

/// A legal basis as shown to applicants.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "Basis"))]
pub struct BasisOut {
    pub label: String,
    pub url: Option<String>,
}

impl BasisOut {
    pub fn from(b: &Option<Basis>, locale: &str) -> Option<BasisOut> {
        b.as_ref().map(|b| BasisOut {
            label: b.label.get(locale).to_string(),
            url: b.url.clone(),
        })
    }
}
