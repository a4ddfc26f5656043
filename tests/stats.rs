//! `Policy::stats` (reform metrics, issue 18 part 5): figures worked out by hand on a small
//! policy and three cases in March 2026 (no holidays: 2026-03-02 is a Monday).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use intake_rules::Policy;
use serde_json::{json, Value};

fn policy() -> Policy {
    Policy::from_value(&json!({
        "format": 1, "id": "stats.test", "version": "1",
        "title": {"zh-CN": "测试", "en": "Test"},
        "fields": {
            "capacity_kva": {"type": "number", "min": 0},
            "kind": {"type": "enum", "values": ["a", "b"], "required": true}
        },
        "materials": {
            "license": {"name": {"zh-CN": "营业执照"}, "electronic": true},
            "load_list": {"name": {"zh-CN": "用电设备清单"}},
            "property": {"name": {"zh-CN": "产权证明"}, "commitment": true}
        },
        "services": {
            "power": {
                "name": {"zh-CN": "电力报装"},
                "materials": [
                    {"ref": "license", "required": true},
                    {"ref": "load_list", "required": "capacity_kva > 160",
                     "tolerable": {"supplement_within": {"working_days": 3}}},
                    {"ref": "property", "required": true}
                ],
                "stages": [
                    {"id": "plan", "limit": {"working_days": 3}},
                    {"id": "connect", "after": ["plan"], "limit": {"working_days": 2}}
                ],
                "promise": {"working_days": 5}, "legal": {"working_days": 20}
            },
            "water": {
                "name": {"zh-CN": "供水"}, "applies_if": "kind == 'b'",
                "materials": [{"ref": "license", "required": true}],
                "stages": [{"id": "all", "limit": {"working_days": 4}}]
            }
        },
        "bundles": {
            "joint": {"name": {"zh-CN": "联办"}, "services": ["power", "water"],
                      "intake": {"limit": {"working_days": 1}}, "finish": {"limit": {"working_days": 1}},
                      "promise": {"working_days": 7}}
        }
    }))
    .unwrap()
}

fn req(target: &str, kind: &str, kva: u32) -> Value {
    json!({"target": target, "form": {"kind": kind, "capacity_kva": kva},
           "materials": {"license": "provided", "load_list": "provided", "property": "provided"},
           "submitted_at": "2026-03-02T10:00:00+08:00"})
}

fn cases() -> String {
    json!({"cases": [
        {"name": "large power", "request": req("power", "a", 400)},
        {"name": "small power", "request": req("power", "a", 100)},
        {"name": "joint with water", "request": req("joint", "b", 100)},
        {"name": "unknown target", "request": req("nope", "a", 1)}
    ]})
    .to_string()
}

fn target<'a>(s: &'a Value, id: &str) -> &'a Value {
    s["targets"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["id"] == id)
        .unwrap()
}

#[test]
fn static_figures_per_target() {
    let s = serde_json::to_value(policy().stats(None).unwrap()).unwrap();
    assert_eq!(s["cases_checked"], 0);
    let ids: Vec<&str> = s["targets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["power", "water", "joint"]);
    let power = target(&s, "power");
    // license and property always; load_list only above 160 kVA.
    assert_eq!(
        power["materials"],
        json!({"fewest": 2, "typical": null, "most": 3})
    );
    assert_eq!(
        power["tolerable_materials"],
        json!({"count": 1, "of": 3, "share": 0.333})
    );
    assert_eq!(
        power["commitment_materials"],
        json!({"count": 1, "of": 3, "share": 0.333})
    );
    assert_eq!(
        power["electronic_materials"],
        json!({"count": 1, "of": 3, "share": 0.333})
    );
    assert_eq!(
        power["tolerable_services"],
        json!({"count": 1, "of": 1, "share": 1.0})
    );
    assert_eq!(power["promise"], json!({"working_days": 5}));
    assert_eq!(power["legal"], json!({"working_days": 20}));
    assert_eq!(
        power["steps"],
        json!({"fewest": 2, "typical": null, "most": 2})
    );
    let water = target(&s, "water");
    // water applies only to kind b: nothing is certain.
    assert_eq!(
        water["materials"],
        json!({"fewest": 0, "typical": null, "most": 1})
    );
    assert_eq!(
        water["steps"],
        json!({"fewest": 0, "typical": null, "most": 1})
    );
    assert_eq!(water["promise"], Value::Null);
    let joint = target(&s, "joint");
    assert_eq!(joint["kind"], "bundle");
    assert_eq!(joint["services"], 2);
    assert_eq!(
        joint["materials"],
        json!({"fewest": 2, "typical": null, "most": 3})
    );
    assert_eq!(
        joint["tolerable_services"],
        json!({"count": 1, "of": 2, "share": 0.5})
    );
    // intake + power's 2 stages + finish; with water's stage at most.
    assert_eq!(
        joint["steps"],
        json!({"fewest": 4, "typical": null, "most": 5})
    );
    assert_eq!(joint["promise"], json!({"working_days": 7}));
    assert_eq!(joint["regions"], json!([]));
}

#[test]
fn figures_over_the_cases() {
    let s = serde_json::to_value(policy().stats(Some(&cases())).unwrap()).unwrap();
    assert_eq!(s["cases_checked"], 4);
    assert_eq!(s["cases_undecided"], 1);
    let power = target(&s, "power");
    // Checklists of 3 and 2 materials: the lower median is 2.
    assert_eq!(power["materials"]["typical"], 2);
    // Received Mon 03-02; plan 3 working days → Thu 03-05; connect 2 → Mon 03-09: 5 days.
    let days = &power["days"];
    assert_eq!(days["cases"], 2);
    assert_eq!(days["with_timeline"], 2);
    assert_eq!(
        days["working_days"],
        json!({"min": 5, "median": 5, "max": 5})
    );
    assert_eq!(
        days["counted_working_days"],
        json!({"min": 5, "median": 5, "max": 5})
    );
    assert_eq!(
        days["promise_met"],
        json!({"count": 2, "of": 2, "share": 1.0})
    );
    assert_eq!(
        days["legal_met"],
        json!({"count": 2, "of": 2, "share": 1.0})
    );
    // Joint: intake → Tue 03-03; power 3 + 2 → Tue 03-10 (water 4 → Mon 03-09); finish → Wed
    // 03-11: 7 working days after 03-02, the promise of 7 is met.
    let joint = target(&s, "joint");
    assert_eq!(joint["materials"]["typical"], 2);
    assert_eq!(
        joint["days"]["working_days"],
        json!({"min": 7, "median": 7, "max": 7})
    );
    assert_eq!(
        joint["days"]["promise_met"],
        json!({"count": 1, "of": 1, "share": 1.0})
    );
    assert_eq!(joint["days"]["legal_met"], Value::Null);
    // No case for water.
    let water = target(&s, "water");
    assert_eq!(water["days"]["cases"], 0);
    assert_eq!(water["days"]["working_days"], Value::Null);
    assert_eq!(water["materials"]["typical"], Value::Null);
}

#[test]
fn an_unusable_case_file_is_a_request_error() {
    let e = policy().stats(Some("{\"cases\": [}")).err().unwrap();
    assert_eq!(e.issues[0].code, intake_rules::Code::InvalidJson);
}

#[test]
fn the_facade_gives_the_same_json() {
    let p = policy();
    let a = intake_rules::api::tools::stats_json(&p, Some(&cases())).unwrap();
    let b = serde_json::to_string(&p.stats(Some(&cases())).unwrap()).unwrap();
    assert_eq!(a, b);
}

/// Replay (issue 18 part 6): the same three applications under the policy and under a version
/// whose power promise is 4 and whose connect stage takes 3 working days.
#[test]
fn replay_counts_transitions_shifts_and_promise_met() {
    let old = policy();
    let mut doc = old.source().clone();
    doc["services"]["power"]["stages"][1]["limit"] = json!({"working_days": 3});
    doc["services"]["power"]["promise"] = json!({"working_days": 4});
    let new = Policy::from_value(&doc).unwrap();
    let lines = [
        req("power", "a", 400).to_string(),
        String::new(),
        "{\"target\": \"power\",".to_string(),
        req("joint", "b", 100).to_string(),
        req("power", "a", 100).to_string(),
    ]
    .join("\n");
    let b = intake_rules::authoring::replay::replay_batch(&old, &new, &lines, 10, 1);
    assert_eq!((b.lines, b.applications, b.errors), (5, 3, 1));
    assert_eq!(b.error_list.len(), 1);
    assert_eq!(b.error_list[0].line, 12);
    assert_eq!(b.error_list[0].code, "invalid_json");
    // Power: plan → Thu 03-05, connect now 3 → Tue 03-10 (was Mon 03-09): one working day
    // later, 6 days against a promise of 4 (was 5 of 5). Joint: power now ends Wed 03-11,
    // finish Thu 03-12 (was Wed 03-11): one day later, 8 days against the bundle's 7.
    assert_eq!(b.changed, 3);
    assert_eq!(b.due_shifts, vec![(1, 3)]);
    assert_eq!(
        b.transitions,
        vec![("accepted".into(), "accepted".into(), 3)]
    );
    assert_eq!((b.promise_met_old.met, b.promise_met_old.judged), (3, 3));
    assert_eq!((b.promise_met_new.met, b.promise_met_new.judged), (0, 3));
    assert_eq!(b.counted_old, vec![(5, 2), (7, 1)]);
    assert_eq!(b.counted_new, vec![(6, 2), (8, 1)]);
    // keep = 1: only the first changed application is listed.
    assert_eq!(b.changed_list.len(), 1);
    assert_eq!(b.changed_list[0].line, 10);
    assert_eq!(
        b.changed_list[0].old.due.map(|d| d.to_string()).as_deref(),
        Some("2026-03-09")
    );
    assert_eq!(
        b.changed_list[0].new.due.map(|d| d.to_string()).as_deref(),
        Some("2026-03-10")
    );
    assert_eq!(b.changed_list[0].due_shift, Some(1));
}
