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
    /// Shared, so that handing a version out (`set.policyFor(request)` in JS) copies nothing.
    pub(crate) versions: Vec<std::sync::Arc<Policy>>,
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

fn fail(d: Diagnostic) -> PolicyError {
    PolicyError { issues: vec![d] }
}

/// The items of a set's text as read: the first [`MAX_VERSIONS`] raw documents, and how many
/// there are in all (the rest are skipped unread, so a huge list costs one pass).
struct Items<'a> {
    raw: Vec<&'a RawValue>,
    total: usize,
}

/// What the top level of a set's text is.
enum Top<'a> {
    /// `[...]` (prefix ``) or `{"versions": [...]}` (prefix `versions`).
    List(Items<'a>, &'static str),
    /// An object without a `versions` list.
    NoVersions,
    /// `versions` appears twice.
    DuplicateVersions,
    /// Not an array or an object.
    Other,
}

struct ItemsSeed;

impl<'de> serde::de::DeserializeSeed<'de> for ItemsSeed {
    type Value = Option<Items<'de>>;
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(ItemsVisitor)
    }
}

struct ItemsVisitor;

impl<'de> serde::de::Visitor<'de> for ItemsVisitor {
    type Value = Option<Items<'de>>;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a list of policy documents")
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut items = Items {
            raw: Vec::new(),
            total: 0,
        };
        while items.raw.len() < MAX_VERSIONS {
            match seq.next_element::<&'de RawValue>()? {
                Some(r) => items.raw.push(r),
                None => return Ok(Some(items.counted())),
            }
        }
        items.total = items.raw.len();
        while seq.next_element::<serde::de::IgnoredAny>()?.is_some() {
            items.total += 1;
        }
        Ok(Some(items))
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        while map
            .next_entry::<serde::de::IgnoredAny, serde::de::IgnoredAny>()?
            .is_some()
        {}
        Ok(None)
    }
    fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_i64<E>(self, _: i64) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_u64<E>(self, _: u64) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_f64<E>(self, _: f64) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_str<E>(self, _: &str) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_unit<E>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
}

impl Items<'_> {
    fn counted(mut self) -> Self {
        self.total = self.raw.len();
        self
    }
}

struct TopVisitor;

impl<'de> serde::de::Visitor<'de> for TopVisitor {
    type Value = Top<'de>;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a policy set")
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, seq: A) -> Result<Top<'de>, A::Error> {
        Ok(match ItemsVisitor.visit_seq(seq)? {
            Some(items) => Top::List(items, ""),
            None => Top::Other,
        })
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Top<'de>, A::Error> {
        let mut found: Option<Option<Items<'de>>> = None;
        let mut twice = false;
        while let Some(k) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            if k == "versions" {
                twice |= found.is_some();
                found = Some(map.next_value_seed(ItemsSeed)?);
            } else {
                map.next_value::<serde::de::IgnoredAny>()?;
            }
        }
        Ok(match found {
            _ if twice => Top::DuplicateVersions,
            Some(Some(items)) => Top::List(items, "versions"),
            Some(None) | None => Top::NoVersions,
        })
    }
    fn visit_bool<E>(self, _: bool) -> Result<Top<'de>, E> {
        Ok(Top::Other)
    }
    fn visit_i64<E>(self, _: i64) -> Result<Top<'de>, E> {
        Ok(Top::Other)
    }
    fn visit_u64<E>(self, _: u64) -> Result<Top<'de>, E> {
        Ok(Top::Other)
    }
    fn visit_f64<E>(self, _: f64) -> Result<Top<'de>, E> {
        Ok(Top::Other)
    }
    fn visit_str<E>(self, _: &str) -> Result<Top<'de>, E> {
        Ok(Top::Other)
    }
    fn visit_unit<E>(self) -> Result<Top<'de>, E> {
        Ok(Top::Other)
    }
}

/// Line and UTF-16 column of increasing byte offsets in `text`, in one pass over the text
/// for all of them (each call continues from the previous one).
struct Cursor<'a> {
    text: &'a str,
    at: usize,
    line: u32,
    line_start: usize,
}

impl<'a> Cursor<'a> {
    fn new(text: &'a str) -> Self {
        Cursor {
            text,
            at: 0,
            line: 1,
            line_start: 0,
        }
    }
    fn position(&mut self, offset: usize) -> (u32, u32) {
        let offset = offset.clamp(self.at, self.text.len());
        let bytes = self.text.as_bytes().get(self.at..offset).unwrap_or(&[]);
        for (i, b) in bytes.iter().enumerate() {
            if *b == b'\n' {
                self.line = self.line.saturating_add(1);
                self.line_start = self.at + i + 1;
            }
        }
        self.at = offset;
        let col = crate::text::locate::column_of(self.text, self.line_start, offset);
        (self.line, col)
    }
}

/// Whether issues get lines and columns (text from the caller) or not (an object's text).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Positions {
    Keep,
    Drop,
}

/// The diagnostic that ends a list cut at [`crate::limits::MAX_ISSUES`].
fn stopped(loaded: usize, total: usize) -> Diagnostic {
    let max = crate::limits::MAX_ISSUES;
    err(
        String::new(),
        Code::TooManyIssues,
        format!("问题超过 {max} 个，读取已停止（已检查 {total} 个版本中的 {loaded} 个），其余问题未列出"),
        format!("more than {max} problems: reading stopped after {loaded} of {total} versions, and the remaining problems are not listed"),
    )
}

fn set_too_large(total: usize) -> Diagnostic {
    err(
        String::new(),
        Code::TooLarge,
        format!("策略集有 {total} 个版本，超过上限 {MAX_VERSIONS} 个"),
        format!("the policy set has {total} versions, more than the limit of {MAX_VERSIONS}"),
    )
}

fn no_versions() -> Diagnostic {
    err(
        "versions".into(),
        Code::MissingField,
        "策略集必须是策略文档数组或含 `versions` 数组的对象".into(),
        "a policy set must be a list of policy documents or an object with a `versions` list"
            .into(),
    )
}

fn not_a_set() -> Diagnostic {
    err(
        String::new(),
        Code::TypeMismatch,
        "策略集必须是数组或对象".into(),
        "a policy set must be an array or an object".into(),
    )
}

/// `d` at the start of the text (when positions are kept).
fn at_start(mut d: Diagnostic, positions: Positions) -> PolicyError {
    if positions == Positions::Keep {
        d.line = Some(1);
        d.column = Some(1);
    }
    fail(d)
}

/// The reading shared by every text entry: the list read once, then each of its first
/// [`MAX_VERSIONS`] documents loaded by `load` until the issue cap.
fn read<'a>(
    text: &'a str,
    positions: Positions,
    load: impl Fn(&'a str) -> Result<Policy, PolicyError>,
) -> Result<PolicySet, PolicyError> {
    use serde::Deserializer as _;
    let max = crate::limits::MAX_POLICY_SET_BYTES;
    if text.len() > max {
        let d = err(
            String::new(),
            Code::TooLarge,
            format!("策略集有 {} 字节，超过上限 {max} 字节", text.len()),
            format!(
                "the policy set has {} bytes, more than the limit of {max} bytes",
                text.len()
            ),
        );
        return Err(at_start(d, positions));
    }
    let mut de = serde_json::Deserializer::from_str(text);
    let top = de
        .deserialize_any(TopVisitor)
        .and_then(|t| de.end().map(|()| t));
    let (items, prefix) = match top {
        Ok(Top::List(items, prefix)) => (items, prefix),
        Ok(Top::NoVersions) => return Err(at_start(no_versions(), positions)),
        Ok(Top::DuplicateVersions) => {
            let d = err(
                "versions".into(),
                Code::DuplicateKey,
                "键 `versions` 出现两次".into(),
                "the key `versions` appears twice".into(),
            );
            return Err(at_start(d, positions));
        }
        Ok(Top::Other) => return Err(at_start(not_a_set(), positions)),
        Err(e) => {
            let detail = e.to_string();
            let detail = match detail.rfind(" at line ") {
                Some(i) => detail.get(..i).unwrap_or(&detail).to_string(),
                None => detail,
            };
            let code = if detail.contains("recursion limit") {
                Code::TooDeep
            } else {
                Code::InvalidJson
            };
            let mut d = err(
                String::new(),
                code,
                format!("策略集不是有效的 JSON：{detail}"),
                format!("the policy set is not valid JSON: {detail}"),
            );
            if positions == Positions::Keep {
                let pos = crate::text::locate::from_serde_position(text, e.line(), e.column());
                d.line = Some(pos.line);
                d.column = Some(pos.column);
            }
            return Err(fail(d));
        }
    };
    if items.total > MAX_VERSIONS {
        return Err(at_start(set_too_large(items.total), positions));
    }
    let mut cursor = Cursor::new(text);
    let mut issues: Vec<Diagnostic> = Vec::new();
    let mut cut = None;
    let mut versions = Vec::new();
    for (i, raw) in items.raw.iter().enumerate() {
        if issues.len() >= crate::limits::MAX_ISSUES {
            issues.truncate(crate::limits::MAX_ISSUES);
            cut = Some(stopped(i, items.total));
            break;
        }
        let slice = raw.get();
        match load(slice) {
            Ok(mut p) => {
                // An object's text is ours, not the caller's: lint gives no positions in it.
                p.positions = positions == Positions::Keep;
                versions.push(p);
            }
            Err(e) => {
                let offset = (slice.as_ptr() as usize).saturating_sub(text.as_ptr() as usize);
                let (line0, col0) = cursor.position(offset);
                let path = if prefix.is_empty() {
                    format!("[{i}]")
                } else {
                    format!("{prefix}[{i}]")
                };
                for mut d in e.issues {
                    match positions {
                        Positions::Keep => {
                            if let (Some(l), Some(c)) = (d.line, d.column) {
                                d.column = Some(if l == 1 { c + col0 - 1 } else { c });
                                d.line = Some(l + line0 - 1);
                            }
                        }
                        Positions::Drop => (d.line, d.column) = (None, None),
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
    if issues.is_empty() {
        return PolicySet::from_policies(versions);
    }
    if issues.len() > crate::limits::MAX_ISSUES {
        issues.truncate(crate::limits::MAX_ISSUES);
        cut = cut.or_else(|| Some(stopped(items.raw.len(), items.total)));
    }
    if positions == Positions::Drop {
        crate::diag::sort_diagnostics(&mut issues);
    }
    issues.extend(cut);
    Err(PolicyError { issues })
}

impl PolicySet {
    /// Load a set from JSON text: an array of policy documents, or `{"versions": [...]}`.
    ///
    /// Cost is linear in the text: the list is read once (items past [`MAX_VERSIONS`] are
    /// counted, not loaded), positions are computed in one pass, and loading stops once
    /// [`crate::limits::MAX_ISSUES`] problems are found.
    ///
    /// # Errors
    /// `PolicyError` with the problems of the versions (positions relative to the whole
    /// text): `too_large` beyond [`crate::limits::MAX_POLICY_SET_BYTES`] or [`MAX_VERSIONS`],
    /// `bad_effective` for overlapping versions, `bad_value` for mixed ids, and
    /// `too_many_issues` last when the list was cut.
    pub fn from_json(text: &str) -> Result<PolicySet, PolicyError> {
        read(text, Positions::Keep, Policy::from_json)
    }

    /// [`PolicySet::from_json`] on a `'static` text (a built-in set): its versions hold their
    /// documents without a copy.
    ///
    /// # Errors
    /// As [`PolicySet::from_json`].
    pub fn from_static_json(text: &'static str) -> Result<PolicySet, PolicyError> {
        read(text, Positions::Keep, Policy::from_static_json)
    }

    /// Load a set from the JSON text of an already-parsed value (a JS object): the same
    /// checks as [`PolicySet::from_json`], with no lines or columns, sorted by path.
    ///
    /// # Errors
    /// As [`PolicySet::from_json`].
    pub fn from_object_text(text: &str) -> Result<PolicySet, PolicyError> {
        read(text, Positions::Drop, Policy::from_json)
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
                _ => return Err(fail(no_versions())),
            },
            _ => return Err(fail(not_a_set())),
        };
        if list.len() > MAX_VERSIONS {
            return Err(fail(set_too_large(list.len())));
        }
        let mut issues = Vec::new();
        let mut versions = Vec::new();
        for (i, d) in list.iter().enumerate() {
            if issues.len() >= crate::limits::MAX_ISSUES {
                issues.truncate(crate::limits::MAX_ISSUES);
                issues.push(stopped(i, list.len()));
                break;
            }
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
            Ok(PolicySet {
                versions: versions.into_iter().map(std::sync::Arc::new).collect(),
            })
        } else {
            Err(PolicyError { issues })
        }
    }

    /// The set with every version [`Policy::without_source`].
    pub fn without_sources(self) -> PolicySet {
        PolicySet {
            versions: self
                .versions
                .into_iter()
                .map(|p| {
                    std::sync::Arc::try_unwrap(p)
                        .map(|p| std::sync::Arc::new(p.without_source()))
                        .unwrap_or_else(|shared| shared)
                })
                .collect(),
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

    pub fn policies(&self) -> &[std::sync::Arc<Policy>] {
        &self.versions
    }

    /// The version in force for a request: the one whose range holds the received day that
    /// version itself computes (its calendar and cutoff).
    ///
    /// # Errors
    /// `not_in_force` when no version covers the received day; request errors as for evaluate.
    pub fn select(&self, req: &Request) -> Result<&Policy, RequestError> {
        self.select_shared(req).map(|p| &**p)
    }

    /// [`PolicySet::select`], as the shared version itself (a cheap clone).
    ///
    /// # Errors
    /// As [`PolicySet::select`].
    pub fn select_shared(&self, req: &Request) -> Result<&std::sync::Arc<Policy>, RequestError> {
        let mut last_day = None;
        for p in &self.versions {
            // A version that does not know the request's region (an older version, before the
            // region existed) is judged on its own cutoff and calendar; the version chosen then
            // decides with the region, or answers `unknown_region` itself.
            let day = match crate::engine::decision::received_day(p, req) {
                Err(e) if req.region.is_some() && e.code() == Code::UnknownRegion => {
                    let mut own = req.clone();
                    own.region = None;
                    crate::engine::decision::received_day(p, &own)?
                }
                other => other?,
            };
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
