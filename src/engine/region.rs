//! Regions (SPEC §7.8): the county variant of the policy a request names — its window,
//! cutoff, calendar, promise and stage limits; without `region`, the policy's own values.

use crate::calendar::{Calendar, TimeOfDay};
use crate::diag::Code;
use crate::engine::request::{Request, RequestError};
use crate::policy::{Office, Policy, Region};
use crate::text::suggest::did_you_mean;

/// The region a request names, or `None` when it names none.
///
/// # Errors
/// `unknown_region` (path `region`, with did-you-mean) when the policy has no such region.
pub(crate) fn resolve<'p>(
    policy: &'p Policy,
    req: &Request,
) -> Result<Option<&'p Region>, RequestError> {
    let Some(id) = req.region.as_deref() else {
        return Ok(None);
    };
    if let Some(r) = policy.region(id) {
        return Ok(Some(r));
    }
    let shown: String = id.chars().take(64).collect::<String>().replace('`', "'");
    let help = did_you_mean(id, policy.regions.iter().map(|r| r.id.as_str()));
    let ids: Vec<&str> = policy.regions.iter().map(|r| r.id.as_str()).collect();
    let (lz, le) = if ids.is_empty() {
        (
            "本策略未设区域".to_string(),
            "the policy has no regions".to_string(),
        )
    } else {
        (
            format!("可选：{}", ids.join("、")),
            format!("the policy has {}", ids.join(", ")),
        )
    };
    Err(RequestError::new(
        "region",
        Code::UnknownRegion,
        format!("未知的区域 `{shown}`，{lz}"),
        format!("unknown region `{shown}`; {le}"),
    )
    .with_help(help))
}

/// The cutoff under `region` (its own, else the policy's).
pub(crate) fn cutoff(policy: &Policy, region: Option<&Region>) -> TimeOfDay {
    region.and_then(|r| r.cutoff).unwrap_or(policy.cutoff)
}

/// The calendar under `region` (its own, else the policy's), before any caller opt-in.
pub(crate) fn calendar<'p>(policy: &'p Policy, region: Option<&'p Region>) -> &'p Calendar {
    region
        .and_then(|r| r.calendar.as_ref())
        .map(|(c, _)| c)
        .unwrap_or(&policy.calendar)
}

/// The calendar id shown in the decision's `policy` block under `region`.
pub(crate) fn calendar_id<'p>(policy: &'p Policy, region: Option<&'p Region>) -> &'p str {
    region
        .and_then(|r| r.calendar.as_ref())
        .map(|(_, info)| info.id.as_str())
        .unwrap_or(policy.calendar_info.id.as_str())
}

/// The window of a decision (its `policy.office`), in the request's locale.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct OfficeOut {
    pub name: String,
    pub address: Option<String>,
    pub phone: Option<String>,
    pub hours: Option<String>,
}

impl OfficeOut {
    pub(crate) fn of(o: &Office, locale: &str) -> OfficeOut {
        let text = |l: &Option<crate::policy::Label>| l.as_ref().map(|l| l.get(locale).to_string());
        OfficeOut {
            name: o.name.get(locale).to_string(),
            address: text(&o.address),
            phone: text(&o.phone),
            hours: text(&o.hours),
        }
    }
}

/// The window the notice ends with: the region's, else the policy's.
pub(crate) fn office<'p>(policy: &'p Policy, region: Option<&'p Region>) -> Option<&'p Office> {
    region
        .and_then(|r| r.office.as_ref())
        .or(policy.office.as_ref())
}
