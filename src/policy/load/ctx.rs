//! The loader's context: the issues found so far and the primitive readers (objects, ids,
//! strings, labels, basis, periods, dates, conditions) every part of the document uses.

use super::*;

pub(super) struct Ctx {
    pub(super) issues: Vec<Issue>,
    pub(super) schema: FieldSchema,
}

impl Ctx {
    pub(super) fn push(&mut self, path: &Path<'_>, code: Code, message: Message, at: At) {
        self.push_help(path, code, message, at, None);
    }

    /// [`Ctx::push`] with the did-you-mean `help` (from [`did_you_mean`]).
    pub(super) fn push_help(
        &mut self,
        path: &Path<'_>,
        code: Code,
        message: Message,
        at: At,
        help: Option<(String, String)>,
    ) {
        self.issues.push(Issue {
            path: path.render(),
            code,
            message,
            at,
            help: help.map(Message::from),
        });
    }

    pub(super) fn mismatch(&mut self, v: &Value, path: &Path<'_>, want_zh: &str, want_en: &str) {
        let (k_en, k_zh) = kind(v);
        self.push(
            path,
            Code::TypeMismatch,
            m(
                format!("应为{want_zh}，实际为{k_zh}"),
                format!("expected {want_en}, found {k_en}"),
            ),
            At::Value,
        );
    }

    pub(super) fn comment(&mut self, v: &Value, path: &Path<'_>) {
        let ok = match v {
            Value::String(_) => true,
            Value::Array(items) => items.iter().all(Value::is_string),
            _ => false,
        };
        if !ok {
            self.mismatch(
                v,
                path,
                "字符串或字符串列表",
                "a string or a list of strings",
            );
        }
    }

    /// An object with the keys `allowed` (`$comment` everywhere), `required` present.
    pub(super) fn object<'v>(
        &mut self,
        v: &'v Value,
        path: &Path<'_>,
        allowed: &[&str],
        required: &[&str],
    ) -> Option<&'v Map<String, Value>> {
        let Some(obj) = v.as_object() else {
            self.mismatch(v, path, "对象", "an object");
            return None;
        };
        for (k, val) in obj {
            let p = path.key(k);
            if k == "$comment" {
                self.comment(val, &p);
            } else if k == "$schema" && allowed.contains(&"$schema") {
                if !val.is_string() {
                    self.mismatch(val, &p, "字符串", "a string");
                }
            } else if !allowed.contains(&k.as_str()) {
                let help = did_you_mean(k, allowed.iter().copied());
                self.push_help(
                    &p,
                    Code::UnknownField,
                    m(
                        format!("未知字段 `{}`", shown(&Value::String(k.clone()))),
                        format!("unknown field `{}`", shown(&Value::String(k.clone()))),
                    ),
                    At::Key,
                    help,
                );
            }
        }
        // A required key that a misspelt key already points to (did you mean) is not reported
        // missing as well: the did-you-mean says it all.
        let meant: Vec<&str> = obj
            .keys()
            .filter(|k| !allowed.contains(&k.as_str()))
            .filter_map(|k| crate::text::suggest::suggest(k, allowed.iter().copied()))
            .collect();
        for r in required {
            if !obj.contains_key(*r) && !meant.contains(r) {
                self.push(
                    &path.key(r),
                    Code::MissingField,
                    m(
                        format!("缺少必填字段 `{r}`"),
                        format!("missing required field `{r}`"),
                    ),
                    At::Of(path.render()),
                );
            }
        }
        Some(obj)
    }

    /// An object keyed by ids (fields, materials, services, bundles).
    pub(super) fn id_map<'v>(
        &mut self,
        v: &'v Value,
        path: &Path<'_>,
        kind: IdKind,
        max: usize,
    ) -> Vec<(&'v String, &'v Value)> {
        let Some(obj) = v.as_object() else {
            self.mismatch(v, path, "以 id 为键的对象", "an object keyed by id");
            return Vec::new();
        };
        let mut out = Vec::new();
        for (k, val) in obj {
            let p = path.key(k);
            if k == "$comment" {
                self.comment(val, &p);
                continue;
            }
            if !valid_id(k, kind) {
                self.bad_id(k, &p, kind, At::Key);
            }
            out.push((k, val));
        }
        if out.len() > max {
            self.push(
                path,
                Code::TooLarge,
                m(
                    format!("条目过多：{} 个，上限为 {max}", out.len()),
                    format!("too many entries: {}, the limit is {max}", out.len()),
                ),
                At::Value,
            );
        }
        out
    }

    pub(super) fn bad_id(&mut self, id: &str, path: &Path<'_>, kind: IdKind, at: At) {
        let shown_id = shown(&Value::String(id.to_string()));
        let (zh, en) = match kind {
            IdKind::Field if matches!(id, "true" | "false" | "in" | "has") => (
                format!("字段 id `{shown_id}` 是条件语言的关键字"),
                format!("field id `{shown_id}` is a keyword of the condition language"),
            ),
            IdKind::Field => (
                format!("字段 id `{shown_id}` 无效：应以字母或下划线开头，仅含字母、数字和下划线，最多 {} 个字符", limits::MAX_ID_CHARS),
                format!("field id `{shown_id}` is invalid: it must start with a letter or `_`, use only letters, digits and `_`, and have at most {} characters", limits::MAX_ID_CHARS),
            ),
            IdKind::Other => (
                format!("id `{shown_id}` 无效：仅可含字母、数字、`_`、`.`、`-`，不能以 `.` 或 `-` 开头，最多 {} 个字符", limits::MAX_ID_CHARS),
                format!("id `{shown_id}` is invalid: it may use only letters, digits, `_`, `.` and `-`, must not start with `.` or `-`, and has at most {} characters", limits::MAX_ID_CHARS),
            ),
        };
        self.push(path, Code::BadId, m(zh, en), at);
    }

    pub(super) fn string<'v>(&mut self, v: &'v Value, path: &Path<'_>) -> Option<&'v str> {
        match v.as_str() {
            Some(s) => Some(s),
            None => {
                self.mismatch(v, path, "字符串", "a string");
                None
            }
        }
    }

    pub(super) fn boolean(&mut self, v: &Value, path: &Path<'_>) -> Option<bool> {
        match v.as_bool() {
            Some(b) => Some(b),
            None => {
                self.mismatch(v, path, "`true` 或 `false`", "`true` or `false`");
                None
            }
        }
    }

    pub(super) fn list<'v>(
        &mut self,
        v: &'v Value,
        path: &Path<'_>,
        max: usize,
    ) -> Option<&'v Vec<Value>> {
        let Some(items) = v.as_array() else {
            self.mismatch(v, path, "列表", "a list");
            return None;
        };
        if items.len() > max {
            self.push(
                path,
                Code::TooLarge,
                m(
                    format!("列表过长：{} 项，上限为 {max}", items.len()),
                    format!("too many entries: {}, the limit is {max}", items.len()),
                ),
                At::Value,
            );
        }
        Some(items)
    }

    pub(super) fn label(&mut self, v: &Value, path: &Path<'_>) -> Option<Label> {
        let Some(obj) = v.as_object() else {
            self.mismatch(
                v,
                path,
                "多语言文本，如 `{\"zh-CN\": \"…\"}`",
                "a label such as `{\"zh-CN\": \"…\"}`",
            );
            return None;
        };
        let mut map = BTreeMap::new();
        let mut ok = true;
        for (k, val) in obj {
            let p = path.key(k);
            if k == "$comment" {
                self.comment(val, &p);
                continue;
            }
            if !valid_locale(k) {
                let help = did_you_mean(k, ["zh-CN", "en"]);
                self.push_help(
                    &p,
                    Code::UnknownField,
                    m(
                        format!("`{}` 不是语言标记", shown(&Value::String(k.clone()))),
                        format!("`{}` is not a locale tag", shown(&Value::String(k.clone()))),
                    ),
                    At::Key,
                    help,
                );
                ok = false;
                continue;
            }
            let Some(text) = val.as_str() else {
                self.mismatch(val, &p, "字符串", "a string");
                ok = false;
                continue;
            };
            if text.len() > limits::MAX_LABEL_CHARS
                && text.chars().count() > limits::MAX_LABEL_CHARS
            {
                self.push(
                    &p,
                    Code::TooLarge,
                    m(
                        format!("文本过长，上限为 {} 个字符", limits::MAX_LABEL_CHARS),
                        format!(
                            "the text is longer than {} characters",
                            limits::MAX_LABEL_CHARS
                        ),
                    ),
                    At::Value,
                );
                ok = false;
            }
            map.insert(k.clone(), text.to_string());
        }
        match map.get("zh-CN") {
            None => {
                self.push(
                    path,
                    Code::MissingLabel,
                    m("缺少 `zh-CN` 文本", "the label has no `zh-CN` text"),
                    At::Value,
                );
                ok = false;
            }
            Some(t) if t.trim().is_empty() => {
                self.push(
                    &path.key("zh-CN"),
                    Code::MissingLabel,
                    m("`zh-CN` 文本为空", "the `zh-CN` text is empty"),
                    At::Value,
                );
                ok = false;
            }
            Some(_) => {}
        }
        ok.then_some(Label::from(map))
    }

    pub(super) fn basis(&mut self, v: &Value, path: &Path<'_>) -> Option<Basis> {
        let obj = self.object(v, path, keys::BASIS, &["label"])?;
        let label = obj
            .get("label")
            .and_then(|l| self.label(l, &path.key("label")));
        let mut url = None;
        if let Some(u) = obj.get("url") {
            let p = path.key("url");
            if let Some(s) = self.string(u, &p) {
                if s.starts_with("https://") || s.starts_with("http://") {
                    url = Some(s.to_string());
                } else {
                    self.push(
                        &p,
                        Code::BadValue,
                        m(
                            format!("`{}` 不是 `https://` 网址", shown(u)),
                            format!("`{}` is not an `https://` address", shown(u)),
                        ),
                        At::Value,
                    );
                }
            }
        }
        Some(Basis { label: label?, url })
    }

    pub(super) fn opt_basis(&mut self, obj: &Map<String, Value>, path: &Path<'_>) -> Option<Basis> {
        obj.get("basis")
            .and_then(|b| self.basis(b, &path.key("basis")))
    }

    pub(super) fn opt_label(
        &mut self,
        obj: &Map<String, Value>,
        path: &Path<'_>,
        key: &str,
    ) -> Option<Label> {
        obj.get(key).and_then(|l| self.label(l, &path.key(key)))
    }

    pub(super) fn period(&mut self, v: &Value, path: &Path<'_>) -> Option<Period> {
        let shape_zh =
            "时限应恰为 `working_days`、`natural_days`、`months` 之一，如 `{\"working_days\": 5}`";
        let shape_en = "a limit is exactly one of `working_days`, `natural_days` or `months`, such as `{\"working_days\": 5}`";
        let Some(obj) = v.as_object() else {
            let (k_en, k_zh) = kind(v);
            self.push(
                path,
                Code::BadLimit,
                m(
                    format!("{shape_zh}，实际为{k_zh}"),
                    format!("{shape_en}, found {k_en}"),
                ),
                At::Value,
            );
            return None;
        };
        let mut units: Vec<(&String, &Value)> = Vec::new();
        for (k, val) in obj {
            if k == "$comment" {
                self.comment(val, &path.key(k));
            } else {
                units.push((k, val));
            }
        }
        let [(unit, n)] = units.as_slice() else {
            self.push(path, Code::BadLimit, m(shape_zh, shape_en), At::Value);
            return None;
        };
        let p = path.key(unit);
        let max = match unit.as_str() {
            "working_days" | "natural_days" => 36_500,
            "months" => 1_200,
            other => {
                let help = did_you_mean(other, ["working_days", "natural_days", "months"]);
                self.push_help(
                    &p,
                    Code::BadLimit,
                    m(
                        format!(
                            "未知的时限单位 `{}`",
                            shown(&Value::String(other.to_string()))
                        ),
                        format!(
                            "unknown limit unit `{}`",
                            shown(&Value::String(other.to_string()))
                        ),
                    ),
                    At::Key,
                    help,
                );
                return None;
            }
        };
        let count = whole(n)
            .filter(|c| *c <= max)
            .and_then(|c| u32::try_from(c).ok());
        let Some(count) = count else {
            let (kz, ke) = if n.is_number() { ("", "") } else { kind_of(n) };
            self.push(
                &p,
                Code::BadLimit,
                m(
                    format!("`{}` 不是 0 到 {max} 之间的整数{kz}", shown(n)),
                    format!("`{}` is not a whole number from 0 to {max}{ke}", shown(n)),
                ),
                At::Value,
            );
            return None;
        };
        Some(match unit.as_str() {
            "working_days" => Period::WorkingDays(count),
            "natural_days" => Period::NaturalDays(count),
            _ => Period::Months(count),
        })
    }

    pub(super) fn date(&mut self, v: &Value, path: &Path<'_>) -> Option<Date> {
        let s = self.string(v, path)?;
        let d = Date::parse(s);
        if d.is_none() {
            self.push(
                path,
                Code::BadDate,
                m(
                    format!("`{}` 不是有效的 `YYYY-MM-DD` 日期", shown(v)),
                    format!("`{}` is not a real `YYYY-MM-DD` date", shown(v)),
                ),
                At::Value,
            );
        }
        d
    }

    pub(super) fn cond(&mut self, v: &Value, path: &Path<'_>) -> Option<Cond> {
        let Some(src) = v.as_str() else {
            self.mismatch(v, path, "条件字符串", "a condition string");
            return None;
        };
        match expr::compile(src, &self.schema) {
            Ok(expr) => Some(Cond {
                src: src.to_string(),
                expr,
            }),
            Err(errors) => {
                for e in errors {
                    self.issues.push(Issue {
                        path: path.render(),
                        code: e.code,
                        message: e.message,
                        at: At::InString(e.offset),
                        help: e.help,
                    });
                }
                None
            }
        }
    }

    pub(super) fn requirement(&mut self, v: &Value, path: &Path<'_>) -> Option<Requirement> {
        match v {
            Value::Bool(true) => Some(Requirement::Always),
            Value::Bool(false) => Some(Requirement::Never),
            Value::String(_) => self.cond(v, path).map(Requirement::If),
            other => {
                self.mismatch(
                    other,
                    path,
                    "`true`、`false` 或条件字符串",
                    "`true`, `false` or a condition string",
                );
                None
            }
        }
    }

    pub(super) fn bad_value(&mut self, path: &Path<'_>, zh: String, en: String, at: At) {
        self.push(path, Code::BadValue, m(zh, en), at);
    }

    /// [`Ctx::bad_value`] with the did-you-mean `help`.
    pub(super) fn bad_value_help(
        &mut self,
        path: &Path<'_>,
        zh: String,
        en: String,
        at: At,
        help: Option<(String, String)>,
    ) {
        self.push_help(path, Code::BadValue, m(zh, en), at, help);
    }

    /// A count (`max_missing`, `max_length` …): a number that is not a whole number is a bad
    /// value; anything else (`"1"`, a string) is a type mismatch, which is the actual fault.
    pub(super) fn bad_count(&mut self, v: &Value, path: &Path<'_>) {
        if v.is_number() {
            self.bad_value(
                path,
                format!("`{}` 不是非负整数", shown(v)),
                format!("`{}` is not a whole number", shown(v)),
                At::Value,
            );
        } else {
            self.mismatch(v, path, "非负整数", "a whole number");
        }
    }
}

/// "（应为数字，实际为字符串）" for a value that is not a number at all.
fn kind_of(v: &Value) -> (&'static str, &'static str) {
    match v {
        Value::String(_) => (
            "（应为数字，实际为字符串）",
            " (it is a string; write the number without quotes)",
        ),
        Value::Bool(_) => (
            "（应为数字，实际为布尔值）",
            " (it is a boolean, not a number)",
        ),
        Value::Null => ("（应为数字，实际为 null）", " (it is null, not a number)"),
        _ => ("（应为数字）", " (it is not a number)"),
    }
}
