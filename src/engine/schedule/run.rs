//! Scheduling the stages of several services together: one graph of stages linked by `after`
//! (within a service, and across services of a bundle, SPEC §7.3), walked once in dependency
//! order (Kahn), so every stage starts on the latest due day it waits for. The same walk sums
//! the office clock along chains (SPEC §7.1) and remembers the chain that decides it.

use super::{opt_name, out_of_range, Ctx, PauseTime, ServiceTime, StageTime};
use crate::calendar::CalendarError;
use crate::date::Date;
use crate::policy::{PauseLen, Policy, Service, StageBy};

/// A service of the plan with its index in `Policy::services` (what `after` names).
pub(super) struct Member<'a> {
    pub service: &'a Service,
    pub index: usize,
}

/// The plan's services with their policy indices.
pub(super) fn members<'a>(policy: &Policy, services: &[&'a Service]) -> Vec<Member<'a>> {
    services
        .iter()
        .map(|s| Member {
            service: s,
            index: policy.service_index(&s.id).unwrap_or(usize::MAX),
        })
        .collect()
}

/// The result of one schedule of a set of services.
pub(super) struct Ran {
    /// In the order of the members.
    pub services: Vec<ServiceTime>,
    /// The largest sum of counted days over a chain of stages (0 without stages).
    pub chain: i64,
    /// The stages of that chain as (member, stage), first to last.
    pub path: Vec<(usize, usize)>,
}

/// One stage from `start`: its limit (`limit_if` first, then the region's, then its own), its
/// pauses one after another, its due day and counted days.
fn stage_time(
    cx: &Ctx<'_>,
    m: &Member<'_>,
    i: usize,
    start: Date,
) -> Result<Option<StageTime>, CalendarError> {
    let Some(stage) = m.service.stages.get(i) else {
        return Ok(None);
    };
    let limit = stage
        .limit_if
        .iter()
        .find(|l| l.when.expr.eval(cx.form))
        .map(|l| l.limit)
        .or_else(|| cx.region.and_then(|r| r.limit(m.index, i)))
        .unwrap_or(stage.limit);
    let mut cursor = start;
    let mut pauses = Vec::new();
    for pause in &stage.pauses {
        if pause.when.as_ref().is_some_and(|w| !w.expr.eval(cx.form)) {
            continue;
        }
        let (days, unit) = match pause.len {
            PauseLen::NaturalDays(d) => (d, "natural_days"),
            PauseLen::WorkingDays(d) => (d, "working_days"),
        };
        if days == 0 {
            continue;
        }
        let from = cursor.succ().ok_or_else(|| out_of_range(cursor))?;
        // Natural days fall as they are (S+1 … S+P); working days are the next P of them.
        let to = match pause.len {
            PauseLen::NaturalDays(d) => cursor
                .add_days(i64::from(d))
                .ok_or_else(|| out_of_range(cursor))?,
            PauseLen::WorkingDays(d) => cx.cal.add_working_days(cursor, d)?,
        };
        pauses.push(PauseTime {
            name: pause.name.get(cx.locale).to_string(),
            from,
            to,
            days,
            unit,
        });
        cursor = to;
    }
    let due = cx.cal.due(cursor, limit, &[])?;
    let working_days = cx.cal.working_days_between(cursor, due)?;
    Ok(Some(StageTime {
        id: stage.id.clone(),
        name: opt_name(&stage.name, cx.locale),
        by: stage.by,
        start,
        due,
        working_days,
        counted_working_days: match stage.by {
            StageBy::Office => working_days,
            StageBy::Applicant => 0,
        },
        paused_days: cursor.since(start),
        pauses,
        limit,
        basis: super::BasisOut::from(&stage.basis, cx.locale),
    }))
}

/// The stage graph of the members: nodes are their stages (member by member), then one node
/// per member for "the whole service"; `waits[u]` lists what node `u` waits for.
struct Graph {
    offsets: Vec<usize>,
    stages: usize,
    waits: Vec<Vec<usize>>,
    /// Whether each entry of `waits[u]` is an `after` within the service.
    local: Vec<Vec<bool>>,
}

impl Graph {
    /// With `cross`, `after` entries naming another member count; others are dropped (a
    /// service that is not in the plan — not applicable, not proceeding, or not in a
    /// single-service target).
    fn new(policy_services: usize, members: &[Member<'_>], cross: bool) -> Graph {
        let mut at: Vec<Option<usize>> = vec![None; if cross { policy_services } else { 0 }];
        let mut offsets = Vec::with_capacity(members.len());
        let mut stages = 0usize;
        for (k, m) in members.iter().enumerate() {
            if let Some(slot) = at.get_mut(m.index) {
                *slot = Some(k);
            }
            offsets.push(stages);
            stages += m.service.stages.len();
        }
        let n = stages + members.len();
        let mut waits: Vec<Vec<usize>> = vec![Vec::new(); n];
        let mut local: Vec<Vec<bool>> = vec![Vec::new(); n];
        for (k, m) in members.iter().enumerate() {
            let off = offsets.get(k).copied().unwrap_or(0);
            for (i, st) in m.service.stages.iter().enumerate() {
                let u = off + i;
                let (Some(w), Some(l)) = (waits.get_mut(u), local.get_mut(u)) else {
                    continue;
                };
                for &a in &st.after {
                    w.push(off + a);
                    l.push(true);
                }
                for d in &st.after_services {
                    let Some(q) = at.get(d.service).copied().flatten() else {
                        continue;
                    };
                    let qoff = offsets.get(q).copied().unwrap_or(0);
                    w.push(match d.stage {
                        Some(j) => qoff + j,
                        None => stages + q,
                    });
                    l.push(false);
                }
                if let (Some(w), Some(l)) = (waits.get_mut(stages + k), local.get_mut(stages + k)) {
                    w.push(u);
                    l.push(true);
                }
            }
        }
        Graph {
            offsets,
            stages,
            waits,
            local,
        }
    }

    /// Every node once, each after everything it waits for (the loader rejects cycles; were
    /// one left, its nodes come last, in index order, and ignore what is not yet scheduled).
    fn order(&self) -> Vec<usize> {
        let n = self.waits.len();
        let mut pending: Vec<usize> = self.waits.iter().map(Vec::len).collect();
        let mut waited_by: Vec<Vec<usize>> = vec![Vec::new(); n];
        for (u, w) in self.waits.iter().enumerate() {
            for &v in w {
                if let Some(b) = waited_by.get_mut(v) {
                    b.push(u);
                }
            }
        }
        let mut ready: Vec<usize> = (0..n)
            .rev()
            .filter(|&u| pending.get(u) == Some(&0))
            .collect();
        let mut done = vec![false; n];
        let mut order = Vec::with_capacity(n);
        while let Some(v) = ready.pop() {
            if let Some(d) = done.get_mut(v) {
                *d = true;
            }
            order.push(v);
            for &u in waited_by.get(v).map(Vec::as_slice).unwrap_or(&[]) {
                if let Some(p) = pending.get_mut(u) {
                    *p = p.saturating_sub(1);
                    if *p == 0 {
                        ready.push(u);
                    }
                }
            }
        }
        order.extend((0..n).filter(|&u| !done.get(u).copied().unwrap_or(true)));
        order
    }

    /// (member, stage) of a stage node.
    fn stage_of(&self, u: usize) -> Option<(usize, usize)> {
        if u >= self.stages {
            return None;
        }
        let k = self.offsets.partition_point(|&o| o <= u).checked_sub(1)?;
        Some((k, u - self.offsets.get(k)?))
    }
}

/// What is known of a node once scheduled.
#[derive(Clone, Copy)]
struct Done {
    due: Date,
    /// Counted days of the longest chain ending here, over every `after`.
    chain: i64,
    /// The same over `after` within the service only.
    own_chain: i64,
    /// The node before this one on that longest chain.
    prev: Option<usize>,
}

/// Schedule `members` together from `start` (`cross`: honour `after` across them).
pub(super) fn run(
    cx: &Ctx<'_>,
    members: &[Member<'_>],
    start: Date,
    cross: bool,
) -> Result<Ran, CalendarError> {
    let g = Graph::new(cx.policy.services.len(), members, cross);
    let n = g.waits.len();
    let mut done: Vec<Option<Done>> = vec![None; n];
    let mut times: Vec<Option<StageTime>> = vec![None; g.stages];
    for u in g.order() {
        let waits = g.waits.get(u).map(Vec::as_slice).unwrap_or(&[]);
        let local = g.local.get(u).map(Vec::as_slice).unwrap_or(&[]);
        let before: Vec<(Done, bool, usize)> = waits
            .iter()
            .zip(local)
            .filter_map(|(&v, &l)| done.get(v).copied().flatten().map(|d| (d, l, v)))
            .collect();
        // The chain to extend: the most counted days, then the latest due day, then the first.
        let best = before.iter().copied().reduce(|a, b| {
            if (b.0.chain, b.0.due) > (a.0.chain, a.0.due) {
                b
            } else {
                a
            }
        });
        let chain_before = best.map_or(0, |(d, _, _)| d.chain);
        let own_before = before
            .iter()
            .filter(|(_, l, _)| *l)
            .map(|(d, _, _)| d.own_chain)
            .max()
            .unwrap_or(0);
        let prev = best.map(|(_, _, v)| v);
        let node = match g.stage_of(u) {
            Some((k, i)) => {
                let s = before.iter().map(|(d, _, _)| d.due).fold(start, Ord::max);
                let Some(m) = members.get(k) else { continue };
                let Some(t) = stage_time(cx, m, i, s)? else {
                    continue;
                };
                let node = Done {
                    due: t.due,
                    chain: chain_before + t.counted_working_days,
                    own_chain: own_before + t.counted_working_days,
                    prev,
                };
                if let Some(slot) = times.get_mut(u) {
                    *slot = Some(t);
                }
                node
            }
            // The whole service: due with its last stage (on its start without stages).
            None => Done {
                due: before.iter().map(|(d, _, _)| d.due).fold(start, Ord::max),
                chain: chain_before,
                own_chain: own_before,
                prev,
            },
        };
        if let Some(slot) = done.get_mut(u) {
            *slot = Some(node);
        }
    }

    let mut services = Vec::with_capacity(members.len());
    for (k, m) in members.iter().enumerate() {
        let off = g.offsets.get(k).copied().unwrap_or(0);
        let len = m.service.stages.len();
        let stages: Vec<StageTime> = times
            .get_mut(off..off + len)
            .map(|s| s.iter_mut().filter_map(Option::take).collect())
            .unwrap_or_default();
        let whole = done.get(g.stages + k).copied().flatten();
        services.push(ServiceTime {
            id: m.service.id.clone(),
            name: m.service.name.get(cx.locale).to_string(),
            start,
            due: whole.map_or(start, |d| d.due),
            counted_working_days: whole.map_or(0, |d| d.own_chain),
            stages,
        });
    }

    // The chain that decides the counted days: the most counted days, then the latest due.
    let last = (0..g.stages)
        .filter_map(|u| done.get(u).copied().flatten().map(|d| (u, d)))
        .reduce(|a, b| {
            if (b.1.chain, b.1.due) > (a.1.chain, a.1.due) {
                b
            } else {
                a
            }
        });
    let chain = last.map_or(0, |(_, d)| d.chain);
    let mut path = Vec::new();
    let mut cur = last.map(|(u, _)| u);
    let mut steps = 0;
    while let Some(u) = cur {
        steps += 1;
        if steps > n {
            break;
        }
        if let Some(ks) = g.stage_of(u) {
            path.push(ks);
        }
        cur = done.get(u).copied().flatten().and_then(|d| d.prev);
    }
    path.reverse();
    Ok(Ran {
        services,
        chain,
        path,
    })
}

/// The members in the order the serial schedule runs them: bundle order, except that a
/// service another waits for (`after` across services) runs before it.
pub(super) fn serial_order(members: &[Member<'_>]) -> Vec<usize> {
    let n = members.len();
    // needs[k]: the members member k waits for.
    let needs: Vec<Vec<usize>> = members
        .iter()
        .map(|m| {
            let mut v: Vec<usize> = m
                .service
                .stages
                .iter()
                .flat_map(|st| st.after_services.iter())
                .filter_map(|d| members.iter().position(|x| x.index == d.service))
                .collect();
            v.sort_unstable();
            v.dedup();
            v
        })
        .collect();
    let mut placed = vec![false; n];
    let mut order = Vec::with_capacity(n);
    while order.len() < n {
        // The first member (in bundle order) whose needs are placed; a cycle (rejected at
        // load) would fall back to the first unplaced one.
        let next = (0..n)
            .find(|&k| {
                !placed.get(k).copied().unwrap_or(true)
                    && needs
                        .get(k)
                        .is_some_and(|v| v.iter().all(|&q| placed.get(q).copied().unwrap_or(true)))
            })
            .or_else(|| (0..n).find(|&k| !placed.get(k).copied().unwrap_or(true)));
        let Some(k) = next else { break };
        if let Some(p) = placed.get_mut(k) {
            *p = true;
        }
        order.push(k);
    }
    order
}
