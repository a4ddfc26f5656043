//! Form fields and the material catalogue.

use super::*;

impl Ctx {
    pub(super) fn field(&mut self, id: &str, v: &Value, path: &Path<'_>) -> Option<Field> {
        let obj = self.object(v, path, keys::FIELD, &["type"])?;
        let ty_name = obj.get("type").and_then(|t| {
            let p = path.key("type");
            let s = self.string(t, &p)?;
            if keys::FIELD_TYPES.contains(&s) {
                Some(s)
            } else {
                let help = did_you_mean(s, keys::FIELD_TYPES.iter().copied());
                self.bad_value_help(
                    &p,
                    format!("未知的字段类型 `{}`", shown(t)),
                    format!("unknown field type `{}`", shown(t)),
                    At::Value,
                    help,
                );
                None
            }
        });
        if let Some(ty) = ty_name {
            for (key, owner) in keys::FIELD_TYPE_ONLY {
                if obj.contains_key(*key) && *owner != ty {
                    self.push(
                        &path.key(key),
                        Code::UnknownField,
                        m(
                            format!("`{key}` 仅适用于 `{owner}` 类型的字段，不适用于 `{ty}`"),
                            format!("`{key}` applies only to `{owner}` fields, not `{ty}`"),
                        ),
                        At::Key,
                    );
                }
            }
        }
        let label = self.opt_label(obj, path, "label");
        let description = self.opt_label(obj, path, "description");
        let required = match obj.get("required") {
            None => Some(Requirement::Never),
            Some(r) => self.requirement(r, &path.key("required")),
        };

        let mut values: Vec<String> = Vec::new();
        if ty_name == Some("enum") {
            let p = path.key("values");
            match obj.get("values") {
                None => self.push(
                    &p,
                    Code::MissingField,
                    m("枚举字段缺少 `values`", "an enum field needs `values`"),
                    At::Of(path.render()),
                ),
                Some(list) => {
                    if let Some(items) = self.list(list, &p, limits::MAX_LIST_ENTRIES) {
                        if items.is_empty() {
                            self.bad_value(
                                &p,
                                "`values` 不能为空".to_string(),
                                "`values` must not be empty".to_string(),
                                At::Value,
                            );
                        }
                        for (i, item) in items.iter().enumerate() {
                            let ip = p.index(i);
                            let Some(s) = self.string(item, &ip) else {
                                continue;
                            };
                            if s.is_empty() {
                                self.bad_value(
                                    &ip,
                                    "枚举值不能为空字符串".to_string(),
                                    "an enum value must not be empty".to_string(),
                                    At::Value,
                                );
                            } else if values.iter().any(|x| x == s) {
                                self.bad_value(
                                    &ip,
                                    format!("枚举值 `{}` 重复", shown(item)),
                                    format!("enum value `{}` is listed twice", shown(item)),
                                    At::Value,
                                );
                            } else {
                                values.push(s.to_string());
                            }
                        }
                    }
                }
            }
        }
        let mut value_labels = BTreeMap::new();
        if let Some(vl) = obj.get("value_labels").filter(|_| ty_name == Some("enum")) {
            let p = path.key("value_labels");
            if let Some(map) = vl.as_object() {
                for (k, l) in map {
                    let kp = p.key(k);
                    if k == "$comment" {
                        self.comment(l, &kp);
                        continue;
                    }
                    if !values.iter().any(|x| x == k) {
                        let help = did_you_mean(k, values.iter().map(String::as_str));
                        self.bad_value_help(
                            &kp,
                            format!("`{}` 不在 `values` 中", shown(&Value::String(k.clone()))),
                            format!(
                                "`{}` is not one of the `values`",
                                shown(&Value::String(k.clone()))
                            ),
                            At::Key,
                            help,
                        );
                    }
                    if let Some(l) = self.label(l, &kp) {
                        value_labels.insert(k.clone(), l);
                    }
                }
            } else {
                self.mismatch(vl, &p, "对象", "an object");
            }
        }

        let num = |key: &str, this: &mut Self| -> Option<f64> {
            let v = obj.get(key)?;
            let r = v.as_f64();
            if r.is_none() {
                this.mismatch(v, &path.key(key), "数字", "a number");
            }
            r
        };
        let (min, max) = if ty_name == Some("number") {
            (num("min", self), num("max", self))
        } else {
            (None, None)
        };
        if let (Some(lo), Some(hi)) = (min, max) {
            if lo > hi {
                self.bad_value(
                    &path.key("max"),
                    format!("`max` {hi} 小于 `min` {lo}"),
                    format!("`max` {hi} is less than `min` {lo}"),
                    At::Value,
                );
            }
        }
        let integer = match obj.get("integer").filter(|_| ty_name == Some("number")) {
            Some(b) => self.boolean(b, &path.key("integer")).unwrap_or(false),
            None => false,
        };
        let format = obj
            .get("format")
            .filter(|_| ty_name == Some("string"))
            .and_then(|f| {
                let p = path.key("format");
                let s = self.string(f, &p)?;
                let r = StringFormat::parse(s);
                if r.is_none() {
                    let help = did_you_mean(s, StringFormat::ALL.iter().map(|(n, _)| *n));
                    self.push_help(
                        &p,
                        Code::UnknownFormat,
                        m(
                            format!("未知的格式 `{}`", shown(f)),
                            format!("unknown format `{}`", shown(f)),
                        ),
                        At::Value,
                        help,
                    );
                }
                r
            });
        let max_length = obj
            .get("max_length")
            .filter(|_| ty_name == Some("string"))
            .and_then(|n| {
                let r = whole(n).and_then(|x| u32::try_from(x).ok());
                if r.is_none() {
                    self.bad_count(n, &path.key("max_length"));
                }
                r
            });

        let source = match obj.get("source") {
            None => Some(FieldSource::Applicant),
            Some(v) => {
                let p = path.key("source");
                self.string(v, &p).and_then(|s| {
                    let r = FieldSource::parse(s);
                    if r.is_none() {
                        let help = did_you_mean(s, FieldSource::ALL.iter().map(|(n, _)| *n));
                        self.bad_value_help(
                            &p,
                            format!("`{}` 应为 `applicant`、`office` 或 `shared_data`", shown(v)),
                            format!(
                                "`{}` is not `applicant`, `office` or `shared_data`",
                                shown(v)
                            ),
                            At::Value,
                            help,
                        );
                    }
                    r
                })
            }
        };
        let ty = match ty_name? {
            "string" => FieldType::String,
            "number" => FieldType::Number,
            "bool" => FieldType::Bool,
            "date" => FieldType::Date,
            _ => FieldType::Enum(values),
        };
        let label = match obj.get("label") {
            Some(_) => Some(label?),
            None => None,
        };
        Some(Field {
            id: id.to_string(),
            ty,
            label,
            description,
            value_labels,
            required: required?,
            min,
            max,
            integer,
            format,
            max_length,
            source: source?,
        })
    }

    // ---- materials ----

    pub(super) fn material(&mut self, id: &str, v: &Value, path: &Path<'_>) -> Option<Material> {
        let obj = self.object(v, path, keys::MATERIAL, &["name"])?;
        let name = self.opt_label(obj, path, "name");
        let electronic = obj
            .get("electronic")
            .and_then(|b| self.boolean(b, &path.key("electronic")));
        let (commitment, verify) = match obj.get("commitment") {
            None => (Some(false), None),
            Some(c) => self.commitment(c, &path.key("commitment")),
        };
        let area = match obj.get("area") {
            None => Some(Area::General),
            Some(a) => {
                let p = path.key("area");
                self.string(a, &p).and_then(|s| {
                    let r = Area::parse(s);
                    if r.is_none() {
                        let help = did_you_mean(s, Area::ALL.iter().map(|(n, _)| *n));
                        self.bad_value_help(
                            &p,
                            format!("未知的领域 `{}`", shown(a)),
                            format!("unknown area `{}`", shown(a)),
                            At::Value,
                            help,
                        );
                    }
                    r
                })
            }
        };
        let description = self.opt_label(obj, path, "description");
        let basis = self.opt_basis(obj, path);
        Some(Material {
            id: id.to_string(),
            name: name?,
            electronic: electronic.unwrap_or(false),
            commitment: commitment?,
            verify,
            area: area?,
            area_written: obj.contains_key("area"),
            description,
            basis,
        })
    }

    /// `commitment: true | false | {"verify_within": limit, "method": "site" | "data" |
    /// "documents"}` (SPEC §7.6): whether a commitment is allowed, and its follow-up.
    fn commitment(&mut self, v: &Value, path: &Path<'_>) -> (Option<bool>, Option<Verify>) {
        match v {
            Value::Bool(b) => (Some(*b), None),
            Value::Object(_) => {
                let Some(obj) =
                    self.object(v, path, keys::COMMITMENT, &["verify_within", "method"])
                else {
                    return (None, None);
                };
                let within = obj
                    .get("verify_within")
                    .and_then(|p| self.period(p, &path.key("verify_within")));
                let method = obj.get("method").and_then(|mv| {
                    let p = path.key("method");
                    let s = self.string(mv, &p)?;
                    let r = VerifyMethod::parse(s);
                    if r.is_none() {
                        let help = did_you_mean(s, VerifyMethod::ALL.iter().map(|(n, _)| *n));
                        self.bad_value_help(
                            &p,
                            format!("`{}` 应为 `site`、`data` 或 `documents`", shown(mv)),
                            format!("`{}` is not `site`, `data` or `documents`", shown(mv)),
                            At::Value,
                            help,
                        );
                    }
                    r
                });
                match (within, method) {
                    (Some(within), Some(method)) => (Some(true), Some(Verify { within, method })),
                    _ => (None, None),
                }
            }
            other => {
                self.mismatch(
                    other,
                    path,
                    "`true`、`false` 或 `{\"verify_within\": …, \"method\": …}`",
                    "`true`, `false` or `{\"verify_within\": …, \"method\": …}`",
                );
                (None, None)
            }
        }
    }
}
