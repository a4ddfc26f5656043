//! Building the structured guide of a target from the loaded policy.

use super::*;
use crate::policy::{Verify, VerifyMethod};

impl Policy {
    /// The service guide (办事指南) of a service or bundle, in `locale` (`zh-CN` or `en`; any
    /// other locale reads zh-CN).
    ///
    /// # Errors
    /// `RequestError` `unknown_target` when the policy has no such service or bundle.
    pub fn guide(&self, target: &str, locale: &str) -> Result<Guide, RequestError> {
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
            return Err(RequestError::new(
                "target",
                Code::UnknownTarget,
                format!("未知的办理对象 `{shown}`，可选：{}", ids.join("、")),
                format!(
                    "unknown target `{shown}`; the policy has {}",
                    ids.join(", ")
                ),
            ));
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
    pub fn guide_html(&self, target: &str, locale: &str) -> Result<String, RequestError> {
        Ok(render_html(&self.guide(target, locale)?))
    }
}

pub(super) fn service(cx: &Ctx<'_>, s: &Service) -> GuideService {
    let loc = cx.locale;
    let who = match &s.applies_if {
        Some(c) if !always(c) => cx.describe(c),
        _ => cx
            .t("所有申请人均需办理", "Applies to every applicant")
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
            redirect: r.redirect.as_ref().map(|t| redirect(cx, t)),
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
                text.push_str(&format!("；{w}时不适用容缺受理"));
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

pub(super) fn stage(cx: &Ctx<'_>, s: &Service, st: &Stage) -> GuideStage {
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

pub(super) fn materials(cx: &Ctx<'_>, services: &[&Service], bundle: bool) -> Vec<GuideMaterial> {
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
                ([one], false) if !only_plain => format!("{one}时提交"),
                ([one], false) => format!("{one}提交"),
                ([one], true) if !only_plain => format!("Required when {one}"),
                ([one], true) => format!("Required {one}"),
                (all, false) => format!("有下列情形的，须提交：{}", all.join("；")),
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
            verification: m.verify.map(|v| verification(cx, v)),
            area: m.area.as_str(),
            tolerable,
            basis: b,
            catalogue_basis: basis(&m.basis, loc),
        });
    }
    out
}

pub(super) fn fields(cx: &Ctx<'_>, services: &[&Service]) -> Vec<GuideField> {
    let p = cx.policy;
    let indices: Vec<usize> = services
        .iter()
        .filter_map(|s| p.service_index(&s.id))
        .collect();
    p.needed_fields(&indices)
        .into_iter()
        .filter_map(|i| p.fields.get(i))
        .map(|f| field(cx, f))
        .collect()
}

pub(super) fn field(cx: &Ctx<'_>, f: &Field) -> GuideField {
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
        source: f.source.as_str(),
    }
}

/// A reject's redirect: the target's id and name, and the sentence for the applicant.
fn redirect(cx: &Ctx<'_>, target: &str) -> GuideRedirect {
    let p = cx.policy;
    let name = p
        .service_index(target)
        .and_then(|i| p.services.get(i))
        .map(|s| &s.name)
        .or_else(|| {
            p.bundle_index(target)
                .and_then(|i| p.bundles.get(i))
                .map(|b| &b.name)
        })
        .map_or_else(|| target.to_string(), |l| cx.label(l));
    let text = if cx.en {
        format!("apply for {name} instead")
    } else {
        format!("请改为申请“{name}”")
    };
    GuideRedirect {
        target: target.to_string(),
        name,
        text,
    }
}

/// A commitment's verification in one sentence: how, within what after the service is done,
/// and that a false commitment is revoked.
fn verification(cx: &Ctx<'_>, v: Verify) -> GuideVerification {
    let within = limit(v.within, cx.locale);
    let text = match (v.method, cx.en) {
        (VerifyMethod::Site, false) => format!("办结后 {}内现场核查", within.text),
        (VerifyMethod::Data, false) => format!("办结后 {}内通过数据共享核查", within.text),
        (VerifyMethod::Documents, false) => format!("办结后 {}内书面核查", within.text),
        (VerifyMethod::Site, true) => {
            format!("verified on site within {} of completion", within.text)
        }
        (VerifyMethod::Data, true) => {
            format!(
                "verified against shared data within {} of completion",
                within.text
            )
        }
        (VerifyMethod::Documents, true) => {
            format!("verified by documents within {} of completion", within.text)
        }
    };
    let text = if cx.en {
        format!("{text}; a false commitment leads to revocation")
    } else {
        format!("{text}；承诺不实的，依法撤销")
    };
    GuideVerification {
        method: v.method.as_str(),
        within,
        text,
    }
}
