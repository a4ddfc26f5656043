//! The decision as it is serialized (SPEC §2, §7.5–§7.7): every key always present, lists in a
//! stable order, so outputs compare byte for byte across runtimes.

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::Value;

use crate::calendar::Period;
use crate::date::Date;
use crate::engine::schedule::{BasisOut, Timeline};

use super::{Issue, Outcome, Status};

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
    /// The target to apply for instead (the first holding reject that names one), or null.
    pub redirect: Option<String>,
}

/// The verification of a commitment (告知承诺) after the fact (SPEC §7.6).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct FollowUp {
    pub material: String,
    /// `site`, `data` or `documents`.
    #[cfg_attr(feature = "ts", ts(type = "\"site\" | \"data\" | \"documents\""))]
    pub method: &'static str,
    /// `verify_within` counted from the due day of the latest proceeding service using the
    /// material; null when that day is not known (no timeline).
    pub due: Option<Date>,
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
    /// The request's region (SPEC §7.8), or null.
    pub region: Option<String>,
    /// The window the notice ends with (the region's, else the policy's), or null.
    pub office: Option<crate::engine::region::OfficeOut>,
}

/// The decision of SPEC §2 and §7. Every key is always present; lists are in a stable order.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Decision {
    pub outcome: Outcome,
    pub target: String,
    pub received_on: Date,
    pub services: Vec<ServiceOutcome>,
    pub not_applicable: Vec<String>,
    /// The services that go ahead (SPEC §7.5), sorted; never null.
    pub proceeding: Vec<String>,
    pub checklist: Vec<ChecklistItem>,
    pub missing: Vec<MissingItem>,
    /// Verifications of committed materials (SPEC §7.6), sorted by material; never null.
    pub follow_ups: Vec<FollowUp>,
    pub field_errors: Vec<Issue>,
    /// The fields required for the form as sent, filled or not (SPEC §7.7), sorted.
    pub required_fields: Vec<String>,
    pub warnings: Vec<Issue>,
    pub notice: String,
    /// Art. 32: when the outcome is `needs_correction`, the day by which the office must give
    /// the one-time notice; null otherwise.
    pub correction_notice_due: Option<Date>,
    pub timeline: Option<Timeline>,
    pub timeline_error: Option<Issue>,
    pub policy: PolicyBlock,
}
