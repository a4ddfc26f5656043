//! The guide's part of the legal clock (SPEC §7): a target's or service's conditional promises
//! and statutory limits (`promise_if`, `legal_if`), the statutory extension, and, per stage,
//! who does it (the applicant's own time is not counted) and which other services it waits for.

use serde::Serialize;

use super::html::Html;
use super::{limit, never, Ctx, GuideLimit, GuideLimitIf};
use crate::policy::{Service, Stage, StageBy, TargetLimits};

/// `legal.extension`: how much longer, approved by whom (行政许可法 Art. 42 ¶1).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct GuideExtension {
    pub limit: GuideLimit,
    pub approved_by: String,
}

/// The routes of a target or service (serialized flat beside `promise` and `legal`).
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct GuideRoutes {
    /// Conditional promises, the first that holds applies.
    pub promise_if: Vec<GuideLimitIf>,
    /// Conditional statutory limits, the first that holds applies.
    pub legal_if: Vec<GuideLimitIf>,
    pub legal_extension: Option<GuideExtension>,
}

pub(super) fn routes(cx: &Ctx<'_>, l: &TargetLimits) -> GuideRoutes {
    let loc = cx.locale;
    let cond = |when: &crate::policy::Cond, p| GuideLimitIf {
        condition: when.src.clone(),
        when: cx.describe(when),
        limit: limit(p, loc),
    };
    GuideRoutes {
        promise_if: l
            .promise_if
            .iter()
            .filter(|x| !never(&x.when))
            .map(|x| cond(&x.when, x.limit))
            .collect(),
        legal_if: l
            .legal_if
            .iter()
            .filter(|x| !never(&x.when))
            .map(|x| cond(&x.when, x.limit))
            .collect(),
        legal_extension: l.legal_extension.as_ref().map(|e| GuideExtension {
            limit: limit(e.limit, loc),
            approved_by: cx.label(&e.approved_by),
        }),
    }
}

/// A stage's `after` entries that name other services (`svc.stage` or `svc`).
pub(super) fn after_services(cx: &Ctx<'_>, st: &Stage) -> Vec<String> {
    st.after_services
        .iter()
        .filter_map(|d| {
            let s: &Service = cx.policy.services.get(d.service)?;
            Some(match d.stage.and_then(|i| s.stages.get(i)) {
                Some(x) => format!("{}.{}", s.id, x.id),
                None => s.id.clone(),
            })
        })
        .collect()
}

/// Rows of the limits table for the routes of `name` (a service or the target).
pub(super) fn routes_html(h: &mut Html, name: &str, r: &GuideRoutes) {
    let row = |h: &mut Html, what: String, text: &str| {
        h.raw("<tr class=\"total\"><td>");
        h.text(name);
        h.raw("</td><td>");
        h.text(&what);
        h.raw("</td><td class=\"num\">");
        h.text(text);
        h.raw("</td><td></td><td></td><td></td></tr>\n");
    };
    for (list, zh, en) in [
        (&r.promise_if, "承诺时限", "Promised limit"),
        (&r.legal_if, "法定时限", "Statutory limit"),
    ] {
        for l in list {
            let what = if h.en {
                format!("{en}, when {}", l.when)
            } else {
                format!("{zh}（{}时）", l.when)
            };
            row(h, what, &l.limit.text);
        }
    }
    if let Some(e) = &r.legal_extension {
        let what = if h.en {
            format!(
                "Statutory limit may be extended (approved by {})",
                e.approved_by
            )
        } else {
            format!("法定时限可延长（经{}批准）", e.approved_by)
        };
        row(h, what, &e.limit.text);
    }
}

/// The "not counted" cell of an applicant's stage.
pub(super) fn applicant_note(h: &mut Html, by: StageBy) {
    if by == StageBy::Applicant {
        h.raw("<div>");
        let t = h.t(
            "申请人自行完成，所需时间为申请人自己的时间",
            "Done by the applicant: the applicant's own time",
        );
        h.text(t);
        h.raw("</div>");
    }
}
