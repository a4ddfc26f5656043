//! Reform metrics (`policy.stats(cases?)`): the figures a reform is measured by, per target —
//! how many materials an applicant brings (fewest, typical over a case file, most), the share
//! of materials and of services that allow 容缺 (and 告知承诺, 免提交), the promised and
//! statutory limits against the counted and elapsed days of the cases, the number of steps
//! (环节), and the same per region.
//!
//! Static figures come from the model; "typical" and the day figures come from deciding the
//! case file's requests (a case whose request cannot be decided is left out and counted in
//! `cases_undecided`). Decisions are read through their JSON form, so the figures follow the
//! decision's keys (`counted_working_days`, `promise_met`) without depending on its Rust type.

use std::collections::BTreeSet;

use serde::Serialize;
use serde_json::Value;

use crate::authoring::cases::{decide, CaseFile};
use crate::calendar::Period;
use crate::policy::model::*;

/// `count` of `of`, and `count / of` rounded to three decimals (null when `of` is 0).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "StatsShare"))]
pub struct Share {
    pub count: usize,
    pub of: usize,
    pub share: Option<f64>,
}

impl Share {
    fn new(count: usize, of: usize) -> Share {
        #[allow(clippy::cast_precision_loss)]
        let share = (of > 0).then(|| ((count as f64) * 1000.0 / (of as f64)).round() / 1000.0);
        Share { count, of, share }
    }
}

/// Fewest, typical (the median over the cases; null without cases) and most.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "StatsRange"))]
pub struct Range {
    pub fewest: u64,
    pub typical: Option<u64>,
    pub most: u64,
}

/// Minimum, median and maximum of a figure over the cases.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "StatsSpread"))]
pub struct Spread {
    pub min: u64,
    pub median: u64,
    pub max: u64,
}

/// The day figures of a set of decided cases.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "StatsDays"))]
pub struct Days {
    /// Cases decided for this target (and region).
    pub cases: usize,
    /// Of those, the cases with a timeline.
    pub with_timeline: usize,
    /// The office clock (counted working days); falls back to elapsed days for a decision
    /// that does not report counted days.
    pub counted_working_days: Option<Spread>,
    /// Elapsed working days from the received day to the due day.
    pub working_days: Option<Spread>,
    /// Cases whose timeline meets the promise, of those with a timeline and a promise.
    pub promise_met: Option<Share>,
    /// Cases whose timeline meets the statutory limit.
    pub legal_met: Option<Share>,
}

/// The figures of a region (SPEC §7.8): its promise and its cases' days.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct RegionStats {
    pub id: String,
    pub name: Option<String>,
    /// The region's own promise when it sets one, else the target's.
    #[cfg_attr(feature = "ts", ts(as = "Option<crate::calendar::Period>"))]
    pub promise: Option<Value>,
    pub days: Days,
}

/// The figures of one target.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct TargetStats {
    pub id: String,
    /// `service` or `bundle`.
    pub kind: &'static str,
    pub name: String,
    /// Services of the target: all of them, and those that always apply.
    pub services: usize,
    /// Distinct materials an applicant brings: those always required (fewest), the median
    /// checklist over the cases (typical), every material the target can require (most).
    pub materials: Range,
    /// Of the materials the target can require, those tolerable (容缺) in some service.
    pub tolerable_materials: Share,
    /// Of those materials, those that accept a commitment (告知承诺).
    pub commitment_materials: Share,
    /// Of those materials, those taken from an electronic licence (免提交).
    pub electronic_materials: Share,
    /// Of the target's services, those with a tolerable material whose tolerance allows one.
    pub tolerable_services: Share,
    pub promise: Option<Period>,
    pub legal: Option<Period>,
    /// Steps (环节): stages, plus a bundle's intake and finish; fewest with only the services
    /// that always apply.
    pub steps: Range,
    pub days: Days,
    /// Per region of the policy (empty without regions).
    pub regions: Vec<RegionStats>,
}

/// `policy.stats(cases?)`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "PolicyStats"))]
pub struct Stats {
    pub policy: StatsPolicy,
    pub cases_checked: usize,
    /// Cases whose request could not be decided (left out of every figure).
    pub cases_undecided: usize,
    /// Targets by id: services first, then bundles.
    pub targets: Vec<TargetStats>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct StatsPolicy {
    pub id: String,
    pub version: String,
}

fn always(c: Option<&Cond>) -> bool {
    c.is_none_or(|c| c.expr.constant() == Some(true))
}

fn median(v: &mut [u64]) -> Option<u64> {
    v.sort_unstable();
    let n = v.len();
    if n == 0 {
        return None;
    }
    // The lower median: a figure that occurred.
    v.get((n - 1) / 2).copied()
}

fn spread(v: &mut [u64]) -> Option<Spread> {
    let median = median(v)?;
    Some(Spread {
        min: v.first().copied().unwrap_or(0),
        median,
        max: v.last().copied().unwrap_or(0),
    })
}

/// A decided case, reduced to what the figures need.
struct Seen {
    target: String,
    checklist: u64,
    counted: Option<u64>,
    elapsed: Option<u64>,
    promise_met: Option<bool>,
    legal_met: Option<bool>,
}

fn seen(d: &Value) -> Option<Seen> {
    let t = d.get("timeline").filter(|t| t.is_object());
    let num = |k: &str| t.and_then(|t| t.get(k)).and_then(Value::as_u64);
    let flag = |k: &str| t.and_then(|t| t.get(k)).and_then(Value::as_bool);
    Some(Seen {
        target: String::new(),
        checklist: d.get("checklist")?.as_array()?.len() as u64,
        counted: num("counted_working_days").or_else(|| num("working_days")),
        elapsed: num("working_days"),
        promise_met: flag("promise_met"),
        legal_met: flag("legal_met"),
    })
}

fn days(list: &[&Seen]) -> Days {
    let mut counted: Vec<u64> = list.iter().filter_map(|s| s.counted).collect();
    let mut elapsed: Vec<u64> = list.iter().filter_map(|s| s.elapsed).collect();
    let share = |f: fn(&Seen) -> Option<bool>| {
        let judged: Vec<bool> = list.iter().filter_map(|s| f(s)).collect();
        (!judged.is_empty())
            .then(|| Share::new(judged.iter().filter(|b| **b).count(), judged.len()))
    };
    Days {
        cases: list.len(),
        with_timeline: elapsed.len(),
        counted_working_days: spread(&mut counted),
        working_days: spread(&mut elapsed),
        promise_met: share(|s| s.promise_met),
        legal_met: share(|s| s.legal_met),
    }
}

/// Decide every case (with `region` set when given); the undecidable ones are counted apart.
fn decide_all(p: &Policy, file: &CaseFile, region: Option<&str>) -> (Vec<Seen>, usize) {
    let mut out = Vec::new();
    let mut undecided = 0;
    for c in &file.cases {
        let mut req = c.request.clone();
        if let (Some(r), Some(obj)) = (region, req.as_object_mut()) {
            obj.insert("region".to_string(), Value::String(r.to_string()));
        }
        let target = req
            .get("target")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string();
        let decided = decide(p, &req)
            .ok()
            .and_then(|d| serde_json::to_value(d).ok());
        match decided.as_ref().and_then(seen) {
            Some(mut s) => {
                s.target = target;
                out.push(s);
            }
            None => undecided += 1,
        }
    }
    (out, undecided)
}

fn target_stats(p: &Policy, id: &str, kind: &'static str, services: &[usize]) -> TargetStats {
    let list: Vec<&Service> = services.iter().filter_map(|i| p.services.get(*i)).collect();
    let bundle = (kind == "bundle")
        .then(|| p.bundle_index(id).and_then(|i| p.bundles.get(i)))
        .flatten();
    let mut fewest = BTreeSet::new();
    let mut most = BTreeSet::new();
    let mut tolerable = BTreeSet::new();
    let mut tolerable_services = 0;
    let (mut steps_fewest, mut steps_most) = (0u64, 0u64);
    for s in &list {
        let applies = always(s.applies_if.as_ref());
        let tolerance_open = s.tolerance.as_ref().and_then(|t| t.max_missing) != Some(0);
        let mut any_tolerable = false;
        for r in &s.materials {
            match &r.required {
                Requirement::Never => continue,
                Requirement::Always if applies => {
                    fewest.insert(r.material);
                }
                Requirement::If(c) if applies && c.expr.constant() == Some(true) => {
                    fewest.insert(r.material);
                }
                _ => {}
            }
            most.insert(r.material);
            if r.tolerable.is_some() && tolerance_open {
                tolerable.insert(r.material);
                any_tolerable = true;
            }
        }
        if any_tolerable {
            tolerable_services += 1;
        }
        let n = s.stages.len() as u64;
        steps_most += n;
        if applies {
            steps_fewest += n;
        }
    }
    if let Some(b) = bundle {
        let phases = u64::from(b.intake.is_some()) + u64::from(b.finish.is_some());
        steps_fewest += phases;
        steps_most += phases;
    }
    let count = |f: &dyn Fn(&Material) -> bool| {
        most.iter()
            .filter_map(|i| p.materials.get(*i))
            .filter(|m| f(m))
            .count()
    };
    let (name, promise, legal) = match bundle {
        Some(b) => (b.name.zh().to_string(), b.promise, b.legal),
        None => match list.first() {
            Some(s) => (s.name.zh().to_string(), s.promise, s.legal),
            None => (String::new(), None, None),
        },
    };
    TargetStats {
        id: id.to_string(),
        kind,
        name,
        services: list.len(),
        materials: Range {
            fewest: fewest.len() as u64,
            typical: None,
            most: most.len() as u64,
        },
        tolerable_materials: Share::new(tolerable.len(), most.len()),
        commitment_materials: Share::new(count(&|m| m.commitment), most.len()),
        electronic_materials: Share::new(count(&|m| m.electronic), most.len()),
        tolerable_services: Share::new(tolerable_services, list.len()),
        promise,
        legal,
        steps: Range {
            fewest: steps_fewest,
            typical: None,
            most: steps_most,
        },
        days: days(&[]),
        regions: Vec::new(),
    }
}

/// The reform metrics of a policy, with the day figures of a case file when given.
pub fn stats(p: &Policy, file: Option<&CaseFile>) -> Stats {
    let mut targets: Vec<TargetStats> = Vec::new();
    for (i, s) in p.services.iter().enumerate() {
        targets.push(target_stats(p, &s.id, "service", &[i]));
    }
    for b in &p.bundles {
        targets.push(target_stats(p, &b.id, "bundle", &b.services));
    }
    let empty = CaseFile::default();
    let file = file.unwrap_or(&empty);
    let (decided, undecided) = decide_all(p, file, None);
    // Regions from the loaded model (SPEC §7.8).
    let per_region: Vec<(&String, &crate::policy::Region, Vec<Seen>)> = p
        .regions
        .iter()
        .map(|r| (&r.id, r, decide_all(p, file, Some(&r.id)).0))
        .collect();
    for t in &mut targets {
        let mine: Vec<&Seen> = decided.iter().filter(|s| s.target == t.id).collect();
        let mut sizes: Vec<u64> = mine.iter().map(|s| s.checklist).collect();
        t.materials.typical = median(&mut sizes);
        t.days = days(&mine);
        for (rid, r, seen) in &per_region {
            let mine: Vec<&Seen> = seen.iter().filter(|s| s.target == t.id).collect();
            t.regions.push(RegionStats {
                id: (*rid).clone(),
                name: Some(r.name.get("zh-CN").to_string()),
                promise: r
                    .promise
                    .or(t.promise)
                    .and_then(|p| serde_json::to_value(p).ok()),
                days: days(&mine),
            });
        }
    }
    Stats {
        policy: StatsPolicy {
            id: p.id.clone(),
            version: p.version.clone(),
        },
        cases_checked: file.cases.len(),
        cases_undecided: undecided,
        targets,
    }
}

impl Policy {
    /// Reform metrics per target (see [`stats`]); `cases_json` is a case file whose requests
    /// give the typical and the day figures.
    ///
    /// # Errors
    /// A `RequestError` when the case file is unusable.
    pub fn stats(
        &self,
        cases_json: Option<&str>,
    ) -> Result<Stats, crate::engine::request::RequestError> {
        let file = match cases_json {
            Some(t) => Some(CaseFile::from_json(t)?),
            None => None,
        };
        Ok(stats(self, file.as_ref()))
    }
}
