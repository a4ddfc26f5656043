//! The one-time notice (一次性告知书): everything the applicant must correct or supplement, with
//! deadlines and legal basis, in the request's locale — given once, complete (行政许可法 Art. 32)
//! — written as the document a window clerk prints, signs and hands over.
//!
//! Its parts, in order (each only where it has something to say):
//! - the title block: the matter, the applicant where the form names one (a unified social
//!   credit code), the submission time in China time, the received day and — when it is not the
//!   submission day — why (after the cut-off, a rest day, a public holiday), and the conclusion;
//! - numbered sections: which services go ahead (per-service acceptance), the reasons for not
//!   accepting (one line per reason, naming the services it concerns), what to correct (each
//!   field and each material once, its problems, the services needing it and its basis merged
//!   into one line; the Art. 32 deadline), the materials accepted with tolerance (容缺) with
//!   their days and the 容缺受理承诺书 to sign, the commitments (告知承诺) with their
//!   verification and the 告知承诺书 to sign, the time limits (the promise in days always, the
//!   dates where the calendar can give them, the statutory limit, every pause and every stage
//!   that is the applicant's own time);
//! - the signature lines, then the office block (the notice ends with it, SPEC §7.8).
//!
//! Every day is written with its weekday and, on a weekend day worked by the holiday
//! arrangement, as a make-up working day (`words::day`). Chinese text uses full-width
//! punctuation throughout; `tests/notice_wording.rs` holds the wording of every pack case.

use crate::calendar::{BeyondCoverage, Period};
use crate::date::Date;
use crate::engine::decision::{Analysis, Issue, Outcome, Status};
use crate::engine::schedule::{self, BasisOut, Timeline};
use crate::policy::{Acceptance, StringFormat, VerifyMethod};
use crate::text::Locale;

mod clock;
mod words;

use words::{day, list, sentence, Doc};

/// A name in quotation marks: “用电设备清单” / “Load list”.
fn quoted(name: &str) -> String {
    format!("“{name}”")
}

/// ` 依据：…。` / ` Basis: ….` — the basis as a sentence of its own, or nothing.
fn basis_sentence(b: Option<&BasisOut>, loc: Locale) -> String {
    match b {
        Some(b) if loc.is_en() => format!(" Basis: {}", sentence(&b.label, loc)),
        Some(b) => format!("依据：{}", sentence(&b.label, loc)),
        None => String::new(),
    }
}

/// Render the notice for an analysed request.
pub(crate) fn render(
    a: &Analysis<'_>,
    timeline: Option<&Timeline>,
    timeline_error: Option<&Issue>,
) -> String {
    let loc = Locale::parse(&a.locale);
    let mut d = Doc::new(loc);
    title_block(a, &mut d);
    acceptance_section(a, &mut d);
    rejection_section(a, &mut d);
    correction_section(a, &mut d);
    tolerance_section(a, &mut d);
    commitment_section(a, &mut d);
    clock::time_section(a, timeline, timeline_error, &mut d);
    clock::closing(a, &mut d);
    d.s
}

// ---- title block -----------------------------------------------------------------------------

fn title_block(a: &Analysis<'_>, d: &mut Doc) {
    let loc = d.loc;
    d.line(loc.pick("一次性告知书", "One-time notice"));
    d.field("申请事项", "Matter", a.target_name.get(loc.as_str()));
    if let Some((label, value)) = applicant(a, loc) {
        // An English label may start in lower case; a line starts with a capital.
        let mut chars = label.chars();
        let label = chars.next().map_or_else(String::new, |c| {
            c.to_uppercase().chain(chars).collect::<String>()
        });
        d.field(&label, &label, &value);
    }
    if let Some((date, secs)) = a.submitted {
        let when = if loc.is_en() {
            format!(
                "{}, {} China time",
                day(date, &a.cal, loc),
                words::time(secs)
            )
        } else {
            format!(
                "{}{}（北京时间）",
                day(date, &a.cal, loc),
                words::time(secs)
            )
        };
        d.field("提交时间", "Submitted", &when);
    }
    let mut received = day(a.received_on, &a.cal, loc);
    if a.received_error.is_some() {
        received.push_str(loc.pick(
            "（节假日安排尚未公布，按周末估算）",
            " (estimated from weekends: the holiday arrangements are not yet published)",
        ));
    }
    d.field("收件日期", "Received on", &received);
    if let Some(why) = received_reason(a, loc) {
        d.field("收件说明", "Why this day", &why);
    }
    d.field("办理结论", "Decision", &conclusion(a, loc));
}

/// The applicant as the form names it: the first valid unified social credit code.
fn applicant(a: &Analysis<'_>, loc: Locale) -> Option<(String, String)> {
    a.policy.fields.iter().enumerate().find_map(|(i, f)| {
        if f.format != Some(StringFormat::Uscc) {
            return None;
        }
        let crate::engine::form::FormValue::Str(v) = a.form.value(i)? else {
            return None;
        };
        let label = f
            .label
            .as_ref()
            .map_or_else(|| f.id.clone(), |l| l.get(loc.as_str()).to_string());
        Some((label, v.clone()))
    })
}

/// Why the received day is not the submission day: after the cut-off, and/or rest days or
/// public holidays in between — in plain words.
fn received_reason(a: &Analysis<'_>, loc: Locale) -> Option<String> {
    let (sub, secs) = a.submitted?;
    if sub >= a.received_on {
        return None;
    }
    let cal = a.cal.with_beyond_coverage(BeyondCoverage::WeekendsOnly);
    let working = |x: Date| cal.is_working_day(x).unwrap_or(false);
    let late = working(sub) && secs >= a.cutoff.0;
    let first_rest = if late { sub.succ()? } else { sub };
    let last_rest = a.received_on.add_days(-1)?;
    // The days off between: a public holiday when one of them is a weekday.
    let mut holiday = false;
    let mut x = first_rest;
    while x <= last_rest {
        if !x.is_weekend() && !working(x) {
            holiday = true;
        }
        x = x.succ()?;
    }
    let span = if first_rest > last_rest {
        None
    } else if first_rest == last_rest {
        Some(day(first_rest, &a.cal, loc))
    } else if loc.is_en() {
        Some(format!(
            "{} to {}",
            day(first_rest, &a.cal, loc),
            day(last_rest, &a.cal, loc)
        ))
    } else {
        Some(format!(
            "{}至{}",
            day(first_rest, &a.cal, loc),
            day(last_rest, &a.cal, loc)
        ))
    };
    let cutoff = words::cutoff(a.cutoff);
    let several = first_rest < last_rest;
    let rest = if holiday {
        "法定节假日"
    } else {
        "休息日"
    };
    let after = if holiday { "节后" } else { "其后" };
    Some(match (loc.is_en(), late, span) {
        (false, true, None) => {
            format!("提交时间已过当日收件截止时间（{cutoff}），顺延至下一个工作日收件。")
        }
        (false, true, Some(span)) => format!(
            "提交时间已过当日收件截止时间（{cutoff}），且{span}为{rest}，顺延至{after}第一个工作日收件。"
        ),
        (false, false, span) => format!(
            "提交当日为{rest}{}，顺延至{after}第一个工作日收件。",
            span.map_or_else(String::new, |s| format!("（{s}为{rest}）"))
        ),
        (true, true, None) => format!(
            "Submitted after the office's cut-off time ({cutoff}), so the application counts as received on the next working day."
        ),
        (true, true, Some(span)) => format!(
            "Submitted after the office's cut-off time ({cutoff}), and {span} {} {}, so the application counts as received on the first working day after {}.",
            if several { "are" } else { "is" },
            match (holiday, several) {
                (true, true) => "public holidays",
                (true, false) => "a public holiday",
                (false, true) => "rest days",
                (false, false) => "a rest day",
            },
            if several { "them" } else { "it" }
        ),
        (true, false, span) => format!(
            "Submitted on {}{}, so the application counts as received on the next working day.",
            if holiday { "a public holiday" } else { "a rest day" },
            span.map_or_else(String::new, |s| format!(" (the office is closed {s})"))
        ),
    })
}

/// The conclusion in a sentence or two.
fn conclusion(a: &Analysis<'_>, loc: Locale) -> String {
    let partly = a.acceptance == Acceptance::PerService
        && !a.proceeding.is_empty()
        && a.proceeding.len() < a.services.len();
    let (zh, en) = match a.outcome {
        _ if partly => (
            "部分受理。部分事项先行受理，其余事项的处理见下文。",
            "Partly accepted. Some services go ahead now; for the others, see below.",
        ),
        Outcome::Accepted => (
            "予以受理。申请材料齐全，符合法定形式。",
            "Accepted. The materials are complete and in the required form.",
        ),
        Outcome::AcceptedWithTolerance => (
            "容缺受理。主要申请材料齐全，所缺材料须在规定期限内补齐（见下文）。",
            "Accepted with tolerance. The main materials are complete; the missing ones must be supplied by the dates below.",
        ),
        Outcome::NeedsCorrection => (
            "需要补正。申请材料不齐全或者不符合法定形式，请按本告知书一次性补正全部内容后重新提交。",
            "Correction needed. The materials are incomplete or not in the required form; please correct everything listed in this notice at once and submit again.",
        ),
        Outcome::NotAccepted if a.services.is_empty() => (
            "不予受理。根据所填信息，本申请没有需要办理的事项。",
            "Not accepted. On the information given, none of the services of this application applies.",
        ),
        Outcome::NotAccepted => (
            "不予受理，理由见下文。",
            "Not accepted, for the reasons below.",
        ),
    };
    loc.pick(zh, en).to_string()
}

// ---- sections --------------------------------------------------------------------------------

/// The names of services by id, in the notice's locale and the bundle's order, listed as a
/// reader lists them.
fn service_names(a: &Analysis<'_>, ids: &[String], loc: Locale) -> String {
    let mut ids: Vec<&String> = ids.iter().collect();
    let rank = |id: &String| a.plan.services.iter().position(|s| &s.id == id);
    ids.sort_by_key(|id| (rank(id).is_none(), rank(id)));
    let names: Vec<&str> = ids
        .into_iter()
        .map(|id| {
            a.services
                .iter()
                .find(|s| &s.id == id)
                .map_or(id.as_str(), |s| s.name.as_str())
        })
        .collect();
    list(&names, loc)
}

/// `（用水报装所需）` / ` (needed for Water connection)` when the application has several
/// services; nothing for a single one.
fn needed_by(a: &Analysis<'_>, ids: &[String], loc: Locale) -> String {
    if a.services.len() < 2 || ids.is_empty() {
        return String::new();
    }
    let names = service_names(a, ids, loc);
    if loc.is_en() {
        format!(" (needed for {names})")
    } else {
        format!("（{names}所需）")
    }
}

/// The services a joint application covers when all are accepted; under per-service acceptance
/// with some services going ahead and others not, which are accepted and which must be
/// corrected first (SPEC §7.5).
fn acceptance_section(a: &Analysis<'_>, d: &mut Doc) {
    let loc = d.loc;
    // A joint application accepted whole: name the services it covers, so the applicant knows
    // what was received (a single service is the matter itself, named in the title block).
    if a.services.len() > 1 && a.proceeding.len() == a.services.len() {
        d.section("受理事项", "Services accepted");
        let names = service_names(a, &a.proceeding, loc);
        d.item(&if loc.is_en() {
            format!("This application covers: {names}.")
        } else {
            format!("本次受理：{names}。")
        });
        return;
    }
    if a.acceptance != Acceptance::PerService || a.proceeding.is_empty() {
        return;
    }
    let of = |o: Outcome| -> Vec<String> {
        a.services
            .iter()
            .filter(|x| x.outcome == o)
            .map(|x| x.id.clone())
            .collect()
    };
    d.section("受理情况", "What is accepted");
    let go = service_names(a, &a.proceeding, loc);
    d.item(&if loc.is_en() {
        format!("Accepted and going ahead now: {go}.")
    } else {
        format!("先行受理：{go}。")
    });
    let held = of(Outcome::NeedsCorrection);
    if !held.is_empty() {
        let names = service_names(a, &held, loc);
        d.item(&if loc.is_en() {
            format!("Accepted once corrected as listed below: {names}.")
        } else {
            format!("按下文补正后受理：{names}。")
        });
    }
    let rejected = of(Outcome::NotAccepted);
    if !rejected.is_empty() {
        let names = service_names(a, &rejected, loc);
        d.item(&if loc.is_en() {
            format!("Not accepted: {names} (reasons below).")
        } else {
            format!("不予受理：{names}（理由见下文）。")
        });
    }
}

/// The reasons for not accepting: each reason once, with the services it concerns; then, for a
/// service that names another target, what to apply for instead.
fn rejection_section(a: &Analysis<'_>, d: &mut Doc) {
    let loc = d.loc;
    // (reason, basis) → services, in the order first met.
    let mut reasons: Vec<(&str, Option<&BasisOut>, Vec<String>)> = Vec::new();
    for svc in a
        .services
        .iter()
        .filter(|x| x.outcome == Outcome::NotAccepted)
    {
        for r in &svc.reasons {
            let basis = r.basis.as_ref();
            match reasons
                .iter_mut()
                .find(|(t, b, _)| *t == r.reason && b.map(|b| &b.label) == basis.map(|b| &b.label))
            {
                Some((_, _, ids)) => ids.push(svc.id.clone()),
                None => reasons.push((&r.reason, basis, vec![svc.id.clone()])),
            }
        }
    }
    let redirects: Vec<_> = a
        .services
        .iter()
        .filter(|x| x.outcome == Outcome::NotAccepted)
        .filter_map(|x| x.redirect.as_ref().map(|to| (x, to)))
        .collect();
    if reasons.is_empty() && redirects.is_empty() {
        return;
    }
    d.section("不予受理的理由", "Reasons for not accepting");
    for (reason, basis, ids) in reasons {
        let who = if a.services.len() > 1 {
            let names = service_names(a, &ids, loc);
            loc.pick(format!("{names}："), format!("{names}: "))
        } else {
            String::new()
        };
        d.item(&format!(
            "{who}{}{}",
            sentence(reason, loc),
            basis_sentence(basis, loc)
        ));
    }
    for (svc, to) in redirects {
        let name = target_name(a, to, loc);
        let item = match (a.services.len() > 1, loc.is_en()) {
            (true, true) => format!(
                "Instead of {}, please apply for {}.",
                svc.name,
                quoted(&name)
            ),
            (false, true) => format!("Please apply for {} instead.", quoted(&name)),
            (true, false) => format!("{}：请改为申请{}。", svc.name, quoted(&name)),
            (false, false) => format!("请改为申请{}。", quoted(&name)),
        };
        d.item(&item);
    }
    // A refusal by an administrative body (a service with a statutory limit, i.e. an
    // administrative licence) is open to review: 行政复议法 / 行政诉讼法. Utility services carry no
    // `legal` and are not administrative decisions, so nothing is said for them.
    let administrative = a.services.iter().any(|x| {
        x.outcome == Outcome::NotAccepted
            && a.policy
                .service_index(&x.id)
                .and_then(|i| a.policy.services.get(i))
                .is_some_and(|s| s.legal.is_some())
    });
    if administrative {
        d.line(loc.pick(
            "申请人对不予受理决定不服的，可以依法申请行政复议或者提起行政诉讼。",
            "If you disagree with the decision not to accept, you may apply for administrative reconsideration or bring an administrative lawsuit according to law.",
        ));
    }
}

/// The name of a service or bundle of the policy in the notice's locale (its id if unknown).
fn target_name(a: &Analysis<'_>, id: &str, loc: Locale) -> String {
    let policy = a.policy;
    let label = policy
        .service_index(id)
        .and_then(|i| policy.services.get(i))
        .map(|s| &s.name)
        .or_else(|| {
            policy
                .bundle_index(id)
                .and_then(|i| policy.bundles.get(i))
                .map(|b| &b.name)
        });
    label.map_or_else(|| id.to_string(), |l| l.get(loc.as_str()).to_string())
}

/// Everything to correct before acceptance, each field and each material once: a material's
/// own problems (a status the catalogue does not allow) and its absence are one line, with the
/// services needing it and its basis. Then the Art. 32 deadline of this notice.
fn correction_section(a: &Analysis<'_>, d: &mut Doc) {
    let loc = d.loc;
    // Nothing is asked for a service that is not accepted anyway: the applicant applies for
    // something else (or not at all), and correcting its materials would not change that.
    let rejected = |sid: &String| {
        a.services
            .iter()
            .any(|s| &s.id == sid && s.outcome == Outcome::NotAccepted)
    };
    let missing: Vec<_> = a
        .missing
        .iter()
        .filter(|m| !m.tolerated && (m.used_by.is_empty() || !m.used_by.iter().all(rejected)))
        .collect();
    let field_errors: &[Issue] = if a.outcome == Outcome::NotAccepted {
        &[]
    } else {
        &a.field_errors
    };
    let material_of = |e: &Issue| e.path.strip_prefix("materials.").map(str::to_string);
    if field_errors.is_empty() && missing.is_empty() {
        return;
    }
    d.section(
        "需要补正的内容（请一次性补正）",
        "To correct before acceptance (everything, at once)",
    );
    for e in field_errors {
        match material_of(e) {
            // Said with the material's own line below.
            Some(id) if missing.iter().any(|m| m.id == id) => {}
            _ => d.item(&sentence(e.message.get(loc.as_str()), loc)),
        }
    }
    for m in missing {
        let item = a.checklist.iter().find(|c| c.id == m.id);
        let problems: Vec<&str> = field_errors
            .iter()
            .filter(|e| material_of(e).as_deref() == Some(m.id.as_str()))
            .map(|e| e.message.get(loc.as_str()))
            .collect();
        let head = if problems.is_empty() {
            if loc.is_en() {
                format!("Please provide {}", quoted(&m.name))
            } else {
                format!("请提交{}", quoted(&m.name))
            }
        } else {
            problems.join(loc.pick("；", "; "))
        };
        let mut line = sentence(&format!("{head}{}", needed_by(a, &m.used_by, loc)), loc);
        if let Some(c) = item {
            if c.electronic && problems.is_empty() {
                line.push_str(loc.pick(
                    "也可授权调取电子证照，免于提交。",
                    " It may instead be taken from an electronic licence.",
                ));
            }
            if c.commitment && problems.is_empty() {
                line.push_str(loc.pick(
                    "也可签署告知承诺书代替该材料。",
                    " A signed commitment (告知承诺书) may replace it.",
                ));
            }
            line.push_str(&basis_sentence(c.basis.as_ref(), loc));
        }
        d.item(&line);
    }
    if let Some(due) = a.correction_notice_due {
        let due = day(due, &a.cal, loc);
        d.line(&if loc.is_en() {
            format!("The office must give this notice by {due} (Administrative Licensing Law, Art. 32); if it does not, the application counts as accepted from the day the materials were received.")
        } else {
            format!("依照《中华人民共和国行政许可法》第三十二条，本告知书应于{due}前送达申请人；逾期不告知的，自收到申请材料之日起即为受理。")
        });
    }
}

/// The materials accepted with tolerance (容缺): each with its day, then what to sign.
fn tolerance_section(a: &Analysis<'_>, d: &mut Doc) {
    let loc = d.loc;
    let tolerated: Vec<_> = a.missing.iter().filter(|m| m.tolerated).collect();
    if tolerated.is_empty() {
        return;
    }
    d.section(
        "容缺受理的材料（请在期限内补齐）",
        "Materials accepted as missing (supply them by their dates)",
    );
    for m in tolerated {
        let item = a.checklist.iter().find(|c| c.id == m.id);
        let by = match (m.supplement_due, item.and_then(|c| c.tolerable.as_ref())) {
            (Some(due), _) => {
                let due = day(due, &a.cal, loc);
                loc.pick(format!("请于{due}前补齐"), format!("supply it by {due}"))
            }
            (None, Some(t)) => {
                let within = t.supplement_within.words(loc);
                loc.pick(
                    format!("请于受理之日起{within}内补齐（具体日期暂无法确定）"),
                    format!(
                        "supply it within {within} of acceptance (the date cannot be given yet)"
                    ),
                )
            }
            (None, None) => loc
                .pick("请尽快补齐", "supply it as soon as possible")
                .to_string(),
        };
        let needed = needed_by(a, &m.used_by, loc);
        let line = if loc.is_en() {
            format!("{}{needed}: {by}.", quoted(&m.name))
        } else {
            format!("{}{needed}：{by}。", quoted(&m.name))
        };
        let basis = basis_sentence(item.and_then(|c| c.basis.as_ref()), loc);
        d.item(&format!("{line}{basis}"));
    }
    d.line(loc.pick(
        "请签署《容缺受理承诺书》，承诺在上述期限内补齐材料；逾期未补齐的，终止办理。",
        "Please sign the tolerance commitment (容缺受理承诺书) to supply these materials by the dates above; if they are not supplied in time, the application is closed.",
    ));
}

/// Committed materials (告知承诺): each with how and by when it is verified, then what to sign
/// and that a false commitment is revoked (SPEC §7.6).
fn commitment_section(a: &Analysis<'_>, d: &mut Doc) {
    let loc = d.loc;
    let committed: Vec<_> = a
        .checklist
        .iter()
        .filter(|c| c.status == Status::Committed)
        .collect();
    if committed.is_empty() {
        return;
    }
    d.section(
        "以告知承诺方式提供的材料",
        "Materials replaced by a signed commitment",
    );
    for c in committed {
        let follow = a.follow_ups.iter().find(|f| f.material == c.id);
        let check = follow.map(|f| {
            let method = VerifyMethod::parse(f.method).unwrap_or(VerifyMethod::Site);
            let (how_zh, how_en) = match method {
                VerifyMethod::Site => ("现场核查", "on site"),
                VerifyMethod::Data => ("通过数据共享核查", "against shared data"),
                VerifyMethod::Documents => ("书面核查", "by documents"),
            };
            match f.due {
                Some(due) => {
                    let due = day(due, &a.cal, loc);
                    loc.pick(
                        format!("，将于{due}前{how_zh}"),
                        format!("; to be verified {how_en} by {due}"),
                    )
                }
                None => loc.pick(
                    format!("，将于办结后{how_zh}（具体日期暂无法确定）"),
                    format!("; to be verified {how_en} after the service is done (the date cannot be given yet)"),
                ),
            }
        });
        let needed = needed_by(a, &c.used_by, loc);
        let check = check.unwrap_or_default();
        d.item(&if loc.is_en() {
            format!(
                "{}{needed}: replaced by the signed commitment{check}.",
                quoted(&c.name)
            )
        } else {
            format!("{}{needed}：以告知承诺代替提交{check}。", quoted(&c.name))
        });
    }
    d.line(loc.pick(
        "请签署《告知承诺书》，承诺所述情况真实、符合条件；经核查承诺不实的，依法撤销相关决定。",
        "Please sign the commitment (告知承诺书) that what it states is true; if verification shows it is not, the decision is revoked.",
    ));
}

/// The promise and statutory limit in days, for a notice without dates.
fn limits_in_days(a: &Analysis<'_>) -> (Option<Period>, Option<Period>) {
    schedule::limits(&a.plan, &a.form)
}
