//! The diff of the legal clock (SPEC §7): per case, changes of the counted days, `promise_met`
//! and `legal_due` (beside the due days the diff already compares), with a count of the cases
//! behind each kind of change; structurally, `office`, `regions`, `promise_if` / `legal_if` and
//! a stage's `by`.

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::Value;

use super::values::*;
use super::{AffectedCase, Differ};
use crate::engine::decision::Decision;

/// How many affected cases change in each respect (a case counts once per respect).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
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

impl Differ<'_> {
    /// The top-level `office`.
    pub(super) fn office(&mut self) {
        let (x, y) = (
            clean(get(self.old, "office")),
            clean(get(self.new, "office")),
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
    }

    /// `regions`, by id and key by key.
    pub(super) fn regions(&mut self) {
        let (a, b) = (get(self.old, "regions"), get(self.new, "regions"));
        for id in keys(a, b) {
            let path = format!("regions.{id}");
            let (x, y) = (get(a, id), get(b, id));
            match (x.is_null(), y.is_null()) {
                (true, false) => self.push(
                    "region_added",
                    path,
                    Value::Null,
                    clean(y),
                    format!("新增区域 `{id}`"),
                    format!("region `{id}` added"),
                ),
                (false, true) => self.push(
                    "region_removed",
                    path,
                    clean(x),
                    Value::Null,
                    format!("删除区域 `{id}`"),
                    format!("region `{id}` removed"),
                ),
                (false, false) => {
                    for k in keys(x, y) {
                        self.changed(
                            "region_changed",
                            format!("{path}.{k}"),
                            clean(get(x, k)),
                            clean(get(y, k)),
                            (
                                &format!("区域 `{id}` 的 `{k}`"),
                                &format!("`{k}` of region `{id}`"),
                            ),
                        );
                    }
                }
                (true, true) => {}
            }
        }
    }

    /// `promise_if` and `legal_if` of a service or bundle.
    pub(super) fn routes(&mut self, path: &str, x: &Value, y: &Value, what: (&str, &str)) {
        let items: [(&str, &'static str, &str, &str); 2] = [
            (
                "promise_if",
                "promise_if_changed",
                "条件承诺时限",
                "conditional promises",
            ),
            (
                "legal_if",
                "legal_if_changed",
                "条件法定时限",
                "conditional statutory limits",
            ),
        ];
        for (k, kind, w_zh, w_en) in items {
            self.changed(
                kind,
                format!("{path}.{k}"),
                or(get(x, k), Value::Array(Vec::new())),
                or(get(y, k), Value::Array(Vec::new())),
                (
                    &format!("{}的{w_zh}", what.0),
                    &format!("the {w_en} of {}", what.1),
                ),
            );
        }
    }

    /// A stage's `by` (default `office`).
    pub(super) fn stage_by(&mut self, p: &str, a: &Value, b: &Value, what: (&str, &str)) {
        self.changed(
            "stage_by_changed",
            format!("{p}.by"),
            or(get(a, "by"), "office".into()),
            or(get(b, "by"), "office".into()),
            (
                &format!("{}的办理方（office 机关 / applicant 申请人）", what.0),
                &format!("who does {} (office or applicant)", what.1),
            ),
        );
    }
}
