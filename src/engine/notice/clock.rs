//! The notice's time-limit section and closing office block (SPEC §7.1, §7.2, §7.8): the
//! expected day and the counted days beside the promise, the statutory limit and its last day,
//! every pause with its length and that it is not counted (行政许可法 Art. 45 asks that the
//! applicant be told in writing), the applicant's own stages as their own time, and the window.

use std::fmt::Write;

use crate::calendar::Period;
use crate::engine::decision::Analysis;
use crate::engine::region;
use crate::engine::schedule::Timeline;
use crate::policy::StageBy;
use crate::text::Locale;

fn period_zh(p: Period) -> String {
    p.words(Locale::ZhCn)
}

fn period_en(p: Period) -> String {
    p.words(Locale::En)
}

fn pause_len(days: u32, unit: &str, en: bool) -> String {
    let p = if unit == "working_days" {
        Period::WorkingDays(days)
    } else {
        Period::NaturalDays(days)
    };
    if en {
        period_en(p)
    } else {
        period_zh(p)
    }
}

/// The time-limit section of a notice with a timeline.
pub(super) fn time_limits(s: &mut String, t: &Timeline, en: bool) {
    // Writing into a String cannot fail; the results are ignored deliberately.
    if en {
        let _ = write!(
            s,
            "Time limit: expected to be completed by {} ({} working days from receipt, of which {} count towards the time limit)",
            t.due, t.working_days, t.counted_working_days
        );
        if let Some(p) = t.promise {
            let _ = write!(s, "; promised limit {}", period_en(p));
        }
        let _ = writeln!(s, ".");
    } else {
        let _ = write!(
            s,
            "办理时限：预计于 {} 前办结（自收件日起 {} 个工作日，计入办理时限 {} 个工作日）",
            t.due, t.working_days, t.counted_working_days
        );
        if let Some(p) = t.promise {
            let _ = write!(s, "；承诺时限 {}", period_zh(p));
        }
        let _ = writeln!(s, "。");
    }
    if let (Some(legal), Some(legal_due)) = (t.legal, t.legal_due) {
        if en {
            let _ = write!(
                s,
                "Statutory limit: {}, ending on {legal_due}",
                period_en(legal)
            );
        } else {
            let _ = write!(s, "法定时限：{}，至 {legal_due} 届满", period_zh(legal));
        }
        if let (Some(e), Some(d)) = (&t.legal_extension, t.legal_extended_due) {
            if en {
                let _ = write!(
                    s,
                    "; with the approval of {} it may be extended by {}, to {d}",
                    e.approved_by,
                    period_en(e.limit)
                );
            } else {
                let _ = write!(
                    s,
                    "；经{}批准可延长 {}，至 {d} 届满",
                    e.approved_by,
                    period_zh(e.limit)
                );
            }
        }
        let _ = writeln!(s, "{}", if en { "." } else { "。" });
    }

    let mut pauses = String::new();
    let mut own = String::new();
    let (mut np, mut no) = (0, 0);
    for svc in &t.services {
        for st in &svc.stages {
            let stage = st.name.as_deref().unwrap_or(&st.id);
            for p in &st.pauses {
                np += 1;
                let len = pause_len(p.days, p.unit, en);
                if en {
                    let _ = writeln!(
                        pauses,
                        "{np}. {} / {stage}: {} {len}, not counted in the time limit ({} to {}).",
                        svc.name, p.name, p.from, p.to
                    );
                } else {
                    let _ = writeln!(
                        pauses,
                        "{np}. {}「{stage}」：{} {len}，不计入办理时限（{} 至 {}）。",
                        svc.name, p.name, p.from, p.to
                    );
                }
            }
            if st.by == StageBy::Applicant {
                no += 1;
                if en {
                    let _ = writeln!(
                        own,
                        "{no}. {} / {stage}: expected to take {}, from {} to {}.",
                        svc.name,
                        period_en(st.limit),
                        st.start,
                        st.due
                    );
                } else {
                    let _ = writeln!(
                        own,
                        "{no}. {}「{stage}」：预计 {}，自 {} 起至 {} 止。",
                        svc.name,
                        period_zh(st.limit),
                        st.start,
                        st.due
                    );
                }
            }
        }
    }
    if np > 0 {
        let _ = writeln!(
            s,
            "{}",
            if en {
                "Periods not counted in the time limit (行政许可法 Art. 45):"
            } else {
                "以下期间依法不计入办理时限（《行政许可法》第四十五条）："
            }
        );
        s.push_str(&pauses);
    }
    if no > 0 {
        let _ = writeln!(
            s,
            "{}",
            if en {
                "Done by the applicant — the applicant's own time, not counted in the time limit:"
            } else {
                "以下环节由申请人自行完成，所需时间为申请人自己的时间，不计入办理时限："
            }
        );
        s.push_str(&own);
    }
}

/// The office block that ends every notice: the region's window, else the policy's.
pub(super) fn office(s: &mut String, a: &Analysis<'_>, en: bool) {
    let Some(o) = region::office(a.policy, a.plan.region) else {
        return;
    };
    let loc = a.locale.as_str();
    let rows = [
        (Some(&o.name), "办理窗口", "Office"),
        (o.address.as_ref(), "地址", "Address"),
        (o.phone.as_ref(), "联系电话", "Phone"),
        (o.hours.as_ref(), "办公时间", "Opening hours"),
    ];
    for (label, zh, en_word) in rows {
        if let Some(l) = label {
            if en {
                let _ = writeln!(s, "{en_word}: {}", l.get(loc));
            } else {
                let _ = writeln!(s, "{zh}：{}", l.get(loc));
            }
        }
    }
}
