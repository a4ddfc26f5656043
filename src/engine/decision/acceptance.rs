//! What the law asks of an acceptance beyond the outcome (SPEC §7.5–§7.7): which services
//! proceed, by when the one-time correction notice is due (行政许可法 Art. 32), how committed
//! materials are verified afterwards (告知承诺 事后核查), and which form fields are required.

use crate::calendar::Calendar;
use crate::date::Date;
use crate::engine::form::TypedForm;
use crate::engine::schedule::{TargetPlan, Timeline};
use crate::policy::{Acceptance, Policy};

use super::{ChecklistItem, FollowUp, Outcome, Status};

/// The services that go ahead, by plan index and as sorted ids. Together (and for a single
/// service): all applicable services when the overall outcome is accepted (with tolerance or
/// not), otherwise none. Per service: each applicable service accepted on its own.
pub(super) fn proceeding(
    acceptance: Acceptance,
    overall: Outcome,
    plan: &TargetPlan<'_>,
    outcomes: &[Option<Outcome>],
) -> (Vec<bool>, Vec<String>) {
    let accepted = |o: Outcome| matches!(o, Outcome::Accepted | Outcome::AcceptedWithTolerance);
    let flags: Vec<bool> = outcomes
        .iter()
        .map(|o| match (acceptance, o) {
            (_, None) => false,
            (Acceptance::Together, Some(_)) => accepted(overall),
            (Acceptance::PerService, Some(o)) => accepted(*o),
        })
        .collect();
    let mut ids: Vec<String> = plan
        .services
        .iter()
        .zip(&flags)
        .filter(|(_, &f)| f)
        .map(|(s, _)| s.id.clone())
        .collect();
    ids.sort();
    ids.dedup();
    (flags, ids)
}

/// Art. 32: when the outcome is `needs_correction`, the policy's `correction_notice_within`
/// after the received day; `None` otherwise, or when the calendar cannot say.
pub(super) fn correction_notice_due(
    policy: &Policy,
    cal: &Calendar,
    received_on: Date,
    overall: Outcome,
) -> Option<Date> {
    if overall != Outcome::NeedsCorrection {
        return None;
    }
    cal.due(received_on, policy.correction_notice_within, &[])
        .ok()
}

/// The ids of the fields required for the form as sent, filled or not (sorted: the policy's
/// fields are sorted by id).
pub(super) fn required_fields(policy: &Policy, form: &TypedForm) -> Vec<String> {
    policy
        .fields
        .iter()
        .enumerate()
        .filter(|(i, _)| form.is_required(*i))
        .map(|(_, f)| f.id.clone())
        .collect()
}

/// One follow-up per committed material that has a verification (`commitment:
/// {verify_within, method}`) and that a proceeding service uses: due `verify_within` after
/// the due day of the latest proceeding service using it. A commitment nothing proceeds on is
/// not acted on, so it has no follow-up; without a timeline the due day is `None`.
pub(crate) fn follow_ups(
    policy: &Policy,
    cal: &Calendar,
    checklist: &[ChecklistItem],
    proceeding: &[String],
    timeline: Option<&Timeline>,
) -> Vec<FollowUp> {
    let mut out = Vec::new();
    for item in checklist.iter().filter(|c| c.status == Status::Committed) {
        let Some(verify) = policy
            .material_index(&item.id)
            .and_then(|i| policy.materials.get(i))
            .and_then(|m| m.verify)
        else {
            continue;
        };
        let mut users = item
            .used_by
            .iter()
            .filter(|s| proceeding.binary_search(s).is_ok())
            .peekable();
        if users.peek().is_none() {
            continue;
        }
        let latest = timeline.and_then(|t| {
            users
                .filter_map(|id| t.services.iter().find(|s| &s.id == id).map(|s| s.due))
                .max()
        });
        out.push(FollowUp {
            material: item.id.clone(),
            method: verify.method.as_str(),
            due: latest.and_then(|d| cal.due(d, verify.within, &[]).ok()),
        });
    }
    out
}
