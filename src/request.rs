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
    /// Warnings about the request itself (unknown keys, unknown locale).
    pub warnings: Vec<Diagnostic>,
}

const KEYS: [&str; 6] = [
    "target",
    "form",
    "materials",
    "submitted_at",
    "locale",
    "beyond_coverage",
];

impl Request {
    /// Parse a request from JSON text.
    ///
    /// # Errors
    /// `RequestError` with `bad_request` / `too_large` when the text is not a JSON object of the
    /// request shape.
    pub fn from_json(text: &str) -> Result<Request, RequestError> {
        if text.len() > MAX_REQUEST_BYTES {
            return Err(RequestError::new(
                "",
                Code::TooLarge,
                format!("请求超过 {} 字节的上限", MAX_REQUEST_BYTES),
                format!(
                    "the request is larger than the limit of {} bytes",
                    MAX_REQUEST_BYTES
                ),
            ));
        }
        let v: Value = serde_json::from_str(text).map_err(|e| {
            RequestError::new(
                "",
                Code::InvalidJson,
                format!(
                    "请求不是合法的 JSON（第 {} 行第 {} 列）",
                    e.line(),
                    e.column()
                ),
                format!(
                    "the request is not valid JSON (line {}, column {})",
                    e.line(),
                    e.column()
                ),
            )
        })?;
        Request::from_value(v)
    }

    /// Parse a request from a JSON value.
    ///
    /// # Errors
    /// As [`Request::from_json`].
    pub fn from_value(v: Value) -> Result<Request, RequestError> {
        let Value::Object(mut obj) = v else {
            return Err(RequestError::new(
                "",
                Code::BadRequest,
                "请求必须是对象",
                "the request must be an object",
            ));
        };
        let mut warnings = Vec::new();
        for k in obj.keys() {
            if !KEYS.contains(&k.as_str()) {
                warnings.push(
                    Diagnostic::error(
                        k.clone(),
                        Code::UnknownField,
                        Message::new(
                            format!("未知的请求字段 `{k}`，已忽略"),
                            format!("unknown request key `{k}` was ignored"),
                        ),
                    )
                    .with_severity(Severity::Warning),
                );
            }
        }
        let target = match obj.remove("target") {
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
        let form = match obj.remove("form") {
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
        if form.len() > MAX_FORM_KEYS {
            return Err(RequestError::new(
                "form",
                Code::TooLarge,
                format!("表单字段超过 {} 个的上限", MAX_FORM_KEYS),
                format!("the form has more than {} keys", MAX_FORM_KEYS),
            ));
        }
        let materials = match obj.remove("materials") {
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
        if materials.len() > MAX_FORM_KEYS {
            return Err(RequestError::new(
                "materials",
                Code::TooLarge,
                format!("材料超过 {} 项的上限", MAX_FORM_KEYS),
                format!("the materials map has more than {} keys", MAX_FORM_KEYS),
            ));
        }
        let submitted_at = match obj.remove("submitted_at") {
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
        let locale = match obj.remove("locale") {
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
        let beyond_coverage = match obj.remove("beyond_coverage") {
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
        crate::sorting::sort_by(&mut warnings, |a, b| a.path.cmp(&b.path));
        Ok(Request {
            target,
            form,
            materials,
            submitted_at,
            locale,
            beyond_coverage,
            warnings,
        })
    }
}
