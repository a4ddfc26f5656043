//! Requests: the structurally checked input of `checklist`, `evaluate` and `timeline`.
//!
//! Only a structurally unusable request (no target, an unparsable `submitted_at`, a form that
//! is not an object) is an error; everything inside the form and the materials map is judged
//! by the decision, as data.

use serde_json::{Map, Value};

use crate::calendar::BeyondCoverage;
use crate::diag::{Code, Diagnostic, Message, Severity};

/// The largest request text accepted (bytes).
pub const MAX_REQUEST_BYTES: usize = 1 << 20;
/// The most keys accepted in `form` and in `materials`.
pub const MAX_FORM_KEYS: usize = 1_000;

/// The keys a request may have.
pub const REQUEST_KEYS: &[&str] = &[
    "beyond_coverage",
    "form",
    "locale",
    "materials",
    "region",
    "submitted_at",
    "target",
];

/// A request that cannot be decided at all. Thrown to JS as `RequestError`.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{}", .issues.first().map(|d| d.one_line("en")).unwrap_or_else(|| "invalid request".into()))]
pub struct RequestError {
    pub issues: Vec<Diagnostic>,
}

impl RequestError {
    pub fn new(path: &str, code: Code, zh: impl Into<String>, en: impl Into<String>) -> Self {
        RequestError {
            issues: vec![Diagnostic::error(path, code, Message::new(zh, en))],
        }
    }
    /// The same error with the did-you-mean `help` `(zh-CN, en)` on its first issue.
    pub fn with_help(mut self, help: Option<(String, String)>) -> Self {
        if let Some(d) = self.issues.first_mut() {
            d.help = help.map(|h| Box::new(Message::from(h)));
        }
        self
    }

    pub fn code(&self) -> Code {
        self.issues
            .first()
            .map(|d| d.code)
            .unwrap_or(Code::BadRequest)
    }
}

/// A parsed request (SPEC §2).
#[derive(Debug, Clone, PartialEq)]
pub struct Request {
    pub target: String,
    pub form: Map<String, Value>,
    pub materials: Map<String, Value>,
    pub submitted_at: String,
    /// `zh-CN` or `en` (anything else falls back to zh-CN with a warning).
    pub locale: String,
    /// The caller's opt-in to weekend-only estimates beyond the calendar's coverage.
    pub beyond_coverage: Option<BeyondCoverage>,
    /// The region whose window, cutoff, calendar and limits apply (SPEC §7.8); `None`: the
    /// policy's own. Checked against the policy when deciding (`unknown_region`).
    pub region: Option<String>,
    /// Warnings about the request itself (unknown keys, unknown locale).
    pub warnings: Vec<Diagnostic>,
}

fn too_large_text() -> RequestError {
    RequestError::new(
        "",
        Code::TooLarge,
        format!("请求超过 {} 字节的上限", MAX_REQUEST_BYTES),
        format!(
            "the request is larger than the limit of {} bytes",
            MAX_REQUEST_BYTES
        ),
    )
}

/// A request text serde_json refused: `invalid_json` (or `lone_surrogate` for a `\uD800`
/// escape without its pair, `too_deep` past serde_json's nesting limit), with the line and
/// UTF-16 column in the caller's text.
fn invalid_json(text: &str, e: serde_json::Error) -> RequestError {
    let pos = crate::text::locate::from_serde_position(text, e.line(), e.column());
    let detail = e.to_string();
    let (code, zh, en) = if detail.contains("surrogate") || detail.contains("end of hex escape") {
        (
            Code::LoneSurrogate,
            "请求含有不成对的 UTF-16 代理项（\\uD800–\\uDFFF 转义）",
            "the request has an unpaired UTF-16 surrogate (a \\uD800–\\uDFFF escape)",
        )
    } else if detail.contains("recursion limit") {
        (
            Code::TooDeep,
            "请求嵌套过深",
            "the request nests too deeply",
        )
    } else {
        (
            Code::InvalidJson,
            "请求不是合法的 JSON",
            "the request is not valid JSON",
        )
    };
    let mut err = RequestError::new(
        "",
        code,
        format!("{zh}（第 {} 行第 {} 列）", pos.line, pos.column),
        format!("{en} (line {}, column {})", pos.line, pos.column),
    );
    for d in &mut err.issues {
        d.line = Some(pos.line);
        d.column = Some(pos.column);
    }
    err
}

/// A request's top-level keys, as read: the known ones and the names of the others.
#[derive(Default)]
struct Parts {
    /// Whether the request was a JSON object at all.
    object: bool,
    target: Option<Value>,
    form: Option<Value>,
    materials: Option<Value>,
    submitted_at: Option<Value>,
    locale: Option<Value>,
    beyond_coverage: Option<Value>,
    region: Option<Value>,
    unknown: Vec<String>,
    /// Distinct keys of `form` / `materials` when they were read into slots (the value above is
    /// then an empty object standing for "an object").
    form_keys: Option<usize>,
    materials_keys: Option<usize>,
}

impl<'de> serde::Deserialize<'de> for Parts {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(d.deserialize_any(PartsVisitor { policy: None })?.0)
    }
}

/// A request read against a policy: `form` and `materials` straight into slots by field and
/// material index (see [`Request::from_json_indexed`]).
#[derive(Debug, Default)]
pub(crate) struct Slots {
    /// The value sent for each field, by field index (`null` kept as `Some(Null)`).
    pub form: Vec<Option<Value>>,
    /// The form keys that are not fields, sorted, each once.
    pub form_unknown: Vec<String>,
    /// What was sent for each material, by material index: `Some(None)` for a value that is not
    /// a status (`null` is `missing`).
    pub materials: Vec<Option<Option<crate::engine::decision::Status>>>,
    /// The material keys that are not in the catalogue, sorted, each once.
    pub materials_unknown: Vec<String>,
}

struct PartsVisitor<'p> {
    /// With a policy, `form` and `materials` are read into [`Slots`].
    policy: Option<&'p crate::policy::Policy>,
}

/// A form or materials object read into slots: the number of distinct keys, or not an object.
enum SlotRead {
    Object(usize),
    Null,
    NotObject,
}

impl SlotRead {
    /// The stand-in value `Request::from_parts` judges (its type), and the key count.
    fn stand_in(self) -> (Value, Option<usize>) {
        match self {
            SlotRead::Object(n) => (Value::Object(Map::new()), Some(n)),
            SlotRead::Null => (Value::Null, None),
            SlotRead::NotObject => (Value::Bool(false), None),
        }
    }
}

/// Reads `form` (`materials: false`) or `materials` (`true`) into `slots`.
struct SlotSeed<'a, 'p> {
    policy: &'p crate::policy::Policy,
    slots: &'a mut Slots,
    materials: bool,
}

impl<'de> serde::de::DeserializeSeed<'de> for SlotSeed<'_, '_> {
    type Value = SlotRead;
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<SlotRead, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> serde::de::Visitor<'de> for SlotSeed<'_, '_> {
    type Value = SlotRead;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("an object")
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<SlotRead, A::Error> {
        let SlotSeed {
            policy,
            slots,
            materials,
        } = self;
        // A repeated top-level key replaces the whole object, as a JSON map would.
        if materials {
            slots.materials = vec![None; policy.materials.len()];
            slots.materials_unknown.clear();
        } else {
            slots.form = vec![None; policy.fields.len()];
            slots.form_unknown.clear();
        }
        let mut distinct = 0usize;
        while let Some(Key(k)) = map.next_key::<Key>()? {
            let index = if materials {
                policy.material_index(&k)
            } else {
                policy.field_index(&k)
            };
            match index {
                Some(i) if materials => {
                    let st = map.next_value::<StatusIn>()?.0;
                    if let Some(slot) = slots.materials.get_mut(i) {
                        distinct += usize::from(slot.is_none());
                        *slot = Some(st);
                    }
                }
                Some(i) => {
                    let v = map.next_value::<Value>()?;
                    if let Some(slot) = slots.form.get_mut(i) {
                        distinct += usize::from(slot.is_none());
                        *slot = Some(v);
                    }
                }
                None => {
                    map.next_value::<serde::de::IgnoredAny>()?;
                    if materials {
                        slots.materials_unknown.push(k.into_owned());
                    } else {
                        slots.form_unknown.push(k.into_owned());
                    }
                }
            }
        }
        // Sorted, each once — sorted and deduplicated at the end rather than kept sorted by
        // insertion, which is quadratic on a hostile request with ~10⁵ unknown keys.
        let unknown = if materials {
            &mut slots.materials_unknown
        } else {
            &mut slots.form_unknown
        };
        unknown.sort_unstable();
        unknown.dedup();
        Ok(SlotRead::Object(distinct + unknown.len()))
    }
    fn visit_unit<E>(self) -> Result<SlotRead, E> {
        Ok(SlotRead::Null)
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<SlotRead, A::Error> {
        while seq.next_element::<serde::de::IgnoredAny>()?.is_some() {}
        Ok(SlotRead::NotObject)
    }
    fn visit_bool<E>(self, _: bool) -> Result<SlotRead, E> {
        Ok(SlotRead::NotObject)
    }
    fn visit_i64<E>(self, _: i64) -> Result<SlotRead, E> {
        Ok(SlotRead::NotObject)
    }
    fn visit_u64<E>(self, _: u64) -> Result<SlotRead, E> {
        Ok(SlotRead::NotObject)
    }
    fn visit_f64<E>(self, _: f64) -> Result<SlotRead, E> {
        Ok(SlotRead::NotObject)
    }
    fn visit_str<E>(self, _: &str) -> Result<SlotRead, E> {
        Ok(SlotRead::NotObject)
    }
}

/// A material's value: a status, `null` (missing), or anything else (`None`: not a status).
struct StatusIn(Option<crate::engine::decision::Status>);

impl<'de> serde::Deserialize<'de> for StatusIn {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = StatusIn;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a status")
            }
            fn visit_str<E>(self, s: &str) -> Result<StatusIn, E> {
                Ok(StatusIn(crate::engine::decision::Status::parse(s)))
            }
            fn visit_unit<E>(self) -> Result<StatusIn, E> {
                Ok(StatusIn(Some(crate::engine::decision::Status::Missing)))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut a: A,
            ) -> Result<StatusIn, A::Error> {
                while a.next_element::<serde::de::IgnoredAny>()?.is_some() {}
                Ok(StatusIn(None))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut a: A,
            ) -> Result<StatusIn, A::Error> {
                while a
                    .next_entry::<serde::de::IgnoredAny, serde::de::IgnoredAny>()?
                    .is_some()
                {}
                Ok(StatusIn(None))
            }
            fn visit_bool<E>(self, _: bool) -> Result<StatusIn, E> {
                Ok(StatusIn(None))
            }
            fn visit_i64<E>(self, _: i64) -> Result<StatusIn, E> {
                Ok(StatusIn(None))
            }
            fn visit_u64<E>(self, _: u64) -> Result<StatusIn, E> {
                Ok(StatusIn(None))
            }
            fn visit_f64<E>(self, _: f64) -> Result<StatusIn, E> {
                Ok(StatusIn(None))
            }
        }
        d.deserialize_any(V)
    }
}

/// A top-level key, borrowed from the text when it has no escapes.
struct Key<'de>(std::borrow::Cow<'de, str>);

impl<'de> serde::Deserialize<'de> for Key<'de> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Key<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a key")
            }
            fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Key<'de>, E> {
                Ok(Key(std::borrow::Cow::Borrowed(v)))
            }
            fn visit_str<E>(self, v: &str) -> Result<Key<'de>, E> {
                Ok(Key(std::borrow::Cow::Owned(v.to_string())))
            }
            fn visit_string<E>(self, v: String) -> Result<Key<'de>, E> {
                Ok(Key(std::borrow::Cow::Owned(v)))
            }
        }
        d.deserialize_str(V)
    }
}

impl<'de> serde::de::Visitor<'de> for PartsVisitor<'_> {
    type Value = (Parts, Slots);
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a request")
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(
        self,
        mut map: A,
    ) -> Result<(Parts, Slots), A::Error> {
        let mut p = Parts {
            object: true,
            ..Parts::default()
        };
        let mut slots = Slots::default();
        // A repeated key keeps its last value, as a JSON object read into a map does.
        while let Some(Key(k)) = map.next_key::<Key>()? {
            if let (Some(policy), "form" | "materials") = (self.policy, k.as_ref()) {
                let materials = k == "materials";
                let read = map.next_value_seed(SlotSeed {
                    policy,
                    slots: &mut slots,
                    materials,
                })?;
                let (stand_in, keys) = read.stand_in();
                if materials {
                    (p.materials, p.materials_keys) = (Some(stand_in), keys);
                } else {
                    (p.form, p.form_keys) = (Some(stand_in), keys);
                }
                continue;
            }
            let slot = match k.as_ref() {
                "target" => &mut p.target,
                "form" => &mut p.form,
                "materials" => &mut p.materials,
                "submitted_at" => &mut p.submitted_at,
                "locale" => &mut p.locale,
                "beyond_coverage" => &mut p.beyond_coverage,
                "region" => &mut p.region,
                _ => {
                    map.next_value::<serde::de::IgnoredAny>()?;
                    p.unknown.push(k.into_owned());
                    continue;
                }
            };
            *slot = Some(map.next_value::<Value>()?);
        }
        // Each unknown key once (a repeated key is one key of the object). Sorted and then
        // deduplicated, not searched on every push: a hostile request may hold ~10⁵ of them.
        p.unknown.sort_unstable();
        p.unknown.dedup();
        Ok((p, slots))
    }
    // Any other JSON value is read (so syntax errors are still reported) and judged as "not an
    // object" by `Request::from_parts`.
    fn visit_seq<A: serde::de::SeqAccess<'de>>(
        self,
        mut seq: A,
    ) -> Result<(Parts, Slots), A::Error> {
        while seq.next_element::<serde::de::IgnoredAny>()?.is_some() {}
        Ok((Parts::default(), Slots::default()))
    }
    fn visit_bool<E>(self, _: bool) -> Result<(Parts, Slots), E> {
        Ok((Parts::default(), Slots::default()))
    }
    fn visit_i64<E>(self, _: i64) -> Result<(Parts, Slots), E> {
        Ok((Parts::default(), Slots::default()))
    }
    fn visit_u64<E>(self, _: u64) -> Result<(Parts, Slots), E> {
        Ok((Parts::default(), Slots::default()))
    }
    fn visit_f64<E>(self, _: f64) -> Result<(Parts, Slots), E> {
        Ok((Parts::default(), Slots::default()))
    }
    fn visit_str<E>(self, _: &str) -> Result<(Parts, Slots), E> {
        Ok((Parts::default(), Slots::default()))
    }
    fn visit_unit<E>(self) -> Result<(Parts, Slots), E> {
        Ok((Parts::default(), Slots::default()))
    }
}

impl Request {
    /// Parse a request from JSON text.
    ///
    /// # Errors
    /// `RequestError` with `bad_request` / `too_large` when the text is not a JSON object of the
    /// request shape.
    pub fn from_json(text: &str) -> Result<Request, RequestError> {
        if text.len() > MAX_REQUEST_BYTES {
            return Err(too_large_text());
        }
        // One pass over the text straight into the request's parts: no map of the top-level
        // object is built and then taken apart, and unknown keys' values are skipped unread.
        let parts: Parts = serde_json::from_str(text).map_err(|e| invalid_json(text, e))?;
        Request::from_parts(parts)
    }

    /// [`Request::from_json`] for deciding under `policy`: `form` and `materials` are read
    /// straight into [`Slots`] by field and material index (the returned request's `form` and
    /// `materials` maps are empty), with no map of keys built. Same errors and warnings as
    /// `from_json`; a test checks every decision made from it against `from_json`'s.
    pub(crate) fn from_json_indexed(
        text: &str,
        policy: &crate::policy::Policy,
    ) -> Result<(Request, Slots), RequestError> {
        use serde::Deserializer as _;
        if text.len() > MAX_REQUEST_BYTES {
            return Err(too_large_text());
        }
        let mut de = serde_json::Deserializer::from_str(text);
        let read = de
            .deserialize_any(PartsVisitor {
                policy: Some(policy),
            })
            .and_then(|parts| de.end().map(|()| parts));
        let (parts, slots) = read.map_err(|e| invalid_json(text, e))?;
        Ok((Request::from_parts(parts)?, slots))
    }

    /// Parse a request from a JSON value.
    ///
    /// # Errors
    /// As [`Request::from_json`].
    pub fn from_value(v: Value) -> Result<Request, RequestError> {
        let parts = match v {
            Value::Object(mut obj) => {
                let mut parts = Parts {
                    object: true,
                    target: obj.remove("target"),
                    form: obj.remove("form"),
                    materials: obj.remove("materials"),
                    submitted_at: obj.remove("submitted_at"),
                    locale: obj.remove("locale"),
                    beyond_coverage: obj.remove("beyond_coverage"),
                    region: obj.remove("region"),
                    unknown: Vec::new(),
                    form_keys: None,
                    materials_keys: None,
                };
                parts.unknown = obj.into_iter().map(|(k, _)| k).collect();
                parts
            }
            _ => Parts::default(),
        };
        Request::from_parts(parts)
    }

    /// The request from its top-level parts (shared by [`Request::from_json`] and
    /// [`Request::from_value`], so both judge a request the same way).
    fn from_parts(mut obj: Parts) -> Result<Request, RequestError> {
        if !obj.object {
            return Err(RequestError::new(
                "",
                Code::BadRequest,
                "请求必须是对象",
                "the request must be an object",
            ));
        }
        if !obj.unknown.is_empty() {
            // A misspelt key (`submited_at`) must not pass as a missing one: unknown top-level
            // keys are errors with a did-you-mean, as in policies. (Unknown *form fields* and
            // *material ids* stay warnings: a portal may send extra ones.)
            let issues = obj
                .unknown
                .iter()
                .take(crate::limits::MAX_ISSUES)
                .map(|k| {
                    let shown: String = k.chars().take(64).collect();
                    let help = crate::text::suggest::did_you_mean(k, REQUEST_KEYS.iter().copied());
                    Diagnostic::error(
                        crate::text::locate::key_path("", k),
                        Code::UnknownField,
                        Message::new(
                            format!("未知的请求字段 `{shown}`"),
                            format!("unknown request key `{shown}`"),
                        ),
                    )
                    .with_help(help.map(Message::from))
                })
                .collect();
            return Err(RequestError { issues });
        }
        let mut warnings = Vec::new();
        let target = match obj.target.take() {
            Some(Value::String(s)) if !s.is_empty() => s,
            Some(_) => {
                return Err(RequestError::new(
                    "target",
                    Code::BadRequest,
                    "`target` 必须是非空字符串",
                    "`target` must be a non-empty string",
                ))
            }
            None => {
                return Err(RequestError::new(
                    "target",
                    Code::BadRequest,
                    "缺少 `target`",
                    "`target` is missing",
                ))
            }
        };
        let form = match obj.form.take() {
            None | Some(Value::Null) => Map::new(),
            Some(Value::Object(m)) => m,
            Some(_) => {
                return Err(RequestError::new(
                    "form",
                    Code::BadRequest,
                    "`form` 必须是对象",
                    "`form` must be an object",
                ))
            }
        };
        if obj.form_keys.unwrap_or(form.len()) > MAX_FORM_KEYS {
            return Err(RequestError::new(
                "form",
                Code::TooLarge,
                format!("表单字段超过 {} 个的上限", MAX_FORM_KEYS),
                format!("the form has more than {} keys", MAX_FORM_KEYS),
            ));
        }
        let materials = match obj.materials.take() {
            None | Some(Value::Null) => Map::new(),
            Some(Value::Object(m)) => m,
            Some(_) => {
                return Err(RequestError::new(
                    "materials",
                    Code::BadRequest,
                    "`materials` 必须是对象",
                    "`materials` must be an object",
                ))
            }
        };
        if obj.materials_keys.unwrap_or(materials.len()) > MAX_FORM_KEYS {
            return Err(RequestError::new(
                "materials",
                Code::TooLarge,
                format!("材料超过 {} 项的上限", MAX_FORM_KEYS),
                format!("the materials map has more than {} keys", MAX_FORM_KEYS),
            ));
        }
        let submitted_at = match obj.submitted_at.take() {
            Some(Value::String(s)) => s,
            Some(_) => {
                return Err(RequestError::new(
                    "submitted_at",
                    Code::BadTime,
                    "`submitted_at` 必须是 RFC 3339 时间字符串",
                    "`submitted_at` must be an RFC 3339 timestamp string",
                ))
            }
            None => {
                return Err(RequestError::new(
                    "submitted_at",
                    Code::BadRequest,
                    "缺少 `submitted_at`",
                    "`submitted_at` is missing",
                ))
            }
        };
        let locale = match obj.locale.take() {
            None | Some(Value::Null) => "zh-CN".to_string(),
            Some(Value::String(s)) if s == "zh-CN" || s == "en" => s,
            Some(other) => {
                let shown = match &other {
                    Value::String(s) => s.chars().take(32).collect::<String>(),
                    _ => other.to_string().chars().take(32).collect(),
                };
                warnings.push(
                    Diagnostic::error(
                        "locale",
                        Code::UnknownLocale,
                        Message::new(
                            format!("不支持的语言 `{shown}`，已使用 zh-CN"),
                            format!("unsupported locale `{shown}`, zh-CN is used"),
                        ),
                    )
                    .with_severity(Severity::Warning),
                );
                "zh-CN".to_string()
            }
        };
        let beyond_coverage = match obj.beyond_coverage.take() {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) => match BeyondCoverage::parse(&s) {
                Some(b) => Some(b),
                None => {
                    return Err(RequestError::new(
                        "beyond_coverage",
                        Code::BadRequest,
                        "`beyond_coverage` 只能是 `error` 或 `weekends_only`",
                        "`beyond_coverage` must be `error` or `weekends_only`",
                    ))
                }
            },
            Some(_) => {
                return Err(RequestError::new(
                    "beyond_coverage",
                    Code::BadRequest,
                    "`beyond_coverage` 只能是 `error` 或 `weekends_only`",
                    "`beyond_coverage` must be `error` or `weekends_only`",
                ))
            }
        };
        let region = match obj.region.take() {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) => Some(s),
            Some(_) => {
                return Err(RequestError::new(
                    "region",
                    Code::BadRequest,
                    "`region` 必须是区域 id 字符串",
                    "`region` must be a region id string",
                ))
            }
        };
        crate::sorting::sort_by(&mut warnings, |a, b| a.path.cmp(&b.path));
        Ok(Request {
            target,
            form,
            materials,
            submitted_at,
            locale,
            beyond_coverage,
            region,
            warnings,
        })
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

    use super::*;

    /// `from_json` reads the text in one pass (its own visitor); `from_value` takes a parsed
    /// value apart. Both must judge every request the same way.
    #[test]
    fn from_json_agrees_with_from_value() {
        let texts = [
            r#"{"target":"joint","submitted_at":"2026-01-05T09:00:00+08:00"}"#,
            r#"{"target":"joint","form":{"a":1,"b":"x"},"materials":{"m":"provided"},"submitted_at":"2026-01-05T09:00","locale":"en","beyond_coverage":"weekends_only"}"#,
            r#"{"target":"joint","submitted_at":"x","zzz":[1,{"q":2}],"aaa":null,"zzz":3}"#,
            r#"{"target":"a","target":"b","submitted_at":"s"}"#,
            r#"{"t\u0061rget":"esc","submitted_at":"s","\u00e9":1}"#,
            r#"{"target":"","submitted_at":"s"}"#,
            r#"{"target":1,"submitted_at":"s"}"#,
            r#"{"submitted_at":"s"}"#,
            r#"{"target":"t"}"#,
            r#"{"target":"t","submitted_at":5}"#,
            r#"{"target":"t","submitted_at":"s","form":[]}"#,
            r#"{"target":"t","submitted_at":"s","form":null,"materials":null,"locale":null}"#,
            r#"{"target":"t","submitted_at":"s","materials":"x"}"#,
            r#"{"target":"t","submitted_at":"s","locale":"fr"}"#,
            r#"{"target":"t","submitted_at":"s","locale":{"x":1}}"#,
            r#"{"target":"t","submitted_at":"s","beyond_coverage":"never"}"#,
            r#"{"target":"t","submitted_at":"s","beyond_coverage":true}"#,
            r#"{"target":"t","submitted_at":"s","region":"north","region":null}"#,
            r#"{"target":"t","submitted_at":"s","region":"north"}"#,
            r#"{"target":"t","submitted_at":"s","region":5}"#,
            r#"[]"#,
            r#"[1,[2],{"a":3}]"#,
            r#""text""#,
            r#"null"#,
            r#"true"#,
            r#"-1.5e3"#,
            r#"18446744073709551615"#,
            r#"{}"#,
        ];
        for t in texts {
            let v: Value = serde_json::from_str(t).unwrap();
            assert_eq!(Request::from_json(t), Request::from_value(v), "{t}");
        }
    }

    #[test]
    fn malformed_text_is_invalid_json_with_a_position() {
        for t in [
            r#"{"target":"t",}"#,
            r#"{"target":"t","zzz":[1,}"#,
            r#"[1,2"#,
            r#"{"target":"t"} x"#,
            "",
        ] {
            let e = Request::from_json(t).unwrap_err();
            assert_eq!(e.code(), Code::InvalidJson, "{t}");
            assert!(e.issues[0].message.en.contains("line 1"), "{t}");
        }
    }
}
