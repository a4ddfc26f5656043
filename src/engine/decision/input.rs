//! What a request brings before anything is judged: its target's plan, the calendar and the
//! received day, the material statuses checked against the catalogue, and the request-level
//! warnings (version not in force, estimated received day).

use serde_json::Value;

use crate::calendar::{BeyondCoverage, Calendar};
use crate::date::Date;
use crate::diag::{Code, Message};
use crate::engine::form::FormIn;
use crate::engine::request::{Request, RequestError};
use crate::engine::schedule::TargetPlan;
use crate::policy::{Acceptance, Label, Policy, Service};

use super::{Issue, Status};

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
    /// The input of a request read as maps.
    pub(crate) fn of_request(req: &'a Request) -> Input<'a> {
        Input {
            form: FormIn::Map(&req.form),
            materials: MatsIn::Map(&req.materials),
        }
    }

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

pub(super) fn warn(path: String, code: Code, zh: String, en: String) -> Issue {
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

/// The status of every catalogue material (by index) as the request gives it, checked against
/// the catalogue: absent, unknown or not allowed → missing. Problems go to `field_errors`
/// (`bad_status`, `status_not_allowed`) and `warnings` (`unknown_material_id`).
pub(super) fn statuses(
    policy: &Policy,
    materials: MatsIn<'_>,
    field_errors: &mut Vec<Issue>,
    warnings: &mut Vec<Issue>,
) -> Vec<Status> {
    let mut statuses = vec![Status::Missing; policy.materials.len()];
    let mut judged = Judged {
        statuses: &mut statuses,
        warnings,
        field_errors,
    };
    match materials {
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
    statuses
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
            format!("“{}”{zh}，请提交原件或复印件", m.name.zh()),
            format!(
                "“{}” {en}; please provide the document itself",
                m.name.get("en")
            ),
        ));
        return;
    }
    if let Some(slot) = out.statuses.get_mut(mi) {
        *slot = st;
    }
}

/// The calendar a request is computed on: the region's or the policy's, with the caller's
/// estimate opt-in.
pub(super) fn calendar_for(
    policy: &Policy,
    region: Option<&crate::policy::Region>,
    req: &Request,
) -> Calendar {
    let base = crate::engine::region::calendar(policy, region);
    match req.beyond_coverage {
        Some(b) if b != base.beyond_coverage() => base.with_beyond_coverage(b),
        _ => base.clone(),
    }
}

/// A request's target: its name, its plan (services in order, the bundle's phases and
/// limits) and how its services are accepted (a single service: together).
pub(super) struct Target<'p> {
    pub name: &'p Label,
    pub plan: TargetPlan<'p>,
    pub acceptance: Acceptance,
}

pub(super) fn resolve_target<'p>(
    policy: &'p Policy,
    target: &str,
) -> Result<Target<'p>, RequestError> {
    if let Some(s) = policy
        .service_index(target)
        .and_then(|i| policy.services.get(i))
    {
        return Ok(Target {
            name: &s.name,
            plan: TargetPlan::of_service(s),
            acceptance: Acceptance::Together,
        });
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
        return Ok(Target {
            name: &b.name,
            plan: TargetPlan::of_bundle(b, services),
            acceptance: b.acceptance,
        });
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
pub(super) fn received(
    cal: &Calendar,
    cutoff: crate::calendar::TimeOfDay,
    req: &Request,
) -> Result<(Date, Option<Issue>), RequestError> {
    match cal.received_on(&req.submitted_at, cutoff) {
        Ok(d) => Ok((d, None)),
        Err(e) if e.is_out_of_range() => {
            let est = cal.with_beyond_coverage(BeyondCoverage::WeekendsOnly);
            match est.received_on(&req.submitted_at, cutoff) {
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

/// The warnings about the received day itself: outside the version's effective range, or
/// estimated from weekends because the calendar does not cover it.
pub(super) fn received_warnings(
    policy: &Policy,
    received_on: Date,
    received_error: Option<&Issue>,
    warnings: &mut Vec<Issue>,
) {
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
    if let Some(e) = received_error {
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
}
