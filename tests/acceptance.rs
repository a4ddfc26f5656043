//! SPEC §7.4–§7.7, acceptance: material statuses in conditions, per-service acceptance,
//! redirects, the Art. 32 correction-notice deadline, commitments' follow-ups, fields as a
//! form needs them. Every date is worked out by hand on the 2026 calendar (data/cn-mainland
//! .json, 国办发明电〔2025〕7号): 国庆 2026-10-01 … 10-07 off, 2026-10-10 (Saturday) a make-up
//! working day; 中秋 2026-09-25 … 09-27 off.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

#[path = "support/s7_accept.rs"]
mod s7;

use intake_rules::api;
use intake_rules::{Policy, Request};
use s7::*;
use serde_json::{json, Value};

// ---- §7.5 per-service acceptance -------------------------------------------------------------

/// Gas lacks its intolerable 用气需求表: power and water proceed on their own, gas is sent back
/// for correction. Received Wed 2026-09-30 10:00. Intake 1 working day → Thu 10-08. Power:
/// plan 3 → 10-09, 10-10 (make-up Saturday), 10-12; connect 2 → 10-13, 10-14. Water: accept
/// 2 → 10-09, 10-10; connect 3 → 10-12, 10-13, 10-14. Finish 1 after 10-14 → 10-15.
#[test]
fn per_service_acceptance_lets_power_and_water_proceed_without_gas() {
    let d = decide(request(
        "joint",
        json!({"business_license": "electronic", "property_proof": "provided", "water_use": "provided"}),
    ));
    assert_eq!(
        d["outcome"], "needs_correction",
        "the overall outcome is the worst"
    );
    assert_eq!(service(&d, "power")["outcome"], "accepted");
    assert_eq!(service(&d, "water")["outcome"], "accepted");
    assert_eq!(service(&d, "gas")["outcome"], "needs_correction");
    assert_eq!(d["proceeding"], json!(["power", "water"]));
    let t = &d["timeline"];
    assert_eq!(
        ids(&t["services"]),
        ["power", "water"],
        "gas is not scheduled"
    );
    assert_eq!(t["intake"]["due"], "2026-10-08");
    assert_eq!(t["services"][0]["due"], "2026-10-14");
    assert_eq!(t["services"][1]["due"], "2026-10-14");
    assert_eq!(t["due"], "2026-10-15");
    assert_eq!(d["missing"][0]["id"], "gas_use");
    assert_eq!(d["missing"][0]["tolerated"], false);
    // Art. 32: five working days after 09-30 → 10-08, 10-09, 10-10, 10-12, 10-13.
    assert_eq!(d["correction_notice_due"], "2026-10-13");
    let notice = d["notice"].as_str().unwrap();
    assert!(
        notice.contains("先行受理：电力报装和供水报装。"),
        "{notice}"
    );
    assert!(notice.contains("按下文补正后受理：燃气报装。"), "{notice}");
    assert!(
        notice.contains("请提交“用气需求表”（燃气报装所需）。"),
        "{notice}"
    );
    assert!(
        notice.contains("本告知书应于2026年10月13日（星期二）前送达申请人"),
        "{notice}"
    );
    assert!(
        notice.contains("预计办结日期：2026年10月15日（星期四）"),
        "{notice}"
    );
}

#[test]
fn per_service_notice_in_english() {
    let mut req = request(
        "joint",
        json!({"business_license": "electronic", "property_proof": "provided", "water_use": "provided"}),
    );
    req["locale"] = json!("en");
    let d = decide(req);
    let notice = d["notice"].as_str().unwrap();
    assert!(
        notice.contains("Accepted and going ahead now: power connection and water connection."),
        "{notice}"
    );
    assert!(
        notice.contains("Accepted once corrected as listed below: gas connection."),
        "{notice}"
    );
    assert!(
        notice.contains("must give this notice by Tuesday 13 October 2026"),
        "{notice}"
    );
}

/// The business licence is tolerable for power (3 working days) and water (5) but not for gas.
/// Per service, gas is sent back anyway, so the proceeding services decide: tolerated, due on
/// the earlier period, 3 working days after 09-30 → 10-08, 10-09, 10-10 (make-up Saturday).
/// Together, gas decides too: not tolerated.
#[test]
fn per_service_tolerance_is_judged_by_the_proceeding_services() {
    let materials = json!({"property_proof": "provided", "water_use": "provided"});
    let d = decide(request("joint", materials.clone()));
    assert_eq!(service(&d, "power")["outcome"], "accepted_with_tolerance");
    assert_eq!(service(&d, "water")["outcome"], "accepted_with_tolerance");
    assert_eq!(service(&d, "gas")["outcome"], "needs_correction");
    assert_eq!(d["proceeding"], json!(["power", "water"]));
    assert_eq!(
        d["missing"],
        json!([
            {"id": "business_license", "name": "营业执照", "tolerated": true,
             "supplement_due": "2026-10-10", "used_by": ["gas", "power", "water"]},
            {"id": "gas_use", "name": "用气需求表", "tolerated": false,
             "supplement_due": null, "used_by": ["gas"]}
        ])
    );
    assert_eq!(d["timeline"]["supplement_due"], "2026-10-10");
    assert_eq!(d["timeline"]["due"], "2026-10-15");
    let notice = d["notice"].as_str().unwrap();
    assert!(
        notice.contains("“营业执照”（电力报装、供水报装和燃气报装所需）：请于2026年10月10日（星期六，调休上班日）前补齐。"),
        "{notice}"
    );
    let d = decide(request("joint_together", materials));
    assert_eq!(d["proceeding"], json!([]));
    assert_eq!(d["missing"][0]["tolerated"], false);
    assert_eq!(d["missing"][0]["supplement_due"], Value::Null);
}

/// The same request under "together" (the default): nothing proceeds, no timeline.
#[test]
fn together_holds_every_service_back() {
    let d = decide(request(
        "joint_together",
        json!({"business_license": "electronic", "property_proof": "provided", "water_use": "provided"}),
    ));
    assert_eq!(d["outcome"], "needs_correction");
    assert_eq!(service(&d, "power")["outcome"], "accepted");
    assert_eq!(d["proceeding"], json!([]));
    assert_eq!(d["timeline"], Value::Null);
    assert_eq!(d["timeline_error"], Value::Null);
    assert_eq!(d["correction_notice_due"], "2026-10-13");
    assert!(!d["notice"].as_str().unwrap().contains("先行办理"));
}

/// Everything given: all three proceed under both modes and the timelines agree.
#[test]
fn all_accepted_proceed_under_both_modes() {
    let materials = json!({"business_license": "provided", "property_proof": "provided",
                           "water_use": "provided", "gas_use": "provided"});
    let a = decide(request("joint", materials.clone()));
    let b = decide(request("joint_together", materials));
    for d in [&a, &b] {
        assert_eq!(d["outcome"], "accepted");
        assert_eq!(d["proceeding"], json!(["gas", "power", "water"]));
        assert_eq!(d["correction_notice_due"], Value::Null);
        // Gas: connect 4 after intake 10-08 → 10-09, 10-10, 10-12, 10-13; finish → 10-15.
        assert_eq!(d["timeline"]["due"], "2026-10-15");
        assert_eq!(ids(&d["timeline"]["services"]), ["power", "water", "gas"]);
    }
    assert!(!a["notice"].as_str().unwrap().contains("先行办理"));
}

/// A form error applies to every service: nothing proceeds even per service.
#[test]
fn a_field_error_stops_every_service() {
    let mut req = request(
        "joint",
        json!({"business_license": "provided", "property_proof": "provided",
               "water_use": "provided", "gas_use": "provided"}),
    );
    req["form"]["uscc"] = json!("91350100M000100Y44");
    let d = decide(req);
    assert_eq!(d["proceeding"], json!([]));
    assert_eq!(d["timeline"], Value::Null);
    assert_eq!(d["correction_notice_due"], "2026-10-13");
}

/// A single-service target behaves as "together".
#[test]
fn a_single_service_target_proceeds_when_accepted() {
    let d = decide(request(
        "water",
        json!({"business_license": "provided", "water_use": "provided"}),
    ));
    assert_eq!(d["proceeding"], json!(["water"]));
    let d = decide(request("water", json!({"business_license": "provided"})));
    assert_eq!(d["proceeding"], json!([]));
    assert_eq!(d["timeline"], Value::Null);
}

// ---- §7.5 redirect ---------------------------------------------------------------------------

#[test]
fn a_small_project_is_redirected_from_the_licence_to_the_filing() {
    let mut req = request("licence", json!({"business_license": "provided"}));
    req["form"]["project_scale"] = json!("small");
    let d = decide(req.clone());
    assert_eq!(d["outcome"], "not_accepted");
    assert_eq!(service(&d, "licence")["redirect"], "filing");
    assert_eq!(d["correction_notice_due"], Value::Null, "not a correction");
    assert_eq!(d["proceeding"], json!([]));
    let notice = d["notice"].as_str().unwrap();
    assert!(
        notice.contains("小型项目实行备案管理，不需许可"),
        "{notice}"
    );
    assert!(notice.contains("请改为申请“建设项目备案”。"), "{notice}");
    req["locale"] = json!("en");
    let d = decide(req);
    let notice = d["notice"].as_str().unwrap();
    assert!(
        notice.contains("Please apply for “project filing” instead."),
        "{notice}"
    );
    // A reject without a redirect leaves it null.
    let mut req = request("licence", json!({"business_license": "provided"}));
    req["form"]["has_credit_issue"] = json!(true);
    let d = decide(req);
    assert_eq!(d["outcome"], "not_accepted");
    assert_eq!(service(&d, "licence")["redirect"], Value::Null);
    assert!(!d["notice"].as_str().unwrap().contains("请改为申请"));
}

#[test]
fn a_redirect_must_name_another_target() {
    let e = edited(|v| {
        v["services"]["licence"]["rejects"][0]["redirect"] = json!("filling");
    })
    .unwrap_err();
    let i = &e.issues[0];
    assert_eq!(i.code.as_str(), "unknown_target");
    assert_eq!(i.path, "services.licence.rejects[0].redirect");
    assert!(
        i.text("en").contains("did you mean `filing`?"),
        "{}",
        i.message.en
    );
    assert!(i.line.is_some());
    let e = edited(|v| {
        v["services"]["licence"]["rejects"][0]["redirect"] = json!("licence");
    })
    .unwrap_err();
    assert_eq!(e.issues[0].code.as_str(), "bad_value");
    // A bundle is a target too.
    assert!(edited(|v| {
        v["services"]["licence"]["rejects"][0]["redirect"] = json!("joint");
    })
    .is_ok());
}

// ---- §7.5 Art. 32 ----------------------------------------------------------------------------

#[test]
fn the_correction_notice_deadline_follows_the_policy() {
    // 3 natural days after Wed 09-30 → Sat 10-03, a holiday → the next working day, 10-08.
    let p = edited(|v| v["correction_notice_within"] = json!({"natural_days": 3})).unwrap();
    let d = decide_with(&p, request("water", json!({})));
    assert_eq!(d["outcome"], "needs_correction");
    assert_eq!(d["correction_notice_due"], "2026-10-08");
    // Received after the cutoff on Fri 09-18 → Sun 09-20, a make-up working day (国庆调休);
    // five working days: 09-21, 09-22, 09-23, 09-24, 09-28 (中秋 09-25 … 09-27 off).
    let mut req = request("water", json!({}));
    req["submitted_at"] = json!("2026-09-18T17:30:00+08:00");
    let d = decide(req);
    assert_eq!(d["received_on"], "2026-09-20");
    assert_eq!(d["correction_notice_due"], "2026-09-28");
    let e = edited(|v| v["correction_notice_within"] = json!({"working_dayz": 5})).unwrap_err();
    assert_eq!(e.issues[0].code.as_str(), "bad_limit");
    assert_eq!(e.issues[0].path, "correction_notice_within.working_dayz");
}

// ---- §7.4 material statuses in conditions: the 告知承诺 route ----------------------------------

/// Committing both commitment materials takes the same-day route (limit 0 working days:
/// the received day itself, a working day); follow-ups count from the service's due day.
#[test]
fn committing_takes_the_commitment_route() {
    let d = decide(request(
        "shop",
        json!({"business_license": "provided", "property_proof": "committed", "qualification_pledge": "committed"}),
    ));
    assert_eq!(d["outcome"], "accepted");
    assert_eq!(d["timeline"]["due"], "2026-09-30");
    // property_proof: 20 working days after 09-30: 10-08 … 10-30 are 18, 11-02 (19), 11-03.
    // qualification_pledge: 30 natural days after 09-30 → Fri 10-30, a working day.
    assert_eq!(
        d["follow_ups"],
        json!([{"material": "property_proof", "method": "site", "due": "2026-11-03"},
               {"material": "qualification_pledge", "method": "documents", "due": "2026-10-30"}])
    );
    let notice = d["notice"].as_str().unwrap();
    assert!(
        notice.contains("“产权证明”：以告知承诺代替提交，将于2026年11月3日（星期二）前现场核查。"),
        "{notice}"
    );
    assert!(
        notice.contains(
            "“从业资格条件承诺书”：以告知承诺代替提交，将于2026年10月30日（星期五）前书面核查。"
        ),
        "{notice}"
    );
    assert!(
        notice.contains("经核查承诺不实的，依法撤销相关决定。")
            && !notice.contains("，。")
            && !notice.contains(",。"),
        "{notice}"
    );
}

/// Providing everything is not the commitment route: the ordinary 10 working days
/// (10-08 … 10-16 are 8, 10-19, 10-20), and nothing to verify.
#[test]
fn providing_everything_does_not_take_the_commitment_route() {
    let d = decide(request(
        "shop",
        json!({"business_license": "provided", "property_proof": "provided", "qualification_pledge": "provided"}),
    ));
    assert_eq!(d["outcome"], "accepted");
    assert_eq!(d["timeline"]["due"], "2026-10-20");
    assert_eq!(d["follow_ups"], json!([]));
}

/// Committing one of the two is not the route either; its follow-up counts from the ordinary
/// due day 10-20: 20 working days → 10-21 … 10-30 (8), 11-02 … 11-06 (13), 11-09 … 11-13
/// (18), 11-16, 11-17.
#[test]
fn half_a_commitment_is_not_the_route() {
    let d = decide(request(
        "shop",
        json!({"business_license": "provided", "property_proof": "committed", "qualification_pledge": "provided"}),
    ));
    assert_eq!(d["timeline"]["due"], "2026-10-20");
    assert_eq!(
        d["follow_ups"],
        json!([{"material": "property_proof", "method": "site", "due": "2026-11-17"}])
    );
}

/// `committed(m)` reads the status the catalogue allows: a commitment on a material without
/// `commitment` is an error and counts as missing, so it cannot open the route.
#[test]
fn a_status_the_catalogue_does_not_allow_reads_as_missing() {
    let p =
        edited(|v| v["materials"]["qualification_pledge"]["commitment"] = json!(false)).unwrap();
    let d = decide_with(
        &p,
        request(
            "shop",
            json!({"business_license": "provided", "property_proof": "committed", "qualification_pledge": "committed"}),
        ),
    );
    assert_eq!(d["outcome"], "needs_correction");
    assert_eq!(
        d["field_errors"][0]["path"],
        "materials.qualification_pledge"
    );
    assert_eq!(d["field_errors"][0]["code"], "status_not_allowed");
    let pledge = d["checklist"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "qualification_pledge")
        .unwrap();
    assert_eq!(pledge["status"], "missing");
    assert_eq!(d["proceeding"], json!([]));
    // Planning the timeline anyway: the route does not apply (10 working days, 10-20).
    let t = p
        .timeline(&Request::from_value(request(
            "shop",
            json!({"business_license": "provided", "property_proof": "committed", "qualification_pledge": "committed"}),
        ))
        .unwrap())
        .unwrap();
    assert_eq!(t.due.to_string(), "2026-10-20");
}

/// `required: "missing(property_proof)"`: without the property proof a lease contract is
/// required; `excluded_if: "committed(qualification_pledge)"` refuses 容缺 on top of a commitment.
#[test]
fn statuses_in_required_and_excluded_if() {
    let d = decide(request(
        "shop",
        json!({"business_license": "provided", "qualification_pledge": "provided"}),
    ));
    assert!(ids(&d["checklist"]).contains(&"lease_contract"));
    assert_eq!(
        d["checklist"][1]["because"][0]["condition"],
        "missing(property_proof)"
    );
    let d = decide(request(
        "shop",
        json!({"business_license": "provided", "property_proof": "provided", "qualification_pledge": "provided"}),
    ));
    assert!(!ids(&d["checklist"]).contains(&"lease_contract"));
    // Business licence missing (tolerable 5 working days: 10-13), pledge provided → 容缺.
    let d = decide(request(
        "shop",
        json!({"property_proof": "provided", "qualification_pledge": "provided"}),
    ));
    assert_eq!(d["outcome"], "accepted_with_tolerance");
    assert_eq!(d["missing"][0]["supplement_due"], "2026-10-13");
    // The same with the pledge committed: excluded, so correction.
    let d = decide(request(
        "shop",
        json!({"property_proof": "provided", "qualification_pledge": "committed"}),
    ));
    assert_eq!(d["outcome"], "needs_correction");
    assert_eq!(d["missing"][0]["tolerated"], false);
}

#[test]
fn an_unknown_material_in_a_condition_is_a_load_error_at_its_place() {
    let text = fixture_text().replace(
        "committed(property_proof) && committed(qualification_pledge)",
        "committed(property_proof) && committed(qualification_pledg)",
    );
    let e = Policy::from_json(&text).unwrap_err();
    assert_eq!(e.issues.len(), 1, "{e:?}");
    let i = &e.issues[0];
    assert_eq!(i.code.as_str(), "unknown_material");
    assert_eq!(i.path, "services.shop.stages[0].limit_if[0].when");
    assert!(
        i.text("en")
            .contains("did you mean `qualification_pledge`?"),
        "{}",
        i.message.en
    );
    // The column of `qualification_pledg` inside the string on its line.
    let line = text.lines().nth(i.line.unwrap() as usize - 1).unwrap();
    let col = line.find("qualification_pledg)").unwrap() + 1;
    assert_eq!(i.column, Some(col as u32));
    // A field is not a material; an unknown function is its own error.
    let e = Policy::from_json(
        &fixture_text().replace("\"missing(property_proof)\"", "\"missing(capacity_kva)\""),
    )
    .unwrap_err();
    assert_eq!(e.issues[0].code.as_str(), "unknown_material");
    assert!(e.issues[0].message.en.contains("has(capacity_kva)"));
    let e = Policy::from_json(
        &fixture_text().replace("\"missing(property_proof)\"", "\"mising(property_proof)\""),
    )
    .unwrap_err();
    assert_eq!(e.issues[0].code.as_str(), "unknown_function");
    assert!(e.issues[0].text("en").contains("did you mean `missing`?"));
}

// ---- §7.6 follow-ups in a bundle -------------------------------------------------------------

/// The property proof committed in the joint bundle: power (due 10-14) uses it, so the site
/// check is due 20 working days later: 10-15, 10-16, 10-19 … 10-23 (7), 10-26 … 10-30 (12),
/// 11-02 … 11-06 (17), 11-09, 11-10, 11-11.
#[test]
fn a_follow_up_counts_from_the_due_day_of_the_service_using_it() {
    let d = decide(request(
        "joint",
        json!({"business_license": "provided", "property_proof": "committed",
               "water_use": "provided", "gas_use": "provided"}),
    ));
    assert_eq!(d["outcome"], "accepted");
    assert_eq!(
        d["follow_ups"],
        json!([{"material": "property_proof", "method": "site", "due": "2026-11-11"}])
    );
    // Nothing proceeds (together, gas missing): the commitment is not acted on.
    let d = decide(request(
        "joint_together",
        json!({"business_license": "provided", "property_proof": "committed", "water_use": "provided"}),
    ));
    assert_eq!(d["follow_ups"], json!([]));
}

/// `commitment: true` allows the commitment without a follow-up.
#[test]
fn a_plain_commitment_has_no_follow_up() {
    let mut req = request(
        "shop",
        json!({"business_license": "provided", "property_proof": "provided",
               "qualification_pledge": "provided", "env_statement": "committed"}),
    );
    req["form"]["capacity_kva"] = json!(600);
    let d = decide(req);
    assert_eq!(d["outcome"], "accepted");
    assert_eq!(d["follow_ups"], json!([]));
    assert!(d["notice"].as_str().unwrap().contains("以告知承诺代替提交"));
}

#[test]
fn commitment_objects_are_validated() {
    let e = edited(|v| {
        v["materials"]["property_proof"]["commitment"] =
            json!({"verify_within": {"working_days": 20}, "methd": "site"})
    })
    .unwrap_err();
    let codes: Vec<(&str, &str)> = e
        .issues
        .iter()
        .map(|i| (i.path.as_str(), i.code.as_str()))
        .collect();
    assert!(codes.contains(&("materials.property_proof.commitment.methd", "unknown_field")));
    // A misspelt key that names the missing one (`methd` for `method`) is reported once, as
    // the unknown key with its did-you-mean, not also as a missing field (issue 18).
    assert!(!codes.contains(&(
        "materials.property_proof.commitment.method",
        "missing_field"
    )));
    let e = edited(|v| {
        v["materials"]["property_proof"]["commitment"] =
            json!({"verify_within": {"working_days": 20}, "method": "documnets"})
    })
    .unwrap_err();
    assert_eq!(e.issues[0].code.as_str(), "bad_value");
    assert_eq!(
        e.issues[0].path,
        "materials.property_proof.commitment.method"
    );
    assert!(e.issues[0].text("en").contains("did you mean `documents`?"));
    let e = edited(|v| v["materials"]["property_proof"]["commitment"] = json!("yes")).unwrap_err();
    assert_eq!(e.issues[0].code.as_str(), "type_mismatch");
    let e = edited(|v| v["bundles"]["joint"]["acceptance"] = json!("per-service")).unwrap_err();
    assert_eq!(e.issues[0].path, "bundles.joint.acceptance");
    assert!(e.issues[0]
        .text("en")
        .contains("did you mean `per_service`?"));
    let e = edited(|v| v["fields"]["remark"]["source"] = json!("ofice")).unwrap_err();
    assert_eq!(e.issues[0].path, "fields.remark.source");
    assert!(e.issues[0].text("en").contains("did you mean `office`?"));
}

// ---- §7.7 required fields and targets() ------------------------------------------------------

#[test]
fn required_fields_follow_the_agent_checkbox() {
    let base = json!({"applicant_name": "某某公司", "uscc": USCC});
    let with = |extra: Value| {
        let mut f = base.clone();
        for (k, v) in extra.as_object().unwrap() {
            f[k] = v.clone();
        }
        decide(json!({"target": "filing", "form": f, "submitted_at": "2026-09-30T10:00:00+08:00"}))
    };
    // No checkbox sent: it reads as false, so the applicant's own phone is required.
    let d = with(json!({}));
    assert_eq!(
        d["required_fields"],
        json!(["applicant_name", "applicant_phone", "uscc"])
    );
    assert_eq!(d["field_errors"][0]["path"], "form.applicant_phone");
    assert_eq!(d["field_errors"][0]["code"], "required");
    let d = with(json!({"by_agent": false}));
    assert_eq!(
        d["required_fields"],
        json!(["applicant_name", "applicant_phone", "uscc"])
    );
    // Ticked: the agent's name and id are required (filled or not), the phone is not.
    let d = with(json!({"by_agent": true, "agent_name": "张三"}));
    assert_eq!(
        d["required_fields"],
        json!(["agent_id_number", "agent_name", "applicant_name", "uscc"])
    );
    let paths: Vec<&str> = d["field_errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths, ["form.agent_id_number"]);
}

#[test]
fn targets_list_the_fields_a_form_needs_in_document_order() {
    let p = policy();
    let targets: Value = serde_json::to_value(api::targets(&p)).unwrap();
    let target = |id: &str| {
        targets
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["id"] == id)
            .unwrap()
            .clone()
    };
    let fields = |id: &str| -> Vec<(String, String)> {
        target(id)["fields"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| {
                (
                    f["id"].as_str().unwrap().to_string(),
                    f["source"].as_str().unwrap().to_string(),
                )
            })
            .collect()
    };
    let always = [
        ("applicant_name", "applicant"),
        ("uscc", "applicant"),
        ("by_agent", "applicant"),
        ("agent_name", "applicant"),
        ("agent_id_number", "applicant"),
        ("applicant_phone", "applicant"),
    ];
    let own = |v: &[(&str, &str)]| -> Vec<(String, String)> {
        v.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    };
    let mut licence = always.to_vec();
    licence.extend([
        ("project_scale", "applicant"),
        ("has_credit_issue", "office"),
        ("licence_no", "shared_data"),
    ]);
    assert_eq!(fields("licence"), own(&licence));
    let mut joint = always.to_vec();
    joint.push(("capacity_kva", "applicant"));
    assert_eq!(fields("joint"), own(&joint));
    assert_eq!(
        fields("filing"),
        own(&always),
        "`remark` is needed by no rule"
    );
    // A policy from an object keeps the object's key order too (JS `Policy.fromObject`).
    let p = api::policy_from_object_text(&fixture_text()).unwrap();
    let again: Value = serde_json::to_value(api::targets(&p)).unwrap();
    assert_eq!(again, targets);
}

/// Follow-ups whose day lies beyond the calendar's coverage (2026-12-31) are listed with a
/// null `due`, and the notice says the day is not known yet. Received Mon 2026-12-21; the
/// route decides the same day; 20 working days and 30 natural days both end in 2027.
#[test]
fn a_follow_up_beyond_the_calendar_has_no_day_yet() {
    let mut req = request(
        "shop",
        json!({"business_license": "provided", "property_proof": "committed", "qualification_pledge": "committed"}),
    );
    req["submitted_at"] = json!("2026-12-21T10:00:00+08:00");
    let d = decide(req);
    assert_eq!(d["timeline"]["due"], "2026-12-21");
    assert_eq!(
        d["follow_ups"],
        json!([{"material": "property_proof", "method": "site", "due": null},
               {"material": "qualification_pledge", "method": "documents", "due": null}])
    );
    assert!(d["notice"]
        .as_str()
        .unwrap()
        .contains("“产权证明”：以告知承诺代替提交，将于办结后现场核查（具体日期暂无法确定）。"));
}
