//! The structural comparison of two loaded policies, part by part: the top level, fields, the
//! material catalogue, services (in `services.rs`) and bundles.
//!
//! Values are compared in the document's shape (`render.rs`) with the loader's defaults
//! filled in, so an explicit default and an absent key compare equal.

use std::collections::BTreeMap;

use serde_json::Value;

use super::render::{self as r, arrow, label_word};
use super::Change;
use crate::diag::Message;
use crate::policy::{Basis, Bundle, Label, Policy};

/// Every structural change from `old` to `new`, unsorted.
pub(super) fn changes(old: &Policy, new: &Policy) -> Vec<Change> {
    let mut d = Differ {
        old,
        new,
        out: Vec::new(),
    };
    d.top();
    d.fields();
    d.materials();
    d.services();
    d.bundles();
    d.out
}

/// Entries of both sides matched by id, in id order: `(old, new)`, at least one present.
pub(super) type Pairs<'a, T> = BTreeMap<&'a str, (Option<&'a T>, Option<&'a T>)>;

pub(super) fn pair<'a, T: 'a>(
    old: impl IntoIterator<Item = (&'a str, &'a T)>,
    new: impl IntoIterator<Item = (&'a str, &'a T)>,
) -> Pairs<'a, T> {
    let mut m: Pairs<'a, T> =
        crate::sorting::map_of(old.into_iter().map(|(id, x)| (id, (Some(x), None))));
    for (id, y) in new {
        m.entry(id).or_insert((None, None)).1 = Some(y);
    }
    m
}

/// Where a named entry lives, to name it in a message.
#[derive(Clone, Copy)]
pub(super) enum Section {
    Materials,
    Services,
    Bundles,
}

fn name_of<'a>(p: &'a Policy, section: Section, id: &str) -> Option<&'a Label> {
    match section {
        Section::Materials => p
            .material_index(id)
            .and_then(|i| p.materials.get(i))
            .map(|m| &m.name),
        Section::Services => p
            .service_index(id)
            .and_then(|i| p.services.get(i))
            .map(|s| &s.name),
        Section::Bundles => p
            .bundle_index(id)
            .and_then(|i| p.bundles.get(i))
            .map(|b| &b.name),
    }
}

pub(super) struct Differ<'a> {
    pub(super) old: &'a Policy,
    pub(super) new: &'a Policy,
    pub(super) out: Vec<Change>,
}

impl Differ<'_> {
    pub(super) fn push(
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
    pub(super) fn changed(
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

    /// The name of a catalogue entry, service or bundle in both languages, from the newer side.
    pub(super) fn name(&self, section: Section, id: &str) -> (String, String) {
        let l = name_of(self.new, section, id).or_else(|| name_of(self.old, section, id));
        let zh = l.map_or_else(|| id.to_string(), |l| r::text(l, false));
        let en = l.map_or_else(|| id.to_string(), |l| r::text(l, true));
        (format!("「{zh}」"), format!("`{id}` ({en})"))
    }

    /// `label_changed` for each `(key, old, new)` that differs; `path` empty at the top level.
    pub(super) fn labels(
        &mut self,
        path: &str,
        items: Vec<(&str, Value, Value)>,
        what: (&str, &str),
    ) {
        for (k, x, y) in items {
            if x != y {
                let zh = format!("{}的{}已修改", what.0, label_word(k, false));
                let en = format!("the {} of {} changed", label_word(k, true), what.1);
                let p = if path.is_empty() {
                    k.to_string()
                } else {
                    format!("{path}.{k}")
                };
                self.push("label_changed", p, x, y, zh, en);
            }
        }
    }

    pub(super) fn basis(
        &mut self,
        path: &str,
        a: Option<&Basis>,
        b: Option<&Basis>,
        what: (&str, &str),
    ) {
        let (x, y) = (r::basis(a), r::basis(b));
        if x != y {
            let zh = format!("{}的设定依据已修改", what.0);
            let en = format!("the legal basis of {} changed", what.1);
            self.push("basis_changed", format!("{path}.basis"), x, y, zh, en);
        }
    }

    fn top(&mut self) {
        let (a, b) = (self.old, self.new);
        let s = |x: &str| Value::String(x.to_string());
        let items: [(&str, &'static str, Value, Value, &str, &str); 6] = [
            (
                "id",
                "id_changed",
                s(&a.id),
                s(&b.id),
                "策略标识",
                "the policy id",
            ),
            (
                "version",
                "version_changed",
                s(&a.version),
                s(&b.version),
                "版本",
                "the version",
            ),
            (
                "effective",
                "effective_changed",
                r::effective(a),
                r::effective(b),
                "生效期间",
                "the effective range",
            ),
            (
                "calendar",
                "calendar_changed",
                r::calendar(&a.calendar_info),
                r::calendar(&b.calendar_info),
                "工作日历",
                "the calendar",
            ),
            (
                "cutoff",
                "cutoff_changed",
                r::time(a.cutoff),
                r::time(b.cutoff),
                "当日收件截止时刻",
                "the daily cutoff",
            ),
            (
                "beyond_coverage",
                "beyond_coverage_changed",
                s(a.beyond_coverage.as_str()),
                s(b.beyond_coverage.as_str()),
                "日历范围外的处理",
                "the handling of dates beyond the calendar",
            ),
        ];
        for (key, kind, x, y, zh, en) in items {
            self.changed(kind, key.into(), x, y, (zh, en));
        }
        let title = ("title", r::label(&a.title), r::label(&b.title));
        self.labels("", vec![title], ("策略", "the policy"));
    }

    fn fields(&mut self) {
        let (a, b) = (self.old, self.new);
        for (id, pair) in pair(
            a.fields.iter().map(|v| (v.id.as_str(), v)),
            b.fields.iter().map(|v| (v.id.as_str(), v)),
        ) {
            let path = format!("fields.{id}");
            let (zh, en) = (format!("表单字段 `{id}`"), format!("form field `{id}`"));
            match pair {
                (None, Some(y)) => self.push(
                    "field_added",
                    path,
                    Value::Null,
                    r::field(y),
                    format!("新增{zh}"),
                    format!("{en} added"),
                ),
                (Some(x), None) => self.push(
                    "field_removed",
                    path,
                    r::field(x),
                    Value::Null,
                    format!("删除{zh}"),
                    format!("{en} removed"),
                ),
                (Some(x), Some(y)) => {
                    self.changed(
                        "field_type_changed",
                        format!("{path}.type"),
                        r::field_type(&x.ty),
                        r::field_type(&y.ty),
                        (&format!("{zh}的类型"), &format!("the type of {en}")),
                    );
                    for ((k, vx), (_, vy)) in
                        r::field_settings(x).into_iter().zip(r::field_settings(y))
                    {
                        self.changed(
                            "field_changed",
                            format!("{path}.{k}"),
                            vx,
                            vy,
                            (&format!("{zh}的 `{k}`"), &format!("`{k}` of {en}")),
                        );
                    }
                    let labels = vec![
                        (
                            "label",
                            r::opt_label(x.label.as_ref()),
                            r::opt_label(y.label.as_ref()),
                        ),
                        (
                            "description",
                            r::opt_label(x.description.as_ref()),
                            r::opt_label(y.description.as_ref()),
                        ),
                        ("value_labels", r::value_labels(x), r::value_labels(y)),
                    ];
                    self.labels(&path, labels, (&zh, &en));
                }
                (None, None) => {}
            }
        }
    }

    fn materials(&mut self) {
        let (a, b) = (self.old, self.new);
        for (id, pair) in pair(
            a.materials.iter().map(|v| (v.id.as_str(), v)),
            b.materials.iter().map(|v| (v.id.as_str(), v)),
        ) {
            let path = format!("materials.{id}");
            let (n_zh, n_en) = self.name(Section::Materials, id);
            let (zh, en) = (format!("材料{n_zh}"), format!("material {n_en}"));
            match pair {
                (None, Some(y)) => self.push(
                    "material_added",
                    path,
                    Value::Null,
                    r::material(y),
                    format!("目录新增{zh}"),
                    format!("{en} added to the catalogue"),
                ),
                (Some(x), None) => self.push(
                    "material_removed",
                    path,
                    r::material(x),
                    Value::Null,
                    format!("目录删除{zh}"),
                    format!("{en} removed from the catalogue"),
                ),
                (Some(x), Some(y)) => {
                    let area = |m: &crate::policy::Material| Value::from(m.area.as_str());
                    let items: [(&str, &'static str, Value, Value, &str, &str); 3] = [
                        (
                            "electronic",
                            "material_electronic_changed",
                            Value::Bool(x.electronic),
                            Value::Bool(y.electronic),
                            "可用电子证照免提交",
                            "may be taken from an electronic licence",
                        ),
                        (
                            "commitment",
                            "material_commitment_changed",
                            Value::Bool(x.commitment),
                            Value::Bool(y.commitment),
                            "可告知承诺",
                            "may be replaced by a commitment",
                        ),
                        (
                            "area",
                            "material_area_changed",
                            area(x),
                            area(y),
                            "所属领域",
                            "area",
                        ),
                    ];
                    for (k, kind, vx, vy, w_zh, w_en) in items {
                        self.changed(
                            kind,
                            format!("{path}.{k}"),
                            vx,
                            vy,
                            (&format!("{zh}「{w_zh}」"), &format!("{en}, {w_en}")),
                        );
                    }
                    let labels = vec![
                        ("name", r::label(&x.name), r::label(&y.name)),
                        (
                            "description",
                            r::opt_label(x.description.as_ref()),
                            r::opt_label(y.description.as_ref()),
                        ),
                    ];
                    self.labels(&path, labels, (&zh, &en));
                    self.basis(&path, x.basis.as_ref(), y.basis.as_ref(), (&zh, &en));
                }
                (None, None) => {}
            }
        }
    }

    fn bundles(&mut self) {
        let (a, b) = (self.old, self.new);
        for (id, pair) in pair(
            a.bundles.iter().map(|v| (v.id.as_str(), v)),
            b.bundles.iter().map(|v| (v.id.as_str(), v)),
        ) {
            let path = format!("bundles.{id}");
            let (n_zh, n_en) = self.name(Section::Bundles, id);
            let (zh, en) = (format!("联办{n_zh}"), format!("bundle {n_en}"));
            match pair {
                (None, Some(y)) => self.push(
                    "bundle_added",
                    path,
                    Value::Null,
                    r::bundle(b, y),
                    format!("新增{zh}"),
                    format!("{en} added"),
                ),
                (Some(x), None) => self.push(
                    "bundle_removed",
                    path,
                    r::bundle(a, x),
                    Value::Null,
                    format!("删除{zh}"),
                    format!("{en} removed"),
                ),
                (Some(x), Some(y)) => self.bundle(&path, x, y, (&zh, &en)),
                (None, None) => {}
            }
        }
    }

    fn bundle(&mut self, path: &str, x: &Bundle, y: &Bundle, what: (&str, &str)) {
        let la = r::bundle_services(self.old, x);
        let lb = r::bundle_services(self.new, y);
        for s in la.iter().filter(|s| !lb.contains(s)) {
            let (sz, se) = self.name(Section::Services, s);
            self.push(
                "bundle_service_removed",
                format!("{path}.services[{s}]"),
                Value::String(s.to_string()),
                Value::Null,
                format!("{}移出事项{sz}", what.0),
                format!("service {se} removed from {}", what.1),
            );
        }
        for s in lb.iter().filter(|s| !la.contains(s)) {
            let (sz, se) = self.name(Section::Services, s);
            self.push(
                "bundle_service_added",
                format!("{path}.services[{s}]"),
                Value::Null,
                Value::String(s.to_string()),
                format!("{}加入事项{sz}", what.0),
                format!("service {se} added to {}", what.1),
            );
        }
        let common_a: Vec<&&str> = la.iter().filter(|s| lb.contains(s)).collect();
        let common_b: Vec<&&str> = lb.iter().filter(|s| la.contains(s)).collect();
        if common_a != common_b {
            self.push(
                "bundle_order_changed",
                format!("{path}.services"),
                r::strs(&la),
                r::strs(&lb),
                format!("{}的事项顺序已改变（影响串联对比）", what.0),
                format!(
                    "the order of services in {} changed (it sets the serial comparison)",
                    what.1
                ),
            );
        }
        let items: [(&str, &'static str, Value, Value, &str, &str); 4] = [
            (
                "intake",
                "bundle_intake_changed",
                r::phase(x.intake.as_ref()),
                r::phase(y.intake.as_ref()),
                "一窗受理时限",
                "intake phase",
            ),
            (
                "finish",
                "bundle_finish_changed",
                r::phase(x.finish.as_ref()),
                r::phase(y.finish.as_ref()),
                "统一出件时限",
                "finish phase",
            ),
            (
                "promise",
                "promise_changed",
                r::opt_period(x.promise),
                r::opt_period(y.promise),
                "承诺时限",
                "promised time limit",
            ),
            (
                "legal",
                "legal_changed",
                r::opt_period(x.legal),
                r::opt_period(y.legal),
                "法定时限",
                "statutory time limit",
            ),
        ];
        for (k, kind, vx, vy, w_zh, w_en) in items {
            self.changed(
                kind,
                format!("{path}.{k}"),
                vx,
                vy,
                (
                    &format!("{}的{w_zh}", what.0),
                    &format!("the {w_en} of {}", what.1),
                ),
            );
        }
        let labels = vec![("name", r::label(&x.name), r::label(&y.name))];
        self.labels(path, labels, what);
        self.basis(path, x.basis.as_ref(), y.basis.as_ref(), what);
    }
}
