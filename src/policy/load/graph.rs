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
