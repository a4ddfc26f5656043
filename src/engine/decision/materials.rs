//! The checklist and the missing list, by material id: every required material once, with the
//! services that use it, and — when missing — whether it is tolerated and by when it must be
//! supplied (SPEC §2, §7.5).

use crate::calendar::{Calendar, CalendarError, Period};
use crate::date::Date;
use crate::engine::form::TypedForm;
use crate::engine::schedule::{BasisOut, TargetPlan};
use crate::policy::Policy;

use super::services::{Use, Why};
use super::{ChecklistItem, MissingItem, Outcome, Status, Tolerable};

/// Which services decide whether a missing material is tolerated.
pub(super) struct Deciding<'a> {
    /// By plan index: the service's outcome (`None`: not applicable).
    pub outcomes: &'a [Option<Outcome>],
    /// By plan index: whether the service proceeds.
    pub proceeding: &'a [bool],
    /// The bundle accepts each service on its own (SPEC §7.5).
    pub per_service: bool,
}

impl Deciding<'_> {
    fn outcome(&self, service: usize) -> Option<Outcome> {
        self.outcomes.get(service).copied().flatten()
    }

    /// The uses of one material that decide its tolerance: those of the services that are
    /// not rejected — and under `per_service`, when some service using it proceeds, only the
    /// proceeding ones (the others are sent back for correction anyway).
    fn uses<'g>(&'g self, group: &'g [Use]) -> impl Iterator<Item = &'g Use> + 'g {
        let proceeds = |u: &Use| self.proceeding.get(u.service).copied().unwrap_or(false);
        let by_proceeding = self.per_service && group.iter().any(proceeds);
        group.iter().filter(move |u| {
            if by_proceeding {
                proceeds(u)
            } else {
                self.outcome(u.service) != Some(Outcome::NotAccepted)
            }
        })
    }

    /// A missing material is tolerated only if every deciding service tolerates it and
    /// accepts with tolerance.
    fn tolerated(&self, group: &[Use]) -> bool {
        self.uses(group).next().is_some()
            && self.uses(group).all(|u| {
                u.tolerable.is_some()
                    && self.outcome(u.service) == Some(Outcome::AcceptedWithTolerance)
            })
    }
}

/// Outcomes only: the missing materials' ids and whether each is tolerated (no names, dates
/// or `used_by`).
pub(super) fn missing_only(
    policy: &Policy,
    form: &TypedForm,
    uses: &[Use],
    deciding: &Deciding<'_>,
) -> Vec<MissingItem> {
    let mut missing = Vec::new();
    for group in uses.chunk_by(|a, b| a.material == b.material) {
        let Some(mi) = group.first().map(|u| u.material) else {
            continue;
        };
        let Some(m) = policy.materials.get(mi) else {
            continue;
        };
        if form.material_status(mi) == Status::Missing {
            missing.push(MissingItem {
                id: m.id.clone(),
                name: String::new(),
                tolerated: deciding.tolerated(group),
                supplement_due: None,
                used_by: Vec::new(),
            });
        }
    }
    missing
}

/// The full checklist and missing list.
pub(super) struct Listed {
    pub checklist: Vec<ChecklistItem>,
    pub missing: Vec<MissingItem>,
    /// The latest supplement due day over the tolerated materials.
    pub supplement_due: Option<Date>,
    pub supplement_error: Option<CalendarError>,
}

/// What [`list`] reads.
pub(super) struct ListCtx<'a, 'p> {
    pub policy: &'p Policy,
    pub plan: &'a TargetPlan<'p>,
    pub form: &'a TypedForm,
    pub cal: &'a Calendar,
    pub received_on: Date,
    pub locale: &'a str,
}

pub(super) fn list(
    cx: &ListCtx<'_, '_>,
    uses: &[Use],
    mut why: Why,
    deciding: &Deciding<'_>,
) -> Listed {
    let mut out = Listed {
        checklist: Vec::new(),
        missing: Vec::new(),
        supplement_due: None,
        supplement_error: None,
    };
    let mut dues = DueCache {
        cal: cx.cal,
        from: cx.received_on,
        known: Vec::new(),
    };
    for group in uses.chunk_by(|a, b| a.material == b.material) {
        let Some(mi) = group.first().map(|u| u.material) else {
            continue;
        };
        let Some(m) = cx.policy.materials.get(mi) else {
            continue;
        };
        let status = cx.form.material_status(mi);
        let mut used_by: Vec<String> = group
            .iter()
            .filter_map(|u| cx.plan.services.get(u.service))
            .map(|s| s.id.clone())
            .collect();
        used_by.sort();
        // Tolerable in the checklist: every service needing it tolerates it; the shortest period.
        let shortest_period = if group.iter().all(|u| u.tolerable.is_some()) {
            shortest(&mut dues, group.iter().filter_map(|u| u.tolerable))
        } else {
            None
        };
        let name = m.name.get(cx.locale).to_string();
        if status == Status::Missing {
            let tolerated = deciding.tolerated(group);
            let mut due = None;
            if tolerated {
                // The earliest of the deciding services' periods.
                for p in deciding.uses(group).filter_map(|u| u.tolerable) {
                    match dues.due(p) {
                        Ok(d) => due = Some(due.map_or(d, |x: Date| x.min(d))),
                        Err(e) => out.supplement_error = Some(e),
                    }
                }
                if let Some(d) = due {
                    out.supplement_due = Some(out.supplement_due.map_or(d, |x: Date| x.max(d)));
                }
            }
            out.missing.push(MissingItem {
                id: m.id.clone(),
                name: name.clone(),
                tolerated,
                supplement_due: due,
                used_by: used_by.clone(),
            });
        }
        let (because, basis) = why.get_mut(mi).map(std::mem::take).unwrap_or_default();
        out.checklist.push(ChecklistItem {
            id: m.id.clone(),
            name,
            status,
            used_by,
            tolerable: shortest_period,
            because,
            electronic: m.electronic,
            commitment: m.commitment,
            basis: basis.or_else(|| BasisOut::from(&m.basis, cx.locale)),
        });
    }
    out
}

/// `cal.due(from, p)` for each distinct period once per request: several materials and services
/// share the same few periods, and a due date costs a calendar walk.
struct DueCache<'c> {
    cal: &'c Calendar,
    from: Date,
    known: Vec<(Period, Result<Date, CalendarError>)>,
}

impl DueCache<'_> {
    fn due(&mut self, p: Period) -> Result<Date, CalendarError> {
        if let Some((_, r)) = self.known.iter().find(|(q, _)| *q == p) {
            return r.clone();
        }
        let r = self.cal.due(self.from, p, &[]);
        self.known.push((p, r.clone()));
        r
    }
}

/// The period among `periods` that ends first from the received day (ties: the first listed).
fn shortest(dues: &mut DueCache, periods: impl Iterator<Item = Period>) -> Option<Tolerable> {
    let mut best: Option<(Option<Date>, Period)> = None;
    for p in periods {
        let d = dues.due(p).ok();
        best = match best {
            None => Some((d, p)),
            Some((bd, bp)) => match (bd, d) {
                (Some(x), Some(y)) if y < x => Some((d, p)),
                (None, Some(_)) => Some((d, p)),
                _ => Some((bd, bp)),
            },
        };
    }
    best.map(|(_, p)| Tolerable {
        supplement_within: p,
    })
}
