//! The one-time notice (一次性告知书): everything the applicant must correct or supplement, with
//! deadlines and legal basis, in the request's locale — given once, complete (行政许可法 Art. 32).

use std::fmt::Write;

use crate::engine::decision::{Analysis, Issue, Outcome, Status};
use crate::engine::schedule::{BasisOut, Timeline};
use crate::policy::{Acceptance, VerifyMethod};

mod clock;

fn basis_suffix(b: &Option<BasisOut>, en: bool) -> String {
    match b {
        Some(b) if en => format!(" (basis: {})", b.label),
        Some(b) => format!("（依据：{}）", b.label),
        None => String::new(),
    }
}

/// Render the notice for an analysed request.
pub(crate) fn render(
    a: &Analysis<'_>,
    timeline: Option<&Timeline>,
    timeline_error: Option<&Issue>,
) -> String {
    let en = a.locale.starts_with("en");
    let loc = a.locale.as_str();
    let mut s = String::with_capacity(512);
    let title = a.target_name.get(loc);
    // Writing into a String cannot fail; the results are ignored deliberately.
    if en {
        let _ = writeln!(s, "One-time notice — {title}");
        let _ = writeln!(s, "Received on: {}", a.received_on);
        let _ = writeln!(s, "Decision: {}", a.outcome.label(loc));
    } else {
        let _ = writeln!(s, "一次性告知书——{title}");
        let _ = writeln!(s, "收件日期：{}", a.received_on);
        let _ = writeln!(s, "办理结论：{}", a.outcome.label(loc));
    }

    if a.services.is_empty() {
        if en {
            let _ = writeln!(
                s,
                "None of the services of this application applies to the information given."
            );
        } else {
            let _ = writeln!(s, "根据所填信息，本申请没有适用的办理事项。");
        }
    }

    proceeding_lines(a, en, &mut s);

    let rejected: Vec<_> = a
        .services
        .iter()
        .filter(|x| x.outcome == Outcome::NotAccepted)
        .collect();
    if !rejected.is_empty() {
        let _ = writeln!(
            s,
            "{}",
            if en {
                "Not accepted:"
            } else {
                "不予受理的事项及理由："
            }
        );
        let mut n = 0;
        for svc in rejected {
            for r in &svc.reasons {
                n += 1;
                let _ = writeln!(
                    s,
                    "{n}. {}{}{}{}",
                    svc.name,
                    if en { ": " } else { "：" },
                    r.reason,
                    basis_suffix(&r.basis, en)
                );
            }
        }
        redirect_lines(a, en, &mut s);
    }

    let mut n = 0;
    let mut correction = String::new();
    for e in &a.field_errors {
        n += 1;
        let _ = writeln!(correction, "{n}. {}", e.message.get(loc));
    }
    for m in a.missing.iter().filter(|m| !m.tolerated) {
        n += 1;
        let item = a.checklist.iter().find(|c| c.id == m.id);
        let basis = item.map(|c| basis_suffix(&c.basis, en)).unwrap_or_default();
        let mut alt = String::new();
        if let Some(c) = item {
            if c.electronic {
                alt.push_str(if en {
                    "; may be taken from an electronic licence"
                } else {
                    "；可通过电子证照免提交"
                });
            }
            if c.commitment {
                alt.push_str(if en {
                    "; may be replaced by a signed commitment"
                } else {
                    "；可以告知承诺方式办理"
                });
            }
        }
        if en {
            let _ = writeln!(
                correction,
                "{n}. provide `{}` (needed by {}){alt}{basis}",
                m.name,
                service_names(a, &m.used_by, ", ")
            );
        } else {
            let _ = writeln!(
                correction,
                "{n}. 请提交「{}」（{} 需要）{alt}{basis}",
                m.name,
                service_names(a, &m.used_by, "、")
            );
        }
    }
    if n > 0 {
        let _ = writeln!(
            s,
            "{}",
            if en {
                "To correct before acceptance (all items, given once):"
            } else {
                "请一次性补正以下全部内容后再行受理："
            }
        );
        s.push_str(&correction);
        correction_deadline(a, en, &mut s);
    }

    let tolerated: Vec<_> = a.missing.iter().filter(|m| m.tolerated).collect();
    if !tolerated.is_empty() {
        if en {
            let _ = writeln!(
                s,
                "Accepted with tolerance; supply these by their deadlines, or the case ends:"
            );
        } else {
            let _ = writeln!(
                s,
                "以下材料容缺受理，请在期限内补齐，逾期未补齐的终止办理："
            );
        }
        for (i, m) in tolerated.iter().enumerate() {
            let due = m.supplement_due.map(|d| d.to_string()).unwrap_or_else(|| {
                if en {
                    "(date not yet known)".into()
                } else {
                    "（日期暂无法确定）".into()
                }
            });
            let basis = a
                .checklist
                .iter()
                .find(|c| c.id == m.id)
                .map(|c| basis_suffix(&c.basis, en))
                .unwrap_or_default();
            if en {
                let _ = writeln!(s, "{}. `{}` by {due}{basis}", i + 1, m.name);
            } else {
                let _ = writeln!(s, "{}. 「{}」，请于 {due} 前补齐{basis}", i + 1, m.name);
            }
        }
    }

    commitment_lines(a, en, &mut s);

    if let Some(t) = timeline {
        clock::time_limits(&mut s, t, en);
        if t.estimated {
            if en {
                let _ = writeln!(s, "Note: some dates lie beyond the published holiday arrangements and are estimated from weekends only.");
            } else {
                let _ = writeln!(
                    s,
                    "注：部分日期超出已公布的节假日安排，按周末估算，以正式安排为准。"
                );
            }
        }
    } else if timeline_error.is_some() {
        if en {
            let _ = writeln!(s, "Time limit: the dates cannot be promised yet (the holiday calendar does not cover them).");
        } else {
            let _ = writeln!(
                s,
                "办理时限：所需日期超出已公布的节假日安排，暂无法承诺办结日期。"
            );
        }
    }
    clock::office(&mut s, a, en);
    s
}

fn service_names(a: &Analysis<'_>, ids: &[String], sep: &str) -> String {
    let names: Vec<&str> = ids
        .iter()
        .map(|id| {
            a.services
                .iter()
                .find(|s| &s.id == id)
                .map(|s| s.name.as_str())
                .unwrap_or(id.as_str())
        })
        .collect();
    names.join(sep)
}

// ---- acceptance (SPEC §7.5, §7.6) ----------------------------------------------------------

/// Under per-service acceptance with some services going ahead and others not: which are
/// accepted, and which must be corrected first.
fn proceeding_lines(a: &Analysis<'_>, en: bool, s: &mut String) {
    if a.acceptance != Acceptance::PerService
        || a.proceeding.is_empty()
        || a.proceeding.len() == a.services.len()
    {
        return;
    }
    let held: Vec<String> = a
        .services
        .iter()
        .filter(|x| x.outcome == Outcome::NeedsCorrection)
        .map(|x| x.id.clone())
        .collect();
    if en {
        let _ = writeln!(
            s,
            "Accepted and proceeding now: {}.",
            service_names(a, &a.proceeding, ", ")
        );
        if !held.is_empty() {
            let _ = writeln!(
                s,
                "Accepted once corrected as listed below: {}.",
                service_names(a, &held, ", ")
            );
        }
    } else {
        let _ = writeln!(
            s,
            "以下事项已受理，先行办理：{}。",
            service_names(a, &a.proceeding, "、")
        );
        if !held.is_empty() {
            let _ = writeln!(
                s,
                "以下事项须按下列内容补正后受理：{}。",
                service_names(a, &held, "、")
            );
        }
    }
}

/// The name of a service or bundle of the policy in the notice's locale (its id if unknown).
fn target_name(a: &Analysis<'_>, id: &str) -> String {
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
    label.map_or_else(|| id.to_string(), |l| l.get(&a.locale).to_string())
}

/// For each rejected service that names another target: apply for that one instead.
fn redirect_lines(a: &Analysis<'_>, en: bool, s: &mut String) {
    for svc in a
        .services
        .iter()
        .filter(|x| x.outcome == Outcome::NotAccepted)
    {
        let Some(to) = &svc.redirect else { continue };
        let name = target_name(a, to);
        if en {
            let _ = writeln!(s, "{}: please apply for `{name}` instead.", svc.name);
        } else {
            let _ = writeln!(s, "{}：请改为申请「{name}」。", svc.name);
        }
    }
}

/// Art. 32: by when the office must give this notice, and what happens if it does not.
fn correction_deadline(a: &Analysis<'_>, en: bool, s: &mut String) {
    let Some(d) = a.correction_notice_due else {
        return;
    };
    if en {
        let _ = writeln!(
            s,
            "This notice is due to the applicant by {d} (Administrative Licensing Law, Art. 32); if it is not given by then, the application counts as accepted from the day the materials were received."
        );
    } else {
        let _ = writeln!(
            s,
            "本告知书应于 {d} 前送达申请人（《行政许可法》第三十二条）；逾期不告知的，自收到申请材料之日起即为受理。"
        );
    }
}

/// Committed materials: that they are verified after the fact — how and by when where the
/// policy says (核查) — and that a false commitment is revoked.
fn commitment_lines(a: &Analysis<'_>, en: bool, s: &mut String) {
    let committed: Vec<_> = a
        .checklist
        .iter()
        .filter(|c| c.status == Status::Committed)
        .collect();
    if committed.is_empty() {
        return;
    }
    let names: Vec<&str> = committed.iter().map(|c| c.name.as_str()).collect();
    if en {
        let _ = writeln!(
            s,
            "By signed commitment (verified later; a false commitment leads to revocation): {}",
            names.join(", ")
        );
    } else {
        let _ = writeln!(
            s,
            "以告知承诺方式办理（事后核查，承诺不实的依法撤销）：{}",
            names.join("、")
        );
    }
    for f in &a.follow_ups {
        let name = committed
            .iter()
            .find(|c| c.id == f.material)
            .map_or(f.material.as_str(), |c| c.name.as_str());
        let method = VerifyMethod::parse(f.method).unwrap_or(VerifyMethod::Site);
        let (how_zh, how_en) = match method {
            VerifyMethod::Site => ("现场核查", "on site"),
            VerifyMethod::Data => ("通过数据共享核查", "against shared data"),
            VerifyMethod::Documents => ("书面核查", "by documents"),
        };
        match (f.due, en) {
            (Some(d), true) => {
                let _ = writeln!(
                    s,
                    "- `{name}` will be verified {how_en} by {d}; if the commitment proves false, the decision is revoked."
                );
            }
            (None, true) => {
                let _ = writeln!(
                    s,
                    "- `{name}` will be verified {how_en} after the service is done (date not yet known); if the commitment proves false, the decision is revoked."
                );
            }
            (Some(d), false) => {
                let _ = writeln!(
                    s,
                    "- 「{name}」：将于 {d} 前{how_zh}；经核查承诺不实的，依法撤销相关决定。"
                );
            }
            (None, false) => {
                let _ = writeln!(
                    s,
                    "- 「{name}」：将于办结后{how_zh}（日期暂无法确定）；经核查承诺不实的，依法撤销相关决定。"
                );
            }
        }
    }
}
