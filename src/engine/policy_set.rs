//! Rules in force by date (SPEC §4): several versions of one policy with non-overlapping
//! `effective` ranges; a request is decided by the version in force on its received day.

use serde::Serialize;
use serde_json::value::RawValue;

use crate::date::Date;
use crate::diag::{Code, Diagnostic, Message};
use crate::engine::decision::{ChecklistItem, Decision};
use crate::engine::request::{Request, RequestError};
use crate::engine::schedule::Timeline;
use crate::policy::{Policy, PolicyError};

/// The most versions one set may hold.
pub const MAX_VERSIONS: usize = 64;

/// Versions of one policy, sorted by `effective.from`.
#[derive(Debug, Clone)]
pub struct PolicySet {
    pub(crate) versions: Vec<Policy>,
}

/// One version as listed by [`PolicySet::versions`].
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct VersionInfo {
    pub id: String,
    pub version: String,
    pub fingerprint: String,
    pub from: Option<Date>,
    pub until: Option<Date>,
}

fn err(path: String, code: Code, zh: String, en: String) -> Diagnostic {
    Diagnostic::error(path, code, Message::new(zh, en))
}

/// Line and UTF-16 column (1-based) of byte `offset` in `text`.
fn position(text: &str, offset: usize) -> (u32, u32) {
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() as u32 + 1;
    let line_start = before.rfind('\n').map(|i| i + 1).unwrap_or(0);
    let col = before
        .get(line_start..)
        .map(|s| s.encode_utf16().count())
        .unwrap_or(0) as u32
        + 1;
    (line, col)
}

impl PolicySet {
    /// Load a set from JSON text: an array of policy documents, or `{"versions": [...]}`.
    ///
    /// # Errors
    /// `PolicyError` with every problem of every version (positions relative to the whole
    /// text), plus `bad_effective` for overlapping versions and `bad_value` for mixed ids.
    pub fn from_json(text: &str) -> Result<PolicySet, PolicyError> {
        #[derive(serde::Deserialize)]
        struct Wrapped<'a> {
            #[serde(borrow)]
            versions: Vec<&'a RawValue>,
        }
        let (items, prefix): (Vec<&RawValue>, &str) = match serde_json::from_str::<Vec<&RawValue>>(
            text,
        ) {
            Ok(v) => (v, ""),
            Err(_) => match serde_json::from_str::<Wrapped<'_>>(text) {
                Ok(w) => (w.versions, "versions"),
                Err(e) => {
                    let mut d = err(
                        String::new(),
                        Code::InvalidJson,
                        format!("策略集必须是策略文档数组或 {{\"versions\": [...]}}：{e}"),
                        format!("a policy set must be an array of policy documents or {{\"versions\": [...]}}: {e}"),
                    );
                    d.line = Some(e.line() as u32);
                    d.column = Some(e.column() as u32);
                    return Err(PolicyError { issues: vec![d] });
                }
            },
        };
        let mut issues = Vec::new();
        let mut versions = Vec::new();
        for (i, raw) in items.iter().enumerate() {
            let slice = raw.get();
            let offset = (slice.as_ptr() as usize).saturating_sub(text.as_ptr() as usize);
            let (line0, col0) = position(text, offset);
            let path = if prefix.is_empty() {
                format!("[{i}]")
            } else {
                format!("{prefix}[{i}]")
            };
            match Policy::from_json(slice) {
                Ok(p) => versions.push(p),
                Err(e) => {
                    for mut d in e.issues {
                        if let (Some(l), Some(c)) = (d.line, d.column) {
                            d.column = Some(if l == 1 { c + col0 - 1 } else { c });
                            d.line = Some(l + line0 - 1);
                        }
                        d.path = if d.path.is_empty() {
                            path.clone()
                        } else {
                            format!("{path}.{}", d.path)
                        };
                        issues.push(d);
                    }
                }
            }
        }
        if !issues.is_empty() {
            return Err(PolicyError { issues });
        }
        Self::from_policies(versions)
    }

    /// Load a set from already-parsed documents (positions are null).
    ///
    /// # Errors
    /// As [`PolicySet::from_json`].
    pub fn from_value(doc: &serde_json::Value) -> Result<PolicySet, PolicyError> {
        let list = match doc {
            serde_json::Value::Array(a) => a,
            serde_json::Value::Object(o) => match o.get("versions") {
                Some(serde_json::Value::Array(a)) => a,
                _ => {
                    return Err(PolicyError {
                        issues: vec![err(
                            "versions".into(),
                            Code::MissingField,
                            "策略集缺少 `versions` 数组".into(),
                            "the policy set has no `versions` list".into(),
                        )],
                    })
                }
            },
            _ => {
                return Err(PolicyError {
                    issues: vec![err(
                        String::new(),
                        Code::TypeMismatch,
                        "策略集必须是数组或对象".into(),
                        "a policy set must be an array or an object".into(),
                    )],
                })
            }
        };
        let mut issues = Vec::new();
        let mut versions = Vec::new();
        for (i, d) in list.iter().enumerate() {
            match Policy::from_value(d) {
                Ok(p) => versions.push(p),
                Err(e) => issues.extend(e.issues.into_iter().map(|mut x| {
                    x.path = if x.path.is_empty() {
                        format!("[{i}]")
                    } else {
                        format!("[{i}].{}", x.path)
                    };
                    x
                })),
            }
        }
        if !issues.is_empty() {
            return Err(PolicyError { issues });
        }
        Self::from_policies(versions)
    }

    /// Build a set from loaded versions.
    ///
    /// # Errors
    /// No versions, too many, mixed ids, overlapping ranges.
    pub fn from_policies(mut versions: Vec<Policy>) -> Result<PolicySet, PolicyError> {
        let mut issues = Vec::new();
        if versions.is_empty() {
            issues.push(err(
                String::new(),
                Code::BadValue,
                "策略集至少需要一个版本".into(),
                "a policy set needs at least one version".into(),
            ));
        }
        if versions.len() > MAX_VERSIONS {
            issues.push(err(
                String::new(),
                Code::TooLarge,
                format!("策略集最多 {MAX_VERSIONS} 个版本"),
                format!("a policy set holds at most {MAX_VERSIONS} versions"),
            ));
        }
        if let Some(first) = versions.first() {
            let id = first.id.clone();
            for (i, v) in versions.iter().enumerate() {
                if v.id != id {
                    issues.push(err(
                        format!("[{i}].id"),
                        Code::BadValue,
                        format!("策略集的各版本必须有相同的 id：`{}` 与 `{id}` 不同", v.id),
                        format!("every version of a set must have the same id: `{}` differs from `{id}`", v.id),
                    ));
                }
            }
        }
        crate::sorting::sort_by_key(&mut versions, |v| v.effective_from.unwrap_or(Date::min()));
        for (i, pair) in versions.windows(2).enumerate() {
            let [a, b] = pair else { continue };
            let a_until = a.effective_until.unwrap_or(Date::max());
            let b_from = b.effective_from.unwrap_or(Date::min());
            if b_from <= a_until {
                issues.push(err(
                    format!("[{}].effective", i + 1),
                    Code::BadEffective,
                    format!(
                        "版本 `{}` 与 `{}` 的生效期间重叠（{} 起 与 {} 止）",
                        b.version, a.version, b_from, a_until
                    ),
                    format!(
                        "versions `{}` and `{}` overlap (from {} and until {})",
                        b.version, a.version, b_from, a_until
                    ),
                ));
            }
        }
        if issues.is_empty() {
            Ok(PolicySet { versions })
        } else {
            Err(PolicyError { issues })
        }
    }

    /// The versions, sorted by their start.
    pub fn versions(&self) -> Vec<VersionInfo> {
        self.versions
            .iter()
            .map(|p| VersionInfo {
                id: p.id.clone(),
                version: p.version.clone(),
                fingerprint: p.fingerprint().to_string(),
                from: p.effective_from,
                until: p.effective_until,
            })
            .collect()
    }

    pub fn policies(&self) -> &[Policy] {
        &self.versions
    }

    /// The version in force for a request: the one whose range holds the received day that
    /// version itself computes (its calendar and cutoff).
    ///
    /// # Errors
    /// `not_in_force` when no version covers the received day; request errors as for evaluate.
    pub fn select(&self, req: &Request) -> Result<&Policy, RequestError> {
        let mut last_day = None;
        for p in &self.versions {
            let day = crate::engine::decision::received_day(p, req)?;
            if p.effective_from.is_none_or(|f| f <= day)
                && p.effective_until.is_none_or(|u| day <= u)
            {
                return Ok(p);
            }
            last_day = Some(day);
        }
        let day = last_day.map(|d| d.to_string()).unwrap_or_default();
        Err(RequestError::new(
            "submitted_at",
            Code::NotInForce,
            format!("收件日 {day} 没有生效的策略版本"),
            format!("no version of the policy is in force on the received day {day}"),
        ))
    }

    /// # Errors
    /// As [`PolicySet::select`] and [`Policy::evaluate`].
    pub fn evaluate(&self, req: &Request) -> Result<Decision, RequestError> {
        self.select(req)?.evaluate(req)
    }

    /// # Errors
    /// As [`PolicySet::select`] and [`Policy::checklist`].
    pub fn checklist(&self, req: &Request) -> Result<Vec<ChecklistItem>, RequestError> {
        self.select(req)?.checklist(req)
    }

    /// # Errors
    /// As [`PolicySet::select`] and [`Policy::timeline`].
    pub fn timeline(&self, req: &Request) -> Result<Timeline, RequestError> {
        self.select(req)?.timeline(req)
    }
}
