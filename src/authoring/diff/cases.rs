//! The cases a change affects: every case of the file is decided under both versions and each
//! difference in outcome, per-service outcome, missing materials (ids and `tolerated`),
//! received day, supplement due day, due day or per-service due day is listed for that case.

use std::collections::BTreeMap;

use serde_json::Value;

use super::{AffectedCase, CaseChange};
use crate::authoring::cases::{self, CaseFile};
use crate::engine::decision::Decision;
use crate::policy::Policy;

/// How many cases were decided under both versions, and the cases whose decision changes, in
/// file order.
pub(super) fn affected_cases(
    old: &Policy,
    new: &Policy,
    cases: Option<&CaseFile>,
) -> (usize, Vec<AffectedCase>) {
    let mut affected = Vec::new();
    let mut checked = 0;
    if let Some(file) = cases {
        for c in &file.cases {
            checked += 1;
            let a = snapshot(cases::decide(old, &c.request));
            let b = snapshot(cases::decide(new, &c.request));
            let paths = crate::sorting::set_of(a.keys().chain(b.keys()));
            let mut ch = Vec::new();
            for p in paths {
                let x = a.get(p).cloned().unwrap_or(Value::Null);
                let y = b.get(p).cloned().unwrap_or(Value::Null);
                if x != y {
                    ch.push(CaseChange {
                        path: p.clone(),
                        old: x,
                        new: y,
                    });
                }
            }
            if !ch.is_empty() {
                affected.push(AffectedCase {
                    name: c.name.clone(),
                    changes: ch,
                });
            }
        }
    }
    (checked, affected)
}

/// What of a decision a diff compares, by path.
fn snapshot(r: Result<Decision, crate::engine::request::RequestError>) -> BTreeMap<String, Value> {
    let mut m = BTreeMap::new();
    let d = match r {
        Ok(d) => d,
        Err(e) => {
            m.insert("error".into(), Value::String(e.code().as_str().into()));
            return m;
        }
    };
    let date = |x: Option<crate::date::Date>| x.map_or(Value::Null, |d| d.to_string().into());
    m.insert("outcome".into(), d.outcome.as_str().into());
    for s in &d.services {
        m.insert(format!("services.{}", s.id), s.outcome.as_str().into());
    }
    for x in &d.missing {
        m.insert(format!("missing.{}", x.id), Value::Bool(x.tolerated));
    }
    m.insert("received_on".into(), d.received_on.to_string().into());
    let t = d.timeline.as_ref();
    m.insert(
        "supplement_due".into(),
        date(t.and_then(|t| t.supplement_due)),
    );
    m.insert("due".into(), date(t.map(|t| t.due)));
    if let Some(t) = t {
        for s in &t.services {
            m.insert(format!("service_dues.{}", s.id), s.due.to_string().into());
        }
    }
    m
}
