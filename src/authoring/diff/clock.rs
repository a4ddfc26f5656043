//! The diff of the legal clock (SPEC §7), over the loaded model: per case, changes of the
//! counted days, `promise_met` and `legal_due` (beside the due days the diff already compares),
//! with a count of the cases behind each kind of change; structurally, `office`, `regions`,
//! `promise_if` / `legal_if` / `legal.extension` of services and bundles, and a stage's `by`.

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::{json, Value};

use super::render as r;
use super::structure::{pair, Differ};
use super::AffectedCase;
use crate::engine::decision::Decision;
use crate::policy::{Extension, Office, Region, TargetLimits};

/// How many affected cases change in each respect (a case counts once per respect).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CaseSummary {
    /// Cases whose decision changes at all (= `cases.len()`).
    pub changed: usize,
    pub outcome: usize,
    /// The overall due day.
    pub due: usize,
    pub counted_working_days: usize,
    pub promise_met: usize,
    pub legal_due: usize,
}

/// The clock's part of a case snapshot.
pub(super) fn snapshot(d: &Decision, m: &mut BTreeMap<String, Value>) {
    let t = d.timeline.as_ref();
    let date = |x: Option<crate::date::Date>| x.map_or(Value::Null, |d| d.to_string().into());
    m.insert(
        "counted_working_days".into(),
        t.map_or(Value::Null, |t| t.counted_working_days.into()),
    );
    m.insert(
        "promise_met".into(),
        t.and_then(|t| t.promise_met)
            .map_or(Value::Null, Value::Bool),
    );
    m.insert("legal_due".into(), date(t.and_then(|t| t.legal_due)));
    if let Some(t) = t {
        for s in &t.services {
            m.insert(
                format!("service_counted.{}", s.id),
                s.counted_working_days.into(),
            );
        }
    }
}

/// The summary of the affected cases.
pub(super) fn summary(cases: &[AffectedCase]) -> CaseSummary {
    let count = |path: &str| {
        cases
            .iter()
            .filter(|c| c.changes.iter().any(|x| x.path == path))
            .count()
    };
    CaseSummary {
        changed: cases.len(),
        outcome: count("outcome"),
        due: count("due"),
        counted_working_days: count("counted_working_days"),
        promise_met: count("promise_met"),
        legal_due: count("legal_due"),
    }
}

fn office(o: Option<&Office>) -> Value {
    match o {
        None => Value::Null,
        Some(o) => json!({
            "name": r::label(&o.name),
            "address": r::opt_label(o.address.as_ref()),
            "phone": r::opt_label(o.phone.as_ref()),
            "hours": r::opt_label(o.hours.as_ref()),
        }),
    }
}

fn extension(e: Option<&Extension>) -> Value {
    e.map_or(
        Value::Null,
        |e| json!({"limit": r::period(e.limit), "approved_by": r::label(&e.approved_by)}),
    )
}

fn promise_if(l: &[crate::policy::LimitIf]) -> Value {
    Value::Array(
        l.iter()
            .map(|x| json!({"when": x.when.src, "promise": r::period(x.limit)}))
            .collect(),
    )
}

fn legal_if(l: &TargetLimits) -> Value {
    Value::Array(
        l.legal_if
            .iter()
            .map(|x| {
                json!({"when": x.when.src, "legal": r::period(x.limit),
                       "extension": extension(x.extension.as_ref())})
            })
            .collect(),
    )
}

fn region(p: &crate::policy::Policy, g: &Region) -> Value {
    let limits: serde_json::Map<String, Value> = g
        .limits
        .iter()
        .filter_map(|l| {
            let s = p.services.get(l.service)?;
            let st = s.stages.get(l.stage)?;
            Some((format!("{}.{}", s.id, st.id), r::period(l.limit)))
        })
        .collect();
    json!({
        "name": r::label(&g.name),
        "office": office(g.office.as_ref()),
        "cutoff": g.cutoff.map_or(Value::Null, r::time),
        "calendar": g.calendar.as_ref().map_or(Value::Null, |(_, info)| r::calendar(info)),
        "promise": r::opt_period(g.promise),
        "promise_if": promise_if(&g.promise_if),
        "limits": Value::Object(limits),
    })
}

impl Differ<'_> {
    /// The top-level `office` and `regions`.
    pub(super) fn clock_top(&mut self) {
        let (x, y) = (
            office(self.old.office.as_ref()),
            office(self.new.office.as_ref()),
        );
        if x != y {
            self.push(
                "office_changed",
                "office".into(),
                x,
                y,
                "办理窗口信息已修改".into(),
                "the office (window, address, phone, hours) changed".into(),
            );
        }
        let (old, new) = (self.old, self.new);
        for (id, (a, b)) in pair(
            old.regions.iter().map(|g| (g.id.as_str(), g)),
            new.regions.iter().map(|g| (g.id.as_str(), g)),
        ) {
            let path = crate::text::locate::key_path("regions", id);
            match (a, b) {
                (None, Some(b)) => self.push(
                    "region_added",
                    path,
                    Value::Null,
                    region(new, b),
                    format!("新增区域 `{id}`"),
                    format!("region `{id}` added"),
                ),
                (Some(a), None) => self.push(
                    "region_removed",
                    path,
                    region(old, a),
                    Value::Null,
                    format!("删除区域 `{id}`"),
                    format!("region `{id}` removed"),
                ),
                (Some(a), Some(b)) => {
                    let (Value::Object(x), Value::Object(y)) = (region(old, a), region(new, b))
                    else {
                        continue;
                    };
                    for (k, vx) in &x {
                        let vy = y.get(k).cloned().unwrap_or(Value::Null);
                        self.changed(
                            "region_changed",
                            format!("{path}.{k}"),
                            vx.clone(),
                            vy,
                            (
                                &format!("区域 `{id}` 的 `{k}`"),
                                &format!("`{k}` of region `{id}`"),
                            ),
                        );
                    }
                }
                (None, None) => {}
            }
        }
    }

    /// `promise_if`, `legal_if` and `legal.extension` of a service or bundle.
    pub(super) fn routes(
        &mut self,
        path: &str,
        x: &TargetLimits,
        y: &TargetLimits,
        what: (&str, &str),
    ) {
        let items = [
            (
                "promise_if",
                "promise_if_changed",
                promise_if(&x.promise_if),
                promise_if(&y.promise_if),
                "条件承诺时限",
                "conditional promises",
            ),
            (
                "legal_if",
                "legal_if_changed",
                legal_if(x),
                legal_if(y),
                "条件法定时限",
                "conditional statutory limits",
            ),
            (
                "legal.extension",
                "legal_extension_changed",
                extension(x.legal_extension.as_ref()),
                extension(y.legal_extension.as_ref()),
                "法定时限的延长",
                "statutory extension",
            ),
        ];
        for (k, kind, vx, vy, w_zh, w_en) in items {
            self.changed(
                kind,
                format!("{path}.{k}"),
                vx,
                vy,
                (
                    &format!("{}的{w_zh}", what.0),
                    &format!("the {w_en} of {}", what.1),
                ),
            );
        }
    }

    /// A stage's `by` (default `office`).
    pub(super) fn stage_by(
        &mut self,
        p: &str,
        a: crate::policy::StageBy,
        b: crate::policy::StageBy,
        what: (&str, &str),
    ) {
        self.changed(
            "stage_by_changed",
            format!("{p}.by"),
            a.as_str().into(),
            b.as_str().into(),
            (
                &format!("{}的办理方（office 机关 / applicant 申请人）", what.0),
                &format!("who does {} (office or applicant)", what.1),
            ),
        );
    }
}
