//! The embedded `data/cn-mainland.json`: the State Council notices 2019–2026, per year and per
//! festival, with the days off (放假) and the make-up working days (上班). Parsed once and
//! validated strictly, so that a transcription slip (a make-up day also listed as a holiday, a
//! range whose length disagrees with the notice's 共N天, a date in the wrong year) is caught by
//! the test suite instead of silently shifting due dates.

use std::collections::{BTreeMap, BTreeSet};

use serde::Deserialize;

use super::types::CalendarError;
use crate::date::Date;
use crate::diag::Code;

/// The text of the built-in calendar, embedded at compile time (minified by `build.rs`).
pub(crate) const CN_MAINLAND_JSON: &str =
    include_str!(concat!(env!("OUT_DIR"), "/cn-mainland.json"));

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    id: String,
    #[allow(dead_code)]
    name: BTreeMap<String, String>,
    version: String,
    time_zone: String,
    coverage: Span,
    #[allow(dead_code)]
    rule: String,
    years: Vec<YearEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Span {
    from: String,
    to: String,
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum DaySpan {
    One(String),
    Range(Span),
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct YearEntry {
    year: i32,
    notices: Vec<Notice>,
    festivals: Vec<Festival>,
}

/// One State Council notice, as cited in the data file.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Notice {
    pub title: String,
    pub number: String,
    pub signed: String,
    pub url: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Amendment {
    notice: String,
    #[allow(dead_code)]
    clause: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Festival {
    name: String,
    /// The notice this clause comes from when it is not the year's first one.
    #[serde(default)]
    notice: Option<String>,
    clause: String,
    #[serde(default)]
    #[allow(dead_code)]
    superseded: Option<String>,
    #[serde(default)]
    amendment: Option<Amendment>,
    #[serde(default)]
    #[allow(dead_code)]
    note: Option<String>,
    /// 共N天: the number of days off, checked against the ranges.
    #[serde(default)]
    days: Option<u32>,
    holidays: Vec<DaySpan>,
    workdays: Vec<String>,
    /// Make-up days a later notice turned into days off (2020-02-01).
    #[serde(default)]
    cancelled_workdays: Vec<String>,
}

/// The validated content of a calendar data file.
#[derive(Debug, Clone)]
pub(crate) struct Builtin {
    pub id: String,
    pub version: String,
    pub start: Date,
    pub end: Date,
    /// Exceptions to the weekday rule: `true` a make-up working day, `false` a holiday. Days
    /// before the coverage (the 2019 notice's end of 2018) are kept but only used once a
    /// year added with `with_year` brings them into the coverage.
    pub exceptions: BTreeMap<i64, bool>,
    /// Every notice cited, oldest year first.
    pub notices: Vec<Notice>,
}

fn bad(path: String, zh: String, en: String) -> CalendarError {
    CalendarError::new(Code::BadValue, path, zh, en)
}

fn date_at(s: &str, path: &str) -> Result<Date, CalendarError> {
    Date::parse(s).ok_or_else(|| {
        CalendarError::new(
            Code::BadDate,
            path,
            format!("`{s}` 不是有效的 YYYY-MM-DD 日期"),
            format!("`{s}` is not a valid YYYY-MM-DD date"),
        )
    })
}

/// A notice may name days in the last weeks of the year before (New Year breaks and their
/// make-up days, e.g. 2018-12-29 in the 2019 notice); anything else is a transcription slip.
fn check_year(d: Date, year: i32, path: &str) -> Result<(), CalendarError> {
    let (y, m, _) = d.ymd();
    if y == year || (y == year - 1 && m == 12) {
        Ok(())
    } else {
        Err(bad(
            path.to_string(),
            format!("日期 `{d}` 不属于 {year} 年的安排"),
            format!("date `{d}` does not belong to the {year} arrangement"),
        ))
    }
}

/// Parses and validates a calendar data file.
///
/// # Errors
/// `invalid_json` when the text is not the expected JSON shape, `bad_date` for a malformed
/// date, `bad_value` for an inconsistent file (years not consecutive, a day both off and
/// working, a range that disagrees with the notice's day count, …).
pub(crate) fn parse(text: &str) -> Result<Builtin, CalendarError> {
    let file: File = serde_json::from_str(text).map_err(|e| {
        CalendarError::new(
            Code::InvalidJson,
            "",
            format!("日历数据无法解析：{e}"),
            format!("the calendar data does not parse: {e}"),
        )
    })?;
    if file.time_zone != "+08:00" {
        return Err(bad(
            "time_zone".into(),
            format!("日历时区必须是 `+08:00`，而不是 `{}`", file.time_zone),
            format!(
                "the calendar time zone must be `+08:00`, not `{}`",
                file.time_zone
            ),
        ));
    }
    if file.id.is_empty() || file.version.is_empty() {
        return Err(bad(
            "id".into(),
            "日历数据缺少 id 或版本".into(),
            "the calendar data lacks an id or a version".into(),
        ));
    }
    let start = date_at(&file.coverage.from, "coverage.from")?;
    let end = date_at(&file.coverage.to, "coverage.to")?;
    let first = file.years.first().map(|y| y.year);
    let last = file.years.last().map(|y| y.year);
    if first.and_then(|y| Date::from_ymd(y, 1, 1)) != Some(start)
        || last.and_then(|y| Date::from_ymd(y, 12, 31)) != Some(end)
    {
        return Err(bad(
            "coverage".into(),
            "覆盖范围必须从首年 1 月 1 日到末年 12 月 31 日".into(),
            "the coverage must run from 1 January of the first year to 31 December of the last"
                .into(),
        ));
    }
    let mut exceptions = BTreeMap::new();
    let mut all_off: BTreeSet<Date> = BTreeSet::new();
    let mut all_on: BTreeSet<Date> = BTreeSet::new();
    let mut notices = Vec::new();
    let mut prev_year: Option<i32> = None;
    for (yi, y) in file.years.iter().enumerate() {
        let ypath = format!("years[{yi}]");
        if let Some(p) = prev_year {
            if p.checked_add(1) != Some(y.year) {
                return Err(bad(
                    format!("{ypath}.year"),
                    format!("年份 {} 与上一年 {p} 不连续", y.year),
                    format!("year {} does not follow year {p}", y.year),
                ));
            }
        }
        prev_year = Some(y.year);
        if y.notices.is_empty() {
            return Err(bad(
                format!("{ypath}.notices"),
                format!("{} 年没有引用通知", y.year),
                format!("year {} cites no notice", y.year),
            ));
        }
        for (ni, n) in y.notices.iter().enumerate() {
            date_at(&n.signed, &format!("{ypath}.notices[{ni}].signed"))?;
            if n.title.is_empty() || n.number.is_empty() || n.url.is_empty() {
                return Err(bad(
                    format!("{ypath}.notices[{ni}]"),
                    "通知缺少标题、文号或网址".into(),
                    "a notice lacks its title, number or address".into(),
                ));
            }
        }
        notices.extend(y.notices.iter().cloned());
        let cites = |num: &str| y.notices.iter().any(|n| n.number == num);
        for (fi, f) in y.festivals.iter().enumerate() {
            let fpath = format!("{ypath}.festivals[{fi}]");
            if f.name.is_empty() || f.clause.is_empty() {
                return Err(bad(
                    fpath,
                    "节日缺少名称或条文".into(),
                    "a festival lacks its name or clause".into(),
                ));
            }
            let cited = f
                .notice
                .iter()
                .chain(f.amendment.as_ref().map(|a| &a.notice))
                .all(|n| cites(n));
            if !cited {
                return Err(bad(
                    fpath,
                    format!("节日 `{}` 引用了该年未列出的通知", f.name),
                    format!(
                        "festival `{}` cites a notice the year does not list",
                        f.name
                    ),
                ));
            }
            let mut off_days = 0u32;
            for (hi_, span) in f.holidays.iter().enumerate() {
                let hpath = format!("{fpath}.holidays[{hi_}]");
                let (a, b) = match span {
                    DaySpan::One(s) => {
                        let d = date_at(s, &hpath)?;
                        (d, d)
                    }
                    DaySpan::Range(r) => (
                        date_at(&r.from, &format!("{hpath}.from"))?,
                        date_at(&r.to, &format!("{hpath}.to"))?,
                    ),
                };
                check_year(a, y.year, &hpath)?;
                check_year(b, y.year, &hpath)?;
                let len = b.since(a) + 1;
                if !(1..=31).contains(&len) {
                    return Err(bad(
                        hpath,
                        format!("放假区间 `{a}` 至 `{b}` 无效"),
                        format!("the holiday range `{a}` to `{b}` is not valid"),
                    ));
                }
                let mut d = a;
                for _ in 0..len {
                    if !all_off.insert(d) {
                        return Err(bad(
                            hpath.clone(),
                            format!("`{d}` 重复列为放假日"),
                            format!("`{d}` is listed as a holiday twice"),
                        ));
                    }
                    exceptions.insert(i64::from(d.days()), false);
                    d = d.succ().unwrap_or(d);
                }
                off_days += u32::try_from(len).unwrap_or(0);
            }
            if let Some(n) = f.days {
                if n != off_days {
                    return Err(bad(
                        format!("{fpath}.days"),
                        format!("节日 `{}` 共 {n} 天，但放假区间有 {off_days} 天", f.name),
                        format!(
                            "festival `{}` says {n} days but its holiday ranges hold {off_days}",
                            f.name
                        ),
                    ));
                }
            }
            for (wi, s) in f.workdays.iter().enumerate() {
                let wpath = format!("{fpath}.workdays[{wi}]");
                let d = date_at(s, &wpath)?;
                check_year(d, y.year, &wpath)?;
                if !d.is_weekend() {
                    return Err(bad(
                        wpath,
                        format!("调休上班日 `{d}` 不是周末"),
                        format!("make-up working day `{d}` is not a Saturday or Sunday"),
                    ));
                }
                if !all_on.insert(d) {
                    return Err(bad(
                        wpath,
                        format!("`{d}` 重复列为上班日"),
                        format!("`{d}` is listed as a make-up working day twice"),
                    ));
                }
                exceptions.insert(i64::from(d.days()), true);
            }
            for (ci, s) in f.cancelled_workdays.iter().enumerate() {
                let cpath = format!("{fpath}.cancelled_workdays[{ci}]");
                let d = date_at(s, &cpath)?;
                if !all_off.contains(&d) {
                    return Err(bad(
                        cpath,
                        format!("取消的上班日 `{d}` 必须列为放假日"),
                        format!("cancelled make-up day `{d}` must be listed as a holiday"),
                    ));
                }
            }
        }
    }
    if let Some(d) = all_off.intersection(&all_on).next() {
        return Err(bad(
            "years".into(),
            format!("`{d}` 同时列为放假日和上班日"),
            format!("`{d}` is listed both as a holiday and as a working day"),
        ));
    }
    Ok(Builtin {
        id: file.id,
        version: file.version,
        start,
        end,
        exceptions,
        notices,
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    /// The readable file, so that the broken variants below can be made by text replacement.
    const READABLE: &str = include_str!("../../data/cn-mainland.json");

    #[test]
    fn embedded_data_parses() {
        let b = parse(CN_MAINLAND_JSON).unwrap();
        assert!(parse(READABLE).is_ok());
        assert_eq!(b.id, "cn-mainland");
        assert_eq!(b.start.to_string(), "2019-01-01");
        assert_eq!(b.end.to_string(), "2026-12-31");
        assert!(b.version.contains("国办发明电〔2025〕7号"));
        assert_eq!(b.notices.len(), 10);
        // 2020-02-01 (a cancelled make-up Saturday) is a holiday, 2024-02-09 (除夕) is absent.
        let x = |s: &str| i64::from(Date::parse(s).unwrap().days());
        assert_eq!(b.exceptions.get(&x("2020-02-01")), Some(&false));
        assert_eq!(b.exceptions.get(&x("2024-02-09")), None);
        assert_eq!(b.exceptions.get(&x("2018-12-29")), Some(&true));
        assert_eq!(b.exceptions.get(&x("2022-12-31")), Some(&false));
    }

    #[test]
    fn broken_data_is_an_error_not_a_panic() {
        for text in [
            "",
            "{",
            "[]",
            r#"{"id":"x"}"#,
            &READABLE.replace("\"2019-02-02\"", "\"2019-02-05\""),
            &READABLE.replace("\"2019-02-10\"", "\"2019-02-11\""),
            &READABLE.replace("\"2026-01-04\"", "\"2026-01-05\""),
            &READABLE.replace("\"2025-04-27\"", "\"2025-02-30\""),
            &READABLE.replace("\"year\": 2024", "\"year\": 2023"),
            &READABLE.replace("\"+08:00\"", "\"+09:00\""),
            &READABLE.replace("\"days\": 10", "\"days\": 7"),
        ] {
            assert!(parse(text).is_err(), "{}", &text[..text.len().min(40)]);
        }
    }
}
