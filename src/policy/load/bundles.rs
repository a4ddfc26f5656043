//! Bundles: services run together, one intake and one finish.

use super::*;

impl Ctx {
    pub(super) fn bundle(
        &mut self,
        id: &str,
        v: &Value,
        path: &Path<'_>,
        service_ids: &[&str],
    ) -> Option<Bundle> {
        if service_ids.binary_search(&id).is_ok() {
            self.push(
                path,
                Code::DuplicateId,
                m(
                    format!("联办 id `{id}` 与同名事项冲突（事项和联办共用一个 id 空间）"),
                    format!("bundle id `{id}` is also a service id (services and bundles share one namespace)"),
                ),
                At::Key,
            );
        }
        let obj = self.object(v, path, keys::BUNDLE, &["name", "services"])?;
        let before = self.issues.len();
        let name = self.opt_label(obj, path, "name");
        let mut services = Vec::new();
        let mut repeated = Vec::new();
        let mut first_at: BTreeMap<usize, usize> = BTreeMap::new();
        if let Some(list) = obj
            .get("services")
            .and_then(|l| self.list(l, &path.key("services"), limits::MAX_LIST_ENTRIES))
        {
            let sp = path.key("services");
            if list.is_empty() {
                self.bad_value(
                    &sp,
                    "联办至少需要一个事项".to_string(),
                    "a bundle needs at least one service".to_string(),
                    At::Value,
                );
            }
            for (i, s) in list.iter().enumerate() {
                let ip = sp.index(i);
                let Some(sid) = self.string(s, &ip) else {
                    continue;
                };
                match service_ids.binary_search(&sid) {
                    Ok(ix) => {
                        // A repeat is a lint finding (`duplicate_service`); it is ignored here.
                        match first_at.get(&ix) {
                            Some(&first) => repeated.push(RepeatedService {
                                at: i,
                                first,
                                service: ix,
                            }),
                            None => {
                                first_at.insert(ix, i);
                                services.push(ix);
                            }
                        }
                    }
                    Err(_) => {
                        let help = did_you_mean(sid, service_ids.iter().copied());
                        self.push_help(
                            &ip,
                            Code::UnknownService,
                            m(
                                format!("没有事项 `{}`", shown(s)),
                                format!("there is no service `{}`", shown(s)),
                            ),
                            At::Value,
                            help,
                        );
                    }
                }
            }
        }
        let phase = |key: &str, this: &mut Self| -> Option<Phase> {
            let pv = obj.get(key)?;
            let pp = path.key(key);
            let po = this.object(pv, &pp, keys::PHASE, &["limit"])?;
            let limit = po
                .get("limit")
                .and_then(|l| this.period(l, &pp.key("limit")));
            let name = this.opt_label(po, &pp, "name");
            Some(Phase {
                name,
                limit: limit?,
            })
        };
        let intake = phase("intake", self);
        let finish = phase("finish", self);
        let promise = obj
            .get("promise")
            .and_then(|p| self.period(p, &path.key("promise")));
        let (legal, limits) = self.target_limits(obj, path);
        let basis = self.opt_basis(obj, path);
        let acceptance = match obj.get("acceptance") {
            None => Some(Acceptance::Together),
            Some(a) => {
                let p = path.key("acceptance");
                self.string(a, &p).and_then(|s| {
                    let r = Acceptance::parse(s);
                    if r.is_none() {
                        let help = did_you_mean(s, Acceptance::ALL.iter().map(|(n, _)| *n));
                        self.bad_value_help(
                            &p,
                            format!("`{}` 应为 `together` 或 `per_service`", shown(a)),
                            format!("`{}` is not `together` or `per_service`", shown(a)),
                            At::Value,
                            help,
                        );
                    }
                    r
                })
            }
        };
        if self.issues.len() > before {
            return None;
        }
        Some(Bundle {
            id: id.to_string(),
            name: name?,
            services,
            repeated,
            intake,
            finish,
            promise,
            legal,
            limits,
            basis,
            acceptance: acceptance?,
        })
    }
}
