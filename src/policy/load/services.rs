//! Services: applicability, rejects, materials, tolerance, stages and their pauses, limits.

use super::*;

impl Ctx {
    pub(super) fn service(
        &mut self,
        id: &str,
        v: &Value,
        path: &Path<'_>,
        material_ids: &[&str],
        index: &clock::StageIndex<'_>,
    ) -> Option<Service> {
        let obj = self.object(v, path, keys::SERVICE, &["name", "stages"])?;
        let before = self.issues.len();
        let name = self.opt_label(obj, path, "name");
        let department = self.opt_label(obj, path, "department");
        let applies_if = obj
            .get("applies_if")
            .and_then(|c| self.cond(c, &path.key("applies_if")));

        let mut rejects = Vec::new();
        let rejects_path = path.key("rejects");
        if let Some(items) = obj
            .get("rejects")
            .and_then(|l| self.list(l, &rejects_path, limits::MAX_LIST_ENTRIES))
        {
            for (i, item) in items.iter().enumerate() {
                let p = rejects_path.index(i);
                let Some(r) = self.object(item, &p, keys::REJECT, &["when", "reason"]) else {
                    continue;
                };
                let when = r.get("when").and_then(|c| self.cond(c, &p.key("when")));
                let reason = self.opt_label(r, &p, "reason");
                let basis = self.opt_basis(r, &p);
                // Checked against the services and bundles once both are read (`top`).
                let redirect = r
                    .get("redirect")
                    .and_then(|t| self.string(t, &p.key("redirect")))
                    .map(str::to_string);
                if let (Some(when), Some(reason)) = (when, reason) {
                    rejects.push(Reject {
                        when,
                        reason,
                        basis,
                        redirect,
                    });
                }
            }
        }

        let mut reqs = Vec::new();
        let materials_path = path.key("materials");
        if let Some(items) = obj
            .get("materials")
            .and_then(|l| self.list(l, &materials_path, limits::MAX_LIST_ENTRIES))
        {
            let mut seen: Vec<(&str, usize)> = Vec::new();
            for (i, item) in items.iter().enumerate() {
                let p = materials_path.index(i);
                let Some(e) = self.object(item, &p, keys::MATERIAL_ENTRY, &["ref", "required"])
                else {
                    continue;
                };
                let material = e.get("ref").and_then(|r| {
                    let rp = p.key("ref");
                    let s = self.string(r, &rp)?;
                    if let Some((_, first)) = seen.iter().find(|(x, _)| *x == s) {
                        self.push(
                            &rp,
                            Code::DuplicateId,
                            m(
                                format!("材料 `{}` 已在本事项的 `materials[{first}]` 中列出", shown(r)),
                                format!(
                                    "material `{}` is already listed in this service at `materials[{first}]`",
                                    shown(r)
                                ),
                            ),
                            At::Value,
                        );
                        return None;
                    }
                    seen.push((s, i));
                    match material_ids.binary_search(&s) {
                        Ok(ix) => Some(ix),
                        Err(_) => {
                            let help = did_you_mean(s, material_ids.iter().copied());
                            self.push_help(
                                &rp,
                                Code::UnknownMaterial,
                                m(
                                    format!("材料目录中没有 `{}`", shown(r)),
                                    format!("there is no material `{}` in the catalogue", shown(r)),
                                ),
                                At::Value, help);
                            None
                        }
                    }
                });
                let required = e
                    .get("required")
                    .and_then(|r| self.requirement(r, &p.key("required")));
                let tolerable = e.get("tolerable").and_then(|t| {
                    let tp = p.key("tolerable");
                    let to = self.object(t, &tp, keys::TOLERABLE, &["supplement_within"])?;
                    to.get("supplement_within")
                        .and_then(|s| self.period(s, &tp.key("supplement_within")))
                });
                let basis = self.opt_basis(e, &p);
                if let (Some(material), Some(required)) = (material, required) {
                    reqs.push(MaterialReq {
                        material,
                        required,
                        tolerable,
                        basis,
                    });
                }
            }
        }

        let tolerance = obj.get("tolerance").and_then(|t| {
            let tp = path.key("tolerance");
            let to = self.object(t, &tp, keys::TOLERANCE, &[])?;
            let max_missing = to.get("max_missing").and_then(|n| {
                let r = whole(n).and_then(|x| u32::try_from(x).ok());
                if r.is_none() {
                    self.bad_count(n, &tp.key("max_missing"));
                }
                r
            });
            let excluded_if = to
                .get("excluded_if")
                .and_then(|c| self.cond(c, &tp.key("excluded_if")));
            let basis = self.opt_basis(to, &tp);
            Some(Tolerance {
                max_missing,
                excluded_if,
                basis,
            })
        });

        let (stages, stage_order) = match obj.get("stages") {
            Some(s) => self.stages(s, &path.key("stages"), id, index),
            None => (Vec::new(), Vec::new()),
        };
        let promise = obj
            .get("promise")
            .and_then(|p| self.period(p, &path.key("promise")));
        let (legal, limits) = self.target_limits(obj, path);
        let basis = self.opt_basis(obj, path);
        if self.issues.len() > before {
            return None;
        }
        Some(Service {
            id: id.to_string(),
            name: name?,
            department,
            applies_if,
            rejects,
            materials: reqs,
            tolerance,
            stages,
            stage_order,
            promise,
            legal,
            limits,
            basis,
        })
    }

    pub(super) fn stages(
        &mut self,
        v: &Value,
        path: &Path<'_>,
        own: &str,
        index: &clock::StageIndex<'_>,
    ) -> (Vec<Stage>, Vec<usize>) {
        let Some(items) = self.list(v, path, limits::MAX_STAGES_PER_SERVICE) else {
            return (Vec::new(), Vec::new());
        };
        let before = self.issues.len();
        // Ids first, so `after` can name a later stage.
        let mut ids: Vec<Option<&str>> = Vec::new();
        for (i, item) in items.iter().enumerate() {
            let p = path.index(i);
            let id = item.as_object().and_then(|o| o.get("id")).and_then(|idv| {
                let ip = p.key("id");
                let s = self.string(idv, &ip)?;
                if !valid_id(s, IdKind::Other) {
                    self.bad_id(s, &ip, IdKind::Other, At::Value);
                    return None;
                }
                if let Some(first) = ids.iter().position(|x| *x == Some(s)) {
                    self.push(
                        &ip,
                        Code::DuplicateId,
                        m(
                            format!("阶段 id `{}` 与 `stages[{first}]` 重复", shown(idv)),
                            format!(
                                "stage id `{}` is already used by `stages[{first}]`",
                                shown(idv)
                            ),
                        ),
                        At::Value,
                    );
                    return None;
                }
                Some(s)
            });
            ids.push(id);
        }
        let mut stages = Vec::new();
        for (i, item) in items.iter().enumerate() {
            let p = path.index(i);
            let Some(obj) = self.object(item, &p, keys::STAGE, &["id", "limit"]) else {
                continue;
            };
            let name = self.opt_label(obj, &p, "name");
            let by = self.stage_by(obj, &p);
            let mut after = Vec::new();
            let mut after_services: Vec<ServiceDep> = Vec::new();
            let after_path = p.key("after");
            if let Some(list) = obj
                .get("after")
                .and_then(|a| self.list(a, &after_path, limits::MAX_LIST_ENTRIES))
            {
                for (j, a) in list.iter().enumerate() {
                    let ap = after_path.index(j);
                    let Some(s) = self.string(a, &ap) else {
                        continue;
                    };
                    let found = match ids.iter().position(|x| *x == Some(s)) {
                        Some(ix) => Some(clock::AfterRef::Local(ix)),
                        // Another service's stage, or a whole service (SPEC §7.3).
                        None => self.after_ref(s, j, own, &ids, index, &ap),
                    };
                    match found {
                        Some(clock::AfterRef::Local(ix)) if !after.contains(&ix) => after.push(ix),
                        Some(clock::AfterRef::Other(dep))
                            if !after_services
                                .iter()
                                .any(|d| d.service == dep.service && d.stage == dep.stage) =>
                        {
                            after_services.push(dep);
                        }
                        // A repeat, or an entry already reported.
                        _ => {}
                    }
                }
            }
            let limit = obj
                .get("limit")
                .and_then(|l| self.period(l, &p.key("limit")));
            let mut limit_if = Vec::new();
            let limit_if_path = p.key("limit_if");
            if let Some(list) = obj
                .get("limit_if")
                .and_then(|a| self.list(a, &limit_if_path, limits::MAX_LIST_ENTRIES))
            {
                for (j, item) in list.iter().enumerate() {
                    let lp = limit_if_path.index(j);
                    let Some(o) = self.object(item, &lp, keys::LIMIT_IF, &["when", "limit"]) else {
                        continue;
                    };
                    let when = o.get("when").and_then(|c| self.cond(c, &lp.key("when")));
                    let lim = o
                        .get("limit")
                        .and_then(|l| self.period(l, &lp.key("limit")));
                    if let (Some(when), Some(limit)) = (when, lim) {
                        limit_if.push(LimitIf { when, limit });
                    }
                }
            }
            let mut pauses = Vec::new();
            let pauses_path = p.key("pauses");
            if let Some(list) = obj
                .get("pauses")
                .and_then(|a| self.list(a, &pauses_path, limits::MAX_LIST_ENTRIES))
            {
                for (j, item) in list.iter().enumerate() {
                    let pp = pauses_path.index(j);
                    if let Some(pause) = self.pause(item, &pp) {
                        pauses.push(pause);
                    }
                }
            }
            let basis = self.opt_basis(obj, &p);
            if let (Some(id), Some(limit)) = (ids.get(i).copied().flatten(), limit) {
                stages.push(Stage {
                    id: id.to_string(),
                    name,
                    after,
                    after_services,
                    by,
                    limit,
                    limit_if,
                    pauses,
                    basis,
                });
            }
        }
        if self.issues.len() > before || stages.len() != items.len() {
            return (Vec::new(), Vec::new());
        }
        match topo_order(&stages) {
            Ok(order) => (stages, order),
            Err(cycles) => {
                for cycle in cycles {
                    let names: Vec<String> = cycle
                        .iter()
                        .chain(cycle.first())
                        .filter_map(|i| stages.get(*i))
                        .map(|s| format!("`{}`", s.id))
                        .collect();
                    let chain = names.join(" → ");
                    let first = cycle.first().copied().unwrap_or(0);
                    self.push(
                        &path.index(first).key("after"),
                        Code::StageCycle,
                        m(
                            format!("阶段循环等待：{chain}（每个阶段都在等待下一个）"),
                            format!("stages wait for each other in a cycle: {chain} (each waits for the next)"),
                        ),
                        At::Value,
                    );
                }
                (Vec::new(), Vec::new())
            }
        }
    }

    pub(super) fn pause(&mut self, v: &Value, path: &Path<'_>) -> Option<StagePause> {
        let obj = self.object(v, path, keys::PAUSE, &["name"])?;
        let name = self.opt_label(obj, path, "name");
        let nd = obj.get("natural_days");
        let wd = obj.get("working_days");
        let len = match (nd, wd) {
            (Some(n), None) | (None, Some(n)) => {
                let unit = if nd.is_some() {
                    "natural_days"
                } else {
                    "working_days"
                };
                let count = whole(n)
                    .filter(|c| *c <= 36_500)
                    .and_then(|c| u32::try_from(c).ok());
                match count {
                    Some(c) if unit == "natural_days" => Some(PauseLen::NaturalDays(c)),
                    Some(c) => Some(PauseLen::WorkingDays(c)),
                    None => {
                        self.push(
                            &path.key(unit),
                            Code::BadLimit,
                            m(
                                format!("`{}` 不是 0 到 36500 之间的整数", shown(n)),
                                format!("`{}` is not a whole number from 0 to 36500", shown(n)),
                            ),
                            At::Value,
                        );
                        None
                    }
                }
            }
            _ => {
                self.push(
                    path,
                    Code::BadLimit,
                    m(
                        "中止时长应恰为 `natural_days` 或 `working_days` 之一",
                        "a pause has exactly one of `natural_days` or `working_days`",
                    ),
                    At::Value,
                );
                None
            }
        };
        let when = obj
            .get("when")
            .and_then(|c| self.cond(c, &path.key("when")));
        let basis = self.opt_basis(obj, path);
        Some(StagePause {
            name: name?,
            len: len?,
            when,
            basis,
        })
    }
}
