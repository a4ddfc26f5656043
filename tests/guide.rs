//! The service guide (SPEC §4): plain-language conditions (snapshots of every operator of the
//! condition language and of nested conditions, in zh-CN and en, through the guide of the
//! fixture `tests/fixtures/guide/policy.json`), limits, tolerance, basis, the HTML page, and
//! agreement with the checklist for every built-in pack target.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::collections::BTreeSet;

use intake_rules::api;
use intake_rules::authoring::guide::{escape_html, Guide, GuideMaterial};
use intake_rules::{Policy, Request};
use serde_json::{json, Value};

fn fixture() -> Policy {
    Policy::from_json(include_str!("fixtures/guide/policy.json")).expect("fixture loads")
}

fn material<'g>(g: &'g Guide, id: &str) -> &'g GuideMaterial {
    g.materials
        .iter()
        .find(|m| m.id == id)
        .unwrap_or_else(|| panic!("material {id} in the guide"))
}

/// The plain-language condition of material `m_<op>` in the service guide of `svc`.
fn when(g: &Guide, op: &str) -> String {
    let m = material(g, &format!("m_{op}"));
    assert_eq!(m.uses.len(), 1);
    m.uses[0].when.clone().expect("a conditional material")
}

const OPERATORS: &[(&str, &str, &str)] = &[
    (
        "gt",
        "报装容量(kVA)大于 160",
        "capacity (kVA) is greater than 160",
    ),
    (
        "lt",
        "报装容量(kVA)小于 160",
        "capacity (kVA) is less than 160",
    ),
    (
        "le",
        "报装容量(kVA)不大于 160",
        "capacity (kVA) is at most 160",
    ),
    (
        "ge",
        "报装容量(kVA)不小于 1.5",
        "capacity (kVA) is at least 1.5",
    ),
    ("eq_num", "报装容量(kVA)为 2000", "capacity (kVA) is 2000"),
    ("ne_num", "报装容量(kVA)不为 -4", "capacity (kVA) is not -4"),
    (
        "flipped",
        "报装容量(kVA)大于 160",
        "capacity (kVA) is greater than 160",
    ),
    (
        "field_field",
        "报装容量(kVA)大于建筑面积",
        "capacity (kVA) is greater than floor area",
    ),
    ("enum_eq", "项目类型为居民", "project kind is residential"),
    (
        "enum_ne",
        "项目类型不为小微企业",
        "project kind is not small and micro business",
    ),
    (
        "enum_in",
        "项目类型为工业或商业",
        "project kind is industrial or commercial",
    ),
    (
        "str_eq",
        "统一社会信用代码为“abc”",
        "unified social credit code is \"abc\"",
    ),
    (
        "str_in",
        "统一社会信用代码为“a”或“b”",
        "unified social credit code is \"a\" or \"b\"",
    ),
    (
        "has",
        "已填写统一社会信用代码",
        "unified social credit code is filled in",
    ),
    ("bool_bare", "需要外线工程", "external works needed"),
    (
        "bool_false",
        "需要外线工程为否",
        "external works needed is no",
    ),
    ("bool_ne", "需要外线工程为否", "external works needed is no"),
    (
        "date_gt",
        "开工日期晚于 2024-06-01",
        "start date is after 2024-06-01",
    ),
    (
        "date_lt",
        "开工日期早于 2024-06-01",
        "start date is before 2024-06-01",
    ),
    (
        "date_ge",
        "开工日期不早于 2024-06-01",
        "start date is on or after 2024-06-01",
    ),
    (
        "date_le",
        "开工日期不晚于 2024-06-01",
        "start date is on or before 2024-06-01",
    ),
    (
        "date_eq",
        "开工日期为 2024-06-01",
        "start date is 2024-06-01",
    ),
    (
        "date_date",
        "竣工日期晚于开工日期",
        "completion date is after start date",
    ),
    ("not", "需要外线工程为否", "external works needed is no"),
    // A field without a label is shown by its id.
    ("unlabelled", "site_code为“X1”", "site_code is \"X1\""),
];

const NESTED: &[(&str, &str, &str)] = &[
    (
        "nest_and",
        "报装容量(kVA)大于 160且需要外线工程",
        "capacity (kVA) is greater than 160 and external works needed",
    ),
    (
        "nest_or",
        "项目类型为居民或报装容量(kVA)大于 1000",
        "project kind is residential or capacity (kVA) is greater than 1000",
    ),
    (
        "nest_and_or",
        "已填写统一社会信用代码且（项目类型为工业或报装容量(kVA)大于 160）",
        "unified social credit code is filled in and (project kind is industrial or capacity (kVA) is greater than 160)",
    ),
    (
        "nest_or_and",
        "（已填写统一社会信用代码且项目类型为工业）或报装容量(kVA)大于 160",
        "(unified social credit code is filled in and project kind is industrial) or capacity (kVA) is greater than 160",
    ),
    (
        "nest_flat",
        "报装容量(kVA)大于 1且需要外线工程且已填写统一社会信用代码",
        "capacity (kVA) is greater than 1 and external works needed and unified social credit code is filled in",
    ),
    (
        "nest_not",
        "并非（报装容量(kVA)大于 160或需要外线工程）且已填写统一社会信用代码",
        "not (capacity (kVA) is greater than 160 or external works needed) and unified social credit code is filled in",
    ),
    (
        "nest_deep",
        "（开工日期不早于 2024-01-01或未填写开工日期）且（项目类型为小微企业或报装容量(kVA)不大于 100）",
        "(start date is on or after 2024-01-01 or start date is not filled in) and (project kind is small and micro business or capacity (kVA) is at most 100)",
    ),
];

#[test]
fn every_operator_in_plain_language_both_locales() {
    let p = fixture();
    let zh = p.guide("svc", "zh-CN").unwrap();
    let en = p.guide("svc", "en").unwrap();
    for (op, z, e) in OPERATORS {
        assert_eq!(when(&zh, op), *z, "zh-CN {op}");
        assert_eq!(when(&en, op), *e, "en {op}");
    }
}

#[test]
fn nested_conditions_in_plain_language_both_locales() {
    let p = fixture();
    let zh = p.guide("svc", "zh-CN").unwrap();
    let en = p.guide("svc", "en").unwrap();
    for (op, z, e) in NESTED {
        assert_eq!(when(&zh, op), *z, "zh-CN {op}");
        assert_eq!(when(&en, op), *e, "en {op}");
    }
}

#[test]
fn requirement_sentences() {
    let p = fixture();
    let zh = p.guide("svc", "zh-CN").unwrap();
    let en = p.guide("svc", "en").unwrap();
    let m = material(&zh, "m_gt");
    assert_eq!(m.required, "conditional");
    assert_eq!(m.required_text, "报装容量(kVA)大于 160时提交");
    assert_eq!(
        material(&en, "m_gt").required_text,
        "Required when capacity (kVA) is greater than 160"
    );
    let f = material(&zh, "always_form");
    assert_eq!(
        (f.required, f.required_text.as_str()),
        ("always", "必须提交")
    );
    assert!(f.electronic && !f.commitment);
    assert_eq!(material(&en, "always_form").required_text, "Required");

    // In the bundle, `m_gt` is required by `svc` under a condition and always by `other`,
    // which itself applies only under a condition.
    let zb = p.guide("pair", "zh-CN").unwrap();
    let eb = p.guide("pair", "en").unwrap();
    let m = material(&zb, "m_gt");
    assert_eq!(m.used_by, ["svc", "other"]);
    assert_eq!(
        m.required_text,
        "有下列情形的，须提交：办理“外线事项”时；报装容量(kVA)大于 160（测试事项）"
    );
    assert_eq!(
        material(&eb, "m_gt").required_text,
        "Required in any of these cases: when applying for “External works”; capacity (kVA) is greater than 160 (Test service)"
    );
    // `always_form` is always required: `svc` always applies.
    assert_eq!(material(&zb, "always_form").required, "always");
    assert_eq!(material(&zb, "always_form").used_by, ["svc", "other"]);
}

#[test]
fn services_rejects_tolerance_in_both_locales() {
    let p = fixture();
    let zb = p.guide("pair", "zh-CN").unwrap();
    let eb = p.guide("pair", "en").unwrap();
    assert_eq!((zb.kind, zb.title.as_str()), ("bundle", "联合办理"));
    assert_eq!(eb.title, "Joint application");
    let ids: Vec<&str> = zb.services.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["svc", "other"]);

    let (svc, other) = (&zb.services[0], &zb.services[1]);
    assert_eq!(svc.who_may_apply, "所有申请人均需办理");
    assert_eq!(eb.services[0].who_may_apply, "Applies to every applicant");
    assert_eq!(
        other.applies_if.as_deref(),
        Some("needs_external_works && capacity_kva > 160")
    );
    assert_eq!(other.who_may_apply, "需要外线工程且报装容量(kVA)大于 160");
    assert_eq!(
        eb.services[1].who_may_apply,
        "external works needed and capacity (kVA) is greater than 160"
    );
    assert_eq!(svc.department.as_deref(), Some("测试局"));
    assert_eq!(other.department, None);

    let r = &svc.rejects[0];
    assert_eq!(r.when, "项目类型为居民且报装容量(kVA)大于 1000");
    assert_eq!(r.reason, "居民项目容量过大");
    assert_eq!(r.basis.as_ref().unwrap().label, "拒绝依据");
    let r = &eb.services[0].rejects[0];
    assert_eq!(
        r.when,
        "project kind is residential and capacity (kVA) is greater than 1000"
    );
    assert_eq!(r.reason, "Too large for a residential project");

    let t = svc.tolerance.as_ref().unwrap();
    assert_eq!(t.max_missing, Some(2));
    assert_eq!(t.excluded_if.as_deref(), Some("bad_credit"));
    assert_eq!(t.excluded_when.as_deref(), Some("有失信记录"));
    assert_eq!(
        t.text,
        "仅缺少可容缺材料的，可容缺受理，最多缺 2 项；有失信记录时不适用容缺受理。"
    );
    assert_eq!(
        eb.services[0].tolerance.as_ref().unwrap().text,
        "An application missing only tolerable materials may be accepted with tolerance (容缺受理), at most 2 materials missing; not when bad credit record."
    );
    assert_eq!(t.basis.as_ref().unwrap().label, "容缺规则依据");

    // The tolerable material, with its own basis (the entry's, before the catalogue's).
    let h = material(&zb, "hostile");
    assert!(h.tolerable && h.commitment && !h.electronic);
    assert_eq!(h.uses[0].tolerable.as_ref().unwrap().text, "5 个工作日");
    assert_eq!(h.basis.as_ref().unwrap().label, "容缺依据");
    let f = material(&eb, "always_form");
    assert_eq!(f.basis.as_ref().unwrap().label, "Test basis Art. 1");
    assert_eq!(
        f.basis.as_ref().unwrap().url.as_deref(),
        Some("https://example.invalid/basis?a=1&b=2")
    );
}

#[test]
fn stages_and_limits_in_both_locales() {
    let p = fixture();
    let zb = p.guide("pair", "zh-CN").unwrap();
    let eb = p.guide("pair", "en").unwrap();
    let zs = &zb.services[0].stages;
    let es = &eb.services[0].stages;
    assert_eq!(
        (zs[0].name.as_str(), zs[0].limit.text.as_str()),
        ("方案答复", "3 个工作日")
    );
    assert_eq!(
        (es[0].name.as_str(), es[0].limit.text.as_str()),
        ("Plan", "3 working days")
    );
    assert_eq!(zs[0].basis.as_ref().unwrap().label, "环节依据");
    // A stage without a name is shown by its id.
    assert_eq!(zs[1].name, "connect");
    assert_eq!(zs[1].after, ["plan"]);
    let li: Vec<(&str, &str)> = zs[1]
        .limit_if
        .iter()
        .map(|l| (l.when.as_str(), l.limit.text.as_str()))
        .collect();
    assert_eq!(
        li,
        [
            ("报装容量(kVA)大于 160", "5 个工作日"),
            ("需要外线工程", "10 个自然日")
        ]
    );
    let li: Vec<(&str, &str)> = es[1]
        .limit_if
        .iter()
        .map(|l| (l.when.as_str(), l.limit.text.as_str()))
        .collect();
    assert_eq!(
        li,
        [
            ("capacity (kVA) is greater than 160", "5 working days"),
            ("external works needed", "10 natural days")
        ]
    );
    let pz: Vec<(&str, &str, Option<&str>)> = zs[1]
        .pauses
        .iter()
        .map(|p| (p.name.as_str(), p.length.text.as_str(), p.when.as_deref()))
        .collect();
    assert_eq!(
        pz,
        [
            ("公示", "5 个自然日", Some("需要外线工程")),
            ("专家评审", "1 个工作日", None)
        ]
    );
    let pz: Vec<(&str, &str, Option<&str>)> = es[1]
        .pauses
        .iter()
        .map(|p| (p.name.as_str(), p.length.text.as_str(), p.when.as_deref()))
        .collect();
    assert_eq!(
        pz,
        [
            (
                "Public notice",
                "5 natural days",
                Some("external works needed")
            ),
            ("Expert review", "1 working day", None)
        ]
    );
    assert_eq!(
        zs[1].pauses[0].basis.as_ref().unwrap().label,
        "行政许可法第四十五条"
    );
    assert_eq!(zb.services[1].stages[0].limit.text, "1 个月");
    assert_eq!(eb.services[1].stages[0].limit.text, "1 month");
    // Promised and statutory limits: the service's and the bundle's.
    let s = &zb.services[0];
    assert_eq!(s.promise.as_ref().unwrap().text, "5 个工作日");
    assert_eq!(s.legal.as_ref().unwrap().text, "20 个工作日");
    assert_eq!(zb.promise.as_ref().unwrap().text, "8 个工作日");
    assert_eq!(eb.legal.as_ref().unwrap().text, "45 working days");
    let b = zb.bundle.as_ref().unwrap();
    let intake = b.intake.as_ref().unwrap();
    assert_eq!(
        (intake.name.as_str(), intake.limit.text.as_str()),
        ("一窗受理", "1 个工作日")
    );
    let finish = eb.bundle.as_ref().unwrap().finish.as_ref().unwrap();
    assert_eq!(
        (finish.name.as_str(), finish.limit.text.as_str()),
        ("Unified issue", "the same day")
    );
    assert_eq!(zb.basis.as_ref().unwrap().label, "联办依据");
}

#[test]
fn fields_with_conditional_requirements_and_value_labels() {
    let p = fixture();
    let g = p.guide("svc", "zh-CN").unwrap();
    let end = g.fields.iter().find(|f| f.id == "end_date").unwrap();
    assert_eq!(end.required_when.as_deref(), Some("已填写开工日期"));
    let kind = g.fields.iter().find(|f| f.id == "project_kind").unwrap();
    let labels: Vec<&str> = kind.values.iter().map(|v| v.label.as_str()).collect();
    assert_eq!(labels, ["工业", "商业", "居民", "小微企业"]);
    let uscc = g.fields.iter().find(|f| f.id == "uscc").unwrap();
    assert!(uscc.required);
}

#[test]
fn unknown_target_and_locale_fallback() {
    let p = fixture();
    let e: intake_rules::RequestError = p.guide("nope", "zh-CN").unwrap_err();
    assert_eq!(e.code().as_str(), "unknown_target");
    assert!(p.guide_html("nope", "en").is_err());
    // Any other locale reads zh-CN; en-US reads English.
    assert_eq!(p.guide("svc", "fr").unwrap().locale, "zh-CN");
    assert_eq!(p.guide("svc", "en-US").unwrap().locale, "en");
    assert_eq!(
        p.guide("svc", "fr").unwrap(),
        p.guide("svc", "zh-CN").unwrap()
    );
}

#[test]
fn html_is_complete_printable_and_escaped() {
    let p = fixture();
    for loc in ["zh-CN", "en"] {
        let html = p.guide_html("pair", loc).unwrap();
        assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\""));
        assert!(html.trim_end().ends_with("</html>"));
        assert!(html.contains("<style>") && html.contains("@media print"));
        assert!(
            html.contains("<table class=\"materials\">")
                && html.contains("<table class=\"limits\">")
        );
        // No script, and hostile policy text is inert.
        assert!(!html.to_ascii_lowercase().contains("<script"), "{loc}");
        assert!(!html.contains("<img"), "{loc}");
        assert!(!html.contains("<b>"), "{loc}");
        assert!(
            html.contains("href=\"https://example.invalid/x?q=&quot;&gt;&lt;b&gt;y&lt;/b&gt;\""),
            "{loc}"
        );
        assert!(html.contains("href=\"https://example.invalid/basis?a=1&amp;b=2\""));
        let g = p.guide("pair", loc).unwrap();
        for m in &g.materials {
            assert!(html.contains(&escape_html(&m.name)), "{loc} {}", m.id);
            assert!(
                html.contains(&escape_html(&m.required_text)),
                "{loc} {}",
                m.id
            );
        }
        for s in &g.services {
            for st in &s.stages {
                assert!(html.contains(&escape_html(&st.name)));
            }
        }
    }
    let zh = p.guide_html("pair", "zh-CN").unwrap();
    assert!(zh.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;引号&quot; &#39;x&#39;"));
    assert!(zh.contains("承诺办结时限") && zh.contains("法定办结时限"));
    let en = p.guide_html("pair", "en").unwrap();
    assert!(en.contains("&lt;img src=x onerror=alert(1)&gt;"));
    assert!(en.contains("<html lang=\"en\">"));
    assert_eq!(
        escape_html("<a href='x'>&\"</a>"),
        "&lt;a href=&#39;x&#39;&gt;&amp;&quot;&lt;/a&gt;"
    );
}

#[test]
fn api_json_matches_the_rust_guide() {
    let p = fixture();
    let text = api::guide_json(&p, "pair", "en").unwrap();
    let v: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(
        v,
        serde_json::to_value(p.guide("pair", "en").unwrap()).unwrap()
    );
    assert_eq!(v["materials"][0]["uses"][0]["tolerable"], Value::Null);
    assert_eq!(
        v["services"][0]["stages"][0]["limit"]["limit"],
        json!({"working_days": 3})
    );
    assert_eq!(
        api::guide_html(&p, "pair", "en").unwrap(),
        p.guide_html("pair", "en").unwrap()
    );
}

// ---- agreement with the checklist, for every built-in pack target --------------------------

/// A small deterministic generator (xorshift), so the sample forms are the same on every run.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[(self.next() % xs.len() as u64) as usize]
    }
}

const NUMBERS: &[f64] = &[
    0.0, 1.0, 50.0, 100.0, 101.0, 160.0, 161.0, 200.0, 250.0, 300.0, 301.0, 315.0, 500.0, 630.0,
    1000.0, 1001.0, 2000.0, 5000.0, 10000.0, 100000.0,
];
const DATES: &[&str] = &[
    "2019-06-01",
    "2024-01-01",
    "2024-06-01",
    "2026-03-16",
    "2030-01-01",
];

/// Sample forms for a target: each field absent or one of a few values of its type.
fn forms(target: &Value, n: usize, seed: u64) -> Vec<Value> {
    let mut rng = Rng(seed | 1);
    let fields = target["fields"].as_array().unwrap();
    (0..n)
        .map(|_| {
            let mut form = serde_json::Map::new();
            for f in fields {
                if rng.next() % 6 == 0 {
                    continue; // absent
                }
                let id = f["id"].as_str().unwrap().to_string();
                let v = match f["type"].as_str().unwrap() {
                    "enum" => {
                        let vals = f["values"].as_array().unwrap();
                        rng.pick(vals).clone()
                    }
                    "bool" => json!(rng.next() % 2 == 0),
                    "number" => json!(*rng.pick(NUMBERS)),
                    "date" => json!(*rng.pick(DATES)),
                    _ => json!("x"),
                };
                form.insert(id, v);
            }
            Value::Object(form)
        })
        .collect()
}

#[test]
fn every_material_the_checklist_can_ask_for_is_in_the_guide() {
    for id in api::builtin_ids() {
        let p = api::builtin_policy(id).unwrap();
        let targets: Value = serde_json::from_str(&api::to_json(&api::targets(&p))).unwrap();
        for t in targets.as_array().unwrap() {
            let target = t["id"].as_str().unwrap();
            for loc in ["zh-CN", "en"] {
                let g = p.guide(target, loc).unwrap();
                let in_guide: BTreeSet<&str> = g.materials.iter().map(|m| m.id.as_str()).collect();
                let html = p.guide_html(target, loc).unwrap();
                let mut asked: BTreeSet<String> = BTreeSet::new();
                for form in forms(t, 400, 0x9e37_79b9 ^ target.len() as u64) {
                    let req = Request::from_json(
                        &json!({"target": target, "form": form, "materials": {},
                                "submitted_at": "2026-03-16T09:30:00+08:00", "locale": loc})
                        .to_string(),
                    )
                    .unwrap();
                    for item in p.checklist(&req).unwrap() {
                        assert!(
                            in_guide.contains(item.id.as_str()),
                            "{id}/{target}: checklist asks for {} which the guide does not list",
                            item.id
                        );
                        let gm = material(&g, &item.id);
                        assert_eq!(gm.name, item.name, "{id}/{target}/{loc}: same name");
                        assert!(
                            html.contains(&escape_html(&item.name)),
                            "{id}/{target}: {} in HTML",
                            item.id
                        );
                        for u in &item.used_by {
                            assert!(
                                gm.used_by.contains(u),
                                "{id}/{target}: {} used by {u}",
                                item.id
                            );
                        }
                        asked.insert(item.id);
                    }
                }
                // And the guide lists nothing the checklist never asks for (on these samples).
                let asked: BTreeSet<&str> = asked.iter().map(String::as_str).collect();
                assert_eq!(
                    in_guide, asked,
                    "{id}/{target}/{loc}: guide and checklist agree"
                );
            }
        }
    }
}

#[test]
fn builtin_packs_carry_basis_on_every_material_limit_and_rule() {
    for id in api::builtin_ids() {
        let p = api::builtin_policy(id).unwrap();
        for t in api::targets(&p) {
            let g = p.guide(&t.id, "zh-CN").unwrap();
            for m in &g.materials {
                assert!(
                    m.basis.is_some(),
                    "{id}/{}: material {} has a basis",
                    t.id,
                    m.id
                );
            }
            for s in &g.services {
                assert!(
                    s.basis.is_some(),
                    "{id}/{}: service {} has a basis",
                    t.id,
                    s.id
                );
                for r in &s.rejects {
                    assert!(r.basis.is_some(), "{id}: reject of {}", s.id);
                }
                if let Some(tol) = &s.tolerance {
                    assert!(tol.basis.is_some(), "{id}: tolerance of {}", s.id);
                }
                for st in &s.stages {
                    // The applicant's own stages (SPEC §7.2) are an expected duration, not a
                    // legal limit: they need no basis.
                    // An office stage cites its own basis, or falls under its service's (the
                    // utilities' step times are the pack's split of the promise, said in its
                    // `$comment`s and packs/README.md, not a law of their own).
                    if st.by == intake_rules::policy::StageBy::Office {
                        assert!(
                            st.basis.is_some() || s.basis.is_some(),
                            "{id}: stage {}.{}",
                            s.id,
                            st.id
                        );
                    }
                    for pz in &st.pauses {
                        assert!(pz.basis.is_some(), "{id}: pause in {}.{}", s.id, st.id);
                    }
                }
            }
        }
    }
}
