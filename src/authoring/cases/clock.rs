//! The case-file `expect` keys of the legal clock (SPEC §7.1, §7.8): `working_days`,
//! `counted_working_days`, `promise_met`, `legal_due`, `legal_extended_due` (the timeline's;
//! `null` when there is no timeline or, for the dates and `promise_met`, when the policy sets
//! no such limit), `region` (the decision's `policy.region`) and `service_counted` (service id
//! → the service's own counted days).

use std::collections::BTreeMap;

use serde_json::Value;

use super::{date_value, Difference, Parser};
use crate::date::Date;
use crate::engine::decision::Decision;

/// The keys this module reads.
pub(super) const KEYS: [&str; 7] = [
    "working_days",
    "counted_working_days",
    "promise_met",
    "legal_due",
    "legal_extended_due",
    "region",
    "service_counted",
];

/// What a case expects of the clock. `None`: not checked; `Some(None)`: expects `null`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ClockExpect {
    pub working_days: Option<Option<i64>>,
    pub counted_working_days: Option<Option<i64>>,
    pub promise_met: Option<Option<bool>>,
    pub legal_due: Option<Option<Date>>,
    pub legal_extended_due: Option<Option<Date>>,
    pub region: Option<Option<String>>,
    pub service_counted: Option<BTreeMap<String, Option<i64>>>,
}

impl Parser {
    fn count(&mut self, v: &Value, path: &str) -> Option<Option<i64>> {
        match v {
            Value::Null => Some(None),
            Value::Number(n) if n.as_i64().is_some_and(|x| x >= 0) => Some(n.as_i64()),
            _ => {
                self.type_err(path, "非负整数或 null", "a whole number or null");
                None
            }
        }
    }

    /// One of [`KEYS`] into `e`; any other key is left to the caller.
    pub(super) fn clock_key(&mut self, k: &str, x: &Value, p: &str, e: &mut ClockExpect) {
        match k {
            "working_days" => e.working_days = self.count(x, p),
            "counted_working_days" => e.counted_working_days = self.count(x, p),
            "promise_met" => {
                e.promise_met = match x {
                    Value::Null => Some(None),
                    Value::Bool(b) => Some(Some(*b)),
                    _ => {
                        self.type_err(p, "布尔值或 null", "a bool or null");
                        None
                    }
                }
            }
            "legal_due" => e.legal_due = self.opt_date(x, p),
            "legal_extended_due" => e.legal_extended_due = self.opt_date(x, p),
            "region" => {
                e.region = match x {
                    Value::Null => Some(None),
                    _ => self.string(x, p).map(Some),
                }
            }
            "service_counted" => e.service_counted = self.map(x, p, |s, x, p| s.count(x, p)),
            _ => {}
        }
    }
}

fn num(n: Option<i64>) -> Value {
    n.map_or(Value::Null, Value::from)
}

/// The differences in the clock keys, in the order of [`KEYS`].
pub(super) fn check(e: &ClockExpect, d: &Decision, out: &mut Vec<Difference>) {
    let mut diff = |path: String, expected: Value, actual: Value| {
        if expected != actual {
            out.push(Difference {
                path,
                expected,
                actual,
            });
        }
    };
    let t = d.timeline.as_ref();
    if let Some(w) = e.working_days {
        diff(
            "working_days".into(),
            num(w),
            num(t.map(|t| t.working_days)),
        );
    }
    if let Some(w) = e.counted_working_days {
        diff(
            "counted_working_days".into(),
            num(w),
            num(t.map(|t| t.counted_working_days)),
        );
    }
    if let Some(m) = e.promise_met {
        let actual = t.and_then(|t| t.promise_met);
        diff(
            "promise_met".into(),
            m.map_or(Value::Null, Value::Bool),
            actual.map_or(Value::Null, Value::Bool),
        );
    }
    if let Some(l) = e.legal_due {
        diff(
            "legal_due".into(),
            date_value(l),
            date_value(t.and_then(|t| t.legal_due)),
        );
    }
    if let Some(l) = e.legal_extended_due {
        diff(
            "legal_extended_due".into(),
            date_value(l),
            date_value(t.and_then(|t| t.legal_extended_due)),
        );
    }
    if let Some(r) = &e.region {
        let s = |x: Option<&String>| x.map_or(Value::Null, |s| Value::String(s.clone()));
        diff("region".into(), s(r.as_ref()), s(d.policy.region.as_ref()));
    }
    if let Some(sc) = &e.service_counted {
        for (id, n) in sc {
            let actual = t
                .and_then(|t| t.services.iter().find(|s| &s.id == id))
                .map(|s| s.counted_working_days);
            diff(format!("service_counted.{id}"), num(*n), num(actual));
        }
    }
}
