//! Lint of the legal clock (SPEC §7): the fastest route in counted days (pauses and the
//! applicant's own stages never count, a stage takes its shortest limit, a bundle's services wait
//! for each other as `after` says) against every promise — the target's, each `promise_if`
//! route's, each region's — and, per region, where it departs from the policy's own values.

use super::{best_working_days, period_text, Out};
use crate::calendar::{Period, TimeOfDay};
use crate::diag::{Code, Severity};
use crate::policy::model::*;
use crate::text::locate::{index_path, key_path};

/// The shortest counted days of a stage: 0 for the applicant's, else its smallest limit among
/// `limit` (the region's when it sets one) and `limit_if`.
fn stage_best(p: &Policy, region: Option<&Region>, si: usize, i: usize) -> u64 {
    let Some(st) = p.services.get(si).and_then(|s| s.stages.get(i)) else {
        return 0;
    };
    if st.by == StageBy::Applicant {
        return 0;
    }
    let base = region.and_then(|r| r.limit(si, i)).unwrap_or(st.limit);
    std::iter::once(base)
        .chain(st.limit_if.iter().map(|l| l.limit))
        .map(best_working_days)
        .min()
        .unwrap_or(0)
}

/// The fastest route through `members` (indices into `Policy::services`) in counted days: the
/// longest chain of stages by their shortest limits, following `after` within a service and to
/// the other members. Linear in stages and `after` entries.
pub(super) fn best(p: &Policy, members: &[usize], region: Option<&Region>) -> u64 {
    // Nodes: the members' stages, then one "whole service" node per member.
    let mut at: Vec<Option<usize>> = vec![None; p.services.len()];
    let mut offsets = Vec::with_capacity(members.len());
    let mut total = 0usize;
    for (k, &s) in members.iter().enumerate() {
        if let Some(slot) = at.get_mut(s) {
            *slot = Some(k);
        }
        offsets.push(total);
        total += p.services.get(s).map_or(0, |x| x.stages.len());
    }
    let n = total + members.len();
    let mut waits: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut own: Vec<u64> = vec![0; n];
    for (k, &s) in members.iter().enumerate() {
        let Some(svc) = p.services.get(s) else {
            continue;
        };
        let off = offsets.get(k).copied().unwrap_or(0);
        for (i, st) in svc.stages.iter().enumerate() {
            if let Some(o) = own.get_mut(off + i) {
                *o = stage_best(p, region, s, i);
            }
            if let Some(w) = waits.get_mut(total + k) {
                w.push(off + i);
            }
            let Some(w) = waits.get_mut(off + i) else {
                continue;
            };
            w.extend(st.after.iter().map(|&a| off + a));
            for d in &st.after_services {
                if let Some(q) = at.get(d.service).copied().flatten() {
                    let qoff = offsets.get(q).copied().unwrap_or(0);
                    w.push(d.stage.map_or(total + q, |j| qoff + j));
                }
            }
        }
    }
    // Kahn's order; the loader rejects cycles, so every node is reached.
    let mut pending: Vec<usize> = waits.iter().map(Vec::len).collect();
    let mut waited_by: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (u, w) in waits.iter().enumerate() {
        for &v in w {
            if let Some(b) = waited_by.get_mut(v) {
                b.push(u);
            }
        }
    }
    let mut ready: Vec<usize> = (0..n).filter(|&u| pending.get(u) == Some(&0)).collect();
    let mut end: Vec<u64> = vec![0; n];
    let mut longest = 0;
    while let Some(u) = ready.pop() {
        let before = waits
            .get(u)
            .into_iter()
            .flatten()
            .filter_map(|&v| end.get(v).copied())
            .max()
            .unwrap_or(0);
        let e = before + own.get(u).copied().unwrap_or(0);
        if let Some(x) = end.get_mut(u) {
            *x = e;
        }
        longest = longest.max(e);
        for &w in waited_by.get(u).into_iter().flatten() {
            if let Some(c) = pending.get_mut(w) {
                *c = c.saturating_sub(1);
                if *c == 0 {
                    ready.push(w);
                }
            }
        }
    }
    longest
}

/// A target's services that always apply (a conditional one may not run at all).
fn sure(p: &Policy, services: &[usize]) -> Vec<usize> {
    services
        .iter()
        .copied()
        .filter(|&i| {
            p.services.get(i).is_some_and(|s| {
                s.applies_if
                    .as_ref()
                    .is_none_or(|c| c.expr.constant() == Some(true))
            })
        })
        .collect()
}

fn phase_best(ph: &Option<Phase>) -> u64 {
    ph.as_ref().map_or(0, |x| best_working_days(x.limit))
}

/// A target as lint sees it: (path, services that surely apply, fixed phases' counted days,
/// promise, promise_if, legal).
type TargetView<'p> = (
    String,
    Vec<usize>,
    u64,
    Option<Period>,
    &'p [LimitIf],
    Option<Period>,
);

/// Every target, services first, then bundles.
fn targets(p: &Policy) -> Vec<TargetView<'_>> {
    let mut out = Vec::new();
    for (i, s) in p.services.iter().enumerate() {
        out.push((
            key_path("services", &s.id),
            vec![i],
            0,
            s.promise,
            s.limits.promise_if.as_slice(),
            s.legal,
        ));
    }
    for b in &p.bundles {
        out.push((
            key_path("bundles", &b.id),
            sure(p, &b.services),
            phase_best(&b.intake) + phase_best(&b.finish),
            b.promise,
            b.limits.promise_if.as_slice(),
            b.legal,
        ));
    }
    out
}

/// Whether `best` counted days can meet `promise` (limits not in working days always can).
fn reaches(best: u64, promise: Period) -> bool {
    match promise {
        Period::WorkingDays(n) => best <= u64::from(n),
        _ => true,
    }
}

pub(super) fn unreachable(
    out: &mut Out<'_>,
    path: String,
    best: u64,
    promise: Period,
    whom: Option<&str>,
) {
    let Period::WorkingDays(n) = promise else {
        return;
    };
    if best <= u64::from(n) {
        return;
    }
    let (pz, pe) = period_text(promise);
    let (wz, we) = match whom {
        Some(t) => (format!("办理对象 `{t}` "), format!("target `{t}`")),
        None => (String::new(), "the office".to_string()),
    };
    out.add(
        path,
        false,
        Code::PromiseUnreachable,
        Severity::Error,
        format!("{wz}即使走最快的路径，计入办理时限的工作日也至少需 {best} 个，超过承诺时限 {pz}"),
        format!("even on the fastest route {we} counts at least {best} working days, more than the promise of {pe}"),
    );
}

pub(super) fn promises(out: &mut Out<'_>, p: &Policy) {
    let targets = targets(p);
    // The fastest route of each target, computed once.
    let base: Vec<u64> = targets
        .iter()
        .map(|(_, members, phases, ..)| phases + best(p, members, None))
        .collect();
    for ((path, _, _, promise, routes, legal), &best) in targets.iter().zip(&base) {
        if let Some(promise) = promise {
            super::check_promise(out, path, Some(*promise), *legal, best);
        }
        for (j, r) in routes.iter().enumerate() {
            let rp = key_path(&index_path(&key_path(path, "promise_if"), j), "promise");
            unreachable(out, rp.clone(), best, r.limit, None);
            if let Some(legal) = legal {
                if super::above(r.limit, *legal) {
                    let ((pz, pe), (lz, le)) = (period_text(r.limit), period_text(*legal));
                    out.add(
                        rp,
                        false,
                        Code::PromiseAboveLegal,
                        Severity::Error,
                        format!("承诺时限 {pz} 超过法定时限 {lz}"),
                        format!("the promise of {pe} is longer than the legal limit of {le}"),
                    );
                }
            }
        }
    }
    for r in &p.regions {
        if r.promise.is_none() && r.promise_if.is_empty() && r.limits.is_empty() {
            continue;
        }
        let rp = key_path("regions", &r.id);
        // A region's limits change only the targets with a service they name.
        let fastest: Vec<u64> = targets
            .iter()
            .zip(&base)
            .map(|((_, members, phases, ..), &b)| {
                let touched = r.limits.iter().any(|l| members.contains(&l.service));
                if touched {
                    phases + best(p, members, Some(r))
                } else {
                    b
                }
            })
            .collect();
        for (((tpath, _, _, promise, _, _), &best), &own_best) in
            targets.iter().zip(&fastest).zip(&base)
        {
            let whom = tpath.split_once('.').map_or(tpath.as_str(), |(_, id)| id);
            match (r.promise, promise) {
                (Some(rpromise), _) => {
                    unreachable(out, key_path(&rp, "promise"), best, rpromise, Some(whom));
                }
                // The target's own promise, missed because of the region's limits only (the
                // target's own finding covers the rest).
                (None, Some(own)) if best > own_best && !reaches(own_best, *own) => {}
                (None, Some(own)) if best > own_best => {
                    unreachable(out, key_path(&rp, "limits"), best, *own, Some(whom));
                }
                _ => {}
            }
        }
        let quickest = fastest.iter().copied().min().unwrap_or(0);
        for (j, route) in r.promise_if.iter().enumerate() {
            let path = key_path(&index_path(&key_path(&rp, "promise_if"), j), "promise");
            unreachable(out, path, quickest, route.limit, None);
        }
    }
}

fn time_text(t: TimeOfDay) -> String {
    let (h, m, s) = (t.0 / 3600, t.0 / 60 % 60, t.0 % 60);
    if s == 0 {
        format!("{h:02}:{m:02}")
    } else {
        format!("{h:02}:{m:02}:{s:02}")
    }
}

/// `region_departs`: one finding per way each region departs from the policy's own values.
pub(super) fn regions(out: &mut Out<'_>, p: &Policy) {
    for r in &p.regions {
        let rp = key_path("regions", &r.id);
        let id = r.id.as_str();
        let info = |out: &mut Out<'_>, key: &str, zh: String, en: String| {
            out.add(
                key_path(&rp, key),
                true,
                Code::RegionDeparts,
                Severity::Info,
                format!("区域 `{id}` {zh}"),
                format!("region `{id}` {en}"),
            );
        };
        if let Some(o) = &r.office {
            info(
                out,
                "office",
                format!("使用自己的办理窗口「{}」", o.name.zh()),
                format!("has its own office ({})", o.name.get("en")),
            );
        }
        if let Some(c) = r.cutoff {
            let (mine, base) = (time_text(c), time_text(p.cutoff));
            if c == p.cutoff {
                out.add(
                    key_path(&rp, "cutoff"),
                    false,
                    Code::RegionDeparts,
                    Severity::Warning,
                    format!("区域 `{id}` 的收件截止时刻 {mine} 与策略自身相同，不起作用"),
                    format!("the cutoff {mine} of region `{id}` is the policy's own and changes nothing"),
                );
            } else {
                info(
                    out,
                    "cutoff",
                    format!("的收件截止时刻为 {mine}（策略自身：{base}）"),
                    format!("receives until {mine} (the policy: {base})"),
                );
            }
        }
        if r.calendar.is_some() {
            info(
                out,
                "calendar",
                "使用自己的工作日历".into(),
                "has its own calendar".into(),
            );
        }
        if let Some(pr) = r.promise {
            let (z, e) = period_text(pr);
            info(
                out,
                "promise",
                format!("的承诺时限为 {z}，取代各办理对象自身的承诺时限"),
                format!("promises {e}, in place of every target's own promise"),
            );
        }
        if !r.promise_if.is_empty() {
            info(
                out,
                "promise_if",
                "有自己的条件承诺时限，取代各办理对象自身的 `promise_if`".into(),
                "has its own `promise_if`, in place of every target's own".into(),
            );
        }
        for l in &r.limits {
            let (Some(s), Some(st)) = (
                p.services.get(l.service),
                p.services
                    .get(l.service)
                    .and_then(|s| s.stages.get(l.stage)),
            ) else {
                continue;
            };
            let key = format!("{}.{}", s.id, st.id);
            let path = key_path(&key_path(&rp, "limits"), &key);
            let ((mz, me), (bz, be)) = (period_text(l.limit), period_text(st.limit));
            if l.limit == st.limit {
                out.add(
                    path,
                    true,
                    Code::RegionDeparts,
                    Severity::Warning,
                    format!("区域 `{id}` 中 `{key}` 的时限 {mz} 与策略自身相同，不起作用"),
                    format!("the limit {me} of `{key}` in region `{id}` is the policy's own and changes nothing"),
                );
            } else {
                out.add(
                    path,
                    true,
                    Code::RegionDeparts,
                    Severity::Info,
                    format!("区域 `{id}` 中 `{key}` 的时限为 {mz}（策略自身：{bz}）"),
                    format!("region `{id}` gives `{key}` {me} (the policy: {be})"),
                );
            }
        }
    }
}

/// The conditions of `promise_if` / `legal_if` (services, bundles) and of the regions'
/// `promise_if`, with their paths.
pub(super) fn conditions<'p>(p: &'p Policy, out: &mut Vec<(String, &'p Cond)>) {
    let mut routes = |path: String, l: &'p TargetLimits| {
        for (j, r) in l.promise_if.iter().enumerate() {
            out.push((
                key_path(&index_path(&key_path(&path, "promise_if"), j), "when"),
                &r.when,
            ));
        }
        for (j, r) in l.legal_if.iter().enumerate() {
            out.push((
                key_path(&index_path(&key_path(&path, "legal_if"), j), "when"),
                &r.when,
            ));
        }
    };
    for s in &p.services {
        routes(key_path("services", &s.id), &s.limits);
    }
    for b in &p.bundles {
        routes(key_path("bundles", &b.id), &b.limits);
    }
    for r in &p.regions {
        let rp = key_path("regions", &r.id);
        for (j, x) in r.promise_if.iter().enumerate() {
            out.push((
                key_path(&index_path(&key_path(&rp, "promise_if"), j), "when"),
                &x.when,
            ));
        }
    }
}

/// The labels of `office`, regions and extensions, with their paths and whether they have an
/// `en` text.
pub(super) fn labels(p: &Policy, out: &mut Vec<(String, bool)>) {
    let mut office = |path: String, o: &Office| {
        let rows = [
            ("name", Some(&o.name)),
            ("address", o.address.as_ref()),
            ("phone", o.phone.as_ref()),
            ("hours", o.hours.as_ref()),
        ];
        for (k, l) in rows {
            if let Some(l) = l {
                out.push((key_path(&path, k), l.has("en")));
            }
        }
    };
    if let Some(o) = &p.office {
        office("office".into(), o);
    }
    for r in &p.regions {
        let rp = key_path("regions", &r.id);
        if let Some(o) = &r.office {
            office(key_path(&rp, "office"), o);
        }
    }
    for r in &p.regions {
        out.push((
            key_path(&key_path("regions", &r.id), "name"),
            r.name.has("en"),
        ));
    }
    let mut ext = |path: String, l: &TargetLimits| {
        let approved = |e: &Extension| e.approved_by.has("en");
        if let Some(e) = &l.legal_extension {
            out.push((
                key_path(
                    &key_path(&key_path(&path, "legal"), "extension"),
                    "approved_by",
                ),
                approved(e),
            ));
        }
        for (j, x) in l.legal_if.iter().enumerate() {
            if let Some(e) = &x.extension {
                let lp = key_path(&index_path(&key_path(&path, "legal_if"), j), "legal");
                out.push((
                    key_path(&key_path(&lp, "extension"), "approved_by"),
                    approved(e),
                ));
            }
        }
    };
    for s in &p.services {
        ext(key_path("services", &s.id), &s.limits);
    }
    for b in &p.bundles {
        ext(key_path("bundles", &b.id), &b.limits);
    }
}
