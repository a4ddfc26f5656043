//! Each service of the plan: does it apply, does a reject hold, which materials does it
//! require, and so its outcome (SPEC §2). Shared materials are judged later, over all the
//! services' uses (`materials`).

use std::collections::BTreeMap;

use serde_json::Value;

use crate::calendar::Period;
use crate::engine::form::{FormIn, TypedForm};
use crate::engine::schedule::{BasisOut, TargetPlan};
use crate::expr::Form;
use crate::policy::{MaterialReq, Policy, Requirement, Service};

use super::{Because, Detail, Outcome, Reason, ServiceOutcome, Status};

/// One requirement that holds: material `material` (catalogue index) is needed by service
/// `service` (index in the plan), tolerable for that period.
#[derive(Debug, Clone, Copy)]
pub(super) struct Use {
    pub material: usize,
    pub service: usize,
    pub tolerable: Option<Period>,
}

/// Why each material is required (full detail only), by catalogue index: the conditions that
/// made it required and the first basis given.
pub(super) type Why = Vec<(Vec<Because>, Option<BasisOut>)>;

/// The services judged.
pub(super) struct Judged {
    /// Applicable services, sorted by id.
    pub services: Vec<ServiceOutcome>,
    /// Ids of the services that do not apply, sorted.
    pub not_applicable: Vec<String>,
    /// By plan index: the outcome, `None` when the service does not apply.
    pub outcomes: Vec<Option<Outcome>>,
    /// Every requirement that holds: sorted by material, each material's uses in plan order.
    pub uses: Vec<Use>,
    /// Empty unless the detail is full.
    pub why: Why,
}

/// What judging a service reads.
pub(super) struct Ctx<'a, 'p> {
    pub policy: &'p Policy,
    pub plan: &'a TargetPlan<'p>,
    pub form: &'a TypedForm,
    /// The form as sent, for the values shown in `because`.
    pub sent: FormIn<'a>,
    /// Whether the request has any field error (every applicable service not rejected then
    /// needs correction).
    pub field_errors: bool,
    pub detail: Detail,
    pub locale: &'a str,
}

pub(super) fn judge(cx: &Ctx<'_, '_>) -> Judged {
    let policy = cx.policy;
    let full = cx.detail == Detail::Full;
    let mut out = Judged {
        services: Vec::with_capacity(cx.plan.services.len()),
        not_applicable: Vec::new(),
        outcomes: vec![None; cx.plan.services.len()],
        uses: Vec::new(),
        why: Vec::new(),
    };
    if full {
        out.why
            .resize_with(policy.materials.len(), || (Vec::new(), None));
    }
    // Reused across services: (material, tolerable period) of the missing ones.
    let mut missing_here: Vec<(usize, Option<Period>)> = Vec::new();
    for (si, s) in cx.plan.services.iter().enumerate() {
        if s.applies_if.as_ref().is_some_and(|c| !c.expr.eval(cx.form)) {
            out.not_applicable.push(s.id.clone());
            continue;
        }
        let rejected = rejects(cx, s);
        missing_here.clear();
        for mr in &s.materials {
            if !holds(&mr.required, cx.form) || mr.material >= policy.materials.len() {
                continue;
            }
            out.uses.push(Use {
                material: mr.material,
                service: si,
                tolerable: mr.tolerable,
            });
            if let Some(why) = out.why.get_mut(mr.material) {
                record_why(cx, s, mr, why);
            }
            if cx.form.material_status(mr.material) == Status::Missing {
                missing_here.push((mr.material, mr.tolerable));
            }
        }
        let outcome = outcome(cx, s, rejected.holds, &missing_here);
        if let Some(o) = out.outcomes.get_mut(si) {
            *o = Some(outcome);
        }
        out.services.push(ServiceOutcome {
            id: s.id.clone(),
            name: if full {
                s.name.get(cx.locale).to_string()
            } else {
                String::new()
            },
            outcome,
            reasons: rejected.reasons,
            redirect: rejected.redirect,
        });
    }
    out.services.sort_by(|a, b| a.id.cmp(&b.id));
    out.not_applicable.sort();
    // A stable sort: by material (catalogue = id order), each material's uses in plan order.
    out.uses.sort_by_key(|u| u.material);
    out
}

fn holds(r: &Requirement, form: &dyn Form) -> bool {
    match r {
        Requirement::Never => false,
        Requirement::Always => true,
        Requirement::If(c) => c.expr.eval(form),
    }
}

/// The rejects of a service that hold.
struct Rejected {
    holds: bool,
    /// Full detail: every reason that holds, in the policy's order.
    reasons: Vec<Reason>,
    /// The first holding reject's `redirect` that names one (full detail only).
    redirect: Option<String>,
}

fn rejects(cx: &Ctx<'_, '_>, s: &Service) -> Rejected {
    let mut out = Rejected {
        holds: false,
        reasons: Vec::new(),
        redirect: None,
    };
    for r in s.rejects.iter().filter(|r| r.when.expr.eval(cx.form)) {
        out.holds = true;
        if cx.detail == Detail::Outcomes {
            // The outcome only needs to know that one holds.
            break;
        }
        out.reasons.push(Reason {
            condition: r.when.src.clone(),
            reason: r.reason.get(cx.locale).to_string(),
            basis: BasisOut::from(&r.basis, cx.locale),
        });
        if out.redirect.is_none() {
            out.redirect.clone_from(&r.redirect);
        }
    }
    out
}

/// Records why `mr` is required by `s`: its condition with the values that made it hold, and
/// the first basis given for the material.
fn record_why(
    cx: &Ctx<'_, '_>,
    s: &Service,
    mr: &MaterialReq,
    (because, basis): &mut (Vec<Because>, Option<BasisOut>),
) {
    if basis.is_none() {
        *basis = BasisOut::from(&mr.basis, cx.locale);
    }
    let Requirement::If(c) = &mr.required else {
        return;
    };
    let mut values = BTreeMap::new();
    for &fi in c.expr.fields() {
        if let Some(f) = cx.policy.fields.get(fi) {
            // The typed form keeps what was sent (no map lookup); it leaves out `""`, `null`
            // and oversized strings, which are read as sent.
            let sent = cx.form.raw(fi).or_else(|| cx.sent.sent(fi, &f.id));
            values.insert(f.id.clone(), sent.cloned().unwrap_or(Value::Null));
        }
    }
    because.push(Because {
        service: s.id.clone(),
        condition: c.src.clone(),
        values,
    });
}

/// A service's outcome: rejected, else needs correction on any field error, else by its
/// missing materials — accepted with tolerance only when all are tolerable, their count is
/// within `max_missing` and `excluded_if` does not hold, all together or not at all.
fn outcome(
    cx: &Ctx<'_, '_>,
    s: &Service,
    rejected: bool,
    missing: &[(usize, Option<Period>)],
) -> Outcome {
    if rejected {
        return Outcome::NotAccepted;
    }
    if cx.field_errors {
        return Outcome::NeedsCorrection;
    }
    if missing.is_empty() {
        return Outcome::Accepted;
    }
    let all_tolerable = missing.iter().all(|(_, t)| t.is_some());
    let (max_ok, excluded) = match &s.tolerance {
        None => (true, false),
        Some(t) => (
            t.max_missing.is_none_or(|m| missing.len() <= m as usize),
            t.excluded_if.as_ref().is_some_and(|c| c.expr.eval(cx.form)),
        ),
    };
    if all_tolerable && max_ok && !excluded {
        Outcome::AcceptedWithTolerance
    } else {
        Outcome::NeedsCorrection
    }
}
