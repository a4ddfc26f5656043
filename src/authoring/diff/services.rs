//! Services: names, applicability, rejects, limits, tolerance, material entries (matched by
//! material id) and stages (matched by stage id).

use serde_json::Value;

use super::render::{self as r, arrow, req_text, show};
use super::structure::{pair, Differ, Section};
use crate::policy::{MaterialReq, Service, Stage, Tolerance};

impl Differ<'_> {
    pub(super) fn services(&mut self) {
        let (a, b) = (self.old, self.new);
        for (id, pair) in pair(
            a.services.iter().map(|v| (v.id.as_str(), v)),
            b.services.iter().map(|v| (v.id.as_str(), v)),
        ) {
            let path = format!("services.{id}");
            let (n_zh, n_en) = self.name(Section::Services, id);
            let (zh, en) = (format!("事项{n_zh}"), format!("service {n_en}"));
            match pair {
                (None, Some(y)) => self.push(
                    "service_added",
                    path,
                    Value::Null,
                    r::service(b, y),
                    format!("新增{zh}"),
                    format!("{en} added"),
                ),
                (Some(x), None) => self.push(
                    "service_removed",
                    path,
                    r::service(a, x),
                    Value::Null,
                    format!("删除{zh}"),
                    format!("{en} removed"),
                ),
                (Some(x), Some(y)) => self.service(&path, x, y, (&zh, &en)),
                (None, None) => {}
            }
        }
    }

    fn service(&mut self, path: &str, x: &Service, y: &Service, what: (&str, &str)) {
        let labels = vec![
            ("name", r::label(&x.name), r::label(&y.name)),
            (
                "department",
                r::opt_label(x.department.as_ref()),
                r::opt_label(y.department.as_ref()),
            ),
        ];
        self.labels(path, labels, what);
        self.basis(path, x.basis.as_ref(), y.basis.as_ref(), what);
        let applies = |s: &Service| match &s.applies_if {
            Some(c) => Value::String(c.src.clone()),
            None => Value::String("true".into()),
        };
        self.changed(
            "applies_if_changed",
            format!("{path}.applies_if"),
            applies(x),
            applies(y),
            (
                &format!("{}的适用条件", what.0),
                &format!("the applicability of {}", what.1),
            ),
        );
        self.changed(
            "rejects_changed",
            format!("{path}.rejects"),
            r::rejects(&x.rejects),
            r::rejects(&y.rejects),
            (
                &format!("{}的不予受理情形", what.0),
                &format!("the rejection rules of {}", what.1),
            ),
        );
        let limits = [
            ("promise", "promise_changed", x.promise, y.promise),
            ("legal", "legal_changed", x.legal, y.legal),
        ];
        for (k, kind, px, py) in limits {
            let (w_zh, w_en) = if k == "promise" {
                ("承诺时限", "promised time limit")
            } else {
                ("法定时限", "statutory time limit")
            };
            self.changed(
                kind,
                format!("{path}.{k}"),
                r::opt_period(px),
                r::opt_period(py),
                (
                    &format!("{}的{w_zh}", what.0),
                    &format!("the {w_en} of {}", what.1),
                ),
            );
        }
        // Tolerance, key by key.
        let (tx, ty) = (x.tolerance.as_ref(), y.tolerance.as_ref());
        let max_missing = |t: Option<&Tolerance>| {
            t.and_then(|t| t.max_missing)
                .map_or(Value::Null, Value::from)
        };
        let excluded_if = |t: Option<&Tolerance>| r::cond(t.and_then(|t| t.excluded_if.as_ref()));
        let keys = [
            ("excluded_if", excluded_if(tx), excluded_if(ty)),
            ("max_missing", max_missing(tx), max_missing(ty)),
        ];
        for (k, vx, vy) in keys {
            self.changed(
                "tolerance_changed",
                format!("{path}.tolerance.{k}"),
                vx,
                vy,
                (
                    &format!("{}的容缺规则 `{k}`", what.0),
                    &format!("`{k}` of the tolerance rule of {}", what.1),
                ),
            );
        }
        self.basis(
            &format!("{path}.tolerance"),
            tx.and_then(|t| t.basis.as_ref()),
            ty.and_then(|t| t.basis.as_ref()),
            (
                &format!("{}的容缺规则", what.0),
                &format!("the tolerance rule of {}", what.1),
            ),
        );
        self.entries(path, x, y, what);
        self.stages(path, x, y, what);
    }

    /// A service's material entries, matched by the material id.
    fn entries(&mut self, path: &str, x: &Service, y: &Service, what: (&str, &str)) {
        let (a, b) = (self.old, self.new);
        let pairs: Vec<(String, Option<&MaterialReq>, Option<&MaterialReq>)> = pair(
            x.materials.iter().map(|e| (r::entry_id(a, e), e)),
            y.materials.iter().map(|e| (r::entry_id(b, e), e)),
        )
        .into_iter()
        .map(|(id, (ex, ey))| (id.to_string(), ex, ey))
        .collect();
        for (m, ex, ey) in pairs {
            let p = format!("{path}.materials[{m}]");
            let (mz, me) = self.name(Section::Materials, &m);
            let (mz, me) = (format!("材料{mz}"), format!("material {me}"));
            match (ex, ey) {
                (None, Some(e)) => {
                    let req = r::requirement(&e.required);
                    self.push(
                        "service_material_added",
                        p,
                        Value::Null,
                        r::entry(b, e),
                        format!("{}新增{mz}，要求：{}", what.0, req_text(&req, false)),
                        format!(
                            "{me} added to {}, required: {}",
                            what.1,
                            req_text(&req, true)
                        ),
                    );
                }
                (Some(e), None) => self.push(
                    "service_material_removed",
                    p,
                    r::entry(a, e),
                    Value::Null,
                    format!("{}删除{mz}", what.0),
                    format!("{me} removed from {}", what.1),
                ),
                (Some(ex), Some(ey)) => {
                    let rx = r::requirement(&ex.required);
                    let ry = r::requirement(&ey.required);
                    self.requirement(&p, rx, ry, (&mz, &me), what);
                    let (tx, ty) = (r::tolerable(ex), r::tolerable(ey));
                    self.tolerable(&p, tx, ty, (&mz, &me), what);
                    self.basis(
                        &p,
                        ex.basis.as_ref(),
                        ey.basis.as_ref(),
                        (&format!("{}的{mz}", what.0), &format!("{me} of {}", what.1)),
                    );
                }
                (None, None) => {}
            }
        }
    }

    fn requirement(&mut self, p: &str, rx: Value, ry: Value, m: (&str, &str), s: (&str, &str)) {
        if rx == ry {
            return;
        }
        let kind = match (&rx, &ry) {
            (_, Value::Bool(true)) => "material_made_required",
            (_, Value::Bool(false)) => "material_made_not_required",
            (Value::String(_), Value::String(_)) => "material_condition_changed",
            _ => "material_made_conditional",
        };
        let (zh, en) = match kind {
            "material_made_required" => (
                format!(
                    "{}的{}改为必须提交（原为：{}）",
                    s.0,
                    m.0,
                    req_text(&rx, false)
                ),
                format!(
                    "{} of {} is now always required (was: {})",
                    m.1,
                    s.1,
                    req_text(&rx, true)
                ),
            ),
            "material_made_not_required" => (
                format!("{}的{}不再要求（原为：{}）", s.0, m.0, req_text(&rx, false)),
                format!(
                    "{} of {} is no longer required (was: {})",
                    m.1,
                    s.1,
                    req_text(&rx, true)
                ),
            ),
            "material_condition_changed" => (
                format!("{}的{}的要求条件：{}", s.0, m.0, arrow(&rx, &ry, false)),
                format!(
                    "the condition requiring {} of {}: {}",
                    m.1,
                    s.1,
                    arrow(&rx, &ry, true)
                ),
            ),
            _ => (
                format!("{}的{}改为有条件要求：{}", s.0, m.0, show(&ry, false)),
                format!(
                    "{} of {} is now required only if {}",
                    m.1,
                    s.1,
                    show(&ry, true)
                ),
            ),
        };
        self.push(kind, format!("{p}.required"), rx, ry, zh, en);
    }

    fn tolerable(&mut self, p: &str, tx: Value, ty: Value, m: (&str, &str), s: (&str, &str)) {
        if tx == ty {
            return;
        }
        let path = format!("{p}.tolerable");
        let (kind, zh, en) = match (tx.is_null(), ty.is_null()) {
            (true, _) => (
                "material_made_tolerable",
                format!("{}的{}改为可容缺，{}内补齐", s.0, m.0, show(&ty, false)),
                format!(
                    "{} of {} may now be missing at intake (容缺), to be supplied within {}",
                    m.1,
                    s.1,
                    show(&ty, true)
                ),
            ),
            (_, true) => (
                "material_no_longer_tolerable",
                format!(
                    "{}的{}不再可容缺（原为{}内补齐）",
                    s.0,
                    m.0,
                    show(&tx, false)
                ),
                format!(
                    "{} of {} may no longer be missing at intake (was: supply within {})",
                    m.1,
                    s.1,
                    show(&tx, true)
                ),
            ),
            _ => (
                "supplement_period_changed",
                format!("{}的{}补齐期限：{}", s.0, m.0, arrow(&tx, &ty, false)),
                format!(
                    "the supplement period of {} of {}: {}",
                    m.1,
                    s.1,
                    arrow(&tx, &ty, true)
                ),
            ),
        };
        self.push(kind, path, tx, ty, zh, en);
    }

    fn stages(&mut self, path: &str, x: &Service, y: &Service, what: (&str, &str)) {
        for (id, pair) in pair(
            x.stages.iter().map(|v| (v.id.as_str(), v)),
            y.stages.iter().map(|v| (v.id.as_str(), v)),
        ) {
            let p = format!("{path}.stages[{id}]");
            let name = pair.1.or(pair.0).and_then(|st: &Stage| st.name.as_ref());
            let zh = format!(
                "{}的环节「{}」",
                what.0,
                name.map_or_else(|| id.to_string(), |l| r::text(l, false))
            );
            let en = format!("stage `{id}` of {}", what.1);
            match pair {
                (None, Some(s)) => {
                    let limit = r::period(s.limit);
                    self.push(
                        "stage_added",
                        p,
                        Value::Null,
                        r::stage(y, s),
                        format!("新增{zh}，时限{}", show(&limit, false)),
                        format!("{en} added, limit {}", show(&limit, true)),
                    );
                }
                (Some(s), None) => self.push(
                    "stage_removed",
                    p,
                    r::stage(x, s),
                    Value::Null,
                    format!("删除{zh}"),
                    format!("{en} removed"),
                ),
                (Some(a), Some(b)) => {
                    let items: [(&str, &'static str, Value, Value, String, String); 4] = [
                        (
                            "limit",
                            "stage_limit_changed",
                            r::period(a.limit),
                            r::period(b.limit),
                            format!("{zh}的时限"),
                            format!("the time limit of {en}"),
                        ),
                        (
                            "limit_if",
                            "stage_limit_if_changed",
                            r::limit_if(a),
                            r::limit_if(b),
                            format!("{zh}的条件时限"),
                            format!("the conditional limits of {en}"),
                        ),
                        (
                            "after",
                            "stage_after_changed",
                            r::after(x, a, true),
                            r::after(y, b, true),
                            format!("{zh}的前置环节"),
                            format!("the predecessors of {en}"),
                        ),
                        (
                            "pauses",
                            "stage_pauses_changed",
                            r::pauses(a),
                            r::pauses(b),
                            format!("{zh}的停止计时"),
                            format!("the pauses of {en}"),
                        ),
                    ];
                    for (k, kind, vx, vy, s_zh, s_en) in items {
                        self.changed(kind, format!("{p}.{k}"), vx, vy, (&s_zh, &s_en));
                    }
                    let name = |s: &Stage| r::opt_label(s.name.as_ref());
                    self.labels(&p, vec![("name", name(a), name(b))], (&zh, &en));
                    self.basis(&p, a.basis.as_ref(), b.basis.as_ref(), (&zh, &en));
                }
                (None, None) => {}
            }
        }
    }
}
