//! The compact decision: just what a portal reads on every keystroke — the overall outcome, each
//! applicable service's outcome, the services that proceed, the field errors, the fields
//! required for the form as sent and the missing materials (with whether each is tolerated). It runs the same analysis as [`Policy::evaluate`] but skips what the caller does
//! not read: the one-time notice, the timeline and the policy block, and it serializes a few
//! hundred bytes instead of a 4–5 KB decision. Its fields always equal the same fields of the
//! full decision (the bench checks this on every input).
//!
//! Chosen by measurement (docs/performance.md): from JS the full `evaluate` spends most of its
//! time building and converting the full result object.

use serde::Serialize;

use crate::engine::decision::{analyse_input, analyse_with, Detail, Input, Issue, Outcome};
use crate::engine::request::{Request, RequestError};
use crate::policy::Policy;

/// One applicable service's outcome.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CompactService {
    pub id: String,
    pub outcome: Outcome,
}

/// A required material that is missing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CompactMissing {
    pub id: String,
    pub tolerated: bool,
}

/// The compact decision; every field equals the same field of the full [`crate::Decision`].
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CompactDecision {
    pub outcome: Outcome,
    pub services: Vec<CompactService>,
    /// The services that go ahead, sorted (SPEC §7.5).
    pub proceeding: Vec<String>,
    pub field_errors: Vec<Issue>,
    /// The fields required for the form as sent, sorted (SPEC §7.7).
    pub required_fields: Vec<String>,
    pub missing: Vec<CompactMissing>,
    /// The office clock of the timeline (SPEC §7.1): the full decision's
    /// `timeline.counted_working_days`; null when no service proceeds or the timeline cannot be
    /// computed. Only computed when some service proceeds (then it costs a full analysis).
    pub counted_working_days: Option<i64>,
}

impl Policy {
    /// Decide a request, keeping only the outcome, per-service outcomes, field errors and missing
    /// materials (no notice, no timeline).
    ///
    /// # Errors
    /// As [`Policy::evaluate`].
    pub fn evaluate_compact(&self, req: &Request) -> Result<CompactDecision, RequestError> {
        // Outcomes only: no names, reasons, checklist, `because` or due dates to build.
        let mut c = CompactDecision::of(analyse_with(self, req, Detail::Outcomes)?);
        if !c.proceeding.is_empty() {
            c.counted_working_days = counted(analyse_with(self, req, Detail::Full)?, req);
        }
        Ok(c)
    }
}

impl CompactDecision {
    fn of(a: crate::engine::decision::Analysis<'_>) -> CompactDecision {
        CompactDecision {
            outcome: a.outcome,
            services: a
                .services
                .into_iter()
                .map(|s| CompactService {
                    id: s.id,
                    outcome: s.outcome,
                })
                .collect(),
            proceeding: a.proceeding,
            field_errors: a.field_errors,
            required_fields: a.required_fields,
            missing: a
                .missing
                .into_iter()
                .map(|m| CompactMissing {
                    id: m.id,
                    tolerated: m.tolerated,
                })
                .collect(),
            counted_working_days: None,
        }
    }
}

/// The counted working days of the full decision's timeline (SPEC §7.1), exactly as
/// [`Policy::evaluate`] would report them.
fn counted(full: crate::engine::decision::Analysis<'_>, req: &Request) -> Option<i64> {
    full.into_decision(&req.target)
        .timeline
        .map(|t| t.counted_working_days)
}

/// The compact decision of a request given as JSON text, read straight into the policy's field
/// and material slots (no maps of keys): the per-keystroke path. Same answers as
/// `evaluate_compact(&Request::from_json(..))`; the tests compare the two on every case request
/// and on generated ones.
///
/// # Errors
/// `RequestError` for a structurally unusable request.
pub fn compact_from_json(policy: &Policy, request: &str) -> Result<CompactDecision, RequestError> {
    let (req, slots) = Request::from_json_indexed(request, policy)?;
    let input = Input::of_slots(&slots);
    let mut c = CompactDecision::of(analyse_input(policy, &req, input, Detail::Outcomes)?);
    if !c.proceeding.is_empty() {
        c.counted_working_days = counted(analyse_input(policy, &req, input, Detail::Full)?, &req);
    }
    Ok(c)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

    use super::*;

    /// The compact decision runs `analyse` in its outcomes-only mode: on every case request of
    /// every pack (and with each locale) its fields must equal the full decision's.
    #[test]
    fn compact_equals_the_full_decision() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("packs");
        let mut checked = 0;
        for id in [
            "joint-utility-connection",
            "industrial-drawing-review",
            "food-business-licence",
        ] {
            let text = std::fs::read_to_string(dir.join(format!("{id}.json"))).unwrap();
            let policy = Policy::from_json(&text).unwrap();
            let cases = std::fs::read_to_string(dir.join(format!("{id}.cases.json"))).unwrap();
            let cases: serde_json::Value = serde_json::from_str(&cases).unwrap();
            for case in cases["cases"].as_array().unwrap() {
                for locale in ["zh-CN", "en"] {
                    let mut request = case["request"].clone();
                    request["locale"] = serde_json::Value::from(locale);
                    let Ok(req) = Request::from_value(request) else {
                        continue;
                    };
                    let full = policy.evaluate(&req);
                    let compact = policy.evaluate_compact(&req);
                    let (Ok(full), Ok(compact)) = (full, compact) else {
                        continue;
                    };
                    assert_eq!(compact.outcome, full.outcome);
                    assert_eq!(compact.field_errors, full.field_errors);
                    assert_eq!(compact.proceeding, full.proceeding);
                    assert_eq!(compact.required_fields, full.required_fields);
                    let services: Vec<(&str, Outcome)> = full
                        .services
                        .iter()
                        .map(|s| (s.id.as_str(), s.outcome))
                        .collect();
                    let compact_services: Vec<(&str, Outcome)> = compact
                        .services
                        .iter()
                        .map(|s| (s.id.as_str(), s.outcome))
                        .collect();
                    assert_eq!(compact_services, services);
                    let missing: Vec<(&str, bool)> = full
                        .missing
                        .iter()
                        .map(|m| (m.id.as_str(), m.tolerated))
                        .collect();
                    let compact_missing: Vec<(&str, bool)> = compact
                        .missing
                        .iter()
                        .map(|m| (m.id.as_str(), m.tolerated))
                        .collect();
                    assert_eq!(compact_missing, missing);
                    assert_eq!(
                        compact.counted_working_days,
                        full.timeline.as_ref().map(|t| t.counted_working_days)
                    );
                    checked += 1;
                }
            }
        }
        assert!(checked > 20, "only {checked} requests compared");
    }
}
