//! The top level of a policy: keys, effective range, calendar, cutoff, and the order in which
//! fields, materials, services and bundles are read.

use super::*;

impl Ctx {
    pub(super) fn top(&mut self, doc: &Value) -> Option<Policy> {
        let top = self.object(doc, &Path::ROOT, keys::TOP, keys::TOP_REQUIRED)?;

        if let Some(f) = top.get("format") {
            if f.as_f64() != Some(1.0) {
                self.push(
                    &Path::Text("format"),
                    Code::UnsupportedFormat,
                    m(
                        format!(
                            "不支持格式 `{}`，本版本读取格式 `1`",
                            f.to_string().replace('`', "'")
                        ),
                        format!(
                            "format `{}` is not supported, this release reads format `1`",
                            f.to_string().replace('`', "'")
                        ),
                    ),
                    At::Value,
                );
            }
        }
        let id = top.get("id").and_then(|v| {
            let s = self.string(v, &Path::Text("id"))?;
            if s.is_empty() || s.chars().count() > limits::MAX_POLICY_ID_CHARS {
                self.push(
                    &Path::Text("id"),
                    Code::BadId,
                    m(
                        format!("策略 id 应为 1 到 {} 个字符", limits::MAX_POLICY_ID_CHARS),
                        format!(
                            "the policy id must have 1 to {} characters",
                            limits::MAX_POLICY_ID_CHARS
                        ),
                    ),
                    At::Value,
                );
                return None;
            }
            Some(s.to_string())
        });
        let version = top.get("version").and_then(|v| {
            let s = self.string(v, &Path::Text("version"))?;
            if s.trim().is_empty() || s.chars().count() > limits::MAX_POLICY_ID_CHARS {
                self.bad_value(
                    &Path::Text("version"),
                    format!("版本应为 1 到 {} 个字符", limits::MAX_POLICY_ID_CHARS),
                    format!(
                        "the version must have 1 to {} characters",
                        limits::MAX_POLICY_ID_CHARS
                    ),
                    At::Value,
                );
                return None;
            }
            Some(s.to_string())
        });
        let title = top
            .get("title")
            .and_then(|v| self.label(v, &Path::Text("title")));

        let (effective_from, effective_until) = self.effective(top.get("effective"));
        let calendar_choice = self.calendar_at(top.get("calendar"), &Path::Text("calendar"));
        let cutoff = match top.get("cutoff") {
            None => Some(TimeOfDay::DEFAULT_CUTOFF),
            Some(v) => self.cutoff(v, &Path::Text("cutoff")),
        };
        let beyond = match top.get("beyond_coverage") {
            None => Some(BeyondCoverage::Error),
            Some(v) => self
                .string(v, &Path::Text("beyond_coverage"))
                .and_then(|s| {
                    let b = BeyondCoverage::parse(s);
                    if b.is_none() {
                        let help = did_you_mean(s, ["error", "weekends_only"]);
                        self.bad_value_help(
                            &Path::Text("beyond_coverage"),
                            format!("`{}` 应为 `error` 或 `weekends_only`", shown(v)),
                            format!("`{}` is not `error` or `weekends_only`", shown(v)),
                            At::Value,
                            help,
                        );
                    }
                    b
                }),
        };

        // The catalogue's ids before any condition: status tests (`provided(m)` …) resolve
        // against them, field requirements included.
        let material_entries = top
            .get("materials")
            .map(|v| {
                self.id_map(
                    v,
                    &Path::Text("materials"),
                    IdKind::Other,
                    limits::MAX_MATERIALS,
                )
            })
            .unwrap_or_default();
        let material_ids: Vec<&str> = material_entries.iter().map(|(k, _)| k.as_str()).collect();
        self.schema.materials = material_ids.iter().map(|s| (*s).to_string()).collect();

        // Fields first: every condition is type-checked against them.
        let field_entries = top
            .get("fields")
            .map(|v| self.id_map(v, &Path::Text("fields"), IdKind::Field, limits::MAX_FIELDS))
            .unwrap_or_default();
        for (id, v) in &field_entries {
            if let Some(t) = field_type(v) {
                self.schema.names.push((*id).clone());
                self.schema.types.push(t);
            }
        }
        let fields: Vec<Option<Field>> = field_entries
            .iter()
            .map(|(id, v)| self.field(id, v, &Path::Text("fields").key(id)))
            .collect();

        let materials: Vec<Option<Material>> = material_entries
            .iter()
            .map(|(id, v)| self.material(id, v, &Path::Text("materials").key(id)))
            .collect();

        let service_entries = top
            .get("services")
            .map(|v| {
                self.id_map(
                    v,
                    &Path::Text("services"),
                    IdKind::Other,
                    limits::MAX_SERVICES,
                )
            })
            .unwrap_or_default();
        if top.get("services").is_some_and(Value::is_object) && service_entries.is_empty() {
            self.bad_value(
                &Path::Text("services"),
                "至少需要一个事项".to_string(),
                "a policy needs at least one service".to_string(),
                At::Value,
            );
        }
        let service_ids: Vec<&str> = service_entries.iter().map(|(k, _)| k.as_str()).collect();
        let stage_index = clock::StageIndex::new(&service_entries);
        let services: Vec<Option<Service>> = service_entries
            .iter()
            .map(|(id, v)| {
                let path = Path::Text("services");
                self.service(id, v, &path.key(id), &material_ids, &stage_index)
            })
            .collect();

        let bundle_entries = top
            .get("bundles")
            .map(|v| {
                self.id_map(
                    v,
                    &Path::Text("bundles"),
                    IdKind::Other,
                    limits::MAX_BUNDLES,
                )
            })
            .unwrap_or_default();
        let bundles: Vec<Option<Bundle>> = bundle_entries
            .iter()
            .map(|(id, v)| self.bundle(id, v, &Path::Text("bundles").key(id), &service_ids))
            .collect();
        let office = top
            .get("office")
            .and_then(|o| self.office(o, &Path::Text("office")));
        let regions = match top.get("regions") {
            Some(r) => self.regions(r, &stage_index, beyond),
            None => Vec::new(),
        };

        let correction_notice_within = match top.get("correction_notice_within") {
            None => Some(Period::WorkingDays(5)),
            Some(v) => self.period(v, &Path::Text("correction_notice_within")),
        };
        self.redirects(&services, &service_ids, &bundle_entries);

        let acknowledged = self.acknowledged(top.get("acknowledged"));
        if !self.issues.is_empty() {
            return None;
        }
        let services = services.into_iter().collect::<Option<Vec<_>>>()?;
        let bundles = bundles.into_iter().collect::<Option<Vec<_>>>()?;
        self.bundle_cycles(&services, &bundles);
        if !self.issues.is_empty() {
            return None;
        }
        let beyond = beyond?;
        let (calendar, calendar_info) =
            self.build_calendar(calendar_choice?, beyond, &Path::Text("calendar"))?;
        Some(Policy {
            id: id?,
            version: version?,
            title: title?,
            effective_from,
            effective_until,
            calendar,
            calendar_info,
            cutoff: cutoff?,
            beyond_coverage: beyond,
            field_order: (0..fields.len()).collect(),
            correction_notice_within: correction_notice_within?,
            fields: fields.into_iter().collect::<Option<Vec<_>>>()?,
            materials: materials.into_iter().collect::<Option<Vec<_>>>()?,
            services,
            bundles,
            office,
            regions,
            acknowledged,
            fingerprint_cache: std::sync::OnceLock::new(),
            // Filled in by the caller, which holds the document's text.
            doc: Default::default(),
            positions: false,
            source_cache: std::sync::OnceLock::new(),
        })
    }

    /// Every reject's `redirect` names a service or bundle other than its own service.
    fn redirects(
        &mut self,
        services: &[Option<Service>],
        service_ids: &[&str],
        bundle_entries: &[(&String, &Value)],
    ) {
        let mut targets: Vec<&str> = service_ids.to_vec();
        targets.extend(bundle_entries.iter().map(|(k, _)| k.as_str()));
        crate::sorting::sort_by(&mut targets, |a, b| a.cmp(b));
        for s in services.iter().flatten() {
            for (i, r) in s.rejects.iter().enumerate() {
                let Some(t) = &r.redirect else { continue };
                let sp = Path::Text("services").key(&s.id);
                let rp = sp.key("rejects");
                let ip = rp.index(i);
                let p = ip.key("redirect");
                let shown_t = shown(&Value::String(t.clone()));
                if *t == s.id {
                    self.bad_value(
                        &p,
                        format!("不能改为申请本事项 `{shown_t}` 自身"),
                        format!("a reject cannot redirect to its own service `{shown_t}`"),
                        At::Value,
                    );
                } else if targets.binary_search(&t.as_str()).is_err() {
                    let help = did_you_mean(t, targets.iter().copied());
                    self.push_help(
                        &p,
                        Code::UnknownTarget,
                        m(
                            format!("没有事项或联办 `{shown_t}`"),
                            format!("there is no service or bundle `{shown_t}`"),
                        ),
                        At::Value,
                        help,
                    );
                }
            }
        }
    }

    pub(super) fn effective(&mut self, v: Option<&Value>) -> (Option<Date>, Option<Date>) {
        let Some(v) = v else { return (None, None) };
        let Some(obj) = self.object(v, &Path::Text("effective"), keys::EFFECTIVE, &[]) else {
            return (None, None);
        };
        let from = obj
            .get("from")
            .and_then(|d| self.date(d, &Path::Text("effective.from")));
        let until = obj
            .get("until")
            .and_then(|d| self.date(d, &Path::Text("effective.until")));
        if let (Some(f), Some(u)) = (from, until) {
            if u < f {
                self.push(
                    &Path::Text("effective.until"),
                    Code::BadEffective,
                    m(
                        format!("截止日期 `{u}` 早于起始日期 `{f}`"),
                        format!("`until` `{u}` is before `from` `{f}`"),
                    ),
                    At::Value,
                );
            }
        }
        (from, until)
    }

    pub(super) fn calendar_id(&mut self, v: &Value, path: &Path<'_>) -> Option<String> {
        let s = self.string(v, path)?;
        if Calendar::builtin_ids().contains(&s) {
            return Some(s.to_string());
        }
        let help = did_you_mean(s, Calendar::builtin_ids().iter().copied());
        self.push_help(
            path,
            Code::UnknownCalendar,
            m(
                format!("没有内置日历 `{}`", shown(v)),
                format!("there is no built-in calendar `{}`", shown(v)),
            ),
            At::Value,
            help,
        );
        None
    }

    /// A `cutoff` time (`HH:MM` or `HH:MM:SS`).
    pub(super) fn cutoff(&mut self, v: &Value, path: &Path<'_>) -> Option<TimeOfDay> {
        let s = self.string(v, path)?;
        let t = TimeOfDay::parse(s);
        if t.is_none() {
            self.push(
                path,
                Code::BadTime,
                m(
                    format!("`{}` 不是 `HH:MM` 或 `HH:MM:SS` 时间", shown(v)),
                    format!("`{}` is not an `HH:MM` or `HH:MM:SS` time", shown(v)),
                ),
                At::Value,
            );
        }
        t
    }

    /// The calendar of a choice read by [`Ctx::calendar_at`], with its `{id, version}`.
    pub(super) fn build_calendar(
        &mut self,
        (base, holidays, workdays): (String, Vec<Date>, Vec<Date>),
        beyond: BeyondCoverage,
        path: &Path<'_>,
    ) -> Option<(Calendar, CalendarInfo)> {
        let mut calendar = match Calendar::builtin(&base, beyond) {
            Ok(c) => c,
            Err(e) => {
                self.push(path, e.code(), e.issue.message, At::Value);
                return None;
            }
        };
        if !holidays.is_empty() || !workdays.is_empty() {
            match calendar.with_overrides(&holidays, &workdays) {
                Ok(c) => calendar = c,
                Err(e) => {
                    self.push(path, e.code(), e.issue.message, At::Value);
                    return None;
                }
            }
        }
        let info = CalendarInfo {
            id: calendar.id().to_string(),
            version: calendar.data_version().to_string(),
            holidays: holidays.clone(),
            workdays: workdays.clone(),
        };
        Some((calendar, info))
    }

    /// A `calendar` value at `path` (absent: `cn-mainland`): the base id, holidays, workdays.
    #[allow(clippy::type_complexity)]
    pub(super) fn calendar_at(
        &mut self,
        v: Option<&Value>,
        path: &Path<'_>,
    ) -> Option<(String, Vec<Date>, Vec<Date>)> {
        let Some(v) = v else {
            return Some(("cn-mainland".to_string(), Vec::new(), Vec::new()));
        };
        if v.is_string() {
            return self
                .calendar_id(v, path)
                .map(|id| (id, Vec::new(), Vec::new()));
        }
        if !v.is_object() {
            self.mismatch(
                v,
                path,
                "日历 id 或 `{\"base\": …}` 对象",
                "a calendar id or a `{\"base\": …}` object",
            );
            return None;
        }
        let obj = self.object(v, path, keys::CALENDAR, &["base"])?;
        let base = obj
            .get("base")
            .and_then(|b| self.calendar_id(b, &path.key("base")));
        let mut lists = [Vec::new(), Vec::new()];
        for (slot, key) in lists.iter_mut().zip(["holidays", "workdays"]) {
            let p = path.key(key);
            if let Some(items) = obj
                .get(key)
                .and_then(|l| self.list(l, &p, limits::MAX_LIST_ENTRIES))
            {
                for (i, d) in items.iter().enumerate() {
                    if let Some(d) = self.date(d, &p.index(i)) {
                        slot.push(d);
                    }
                }
            }
        }
        let [holidays, workdays] = lists;
        for (i, d) in workdays.iter().enumerate() {
            if holidays.contains(d) {
                let wp = path.key("workdays");
                self.bad_value(
                    &wp.index(i),
                    format!("`{d}` 同时列为节假日和工作日"),
                    format!("`{d}` is listed both as a holiday and as a workday"),
                    At::Value,
                );
            }
        }
        Some((base?, holidays, workdays))
    }
}
