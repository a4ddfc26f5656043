//! The keys of SPEC §7 that set the clock: a stage's `by` and cross-service `after`, `legal`
//! with its `extension`, `promise_if` and `legal_if` on services and bundles, the top-level
//! `office` and `regions`, and the check that a bundle's services do not wait for each other in
//! a cycle.

use super::*;

/// Every service's stage ids as written (position = stage index), by service id in the order of
/// `Policy::services`. Read from the document before the services themselves, so a stage's
/// `after` and a region's `limits` can name a stage of any service.
pub(super) struct StageIndex<'v> {
    services: Vec<(&'v str, Vec<Option<&'v str>>)>,
}

impl<'v> StageIndex<'v> {
    pub(super) fn new(entries: &[(&'v String, &'v Value)]) -> StageIndex<'v> {
        let services = entries
            .iter()
            .map(|(id, v)| {
                let stages = v
                    .get("stages")
                    .and_then(Value::as_array)
                    .map(|items| {
                        items
                            .iter()
                            .map(|s| s.get("id").and_then(Value::as_str))
                            .collect()
                    })
                    .unwrap_or_default();
                (id.as_str(), stages)
            })
            .collect();
        StageIndex { services }
    }

    fn service(&self, id: &str) -> Option<(usize, &[Option<&'v str>])> {
        let i = self.services.binary_search_by(|(s, _)| (*s).cmp(id)).ok()?;
        self.services.get(i).map(|(_, st)| (i, st.as_slice()))
    }

    fn ids(&self) -> impl Iterator<Item = &'v str> + '_ {
        self.services.iter().map(|(s, _)| *s)
    }

    /// `"<service>.<stage>"` split at the first `.` where the left part is a service id (ids
    /// may contain dots): the service, its stages and the right part.
    fn split<'s>(&self, s: &'s str) -> Option<(usize, &[Option<&'v str>], &'s str)> {
        s.match_indices('.').find_map(|(k, _)| {
            let (svc, rest) = (s.get(..k)?, s.get(k + 1..)?);
            let (i, stages) = self.service(svc)?;
            Some((i, stages, rest))
        })
    }

    /// `"<service>.<stage>"` → (service, stage), trying every split at a `.`.
    fn stage(&self, s: &str) -> Option<(usize, usize)> {
        s.match_indices('.').find_map(|(k, _)| {
            let (svc, rest) = (s.get(..k)?, s.get(k + 1..)?);
            let (i, stages) = self.service(svc)?;
            let j = stages.iter().position(|x| *x == Some(rest))?;
            Some((i, j))
        })
    }
}

/// An `after` entry resolved against the whole policy.
pub(super) enum AfterRef {
    /// A stage of the same service.
    Local(usize),
    /// A stage of another service, or that whole service.
    Other(ServiceDep),
}

/// Where a `legal` value came from: `(period, extension)`.
type Legal = (Period, Option<Extension>);

impl Ctx {
    /// A stage's `by`: `"office"` (default) or `"applicant"`.
    pub(super) fn stage_by(&mut self, obj: &Map<String, Value>, path: &Path<'_>) -> StageBy {
        let Some(v) = obj.get("by") else {
            return StageBy::Office;
        };
        let p = path.key("by");
        match self.string(v, &p) {
            Some("office") => StageBy::Office,
            Some("applicant") => StageBy::Applicant,
            Some(other) => {
                let help = did_you_mean(other, keys::STAGE_BY.iter().copied());
                self.bad_value_help(
                    &p,
                    format!("`{}` 应为 `office` 或 `applicant`", shown(v)),
                    format!("`{}` is not `office` or `applicant`", shown(v)),
                    At::Value,
                    help,
                );
                StageBy::Office
            }
            None => StageBy::Office,
        }
    }

    /// An `after` entry `s` (at `ap`) of a stage of service `own` that is not one of its
    /// stage ids `ids`: `"<own>.<stage>"`, `"<service>.<stage>"` or `"<service>"`.
    pub(super) fn after_ref(
        &mut self,
        s: &str,
        at: usize,
        own: &str,
        ids: &[Option<&str>],
        index: &StageIndex<'_>,
        ap: &Path<'_>,
    ) -> Option<AfterRef> {
        let shown_s = shown(&Value::String(s.to_string()));
        if s == own {
            self.push(
                ap,
                Code::StageCycle,
                m(
                    format!("阶段不能等待它所在的事项 `{shown_s}` 本身"),
                    format!("a stage cannot wait for its own service `{shown_s}`"),
                ),
                At::Value,
            );
            return None;
        }
        if let Some(rest) = s.strip_prefix(own).and_then(|r| r.strip_prefix('.')) {
            if let Some(ix) = ids.iter().position(|x| *x == Some(rest)) {
                return Some(AfterRef::Local(ix));
            }
        }
        if let Some((service, stage)) = index.stage(s) {
            return Some(AfterRef::Other(ServiceDep {
                service,
                stage: Some(stage),
                at,
            }));
        }
        if let Some((service, _)) = index.service(s) {
            return Some(AfterRef::Other(ServiceDep {
                service,
                stage: None,
                at,
            }));
        }
        if let Some((_, stages, rest)) = index.split(s) {
            let svc = s.get(..s.len().saturating_sub(rest.len() + 1)).unwrap_or(s);
            let help = did_you_mean(rest, stages.iter().flatten().copied());
            self.push_help(
                ap,
                Code::UnknownStage,
                m(
                    format!(
                        "事项 `{svc}` 没有阶段 `{}`",
                        shown(&Value::String(rest.into()))
                    ),
                    format!(
                        "service `{svc}` has no stage `{}`",
                        shown(&Value::String(rest.into()))
                    ),
                ),
                At::Value,
                help,
            );
            return None;
        }
        // Error path only: every `<service>.<stage>` of the policy is a candidate too.
        let qualified: Vec<String> = index
            .services
            .iter()
            .flat_map(|(svc, stages)| stages.iter().flatten().map(move |st| format!("{svc}.{st}")))
            .collect();
        let candidates = ids
            .iter()
            .flatten()
            .copied()
            .chain(index.ids())
            .chain(qualified.iter().map(String::as_str));
        let help = did_you_mean(s, candidates);
        self.push_help(
            ap,
            Code::UnknownStage,
            m(
                format!("本事项没有阶段 `{shown_s}`，也没有事项 `{shown_s}`"),
                format!("there is no stage `{shown_s}` in this service and no service `{shown_s}`"),
            ),
            At::Value,
            help,
        );
        None
    }

    /// The period of an object that may hold other keys (`legal`, `extension`): those keys are
    /// checked by the caller and left out here.
    fn period_among(&mut self, obj: &Map<String, Value>, path: &Path<'_>) -> Option<Period> {
        let units: Map<String, Value> = obj
            .iter()
            .filter(|(k, _)| keys::PERIOD.contains(&k.as_str()))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        self.period(&Value::Object(units), path)
    }

    /// `legal`: a period with an optional `extension` (SPEC §7.1, 行政许可法 Art. 42 ¶1).
    pub(super) fn legal(&mut self, v: &Value, path: &Path<'_>) -> Option<Legal> {
        if !v.is_object() {
            return self.period(v, path).map(|p| (p, None));
        }
        let obj = self.object(v, path, keys::LEGAL, &[])?;
        let limit = self.period_among(obj, path);
        let extension = match obj.get("extension") {
            None => None,
            Some(e) => {
                let ep = path.key("extension");
                let eo = self.object(e, &ep, keys::EXTENSION, &["approved_by"])?;
                let lim = self.period_among(eo, &ep);
                let approved_by = self.opt_label(eo, &ep, "approved_by");
                Some(Extension {
                    limit: lim?,
                    approved_by: approved_by?,
                })
            }
        };
        Some((limit?, extension))
    }

    /// `promise_if`, `legal_if` and the `legal` extension of a service or bundle; returns the
    /// base `legal` too.
    pub(super) fn target_limits(
        &mut self,
        obj: &Map<String, Value>,
        path: &Path<'_>,
    ) -> (Option<Period>, TargetLimits) {
        let mut out = TargetLimits::default();
        let legal = obj
            .get("legal")
            .and_then(|l| self.legal(l, &path.key("legal")));
        let legal = legal.map(|(p, ext)| {
            out.legal_extension = ext;
            p
        });
        if let Some(list) = obj.get("promise_if") {
            out.promise_if = self.promise_if(list, &path.key("promise_if"));
        }
        let lp = path.key("legal_if");
        if let Some(items) = obj
            .get("legal_if")
            .and_then(|l| self.list(l, &lp, limits::MAX_LIST_ENTRIES))
        {
            for (j, item) in items.iter().enumerate() {
                let ip = lp.index(j);
                let Some(o) = self.object(item, &ip, keys::LEGAL_IF, &["when", "legal"]) else {
                    continue;
                };
                let when = o.get("when").and_then(|c| self.cond(c, &ip.key("when")));
                let legal = o.get("legal").and_then(|l| self.legal(l, &ip.key("legal")));
                if let (Some(when), Some((limit, extension))) = (when, legal) {
                    out.legal_if.push(LegalIf {
                        when,
                        limit,
                        extension,
                    });
                }
            }
        }
        (legal, out)
    }

    /// `promise_if`: `[{"when", "promise"}]`.
    pub(super) fn promise_if(&mut self, v: &Value, path: &Path<'_>) -> Vec<LimitIf> {
        let mut out = Vec::new();
        let Some(items) = self.list(v, path, limits::MAX_LIST_ENTRIES) else {
            return out;
        };
        for (j, item) in items.iter().enumerate() {
            let ip = path.index(j);
            let Some(o) = self.object(item, &ip, keys::PROMISE_IF, &["when", "promise"]) else {
                continue;
            };
            let when = o.get("when").and_then(|c| self.cond(c, &ip.key("when")));
            let limit = o
                .get("promise")
                .and_then(|l| self.period(l, &ip.key("promise")));
            if let (Some(when), Some(limit)) = (when, limit) {
                out.push(LimitIf { when, limit });
            }
        }
        out
    }

    /// `office`: `{"name", "address"?, "phone"?, "hours"?}`, label maps.
    pub(super) fn office(&mut self, v: &Value, path: &Path<'_>) -> Option<Office> {
        let obj = self.object(v, path, keys::OFFICE, &["name"])?;
        let name = self.opt_label(obj, path, "name");
        let address = self.opt_label(obj, path, "address");
        let phone = self.opt_label(obj, path, "phone");
        let hours = self.opt_label(obj, path, "hours");
        Some(Office {
            name: name?,
            address,
            phone,
            hours,
        })
    }

    /// `regions`: `{"<id>": {"name", "office"?, "cutoff"?, "calendar"?, "promise"?,
    /// "promise_if"?, "limits"?}}` (SPEC §7.8).
    pub(super) fn regions(
        &mut self,
        v: &Value,
        index: &StageIndex<'_>,
        beyond: Option<BeyondCoverage>,
    ) -> Vec<Region> {
        let root = Path::Text("regions");
        let entries = self.id_map(v, &root, IdKind::Other, limits::MAX_REGIONS);
        let mut out = Vec::new();
        for (id, rv) in entries {
            if let Some(r) = self.region(id, rv, &root.key(id), index, beyond) {
                out.push(r);
            }
        }
        out
    }

    fn region(
        &mut self,
        id: &str,
        v: &Value,
        path: &Path<'_>,
        index: &StageIndex<'_>,
        beyond: Option<BeyondCoverage>,
    ) -> Option<Region> {
        let obj = self.object(v, path, keys::REGION, &["name"])?;
        let before = self.issues.len();
        let name = self.opt_label(obj, path, "name");
        let office = obj
            .get("office")
            .and_then(|o| self.office(o, &path.key("office")));
        let cutoff = obj
            .get("cutoff")
            .and_then(|c| self.cutoff(c, &path.key("cutoff")));
        let calendar = match obj.get("calendar") {
            None => None,
            Some(c) => {
                let cp = path.key("calendar");
                let choice = self.calendar_at(Some(c), &cp);
                match (choice, beyond) {
                    (Some(choice), Some(beyond)) => self.build_calendar(choice, beyond, &cp),
                    _ => None,
                }
            }
        };
        let promise = obj
            .get("promise")
            .and_then(|p| self.period(p, &path.key("promise")));
        let promise_if = match obj.get("promise_if") {
            Some(l) => self.promise_if(l, &path.key("promise_if")),
            None => Vec::new(),
        };
        let mut limits = Vec::new();
        if let Some(lv) = obj.get("limits") {
            let lp = path.key("limits");
            if let Some(lo) = lv.as_object() {
                for (key, val) in lo {
                    let kp = lp.key(key);
                    if key == "$comment" {
                        self.comment(val, &kp);
                        continue;
                    }
                    let target = self.region_stage(key, index, &kp);
                    let limit = self.period(val, &kp);
                    if let (Some((service, stage)), Some(limit)) = (target, limit) {
                        limits.push(RegionLimit {
                            service,
                            stage,
                            limit,
                        });
                    }
                }
            } else {
                self.mismatch(
                    lv,
                    &lp,
                    "以 `<事项>.<阶段>` 为键的对象",
                    "an object keyed by `<service>.<stage>`",
                );
            }
        }
        limits.sort_by_key(|l| (l.service, l.stage));
        if self.issues.len() > before {
            return None;
        }
        Some(Region {
            id: id.to_string(),
            name: name?,
            office,
            cutoff,
            calendar,
            promise,
            promise_if,
            limits,
        })
    }

    /// A key of a region's `limits`: `"<service>.<stage>"`.
    fn region_stage(
        &mut self,
        key: &str,
        index: &StageIndex<'_>,
        path: &Path<'_>,
    ) -> Option<(usize, usize)> {
        if let Some(found) = index.stage(key) {
            return Some(found);
        }
        let shown_k = shown(&Value::String(key.to_string()));
        if let Some((_, stages, rest)) = index.split(key) {
            let svc = key
                .get(..key.len().saturating_sub(rest.len() + 1))
                .unwrap_or(key);
            let help = did_you_mean(rest, stages.iter().flatten().copied());
            self.push_help(
                path,
                Code::UnknownStage,
                m(
                    format!(
                        "事项 `{svc}` 没有阶段 `{}`",
                        shown(&Value::String(rest.into()))
                    ),
                    format!(
                        "service `{svc}` has no stage `{}`",
                        shown(&Value::String(rest.into()))
                    ),
                ),
                At::Key,
                help,
            );
            return None;
        }
        let head = key.split('.').next().unwrap_or(key);
        let help = did_you_mean(head, index.ids());
        self.push_help(
            path,
            Code::UnknownService,
            m(
                format!(
                    "`{shown_k}` 应为 `<事项>.<阶段>`，但没有事项 `{}`",
                    shown(&Value::String(head.into()))
                ),
                format!(
                    "`{shown_k}` should be `<service>.<stage>`, but there is no service `{}`",
                    shown(&Value::String(head.into()))
                ),
            ),
            At::Key,
            help,
        );
        None
    }

    /// Reports a cycle through several services of each bundle (SPEC §7.3) at the cross-service
    /// `after` entry that closes it.
    pub(super) fn bundle_cycles(&mut self, services: &[Service], bundles: &[Bundle]) {
        for b in bundles {
            let Some(cycle) = graph::bundle_cycle(services, &b.services) else {
                continue;
            };
            let node = |&(s, st): &(usize, Option<usize>)| {
                let svc = services.get(s).map(|x| x.id.as_str()).unwrap_or("");
                match st.and_then(|i| services.get(s).and_then(|x| x.stages.get(i))) {
                    Some(stage) => format!("`{svc}.{}`", stage.id),
                    None => format!("`{svc}`"),
                }
            };
            let chain: Vec<String> = cycle.iter().chain(cycle.first()).map(node).collect();
            let chain = chain.join(" → ");
            // The first step of the cycle that crosses to another service.
            let step =
                cycle
                    .iter()
                    .zip(cycle.iter().cycle().skip(1))
                    .find_map(|(&(s, st), &(t, tst))| {
                        let i = st?;
                        if s == t {
                            return None;
                        }
                        let stage = services.get(s)?.stages.get(i)?;
                        let dep = stage
                            .after_services
                            .iter()
                            .find(|d| d.service == t && d.stage == tst)?;
                        Some((s, i, dep.at))
                    });
            let Some((s, i, at)) = step else { continue };
            let Some(sid) = services.get(s).map(|x| x.id.as_str()) else {
                continue;
            };
            let root = Path::Text("services");
            let sp = root.key(sid);
            let stp = sp.key("stages");
            let ip = stp.index(i);
            let ap = ip.key("after");
            self.push(
                &ap.index(at),
                Code::StageCycle,
                m(
                    format!("联办 `{}` 中的事项相互等待：{chain}（每一项都在等待下一项）", b.id),
                    format!(
                        "the services of bundle `{}` wait for each other in a cycle: {chain} (each waits for the next)",
                        b.id
                    ),
                ),
                At::Value,
            );
        }
    }
}
