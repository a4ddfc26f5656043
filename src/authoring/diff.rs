//! Structural differences between two policy versions, and the cases they change (SPEC §4).
//!
//! The comparison reads the parsed documents (`Policy::source`), which the loader has already
//! validated, so every value here is well formed; defaults are filled in before comparing, so
//! writing a default explicitly is not a change. Lists keyed by id (a service's materials, its
//! stages, a bundle's services) are matched by id, not position: paths name the entry as
//! `services.power.materials[load_list].required`. `$comment` is never compared.
//!
//! Every change is `{kind, path, old, new, message}`; changes are sorted by path, then kind.
//! With a case file, every case is decided under both versions and each difference in outcome,
//! per-service outcome, missing materials (ids and `tolerated`), received day, supplement due
//! day, due day or per-service due day is listed for that case.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;
use serde_json::{Map, Value};

use crate::authoring::cases::{self, CaseFile};
use crate::diag::Message;
use crate::engine::decision::Decision;
use crate::policy::Policy;

/// One structural change.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    pub kind: &'static str,
    pub path: String,
    pub old: Value,
    pub new: Value,
    pub message: Message,
}

/// One difference in a case's decision between the two versions.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CaseChange {
    pub path: String,
    pub old: Value,
    pub new: Value,
}

/// A case whose decision changes.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AffectedCase {
    pub name: String,
    pub changes: Vec<CaseChange>,
}

/// Which policy a side of the diff is.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PolicyRef {
    pub id: String,
    pub version: String,
    pub fingerprint: String,
}

/// The result of [`diff`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PolicyDiff {
    pub old: PolicyRef,
    pub new: PolicyRef,
    pub changes: Vec<Change>,
    /// How many cases were decided under both versions (0 without a case file).
    pub cases_checked: usize,
    /// The cases whose decision changes, in file order.
    pub cases: Vec<AffectedCase>,
}

fn policy_ref(p: &Policy) -> PolicyRef {
    PolicyRef {
        id: p.id.clone(),
        version: p.version.clone(),
        fingerprint: p.fingerprint().to_string(),
    }
}

/// Compare two versions of a policy, and decide the cases (if any) under both.
pub fn diff(old: &Policy, new: &Policy, cases: Option<&CaseFile>) -> PolicyDiff {
    let mut d = Differ {
        old: old.source(),
        new: new.source(),
        out: Vec::new(),
    };
    d.top();
    d.fields();
    d.materials();
    d.services();
    d.bundles();
    let mut changes = d.out;
    crate::sorting::sort_by(&mut changes, |a, b| {
        (a.path.as_str(), a.kind).cmp(&(b.path.as_str(), b.kind))
    });
    let mut affected = Vec::new();
    let mut checked = 0;
    if let Some(file) = cases {
        for c in &file.cases {
            checked += 1;
            let a = snapshot(cases::decide(old, &c.request));
            let b = snapshot(cases::decide(new, &c.request));
            let paths = crate::sorting::set_of(a.keys().chain(b.keys()));
            let mut ch = Vec::new();
            for p in paths {
                let x = a.get(p).cloned().unwrap_or(Value::Null);
                let y = b.get(p).cloned().unwrap_or(Value::Null);
                if x != y {
                    ch.push(CaseChange {
                        path: p.clone(),
                        old: x,
                        new: y,
                    });
                }
            }
            if !ch.is_empty() {
                affected.push(AffectedCase {
                    name: c.name.clone(),
                    changes: ch,
                });
            }
        }
    }
    PolicyDiff {
        old: policy_ref(old),
        new: policy_ref(new),
        changes,
        cases_checked: checked,
        cases: affected,
    }
}

/// What of a decision a diff compares, by path.
fn snapshot(r: Result<Decision, crate::engine::request::RequestError>) -> BTreeMap<String, Value> {
    let mut m = BTreeMap::new();
    let d = match r {
        Ok(d) => d,
        Err(e) => {
            m.insert("error".into(), Value::String(e.code().as_str().into()));
            return m;
        }
    };
    let date = |x: Option<crate::date::Date>| x.map_or(Value::Null, |d| d.to_string().into());
    m.insert("outcome".into(), d.outcome.as_str().into());
    for s in &d.services {
        m.insert(format!("services.{}", s.id), s.outcome.as_str().into());
    }
    for x in &d.missing {
        m.insert(format!("missing.{}", x.id), Value::Bool(x.tolerated));
    }
    m.insert("received_on".into(), d.received_on.to_string().into());
    let t = d.timeline.as_ref();
    m.insert(
        "supplement_due".into(),
        date(t.and_then(|t| t.supplement_due)),
    );
    m.insert("due".into(), date(t.map(|t| t.due)));
    if let Some(t) = t {
        for s in &t.services {
            m.insert(format!("service_dues.{}", s.id), s.due.to_string().into());
        }
    }
    m
}

// ---- structural comparison ------------------------------------------------------------------

static NULL: Value = Value::Null;

fn get<'a>(v: &'a Value, key: &str) -> &'a Value {
    v.get(key).unwrap_or(&NULL)
}

fn obj(v: &Value) -> Option<&Map<String, Value>> {
    v.as_object()
}

/// A value without `$comment` anywhere.
fn clean(v: &Value) -> Value {
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
fn or(v: &Value, dflt: Value) -> Value {
    if v.is_null() {
        dflt
    } else {
        clean(v)
    }
}

fn keys<'a>(a: &'a Value, b: &'a Value) -> BTreeSet<&'a String> {
    let mut s: BTreeSet<&String> = BTreeSet::new();
    for v in [a, b] {
        if let Some(m) = obj(v) {
            s.extend(m.keys().filter(|k| !k.starts_with('$')));
        }
    }
    s
}

/// Entries of a list keyed by `key` (`ref` for materials, `id` for stages), in order.
fn keyed<'a>(v: &'a Value, key: &str) -> Vec<(String, &'a Value)> {
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

fn label(v: &Value, en: bool) -> Option<String> {
    let l = if en {
        v.get("en").or_else(|| v.get("zh-CN"))
    } else {
        v.get("zh-CN")
    };
    l.and_then(Value::as_str).map(str::to_string)
}

fn period_text(v: &Value, en: bool) -> Option<String> {
    let m = obj(v)?;
    if m.len() != 1 {
        return None;
    }
    let (k, n) = m.iter().next()?;
    let n = n.as_u64()?;
    Some(match (k.as_str(), en) {
        ("working_days", false) => format!("{n}个工作日"),
        ("natural_days", false) => format!("{n}个自然日"),
        ("months", false) => format!("{n}个月"),
        ("working_days", true) => format!("{n} working day{}", if n == 1 { "" } else { "s" }),
        ("natural_days", true) => format!("{n} natural day{}", if n == 1 { "" } else { "s" }),
        ("months", true) => format!("{n} month{}", if n == 1 { "" } else { "s" }),
        _ => return None,
    })
}

/// A value as a short phrase in a message.
fn show(v: &Value, en: bool) -> String {
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
fn arrow(old: &Value, new: &Value, en: bool) -> String {
    format!("{} → {}", show(old, en), show(new, en))
}

struct Differ<'a> {
    old: &'a Value,
    new: &'a Value,
    out: Vec<Change>,
}

impl Differ<'_> {
    fn push(
        &mut self,
        kind: &'static str,
        path: String,
        old: Value,
        new: Value,
        zh: String,
        en: String,
    ) {
        self.out.push(Change {
            kind,
            path,
            old,
            new,
            message: Message::new(zh, en),
        });
    }

    /// `old → new` of one value, with a subject phrase in both languages.
    fn changed(
        &mut self,
        kind: &'static str,
        path: String,
        old: Value,
        new: Value,
        subject: (&str, &str),
    ) {
        if old == new {
            return;
        }
        let zh = format!("{}：{}", subject.0, arrow(&old, &new, false));
        let en = format!("{}: {}", subject.1, arrow(&old, &new, true));
        self.push(kind, path, old, new, zh, en);
    }

    /// The name of a catalogue entry or service in both languages, from the newer side.
    fn name(&self, section: &str, id: &str) -> (String, String) {
        let pick = |doc: &Value, en: bool| label(get(get(get(doc, section), id), "name"), en);
        let zh = pick(self.new, false)
            .or_else(|| pick(self.old, false))
            .unwrap_or_else(|| id.to_string());
        let en = pick(self.new, true)
            .or_else(|| pick(self.old, true))
            .unwrap_or_else(|| id.to_string());
        (format!("「{zh}」"), format!("`{id}` ({en})"))
    }

    fn labels(&mut self, path: &str, a: &Value, b: &Value, names: &[&str], what: (&str, &str)) {
        for k in names {
            let (x, y) = (clean(get(a, k)), clean(get(b, k)));
            if x != y {
                let zh = format!("{}的{}已修改", what.0, label_word(k, false));
                let en = format!("the {} of {} changed", label_word(k, true), what.1);
                self.push("label_changed", format!("{path}.{k}"), x, y, zh, en);
            }
        }
    }

    fn basis(&mut self, path: &str, a: &Value, b: &Value, what: (&str, &str)) {
        let (x, y) = (clean(get(a, "basis")), clean(get(b, "basis")));
        if x != y {
            let zh = format!("{}的设定依据已修改", what.0);
            let en = format!("the legal basis of {} changed", what.1);
            self.push("basis_changed", format!("{path}.basis"), x, y, zh, en);
        }
    }

    fn top(&mut self) {
        let (a, b) = (self.old, self.new);
        let items: [(&str, &'static str, Value, &str, &str); 7] = [
            ("id", "id_changed", Value::Null, "策略标识", "the policy id"),
            (
                "version",
                "version_changed",
                Value::Null,
                "版本",
                "the version",
            ),
            (
                "effective",
                "effective_changed",
                Value::Null,
                "生效期间",
                "the effective range",
            ),
            (
                "calendar",
                "calendar_changed",
                "cn-mainland".into(),
                "工作日历",
                "the calendar",
            ),
            (
                "cutoff",
                "cutoff_changed",
                "17:00".into(),
                "当日收件截止时刻",
                "the daily cutoff",
            ),
            (
                "beyond_coverage",
                "beyond_coverage_changed",
                "error".into(),
                "日历范围外的处理",
                "the handling of dates beyond the calendar",
            ),
            (
                "format",
                "format_changed",
                Value::Null,
                "格式版本",
                "the format version",
            ),
        ];
        for (key, kind, dflt, zh, en) in items {
            let x = or(get(a, key), dflt.clone());
            let y = or(get(b, key), dflt);
            self.changed(kind, key.into(), x, y, (zh, en));
        }
        self.labels("", a, b, &["title"], ("策略", "the policy"));
        // `labels` joins with a dot; the top level has no prefix.
        for c in &mut self.out {
            if c.path == ".title" {
                c.path = "title".into();
            }
        }
    }

    fn fields(&mut self) {
        let (a, b) = (get(self.old, "fields"), get(self.new, "fields"));
        for id in keys(a, b) {
            let path = format!("fields.{id}");
            let (x, y) = (get(a, id), get(b, id));
            let (zh, en) = (format!("表单字段 `{id}`"), format!("form field `{id}`"));
            match (x.is_null(), y.is_null()) {
                (true, false) => self.push(
                    "field_added",
                    path,
                    Value::Null,
                    clean(y),
                    format!("新增{zh}"),
                    format!("{en} added"),
                ),
                (false, true) => self.push(
                    "field_removed",
                    path,
                    clean(x),
                    Value::Null,
                    format!("删除{zh}"),
                    format!("{en} removed"),
                ),
                (false, false) => {
                    self.changed(
                        "field_type_changed",
                        format!("{path}.type"),
                        clean(get(x, "type")),
                        clean(get(y, "type")),
                        (&format!("{zh}的类型"), &format!("the type of {en}")),
                    );
                    for k in keys(x, y) {
                        if matches!(
                            k.as_str(),
                            "type" | "label" | "description" | "value_labels"
                        ) {
                            continue;
                        }
                        let dflt = match k.as_str() {
                            "required" | "integer" => Value::Bool(false),
                            _ => Value::Null,
                        };
                        self.changed(
                            "field_changed",
                            format!("{path}.{k}"),
                            or(get(x, k), dflt.clone()),
                            or(get(y, k), dflt),
                            (&format!("{zh}的 `{k}`"), &format!("`{k}` of {en}")),
                        );
                    }
                    self.labels(
                        &path,
                        x,
                        y,
                        &["label", "description", "value_labels"],
                        (&zh, &en),
                    );
                }
                (true, true) => {}
            }
        }
    }

    fn materials(&mut self) {
        let (a, b) = (get(self.old, "materials"), get(self.new, "materials"));
        for id in keys(a, b) {
            let path = format!("materials.{id}");
            let (x, y) = (get(a, id), get(b, id));
            let (n_zh, n_en) = self.name("materials", id);
            let (zh, en) = (format!("材料{n_zh}"), format!("material {n_en}"));
            match (x.is_null(), y.is_null()) {
                (true, false) => self.push(
                    "material_added",
                    path,
                    Value::Null,
                    clean(y),
                    format!("目录新增{zh}"),
                    format!("{en} added to the catalogue"),
                ),
                (false, true) => self.push(
                    "material_removed",
                    path,
                    clean(x),
                    Value::Null,
                    format!("目录删除{zh}"),
                    format!("{en} removed from the catalogue"),
                ),
                (false, false) => {
                    let items: [(&str, &'static str, Value, &str, &str); 3] = [
                        (
                            "electronic",
                            "material_electronic_changed",
                            Value::Bool(false),
                            "可用电子证照免提交",
                            "may be taken from an electronic licence",
                        ),
                        (
                            "commitment",
                            "material_commitment_changed",
                            Value::Bool(false),
                            "可告知承诺",
                            "may be replaced by a commitment",
                        ),
                        (
                            "area",
                            "material_area_changed",
                            "general".into(),
                            "所属领域",
                            "area",
                        ),
                    ];
                    for (k, kind, dflt, w_zh, w_en) in items {
                        self.changed(
                            kind,
                            format!("{path}.{k}"),
                            or(get(x, k), dflt.clone()),
                            or(get(y, k), dflt),
                            (&format!("{zh}「{w_zh}」"), &format!("{en}, {w_en}")),
                        );
                    }
                    self.labels(&path, x, y, &["name", "description"], (&zh, &en));
                    self.basis(&path, x, y, (&zh, &en));
                }
                (true, true) => {}
            }
        }
    }

    fn services(&mut self) {
        let (a, b) = (get(self.old, "services"), get(self.new, "services"));
        for id in keys(a, b) {
            let path = format!("services.{id}");
            let (x, y) = (get(a, id), get(b, id));
            let (n_zh, n_en) = self.name("services", id);
            let (zh, en) = (format!("事项{n_zh}"), format!("service {n_en}"));
            match (x.is_null(), y.is_null()) {
                (true, false) => self.push(
                    "service_added",
                    path,
                    Value::Null,
                    clean(y),
                    format!("新增{zh}"),
                    format!("{en} added"),
                ),
                (false, true) => self.push(
                    "service_removed",
                    path,
                    clean(x),
                    Value::Null,
                    format!("删除{zh}"),
                    format!("{en} removed"),
                ),
                (false, false) => self.service(&path, id, x, y, (&zh, &en)),
                (true, true) => {}
            }
        }
    }

    fn service(&mut self, path: &str, _id: &str, x: &Value, y: &Value, what: (&str, &str)) {
        self.labels(path, x, y, &["name", "department"], what);
        self.basis(path, x, y, what);
        self.changed(
            "applies_if_changed",
            format!("{path}.applies_if"),
            or(get(x, "applies_if"), "true".into()),
            or(get(y, "applies_if"), "true".into()),
            (
                &format!("{}的适用条件", what.0),
                &format!("the applicability of {}", what.1),
            ),
        );
        self.changed(
            "rejects_changed",
            format!("{path}.rejects"),
            or(get(x, "rejects"), Value::Array(Vec::new())),
            or(get(y, "rejects"), Value::Array(Vec::new())),
            (
                &format!("{}的不予受理情形", what.0),
                &format!("the rejection rules of {}", what.1),
            ),
        );
        for k in ["promise", "legal"] {
            let (w_zh, w_en) = if k == "promise" {
                ("承诺时限", "promised time limit")
            } else {
                ("法定时限", "statutory time limit")
            };
            self.changed(
                if k == "promise" {
                    "promise_changed"
                } else {
                    "legal_changed"
                },
                format!("{path}.{k}"),
                clean(get(x, k)),
                clean(get(y, k)),
                (
                    &format!("{}的{w_zh}", what.0),
                    &format!("the {w_en} of {}", what.1),
                ),
            );
        }
        // Tolerance, key by key.
        let (tx, ty) = (get(x, "tolerance"), get(y, "tolerance"));
        for k in keys(tx, ty) {
            if k == "basis" {
                continue;
            }
            self.changed(
                "tolerance_changed",
                format!("{path}.tolerance.{k}"),
                clean(get(tx, k)),
                clean(get(ty, k)),
                (
                    &format!("{}的容缺规则 `{k}`", what.0),
                    &format!("`{k}` of the tolerance rule of {}", what.1),
                ),
            );
        }
        self.basis(
            &format!("{path}.tolerance"),
            tx,
            ty,
            (
                &format!("{}的容缺规则", what.0),
                &format!("the tolerance rule of {}", what.1),
            ),
        );
        self.entries(path, x, y, what);
        self.stages(path, x, y, what);
    }

    /// A service's material entries, matched by `ref`.
    fn entries(&mut self, path: &str, x: &Value, y: &Value, what: (&str, &str)) {
        let ea = crate::sorting::map_of(keyed(get(x, "materials"), "ref"));
        let eb = crate::sorting::map_of(keyed(get(y, "materials"), "ref"));
        let ids = crate::sorting::set_of(ea.keys().chain(eb.keys()));
        for m in ids {
            let p = format!("{path}.materials[{m}]");
            let (mz, me) = self.name("materials", m);
            let (mz, me) = (format!("材料{mz}"), format!("material {me}"));
            match (ea.get(m), eb.get(m)) {
                (None, Some(e)) => self.push(
                    "service_material_added",
                    p,
                    Value::Null,
                    clean(e),
                    format!(
                        "{}新增{mz}，要求：{}",
                        what.0,
                        req_text(get(e, "required"), false)
                    ),
                    format!(
                        "{me} added to {}, required: {}",
                        what.1,
                        req_text(get(e, "required"), true)
                    ),
                ),
                (Some(e), None) => self.push(
                    "service_material_removed",
                    p,
                    clean(e),
                    Value::Null,
                    format!("{}删除{mz}", what.0),
                    format!("{me} removed from {}", what.1),
                ),
                (Some(ex), Some(ey)) => {
                    self.requirement(&p, ex, ey, (&mz, &me), what);
                    self.tolerable(&p, ex, ey, (&mz, &me), what);
                    self.basis(
                        &p,
                        ex,
                        ey,
                        (&format!("{}的{mz}", what.0), &format!("{me} of {}", what.1)),
                    );
                }
                (None, None) => {}
            }
        }
    }

    fn requirement(&mut self, p: &str, ex: &Value, ey: &Value, m: (&str, &str), s: (&str, &str)) {
        let rx = or(get(ex, "required"), Value::Bool(false));
        let ry = or(get(ey, "required"), Value::Bool(false));
        if rx == ry {
            return;
        }
        let kind = match (&rx, &ry) {
            (_, Value::Bool(true)) => "material_made_required",
            (_, Value::Bool(false)) => "material_made_not_required",
            (Value::String(_), Value::String(_)) => "material_condition_changed",
            _ => "material_made_conditional",
        };
        let (zh, en) = match kind {
            "material_made_required" => (
                format!(
                    "{}的{}改为必须提交（原为：{}）",
                    s.0,
                    m.0,
                    req_text(&rx, false)
                ),
                format!(
                    "{} of {} is now always required (was: {})",
                    m.1,
                    s.1,
                    req_text(&rx, true)
                ),
            ),
            "material_made_not_required" => (
                format!("{}的{}不再要求（原为：{}）", s.0, m.0, req_text(&rx, false)),
                format!(
                    "{} of {} is no longer required (was: {})",
                    m.1,
                    s.1,
                    req_text(&rx, true)
                ),
            ),
            "material_condition_changed" => (
                format!("{}的{}的要求条件：{}", s.0, m.0, arrow(&rx, &ry, false)),
                format!(
                    "the condition requiring {} of {}: {}",
                    m.1,
                    s.1,
                    arrow(&rx, &ry, true)
                ),
            ),
            _ => (
                format!("{}的{}改为有条件要求：{}", s.0, m.0, show(&ry, false)),
                format!(
                    "{} of {} is now required only if {}",
                    m.1,
                    s.1,
                    show(&ry, true)
                ),
            ),
        };
        self.push(kind, format!("{p}.required"), rx, ry, zh, en);
    }

    fn tolerable(&mut self, p: &str, ex: &Value, ey: &Value, m: (&str, &str), s: (&str, &str)) {
        let tx = clean(get(get(ex, "tolerable"), "supplement_within"));
        let ty = clean(get(get(ey, "tolerable"), "supplement_within"));
        if tx == ty {
            return;
        }
        let path = format!("{p}.tolerable");
        let (kind, zh, en) = match (tx.is_null(), ty.is_null()) {
            (true, _) => (
                "material_made_tolerable",
                format!("{}的{}改为可容缺，{}内补齐", s.0, m.0, show(&ty, false)),
                format!(
                    "{} of {} may now be missing at intake (容缺), to be supplied within {}",
                    m.1,
                    s.1,
                    show(&ty, true)
                ),
            ),
            (_, true) => (
                "material_no_longer_tolerable",
                format!(
                    "{}的{}不再可容缺（原为{}内补齐）",
                    s.0,
                    m.0,
                    show(&tx, false)
                ),
                format!(
                    "{} of {} may no longer be missing at intake (was: supply within {})",
                    m.1,
                    s.1,
                    show(&tx, true)
                ),
            ),
            _ => (
                "supplement_period_changed",
                format!("{}的{}补齐期限：{}", s.0, m.0, arrow(&tx, &ty, false)),
                format!(
                    "the supplement period of {} of {}: {}",
                    m.1,
                    s.1,
                    arrow(&tx, &ty, true)
                ),
            ),
        };
        self.push(kind, path, tx, ty, zh, en);
    }

    fn stages(&mut self, path: &str, x: &Value, y: &Value, what: (&str, &str)) {
        let sa = crate::sorting::map_of(keyed(get(x, "stages"), "id"));
        let sb = crate::sorting::map_of(keyed(get(y, "stages"), "id"));
        let ids = crate::sorting::set_of(sa.keys().chain(sb.keys()));
        for id in ids {
            let p = format!("{path}.stages[{id}]");
            let sname = sb
                .get(id)
                .or_else(|| sa.get(id))
                .map(|s| get(s, "name"))
                .unwrap_or(&NULL);
            let zh = format!(
                "{}的环节「{}」",
                what.0,
                label(sname, false).unwrap_or_else(|| id.clone())
            );
            let en = format!("stage `{id}` of {}", what.1);
            match (sa.get(id), sb.get(id)) {
                (None, Some(s)) => self.push(
                    "stage_added",
                    p,
                    Value::Null,
                    clean(s),
                    format!("新增{zh}，时限{}", show(get(s, "limit"), false)),
                    format!("{en} added, limit {}", show(get(s, "limit"), true)),
                ),
                (Some(s), None) => self.push(
                    "stage_removed",
                    p,
                    clean(s),
                    Value::Null,
                    format!("删除{zh}"),
                    format!("{en} removed"),
                ),
                (Some(a), Some(b)) => {
                    self.changed(
                        "stage_limit_changed",
                        format!("{p}.limit"),
                        clean(get(a, "limit")),
                        clean(get(b, "limit")),
                        (&format!("{zh}的时限"), &format!("the time limit of {en}")),
                    );
                    self.changed(
                        "stage_limit_if_changed",
                        format!("{p}.limit_if"),
                        or(get(a, "limit_if"), Value::Array(Vec::new())),
                        or(get(b, "limit_if"), Value::Array(Vec::new())),
                        (
                            &format!("{zh}的条件时限"),
                            &format!("the conditional limits of {en}"),
                        ),
                    );
                    let set = |s: &Value| -> Value {
                        let mut v: Vec<Value> = get(s, "after")
                            .as_array()
                            .map(|a| a.to_vec())
                            .unwrap_or_default();
                        crate::sorting::sort_by_key(&mut v, crate::api::to_json);
                        Value::Array(v)
                    };
                    self.changed(
                        "stage_after_changed",
                        format!("{p}.after"),
                        set(a),
                        set(b),
                        (
                            &format!("{zh}的前置环节"),
                            &format!("the predecessors of {en}"),
                        ),
                    );
                    self.changed(
                        "stage_pauses_changed",
                        format!("{p}.pauses"),
                        or(get(a, "pauses"), Value::Array(Vec::new())),
                        or(get(b, "pauses"), Value::Array(Vec::new())),
                        (&format!("{zh}的停止计时"), &format!("the pauses of {en}")),
                    );
                    self.labels(&p, a, b, &["name"], (&zh, &en));
                    self.basis(&p, a, b, (&zh, &en));
                }
                (None, None) => {}
            }
        }
    }

    fn bundles(&mut self) {
        let (a, b) = (get(self.old, "bundles"), get(self.new, "bundles"));
        for id in keys(a, b) {
            let path = format!("bundles.{id}");
            let (x, y) = (get(a, id), get(b, id));
            let (n_zh, n_en) = self.name("bundles", id);
            let (zh, en) = (format!("联办{n_zh}"), format!("bundle {n_en}"));
            match (x.is_null(), y.is_null()) {
                (true, false) => self.push(
                    "bundle_added",
                    path,
                    Value::Null,
                    clean(y),
                    format!("新增{zh}"),
                    format!("{en} added"),
                ),
                (false, true) => self.push(
                    "bundle_removed",
                    path,
                    clean(x),
                    Value::Null,
                    format!("删除{zh}"),
                    format!("{en} removed"),
                ),
                (false, false) => self.bundle(&path, x, y, (&zh, &en)),
                (true, true) => {}
            }
        }
    }

    fn bundle(&mut self, path: &str, x: &Value, y: &Value, what: (&str, &str)) {
        let list = |v: &Value| -> Vec<String> {
            let mut out: Vec<String> = Vec::new();
            for s in get(v, "services").as_array().into_iter().flatten() {
                if let Some(s) = s.as_str() {
                    if !out.iter().any(|x| x == s) {
                        out.push(s.to_string());
                    }
                }
            }
            out
        };
        let (la, lb) = (list(x), list(y));
        for s in la.iter().filter(|s| !lb.contains(s)) {
            let (sz, se) = self.name("services", s);
            self.push(
                "bundle_service_removed",
                format!("{path}.services[{s}]"),
                Value::String(s.clone()),
                Value::Null,
                format!("{}移出事项{sz}", what.0),
                format!("service {se} removed from {}", what.1),
            );
        }
        for s in lb.iter().filter(|s| !la.contains(s)) {
            let (sz, se) = self.name("services", s);
            self.push(
                "bundle_service_added",
                format!("{path}.services[{s}]"),
                Value::Null,
                Value::String(s.clone()),
                format!("{}加入事项{sz}", what.0),
                format!("service {se} added to {}", what.1),
            );
        }
        let common_a: Vec<&String> = la.iter().filter(|s| lb.contains(s)).collect();
        let common_b: Vec<&String> = lb.iter().filter(|s| la.contains(s)).collect();
        if common_a != common_b {
            self.push(
                "bundle_order_changed",
                format!("{path}.services"),
                strs(&la),
                strs(&lb),
                format!("{}的事项顺序已改变（影响串联对比）", what.0),
                format!(
                    "the order of services in {} changed (it sets the serial comparison)",
                    what.1
                ),
            );
        }
        let items: [(&str, &'static str, &str, &str); 4] = [
            (
                "intake",
                "bundle_intake_changed",
                "一窗受理时限",
                "intake phase",
            ),
            (
                "finish",
                "bundle_finish_changed",
                "统一出件时限",
                "finish phase",
            ),
            (
                "promise",
                "promise_changed",
                "承诺时限",
                "promised time limit",
            ),
            ("legal", "legal_changed", "法定时限", "statutory time limit"),
        ];
        for (k, kind, w_zh, w_en) in items {
            self.changed(
                kind,
                format!("{path}.{k}"),
                clean(get(x, k)),
                clean(get(y, k)),
                (
                    &format!("{}的{w_zh}", what.0),
                    &format!("the {w_en} of {}", what.1),
                ),
            );
        }
        self.labels(path, x, y, &["name"], what);
        self.basis(path, x, y, what);
    }
}

fn strs(v: &[String]) -> Value {
    Value::Array(v.iter().map(|s| Value::String(s.clone())).collect())
}

fn label_word(k: &str, en: bool) -> &'static str {
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

fn req_text(v: &Value, en: bool) -> String {
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
