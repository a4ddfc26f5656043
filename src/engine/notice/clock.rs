//! The notice's time-limit section and closing (SPEC §7.1, §7.2, §7.8): the promise in days
//! (always, even when no date can be computed), the expected day and the counted days, the
//! statutory limit and its last day, every pause with its length and that it is not counted
//! (行政许可法 Art. 45 asks that the applicant be told in writing), the applicant's own stages
//! as their own time; then the signature lines and the office block the notice ends with.

use crate::calendar::Period;
use crate::engine::decision::{Analysis, Issue, Outcome};
use crate::engine::region;
use crate::engine::schedule::Timeline;
use crate::policy::StageBy;
use crate::text::Locale;

use super::words::{day, Doc};
use super::{limits_in_days, quoted};

fn period(p: Period, loc: Locale) -> String {
    p.words(loc)
}

fn pause_len(days: u32, unit: &str, loc: Locale) -> String {
    let p = if unit == "working_days" {
        Period::WorkingDays(days)
    } else {
        Period::NaturalDays(days)
    };
    period(p, loc)
}

/// `承诺时限：15 个工作日` (and the legal limit) as items, in days only.
fn limits_items(a: &Analysis<'_>, d: &mut Doc, from_zh: &str, from_en: &str) {
    let loc = d.loc;
    let (promise, legal) = limits_in_days(a);
    if let Some(p) = promise {
        let p = period(p, loc);
        d.item(&if loc.is_en() {
            format!("Promised time limit: {p}, counted from {from_en}.")
        } else {
            format!("承诺时限：{p}，自{from_zh}起计算。")
        });
    }
    if let Some(l) = legal {
        let l = period(l, loc);
        d.item(&if loc.is_en() {
            format!("Statutory time limit: {l}.")
        } else {
            format!("法定时限：{l}。")
        });
    }
}

/// The time-limit section: with a timeline, its dates; without one, the limits in days and why
/// no date can be given.
pub(super) fn time_section(
    a: &Analysis<'_>,
    timeline: Option<&Timeline>,
    timeline_error: Option<&Issue>,
    d: &mut Doc,
) {
    let loc = d.loc;
    if let Some(t) = timeline {
        d.section("办理时限", "Time limits");
        with_dates(a, t, d);
        return;
    }
    if let Some(e) = timeline_error {
        d.section("办理时限", "Time limits");
        limits_items(a, d, "收件之日", "the day of receipt");
        let (_, to) = a.cal.coverage();
        let covered = day(to, &a.cal, loc);
        let out_of_range = e.code == crate::diag::Code::CalendarOutOfRange;
        d.item(&match (out_of_range, loc.is_en()) {
            (true, false) => format!("具体日期暂无法确定：所需日期超出已公布的节假日安排（已公布至{covered}），待国务院公布相应年度的节假日安排后确定。"),
            (true, true) => format!("The dates cannot be given yet: they lie beyond the published holiday arrangements (published up to {covered}); they will be set once the arrangements for that year are published."),
            (false, false) => "具体日期暂无法计算。".to_string(),
            (false, true) => "The dates cannot be computed.".to_string(),
        });
        return;
    }
    // Nothing proceeds yet: what the promise will be once accepted.
    if a.outcome == Outcome::NeedsCorrection && a.proceeding.is_empty() {
        let (promise, _) = limits_in_days(a);
        if promise.is_some() {
            d.section("办理时限", "Time limits");
            limits_items(
                a,
                d,
                "补正后受理之日",
                "the day the corrected application is accepted",
            );
        }
    }
}

fn with_dates(a: &Analysis<'_>, t: &Timeline, d: &mut Doc) {
    let loc = d.loc;
    let due = day(t.due, &a.cal, loc);
    if let Some(p) = t.promise {
        let p = period(p, loc);
        d.item(&if loc.is_en() {
            format!("Promised time limit: {p}.")
        } else {
            format!("承诺时限：{p}。")
        });
    }
    let counted = t.counted_working_days;
    let elapsed = t.working_days;
    // Whether the items below explain the days that do not count.
    let listed = t
        .services
        .iter()
        .flat_map(|s| &s.stages)
        .any(|st| !st.pauses.is_empty() || st.by == StageBy::Applicant);
    let rest = match (listed, loc.is_en()) {
        (true, false) => "（其余为下列不计入办理时限的期间或申请人自己的时间）",
        (true, true) => {
            " (the rest are the periods below that are not counted, or the applicant's own time)"
        }
        (false, _) => "",
    };
    d.item(&match (loc.is_en(), counted == elapsed) {
        _ if elapsed == 0 => loc.pick(
            format!("预计办结日期：{due}，收件当日办结。"),
            format!("Expected completion: {due}, the day of receipt."),
        ),
        (false, true) => format!("预计办结日期：{due}，自收件之日起 {elapsed} 个工作日。"),
        (false, false) => format!(
            "预计办结日期：{due}，自收件之日起 {elapsed} 个工作日，其中计入办理时限的为 {counted} 个工作日{rest}。"
        ),
        (true, true) => format!("Expected completion: {due}, {elapsed} working days after receipt."),
        (true, false) => format!(
            "Expected completion: {due}, {elapsed} working days after receipt, of which {counted} count towards the time limit{rest}."
        ),
    });
    if let (Some(legal), Some(legal_due)) = (t.legal, t.legal_due) {
        let legal = period(legal, loc);
        let legal_due = day(legal_due, &a.cal, loc);
        let mut line = if loc.is_en() {
            format!("Statutory time limit: {legal}, ending on {legal_due}")
        } else {
            format!("法定时限：{legal}，至{legal_due}届满")
        };
        if let (Some(e), Some(ext_due)) = (&t.legal_extension, t.legal_extended_due) {
            let ext = period(e.limit, loc);
            let ext_due = day(ext_due, &a.cal, loc);
            if loc.is_en() {
                line.push_str(&format!(
                    "; with the approval of {} it may be extended by {ext}, to {ext_due}",
                    e.approved_by
                ));
            } else {
                line.push_str(&format!(
                    "；经{}批准可延长 {ext}，至{ext_due}届满",
                    e.approved_by
                ));
            }
        }
        line.push_str(loc.pick("。", "."));
        d.item(&line);
    }

    let several = t.services.len() > 1;
    for svc in &t.services {
        for st in &svc.stages {
            let stage = quoted(st.name.as_deref().unwrap_or(&st.id));
            let whose = match (several, loc.is_en()) {
                (true, false) => format!("{}的{stage}环节", svc.name),
                (false, false) => format!("{stage}环节"),
                (true, true) => format!("The {stage} stage of {}", svc.name),
                (false, true) => format!("The {stage} stage"),
            };
            for p in &st.pauses {
                let len = pause_len(p.days, p.unit, loc);
                let (from, to) = (day(p.from, &a.cal, loc), day(p.to, &a.cal, loc));
                d.item(&if loc.is_en() {
                    format!("{whose}: {} {len}, not counted in the time limit (Administrative Licensing Law, Art. 45), from {from} to {to}.", p.name)
                } else {
                    format!("{whose}：{} {len}，不计入办理时限（《中华人民共和国行政许可法》第四十五条），自{from}起至{to}止。", p.name)
                });
            }
            if st.by == StageBy::Applicant {
                let len = period(st.limit, loc);
                let (from, to) = (day(st.start, &a.cal, loc), day(st.due, &a.cal, loc));
                d.item(&if loc.is_en() {
                    format!("{whose}: done by the applicant, in the applicant's own time (not counted in the time limit), expected to take {len}, from {from} to {to}.")
                } else {
                    format!("{whose}：由申请人自行完成，为申请人自己的时间，不计入办理时限，预计 {len}，自{from}起至{to}止。")
                });
            }
        }
    }
    if t.estimated {
        d.line(loc.pick(
            "注：部分日期超出已公布的节假日安排，按周末估算，以正式公布的安排为准。",
            "Note: some dates lie beyond the published holiday arrangements and are estimated from weekends only.",
        ));
    }
}

/// The signature lines and the office block that ends every notice (the region's window, else
/// the policy's).
pub(super) fn closing(a: &Analysis<'_>, d: &mut Doc) {
    let loc = d.loc;
    d.gap();
    d.line(loc.pick(
        "申请人签收：＿＿＿＿＿＿＿＿　签收日期：＿＿＿＿年＿＿月＿＿日",
        "Received by the applicant: ______________ Date: ______________",
    ));
    d.line(loc.pick(
        "窗口经办人：＿＿＿＿＿＿＿＿　（办理窗口盖章）",
        "Window clerk: ______________ (office stamp)",
    ));
    let Some(o) = region::office(a.policy, a.plan.region) else {
        return;
    };
    let tag = loc.as_str();
    d.gap();
    d.field("办理窗口", "Office", o.name.get(tag));
    let rows = [
        (o.address.as_ref(), "地址", "Address"),
        (o.phone.as_ref(), "联系电话", "Phone"),
        (o.hours.as_ref(), "办公时间", "Opening hours"),
    ];
    for (label, zh, en) in rows {
        if let Some(l) = label {
            d.field(zh, en, l.get(tag));
        }
    }
    d.line(match (o.phone.is_some(), loc.is_en()) {
        (true, false) => "查询办理进度或对本告知书有疑问的，请到办理窗口咨询，或拨打上述联系电话。",
        (false, false) => "查询办理进度或对本告知书有疑问的，请到办理窗口咨询。",
        (true, true) => "To follow the application or ask about this notice, ask at the office or call the number above.",
        (false, true) => "To follow the application or ask about this notice, ask at the office.",
    });
}
