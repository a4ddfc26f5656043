//! Stages, bundles and pauses → the timeline (SPEC §3).
//!
//! A service's stages form a graph (`after`): a stage starts on the due day of its latest
//! predecessor (or on the service's start) and counts from that day; its pauses run first, one
//! after another, and do not count. A bundle runs `intake`, then its services in parallel, then
//! `finish`; the serial schedule runs the same services one after another, for comparison.
//! The final issue never precedes the latest supplement due day.

use serde::Serialize;

use crate::calendar::{BeyondCoverage, Calendar, CalendarError, Period};
use crate::date::Date;
use crate::expr::Form;
use crate::policy::{Label, PauseLen, Phase, Policy, Service};

/// One stage as scheduled.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct StageTime {
    pub id: String,
    pub name: Option<String>,
    pub start: Date,
    pub due: Date,
    /// Working days counted by the stage: in (start + pauses, due].
    pub working_days: i64,
    /// Calendar days paused at the start of the stage.
    pub paused_days: i64,
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

pub use super::types::BasisOut;

/// The timeline of a request (SPEC §3, "Timeline result").
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Timeline {
    pub received_on: Date,
    pub due: Date,
    pub working_days: i64,
    pub intake: Option<PhaseTime>,
    pub services: Vec<ServiceTime>,
    pub finish: Option<PhaseTime>,
    pub supplement_due: Option<Date>,
    pub promise: Option<Period>,
    pub legal: Option<Period>,
    pub promise_met: Option<bool>,
    pub legal_met: Option<bool>,
    pub serial_due: Date,
    pub serial_working_days: i64,
    pub saved_working_days: i64,
    pub serial: Vec<SerialSlot>,
    pub estimated: bool,
}

/// What the schedule needs to know about the target.
pub struct TargetPlan<'a> {
    /// Applicable services, in bundle order (or the single service).
    pub services: Vec<&'a Service>,
    pub intake: Option<&'a Phase>,
    pub finish: Option<&'a Phase>,
    pub promise: Option<Period>,
    pub legal: Option<Period>,
}

fn opt_name(l: &Option<Label>, locale: &str) -> Option<String> {
    l.as_ref().map(|l| l.get(locale).to_string())
}

/// Schedule one service's stages from `start`.
///
/// # Errors
/// A `CalendarError` when a date falls outside the calendar's coverage.
pub fn schedule_service(
    cal: &Calendar,
    service: &Service,
    form: &dyn Form,
    start: Date,
    locale: &str,
) -> Result<ServiceTime, CalendarError> {
    let n = service.stages.len();
    let mut dues: Vec<Option<Date>> = vec![None; n];
    let mut out: Vec<Option<StageTime>> = vec![None; n];
    for &i in &service.stage_order {
        let Some(stage) = service.stages.get(i) else {
            continue;
        };
        let mut s = start;
        for &p in &stage.after {
            if let Some(Some(d)) = dues.get(p) {
                s = s.max(*d);
            }
        }
        let limit = stage
            .limit_if
            .iter()
            .find(|l| l.when.expr.eval(form))
            .map(|l| l.limit)
            .unwrap_or(stage.limit);
        let mut cursor = s;
        for pause in &stage.pauses {
            if let Some(w) = &pause.when {
                if !w.expr.eval(form) {
                    continue;
                }
            }
            cursor = match pause.len {
                PauseLen::NaturalDays(d) => cursor
                    .add_days(i64::from(d))
                    .ok_or_else(|| out_of_range(cursor))?,
                PauseLen::WorkingDays(d) => cal.add_working_days(cursor, d)?,
            };
        }
        let due = cal.due(cursor, limit, &[])?;
        let working_days = cal.working_days_between(cursor, due)?;
        if let Some(slot) = dues.get_mut(i) {
            *slot = Some(due);
        }
        if let Some(slot) = out.get_mut(i) {
            *slot = Some(StageTime {
                id: stage.id.clone(),
                name: opt_name(&stage.name, locale),
                start: s,
                due,
                working_days,
                paused_days: cursor.since(s),
                limit,
                basis: BasisOut::from(&stage.basis, locale),
            });
        }
    }
    let stages: Vec<StageTime> = out.into_iter().flatten().collect();
    let due = stages.iter().map(|s| s.due).max().unwrap_or(start);
    Ok(ServiceTime {
        id: service.id.clone(),
        name: service.name.get(locale).to_string(),
        start,
        due,
        stages,
    })
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

/// Whether a schedule from `received` to `due` meets `limit`.
fn meets(
    cal: &Calendar,
    received: Date,
    due: Date,
    working_days: i64,
    limit: Option<Period>,
) -> Result<Option<bool>, CalendarError> {
    match limit {
        None => Ok(None),
        Some(Period::WorkingDays(n)) => Ok(Some(working_days <= i64::from(n))),
        Some(p) => Ok(Some(due <= cal.due(received, p, &[])?)),
    }
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
    let _ = policy;
    let intake = phase(cal, plan.intake, received_on, locale)?;
    let start = intake.as_ref().map(|p| p.due).unwrap_or(received_on);
    let mut services = Vec::with_capacity(plan.services.len());
    for s in &plan.services {
        services.push(schedule_service(cal, s, form, start, locale)?);
    }
    let services_due = services.iter().map(|s| s.due).max().unwrap_or(start);
    let finish = phase(cal, plan.finish, services_due, locale)?;
    let mut due = finish.as_ref().map(|p| p.due).unwrap_or(services_due);
    if let Some(sd) = supplement_due {
        due = due.max(sd);
    }
    let working_days = cal.working_days_between(received_on, due)?;

    // The serial schedule: the same intake, the services one after another, the same finish.
    let mut cursor = start;
    let mut serial = Vec::with_capacity(plan.services.len());
    for s in &plan.services {
        let t = schedule_service(cal, s, form, cursor, locale)?;
        serial.push(SerialSlot {
            id: t.id,
            start: cursor,
            due: t.due,
        });
        cursor = t.due;
    }
    let serial_finish = phase(cal, plan.finish, cursor, locale)?;
    let mut serial_due = serial_finish.map(|p| p.due).unwrap_or(cursor);
    if let Some(sd) = supplement_due {
        serial_due = serial_due.max(sd);
    }
    let serial_working_days = cal.working_days_between(received_on, serial_due)?;

    let (from, to) = cal.coverage();
    let estimated = cal.beyond_coverage() == BeyondCoverage::WeekendsOnly
        && (received_on < from || serial_due.max(due) > to);
    Ok(Timeline {
        received_on,
        due,
        working_days,
        intake,
        promise_met: meets(cal, received_on, due, working_days, plan.promise)?,
        legal_met: meets(cal, received_on, due, working_days, plan.legal)?,
        promise: plan.promise,
        legal: plan.legal,
        services,
        finish,
        supplement_due,
        serial_due,
        serial_working_days,
        saved_working_days: serial_working_days - working_days,
        serial,
        estimated,
    })
}
