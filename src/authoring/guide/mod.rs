//! The service guide (办事指南, SPEC §4): generated from the same compiled policy the decision
//! engine uses — who may apply, the materials and when each is required (conditions written in
//! plain language from the field labels), tolerance and commitment, stages and time limits,
//! legal basis everywhere — as structured data ([`Guide`]) and as a printable HTML page
//! ([`Policy::guide_html`]). Because conditions are rendered from the compiled tree
//! ([`crate::expr::Expr::describe`]), the published guide cannot disagree with the form.
//!
//! Order: services in the target's order (a bundle's order); materials in order of first
//! appearance in those services; stages in the policy's order.

mod build;
mod clock;
mod html;

pub use clock::{GuideExtension, GuideRoutes};
pub use html::{escape_html, render_html};

use serde::Serialize;

use crate::calendar::Period;
use crate::date::Date;
use crate::diag::Code;
use crate::engine::request::RequestError;
use crate::engine::schedule::BasisOut;
use crate::expr::{Describe, FieldType};
use crate::policy::{
    Basis, Cond, Field, Label, PauseLen, Phase, Policy, Requirement, Service, Stage,
};
use crate::text::Locale;

// ---- the structured guide --------------------------------------------------------------------

/// The service guide of one target (a service or a bundle) in one locale.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Guide {
    pub target: String,
    /// `service` or `bundle`.
    #[cfg_attr(feature = "ts", ts(as = "crate::ts::TargetKind"))]
    pub kind: &'static str,
    /// `zh-CN` or `en`: the locale the texts are in.
    #[cfg_attr(feature = "ts", ts(as = "crate::ts::Locale"))]
    pub locale: &'static str,
    /// The target's name.
    pub title: String,
    pub policy: GuidePolicy,
    /// The applicable services, in the target's order.
    pub services: Vec<GuideService>,
    /// Every material the target can ask for, in order of first appearance.
    pub materials: Vec<GuideMaterial>,
    /// The form fields the target needs, in the policy document's order (as `targets()`).
    pub fields: Vec<GuideField>,
    /// For a bundle: one intake, one issue, its own limits.
    pub bundle: Option<GuideBundle>,
    /// The target's promised limit (承诺时限): the bundle's, or the service's.
    pub promise: Option<GuideLimit>,
    /// The target's statutory limit (法定时限).
    pub legal: Option<GuideLimit>,
    /// The target's `promise_if`, `legal_if` and `legal.extension` (SPEC §7).
    #[serde(flatten)]
    pub routes: GuideRoutes,
    /// The target's own basis (the bundle's or the service's).
    pub basis: Option<BasisOut>,
}

/// Which rules the guide was generated from.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct GuidePolicy {
    pub id: String,
    pub version: String,
    pub title: String,
    pub effective_from: Option<Date>,
    pub effective_until: Option<Date>,
    pub fingerprint: String,
    pub calendar: String,
}

/// A time limit with its plain-language text (`3 个工作日`, `3 working days`).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct GuideLimit {
    pub limit: Period,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct GuideService {
    pub id: String,
    pub name: String,
    pub department: Option<String>,
    /// The `applies_if` condition as written; null when the service always applies.
    pub applies_if: Option<String>,
    /// Who may apply: `applies_if` in plain language (or "any applicant").
    pub who_may_apply: String,
    pub rejects: Vec<GuideReject>,
    /// The ids of the materials this service can ask for, in the policy's order.
    pub materials: Vec<String>,
    pub tolerance: Option<GuideTolerance>,
    pub stages: Vec<GuideStage>,
    pub promise: Option<GuideLimit>,
    pub legal: Option<GuideLimit>,
    /// The service's `promise_if`, `legal_if` and `legal.extension` (SPEC §7).
    #[serde(flatten)]
    pub routes: GuideRoutes,
    pub basis: Option<BasisOut>,
}

/// A not-accepted rule (不予受理情形).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct GuideReject {
    pub condition: String,
    /// The condition in plain language.
    pub when: String,
    pub reason: String,
    pub basis: Option<BasisOut>,
    /// The target to apply for instead (许可 → 备案), with its name (SPEC §7.5).
    pub redirect: Option<GuideRedirect>,
}

/// Where a reject sends the applicant instead.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct GuideRedirect {
    pub target: String,
    pub name: String,
    /// "请改为申请“…”" / "apply for … instead".
    pub text: String,
}

/// How a commitment (告知承诺) is verified after the fact (SPEC §7.6).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct GuideVerification {
    /// `site`, `data` or `documents`.
    #[cfg_attr(feature = "ts", ts(type = "\"site\" | \"data\" | \"documents\""))]
    pub method: &'static str,
    /// Counted from the due day of the latest service using the material.
    pub within: GuideLimit,
    /// The whole rule in one sentence, revocation included.
    pub text: String,
}

/// The service's tolerance rule (容缺受理).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct GuideTolerance {
    pub max_missing: Option<u32>,
    pub excluded_if: Option<String>,
    /// `excluded_if` in plain language.
    pub excluded_when: Option<String>,
    /// The whole rule in one sentence.
    pub text: String,
    pub basis: Option<BasisOut>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct GuideStage {
    pub id: String,
    /// The stage's name (its id when it has none).
    pub name: String,
    /// Ids of the stages it starts after; `service.stage` or `service` for another service of
    /// a bundle (SPEC §7.3).
    pub after: Vec<String>,
    /// `office` or `applicant` (the applicant's own time, not counted; SPEC §7.2).
    pub by: crate::policy::StageBy,
    pub limit: GuideLimit,
    pub limit_if: Vec<GuideLimitIf>,
    pub pauses: Vec<GuidePause>,
    pub basis: Option<BasisOut>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct GuideLimitIf {
    pub condition: String,
    pub when: String,
    pub limit: GuideLimit,
}

/// A period that does not count (听证, 专家评审, 公示 …).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct GuidePause {
    pub name: String,
    /// `{"natural_days": N}` or `{"working_days": N}`.
    pub length: GuideLimit,
    pub condition: Option<String>,
    pub when: Option<String>,
    pub basis: Option<BasisOut>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct GuideMaterial {
    pub id: String,
    pub name: String,
    pub description: Option<String>,
    /// `always` (required whenever the target is applied for) or `conditional`.
    #[cfg_attr(feature = "ts", ts(as = "crate::ts::GuideRequired"))]
    pub required: &'static str,
    /// When it is required, in one sentence.
    pub required_text: String,
    /// Each service that can ask for it, with its own condition and tolerance.
    pub uses: Vec<GuideMaterialUse>,
    pub used_by: Vec<String>,
    /// May be taken from an electronic licence (免提交).
    pub electronic: bool,
    /// May be replaced by a signed commitment (告知承诺).
    pub commitment: bool,
    /// How a commitment is verified afterwards; null for `commitment: true` or none.
    pub verification: Option<GuideVerification>,
    #[cfg_attr(feature = "ts", ts(as = "crate::ts::MaterialArea"))]
    pub area: &'static str,
    /// True when every service that asks for it tolerates its absence at intake (容缺).
    pub tolerable: bool,
    /// The basis of the first use that has one, else the catalogue's (as the checklist says).
    pub basis: Option<BasisOut>,
    /// The catalogue material's own basis.
    pub catalogue_basis: Option<BasisOut>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct GuideMaterialUse {
    pub service: String,
    pub service_name: String,
    /// Required whenever this service applies.
    pub always: bool,
    pub condition: Option<String>,
    pub when: Option<String>,
    /// `supplement_within`: may be missing at intake and supplied within this period.
    pub tolerable: Option<GuideLimit>,
    pub basis: Option<BasisOut>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct GuideValue {
    pub value: String,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct GuideField {
    pub id: String,
    pub label: String,
    #[serde(rename = "type")]
    #[cfg_attr(feature = "ts", ts(as = "crate::ts::FieldType"))]
    pub ty: &'static str,
    pub required: bool,
    /// A conditional requirement in plain language.
    pub required_when: Option<String>,
    pub values: Vec<GuideValue>,
    /// Who fills it: `applicant`, `office` or `shared_data` (SPEC §7.7).
    #[cfg_attr(
        feature = "ts",
        ts(type = "\"applicant\" | \"office\" | \"shared_data\"")
    )]
    pub source: &'static str,
}

/// A bundle phase run once (一窗受理, 统一出件).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct GuidePhase {
    pub name: String,
    pub limit: GuideLimit,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct GuideBundle {
    pub intake: Option<GuidePhase>,
    pub finish: Option<GuidePhase>,
    pub promise: Option<GuideLimit>,
    pub legal: Option<GuideLimit>,
    pub basis: Option<BasisOut>,
}

// ---- labels ------------------------------------------------------------------------------

/// `en` for `en` / `en-*`, otherwise `zh-CN` (the crate's one reading of a locale tag).
pub fn guide_locale(locale: &str) -> &'static str {
    Locale::parse(locale).as_str()
}

/// Field and enum-value labels of a policy, for [`crate::expr::Expr::describe`].
pub struct PolicyNames<'a>(pub &'a Policy);

impl Describe for PolicyNames<'_> {
    fn field_label(&self, index: usize, locale: &str) -> String {
        self.0
            .fields
            .get(index)
            .map(|f| f.label(locale).to_string())
            .unwrap_or_default()
    }
    fn value_label(&self, index: usize, value: &str, locale: &str) -> String {
        self.0
            .fields
            .get(index)
            .and_then(|f| f.value_labels.get(value))
            .map(|l| l.get(locale).to_string())
            .unwrap_or_else(|| value.to_string())
    }
    fn material_label(&self, index: usize, id: &str, locale: &str) -> String {
        self.0
            .materials
            .get(index)
            .map(|m| m.name.get(locale).to_string())
            .unwrap_or_else(|| id.to_string())
    }
}

/// A period in words.
pub fn period_text(p: Period, locale: &str) -> String {
    p.words(Locale::parse(locale))
}

pub(super) fn limit(p: Period, locale: &str) -> GuideLimit {
    GuideLimit {
        limit: p,
        text: period_text(p, locale),
    }
}

pub(super) fn basis(b: &Option<Basis>, locale: &str) -> Option<BasisOut> {
    BasisOut::from(b, locale)
}

pub(super) struct Ctx<'a> {
    policy: &'a Policy,
    locale: &'static str,
    en: bool,
}

impl Ctx<'_> {
    fn describe(&self, c: &Cond) -> String {
        c.expr.describe(&PolicyNames(self.policy), self.locale)
    }
    fn label(&self, l: &Label) -> String {
        l.get(self.locale).to_string()
    }
    fn t(&self, zh: &'static str, en: &'static str) -> &'static str {
        if self.en {
            en
        } else {
            zh
        }
    }
}

/// Whether a condition can never hold / always holds (where decidable).
pub(super) fn never(c: &Cond) -> bool {
    c.expr.constant() == Some(false)
}
pub(super) fn always(c: &Cond) -> bool {
    c.expr.constant() == Some(true)
}

pub(super) fn service_always_applies(s: &Service) -> bool {
    s.applies_if.as_ref().is_none_or(always)
}
