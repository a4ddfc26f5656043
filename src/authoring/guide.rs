//! The service guide (办事指南, SPEC §4): generated from the same compiled policy the decision
//! engine uses — who may apply, the materials and when each is required (conditions written in
//! plain language from the field labels), tolerance and commitment, stages and time limits,
//! legal basis everywhere — as structured data ([`Guide`]) and as a printable HTML page
//! ([`Policy::guide_html`]). Because conditions are rendered from the compiled tree
//! ([`crate::expr::Expr::describe`]), the published guide cannot disagree with the form.
//!
//! Order: services in the target's order (a bundle's order); materials in order of first
//! appearance in those services; stages in the policy's order.

use serde::Serialize;

use crate::api::Error;
use crate::calendar::Period;
use crate::date::Date;
use crate::diag::Code;
use crate::engine::request::RequestError;
use crate::engine::schedule::BasisOut;
use crate::expr::{Describe, FieldType};
use crate::policy::{
    Basis, Cond, Field, Label, PauseLen, Phase, Policy, Requirement, Service, Stage,
};

// ---- the structured guide --------------------------------------------------------------------

/// The service guide of one target (a service or a bundle) in one locale.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Guide {
    pub target: String,
    /// `service` or `bundle`.
    pub kind: &'static str,
    /// `zh-CN` or `en`: the locale the texts are in.
    pub locale: &'static str,
    /// The target's name.
    pub title: String,
    pub policy: GuidePolicy,
    /// The applicable services, in the target's order.
    pub services: Vec<GuideService>,
    /// Every material the target can ask for, in order of first appearance.
    pub materials: Vec<GuideMaterial>,
    /// The form fields the target reads or requires, sorted by id.
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
pub struct GuideLimit {
    pub limit: Period,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
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
pub struct GuideReject {
    pub condition: String,
    /// The condition in plain language.
    pub when: String,
    pub reason: String,
    pub basis: Option<BasisOut>,
}

/// The service's tolerance rule (容缺受理).
#[derive(Debug, Clone, PartialEq, Serialize)]
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
pub struct GuideLimitIf {
    pub condition: String,
    pub when: String,
    pub limit: GuideLimit,
}

/// A period that does not count (听证, 专家评审, 公示 …).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GuidePause {
    pub name: String,
    /// `{"natural_days": N}` or `{"working_days": N}`.
    pub length: GuideLimit,
    pub condition: Option<String>,
    pub when: Option<String>,
    pub basis: Option<BasisOut>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GuideMaterial {
    pub id: String,
    pub name: String,
    pub description: Option<String>,
    /// `always` (required whenever the target is applied for) or `conditional`.
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
    pub area: &'static str,
    /// True when every service that asks for it tolerates its absence at intake (容缺).
    pub tolerable: bool,
    /// The basis of the first use that has one, else the catalogue's (as the checklist says).
    pub basis: Option<BasisOut>,
    /// The catalogue material's own basis.
    pub catalogue_basis: Option<BasisOut>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
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
pub struct GuideValue {
    pub value: String,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GuideField {
    pub id: String,
    pub label: String,
    #[serde(rename = "type")]
    pub ty: &'static str,
    pub required: bool,
    /// A conditional requirement in plain language.
    pub required_when: Option<String>,
    pub values: Vec<GuideValue>,
}

/// A bundle phase run once (一窗受理, 统一出件).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GuidePhase {
    pub name: String,
    pub limit: GuideLimit,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GuideBundle {
    pub intake: Option<GuidePhase>,
    pub finish: Option<GuidePhase>,
    pub promise: Option<GuideLimit>,
    pub legal: Option<GuideLimit>,
    pub basis: Option<BasisOut>,
}

// ---- labels ------------------------------------------------------------------------------

/// `en` for `en` / `en-*`, otherwise `zh-CN` (as [`crate::diag::Message::get`] reads).
pub fn guide_locale(locale: &str) -> &'static str {
    let l = locale.to_ascii_lowercase();
    if l == "en" || l.starts_with("en-") {
        "en"
    } else {
        "zh-CN"
    }
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
}

/// A period in words.
pub fn period_text(p: Period, locale: &str) -> String {
    let en = guide_locale(locale) == "en";
    let n = p.count();
    let s = if n == 1 { "" } else { "s" };
    match (en, p) {
        (false, Period::WorkingDays(0)) => "当日".to_string(),
        (false, Period::WorkingDays(n)) => format!("{n} 个工作日"),
        (false, Period::NaturalDays(n)) => format!("{n} 个自然日"),
        (false, Period::Months(n)) => format!("{n} 个月"),
        (true, Period::WorkingDays(0)) => "the same day".to_string(),
        (true, Period::WorkingDays(_)) => format!("{n} working day{s}"),
        (true, Period::NaturalDays(_)) => format!("{n} calendar day{s}"),
        (true, Period::Months(_)) => format!("{n} month{s}"),
    }
}

fn limit(p: Period, locale: &str) -> GuideLimit {
    GuideLimit {
        limit: p,
        text: period_text(p, locale),
    }
}

fn basis(b: &Option<Basis>, locale: &str) -> Option<BasisOut> {
    BasisOut::from(b, locale)
}

mod clock;
pub use clock::{GuideExtension, GuideRoutes};

struct Ctx<'a> {
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
fn never(c: &Cond) -> bool {
    c.expr.constant() == Some(false)
}
fn always(c: &Cond) -> bool {
    c.expr.constant() == Some(true)
}

fn service_always_applies(s: &Service) -> bool {
    s.applies_if.as_ref().is_none_or(always)
}

// ---- building ----------------------------------------------------------------------------

impl Policy {
    /// The service guide (办事指南) of a service or bundle, in `locale` (`zh-CN` or `en`; any
    /// other locale reads zh-CN).
    ///
    /// # Errors
    /// `RequestError` `unknown_target` when the policy has no such service or bundle.
    pub fn guide(&self, target: &str, locale: &str) -> Result<Guide, Error> {
        let loc = guide_locale(locale);
        let cx = Ctx {
            policy: self,
            locale: loc,
            en: loc == "en",
        };
        let (kind, title, services, bundle, promise, legal, tbasis, troutes) = if let Some(s) = self
            .service_index(target)
            .and_then(|i| self.services.get(i))
        {
            (
                "service",
                cx.label(&s.name),
                vec![s],
                None,
                s.promise,
                s.legal,
                &s.basis,
                &s.limits,
            )
        } else if let Some(b) = self.bundle_index(target).and_then(|i| self.bundles.get(i)) {
            let mut list: Vec<&Service> = Vec::new();
            for s in b.services.iter().filter_map(|&i| self.services.get(i)) {
                if !list.iter().any(|x| x.id == s.id) {
                    list.push(s);
                }
            }
            let phase = |p: &Option<Phase>, zh: &'static str, en: &'static str| {
                p.as_ref().map(|p| GuidePhase {
                    name: p
                        .name
                        .as_ref()
                        .map(|n| cx.label(n))
                        .unwrap_or_else(|| cx.t(zh, en).to_string()),
                    limit: limit(p.limit, loc),
                })
            };
            let gb = GuideBundle {
                intake: phase(&b.intake, "一窗受理", "Single-window intake"),
                finish: phase(&b.finish, "统一出件", "Unified issue"),
                promise: b.promise.map(|p| limit(p, loc)),
                legal: b.legal.map(|p| limit(p, loc)),
                basis: basis(&b.basis, loc),
            };
            (
                "bundle",
                cx.label(&b.name),
                list,
                Some(gb),
                b.promise,
                b.legal,
                &b.basis,
                &b.limits,
            )
        } else {
            let mut ids: Vec<&str> = self.services.iter().map(|s| s.id.as_str()).collect();
            ids.extend(self.bundles.iter().map(|b| b.id.as_str()));
            let shown: String = target.chars().take(64).collect();
            return Err(Error::Request(RequestError::new(
                "target",
                Code::UnknownTarget,
                format!("未知的办理对象 `{shown}`，可选：{}", ids.join("、")),
                format!(
                    "unknown target `{shown}`; the policy has {}",
                    ids.join(", ")
                ),
            )));
        };

        let guide_services: Vec<GuideService> = services.iter().map(|s| service(&cx, s)).collect();
        let materials = materials(&cx, &services, kind == "bundle");
        let fields = fields(&cx, &services);
        Ok(Guide {
            target: target.to_string(),
            kind,
            locale: loc,
            title,
            policy: GuidePolicy {
                id: self.id.clone(),
                version: self.version.clone(),
                title: cx.label(&self.title),
                effective_from: self.effective_from,
                effective_until: self.effective_until,
                fingerprint: self.fingerprint().to_string(),
                calendar: self.calendar_info.id.clone(),
            },
            services: guide_services,
            materials,
            fields,
            bundle,
            promise: promise.map(|p| limit(p, loc)),
            legal: legal.map(|p| limit(p, loc)),
            routes: clock::routes(&cx, troutes),
            basis: basis(tbasis, loc),
        })
    }

    /// The service guide as a complete, printable HTML page (inline stylesheet with print
    /// rules, no script). Every policy text is HTML-escaped.
    ///
    /// # Errors
    /// As [`Policy::guide`].
    pub fn guide_html(&self, target: &str, locale: &str) -> Result<String, Error> {
        Ok(render_html(&self.guide(target, locale)?))
    }
}

fn service(cx: &Ctx<'_>, s: &Service) -> GuideService {
    let loc = cx.locale;
    let who = match &s.applies_if {
        Some(c) if !always(c) => cx.describe(c),
        _ => cx
            .t(
                "不限（本事项无适用前提）",
                "Any applicant (no precondition)",
            )
            .to_string(),
    };
    let rejects = s
        .rejects
        .iter()
        .filter(|r| !never(&r.when))
        .map(|r| GuideReject {
            condition: r.when.src.clone(),
            when: cx.describe(&r.when),
            reason: cx.label(&r.reason),
            basis: basis(&r.basis, loc),
        })
        .collect();
    let mut mats = Vec::new();
    for mr in &s.materials {
        let can = match &mr.required {
            Requirement::Never => false,
            Requirement::Always => true,
            Requirement::If(c) => !never(c),
        };
        if can {
            if let Some(m) = cx.policy.materials.get(mr.material) {
                mats.push(m.id.clone());
            }
        }
    }
    let tolerance = s.tolerance.as_ref().map(|t| {
        let excluded_when = t.excluded_if.as_ref().filter(|c| !never(c)).map(|c| cx.describe(c));
        let mut text = String::new();
        if cx.en {
            text.push_str(
                "An application missing only tolerable materials may be accepted with tolerance (容缺受理)",
            );
            if let Some(n) = t.max_missing {
                let s = if n == 1 { "" } else { "s" };
                text.push_str(&format!(", at most {n} material{s} missing"));
            }
            if let Some(w) = &excluded_when {
                text.push_str(&format!("; not when {w}"));
            }
            text.push('.');
        } else {
            text.push_str("仅缺少可容缺材料的，可容缺受理");
            if let Some(n) = t.max_missing {
                text.push_str(&format!("，最多缺 {n} 项"));
            }
            if let Some(w) = &excluded_when {
                text.push_str(&format!("；{w} 时不适用容缺受理"));
            }
            text.push('。');
        }
        GuideTolerance {
            max_missing: t.max_missing,
            excluded_if: t.excluded_if.as_ref().map(|c| c.src.clone()),
            excluded_when,
            text,
            basis: basis(&t.basis, loc),
        }
    });
    GuideService {
        id: s.id.clone(),
        name: cx.label(&s.name),
        department: s.department.as_ref().map(|d| cx.label(d)),
        applies_if: s.applies_if.as_ref().map(|c| c.src.clone()),
        who_may_apply: who,
        rejects,
        materials: mats,
        tolerance,
        stages: s.stages.iter().map(|st| stage(cx, s, st)).collect(),
        promise: s.promise.map(|p| limit(p, loc)),
        legal: s.legal.map(|p| limit(p, loc)),
        routes: clock::routes(cx, &s.limits),
        basis: basis(&s.basis, loc),
    }
}

fn stage(cx: &Ctx<'_>, s: &Service, st: &Stage) -> GuideStage {
    let loc = cx.locale;
    GuideStage {
        id: st.id.clone(),
        name: st
            .name
            .as_ref()
            .map(|n| cx.label(n))
            .unwrap_or_else(|| st.id.clone()),
        after: st
            .after
            .iter()
            .filter_map(|&i| s.stages.get(i))
            .map(|x| x.id.clone())
            .chain(clock::after_services(cx, st))
            .collect(),
        by: st.by,
        limit: limit(st.limit, loc),
        limit_if: st
            .limit_if
            .iter()
            .filter(|l| !never(&l.when))
            .map(|l| GuideLimitIf {
                condition: l.when.src.clone(),
                when: cx.describe(&l.when),
                limit: limit(l.limit, loc),
            })
            .collect(),
        pauses: st
            .pauses
            .iter()
            .filter(|p| !p.when.as_ref().is_some_and(never))
            .map(|p| GuidePause {
                name: cx.label(&p.name),
                length: limit(
                    match p.len {
                        PauseLen::NaturalDays(n) => Period::NaturalDays(n),
                        PauseLen::WorkingDays(n) => Period::WorkingDays(n),
                    },
                    loc,
                ),
                condition: p.when.as_ref().map(|c| c.src.clone()),
                when: p.when.as_ref().map(|c| cx.describe(c)),
                basis: basis(&p.basis, loc),
            })
            .collect(),
        basis: basis(&st.basis, loc),
    }
}

fn materials(cx: &Ctx<'_>, services: &[&Service], bundle: bool) -> Vec<GuideMaterial> {
    let loc = cx.locale;
    // material index → uses, in order of first appearance
    let mut order: Vec<usize> = Vec::new();
    let mut uses: Vec<Vec<(GuideMaterialUse, bool)>> = Vec::new();
    for s in services {
        let svc_always = service_always_applies(s);
        for mr in &s.materials {
            let (is_always, cond) = match &mr.required {
                Requirement::Never => continue,
                Requirement::Always => (true, None),
                Requirement::If(c) if never(c) => continue,
                Requirement::If(c) if always(c) => (true, None),
                Requirement::If(c) => (false, Some(c)),
            };
            let u = GuideMaterialUse {
                service: s.id.clone(),
                service_name: cx.label(&s.name),
                always: is_always,
                condition: cond.map(|c| c.src.clone()),
                when: cond.map(|c| cx.describe(c)),
                tolerable: mr.tolerable.map(|p| limit(p, loc)),
                basis: basis(&mr.basis, loc),
            };
            let slot = match order.iter().position(|&m| m == mr.material) {
                Some(i) => i,
                None => {
                    order.push(mr.material);
                    uses.push(Vec::new());
                    order.len() - 1
                }
            };
            if let Some(list) = uses.get_mut(slot) {
                list.push((u, is_always && svc_always));
            }
        }
    }
    let mut out = Vec::new();
    for (mi, list) in order.into_iter().zip(uses) {
        let Some(m) = cx.policy.materials.get(mi) else {
            continue;
        };
        let required_always = list.iter().any(|(_, a)| *a);
        let uses: Vec<GuideMaterialUse> = list.into_iter().map(|(u, _)| u).collect();
        let required_text = if required_always {
            cx.t("必须提交", "Required").to_string()
        } else {
            // Services that need it whenever they apply form one clause; each conditional
            // requirement is a clause of its own.
            let plain: Vec<&str> = uses
                .iter()
                .filter(|u| u.when.is_none())
                .map(|u| u.service_name.as_str())
                .collect();
            let mut clauses: Vec<String> = Vec::new();
            if !plain.is_empty() {
                let quoted: Vec<String> = plain.iter().map(|n| format!("“{n}”")).collect();
                clauses.push(if cx.en {
                    match quoted.split_last() {
                        Some((last, rest)) if !rest.is_empty() => {
                            format!("when applying for {} or {last}", rest.join(", "))
                        }
                        _ => format!("when applying for {}", quoted.join("")),
                    }
                } else {
                    format!("办理{}时", quoted.join("、"))
                });
            }
            for u in uses.iter() {
                let Some(w) = &u.when else { continue };
                clauses.push(match (bundle, cx.en) {
                    (false, _) => w.clone(),
                    (true, false) => format!("{w}（{}）", u.service_name),
                    (true, true) => format!("{w} ({})", u.service_name),
                });
            }
            let only_plain = uses.iter().all(|u| u.when.is_none());
            match (clauses.as_slice(), cx.en) {
                ([one], false) if !only_plain => format!("当 {one} 时提交"),
                ([one], false) => format!("{one}提交"),
                ([one], true) if !only_plain => format!("Required when {one}"),
                ([one], true) => format!("Required {one}"),
                (all, false) => format!("符合以下情形之一时提交：{}", all.join("；")),
                (all, true) => format!("Required in any of these cases: {}", all.join("; ")),
            }
        };
        let mut used_by: Vec<String> = Vec::new();
        for u in &uses {
            if !used_by.contains(&u.service) {
                used_by.push(u.service.clone());
            }
        }
        let tolerable = !uses.is_empty() && uses.iter().all(|u| u.tolerable.is_some());
        let b = uses
            .iter()
            .find_map(|u| u.basis.clone())
            .or_else(|| basis(&m.basis, loc));
        out.push(GuideMaterial {
            id: m.id.clone(),
            name: cx.label(&m.name),
            description: m.description.as_ref().map(|d| cx.label(d)),
            required: if required_always {
                "always"
            } else {
                "conditional"
            },
            required_text,
            uses,
            used_by,
            electronic: m.electronic,
            commitment: m.commitment,
            area: m.area.as_str(),
            tolerable,
            basis: b,
            catalogue_basis: basis(&m.basis, loc),
        });
    }
    out
}

fn fields(cx: &Ctx<'_>, services: &[&Service]) -> Vec<GuideField> {
    let p = cx.policy;
    let mut used = vec![false; p.fields.len()];
    for s in services {
        s.mark_fields(&mut used);
    }
    p.fields
        .iter()
        .zip(used)
        .filter(|(f, u)| *u || !matches!(f.required, Requirement::Never))
        .map(|(f, _)| field(cx, f))
        .collect()
}

fn field(cx: &Ctx<'_>, f: &Field) -> GuideField {
    let ty = match &f.ty {
        FieldType::Number => "number",
        FieldType::String => "string",
        FieldType::Bool => "bool",
        FieldType::Date => "date",
        FieldType::Enum(_) => "enum",
    };
    let values = match &f.ty {
        FieldType::Enum(vs) => vs
            .iter()
            .map(|v| GuideValue {
                value: v.clone(),
                label: f
                    .value_labels
                    .get(v)
                    .map(|l| cx.label(l))
                    .unwrap_or_else(|| v.clone()),
            })
            .collect(),
        _ => Vec::new(),
    };
    let (required, required_when) = match &f.required {
        Requirement::Never => (false, None),
        Requirement::Always => (true, None),
        Requirement::If(c) if always(c) => (true, None),
        Requirement::If(c) if never(c) => (false, None),
        Requirement::If(c) => (false, Some(cx.describe(c))),
    };
    GuideField {
        id: f.id.clone(),
        label: f.label(cx.locale).to_string(),
        ty,
        required,
        required_when,
        values,
    }
}

// ---- HTML --------------------------------------------------------------------------------

/// Escape text for HTML content and attribute values.
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

const STYLE: &str = r#"
:root { color-scheme: light; }
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif;
       color: #111; background: #fff; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; line-height: 1.55; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.2rem; border-bottom: 2px solid #333; padding-bottom: .2rem; margin-top: 1.8rem; }
h3 { font-size: 1.05rem; margin: 1.2rem 0 .4rem; }
.meta { color: #444; font-size: .9rem; margin: 0 0 1rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .92rem; }
th, td { border: 1px solid #888; padding: .35rem .5rem; vertical-align: top; text-align: left; }
th { background: #eee; }
td.num { text-align: center; white-space: nowrap; }
.basis { color: #333; font-size: .85rem; }
.basis::before { content: "\2696\FE0E  "; }
ul { margin: .3rem 0 .8rem; padding-left: 1.4rem; }
.tag { display: inline-block; border: 1px solid #555; border-radius: .2rem; padding: 0 .3rem; font-size: .8rem; margin: 0 .2rem .1rem 0; }
footer { margin-top: 2rem; font-size: .8rem; color: #555; border-top: 1px solid #aaa; padding-top: .5rem; word-break: break-all; }
@page { size: A4; margin: 15mm 12mm; }
@media print {
  body { margin: 0; max-width: none; padding: 0; font-size: 10.5pt; }
  h2 { break-after: avoid; page-break-after: avoid; }
  table { page-break-inside: auto; }
  tr, .service { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  th { background: #eee !important; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  a { color: inherit; text-decoration: none; }
  a[href]::after { content: " (" attr(href) ")"; font-size: .8em; word-break: break-all; }
  .no-print { display: none !important; }
}
"#;

struct Html {
    out: String,
    en: bool,
}

impl Html {
    fn raw(&mut self, s: &str) {
        self.out.push_str(s);
    }
    fn text(&mut self, s: &str) {
        self.out.push_str(&escape_html(s));
    }
    fn t(&self, zh: &'static str, en: &'static str) -> &'static str {
        if self.en {
            en
        } else {
            zh
        }
    }
    /// `<tag>text</tag>`.
    fn el(&mut self, tag: &str, s: &str) {
        self.raw("<");
        self.raw(tag);
        self.raw(">");
        self.text(s);
        self.raw("</");
        self.raw(tag.split(' ').next().unwrap_or(tag));
        self.raw(">");
    }
    fn basis(&mut self, b: &Option<BasisOut>) {
        let Some(b) = b else { return };
        let label = self.t("依据：", "Basis: ");
        self.raw("<div class=\"basis\">");
        self.text(label);
        match &b.url {
            Some(u) if u.starts_with("https://") || u.starts_with("http://") => {
                self.raw("<a href=\"");
                self.text(u);
                self.raw("\" rel=\"noopener noreferrer\">");
                self.text(&b.label);
                self.raw("</a>");
            }
            Some(u) => {
                self.text(&b.label);
                self.raw(" (");
                self.text(u);
                self.raw(")");
            }
            None => self.text(&b.label),
        }
        self.raw("</div>");
    }
    fn yes_no(&mut self, b: bool) {
        let s = match (self.en, b) {
            (false, true) => "是",
            (false, false) => "否",
            (true, true) => "Yes",
            (true, false) => "No",
        };
        self.text(s);
    }
}

/// Render a guide as a complete HTML page.
pub fn render_html(g: &Guide) -> String {
    let mut h = Html {
        out: String::with_capacity(16 * 1024),
        en: g.locale == "en",
    };
    h.raw("<!DOCTYPE html>\n<html lang=\"");
    h.raw(g.locale);
    h.raw("\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    let title = format!("{} — {}", g.title, h.t("办事指南", "Service guide"));
    h.el("title", &title);
    h.raw("\n<style>");
    h.raw(STYLE);
    h.raw("</style>\n</head>\n<body>\n<main class=\"guide\">\n");
    h.el("h1", &g.title);
    h.raw("\n<p class=\"meta\">");
    h.text(h.t("办事指南", "Service guide"));
    h.raw(" · ");
    h.text(&g.policy.title);
    h.raw(" · ");
    h.text(h.t("版本 ", "version "));
    h.text(&g.policy.version);
    let eff = match (g.policy.effective_from, g.policy.effective_until, h.en) {
        (Some(f), Some(u), false) => Some(format!("{f} 至 {u} 有效")),
        (Some(f), None, false) => Some(format!("自 {f} 起施行")),
        (None, Some(u), false) => Some(format!("有效至 {u}")),
        (Some(f), Some(u), true) => Some(format!("in force {f} to {u}")),
        (Some(f), None, true) => Some(format!("in force from {f}")),
        (None, Some(u), true) => Some(format!("in force until {u}")),
        (None, None, _) => None,
    };
    if let Some(e) = eff {
        h.raw(" · ");
        h.text(&e);
    }
    h.raw("</p>\n");
    h.basis(&g.basis);

    // 1. Services: who may apply, not accepted.
    h.raw("\n<section id=\"services\">\n");
    h.el(
        "h2",
        h.t("一、办理事项与申请条件", "1. Services and who may apply"),
    );
    for s in &g.services {
        h.raw("\n<div class=\"service\">");
        h.el("h3", &s.name);
        h.raw("<table class=\"kv\"><tbody>");
        if let Some(d) = &s.department {
            h.raw("<tr><th scope=\"row\">");
            h.text(h.t("实施部门", "Department"));
            h.raw("</th><td>");
            h.text(d);
            h.raw("</td></tr>");
        }
        h.raw("<tr><th scope=\"row\">");
        h.text(h.t("申请条件", "Who may apply"));
        h.raw("</th><td>");
        h.text(&s.who_may_apply);
        h.raw("</td></tr>");
        h.raw("</tbody></table>");
        h.basis(&s.basis);
        if !s.rejects.is_empty() {
            h.el("h4", h.t("不予受理情形", "Not accepted"));
            h.raw("<ul>");
            for r in &s.rejects {
                h.raw("<li>");
                h.text(&r.when);
                h.text(h.t("：", ": "));
                h.text(&r.reason);
                h.basis(&r.basis);
                h.raw("</li>");
            }
            h.raw("</ul>");
        }
        h.raw("</div>\n");
    }
    h.raw("</section>\n");

    // 2. Materials.
    h.raw("\n<section id=\"materials\">\n");
    h.el("h2", h.t("二、申请材料", "2. Materials"));
    h.raw("<table class=\"materials\"><thead><tr>");
    let heads: [(&str, &str); 7] = [
        ("序号", "No."),
        ("材料名称", "Material"),
        ("提交要求", "When required"),
        ("免提交（电子证照）", "Electronic licence (免提交)"),
        ("告知承诺", "Commitment (告知承诺)"),
        ("容缺受理", "Tolerance (容缺)"),
        ("设定依据", "Basis"),
    ];
    for (zh, en) in heads {
        h.raw("<th scope=\"col\">");
        h.text(if h.en { en } else { zh });
        h.raw("</th>");
    }
    h.raw("</tr></thead><tbody>\n");
    for (i, m) in g.materials.iter().enumerate() {
        h.raw("<tr data-material=\"");
        h.text(&m.id);
        h.raw("\"><td class=\"num\">");
        h.text(&(i + 1).to_string());
        h.raw("</td><td>");
        h.text(&m.name);
        if let Some(d) = &m.description {
            h.raw("<div class=\"basis\" style=\"\">");
            h.text(d);
            h.raw("</div>");
        }
        if g.kind == "bundle" {
            h.raw("<div>");
            for u in &m.uses {
                h.raw("<span class=\"tag\">");
                h.text(&u.service_name);
                h.raw("</span>");
            }
            h.raw("</div>");
        }
        h.raw("</td><td>");
        h.text(&m.required_text);
        h.raw("</td><td class=\"num\">");
        h.yes_no(m.electronic);
        h.raw("</td><td class=\"num\">");
        h.yes_no(m.commitment);
        h.raw("</td><td>");
        let tol: Vec<String> = m
            .uses
            .iter()
            .filter_map(|u| {
                u.tolerable.as_ref().map(|t| {
                    let within = if h.en {
                        format!("supplement within {}", t.text)
                    } else {
                        format!("{}内补齐", t.text)
                    };
                    if g.kind == "bundle" {
                        format!("{}: {within}", u.service_name)
                    } else {
                        within
                    }
                })
            })
            .collect();
        if tol.is_empty() {
            h.yes_no(false);
        } else {
            h.text(&tol.join(if h.en { "; " } else { "；" }));
        }
        h.raw("</td><td>");
        let mut seen: Vec<&BasisOut> = Vec::new();
        for u in &m.uses {
            if let Some(b) = &u.basis {
                if !seen.contains(&b) {
                    seen.push(b);
                }
            }
        }
        if let Some(b) = &m.catalogue_basis {
            if !seen.contains(&b) {
                seen.push(b);
            }
        }
        for b in seen {
            h.basis(&Some(b.clone()));
        }
        h.raw("</td></tr>\n");
    }
    h.raw("</tbody></table>\n");
    let tolerances: Vec<(&str, &GuideTolerance)> = g
        .services
        .iter()
        .filter_map(|s| s.tolerance.as_ref().map(|t| (s.name.as_str(), t)))
        .collect();
    if !tolerances.is_empty() {
        h.el("h3", h.t("容缺受理规则", "Tolerance rules"));
        h.raw("<ul>");
        for (name, t) in tolerances {
            h.raw("<li>");
            if g.kind == "bundle" {
                h.text(name);
                h.text(h.t("：", ": "));
            }
            h.text(&t.text);
            h.basis(&t.basis);
            h.raw("</li>");
        }
        h.raw("</ul>\n");
    }
    h.raw("</section>\n");

    // 3. Time limits.
    h.raw("\n<section id=\"limits\">\n");
    h.el("h2", h.t("三、办理环节与时限", "3. Stages and time limits"));
    h.raw("<table class=\"limits\"><thead><tr>");
    let heads: [(&str, &str); 6] = [
        ("事项", "Service"),
        ("环节", "Stage"),
        ("时限", "Limit"),
        ("情形变化", "Other cases"),
        ("不计入时限", "Not counted"),
        ("依据", "Basis"),
    ];
    for (zh, en) in heads {
        h.raw("<th scope=\"col\">");
        h.text(if h.en { en } else { zh });
        h.raw("</th>");
    }
    h.raw("</tr></thead><tbody>\n");
    let phase_row = |h: &mut Html, p: &GuidePhase| {
        h.raw("<tr><td>—</td><td>");
        h.text(&p.name);
        h.raw("</td><td class=\"num\">");
        h.text(&p.limit.text);
        h.raw("</td><td></td><td></td><td></td></tr>\n");
    };
    if let Some(p) = g.bundle.as_ref().and_then(|b| b.intake.as_ref()) {
        phase_row(&mut h, p);
    }
    for s in &g.services {
        for st in &s.stages {
            h.raw("<tr><td>");
            h.text(&s.name);
            h.raw("</td><td>");
            h.text(&st.name);
            h.raw("</td><td class=\"num\">");
            h.text(&st.limit.text);
            h.raw("</td><td>");
            for l in &st.limit_if {
                h.raw("<div>");
                let s = if h.en {
                    format!("{}: {}", l.when, l.limit.text)
                } else {
                    format!("{}：{}", l.when, l.limit.text)
                };
                h.text(&s);
                h.raw("</div>");
            }
            h.raw("</td><td>");
            clock::applicant_note(&mut h, st.by);
            for p in &st.pauses {
                h.raw("<div>");
                let mut s = format!("{} ({})", p.name, p.length.text);
                if !h.en {
                    s = format!("{}（{}）", p.name, p.length.text);
                }
                if let Some(w) = &p.when {
                    s.push_str(&if h.en {
                        format!(", when {w}")
                    } else {
                        format!("，{w} 时")
                    });
                }
                h.text(&s);
                h.basis(&p.basis);
                h.raw("</div>");
            }
            h.raw("</td><td>");
            h.basis(&st.basis);
            h.raw("</td></tr>\n");
        }
        let svc_limit = |h: &mut Html, zh: &'static str, en: &'static str, l: &GuideLimit| {
            h.raw("<tr class=\"total\"><td>");
            h.text(&s.name);
            h.raw("</td><td>");
            h.text(h.t(zh, en));
            h.raw("</td><td class=\"num\">");
            h.text(&l.text);
            h.raw("</td><td></td><td></td><td>");
            h.basis(&s.basis);
            h.raw("</td></tr>\n");
        };
        if let Some(l) = &s.promise {
            svc_limit(&mut h, "承诺时限", "Promised limit", l);
        }
        if let Some(l) = &s.legal {
            svc_limit(&mut h, "法定时限", "Statutory limit", l);
        }
        clock::routes_html(&mut h, &s.name, &s.routes);
    }
    if let Some(p) = g.bundle.as_ref().and_then(|b| b.finish.as_ref()) {
        phase_row(&mut h, p);
    }
    if g.bundle.is_some() {
        clock::routes_html(&mut h, &g.title, &g.routes);
    }
    h.raw("</tbody></table>\n");
    if g.promise.is_some() || g.legal.is_some() {
        h.raw("<table class=\"kv totals\"><tbody>");
        for (zh, en, l) in [
            ("承诺办结时限", "Promised limit", &g.promise),
            ("法定办结时限", "Statutory limit", &g.legal),
        ] {
            if let Some(l) = l {
                h.raw("<tr><th scope=\"row\">");
                h.text(h.t(zh, en));
                h.raw("</th><td>");
                h.text(&l.text);
                h.raw("</td></tr>");
            }
        }
        h.raw("</tbody></table>\n");
        h.basis(&g.basis);
    }
    let note = h.t(
        "时限按工作日计算的，不含法定节假日，以收件日的次日起算；停止计时的期间不计入时限。",
        "Working-day limits exclude public holidays and count from the day after the received day; pauses are not counted.",
    );
    h.el("p class=\"meta\"", note);
    h.raw("</section>\n");

    // 4. Form fields.
    if !g.fields.is_empty() {
        h.raw("\n<section id=\"fields\">\n");
        h.el("h2", h.t("四、申请表填写项", "4. Form fields"));
        h.raw("<table class=\"fields\"><thead><tr>");
        for (zh, en) in [
            ("填写项", "Field"),
            ("是否必填", "Required"),
            ("可选值", "Values"),
        ] {
            h.raw("<th scope=\"col\">");
            h.text(if h.en { en } else { zh });
            h.raw("</th>");
        }
        h.raw("</tr></thead><tbody>\n");
        for f in &g.fields {
            h.raw("<tr><td>");
            h.text(&f.label);
            h.raw("</td><td>");
            match &f.required_when {
                Some(w) => {
                    let s = if h.en {
                        format!("when {w}")
                    } else {
                        format!("{w} 时必填")
                    };
                    h.text(&s);
                }
                None => h.yes_no(f.required),
            }
            h.raw("</td><td>");
            let vals: Vec<&str> = f.values.iter().map(|v| v.label.as_str()).collect();
            h.text(&vals.join(if h.en { ", " } else { "、" }));
            h.raw("</td></tr>\n");
        }
        h.raw("</tbody></table>\n</section>\n");
    }

    h.raw("\n<footer>");
    let foot = if h.en {
        format!(
            "Generated from policy {} version {} ({}); the same rules decide applications.",
            g.policy.id, g.policy.version, g.policy.fingerprint
        )
    } else {
        format!(
            "本指南由策略 {} 版本 {} 自动生成（{}），与受理判定使用同一规则。",
            g.policy.id, g.policy.version, g.policy.fingerprint
        )
    };
    h.text(&foot);
    h.raw("</footer>\n</main>\n</body>\n</html>\n");
    h.out
}
