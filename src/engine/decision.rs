//! Fields, materials, 容缺 and 承诺 → outcome, checklist, notice and timeline (SPEC §2).
//!
//! Outcomes are data, not errors: "missing but tolerated" and "not accepted" are values of a
//! [`Decision`]. Only a structurally unusable request is a [`RequestError`].

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::Value;

use crate::calendar::{BeyondCoverage, Calendar, CalendarError, Period};
use crate::date::Date;
use crate::diag::{Code, Diagnostic, Message, Severity};
use crate::engine::form::{self, FormIn, TypedForm};
use crate::engine::notice;
use crate::engine::request::{Request, RequestError};
use crate::engine::schedule::{self, BasisOut, TargetPlan, Timeline};
use crate::expr::Form;
use crate::policy::{Label, Policy, Requirement, Service};

pub use super::types::{Issue, Outcome, Status};

/// Why a material is required by one service: the condition and the values that made it hold.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Because {
    pub service: String,
    pub condition: String,
    #[cfg_attr(
        feature = "ts",
        ts(as = "std::collections::BTreeMap<String, crate::ts::FormValue>")
    )]
    pub values: BTreeMap<String, Value>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Tolerable {
    pub supplement_within: Period,
}

/// One entry of the materials checklist: every required material once.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ChecklistItem {
    pub id: String,
    pub name: String,
    pub status: Status,
    pub used_by: Vec<String>,
    pub tolerable: Option<Tolerable>,
    pub because: Vec<Because>,
    /// May be taken from an electronic licence.
    pub electronic: bool,
    /// May be replaced by a signed commitment.
    pub commitment: bool,
    pub basis: Option<BasisOut>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct MissingItem {
    pub id: String,
    pub name: String,
    pub tolerated: bool,
    pub supplement_due: Option<Date>,
    pub used_by: Vec<String>,
}

/// A rejection reason of a service.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Reason {
    pub condition: String,
    pub reason: String,
    pub basis: Option<BasisOut>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ServiceOutcome {
    pub id: String,
    pub name: String,
    pub outcome: Outcome,
    pub reasons: Vec<Reason>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CalendarBlock {
    pub id: String,
    pub from: Date,
    pub to: Date,
    pub version: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PolicyBlock {
    pub id: String,
    pub version: String,
    pub fingerprint: String,
    pub calendar: CalendarBlock,
}

/// The decision of SPEC §2. Every key is always present; lists are in a stable order.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Decision {
    pub outcome: Outcome,
    pub target: String,
    pub received_on: Date,
    pub services: Vec<ServiceOutcome>,
    pub not_applicable: Vec<String>,
    pub checklist: Vec<ChecklistItem>,
    pub missing: Vec<MissingItem>,
    pub field_errors: Vec<Issue>,
    pub warnings: Vec<Issue>,
    pub notice: String,
    pub timeline: Option<Timeline>,
    pub timeline_error: Option<Issue>,
    pub policy: PolicyBlock,
}

/// Everything computed for a request before it is shaped into a Decision.
pub(crate) struct Analysis<'p> {
    pub policy: &'p Policy,
    pub target_name: &'p Label,
    pub plan: TargetPlan<'p>,
    pub cal: Calendar,
    pub form: TypedForm,
    pub received_on: Date,
    pub received_error: Option<Issue>,
    pub field_errors: Vec<Issue>,
    pub warnings: Vec<Issue>,
    pub services: Vec<ServiceOutcome>,
    /// Applicable services' indices in `plan.services` order, their outcomes.
    pub not_applicable: Vec<String>,
    pub checklist: Vec<ChecklistItem>,
    pub missing: Vec<MissingItem>,
    pub outcome: Outcome,
    pub supplement_due: Option<Date>,
    pub supplement_error: Option<CalendarError>,
    pub locale: String,
}

fn warn(path: String, code: Code, zh: String, en: String) -> Issue {
    Issue {
        path,
        code,
        message: Message::new(zh, en),
    }
}

/// Where [`judge_material`] records what it finds.
struct Judged<'a> {
    statuses: &'a mut [Status],
    warnings: &'a mut Vec<Issue>,
    field_errors: &'a mut Vec<Issue>,
}

/// One entry of the request's `materials`: `key` as sent, its catalogue index (`None`: not in
/// the catalogue) and its status (`None`: not a status).
fn judge_material(
    policy: &Policy,
    key: &str,
    index: Option<usize>,
    st: Option<Status>,
    out: &mut Judged,
) {
    // The path is only built when there is something to report (hot path).
    let path = || format!("materials.{key}");
    let Some(mi) = index else {
        let shown: String = key.chars().take(64).collect();
        out.warnings.push(warn(
            path(),
            Code::UnknownMaterialId,
            format!("未知的材料 `{shown}`，已忽略"),
            format!("unknown material `{shown}` was ignored"),
        ));
        return;
    };
    let Some(m) = policy.materials.get(mi) else {
        return;
    };
    let Some(st) = st else {
        out.field_errors.push(warn(
            path(),
            Code::BadStatus,
            format!(
                "材料「{}」的状态只能是 provided、electronic、committed 或 missing",
                m.name.zh()
            ),
            format!(
                "the status of `{}` must be provided, electronic, committed or missing",
                m.name.get("en")
            ),
        ));
        return;
    };
    let allowed = match st {
        Status::Electronic => m.electronic,
        Status::Committed => m.commitment,
        _ => true,
    };
    if !allowed {
        let (zh, en) = if st == Status::Electronic {
            (
                "不能通过电子证照免提交",
                "cannot be taken from an electronic licence",
            )
        } else {
            ("不适用告知承诺", "cannot be replaced by a commitment")
        };
        out.field_errors.push(warn(
            path(),
            Code::StatusNotAllowed,
            format!("材料「{}」{zh}，请提交原件或复印件", m.name.zh()),
            format!("`{}` {en}; provide the document itself", m.name.get("en")),
        ));
        return;
    }
    if let Some(slot) = out.statuses.get_mut(mi) {
        *slot = st;
    }
}

fn requirement_holds(r: &Requirement, form: &dyn Form) -> bool {
    match r {
        Requirement::Never => false,
        Requirement::Always => true,
        Requirement::If(c) => c.expr.eval(form),
    }
}

/// The calendar a request is computed on: the policy's, with the caller's estimate opt-in.
fn calendar_for(policy: &Policy, req: &Request) -> Calendar {
    match req.beyond_coverage {
        Some(b) if b != policy.calendar.beyond_coverage() => {
            policy.calendar.with_beyond_coverage(b)
        }
        _ => policy.calendar.clone(),
    }
}

/// The target's plan: applicable services in order, the bundle's phases and limits.
fn resolve_target<'p>(
    policy: &'p Policy,
    target: &str,
) -> Result<(&'p Label, TargetPlan<'p>), RequestError> {
    if let Some(i) = policy.service_index(target) {
        if let Some(s) = policy.services.get(i) {
            return Ok((
                &s.name,
                TargetPlan {
                    services: vec![s],
                    intake: None,
                    finish: None,
                    promise: s.promise,
                    legal: s.legal,
                },
            ));
        }
    }
    if let Some(b) = policy
        .bundle_index(target)
        .and_then(|i| policy.bundles.get(i))
    {
        let mut services: Vec<&Service> = Vec::with_capacity(b.services.len());
        for &i in &b.services {
            if let Some(s) = policy.services.get(i) {
                if !services.iter().any(|x| x.id == s.id) {
                    services.push(s);
                }
            }
        }
        return Ok((
            &b.name,
            TargetPlan {
                services,
                intake: b.intake.as_ref(),
                finish: b.finish.as_ref(),
                promise: b.promise,
                legal: b.legal,
            },
        ));
    }
    let mut ids: Vec<&str> = policy.services.iter().map(|s| s.id.as_str()).collect();
    ids.extend(policy.bundles.iter().map(|b| b.id.as_str()));
    let shown: String = target.chars().take(64).collect();
    Err(RequestError::new(
        "target",
        Code::UnknownTarget,
        format!("未知的办理对象 `{shown}`，可选：{}", ids.join("、")),
        format!(
            "unknown target `{shown}`; the policy has {}",
            ids.join(", ")
        ),
    ))
}

/// The received day; when the calendar cannot say, the weekend-only estimate and an issue.
fn received(
    cal: &Calendar,
    policy: &Policy,
    req: &Request,
) -> Result<(Date, Option<Issue>), RequestError> {
    match cal.received_on(&req.submitted_at, policy.cutoff) {
        Ok(d) => Ok((d, None)),
        Err(e) if e.is_out_of_range() => {
            let est = cal.with_beyond_coverage(BeyondCoverage::WeekendsOnly);
            match est.received_on(&req.submitted_at, policy.cutoff) {
                Ok(d) => Ok((d, Some(Issue::from(e.issue)))),
                Err(e2) => Err(RequestError {
                    issues: vec![e2.issue],
                }),
            }
        }
        Err(e) => Err(RequestError {
            issues: vec![e.issue],
        }),
    }
}

/// The received day of a request under a policy's calendar and cutoff (estimated from weekends
/// when the calendar does not cover it).
pub(crate) fn received_day(policy: &Policy, req: &Request) -> Result<Date, RequestError> {
    let cal = calendar_for(policy, req);
    Ok(received(&cal, policy, req)?.0)
}

/// How much of the analysis to build.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Detail {
    /// Everything the full decision shows.
    Full,
    /// Only what the compact decision reads: outcomes, field errors, warnings and the missing
    /// materials' ids with `tolerated`. Service names and reasons are left empty, the checklist
    /// is empty, missing items have no name, due date or `used_by`, and no supplement date is
    /// computed. Every outcome is decided by the same code as in `Full`.
    Outcomes,
}

pub(crate) fn analyse<'p>(policy: &'p Policy, req: &Request) -> Result<Analysis<'p>, RequestError> {
    analyse_with(policy, req, Detail::Full)
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

pub(crate) fn analyse_with<'p>(
    policy: &'p Policy,
    req: &Request,
    detail: Detail,
) -> Result<Analysis<'p>, RequestError> {
    let input = Input {
        form: FormIn::Map(&req.form),
        materials: MatsIn::Map(&req.materials),
    };
    analyse_input(policy, req, input, detail)
}

/// A request's `form` and `materials`, as maps or read into slots against the policy
/// ([`Request::from_json_indexed`]).
#[derive(Clone, Copy)]
pub(crate) struct Input<'a> {
    pub form: FormIn<'a>,
    pub materials: MatsIn<'a>,
}

/// A request's `materials`, as [`Input`] holds them.
#[derive(Clone, Copy)]
pub(crate) enum MatsIn<'a> {
    Map(&'a serde_json::Map<String, Value>),
    /// By material index (`Some(None)`: not a status), and the keys not in the catalogue.
    Slots {
        statuses: &'a [Option<Option<Status>>],
        unknown: &'a [String],
    },
}

impl<'a> Input<'a> {
    /// The input of a request read by [`Request::from_json_indexed`].
    pub(crate) fn of_slots(slots: &'a crate::engine::request::Slots) -> Input<'a> {
        Input {
            form: FormIn::Slots {
                values: &slots.form,
                unknown: &slots.form_unknown,
            },
            materials: MatsIn::Slots {
                statuses: &slots.materials,
                unknown: &slots.materials_unknown,
            },
        }
    }
}

/// [`analyse_with`] on a request's parts: `req` for everything but `form` and `materials`.
pub(crate) fn analyse_input<'p>(
    policy: &'p Policy,
    req: &Request,
    input: Input<'_>,
    detail: Detail,
) -> Result<Analysis<'p>, RequestError> {
    let full = detail == Detail::Full;
    let (target_name, plan) = resolve_target(policy, &req.target)?;
    let cal = calendar_for(policy, req);
    let (received_on, received_error) = received(&cal, policy, req)?;
    let locale = req.locale.clone();

    let (typed, form_errors, form_warnings) = form::validate_with(&policy.fields, input.form, full);
    let mut field_errors: Vec<Issue> = form_errors.into_iter().map(Issue::from).collect();
    let mut warnings: Vec<Issue> = req.warnings.iter().cloned().map(Issue::from).collect();
    warnings.extend(form_warnings.into_iter().map(Issue::from));
    let in_force = policy.effective_from.is_none_or(|f| f <= received_on)
        && policy.effective_until.is_none_or(|u| received_on <= u);
    if !in_force {
        let from = policy
            .effective_from
            .map(|d| d.to_string())
            .unwrap_or_else(|| "…".into());
        let until = policy
            .effective_until
            .map(|d| d.to_string())
            .unwrap_or_else(|| "…".into());
        warnings.push(Issue {
            path: "submitted_at".into(),
            code: Code::NotInForce,
            message: Message::new(
                format!("收件日 {received_on} 不在本策略版本 `{}` 的生效期间（{from} 至 {until}）内", policy.version),
                format!("the received day {received_on} is outside the effective range of version `{}` ({from} to {until})", policy.version),
            ),
        });
    }
    if let Some(e) = &received_error {
        warnings.push(Issue {
            path: "submitted_at".into(),
            code: Code::CalendarOutOfRange,
            message: Message::new(
                format!("收件日按周末估算：{}", e.message.zh),
                format!(
                    "the received day is estimated from weekends only: {}",
                    e.message.en
                ),
            ),
        });
    }

    // Material statuses: what the request says, checked against the catalogue.
    let mut statuses = vec![Status::Missing; policy.materials.len()];
    let mut judged = Judged {
        statuses: &mut statuses,
        warnings: &mut warnings,
        field_errors: &mut field_errors,
    };
    match input.materials {
        MatsIn::Map(map) => {
            for (key, v) in map {
                let st = match v {
                    Value::String(s) => Status::parse(s),
                    Value::Null => Some(Status::Missing),
                    _ => None,
                };
                judge_material(policy, key, policy.material_index(key), st, &mut judged);
            }
        }
        MatsIn::Slots {
            statuses: sent,
            unknown,
        } => {
            for key in unknown {
                judge_material(policy, key, None, None, &mut judged);
            }
            for (mi, st) in sent.iter().enumerate() {
                if let (Some(st), Some(m)) = (st, policy.materials.get(mi)) {
                    judge_material(policy, &m.id, Some(mi), *st, &mut judged);
                }
            }
        }
    }
    field_errors.sort_by(|a, b| (a.path.as_str(), a.code).cmp(&(b.path.as_str(), b.code)));
    warnings.sort_by(|a, b| (a.path.as_str(), a.code).cmp(&(b.path.as_str(), b.code)));

    // Services: applicability, rejections, required materials, outcomes.
    let mut services = Vec::with_capacity(plan.services.len());
    let mut not_applicable = Vec::new();
    // (material index, service index in the plan, tolerable period) of every requirement that
    // holds, in plan order: one flat list rather than a list per material (fewer allocations).
    let mut uses: Vec<(usize, usize, Option<Period>)> = Vec::new();
    // Full detail only, by material index: why it is required, and the first basis given.
    let mut why: Vec<(Vec<Because>, Option<BasisOut>)> = Vec::new();
    if full {
        why.resize_with(policy.materials.len(), || (Vec::new(), None));
    }
    let mut outcomes: Vec<(usize, Outcome)> = Vec::with_capacity(plan.services.len());
    // Reused across services: (material, tolerable period) of the missing ones.
    let mut missing_here: Vec<(usize, Option<Period>)> = Vec::new();
    for (si, s) in plan.services.iter().enumerate() {
        if let Some(c) = &s.applies_if {
            if !c.expr.eval(&typed) {
                not_applicable.push(s.id.clone());
                continue;
            }
        }
        let mut rejected = false;
        let mut reasons: Vec<Reason> = Vec::new();
        for r in s.rejects.iter().filter(|r| r.when.expr.eval(&typed)) {
            rejected = true;
            if !full {
                // The outcome only needs to know that one holds.
                break;
            }
            reasons.push(Reason {
                condition: r.when.src.clone(),
                reason: r.reason.get(&locale).to_string(),
                basis: BasisOut::from(&r.basis, &locale),
            });
        }
        missing_here.clear();
        for mr in &s.materials {
            if !requirement_holds(&mr.required, &typed) {
                continue;
            }
            if mr.material >= policy.materials.len() {
                continue;
            }
            uses.push((mr.material, si, mr.tolerable));
            if let Some((because, basis)) = why.get_mut(mr.material) {
                if basis.is_none() {
                    *basis = BasisOut::from(&mr.basis, &locale);
                }
                if let Requirement::If(c) = &mr.required {
                    let mut values = BTreeMap::new();
                    for &fi in c.expr.fields() {
                        if let Some(f) = policy.fields.get(fi) {
                            // The typed form keeps what was sent (no map lookup); it leaves
                            // out `""`, `null` and oversized strings, which are read as sent.
                            let sent = typed.raw(fi).or_else(|| input.form.sent(fi, &f.id));
                            values.insert(f.id.clone(), sent.cloned().unwrap_or(Value::Null));
                        }
                    }
                    because.push(Because {
                        service: s.id.clone(),
                        condition: c.src.clone(),
                        values,
                    });
                }
            }
            if statuses
                .get(mr.material)
                .copied()
                .unwrap_or(Status::Missing)
                == Status::Missing
            {
                missing_here.push((mr.material, mr.tolerable));
            }
        }
        let outcome = if rejected {
            Outcome::NotAccepted
        } else if !field_errors.is_empty() {
            Outcome::NeedsCorrection
        } else if missing_here.is_empty() {
            Outcome::Accepted
        } else {
            let all_tolerable = missing_here.iter().all(|(_, t)| t.is_some());
            let (max_ok, excluded) = match &s.tolerance {
                None => (true, false),
                Some(t) => (
                    t.max_missing
                        .is_none_or(|m| missing_here.len() <= m as usize),
                    t.excluded_if.as_ref().is_some_and(|c| c.expr.eval(&typed)),
                ),
            };
            if all_tolerable && max_ok && !excluded {
                Outcome::AcceptedWithTolerance
            } else {
                Outcome::NeedsCorrection
            }
        };
        outcomes.push((si, outcome));
        services.push(ServiceOutcome {
            id: s.id.clone(),
            name: if full {
                s.name.get(&locale).to_string()
            } else {
                String::new()
            },
            outcome,
            reasons,
        });
    }
    let outcome_of = |si: usize| outcomes.iter().find(|(i, _)| *i == si).map(|(_, o)| *o);
    let overall = if services.is_empty() {
        Outcome::NotAccepted
    } else {
        services
            .iter()
            .map(|s| s.outcome)
            .max()
            .unwrap_or(Outcome::NotAccepted)
    };
    services.sort_by(|a, b| a.id.cmp(&b.id));
    not_applicable.sort();

    // Checklist and missing list, by material id (the catalogue is sorted by id).
    // A stable sort: by material (catalogue = id order), each material's uses in plan order.
    uses.sort_by_key(|&(mi, _, _)| mi);
    let mut checklist = Vec::new();
    let mut missing = Vec::new();
    let mut supplement_due: Option<Date> = None;
    let mut supplement_error: Option<CalendarError> = None;
    let mut dues = DueCache {
        cal: &cal,
        from: received_on,
        known: Vec::new(),
    };
    for group in uses.chunk_by(|a, b| a.0 == b.0) {
        let Some(&(mi, _, _)) = group.first() else {
            continue;
        };
        // The services needing the material, with their tolerable periods.
        let tolerable = || group.iter().map(|&(_, si, t)| (si, t));
        let Some(m) = policy.materials.get(mi) else {
            continue;
        };
        let status = statuses.get(mi).copied().unwrap_or(Status::Missing);
        // The services that decide whether a missing material is tolerated: those not rejected.
        let deciding =
            || tolerable().filter(|&(si, _)| outcome_of(si) != Some(Outcome::NotAccepted));
        // Tolerated only if every (not rejected) service needing it accepts with tolerance.
        let tolerated = status == Status::Missing
            && deciding().next().is_some()
            && deciding().all(|(si, t)| {
                t.is_some() && outcome_of(si) == Some(Outcome::AcceptedWithTolerance)
            });
        if !full {
            // Outcomes only: the checklist is not read; a missing item needs its id and
            // whether it is tolerated.
            if status == Status::Missing {
                missing.push(MissingItem {
                    id: m.id.clone(),
                    name: String::new(),
                    tolerated,
                    supplement_due: None,
                    used_by: Vec::new(),
                });
            }
            continue;
        }
        let mut used_by: Vec<String> = tolerable()
            .filter_map(|(si, _)| plan.services.get(si))
            .map(|s| s.id.clone())
            .collect();
        used_by.sort();
        // Tolerable in the checklist: every service needing it tolerates it; the shortest period.
        let shortest_period = if tolerable().all(|(_, t)| t.is_some()) {
            shortest(&mut dues, tolerable().filter_map(|(_, t)| t))
        } else {
            None
        };
        let name = m.name.get(&locale).to_string();
        if status == Status::Missing {
            let mut due = None;
            if tolerated {
                for (_, t) in deciding() {
                    if let Some(p) = t {
                        match dues.due(p) {
                            Ok(d) => due = Some(due.map_or(d, |x: Date| x.min(d))),
                            Err(e) => supplement_error = Some(e),
                        }
                    }
                }
                if let Some(d) = due {
                    supplement_due = Some(supplement_due.map_or(d, |x: Date| x.max(d)));
                }
            }
            missing.push(MissingItem {
                id: m.id.clone(),
                name: name.clone(),
                tolerated,
                supplement_due: due,
                used_by: used_by.clone(),
            });
        }
        let (because, basis) = why.get_mut(mi).map(std::mem::take).unwrap_or_default();
        checklist.push(ChecklistItem {
            id: m.id.clone(),
            name,
            status,
            used_by,
            tolerable: shortest_period,
            because,
            electronic: m.electronic,
            commitment: m.commitment,
            basis: basis.or_else(|| BasisOut::from(&m.basis, &locale)),
        });
    }

    Ok(Analysis {
        policy,
        target_name,
        plan,
        cal,
        form: typed,
        received_on,
        received_error,
        field_errors,
        warnings,
        services,
        not_applicable,
        checklist,
        missing,
        outcome: overall,
        supplement_due,
        supplement_error,
        locale,
    })
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

impl Analysis<'_> {
    /// The applicable, schedulable part of the plan.
    fn applicable_plan(&self) -> TargetPlan<'_> {
        TargetPlan {
            services: self
                .plan
                .services
                .iter()
                .filter(|s| !self.not_applicable.contains(&s.id))
                .copied()
                .collect(),
            intake: self.plan.intake,
            finish: self.plan.finish,
            promise: self.plan.promise,
            legal: self.plan.legal,
        }
    }

    pub(crate) fn timeline(&self) -> Result<Timeline, CalendarError> {
        if let Some(e) = &self.received_error {
            return Err(CalendarError {
                issue: Diagnostic {
                    path: e.path.clone(),
                    line: None,
                    column: None,
                    code: e.code,
                    severity: Severity::Error,
                    message: e.message.clone(),
                },
            });
        }
        if let Some(e) = &self.supplement_error {
            return Err(e.clone());
        }
        let plan = self.applicable_plan();
        schedule::timeline(
            self.policy,
            &self.cal,
            &plan,
            &self.form,
            self.received_on,
            self.supplement_due,
            &self.locale,
        )
    }

    pub(crate) fn policy_block(&self) -> PolicyBlock {
        let (from, to) = self.cal.coverage();
        PolicyBlock {
            id: self.policy.id.clone(),
            version: self.policy.version.clone(),
            fingerprint: self.policy.fingerprint().to_string(),
            calendar: CalendarBlock {
                id: self.policy.calendar_info.id.clone(),
                from,
                to,
                version: self.cal.data_version().to_string(),
            },
        }
    }

    pub(crate) fn into_decision(self, target: &str) -> Decision {
        let (timeline, timeline_error) = if matches!(
            self.outcome,
            Outcome::Accepted | Outcome::AcceptedWithTolerance
        ) {
            match self.timeline() {
                Ok(t) => (Some(t), None),
                Err(e) => (None, Some(Issue::from(e.issue))),
            }
        } else {
            (None, None)
        };
        let notice = notice::render(&self, timeline.as_ref(), timeline_error.as_ref());
        let policy = self.policy_block();
        Decision {
            outcome: self.outcome,
            target: target.to_string(),
            received_on: self.received_on,
            services: self.services,
            not_applicable: self.not_applicable,
            checklist: self.checklist,
            missing: self.missing,
            field_errors: self.field_errors,
            warnings: self.warnings,
            notice,
            timeline,
            timeline_error,
            policy,
        }
    }
}

impl Policy {
    /// Decide a request (SPEC §2).
    ///
    /// # Errors
    /// `RequestError` only for a structurally unusable request (unknown target, unparsable
    /// `submitted_at`); everything else is a value of the decision.
    pub fn evaluate(&self, req: &Request) -> Result<Decision, RequestError> {
        let a = analyse(self, req)?;
        Ok(a.into_decision(&req.target))
    }

    /// The materials checklist of a request.
    ///
    /// # Errors
    /// As [`Policy::evaluate`].
    pub fn checklist(&self, req: &Request) -> Result<Vec<ChecklistItem>, RequestError> {
        Ok(analyse(self, req)?.checklist)
    }

    /// The timeline of a request, whatever its outcome (for planning).
    ///
    /// # Errors
    /// `RequestError` as for [`Policy::evaluate`], or with the calendar's issue when a date
    /// falls outside its coverage.
    pub fn timeline(&self, req: &Request) -> Result<Timeline, RequestError> {
        let a = analyse(self, req)?;
        a.timeline().map_err(|e| RequestError {
            issues: vec![e.issue],
        })
    }
}
