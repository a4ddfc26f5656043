//! Reading and wording the values of policy documents for the diff: defaults, cleaning,
//! periods, labels and requirements as short phrases.

use std::collections::BTreeSet;

use serde_json::{Map, Value};

pub(super) static NULL: Value = Value::Null;

pub(super) fn get<'a>(v: &'a Value, key: &str) -> &'a Value {
    v.get(key).unwrap_or(&NULL)
}

pub(super) fn obj(v: &Value) -> Option<&Map<String, Value>> {
    v.as_object()
}

/// A value without `$comment` anywhere.
pub(super) fn clean(v: &Value) -> Value {
    match v {
        Value::Object(m) => {
            let mut out = Map::new();
            for (k, v) in m.iter().filter(|(k, _)| !k.starts_with('$')) {
                out.insert(k.clone(), clean(v));
            }
            Value::Object(out)
        }
        Value::Array(a) => Value::Array(a.iter().map(clean).collect()),
        v => v.clone(),
    }
}

/// A value with its default when absent.
pub(super) fn or(v: &Value, dflt: Value) -> Value {
    if v.is_null() {
        dflt
    } else {
        clean(v)
    }
}

pub(super) fn keys<'a>(a: &'a Value, b: &'a Value) -> BTreeSet<&'a String> {
    let mut s: BTreeSet<&String> = BTreeSet::new();
    for v in [a, b] {
        if let Some(m) = obj(v) {
            s.extend(m.keys().filter(|k| !k.starts_with('$')));
        }
    }
    s
}

/// Entries of a list keyed by `key` (`ref` for materials, `id` for stages), in order.
pub(super) fn keyed<'a>(v: &'a Value, key: &str) -> Vec<(String, &'a Value)> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|e| {
                    e.get(key)
                        .and_then(Value::as_str)
                        .map(|k| (k.to_string(), e))
                })
                .collect()
        })
        .unwrap_or_default()
}

pub(super) fn label(v: &Value, en: bool) -> Option<String> {
    let l = if en {
        v.get("en").or_else(|| v.get("zh-CN"))
    } else {
        v.get("zh-CN")
    };
    l.and_then(Value::as_str).map(str::to_string)
}

pub(super) fn period_text(v: &Value, en: bool) -> Option<String> {
    use crate::text::{period, Locale};
    let m = obj(v)?;
    if m.len() != 1 {
        return None;
    }
    let (k, n) = m.iter().next()?;
    let n = u32::try_from(n.as_u64()?).ok()?;
    let unit = period::unit_of_key(k)?;
    Some(period::words(
        unit,
        n,
        if en { Locale::En } else { Locale::ZhCn },
    ))
}

/// A value as a short phrase in a message.
pub(super) fn show(v: &Value, en: bool) -> String {
    if let Some(p) = period_text(v, en) {
        return p;
    }
    match v {
        Value::Null => (if en { "none" } else { "无" }).into(),
        Value::Bool(true) => (if en { "yes" } else { "是" }).into(),
        Value::Bool(false) => (if en { "no" } else { "否" }).into(),
        Value::String(s) => format!("`{s}`"),
        Value::Number(n) => n.to_string(),
        v => {
            let s = crate::api::to_json(v);
            if s.chars().count() > 120 {
                let cut: String = s.chars().take(117).collect();
                format!("{cut}…")
            } else {
                s
            }
        }
    }
}

/// `old → new` in a message.
pub(super) fn arrow(old: &Value, new: &Value, en: bool) -> String {
    format!("{} → {}", show(old, en), show(new, en))
}

pub(super) fn strs(v: &[String]) -> Value {
    Value::Array(v.iter().map(|s| Value::String(s.clone())).collect())
}

pub(super) fn label_word(k: &str, en: bool) -> &'static str {
    match (k, en) {
        ("title", false) => "标题",
        ("name", false) => "名称",
        ("department", false) => "实施部门",
        ("label", false) => "显示名称",
        ("description", false) => "说明",
        ("value_labels", false) => "选项名称",
        ("title", true) => "title",
        ("name", true) => "name",
        ("department", true) => "department",
        ("label", true) => "label",
        ("description", true) => "description",
        ("value_labels", true) => "value labels",
        (_, false) => "文字",
        (_, true) => "text",
    }
}

pub(super) fn req_text(v: &Value, en: bool) -> String {
    match v {
        Value::Bool(true) => (if en { "always" } else { "必须提交" }).into(),
        Value::Bool(false) | Value::Null => (if en { "never" } else { "不要求" }).into(),
        Value::String(s) => {
            if en {
                format!("if `{s}`")
            } else {
                format!("当 `{s}` 时")
            }
        }
        v => show(v, en),
    }
}
