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
        let calendar_choice = self.calendar(top.get("calendar"));
        let cutoff = match top.get("cutoff") {
            None => Some(TimeOfDay::DEFAULT_CUTOFF),
            Some(v) => self.string(v, &Path::Text("cutoff")).and_then(|s| {
                let t = TimeOfDay::parse(s);
                if t.is_none() {
                    self.push(
                        &Path::Text("cutoff"),
                        Code::BadTime,
                        m(
                            format!("`{}` 不是 `HH:MM` 或 `HH:MM:SS` 时间", shown(v)),
                            format!("`{}` is not an `HH:MM` or `HH:MM:SS` time", shown(v)),
                        ),
                        At::Value,
                    );
                }
                t
            }),
        };
        let beyond = match top.get("beyond_coverage") {
            None => Some(BeyondCoverage::Error),
            Some(v) => self
                .string(v, &Path::Text("beyond_coverage"))
                .and_then(|s| {
                    let b = BeyondCoverage::parse(s);
                    if b.is_none() {
                        let (hz, he) = hint(s, ["error", "weekends_only"]);
                        self.bad_value(
                            &Path::Text("beyond_coverage"),
                            format!("`{}` 应为 `error` 或 `weekends_only`{hz}", shown(v)),
                            format!("`{}` is not `error` or `weekends_only`{he}", shown(v)),
                            At::Value,
                        );
                    }
                    b
                }),
        };

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
        let services: Vec<Option<Service>> = service_entries
            .iter()
            .map(|(id, v)| self.service(id, v, &Path::Text("services").key(id), &material_ids))
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

        let acknowledged = self.acknowledged(top.get("acknowledged"));
        if !self.issues.is_empty() {
            return None;
        }
        let (base, holidays, workdays) = calendar_choice?;
        let overrides = (holidays.clone(), workdays.clone());
        let beyond = beyond?;
        let mut calendar = match Calendar::builtin(&base, beyond) {
            Ok(c) => c,
            Err(e) => {
                self.push(
                    &Path::Text("calendar"),
                    e.code(),
                    e.issue.message,
                    At::Value,
                );
                return None;
            }
        };
        if !holidays.is_empty() || !workdays.is_empty() {
            match calendar.with_overrides(&holidays, &workdays) {
                Ok(c) => calendar = c,
                Err(e) => {
                    self.push(
                        &Path::Text("calendar"),
                        e.code(),
                        e.issue.message,
                        At::Value,
                    );
                    return None;
                }
            }
        }
        let calendar_info = CalendarInfo {
            id: calendar.id().to_string(),
            version: calendar.data_version().to_string(),
            holidays: overrides.0,
            workdays: overrides.1,
        };
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
            fields: fields.into_iter().collect::<Option<Vec<_>>>()?,
            materials: materials.into_iter().collect::<Option<Vec<_>>>()?,
            services: services.into_iter().collect::<Option<Vec<_>>>()?,
            bundles: bundles.into_iter().collect::<Option<Vec<_>>>()?,
            acknowledged,
            fingerprint_cache: std::sync::OnceLock::new(),
            // Filled in by the caller, which can move the document instead of copying it.
            source: Value::Null,
            locations: None,
        })
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
        let (hz, he) = hint(s, Calendar::builtin_ids().iter().copied());
        self.push(
            path,
            Code::UnknownCalendar,
            m(
                format!("没有内置日历 `{}`{hz}", shown(v)),
                format!("there is no built-in calendar `{}`{he}", shown(v)),
            ),
            At::Value,
        );
        None
    }

    #[allow(clippy::type_complexity)]
    pub(super) fn calendar(&mut self, v: Option<&Value>) -> Option<(String, Vec<Date>, Vec<Date>)> {
        let Some(v) = v else {
            return Some(("cn-mainland".to_string(), Vec::new(), Vec::new()));
        };
        if v.is_string() {
            return self
                .calendar_id(v, &Path::Text("calendar"))
                .map(|id| (id, Vec::new(), Vec::new()));
        }
        if !v.is_object() {
            self.mismatch(
                v,
                &Path::Text("calendar"),
                "日历 id 或 `{\"base\": …}` 对象",
                "a calendar id or a `{\"base\": …}` object",
            );
            return None;
        }
        let obj = self.object(v, &Path::Text("calendar"), keys::CALENDAR, &["base"])?;
        let base = obj
            .get("base")
            .and_then(|b| self.calendar_id(b, &Path::Text("calendar.base")));
        let mut lists = [Vec::new(), Vec::new()];
        for (slot, key) in lists.iter_mut().zip(["holidays", "workdays"]) {
            let p = Path::Text("calendar").key(key);
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
                self.bad_value(
                    &Path::Text("calendar.workdays").index(i),
                    format!("`{d}` 同时列为节假日和工作日"),
                    format!("`{d}` is listed both as a holiday and as a workday"),
                    At::Value,
                );
            }
        }
        Some((base?, holidays, workdays))
    }
}
