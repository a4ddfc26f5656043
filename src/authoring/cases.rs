//! Case files (SPEC §4): requests with expected decisions, run against a policy.
//!
//! A case file is `{"cases": [{"name", "request", "expect"}]}`. Every `expect` key is optional;
//! a key that is present is checked exactly as documented on [`Expect`]. The file itself is
//! checked once, up front: an unknown key, a value of the wrong type or an unknown outcome is an
//! error naming its path (with line and column when the file was JSON text), and nothing runs.
//! A request the engine cannot decide (an unknown target, an unparsable `submitted_at`) only
//! fails its own case: the report carries the `RequestError`'s issues in that case's `errors`.
//!
//! Architecture invariant: this module only reads decisions through `Policy::evaluate`; it has
//! no rules of its own.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;
use serde_json::{Map, Value};

use crate::date::Date;
use crate::diag::{Code, Diagnostic, Message};
use crate::engine::decision::Decision;
use crate::engine::request::{Request, RequestError};
use crate::policy::Policy;

/// The largest case file accepted (bytes).
pub const MAX_CASES_BYTES: usize = 8 << 20;
/// The most cases accepted in one file.
pub const MAX_CASES: usize = 10_000;

const OUTCOMES: [&str; 4] = [
    "accepted",
    "accepted_with_tolerance",
    "needs_correction",
    "not_accepted",
];

/// What a case expects of its decision. `None`: not checked.
///
/// - `outcome`: the overall outcome.
/// - `services`: service id → outcome, for the ids listed (an id that is not among the
///   decision's applicable services has the actual value `null`).
/// - `checklist`: the exact set of material ids in the checklist.
/// - `used_by`: material id → the exact list of service ids using it (order ignored).
/// - `missing`: the exact set of missing material ids, each with its `tolerated` flag.
/// - `field_errors`: path fragments. Each fragment must be contained in the path of some
///   error, and every error's path must contain some fragment: the list covers the errors
///   exactly, so `[]` asserts that there are none.
/// - `notice_mentions`: substrings the notice must contain.
/// - `received_on`; `supplement_due` and `due` (the timeline's; `null` when there is no
///   timeline or no supplement); `service_dues`: service id → the service's due day.
/// - `proceeding`: the exact set of proceeding services (SPEC §7.5).
/// - `follow_ups`: the exact set of materials with a follow-up, each with its due day
///   (`null`: not known) (SPEC §7.6).
/// - `redirect`: service id → the target it redirects to (`null`: none, or not applicable).
/// - `required_fields`: the exact set of required fields (SPEC §7.7).
/// - `correction_notice_due`: the Art. 32 deadline (`null`: none).
/// - the clock keys of SPEC §7 (`working_days`, `counted_working_days`, `promise_met`,
///   `legal_due`, `legal_extended_due`, `region`, `service_counted`): [`ClockExpect`].
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Expect {
    pub outcome: Option<String>,
    /// `null` for an id: expected not applicable.
    pub services: Option<BTreeMap<String, Option<String>>>,
    pub checklist: Option<BTreeSet<String>>,
    /// `null` for an id: expected not in the checklist.
    pub used_by: Option<BTreeMap<String, Option<BTreeSet<String>>>>,
    pub missing: Option<BTreeMap<String, bool>>,
    pub field_errors: Option<Vec<String>>,
    pub notice_mentions: Option<Vec<String>>,
    pub received_on: Option<Date>,
    pub supplement_due: Option<Option<Date>>,
    pub due: Option<Option<Date>>,
    pub service_dues: Option<BTreeMap<String, Option<Date>>>,
    pub proceeding: Option<BTreeSet<String>>,
    pub follow_ups: Option<BTreeMap<String, Option<Date>>>,
    pub redirect: Option<BTreeMap<String, Option<String>>>,
    pub required_fields: Option<BTreeSet<String>>,
    pub correction_notice_due: Option<Option<Date>>,
    /// The clock keys (SPEC §7): see [`ClockExpect`].
    pub clock: ClockExpect,
}

/// One case of a case file: the request is kept as JSON, so an unusable one fails only its
/// own case.
#[derive(Debug, Clone, PartialEq)]
pub struct Case {
    pub name: String,
    pub request: Value,
    pub expect: Expect,
}

/// A parsed case file.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CaseFile {
    pub cases: Vec<Case>,
}

/// One expectation that did not hold.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "CaseDifference"))]
pub struct Difference {
    pub path: String,
    #[cfg_attr(feature = "ts", ts(type = "unknown"))]
    pub expected: Value,
    #[cfg_attr(feature = "ts", ts(type = "unknown"))]
    pub actual: Value,
}

/// The result of one case.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CaseResult {
    pub name: String,
    pub passed: bool,
    pub differences: Vec<Difference>,
    /// The issues of a `RequestError` when the request could not be decided; empty otherwise.
    pub errors: Vec<Diagnostic>,
}

/// The report of a case run: counts and one result per case, in file order.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CaseReport {
    pub passed: usize,
    pub failed: usize,
    pub cases: Vec<CaseResult>,
}

// ---- parsing ----------------------------------------------------------------------------------

struct Parser {
    issues: Vec<Diagnostic>,
}

impl Parser {
    fn err(&mut self, path: &str, code: Code, zh: String, en: String) {
        self.issues
            .push(Diagnostic::error(path, code, Message::new(zh, en)));
    }

    fn type_err(&mut self, path: &str, zh: &str, en: &str) {
        self.err(
            path,
            Code::TypeMismatch,
            format!("`{path}` 必须是{zh}"),
            format!("`{path}` must be {en}"),
        );
    }

    fn unknown_keys(&mut self, obj: &Map<String, Value>, path: &str, allowed: &[&str]) {
        for k in obj.keys() {
            if k == "$comment" || allowed.contains(&k.as_str()) {
                continue;
            }
            let shown: String = k.chars().take(64).collect();
            let at = join(path, k);
            let hint = suggest(k, allowed);
            let (zh_list, en_list) = match hint {
                Some(_) => (String::new(), String::new()),
                None => (
                    format!("，可用：{}", allowed.join("、")),
                    format!("; expected one of {}", allowed.join(", ")),
                ),
            };
            let d = Diagnostic::error(
                &at,
                Code::UnknownField,
                Message::new(
                    format!("未知的键 `{shown}`{zh_list}"),
                    format!("unknown key `{shown}`{en_list}"),
                ),
            );
            let help = hint.map(|h| Message::from(crate::text::suggest::help_for(h)));
            self.issues.push(d.with_help(help));
        }
    }

    fn string(&mut self, v: &Value, path: &str) -> Option<String> {
        match v {
            Value::String(s) => Some(s.clone()),
            _ => {
                self.type_err(path, "字符串", "a string");
                None
            }
        }
    }

    fn outcome(&mut self, v: &Value, path: &str) -> Option<String> {
        let s = self.string(v, path)?;
        if OUTCOMES.contains(&s.as_str()) {
            Some(s)
        } else {
            let shown: String = s.chars().take(64).collect();
            self.err(
                path,
                Code::BadValue,
                format!("`{shown}` 不是办理结果，可用：{}", OUTCOMES.join("、")),
                format!(
                    "`{shown}` is not an outcome; expected one of {}",
                    OUTCOMES.join(", ")
                ),
            );
            None
        }
    }

    fn date(&mut self, v: &Value, path: &str) -> Option<Date> {
        let s = self.string(v, path)?;
        let d = Date::parse(&s);
        if d.is_none() {
            let shown: String = s.chars().take(40).collect();
            self.err(
                path,
                Code::BadDate,
                format!("`{shown}` 不是有效日期（应为 YYYY-MM-DD）"),
                format!("`{shown}` is not a valid date (expected YYYY-MM-DD)"),
            );
        }
        d
    }

    fn opt_date(&mut self, v: &Value, path: &str) -> Option<Option<Date>> {
        match v {
            Value::Null => Some(None),
            _ => self.date(v, path).map(Some),
        }
    }

    fn strings(&mut self, v: &Value, path: &str) -> Option<Vec<String>> {
        let Value::Array(a) = v else {
            self.type_err(path, "字符串数组", "a list of strings");
            return None;
        };
        let mut out = Vec::with_capacity(a.len());
        let mut ok = true;
        for (i, x) in a.iter().enumerate() {
            match self.string(x, &format!("{path}[{i}]")) {
                Some(s) => out.push(s),
                None => ok = false,
            }
        }
        ok.then_some(out)
    }

    fn map<T>(
        &mut self,
        v: &Value,
        path: &str,
        mut each: impl FnMut(&mut Self, &Value, &str) -> Option<T>,
    ) -> Option<BTreeMap<String, T>> {
        let Value::Object(m) = v else {
            self.type_err(path, "对象", "an object");
            return None;
        };
        let mut out = BTreeMap::new();
        let mut ok = true;
        for (k, x) in m {
            if k == "$comment" {
                continue;
            }
            match each(self, x, &join(path, k)) {
                Some(t) => {
                    out.insert(k.clone(), t);
                }
                None => ok = false,
            }
        }
        ok.then_some(out)
    }

    fn expect(&mut self, v: &Value, path: &str) -> Expect {
        let mut e = Expect::default();
        let Value::Object(m) = v else {
            self.type_err(path, "对象", "an object");
            return e;
        };
        let allowed: Vec<&str> = EXPECT_KEYS.iter().chain(&clock::KEYS).copied().collect();
        self.unknown_keys(m, path, &allowed);
        for (k, x) in m {
            let p = join(path, k);
            match k.as_str() {
                "outcome" => e.outcome = self.outcome(x, &p),
                "services" => {
                    e.services = self.map(x, &p, |s, x, p| match x {
                        Value::Null => Some(None),
                        _ => s.outcome(x, p).map(Some),
                    });
                }
                "checklist" => {
                    e.checklist = self.strings(x, &p).map(|v| v.into_iter().collect());
                }
                "used_by" => {
                    e.used_by = self.map(x, &p, |s, x, p| match x {
                        Value::Null => Some(None),
                        _ => s.strings(x, p).map(|v| Some(v.into_iter().collect())),
                    });
                }
                "missing" => {
                    e.missing = self.map(x, &p, |s, x, p| match x {
                        Value::Bool(b) => Some(*b),
                        _ => {
                            s.type_err(
                                p,
                                "布尔值（是否容缺）",
                                "a bool (whether the material is tolerated)",
                            );
                            None
                        }
                    });
                }
                "field_errors" => e.field_errors = self.strings(x, &p),
                "notice_mentions" => e.notice_mentions = self.strings(x, &p),
                "received_on" => e.received_on = self.date(x, &p),
                "supplement_due" => e.supplement_due = self.opt_date(x, &p),
                "due" => e.due = self.opt_date(x, &p),
                "service_dues" => e.service_dues = self.map(x, &p, |s, x, p| s.opt_date(x, p)),
                "proceeding" => {
                    e.proceeding = self.strings(x, &p).map(|v| v.into_iter().collect());
                }
                "follow_ups" => e.follow_ups = self.map(x, &p, |s, x, p| s.opt_date(x, p)),
                "redirect" => {
                    e.redirect = self.map(x, &p, |s, x, p| match x {
                        Value::Null => Some(None),
                        _ => s.string(x, p).map(Some),
                    });
                }
                "required_fields" => {
                    e.required_fields = self.strings(x, &p).map(|v| v.into_iter().collect());
                }
                "correction_notice_due" => e.correction_notice_due = self.opt_date(x, &p),
                _ => self.clock_key(k, x, &p, &mut e.clock),
            }
        }
        e
    }

    fn case(&mut self, v: &Value, path: &str) -> Option<Case> {
        let Value::Object(m) = v else {
            self.type_err(path, "对象", "an object");
            return None;
        };
        self.unknown_keys(m, path, &CASE_KEYS);
        let name = match m.get("name") {
            Some(x) => self.string(x, &join(path, "name")),
            None => {
                self.missing(path, "name");
                None
            }
        };
        let request = match m.get("request") {
            Some(x) => Some(x.clone()),
            None => {
                self.missing(path, "request");
                None
            }
        };
        let expect = match m.get("expect") {
            Some(x) => self.expect(x, &join(path, "expect")), // ok: the case-file reader named `expect`, not Option::expect
            None => Expect::default(),
        };
        Some(Case {
            name: name?,
            request: request?,
            expect,
        })
    }

    fn missing(&mut self, path: &str, key: &str) {
        self.err(
            path,
            Code::MissingField,
            format!("`{path}` 缺少必需的键 `{key}`"),
            format!("`{path}` lacks the required key `{key}`"),
        );
    }
}

const CASE_KEYS: [&str; 3] = ["name", "request", "expect"];
const EXPECT_KEYS: [&str; 16] = [
    "outcome",
    "services",
    "checklist",
    "used_by",
    "missing",
    "field_errors",
    "notice_mentions",
    "received_on",
    "supplement_due",
    "due",
    "service_dues",
    "proceeding",
    "follow_ups",
    "redirect",
    "required_fields",
    "correction_notice_due",
];

fn join(path: &str, key: &str) -> String {
    crate::text::locate::key_path(path, key)
}

/// The allowed key closest to a misspelt one: the crate's one did-you-mean rule.
fn suggest<'a>(key: &str, allowed: &[&'a str]) -> Option<&'a str> {
    crate::text::suggest::suggest(key, allowed.iter().copied())
}

impl CaseFile {
    /// Parse a case file from JSON text; problems carry line and column.
    ///
    /// # Errors
    /// A `RequestError` with every problem of the file (`invalid_json`, `unknown_field`,
    /// `missing_field`, `type_mismatch`, `bad_value`, `bad_date`, `too_large`).
    pub fn from_json(text: &str) -> Result<CaseFile, RequestError> {
        if text.len() > MAX_CASES_BYTES {
            return Err(RequestError::new(
                "",
                Code::TooLarge,
                format!("用例文件超过 {MAX_CASES_BYTES} 字节的上限"),
                format!("the case file is larger than the limit of {MAX_CASES_BYTES} bytes"),
            ));
        }
        let v: Value = serde_json::from_str(text).map_err(|e| {
            // serde_json counts columns in bytes and appends " at line L column C": the
            // position is given in UTF-16 columns instead, as everywhere else.
            let at = crate::text::locate::from_serde_position(text, e.line(), e.column());
            let detail = e.to_string();
            let detail = detail
                .rfind(" at line ")
                .map_or(detail.as_str(), |i| detail.get(..i).unwrap_or(&detail));
            RequestError {
                issues: vec![Diagnostic {
                    line: Some(at.line),
                    column: Some(at.column),
                    ..Diagnostic::error(
                        "",
                        Code::InvalidJson,
                        Message::new(
                            format!(
                                "用例文件不是合法的 JSON：{}",
                                crate::policy::json_detail_zh(detail)
                            ),
                            format!("the case file is not valid JSON: {detail}"),
                        ),
                    )
                }],
            }
        })?;
        CaseFile::from_value(&v).map_err(|mut e| {
            // The crate's one JSON locator: a member's key, an element's value, or (for a
            // missing key) the object that lacks it.
            let locations = crate::text::locate::scan(text);
            for d in &mut e.issues {
                let at = locations.key(&d.path);
                d.line = Some(at.line);
                d.column = Some(at.column);
            }
            e
        })
    }

    /// Parse a case file from a JSON value; problems have no line or column.
    ///
    /// # Errors
    /// As [`CaseFile::from_json`].
    pub fn from_value(v: &Value) -> Result<CaseFile, RequestError> {
        let mut p = Parser { issues: Vec::new() };
        let Value::Object(top) = v else {
            p.type_err(
                "",
                "对象 {\"cases\": [...]}",
                "an object {\"cases\": [...]}",
            );
            return Err(RequestError { issues: p.issues });
        };
        p.unknown_keys(top, "", &["cases", "$schema"]);
        let mut cases = Vec::new();
        match top.get("cases") {
            Some(Value::Array(a)) if a.len() > MAX_CASES => p.err(
                "cases",
                Code::TooLarge,
                format!("用例超过 {MAX_CASES} 个的上限"),
                format!("more than {MAX_CASES} cases"),
            ),
            Some(Value::Array(a)) => {
                for (i, c) in a.iter().enumerate() {
                    if let Some(c) = p.case(c, &format!("cases[{i}]")) {
                        cases.push(c);
                    }
                }
            }
            Some(_) => p.type_err("cases", "数组", "a list"),
            None => p.missing("", "cases"),
        }
        if p.issues.is_empty() {
            Ok(CaseFile { cases })
        } else {
            Err(RequestError { issues: p.issues })
        }
    }
}

// ---- running ----------------------------------------------------------------------------------

fn strs<'a>(it: impl IntoIterator<Item = &'a String>) -> Value {
    Value::Array(it.into_iter().map(|s| Value::String(s.clone())).collect())
}

fn date_value(d: Option<Date>) -> Value {
    d.map_or(Value::Null, |d| Value::String(d.to_string()))
}

/// The differences between what a case expects and a decision, in the order of the `expect`
/// keys as documented, ids sorted within each key.
pub fn check(expect: &Expect, d: &Decision) -> Vec<Difference> {
    let mut out = Vec::new();
    let mut diff = |path: String, expected: Value, actual: Value| {
        if expected != actual {
            out.push(Difference {
                path,
                expected,
                actual,
            });
        }
    };
    if let Some(o) = &expect.outcome {
        diff(
            "outcome".into(),
            Value::String(o.clone()),
            Value::String(d.outcome.as_str().into()),
        );
    }
    if let Some(services) = &expect.services {
        for (id, o) in services {
            let actual = d
                .services
                .iter()
                .find(|s| &s.id == id)
                .map_or(Value::Null, |s| Value::String(s.outcome.as_str().into()));
            let expected = o.clone().map_or(Value::Null, Value::String);
            diff(format!("services.{id}"), expected, actual);
        }
    }
    if let Some(list) = &expect.checklist {
        let actual = crate::sorting::set_of(d.checklist.iter().map(|c| &c.id));
        diff("checklist".into(), strs(list), strs(actual));
    }
    if let Some(used_by) = &expect.used_by {
        for (id, services) in used_by {
            let actual = d
                .checklist
                .iter()
                .find(|c| &c.id == id)
                .map_or(Value::Null, |c| {
                    strs(c.used_by.iter().collect::<BTreeSet<_>>())
                });
            let expected = services.as_ref().map_or(Value::Null, strs);
            diff(format!("used_by.{id}"), expected, actual);
        }
    }
    if let Some(missing) = &expect.missing {
        let actual: BTreeMap<&String, bool> =
            d.missing.iter().map(|m| (&m.id, m.tolerated)).collect();
        let ids = crate::sorting::set_of(missing.keys().chain(actual.keys().copied()));
        for id in ids {
            diff(
                format!("missing.{id}"),
                missing.get(id).map_or(Value::Null, |b| Value::Bool(*b)),
                actual.get(id).map_or(Value::Null, |b| Value::Bool(*b)),
            );
        }
    }
    if let Some(fragments) = &expect.field_errors {
        let paths: Vec<&String> = d.field_errors.iter().map(|e| &e.path).collect();
        let covered = fragments
            .iter()
            .all(|f| paths.iter().any(|p| p.contains(f.as_str())))
            && paths
                .iter()
                .all(|p| fragments.iter().any(|f| p.contains(f.as_str())));
        if !covered {
            out.push(Difference {
                path: "field_errors".into(),
                expected: strs(fragments),
                actual: strs(paths),
            });
        }
    }
    if let Some(mentions) = &expect.notice_mentions {
        for (i, m) in mentions.iter().enumerate() {
            if !d.notice.contains(m.as_str()) {
                out.push(Difference {
                    path: format!("notice_mentions[{i}]"),
                    expected: Value::String(m.clone()),
                    actual: Value::Null,
                });
            }
        }
    }
    let mut diff = |path: String, expected: Value, actual: Value| {
        if expected != actual {
            out.push(Difference {
                path,
                expected,
                actual,
            });
        }
    };
    if let Some(r) = expect.received_on {
        diff(
            "received_on".into(),
            date_value(Some(r)),
            date_value(Some(d.received_on)),
        );
    }
    let t = d.timeline.as_ref();
    if let Some(s) = expect.supplement_due {
        diff(
            "supplement_due".into(),
            date_value(s),
            date_value(t.and_then(|t| t.supplement_due)),
        );
    }
    if let Some(due) = expect.due {
        diff("due".into(), date_value(due), date_value(t.map(|t| t.due)));
    }
    if let Some(dues) = &expect.service_dues {
        for (id, due) in dues {
            let actual = t
                .and_then(|t| t.services.iter().find(|s| &s.id == id))
                .map(|s| s.due);
            diff(
                format!("service_dues.{id}"),
                date_value(*due),
                date_value(actual),
            );
        }
    }
    if let Some(list) = &expect.proceeding {
        diff("proceeding".into(), strs(list), strs(&d.proceeding));
    }
    if let Some(follow_ups) = &expect.follow_ups {
        let actual: BTreeMap<&String, Option<Date>> =
            d.follow_ups.iter().map(|f| (&f.material, f.due)).collect();
        let ids = crate::sorting::set_of(follow_ups.keys().chain(actual.keys().copied()));
        for id in ids {
            // Absent on either side shows as `false` (no follow-up), `null` is an unknown day.
            let shown = |x: Option<&Option<Date>>| x.map_or(Value::Bool(false), |d| date_value(*d));
            diff(
                format!("follow_ups.{id}"),
                shown(follow_ups.get(id)),
                shown(actual.get(id)),
            );
        }
    }
    if let Some(redirects) = &expect.redirect {
        for (id, to) in redirects {
            let actual = d
                .services
                .iter()
                .find(|s| &s.id == id)
                .and_then(|s| s.redirect.clone());
            let shown = |x: Option<String>| x.map_or(Value::Null, Value::String);
            diff(format!("redirect.{id}"), shown(to.clone()), shown(actual));
        }
    }
    if let Some(list) = &expect.required_fields {
        diff(
            "required_fields".into(),
            strs(list),
            strs(&d.required_fields),
        );
    }
    if let Some(due) = expect.correction_notice_due {
        diff(
            "correction_notice_due".into(),
            date_value(due),
            date_value(d.correction_notice_due),
        );
    }
    clock::check(&expect.clock, d, &mut out);
    out
}

/// Evaluate a case's request: the decision, or the `RequestError` that stopped it.
pub(crate) fn decide(policy: &Policy, request: &Value) -> Result<Decision, RequestError> {
    let req = Request::from_value(request.clone())?;
    policy.evaluate(&req)
}

/// Run every case of a parsed file.
pub fn run(policy: &Policy, file: &CaseFile) -> CaseReport {
    let mut cases = Vec::with_capacity(file.cases.len());
    for c in &file.cases {
        let (differences, errors) = match decide(policy, &c.request) {
            Ok(d) => (check(&c.expect, &d), Vec::new()),
            Err(e) => (Vec::new(), e.issues),
        };
        cases.push(CaseResult {
            name: c.name.clone(),
            passed: differences.is_empty() && errors.is_empty(),
            differences,
            errors,
        });
    }
    let passed = cases.iter().filter(|c| c.passed).count();
    CaseReport {
        passed,
        failed: cases.len() - passed,
        cases,
    }
}

impl Policy {
    /// Run a case file (JSON text) against this policy.
    ///
    /// # Errors
    /// A `RequestError` when the case file itself is unusable; a case whose request cannot be
    /// decided only fails that case.
    ///
    /// # Example
    /// ```no_run
    /// # fn run(policy: &intake_rules::Policy) -> Result<(), intake_rules::RequestError> {
    /// let report = policy.run_cases(r#"{"cases": []}"#)?;
    /// assert_eq!(report.failed, 0);
    /// # Ok(()) }
    /// ```
    pub fn run_cases(&self, cases_json: &str) -> Result<CaseReport, RequestError> {
        let file = CaseFile::from_json(cases_json)?;
        Ok(run(self, &file))
    }
}

mod clock;
pub use clock::ClockExpect;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_file_errors_name_their_paths() {
        let text = "{\"cases\": [\n {\"name\": \"x\", \"request\": {}, \"expect\": {\"outcom\": \"accepted\", \"due\": 3}}\n]}";
        let e = CaseFile::from_json(text)
            .err()
            .map(|e| e.issues)
            .unwrap_or_default();
        let paths: Vec<(&str, Option<u32>)> = e.iter().map(|d| (d.path.as_str(), d.line)).collect();
        assert_eq!(
            paths,
            vec![
                ("cases[0].expect.outcom", Some(2)),
                ("cases[0].expect.due", Some(2))
            ]
        );
        assert!(e
            .iter()
            .any(|d| d.text("en").contains("did you mean `outcome`")));
    }

    #[test]
    fn field_error_fragments_cover_exactly() {
        let e = Expect {
            field_errors: Some(vec![]),
            ..Expect::default()
        };
        assert!(e.field_errors.is_some());
        assert_eq!(suggest("outcom", &EXPECT_KEYS), Some("outcome"));
        assert_eq!(suggest("zzz", &EXPECT_KEYS), None);
    }
}
