//! Fields, materials, 容缺 and 承诺 → outcome, checklist, notice and timeline (SPEC §2, §7).
//!
//! Outcomes are data, not errors: "missing but tolerated" and "not accepted" are values of a
//! [`Decision`]. Only a structurally unusable request is a [`RequestError`].
//!
//! The analysis runs in this order, one module per step:
//! 1. `input`: the target's plan, the calendar and received day, the material statuses as the
//!    catalogue allows them (conditions read them: `provided(m)` …);
//! 2. the form (`engine::form`), typed with those statuses, and every field's requirement;
//! 3. `services`: each service's applicability, rejects, requirements and outcome;
//! 4. `acceptance`: the overall outcome's consequences — which services proceed, the Art. 32
//!    notice deadline, the required fields; after the timeline, the commitments' follow-ups;
//! 5. `materials`: the checklist and the missing list, tolerance judged over the deciding
//!    services.
//!
//! [`Detail`] says how much to build: the compact decision decides every outcome with the same
//! code but skips names, reasons, `because`, the checklist and dates.

mod acceptance;
mod input;
mod materials;
mod output;
mod services;

use crate::calendar::{Calendar, CalendarError};
use crate::date::Date;
use crate::diag::{Diagnostic, Severity};
use crate::engine::form::{self, TypedForm};
use crate::engine::notice;
use crate::engine::request::{Request, RequestError};
use crate::engine::schedule::{self, TargetPlan, Timeline};
use crate::policy::{Acceptance, Label, Policy};

pub(crate) use input::Input;
pub use output::{
    Because, CalendarBlock, ChecklistItem, Decision, FollowUp, MissingItem, PolicyBlock, Reason,
    ServiceOutcome, Tolerable,
};

pub use super::types::{Issue, Outcome, Status};

/// Everything computed for a request before it is shaped into a Decision.
pub(crate) struct Analysis<'p> {
    pub policy: &'p Policy,
    pub target_name: &'p Label,
    pub plan: TargetPlan<'p>,
    pub cal: Calendar,
    pub form: TypedForm,
    pub received_on: Date,
    pub received_error: Option<Issue>,
    /// The submission as China date and second of day, and the cut-off that applied (the
    /// notice says why the received day differs; full detail only).
    pub submitted: Option<(Date, u32)>,
    pub cutoff: crate::calendar::TimeOfDay,
    pub field_errors: Vec<Issue>,
    pub warnings: Vec<Issue>,
    /// Applicable services, sorted by id.
    pub services: Vec<ServiceOutcome>,
    pub not_applicable: Vec<String>,
    pub checklist: Vec<ChecklistItem>,
    pub missing: Vec<MissingItem>,
    pub outcome: Outcome,
    pub supplement_due: Option<Date>,
    pub supplement_error: Option<CalendarError>,
    pub locale: String,
    /// How the target's services are accepted (a single service: together).
    pub acceptance: Acceptance,
    /// The services that go ahead, sorted (SPEC §7.5).
    pub proceeding: Vec<String>,
    /// The fields required for the form as sent, sorted (SPEC §7.7).
    pub required_fields: Vec<String>,
    /// Art. 32 (full detail only).
    pub correction_notice_due: Option<Date>,
    /// Filled by [`Analysis::into_decision`], which has the timeline (SPEC §7.6).
    pub follow_ups: Vec<FollowUp>,
}

/// The received day of a request under a policy's calendar and cutoff (estimated from weekends
/// when the calendar does not cover it).
pub(crate) fn received_day(policy: &Policy, req: &Request) -> Result<Date, RequestError> {
    let region = crate::engine::region::resolve(policy, req)?;
    let cal = input::calendar_for(policy, region, req);
    Ok(input::received(&cal, crate::engine::region::cutoff(policy, region), req)?.0)
}

/// How much of the analysis to build.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Detail {
    /// Everything the full decision shows.
    Full,
    /// Only what the compact decision reads: outcomes, field errors, warnings, the missing
    /// materials' ids with `tolerated`, `proceeding` and `required_fields`. Service names and
    /// reasons are left empty, the checklist is empty, missing items have no name, due date or
    /// `used_by`, and no date but the received day is computed. Every outcome is decided by the
    /// same code as in `Full`.
    Outcomes,
}

pub(crate) fn analyse<'p>(policy: &'p Policy, req: &Request) -> Result<Analysis<'p>, RequestError> {
    analyse_with(policy, req, Detail::Full)
}

pub(crate) fn analyse_with<'p>(
    policy: &'p Policy,
    req: &Request,
    detail: Detail,
) -> Result<Analysis<'p>, RequestError> {
    analyse_input(policy, req, Input::of_request(req), detail)
}

/// [`analyse_with`] on a request's parts: `req` for everything but `form` and `materials`.
pub(crate) fn analyse_input<'p>(
    policy: &'p Policy,
    req: &Request,
    input: Input<'_>,
    detail: Detail,
) -> Result<Analysis<'p>, RequestError> {
    let full = detail == Detail::Full;
    let mut target = input::resolve_target(policy, &req.target)?;
    target.plan.region = crate::engine::region::resolve(policy, req)?;
    let cal = input::calendar_for(policy, target.plan.region, req);
    let (received_on, received_error) = input::received(
        &cal,
        crate::engine::region::cutoff(policy, target.plan.region),
        req,
    )?;
    let locale = req.locale.clone();
    let cutoff = crate::engine::region::cutoff(policy, target.plan.region);
    let submitted = if full {
        Calendar::china_time(&req.submitted_at).ok()
    } else {
        None
    };

    // Statuses first: conditions anywhere, field requirements included, may read them.
    let mut field_errors: Vec<Issue> = Vec::new();
    let mut warnings: Vec<Issue> = req.warnings.iter().cloned().map(Issue::from).collect();
    let statuses = input::statuses(policy, input.materials, &mut field_errors, &mut warnings);
    let (typed, form_errors, form_warnings) =
        form::validate_with(&policy.fields, input.form, full, statuses);
    field_errors.extend(form_errors.into_iter().map(Issue::from));
    warnings.extend(form_warnings.into_iter().map(Issue::from));
    input::received_warnings(policy, received_on, received_error.as_ref(), &mut warnings);
    field_errors.sort_by(|a, b| (a.path.as_str(), a.code).cmp(&(b.path.as_str(), b.code)));
    warnings.sort_by(|a, b| (a.path.as_str(), a.code).cmp(&(b.path.as_str(), b.code)));

    let judged = services::judge(&services::Ctx {
        policy,
        plan: &target.plan,
        form: &typed,
        sent: input.form,
        field_errors: !field_errors.is_empty(),
        detail,
        locale: &locale,
    });
    let overall = judged
        .services
        .iter()
        .map(|s| s.outcome)
        .max()
        .unwrap_or(Outcome::NotAccepted);
    let (proceeds, proceeding) =
        acceptance::proceeding(target.acceptance, overall, &target.plan, &judged.outcomes);
    let deciding = materials::Deciding {
        outcomes: &judged.outcomes,
        proceeding: &proceeds,
        per_service: target.acceptance == Acceptance::PerService,
    };
    let listed = if full {
        materials::list(
            &materials::ListCtx {
                policy,
                plan: &target.plan,
                form: &typed,
                cal: &cal,
                received_on,
                locale: &locale,
            },
            &judged.uses,
            judged.why,
            &deciding,
        )
    } else {
        materials::Listed {
            checklist: Vec::new(),
            missing: materials::missing_only(policy, &typed, &judged.uses, &deciding),
            supplement_due: None,
            supplement_error: None,
        }
    };
    let correction_notice_due = if full {
        acceptance::correction_notice_due(policy, &cal, received_on, overall)
    } else {
        None
    };

    Ok(Analysis {
        policy,
        target_name: target.name,
        plan: target.plan,
        required_fields: acceptance::required_fields(policy, &typed),
        cal,
        form: typed,
        received_on,
        received_error,
        submitted,
        cutoff,
        field_errors,
        warnings,
        services: judged.services,
        not_applicable: judged.not_applicable,
        checklist: listed.checklist,
        missing: listed.missing,
        outcome: overall,
        supplement_due: listed.supplement_due,
        supplement_error: listed.supplement_error,
        locale,
        acceptance: target.acceptance,
        proceeding,
        correction_notice_due,
        follow_ups: Vec::new(),
    })
}

impl Analysis<'_> {
    /// The part of the plan the timeline covers: the proceeding services, or — when none
    /// proceeds (planning a timeline whatever the outcome) — every applicable one.
    fn scheduled_plan(&self) -> TargetPlan<'_> {
        let scheduled = |id: &String| {
            if self.proceeding.is_empty() {
                !self.not_applicable.contains(id)
            } else {
                self.proceeding.binary_search(id).is_ok()
            }
        };
        self.plan.with_services(
            self.plan
                .services
                .iter()
                .filter(|s| scheduled(&s.id))
                .copied()
                .collect(),
        )
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
                    help: None,
                },
            });
        }
        if let Some(e) = &self.supplement_error {
            return Err(e.clone());
        }
        let plan = self.scheduled_plan();
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
                id: crate::engine::region::calendar_id(self.policy, self.plan.region).to_string(),
                from,
                to,
                version: self.cal.data_version().to_string(),
            },
            region: self.plan.region.map(|r| r.id.clone()),
            office: crate::engine::region::office(self.policy, self.plan.region)
                .map(|o| crate::engine::region::OfficeOut::of(o, &self.locale)),
        }
    }

    pub(crate) fn into_decision(mut self, target: &str) -> Decision {
        // The timeline whenever some service proceeds (SPEC §7.5), of those services only.
        let (timeline, timeline_error) = if self.proceeding.is_empty() {
            (None, None)
        } else {
            match self.timeline() {
                Ok(t) => (Some(t), None),
                Err(e) => (None, Some(Issue::from(e.issue))),
            }
        };
        self.follow_ups = acceptance::follow_ups(
            self.policy,
            &self.cal,
            &self.checklist,
            &self.proceeding,
            timeline.as_ref(),
        );
        let notice = notice::render(&self, timeline.as_ref(), timeline_error.as_ref());
        let policy = self.policy_block();
        Decision {
            outcome: self.outcome,
            target: target.to_string(),
            received_on: self.received_on,
            services: self.services,
            not_applicable: self.not_applicable,
            proceeding: self.proceeding,
            checklist: self.checklist,
            missing: self.missing,
            follow_ups: self.follow_ups,
            field_errors: self.field_errors,
            required_fields: self.required_fields,
            warnings: self.warnings,
            notice,
            correction_notice_due: self.correction_notice_due,
            timeline,
            timeline_error,
            policy,
        }
    }
}

impl Policy {
    /// Decide a request (SPEC §2, §7).
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

    /// The timeline of a request, whatever its outcome (for planning): of the services that
    /// proceed, or of every applicable service when none does.
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
