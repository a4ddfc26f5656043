//! Replay (`intake-rules replay`): past applications, one request per line (JSON Lines, as a
//! back-end logs them), decided under two versions of a policy. A batch of lines gives counts
//! that add up across batches (outcome transitions, due-day shifts, promise-met counts,
//! histograms of counted days), so a caller can split a file of any size over workers and
//! keep constant memory; only the first `keep` changed applications and errors are listed.
//!
//! Each request is parsed once and decided by both versions; nothing else is built for it.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::date::Date;
use crate::diag::Message;
use crate::engine::request::Request;
use crate::policy::model::Policy;

/// What one version decided for an application.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "ReplaySeen"))]
pub struct Seen {
    /// The outcome, or `request_error` when the version cannot decide the request at all
    /// (e.g. its target was removed).
    pub outcome: &'static str,
    pub received_on: Option<Date>,
    pub due: Option<Date>,
    /// The office clock: counted working days (elapsed days where the timeline has no
    /// separate count).
    pub counted_working_days: Option<i64>,
    pub promise_met: Option<bool>,
}

/// An application whose decision differs between the versions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "ReplayChanged"))]
pub struct Changed {
    /// 1-based line of the file.
    pub line: u64,
    pub target: String,
    pub old: Seen,
    pub new: Seen,
    /// `new.due` − `old.due` in working days (null unless both have a due day).
    pub due_shift: Option<i64>,
}

/// A line that is not a usable request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "ReplayLineError"))]
pub struct LineError {
    pub line: u64,
    /// UTF-16 column in the line, when the JSON text is broken there.
    pub column: Option<u32>,
    pub code: String,
    pub message: Message,
}

/// Met and judged (with a promise) counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "ReplayMet"))]
pub struct Met {
    pub met: u64,
    pub judged: u64,
}

/// The counts of one batch; every number adds up across batches.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ReplayBatch {
    /// Lines read (blank lines included).
    pub lines: u64,
    /// Applications decided (lines that are requests).
    pub applications: u64,
    /// Lines that are not requests.
    pub errors: u64,
    /// Applications whose outcome, due day, counted days or promise_met differ.
    pub changed: u64,
    /// `[old outcome, new outcome, count]`, sorted.
    pub transitions: Vec<(String, String, u64)>,
    /// `[shift in working days, count]` for applications with a due day in both versions.
    pub due_shifts: Vec<(i64, u64)>,
    pub promise_met_old: Met,
    pub promise_met_new: Met,
    /// `[counted working days, count]`, under each version.
    pub counted_old: Vec<(i64, u64)>,
    pub counted_new: Vec<(i64, u64)>,
    /// The first `keep` changed applications, by line.
    pub changed_list: Vec<Changed>,
    /// The first `keep` errors, by line.
    pub error_list: Vec<LineError>,
}

fn seen(policy: &Policy, req: &Request) -> Seen {
    match policy.evaluate(req) {
        Ok(d) => {
            let t = d.timeline.as_ref();
            Seen {
                outcome: d.outcome.as_str(),
                received_on: Some(d.received_on),
                due: t.map(|t| t.due),
                counted_working_days: t.map(|t| t.counted_working_days),
                promise_met: t.and_then(|t| t.promise_met),
            }
        }
        Err(_) => Seen {
            outcome: "request_error",
            received_on: None,
            due: None,
            counted_working_days: None,
            promise_met: None,
        },
    }
}

fn shift(p: &Policy, old: Date, new: Date) -> Option<i64> {
    if new >= old {
        p.calendar.working_days_between(old, new).ok()
    } else {
        p.calendar.working_days_between(new, old).ok().map(|n| -n)
    }
}

/// Decide every line of `text` (lines numbered from `first_line`) under `old` and `new`.
pub fn replay_batch(
    old: &Policy,
    new: &Policy,
    text: &str,
    first_line: u64,
    keep: usize,
) -> ReplayBatch {
    let mut b = ReplayBatch::default();
    let mut transitions: BTreeMap<(&'static str, &'static str), u64> = BTreeMap::new();
    let mut shifts: BTreeMap<i64, u64> = BTreeMap::new();
    let mut counted_old: BTreeMap<i64, u64> = BTreeMap::new();
    let mut counted_new: BTreeMap<i64, u64> = BTreeMap::new();
    let text = text.strip_suffix('\n').unwrap_or(text);
    for (i, raw) in text.split('\n').enumerate() {
        let line = first_line + i as u64;
        b.lines += 1;
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        if raw.trim().is_empty() {
            continue;
        }
        let req = match Request::from_json(raw) {
            Ok(r) => r,
            Err(e) => {
                b.errors += 1;
                if b.error_list.len() < keep {
                    let first = e.issues.first();
                    b.error_list.push(LineError {
                        line,
                        column: first.and_then(|d| d.column),
                        code: first.map_or("bad_request", |d| d.code.as_str()).to_string(),
                        message: first.map_or_else(
                            || Message::new("无法读取", "unreadable"),
                            |d| Message::new(d.one_line("zh-CN"), d.one_line("en")),
                        ),
                    });
                }
                continue;
            }
        };
        b.applications += 1;
        let (o, n) = (seen(old, &req), seen(new, &req));
        *transitions.entry((o.outcome, n.outcome)).or_default() += 1;
        let due_shift = match (o.due, n.due) {
            (Some(a), Some(z)) => shift(new, a, z),
            _ => None,
        };
        if let Some(s) = due_shift {
            *shifts.entry(s).or_default() += 1;
        }
        for (s, met, hist) in [
            (&o, &mut b.promise_met_old, &mut counted_old),
            (&n, &mut b.promise_met_new, &mut counted_new),
        ] {
            if let Some(m) = s.promise_met {
                met.judged += 1;
                met.met += u64::from(m);
            }
            if let Some(c) = s.counted_working_days {
                *hist.entry(c).or_default() += 1;
            }
        }
        if o != n {
            b.changed += 1;
            if b.changed_list.len() < keep {
                b.changed_list.push(Changed {
                    line,
                    target: req.target.clone(),
                    old: o,
                    new: n,
                    due_shift,
                });
            }
        }
    }
    b.transitions = transitions
        .into_iter()
        .map(|((a, z), n)| (a.to_string(), z.to_string(), n))
        .collect();
    b.due_shifts = shifts.into_iter().collect();
    b.counted_old = counted_old.into_iter().collect();
    b.counted_new = counted_new.into_iter().collect();
    b
}
