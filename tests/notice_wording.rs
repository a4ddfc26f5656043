//! The wording corpus of the one-time notice (一次性告知书): the notice of every case of every
//! built-in pack, in zh-CN and en, stored as readable text under `tests/wording/` (one file per
//! pack and locale) and compared byte for byte; `UPDATE_SNAPSHOTS=1 cargo test --test
//! notice_wording` rewrites them after a deliberate change (read the diff as an applicant would).
//!
//! Beside the snapshots, automatic checks run over every notice and over the packs' printed
//! guides: no half-width punctuation against Chinese text, no "X不是有效的X", no internal file
//! names, no repeated lines, no `undefined`/`null`/`NaN`, no double spaces, every zh-CN due day
//! with its weekday. `checker_catches_bad_samples` proves each check can fail.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

#[path = "support/snapshot.rs"]
mod snapshot;

use intake_rules::policy::builtin::PACKS;
use intake_rules::{Policy, Request};
use serde_json::Value;

#[path = "support/pack_cases.rs"]
mod pack_cases;
use pack_cases::CASES;

const LOCALES: &[&str] = &["zh-CN", "en"];

/// Every (pack, locale) → the corpus text: each case under a header line naming it.
/// One corpus file: pack, locale, and the (case name, notice) pairs.
type CorpusFile = (String, String, Vec<(String, String)>);

fn corpus() -> Vec<CorpusFile> {
    let mut out = Vec::new();
    for (id, cases) in CASES {
        let text = PACKS.iter().find(|(p, _)| p == id).unwrap().1;
        let policy = Policy::from_json(text).unwrap();
        let file: Value = serde_json::from_str(cases).unwrap();
        for locale in LOCALES {
            let mut notices = Vec::new();
            for case in file["cases"].as_array().unwrap() {
                let name = case["name"].as_str().unwrap().to_string();
                let mut req = case["request"].clone();
                req["locale"] = Value::from(*locale);
                let req = Request::from_json(&req.to_string()).unwrap();
                let notice = match policy.evaluate(&req) {
                    Ok(d) => d.notice,
                    Err(e) => format!("(request error: {:?})\n", e.issues),
                };
                notices.push((name, notice));
            }
            out.push((id.to_string(), locale.to_string(), notices));
        }
    }
    out
}

fn render(notices: &[(String, String)]) -> String {
    let mut s = String::new();
    for (name, notice) in notices {
        s.push_str("==== ");
        s.push_str(name);
        s.push_str(" ====\n");
        s.push_str(notice);
        if !notice.ends_with('\n') {
            s.push('\n');
        }
        s.push('\n');
    }
    s
}

#[test]
fn notices_match_the_wording_corpus() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/wording");
    let mut stale = Vec::new();
    for (pack, locale, notices) in corpus() {
        let path = format!("{dir}/{pack}.{locale}.txt");
        let text = render(&notices);
        if snapshot::updating() {
            std::fs::write(&path, &text).unwrap();
            continue;
        }
        let stored = std::fs::read_to_string(&path).unwrap_or_default();
        if stored != text {
            stale.push(path);
        }
    }
    assert!(
        stale.is_empty(),
        "the notices differ from {stale:?}: run UPDATE_SNAPSHOTS=1 cargo test --test notice_wording and review the diff"
    );
}

// ---- automatic checks ------------------------------------------------------------------------

/// A Chinese character or a full-width / CJK punctuation mark.
fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{3000}'..='\u{303F}'
        | '\u{FF00}'..='\u{FFEF}')
}

fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}')
}

/// A date written `2026年10月8日` starting at char index `i`: its length in chars.
fn zh_date_at(chars: &[char], i: usize) -> Option<usize> {
    let digits = |from: usize, min: usize, max: usize| -> Option<usize> {
        let n = chars[from..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count();
        (min..=max).contains(&n).then_some(n)
    };
    if i > 0 && chars[i - 1].is_ascii_digit() {
        return None;
    }
    let mut j = i + digits(i, 4, 4)?;
    for unit in ['年', '月', '日'] {
        if unit != '年' {
            j += digits(j, 1, 2)?;
        }
        if chars.get(j) != Some(&unit) {
            return None;
        }
        j += 1;
    }
    Some(j - i)
}

/// An ISO date `2026-10-08` starting at char index `i`.
fn iso_date_at(chars: &[char], i: usize) -> bool {
    let shape = "dddd-dd-dd";
    (i == 0 || !chars[i - 1].is_ascii_digit())
        && shape
            .chars()
            .enumerate()
            .all(|(k, s)| match (s, chars.get(i + k)) {
                ('d', Some(c)) => c.is_ascii_digit(),
                ('-', Some('-')) => true,
                _ => false,
            })
}

/// The wording defects of `text`; `zh` says whether it is zh-CN text, `notice` whether it is
/// a notice (the line and date rules apply to notices only).
fn defects(text: &str, zh: bool, notice: bool) -> Vec<String> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let at = |what: &str| format!("line {}: {what}: {line}", n + 1);
        let chars: Vec<char> = line.chars().collect();
        // Where a quoted legal basis starts: its own words are not ours to fix.
        let basis_from = line
            .find("依据：")
            .or_else(|| line.find("Basis: "))
            .map_or(usize::MAX, |b| line[..b].chars().count());
        for (i, &c) in chars.iter().enumerate() {
            let prev = i.checked_sub(1).and_then(|p| chars.get(p)).copied();
            let next = chars.get(i + 1).copied();
            let near_cjk = prev.is_some_and(is_cjk) || next.is_some_and(is_cjk);
            if zh && matches!(c, '(' | ')' | ':' | ';' | ',') && near_cjk {
                out.push(at(&format!("half-width `{c}` against Chinese text")));
            }
            // A space between Chinese text and a full-width mark, or between two Chinese
            // characters where no label put it ("用气报装 需要").
            let wide = |c: Option<char>| c.is_some_and(|c| "（）“”「」《》：，；。、".contains(c));
            let cjk = |c: Option<char>| c.is_some_and(is_cjk);
            if zh && c == ' ' && ((wide(prev) && cjk(next)) || (cjk(prev) && wide(next))) {
                out.push(at("a space against full-width punctuation"));
            }
            if notice && i < basis_from {
                if zh {
                    if let Some(len) = zh_date_at(&chars, i) {
                        let after: String = chars[i + len..].iter().take(3).collect();
                        if after != "（星期" {
                            out.push(at("a date without its weekday"));
                        }
                    }
                }
                if iso_date_at(&chars, i) {
                    out.push(at("a date written as YYYY-MM-DD"));
                }
            }
        }
        // "X不是有效的X" / "X is not a valid X".
        for (marker, case_fold) in [("不是有效的", false), (" is not a valid ", true)] {
            let mut from = 0;
            while let Some(k) = line[from..].find(marker) {
                let k = from + k;
                let before = &line[..k];
                let after = &line[k + marker.len()..];
                let word: String = if case_fold {
                    after
                        .chars()
                        .take_while(|c| c.is_alphanumeric() || *c == ' ' || *c == '\'')
                        .collect()
                } else {
                    after.chars().take_while(|c| is_han(*c)).collect()
                };
                let word = word.trim();
                let same = !word.is_empty()
                    && if case_fold {
                        before.to_lowercase().ends_with(&word.to_lowercase())
                    } else {
                        before.ends_with(word)
                    };
                if same {
                    out.push(at("the same word on both sides of \"not a valid\""));
                }
                from = k + marker.len();
            }
        }
        for internal in ["文件0", "seed", ".json", "国家实践", "$comment"] {
            if line.contains(internal) {
                out.push(at(&format!("an internal name `{internal}`")));
            }
        }
        for word in line.split(|c: char| !c.is_alphanumeric()) {
            if matches!(word, "undefined" | "null" | "NaN") {
                out.push(at(&format!("`{word}`")));
            }
        }
        if notice && line.contains("  ") {
            out.push(at("a double space"));
        }
        for phrase in ["不限（本事项无适用前提）", " 需要）", " 之一", " 为 "] {
            if zh && line.contains(phrase) {
                out.push(at(&format!("staff wording `{phrase}`")));
            }
        }
    }
    if notice {
        // A notice that accepts nothing asks for nothing: correcting the materials of a
        // service that is not accepted would not change its outcome.
        let refused =
            text.contains("办理结论：不予受理") || text.contains("Decision: Not accepted");
        if refused && (text.contains("需要补正") || text.contains("To correct before acceptance"))
        {
            out.push("corrections asked in a notice that accepts nothing".to_string());
        }
        let mut seen = std::collections::BTreeSet::new();
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            if !seen.insert(line) {
                out.push(format!("repeated line: {line}"));
            }
        }
    }
    out
}

#[test]
fn checker_catches_bad_samples() {
    let bad = [
        ("收件日期(预计):2026年10月8日（星期四）", true, "half-width"),
        (
            "请提交「用气设备清单」（用气报装 需要）",
            true,
            "staff wording",
        ),
        (
            "请提交“用气设备清单” （用气报装所需）",
            true,
            "space against",
        ),
        (
            "1. 统一社会信用代码不是有效的统一社会信用代码",
            true,
            "same word",
        ),
        (
            "1. Contact mobile is not a valid contact mobile",
            false,
            "same word",
        ),
        ("依据：文件000:前期策划生成阶段", true, "internal name"),
        ("see seed 003", false, "internal name"),
        ("due undefined", false, "`undefined`"),
        ("due on NaN", false, "`NaN`"),
        ("two  spaces", false, "double space"),
        ("a\nb\na", false, "repeated line"),
        ("请于2026年10月13日前补齐。", true, "without its weekday"),
        ("请于 2026-10-13 前补齐。", true, "YYYY-MM-DD"),
        ("适用条件：不限（本事项无适用前提）", true, "staff wording"),
        ("项目类别 为 商业项目、住宅项目 之一", true, "staff wording"),
        (
            "办理结论：不予受理，理由见下文。\n二、需要补正的内容（请一次性补正）",
            true,
            "accepts nothing",
        ),
    ];
    for (text, zh, what) in bad {
        let found = defects(text, zh, true);
        assert!(
            found.iter().any(|d| d.contains(what)),
            "{text:?} should be caught ({what}), found {found:?}"
        );
    }
    let good = [
        ("提交时间：2026年9月30日（星期三）17:30（北京时间）", true),
        ("办公时间：法定工作日 9:00—12:00，13:30—17:00", true),
        ("1. 承诺时限：15 个工作日。", true),
        (
            "依据：《机制》（市领导小组办公室，2024年5月29日）四（三）。",
            true,
        ),
        (
            "Submitted: Wednesday 30 September 2026, 17:30 China time",
            false,
        ),
    ];
    for (text, zh) in good {
        let found = defects(text, zh, true);
        assert!(found.is_empty(), "{text:?}: {found:?}");
    }
}

#[test]
fn every_notice_reads_cleanly() {
    let mut all = Vec::new();
    for (pack, locale, notices) in corpus() {
        for (name, notice) in notices {
            for d in defects(&notice, locale == "zh-CN", true) {
                all.push(format!("{pack} {locale} {name}: {d}"));
            }
        }
    }
    assert!(all.is_empty(), "{}", all.join("\n"));
}

/// The text of an HTML page: tags dropped, the five entities decoded.
fn html_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push('\n');
            }
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

#[test]
fn every_pack_guide_reads_cleanly() {
    let mut all = Vec::new();
    for (id, text) in PACKS {
        let policy = Policy::from_json(text).unwrap();
        let doc: Value = serde_json::from_str(text).unwrap();
        let mut targets: Vec<String> = doc["services"]
            .as_object()
            .unwrap()
            .keys()
            .cloned()
            .collect();
        if let Some(b) = doc["bundles"].as_object() {
            targets.extend(b.keys().cloned());
        }
        for target in &targets {
            for locale in LOCALES {
                let html = policy.guide_html(target, locale).unwrap();
                // Drop the style sheet: it is not prose.
                let body = html.split("</style>").last().unwrap_or(&html);
                for d in defects(&html_text(body), *locale == "zh-CN", false) {
                    all.push(format!("{id} {target} {locale}: {d}"));
                }
            }
        }
    }
    assert!(all.is_empty(), "{}", all.join("\n"));
}
