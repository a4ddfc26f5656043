//! Lint (SPEC §4): problems in a policy that loads fine but is wrong or likely unintended.
//! Every finding has a path, and a line and column when the policy came from JSON text.

use crate::calendar::Period;
use crate::diag::sort_diagnostics;
use crate::diag::{Code, Diagnostic, Message, Severity};
use crate::policy::model::*;
use crate::text::locate::{index_path, key_path};

/// Words in a material's zh-CN name that tie it to safety, health or the environment, where
/// 国办发〔2020〕42号 does not allow a commitment in place of the material.
mod clock;

const SENSITIVE_WORDS: &[&str] = &["安全", "消防", "环评", "环境", "卫生", "健康"];

struct Out<'p> {
    policy: &'p Policy,
    list: Vec<Diagnostic>,
}

impl Out<'_> {
    fn add(
        &mut self,
        path: String,
        on_key: bool,
        code: Code,
        severity: Severity,
        zh: String,
        en: String,
    ) {
        let mut d = Diagnostic::error(path, code, Message::new(zh, en)).with_severity(severity);
        if let Some(locs) = self.policy.locations() {
            let pos = if on_key {
                locs.key(&d.path)
            } else {
                locs.value(&d.path)
            };
            d.line = Some(pos.line);
            d.column = Some(pos.column);
        }
        self.list.push(d);
    }
}

/// Every condition of the policy with its path.
fn conditions(p: &Policy) -> Vec<(String, &Cond)> {
    let mut out = Vec::new();
    for f in &p.fields {
        if let Requirement::If(c) = &f.required {
            out.push((key_path(&key_path("fields", &f.id), "required"), c));
        }
    }
    for s in &p.services {
        let sp = key_path("services", &s.id);
        if let Some(c) = &s.applies_if {
            out.push((key_path(&sp, "applies_if"), c));
        }
        for (i, r) in s.rejects.iter().enumerate() {
            out.push((
                key_path(&index_path(&key_path(&sp, "rejects"), i), "when"),
                &r.when,
            ));
        }
        for (i, r) in s.materials.iter().enumerate() {
            if let Requirement::If(c) = &r.required {
                out.push((
                    key_path(&index_path(&key_path(&sp, "materials"), i), "required"),
                    c,
                ));
            }
        }
        if let Some(c) = s.tolerance.as_ref().and_then(|t| t.excluded_if.as_ref()) {
            out.push((key_path(&key_path(&sp, "tolerance"), "excluded_if"), c));
        }
        for (i, st) in s.stages.iter().enumerate() {
            let stp = index_path(&key_path(&sp, "stages"), i);
            for (j, l) in st.limit_if.iter().enumerate() {
                out.push((
                    key_path(&index_path(&key_path(&stp, "limit_if"), j), "when"),
                    &l.when,
                ));
            }
            for (j, pa) in st.pauses.iter().enumerate() {
                if let Some(c) = &pa.when {
                    out.push((
                        key_path(&index_path(&key_path(&stp, "pauses"), j), "when"),
                        c,
                    ));
                }
            }
        }
    }
    clock::conditions(p, &mut out);
    out
}

/// `committed(m)` / `electronic(m)` on a material whose catalogue entry does not allow that
/// status: the request's status is then an error and reads as missing, so the test never holds.
fn impossible_statuses(out: &mut Out<'_>, conds: &[(String, &Cond)]) {
    use crate::expr::{MaterialStatus, NodeKind};
    let p = out.policy;
    for (path, c) in conds {
        let mut found: Vec<(MaterialStatus, usize)> = Vec::new();
        c.expr.ast().walk(&mut |n| {
            if let NodeKind::Status(call) = &n.kind {
                found.push((call.status, call.index));
            }
        });
        for (status, mi) in found {
            let Some(m) = p.materials.get(mi) else {
                continue;
            };
            let (allowed, zh, en) = match status {
                MaterialStatus::Committed => (m.commitment, "告知承诺", "a commitment"),
                MaterialStatus::Electronic => {
                    (m.electronic, "电子证照免提交", "an electronic licence")
                }
                _ => (true, "", ""),
            };
            if allowed {
                continue;
            }
            let st = status.as_str();
            out.add(
                path.clone(),
                false,
                Code::ImpossibleStatus,
                Severity::Warning,
                format!(
                    "`{st}({})` 永不成立：材料目录不允许材料 `{}` 以{zh}方式提供",
                    m.id, m.id
                ),
                format!(
                    "`{st}({})` never holds: the catalogue does not allow {en} for `{}`",
                    m.id, m.id
                ),
            );
        }
    }
}

/// Every label of the policy with its path, and whether it has an `en` text.
fn labels(p: &Policy) -> Vec<(String, bool)> {
    let mut out: Vec<(String, bool)> = Vec::new();
    let mut put = |path: String, l: &Label| out.push((path, l.has("en")));
    let basis = |path: &str| key_path(&key_path(path, "basis"), "label");
    put("title".to_string(), &p.title);
    for f in &p.fields {
        let fp = key_path("fields", &f.id);
        if let Some(l) = &f.label {
            put(key_path(&fp, "label"), l);
        }
        for (v, l) in &f.value_labels {
            put(key_path(&key_path(&fp, "value_labels"), v), l);
        }
        if let Some(l) = &f.description {
            put(key_path(&fp, "description"), l);
        }
    }
    for m in &p.materials {
        let mp = key_path("materials", &m.id);
        put(key_path(&mp, "name"), &m.name);
        if let Some(l) = &m.description {
            put(key_path(&mp, "description"), l);
        }
        if let Some(b) = &m.basis {
            put(basis(&mp), &b.label);
        }
    }
    for s in &p.services {
        let sp = key_path("services", &s.id);
        put(key_path(&sp, "name"), &s.name);
        if let Some(l) = &s.department {
            put(key_path(&sp, "department"), l);
        }
        for (i, r) in s.rejects.iter().enumerate() {
            let rp = index_path(&key_path(&sp, "rejects"), i);
            put(key_path(&rp, "reason"), &r.reason);
            if let Some(b) = &r.basis {
                put(basis(&rp), &b.label);
            }
        }
        for (i, r) in s.materials.iter().enumerate() {
            if let Some(b) = &r.basis {
                put(basis(&index_path(&key_path(&sp, "materials"), i)), &b.label);
            }
        }
        if let Some(b) = s.tolerance.as_ref().and_then(|t| t.basis.as_ref()) {
            put(basis(&key_path(&sp, "tolerance")), &b.label);
        }
        for (i, st) in s.stages.iter().enumerate() {
            let stp = index_path(&key_path(&sp, "stages"), i);
            if let Some(l) = &st.name {
                put(key_path(&stp, "name"), l);
            }
            for (j, pa) in st.pauses.iter().enumerate() {
                let pp = index_path(&key_path(&stp, "pauses"), j);
                put(key_path(&pp, "name"), &pa.name);
                if let Some(b) = &pa.basis {
                    put(basis(&pp), &b.label);
                }
            }
            if let Some(b) = &st.basis {
                put(basis(&stp), &b.label);
            }
        }
        if let Some(b) = &s.basis {
            put(basis(&sp), &b.label);
        }
    }
    for b in &p.bundles {
        let bp = key_path("bundles", &b.id);
        put(key_path(&bp, "name"), &b.name);
        for (key, phase) in [("intake", &b.intake), ("finish", &b.finish)] {
            if let Some(l) = phase.as_ref().and_then(|ph| ph.name.as_ref()) {
                put(key_path(&key_path(&bp, key), "name"), l);
            }
        }
        if let Some(ba) = &b.basis {
            put(basis(&bp), &ba.label);
        }
    }
    clock::labels(p, &mut out);
    out
}

/// A lower bound of a period in working days: natural days and months count as 0 (a long
/// holiday may cover them), so the bound never claims too much.
fn best_working_days(p: Period) -> u64 {
    match p {
        Period::WorkingDays(n) => u64::from(n),
        Period::NaturalDays(_) | Period::Months(_) => 0,
    }
}

fn period_text(p: Period) -> (String, String) {
    use crate::text::Locale;
    (p.words(Locale::ZhCn), p.words(Locale::En))
}

/// Whether `promise` is certainly longer than `legal`.
fn above(promise: Period, legal: Period) -> bool {
    match (promise, legal) {
        (Period::WorkingDays(a), Period::WorkingDays(b))
        | (Period::NaturalDays(a), Period::NaturalDays(b))
        | (Period::Months(a), Period::Months(b)) => a > b,
        // N working days take at least N natural days.
        (Period::WorkingDays(a), Period::NaturalDays(b)) => a > b,
        _ => false,
    }
}

fn check_promise(
    out: &mut Out<'_>,
    path: &str,
    promise: Option<Period>,
    legal: Option<Period>,
    best: u64,
) {
    let Some(promise) = promise else { return };
    let (pz, pe) = period_text(promise);
    if let Some(legal) = legal {
        if above(promise, legal) {
            let (lz, le) = period_text(legal);
            out.add(
                key_path(path, "promise"),
                false,
                Code::PromiseAboveLegal,
                Severity::Error,
                format!("承诺时限 {pz} 超过法定时限 {lz}"),
                format!("the promise of {pe} is longer than the legal limit of {le}"),
            );
        }
    }
    clock::unreachable(out, key_path(path, "promise"), best, promise, None);
}

pub(crate) fn lint(p: &Policy) -> Vec<Diagnostic> {
    let mut out = Out {
        policy: p,
        list: Vec::new(),
    };
    let conds = conditions(p);

    // unused_field
    let mut used = vec![false; p.fields.len()];
    for (_, c) in &conds {
        for &i in c.expr.fields() {
            if let Some(u) = used.get_mut(i) {
                *u = true;
            }
        }
    }
    for (f, used) in p.fields.iter().zip(&used) {
        if !used && f.required == Requirement::Never {
            out.add(
                key_path("fields", &f.id),
                true,
                Code::UnusedField,
                Severity::Warning,
                format!("字段 `{}` 既非必填，也没有条件使用它", f.id),
                format!("field `{}` is not required and no condition reads it", f.id),
            );
        }
    }

    // constant_condition (a literal `true` / `false` is written on purpose)
    for (path, c) in &conds {
        if matches!(c.src.trim(), "true" | "false") {
            continue;
        }
        if let Some(b) = c.expr.constant() {
            out.add(
                path.clone(),
                false,
                Code::ConstantCondition,
                Severity::Warning,
                format!("条件 `{}` 恒为 `{b}`", c.src),
                format!("the condition `{}` is always `{b}`", c.src),
            );
        }
    }

    // unused_material (a material whose status a condition reads is used too)
    let mut listed = vec![false; p.materials.len()];
    for s in &p.services {
        for r in &s.materials {
            if let Some(l) = listed.get_mut(r.material) {
                *l = true;
            }
        }
    }
    for (_, c) in &conds {
        for &i in c.expr.materials() {
            if let Some(l) = listed.get_mut(i) {
                *l = true;
            }
        }
    }
    impossible_statuses(&mut out, &conds);
    for (m, listed) in p.materials.iter().zip(&listed) {
        if !listed {
            out.add(
                key_path("materials", &m.id),
                true,
                Code::UnusedMaterial,
                Severity::Warning,
                format!("没有事项使用材料 `{}`", m.id),
                format!("no service lists material `{}`", m.id),
            );
        }
    }

    for s in &p.services {
        let sp = key_path("services", &s.id);
        let never_applies = s
            .applies_if
            .as_ref()
            .is_some_and(|c| c.expr.constant() == Some(false));
        let max_missing_zero = s.tolerance.as_ref().and_then(|t| t.max_missing) == Some(0);
        for (i, r) in s.materials.iter().enumerate() {
            let ep = index_path(&key_path(&sp, "materials"), i);
            let mid = p
                .materials
                .get(r.material)
                .map(|m| m.id.as_str())
                .unwrap_or("");
            let never = match &r.required {
                Requirement::Never => true,
                Requirement::Always => false,
                Requirement::If(c) => c.expr.constant() == Some(false),
            };
            if never || never_applies {
                let (zh, en) = if never {
                    (
                        format!("材料 `{mid}` 在本事项中永远不会被要求"),
                        format!("material `{mid}` is never required in this service"),
                    )
                } else {
                    (
                        format!("材料 `{mid}` 永远不会被要求：事项 `{}` 的 `applies_if` 恒为假", s.id),
                        format!(
                            "material `{mid}` is never required: the `applies_if` of service `{}` is always false",
                            s.id
                        ),
                    )
                };
                out.add(
                    key_path(&ep, "required"),
                    false,
                    Code::NeverRequired,
                    Severity::Warning,
                    zh,
                    en,
                );
            }
            if let Some(t) = r.tolerable {
                if max_missing_zero {
                    out.add(
                        key_path(&ep, "tolerable"),
                        false,
                        Code::ToleranceUnusable,
                        Severity::Warning,
                        format!("材料 `{mid}` 可容缺，但本事项的 `max_missing` 为 0"),
                        format!(
                            "material `{mid}` is tolerable but the service's `max_missing` is 0"
                        ),
                    );
                }
                if let (Period::WorkingDays(a), Some(Period::WorkingDays(b))) = (t, s.promise) {
                    if a > b {
                        out.add(
                            key_path(&key_path(&ep, "tolerable"), "supplement_within"),
                            false,
                            Code::SupplementTooLong,
                            Severity::Warning,
                            format!("补正期限 {a} 个工作日长于承诺时限 {b} 个工作日"),
                            format!(
                                "the supplement period of {a} working days is longer than the promise of {b} working days"
                            ),
                        );
                    }
                }
            }
        }
    }
    clock::promises(&mut out, p);
    clock::regions(&mut out, p);

    for b in &p.bundles {
        let bp = key_path("bundles", &b.id);
        // duplicate_service: the model keeps the first mention, and the repeats apart.
        for r in &b.repeated {
            let id = p.services.get(r.service).map_or("", |s| s.id.as_str());
            let first = r.first;
            out.add(
                index_path(&key_path(&bp, "services"), r.at),
                false,
                Code::DuplicateService,
                Severity::Warning,
                format!("事项 `{id}` 已在 `services[{first}]` 列出，此处被忽略"),
                format!(
                    "service `{id}` is already listed at `services[{first}]` and is ignored here"
                ),
            );
        }
    }

    for m in &p.materials {
        if !m.commitment {
            continue;
        }
        let path = key_path(&key_path("materials", &m.id), "commitment");
        if m.area != Area::General {
            out.add(
                path,
                false,
                Code::CommitmentNotAllowed,
                Severity::Error,
                format!(
                    "材料 `{}` 属于 `{}` 领域，国办发〔2020〕42号不允许以告知承诺代替",
                    m.id,
                    m.area.as_str()
                ),
                format!(
                    "material `{}` is in the `{}` area, where 国办发〔2020〕42号 does not allow a commitment",
                    m.id,
                    m.area.as_str()
                ),
            );
        } else if m.area_written {
            // `"area": "general"` written out: the authors classified the material; trust it.
        } else if let Some(w) = SENSITIVE_WORDS.iter().find(|w| m.name.zh().contains(**w)) {
            out.add(
                path,
                false,
                Code::CommitmentNotAllowed,
                Severity::Warning,
                format!("材料 `{}` 的名称含“{w}”，可能涉及不允许告知承诺的领域，请核实 `area`", m.id),
                format!(
                    "material `{}` mentions “{w}” in its name and may be in an area where a commitment is not allowed; check its `area`",
                    m.id
                ),
            );
        }
    }

    for (path, has_en) in labels(p) {
        if !has_en {
            out.add(
                path,
                false,
                Code::MissingTranslation,
                Severity::Info,
                "缺少 `en` 译文".to_string(),
                "the label has no `en` translation".to_string(),
            );
        }
    }

    let mut list = out.list;
    acknowledge(p, &mut list);
    sort_diagnostics(&mut list);
    list
}

/// The policy's `acknowledged` entries: a warning or note with the same code and path becomes
/// `info` and carries the reason; an entry that matches none (stale, or naming an error, which
/// cannot be acknowledged) is itself a warning.
fn acknowledge(p: &Policy, list: &mut Vec<Diagnostic>) {
    let mut unused = Vec::new();
    for (i, a) in p.acknowledged.iter().enumerate() {
        let (code, path) = (a.code.as_str(), a.path.as_str());
        let (zh, en) = (a.reason.zh(), a.reason.get("en"));
        let mut used = false;
        for d in list.iter_mut() {
            if d.code.as_str() == code && d.path == path && d.severity != Severity::Error {
                used = true;
                d.severity = Severity::Info;
                d.message.zh = format!("{}（已确认：{zh}）", d.message.zh);
                d.message.en = format!("{} (acknowledged: {en})", d.message.en);
            }
        }
        if !used {
            let named_error = list
                .iter()
                .any(|d| d.code.as_str() == code && d.path == path);
            let (wz, we) = if named_error {
                (
                    "该项是错误，错误不能确认，只能修正",
                    "it is an error, which cannot be acknowledged, only fixed",
                )
            } else {
                (
                    "检查结果中没有该项（可能已修正，可删除此条）",
                    "lint reports no such finding (perhaps fixed: remove the entry)",
                )
            };
            unused.push((i, code.to_string(), path.to_string(), wz, we));
        }
    }
    let mut out = Out {
        policy: p,
        list: Vec::new(),
    };
    for (i, code, path, wz, we) in unused {
        out.add(
            index_path("acknowledged", i),
            false,
            Code::UnusedAcknowledgement,
            Severity::Warning,
            format!("确认 `{code}` @ `{path}` 未生效：{wz}"),
            format!("the acknowledgement of `{code}` at `{path}` has no effect: {we}"),
        );
    }
    list.append(&mut out.list);
}

impl Policy {
    /// Problems that load fine but are wrong (SPEC §4), sorted by position (or path).
    pub fn lint(&self) -> Vec<Diagnostic> {
        lint(self)
    }
}

impl crate::engine::policy_set::PolicySet {
    /// Each version's lint (paths prefixed `[i].`), plus gaps between consecutive versions.
    pub fn lint(&self) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        for (i, p) in self.versions.iter().enumerate() {
            for mut d in p.lint() {
                d.path = if d.path.is_empty() {
                    format!("[{i}]")
                } else {
                    format!("[{i}].{}", d.path)
                };
                d.line = None;
                d.column = None;
                out.push(d);
            }
        }
        for (i, pair) in self.versions.windows(2).enumerate() {
            let [a, b] = pair else { continue };
            if let (Some(until), Some(from)) = (a.effective_until, b.effective_from) {
                if until.succ().is_some_and(|next| next < from) {
                    let gap_to = from.add_days(-1).unwrap_or(from);
                    out.push(
                        Diagnostic::error(
                            format!("[{}].effective", i + 1),
                            Code::EffectiveGap,
                            Message::new(format!("版本 `{}` 与 `{}` 之间有空档：{} 至 {} 没有生效的版本", a.version, b.version, until.succ().unwrap_or(until), gap_to),
                            format!("gap between versions `{}` and `{}`: no version is in force from {} to {}", a.version, b.version, until.succ().unwrap_or(until), gap_to)),
                        )
                        .with_severity(Severity::Warning),
                    );
                }
            }
        }
        out
    }
}
