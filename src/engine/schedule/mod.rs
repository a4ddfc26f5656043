//! Stages, bundles and pauses → the timeline (SPEC §3 as corrected by §7).
//!
//! A service's stages form a graph (`after`); inside a bundle a stage may also wait for a stage
//! of another service, or for a whole service (§7.3). A stage starts on the due day of its
//! latest predecessor (or on the services' start) and counts from that day; its pauses run
//! first, one after another: a pause of P natural days covers the P days after its start as
//! they fall, a pause of P working days the next P working days, and the stage's limit counts
//! from the day the last pause ends. A bundle runs `intake`, then its services in parallel,
//! then `finish`; the serial schedule runs the same services one after another (those another
//! waits for first), for comparison. The final issue never precedes the latest supplement due
//! day.
//!
//! Two clocks (§7.1): `working_days` are elapsed (what the applicant waits, in (received,
//! due]); `counted_working_days` are what the office is held to — the largest sum of the
//! stages' counted days over any chain of `after` (intake → services → finish). A pause, an
//! applicant's own stage (§7.2) and waiting for a supplement never count. `promise_met` and
//! `legal_met` judge the counted days; `legal_due` is the day the office clock reaches the
//! statutory limit.

use serde::Serialize;

use crate::calendar::{BeyondCoverage, Calendar, CalendarError, Period};
use crate::date::Date;
use crate::expr::Form;
use crate::policy::{Bundle, Label, Phase, Policy, Region, Service, StageBy, TargetLimits};

mod clock;
mod run;

pub use super::types::BasisOut;

/// A pause of a stage as scheduled: the days it covers (inclusive), which do not count.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PauseTime {
    pub name: String,
    pub from: Date,
    pub to: Date,
    /// The pause's length in its unit.
    pub days: u32,
    /// `natural_days` or `working_days`.
    #[cfg_attr(feature = "ts", ts(type = "\"natural_days\" | \"working_days\""))]
    pub unit: &'static str,
}

/// One stage as scheduled.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct StageTime {
    pub id: String,
    pub name: Option<String>,
    /// `office` or `applicant` (SPEC §7.2).
    pub by: StageBy,
    pub start: Date,
    pub due: Date,
    /// Working days of the stage's limit: in (start + pauses, due].
    pub working_days: i64,
    /// What the office clock counts: `working_days` for an office stage, 0 for the applicant's.
    pub counted_working_days: i64,
    /// Calendar days paused at the start of the stage.
    pub paused_days: i64,
    pub pauses: Vec<PauseTime>,
    pub limit: Period,
    pub basis: Option<BasisOut>,
}

/// One service as scheduled.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ServiceTime {
    pub id: String,
    pub name: String,
    pub start: Date,
    pub due: Date,
    /// The largest sum of counted days over a chain of the service's own stages.
    pub counted_working_days: i64,
    pub stages: Vec<StageTime>,
}

/// A phase run once for a bundle (intake, finish).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PhaseTime {
    pub name: Option<String>,
    pub start: Date,
    pub due: Date,
    pub working_days: i64,
}

/// A service's place in the serial schedule.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SerialSlot {
    pub id: String,
    pub start: Date,
    pub due: Date,
}

/// `legal.extension` as it applies (SPEC §7.1, 行政许可法 Art. 42 ¶1).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ExtensionOut {
    pub limit: Period,
    pub approved_by: String,
}

/// The timeline of a request (SPEC §3, "Timeline result", and §7.1).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Timeline {
    pub received_on: Date,
    pub due: Date,
    /// Elapsed: working days in (received_on, due].
    pub working_days: i64,
    /// The office clock (SPEC §7.1).
    pub counted_working_days: i64,
    pub intake: Option<PhaseTime>,
    pub services: Vec<ServiceTime>,
    pub finish: Option<PhaseTime>,
    pub supplement_due: Option<Date>,
    pub promise: Option<Period>,
    pub legal: Option<Period>,
    pub promise_met: Option<bool>,
    pub legal_met: Option<bool>,
    /// The day the office clock reaches `legal`; null without a `legal` limit.
    pub legal_due: Option<Date>,
    pub legal_extension: Option<ExtensionOut>,
    /// The same with `legal` + its extension; null without either.
    pub legal_extended_due: Option<Date>,
    pub serial_due: Date,
    pub serial_working_days: i64,
    pub saved_working_days: i64,
    pub serial: Vec<SerialSlot>,
    pub estimated: bool,
}

/// What the schedule needs to know about the target.
#[derive(Debug, Clone)]
pub struct TargetPlan<'a> {
    /// The services to schedule, in bundle order (or the single service).
    pub services: Vec<&'a Service>,
    pub intake: Option<&'a Phase>,
    pub finish: Option<&'a Phase>,
    pub promise: Option<Period>,
    pub legal: Option<Period>,
    /// The target's `promise_if`, `legal_if` and `legal.extension`.
    pub limits: Option<&'a TargetLimits>,
    /// The request's region (SPEC §7.8).
    pub region: Option<&'a Region>,
}

impl<'a> TargetPlan<'a> {
    /// A single service as the target.
    pub fn of_service(s: &'a Service) -> TargetPlan<'a> {
        TargetPlan {
            services: vec![s],
            intake: None,
            finish: None,
            promise: s.promise,
            legal: s.legal,
            limits: Some(&s.limits),
            region: None,
        }
    }

    /// A bundle as the target, with its (distinct) services in order.
    pub fn of_bundle(b: &'a Bundle, services: Vec<&'a Service>) -> TargetPlan<'a> {
        TargetPlan {
            services,
            intake: b.intake.as_ref(),
            finish: b.finish.as_ref(),
            promise: b.promise,
            legal: b.legal,
            limits: Some(&b.limits),
            region: None,
        }
    }

    /// The same plan for other services (the applicable or proceeding ones).
    pub fn with_services(&self, services: Vec<&'a Service>) -> TargetPlan<'a> {
        TargetPlan {
            services,
            ..self.clone()
        }
    }
}

/// The promise and the statutory limit that apply to a request (after `promise_if`,
/// `legal_if` and the region), without any date: what a notice can still promise in days when
/// the calendar cannot give the dates.
pub(crate) fn limits(plan: &TargetPlan<'_>, form: &dyn Form) -> (Option<Period>, Option<Period>) {
    let l = clock::limits(plan, form);
    (l.promise, l.legal)
}

fn opt_name(l: &Option<Label>, locale: &str) -> Option<String> {
    l.as_ref().map(|l| l.get(locale).to_string())
}

fn out_of_range(d: Date) -> CalendarError {
    CalendarError::new(
        crate::diag::Code::DateOutOfRange,
        "",
        format!("日期 `{d}` 之后超出可计算的范围"),
        format!("dates after `{d}` are beyond the supported range"),
    )
}

fn phase(
    cal: &Calendar,
    p: Option<&Phase>,
    start: Date,
    locale: &str,
) -> Result<Option<PhaseTime>, CalendarError> {
    let Some(p) = p else { return Ok(None) };
    let due = cal.due(start, p.limit, &[])?;
    Ok(Some(PhaseTime {
        name: opt_name(&p.name, locale),
        start,
        due,
        working_days: cal.working_days_between(start, due)?,
    }))
}

/// What every stage of one schedule shares.
pub(super) struct Ctx<'a> {
    pub policy: &'a Policy,
    pub cal: &'a Calendar,
    pub form: &'a dyn Form,
    pub region: Option<&'a Region>,
    pub locale: &'a str,
}

/// The timeline for a target from its received day.
///
/// # Errors
/// A `CalendarError` when a date falls outside the calendar's coverage (and estimates are off).
pub fn timeline(
    policy: &Policy,
    cal: &Calendar,
    plan: &TargetPlan<'_>,
    form: &dyn Form,
    received_on: Date,
    supplement_due: Option<Date>,
    locale: &str,
) -> Result<Timeline, CalendarError> {
    let cx = Ctx {
        policy,
        cal,
        form,
        region: plan.region,
        locale,
    };
    let members = run::members(policy, &plan.services);
    let intake = phase(cal, plan.intake, received_on, locale)?;
    let start = intake.as_ref().map(|p| p.due).unwrap_or(received_on);
    let parallel = run::run(&cx, &members, start, true)?;
    let services_due = parallel
        .services
        .iter()
        .map(|s| s.due)
        .max()
        .unwrap_or(start);
    let finish = phase(cal, plan.finish, services_due, locale)?;
    let mut due = finish.as_ref().map(|p| p.due).unwrap_or(services_due);
    if let Some(sd) = supplement_due {
        due = due.max(sd);
    }
    let working_days = cal.working_days_between(received_on, due)?;
    let counted_working_days = intake.as_ref().map_or(0, |p| p.working_days)
        + parallel.chain
        + finish.as_ref().map_or(0, |p| p.working_days);

    // The serial schedule: the same intake, the services one after another (a service another
    // waits for goes first), the same finish and supplement floor.
    let mut cursor = start;
    let mut serial = Vec::with_capacity(members.len());
    for k in run::serial_order(&members) {
        let Some(m) = members.get(k) else { continue };
        let t = run::run(&cx, std::slice::from_ref(m), cursor, false)?;
        let service_due = t.services.first().map_or(cursor, |s| s.due);
        serial.push(SerialSlot {
            id: m.service.id.clone(),
            start: cursor,
            due: service_due,
        });
        cursor = service_due;
    }
    let serial_finish = phase(cal, plan.finish, cursor, locale)?;
    let mut serial_due = serial_finish.map(|p| p.due).unwrap_or(cursor);
    if let Some(sd) = supplement_due {
        serial_due = serial_due.max(sd);
    }
    let serial_working_days = cal.working_days_between(received_on, serial_due)?;

    // The office clock against the limits (SPEC §7.1, §7.4).
    let limits = clock::limits(plan, form);
    let stopped = clock::stopped(&parallel.services, &parallel.path);
    let legal_due = match limits.legal {
        Some(l) => Some(cal.due(received_on, l, &stopped)?),
        None => None,
    };
    let legal_extended_due = match (limits.legal, limits.extension, legal_due) {
        (Some(l), Some(e), Some(ld)) => Some(clock::extended_due(
            cal,
            received_on,
            l,
            e.limit,
            ld,
            &stopped,
        )?),
        _ => None,
    };

    let (from, to) = cal.coverage();
    let latest = [Some(serial_due), Some(due), legal_due, legal_extended_due]
        .into_iter()
        .flatten()
        .max()
        .unwrap_or(due);
    let estimated = cal.beyond_coverage() == BeyondCoverage::WeekendsOnly
        && (received_on < from || latest > to);
    Ok(Timeline {
        received_on,
        due,
        working_days,
        counted_working_days,
        intake,
        promise_met: clock::met(cal, received_on, counted_working_days, limits.promise)?,
        legal_met: clock::met(cal, received_on, counted_working_days, limits.legal)?,
        promise: limits.promise,
        legal: limits.legal,
        legal_due,
        legal_extension: limits.extension.map(|e| ExtensionOut {
            limit: e.limit,
            approved_by: e.approved_by.get(locale).to_string(),
        }),
        legal_extended_due,
        services: parallel.services,
        finish,
        supplement_due,
        serial_due,
        serial_working_days,
        saved_working_days: serial_working_days - working_days,
        serial,
        estimated,
    })
}
