//! The stage graph: a topological order, or the cycles that prevent one.

use crate::policy::model::Stage;

/// A topological order of the stages (smallest policy index first among the ready ones), or
/// the cycles that prevent one, each as stage indices starting with the smallest.
pub(crate) fn topo_order(stages: &[Stage]) -> Result<Vec<usize>, Vec<Vec<usize>>> {
    let n = stages.len();
    let mut indegree: Vec<usize> = stages.iter().map(|s| s.after.len()).collect();
    let mut done = vec![false; n];
    let mut order = Vec::with_capacity(n);
    loop {
        let next = (0..n).find(|&i| {
            !done.get(i).copied().unwrap_or(true) && indegree.get(i).copied() == Some(0)
        });
        let Some(i) = next else { break };
        if let Some(d) = done.get_mut(i) {
            *d = true;
        }
        order.push(i);
        for (j, s) in stages.iter().enumerate() {
            if s.after.contains(&i) {
                if let Some(d) = indegree.get_mut(j) {
                    *d = d.saturating_sub(1);
                }
            }
        }
    }
    if order.len() == n {
        return Ok(order);
    }
    // Every remaining stage waits for at least one remaining stage: following those edges
    // from any of them must come back to a stage already on the walk.
    let mut cycles = Vec::new();
    let mut seen = done.clone();
    for startix in 0..n {
        if seen.get(startix).copied().unwrap_or(true) {
            continue;
        }
        let mut walk: Vec<usize> = Vec::new();
        let mut u = startix;
        loop {
            if let Some(pos) = walk.iter().position(|&w| w == u) {
                let mut cycle: Vec<usize> = walk.get(pos..).unwrap_or(&[]).to_vec();
                if let Some(min_pos) = cycle
                    .iter()
                    .enumerate()
                    .min_by_key(|(_, v)| **v)
                    .map(|(p, _)| p)
                {
                    cycle.rotate_left(min_pos);
                }
                cycles.push(cycle);
                break;
            }
            if seen.get(u).copied().unwrap_or(true) {
                break;
            }
            walk.push(u);
            let next = stages
                .get(u)
                .and_then(|s| {
                    s.after
                        .iter()
                        .find(|&&p| !done.get(p).copied().unwrap_or(true))
                })
                .copied();
            match next {
                Some(p) => u = p,
                None => break,
            }
        }
        for w in walk {
            if let Some(s) = seen.get_mut(w) {
                *s = true;
            }
        }
    }
    Err(cycles)
}

/// A cycle among the stages of a bundle's services (`bundle`: indices into `services`),
/// following `after` within a service and across services (SPEC §7.3), or `None`. Nodes are
/// `(service, Some(stage))`, or `(service, None)` for "the whole service" (after its due day),
/// in waits-for order (each waits for the next), starting with the smallest stage node.
/// Cycles inside one service are reported when the service loads, so any cycle found here
/// crosses services. Linear in stages and `after` entries.
pub(crate) fn bundle_cycle(
    services: &[crate::policy::model::Service],
    bundle: &[usize],
) -> Option<Vec<(usize, Option<usize>)>> {
    // Node numbering: the stages of the bundle's services in bundle order, then one "whole
    // service" node per service.
    let mut member: Vec<Option<usize>> = vec![None; services.len()];
    let mut offsets: Vec<usize> = Vec::with_capacity(bundle.len());
    let mut total = 0usize;
    for (k, &s) in bundle.iter().enumerate() {
        if let Some(slot) = member.get_mut(s) {
            *slot = Some(k);
        }
        offsets.push(total);
        total += services.get(s).map_or(0, |x| x.stages.len());
    }
    let n = total + bundle.len();
    // waits[u]: the nodes u waits for.
    let mut waits: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut label: Vec<(usize, Option<usize>)> = vec![(0, None); n];
    for (k, &s) in bundle.iter().enumerate() {
        let Some(svc) = services.get(s) else { continue };
        let off = offsets.get(k).copied().unwrap_or(0);
        let whole = total + k;
        if let Some(l) = label.get_mut(whole) {
            *l = (s, None);
        }
        for (i, st) in svc.stages.iter().enumerate() {
            let u = off + i;
            if let Some(l) = label.get_mut(u) {
                *l = (s, Some(i));
            }
            if let Some(w) = waits.get_mut(whole) {
                w.push(u);
            }
            let Some(w) = waits.get_mut(u) else { continue };
            w.extend(st.after.iter().map(|&a| off + a));
            for d in &st.after_services {
                let Some(q) = member.get(d.service).copied().flatten() else {
                    continue;
                };
                let qoff = offsets.get(q).copied().unwrap_or(0);
                w.push(match d.stage {
                    Some(j) => qoff + j,
                    None => total + q,
                });
            }
        }
    }
    // Kahn: a node is done once everything it waits for is done.
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
    let mut done = vec![false; n];
    while let Some(v) = ready.pop() {
        if let Some(d) = done.get_mut(v) {
            *d = true;
        }
        for &u in waited_by.get(v).map(Vec::as_slice).unwrap_or(&[]) {
            if let Some(p) = pending.get_mut(u) {
                *p = p.saturating_sub(1);
                if *p == 0 {
                    ready.push(u);
                }
            }
        }
    }
    // Every node left waits for at least one node left: walk until a node repeats.
    let start = (0..total).find(|&u| !done.get(u).copied().unwrap_or(true))?;
    let mut pos: Vec<Option<usize>> = vec![None; n];
    let mut walk: Vec<usize> = Vec::new();
    let mut u = start;
    loop {
        if let Some(p) = pos.get(u).copied().flatten() {
            let mut cycle: Vec<usize> = walk.get(p..).unwrap_or(&[]).to_vec();
            // Start with the smallest stage node, so every bundle reports the same text.
            let first = cycle
                .iter()
                .enumerate()
                .filter(|(_, &v)| v < total)
                .min_by_key(|(_, &v)| label.get(v).copied())
                .map(|(i, _)| i)
                .unwrap_or(0);
            cycle.rotate_left(first);
            return Some(
                cycle
                    .into_iter()
                    .filter_map(|v| label.get(v).copied())
                    .collect(),
            );
        }
        if let Some(p) = pos.get_mut(u) {
            *p = Some(walk.len());
        }
        walk.push(u);
        let next = waits
            .get(u)
            .and_then(|w| w.iter().find(|&&v| !done.get(v).copied().unwrap_or(true)))
            .copied();
        match next {
            Some(v) => u = v,
            None => return None,
        }
    }
}
