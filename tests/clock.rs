//! The legal clock of SPEC §7.1–§7.4 on `tests/fixtures/s7/policy.json`, every date worked out
//! by hand on the 2026 calendar (data/cn-mainland.json): 端午 06-19 (Fri) to 06-21 off; June
//! 2026 starts on a Monday, so 06-04 is a Thursday; July has no holiday.
//!
//! Working days after Thu 06-04, for reference: 06-05 (Fri), 06-08 … 06-12 (Mon–Fri), 06-15 …
//! 06-18, 06-22 … 06-26, 06-29, 06-30, 07-01 … 07-03, 07-06 … 07-10, 07-13 …
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use intake_rules::{Policy, Request};
use serde_json::{json, Value};

fn policy() -> Policy {
    Policy::from_json(include_str!("fixtures/s7/policy.json")).expect("the §7 fixture loads")
}

fn decide(req: Value) -> Value {
    let r = Request::from_value(req).expect("request parses");
    let d = policy().evaluate(&r).expect("decision");
    serde_json::from_str(&intake_rules::api::to_json(&d)).unwrap()
}

fn request(target: &str, form: Value, at: &str) -> Value {
    json!({"target": target, "form": form, "materials": {"application": "provided"}, "submitted_at": at})
}

const THU_MORNING: &str = "2026-06-04T09:00:00+08:00";

/// SPEC §7.1's food licence: a 3-natural-day 现场核查预约 pause and a promise of 5 working days.
#[test]
fn the_food_licence_pause_is_not_counted() {
    let d = decide(request("food", json!({}), THU_MORNING));
    assert_eq!(d["outcome"], "accepted");
    let t = &d["timeline"];
    let s = &t["services"][0]["stages"];
    // review, 2 working days: 06-05, 06-08.
    assert_eq!(s[0]["due"], "2026-06-08");
    assert_eq!(s[0]["counted_working_days"], 2);
    // inspect starts 06-08; the pause covers 06-09, 06-10, 06-11 (Tue–Thu, all working days);
    // counting resumes after 06-11: 06-12, 06-15, 06-16.
    assert_eq!(s[1]["start"], "2026-06-08");
    assert_eq!(
        s[1]["pauses"],
        json!([{"name": "现场核查预约", "from": "2026-06-09", "to": "2026-06-11", "days": 3, "unit": "natural_days"}])
    );
    assert_eq!(s[1]["paused_days"], 3);
    assert_eq!(s[1]["due"], "2026-06-16");
    assert_eq!(s[1]["working_days"], 3);
    assert_eq!(s[1]["counted_working_days"], 3);
    assert_eq!(s[1]["by"], "office");
    // Elapsed: 06-05, 08, 09, 10, 11, 12, 15, 16 = 8; the office counts 2 + 3 = 5.
    assert_eq!(t["due"], "2026-06-16");
    assert_eq!(t["working_days"], 8);
    assert_eq!(t["counted_working_days"], 5);
    assert_eq!(t["services"][0]["counted_working_days"], 5);
    assert_eq!(t["promise"], json!({"working_days": 5}));
    assert_eq!(t["promise_met"], true);
    assert_eq!(t["legal_met"], true);
    // legal 20 from 06-04 skipping the pause 06-09..11: 06-05, 06-08, 06-12 (3), 15–18 (7),
    // 22–26 (12), 29, 30 (14), 07-01..03 (17), 07-06, 07, 08 (20).
    assert_eq!(t["legal_due"], "2026-07-08");
    // + the 10-day extension: 07-09, 10, 13–17, 20, 21, 22.
    assert_eq!(t["legal_extended_due"], "2026-07-22");
    assert_eq!(
        t["legal_extension"],
        json!({"limit": {"working_days": 10}, "approved_by": "本行政机关负责人"})
    );
    let notice = d["notice"].as_str().unwrap();
    for needle in [
        "现场核查预约 3 个自然日，不计入办理时限",
        "自2026年6月9日（星期二）起至2026年6月11日（星期四）止",
        "预计办结日期：2026年6月16日（星期二）",
        "自收件之日起 8 个工作日，其中计入办理时限的为 5 个工作日",
        "承诺时限：5 个工作日。",
        "法定时限：20 个工作日，至2026年7月8日（星期三）届满",
        "经本行政机关负责人批准可延长 10 个工作日，至2026年7月22日（星期三）届满",
    ] {
        assert!(notice.contains(needle), "{needle} not in {notice}");
    }
    // The office block ends the notice.
    assert!(
        notice.ends_with("办理窗口：市民服务中心综合窗口\n地址：人民路 1 号\n联系电话：0591-12345\n办公时间：工作日 9:00—17:00\n查询办理进度或对本告知书有疑问的，请到办理窗口咨询，或拨打上述联系电话。\n"),
        "{notice}"
    );
}

#[test]
fn the_notice_in_english_names_the_pause_and_the_office() {
    let mut req = request("food", json!({}), THU_MORNING);
    req["locale"] = json!("en");
    let d = decide(req);
    let notice = d["notice"].as_str().unwrap();
    for needle in [
        "On-site inspection appointment 3 natural days, not counted in the time limit (Administrative Licensing Law, Art. 45), from Tuesday 9 June 2026 to Thursday 11 June 2026.",
        "Expected completion: Tuesday 16 June 2026, 8 working days after receipt, of which 5 count towards the time limit",
        "Promised time limit: 5 working days.",
        "Statutory time limit: 20 working days, ending on Wednesday 8 July 2026; with the approval of the head of the office it may be extended by 10 working days, to Wednesday 22 July 2026.",
        "Office: Citizen service centre, general window\nAddress: 1 Renmin Road\n",
    ] {
        assert!(notice.contains(needle), "{needle} not in {notice}");
    }
}

/// A natural-day pause falls as the days fall: over a weekend it stops the clock for one
/// working day only. `promise_if` (simple → 3) and the stages' `limit_if` give the route.
#[test]
fn a_pause_over_a_weekend_and_the_promise_route() {
    let d = decide(request("food", json!({"simple": true}), THU_MORNING));
    let t = &d["timeline"];
    let s = &t["services"][0]["stages"];
    // review 1: 06-05 (Fri). inspect starts 06-05; the pause covers 06-06..06-08 (Sat, Sun,
    // Mon); then 2 working days: 06-09, 06-10.
    assert_eq!(s[0]["due"], "2026-06-05");
    assert_eq!(s[1]["pauses"][0]["from"], "2026-06-06");
    assert_eq!(s[1]["pauses"][0]["to"], "2026-06-08");
    assert_eq!(s[1]["due"], "2026-06-10");
    // Elapsed 06-05, 08, 09, 10 = 4; counted 1 + 2 = 3, the route's promise.
    assert_eq!(t["working_days"], 4);
    assert_eq!(t["counted_working_days"], 3);
    assert_eq!(t["promise"], json!({"working_days": 3}));
    assert_eq!(t["promise_met"], true);
    // legal 20 skipping 06-08 only: 06-05 (1), 06-09..12 (5), 15–18 (9), 22–26 (14),
    // 29, 30 (16), 07-01..03 (19), 07-06 (20); extended: 07-07..10 (24), 13–17 (29), 20 (30).
    assert_eq!(t["legal_due"], "2026-07-06");
    assert_eq!(t["legal_extended_due"], "2026-07-20");
}

/// SPEC §7.2: the customer's internal works (10 working days) move later dates but count 0.
#[test]
fn the_applicants_own_stage_is_not_counted() {
    let d = decide(request("power", json!({}), THU_MORNING));
    let t = &d["timeline"];
    let s = &t["services"][0]["stages"];
    // plan 3: 06-05, 08, 09. works 10 from 06-09: 06-10..12, 15..18, 22..24 (06-19 off).
    // connect 2: 06-25, 06-26.
    assert_eq!(s[0]["due"], "2026-06-09");
    assert_eq!(s[1]["by"], "applicant");
    assert_eq!(s[1]["start"], "2026-06-09");
    assert_eq!(s[1]["due"], "2026-06-24");
    assert_eq!(s[1]["working_days"], 10);
    assert_eq!(s[1]["counted_working_days"], 0);
    assert_eq!(s[2]["due"], "2026-06-26");
    // Elapsed 06-05, 08..12, 15..18, 22..26 = 15; counted 3 + 0 + 2 = 5 = the promise.
    assert_eq!(t["working_days"], 15);
    assert_eq!(t["counted_working_days"], 5);
    assert_eq!(t["services"][0]["counted_working_days"], 5);
    assert_eq!(t["promise_met"], true);
    // legal 15 skipping the works (06-10..06-24): 06-05, 08, 09 (3), 06-25, 26 (5), 29, 30
    // (7), 07-01..03 (10), 07-06..10 (15).
    assert_eq!(t["legal_due"], "2026-07-10");
    assert_eq!(t["legal_extended_due"], Value::Null);
    let notice = d["notice"].as_str().unwrap();
    assert!(
        notice.contains("“用户内部工程施工”环节：由申请人自行完成，为申请人自己的时间，不计入办理时限，预计 10 个工作日，自2026年6月9日（星期二）起至2026年6月24日（星期三）止。"),
        "{notice}"
    );
}

/// `legal_if` (urgent → 8), first match wins over `legal`.
#[test]
fn legal_if_and_the_legal_clock_past_the_schedule() {
    let d = decide(request("power", json!({"urgent": true}), THU_MORNING));
    let t = &d["timeline"];
    assert_eq!(t["legal"], json!({"working_days": 8}));
    // 8 skipping 06-10..06-24: 06-05, 08, 09, 25, 26, 29, 30, 07-01.
    assert_eq!(t["legal_due"], "2026-07-01");
    assert_eq!(t["legal_met"], true);
}

/// SPEC §7.3: water's connection waits for the road permit; gas waits for the whole road
/// service; the serial schedule keeps both.
#[test]
fn services_wait_for_each_other_in_a_bundle() {
    let d = decide(request(
        "utility",
        json!({"needs_road_works": true, "needs_gas": true}),
        THU_MORNING,
    ));
    let t = &d["timeline"];
    // intake 1: 06-05.
    assert_eq!(t["intake"]["due"], "2026-06-05");
    let svc = |id: &str| {
        t["services"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["id"] == id)
            .unwrap()
            .clone()
    };
    // road: review 3 (06-08, 09, 10), issue 1 (06-11).
    assert_eq!(svc("road")["stages"][1]["due"], "2026-06-11");
    // water: accept 2 (06-08, 09); connect after accept AND road.issue: from 06-11, 2 days.
    let water = svc("water");
    assert_eq!(water["stages"][0]["due"], "2026-06-09");
    assert_eq!(water["stages"][1]["start"], "2026-06-11");
    assert_eq!(water["stages"][1]["due"], "2026-06-15");
    assert_eq!(water["counted_working_days"], 4);
    // gas: after the whole road service (06-11), 3 days: 06-12, 15, 16.
    assert_eq!(svc("gas")["stages"][0]["start"], "2026-06-11");
    assert_eq!(svc("gas")["due"], "2026-06-16");
    // finish 1: 06-17. Elapsed 06-05, 08..12, 15..17 = 9; counted: intake 1 + road 3 + 1 +
    // gas 3 + finish 1 = 9 > 8: the promise is missed.
    assert_eq!(t["due"], "2026-06-17");
    assert_eq!(t["working_days"], 9);
    assert_eq!(t["counted_working_days"], 9);
    assert_eq!(t["promise_met"], false);
    // No pause on the chain: addWorkingDays(06-04, 20) = 07-03.
    assert_eq!(t["legal_due"], "2026-07-03");
    // Serial: road first (the others wait for it), then water, then gas, then finish.
    // road 06-05 → 06-11; water 06-11 → accept 06-15, connect 06-17; gas 06-17 → 06-18, 22,
    // 23; finish 06-24. 13 working days; 4 saved.
    assert_eq!(
        t["serial"],
        json!([
            {"id": "road", "start": "2026-06-05", "due": "2026-06-11"},
            {"id": "water", "start": "2026-06-11", "due": "2026-06-17"},
            {"id": "gas", "start": "2026-06-17", "due": "2026-06-23"}
        ])
    );
    assert_eq!(t["serial_due"], "2026-06-24");
    assert_eq!(t["serial_working_days"], 13);
    assert_eq!(t["saved_working_days"], 4);
}

/// A dependency on a service that does not apply is dropped.
#[test]
fn a_dependency_on_a_service_that_does_not_apply_is_dropped() {
    let d = decide(request("utility", json!({"needs_gas": true}), THU_MORNING));
    let t = &d["timeline"];
    assert_eq!(d["not_applicable"], json!(["road"]));
    // water: accept 06-08, 09; connect from 06-09: 06-10, 11. gas from 06-05: 06-08, 09, 10.
    let water = &t["services"][0];
    assert_eq!(water["id"], "water");
    assert_eq!(water["stages"][1]["start"], "2026-06-09");
    assert_eq!(water["due"], "2026-06-11");
    assert_eq!(t["services"][1]["stages"][0]["start"], "2026-06-05");
    assert_eq!(t["services"][1]["due"], "2026-06-10");
    // finish 06-12; counted 1 + 4 + 1 = 6, within 8.
    assert_eq!(t["due"], "2026-06-12");
    assert_eq!(t["counted_working_days"], 6);
    assert_eq!(t["promise_met"], true);
}

/// A single-service target ignores `after` entries naming other services.
#[test]
fn a_single_service_target_ignores_other_services() {
    let d = decide(request(
        "water",
        json!({"needs_road_works": true}),
        THU_MORNING,
    ));
    let s = &d["timeline"]["services"][0]["stages"];
    // accept 06-05, 08; connect from 06-08: 06-09, 10.
    assert_eq!(s[1]["start"], "2026-06-08");
    assert_eq!(s[1]["due"], "2026-06-10");
    assert_eq!(d["timeline"]["counted_working_days"], 4);
    assert_eq!(d["timeline"]["promise_met"], true);
}

/// A pause of P working days covers the next P working days; the bundle's `promise_if`.
#[test]
fn a_working_day_pause_on_the_deciding_chain() {
    let d = decide(request(
        "utility",
        json!({"needs_road_works": true, "needs_gas": true, "public_notice": true, "urgent": true}),
        THU_MORNING,
    ));
    let t = &d["timeline"];
    let road = t["services"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == "road")
        .unwrap();
    // review starts 06-05; 公示 2 working days: 06-08, 06-09 (covering 06-06..06-09); then 3:
    // 06-10, 11, 12. issue 06-15. gas 06-16, 17, 18; finish 06-22 (06-19 off).
    assert_eq!(
        road["stages"][0]["pauses"],
        json!([{"name": "公示", "from": "2026-06-06", "to": "2026-06-09", "days": 2, "unit": "working_days"}])
    );
    assert_eq!(road["stages"][0]["paused_days"], 4);
    assert_eq!(road["stages"][0]["due"], "2026-06-12");
    assert_eq!(t["due"], "2026-06-22");
    // Elapsed 06-05, 08..12, 15..18, 22 = 11; counted 1 + 3 + 1 + 3 + 1 = 9.
    assert_eq!(t["working_days"], 11);
    assert_eq!(t["counted_working_days"], 9);
    assert_eq!(t["promise"], json!({"working_days": 6}));
    assert_eq!(t["promise_met"], false);
    // legal 20 skipping 06-06..09: 06-05 (1), 10..12 (4), 15..18 (8), 22..26 (13), 29, 30
    // (15), 07-01..03 (18), 07-06, 07 (20).
    assert_eq!(t["legal_due"], "2026-07-07");
    let notice = d["notice"].as_str().unwrap();
    assert!(
        notice.contains(
            "占掘道路许可的“审查”环节：公示 2 个工作日，不计入办理时限（《中华人民共和国行政许可法》第四十五条），自2026年6月6日（星期六）起至2026年6月9日（星期二）止。"
        ),
        "{notice}"
    );
}

/// Cycles through several services are load errors at one of their stages; stages that wait
/// for their own service likewise. Services that never share a bundle may refer to each other.
#[test]
fn cycles_across_services() {
    let doc = |bundle: bool| {
        let mut d = json!({
            "format": 1, "id": "cycle", "version": "1", "title": {"zh-CN": "循环"},
            "fields": {}, "materials": {},
            "services": {
                "a": {"name": {"zh-CN": "甲"}, "stages": [
                    {"id": "x", "limit": {"working_days": 1}},
                    {"id": "y", "after": ["x", "b.z"], "limit": {"working_days": 1}}]},
                "b": {"name": {"zh-CN": "乙"}, "stages": [
                    {"id": "z", "after": ["a"], "limit": {"working_days": 1}}]}
            }
        });
        if bundle {
            d["bundles"] = json!({"ab": {"name": {"zh-CN": "甲乙"}, "services": ["a", "b"]}});
        }
        serde_json::to_string_pretty(&d).unwrap()
    };
    assert!(Policy::from_json(&doc(false)).is_ok());
    let e = Policy::from_json(&doc(true)).unwrap_err();
    assert_eq!(e.issues.len(), 1, "{:?}", e.issues);
    let i = &e.issues[0];
    assert_eq!(i.code.as_str(), "stage_cycle");
    // a.y waits for b.z, which waits for the whole of a: reported at a.y's `after[1]`.
    assert_eq!(i.path, "services.a.stages[1].after[1]");
    // The pretty-printed text puts `"b.z"` on line 32, after 12 spaces.
    assert_eq!(i.line, Some(32));
    assert_eq!(i.column, Some(13));
    assert!(
        i.message.en.contains("`a.y` → `b.z` → `a` → `a.y`"),
        "{}",
        i.message.en
    );
    // A stage after its own service.
    let own = doc(false).replace(r#""b.z""#, r#""a""#);
    let e = Policy::from_json(&own).unwrap_err();
    assert_eq!(e.issues[0].code.as_str(), "stage_cycle");
    assert_eq!(e.issues[0].path, "services.a.stages[1].after[1]");
}

/// A target's fields include those its routes read: the bundle's `promise_if` (urgent) and a
/// region's `promise_if` (simple), beside its services' own conditions.
#[test]
fn targets_list_the_fields_routes_read() {
    let p = policy();
    let targets = intake_rules::api::targets(&p);
    let fields = |id: &str| -> Vec<String> {
        targets
            .iter()
            .find(|t| t.id == id)
            .unwrap()
            .fields
            .iter()
            .map(|f| f.id.clone())
            .collect()
    };
    let utility = fields("utility");
    for f in [
        "needs_road_works",
        "needs_gas",
        "public_notice",
        "urgent",
        "simple",
    ] {
        assert!(utility.iter().any(|x| x == f), "{f} not in {utility:?}");
    }
    // road alone reads its own conditions and the regions' route, not the bundle's; in the
    // policy document's order (SPEC §7.7).
    assert_eq!(
        fields("road"),
        ["simple", "needs_road_works", "public_notice"]
    );
}

/// The legal clock runs past the schedule's end, and past the calendar's coverage: that is a
/// timeline error (never a guess) unless the caller opts in to weekend-only estimates.
#[test]
fn the_legal_clock_beyond_the_calendar() {
    // Received Thu 12-10: review 12-11, 14; pause 12-15..17; inspect 12-18, 21, 22. The
    // schedule fits in 2026, but legal 20 skipping the pause reaches 12-31 on day 12.
    let d = decide(request("food", json!({}), "2026-12-10T09:00:00+08:00"));
    assert_eq!(d["outcome"], "accepted");
    assert_eq!(d["timeline"], Value::Null);
    assert_eq!(d["timeline_error"]["code"], "calendar_out_of_range");
    let mut req = request("food", json!({}), "2026-12-10T09:00:00+08:00");
    req["beyond_coverage"] = json!("weekends_only");
    let d = decide(req);
    let t = &d["timeline"];
    assert_eq!(t["due"], "2026-12-22");
    // 12-11 (1), 14 (2), 18 (3), 21..25 (8), 28..31 (12), then weekdays only: 2027-01-01 (13),
    // 01-04..08 (18), 01-11, 12 (20).
    assert_eq!(t["legal_due"], "2027-01-12");
    assert_eq!(t["estimated"], true);
    assert!(d["notice"].as_str().unwrap().contains("按周末估算"));
}
