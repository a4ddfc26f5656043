//! The office clock against the limits (SPEC §7.1, §7.4, §7.8): which promise and statutory
//! limit apply, whether the counted days meet them, and the days the legal clock stops.

use super::{ServiceTime, TargetPlan};
use crate::calendar::{Calendar, CalendarError, Pause, Period};
use crate::date::Date;
use crate::expr::Form;
use crate::policy::{Extension, StageBy};

/// The limits that apply to a request.
pub(super) struct Limits<'a> {
    pub promise: Option<Period>,
    pub legal: Option<Period>,
    pub extension: Option<&'a Extension>,
}

/// `promise`: the first `promise_if` that holds (the region's when it has its own, else the
/// target's), then the region's `promise`, then the target's. `legal`: the first `legal_if`
/// that holds, then `legal`, each with its own extension.
pub(super) fn limits<'a>(plan: &TargetPlan<'a>, form: &dyn Form) -> Limits<'a> {
    let region = plan.region;
    let routes = match (region, plan.limits) {
        (Some(r), _) if !r.promise_if.is_empty() => r.promise_if.as_slice(),
        (_, Some(l)) => l.promise_if.as_slice(),
        _ => &[],
    };
    let promise = routes
        .iter()
        .find(|l| l.when.expr.eval(form))
        .map(|l| l.limit)
        .or_else(|| region.and_then(|r| r.promise))
        .or(plan.promise);
    let legal_if = plan
        .limits
        .and_then(|l| l.legal_if.iter().find(|x| x.when.expr.eval(form)));
    let (legal, extension) = match legal_if {
        Some(x) => (Some(x.limit), x.extension.as_ref()),
        None => (
            plan.legal,
            plan.limits.and_then(|l| l.legal_extension.as_ref()),
        ),
    };
    Limits {
        promise,
        legal,
        extension: if legal.is_some() { extension } else { None },
    }
}

/// Whether `counted` office days meet `limit`: at most its working days; for a limit in
/// natural days or months, at most the working days it spans from the received day.
pub(super) fn met(
    cal: &Calendar,
    received: Date,
    counted: i64,
    limit: Option<Period>,
) -> Result<Option<bool>, CalendarError> {
    match limit {
        None => Ok(None),
        Some(Period::WorkingDays(n)) => Ok(Some(counted <= i64::from(n))),
        Some(p) => {
            let end = cal.due(received, p, &[])?;
            Ok(Some(counted <= cal.working_days_between(received, end)?))
        }
    }
}

/// The days the legal clock stops: the pauses of the stages on the chain that decides the
/// counted days, and the whole of its applicant stages (after their start, to their due day).
pub(super) fn stopped(services: &[ServiceTime], path: &[(usize, usize)]) -> Vec<Pause> {
    let mut out = Vec::new();
    for &(k, i) in path {
        let Some(st) = services.get(k).and_then(|s| s.stages.get(i)) else {
            continue;
        };
        match st.by {
            StageBy::Applicant => {
                if let Some(from) = st.start.succ().filter(|f| *f <= st.due) {
                    out.push(Pause { from, to: st.due });
                }
            }
            StageBy::Office => {
                out.extend(st.pauses.iter().filter(|p| p.from <= p.to).map(|p| Pause {
                    from: p.from,
                    to: p.to,
                }))
            }
        }
    }
    out
}

/// `legal_extended_due`: `legal` + the extension from the received day when both are in the
/// same unit; otherwise the extension counted on from `legal_due`.
pub(super) fn extended_due(
    cal: &Calendar,
    received: Date,
    legal: Period,
    extension: Period,
    legal_due: Date,
    stopped: &[Pause],
) -> Result<Date, CalendarError> {
    let sum = |a: u32, b: u32| a.saturating_add(b);
    let total = match (legal, extension) {
        (Period::WorkingDays(a), Period::WorkingDays(b)) => Some(Period::WorkingDays(sum(a, b))),
        (Period::NaturalDays(a), Period::NaturalDays(b)) => Some(Period::NaturalDays(sum(a, b))),
        (Period::Months(a), Period::Months(b)) => Some(Period::Months(sum(a, b))),
        _ => None,
    };
    match total {
        Some(p) => cal.due(received, p, stopped),
        None => cal.due(legal_due, extension, stopped),
    }
}
