//! The calendar API, with arguments as JS passes them: JSON text for options, overrides, year
//! data, periods and pauses, each read strictly (unknown keys are errors with a did-you-mean).

use super::Error;
use crate::calendar::CalendarError;
use crate::diag::{Code, Message};

use crate::calendar::{BeyondCoverage, Calendar, Pause, Period, TimeOfDay, YearData};
use crate::date::Date;
use serde_json::Value;

fn cal_err(code: Code, path: &str, zh: String, en: String) -> Error {
    Error::Calendar(CalendarError::new(code, path, zh, en))
}

/// [`cal_err`] with a did-you-mean `help`.
fn cal_err_help(
    code: Code,
    path: &str,
    zh: String,
    en: String,
    help: Option<(String, String)>,
) -> Error {
    let mut e = CalendarError::new(code, path, zh, en);
    e.issue.help = help.map(|h| Box::new(Message::from(h)));
    Error::Calendar(e)
}

/// Parse a `YYYY-MM-DD` argument.
///
/// # Errors
/// `CalendarError` `bad_date` naming `path`.
pub fn arg_date(s: &str, path: &str) -> Result<Date, Error> {
    Date::parse(s).ok_or_else(|| {
        let shown: String = s.chars().take(40).collect();
        cal_err(
            Code::BadDate,
            path,
            format!("`{shown}` 不是有效日期（应为 YYYY-MM-DD，年份 0001–9999）"),
            format!("`{shown}` is not a valid date (expected YYYY-MM-DD, years 0001–9999)"),
        )
    })
}

/// A whole number of days from a JS number: finite, integral, 0 … 4294967295.
///
/// # Errors
/// `CalendarError` `bad_limit` naming `path`.
pub fn arg_count(n: f64, path: &str) -> Result<u32, Error> {
    if n.is_finite() && n.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&n) {
        Ok(n as u32)
    } else {
        Err(cal_err(
            Code::BadLimit,
            path,
            format!("`{n}` 不是非负整数天数"),
            format!("`{n}` is not a non-negative whole number of days"),
        ))
    }
}

/// `too_large` for a calendar argument's JSON text beyond
/// [`crate::limits::MAX_CALENDAR_ARG_BYTES`], checked before it is parsed.
fn arg_budget(text: &str, path: &str) -> Result<(), Error> {
    let max = crate::limits::MAX_CALENDAR_ARG_BYTES;
    if text.len() > max {
        return Err(cal_err(
            Code::TooLarge,
            path,
            format!("`{path}` 有 {} 字节，超过上限 {max} 字节", text.len()),
            format!(
                "`{path}` has {} bytes, more than the limit of {max} bytes",
                text.len()
            ),
        ));
    }
    Ok(())
}

/// `too_large` for a list argument longer than [`crate::limits::MAX_LIST_ENTRIES`].
fn list_budget(len: usize, path: &str) -> Result<(), Error> {
    let max = crate::limits::MAX_LIST_ENTRIES;
    if len > max {
        return Err(cal_err(
            Code::TooLarge,
            path,
            format!("`{path}` 有 {len} 项，超过上限 {max} 项"),
            format!("`{path}` has {len} entries, more than the limit of {max}"),
        ));
    }
    Ok(())
}

fn date_list(v: Option<&Value>, path: &str) -> Result<Vec<Date>, Error> {
    if let Some(Value::Array(a)) = v {
        list_budget(a.len(), path)?;
    }
    match v {
        None | Some(Value::Null) => Ok(Vec::new()),
        Some(Value::Array(a)) => a
            .iter()
            .enumerate()
            .map(|(i, x)| match x {
                Value::String(s) => arg_date(s, &format!("{path}[{i}]")),
                _ => Err(cal_err(
                    Code::TypeMismatch,
                    &format!("{path}[{i}]"),
                    "日期必须是字符串".into(),
                    "a date must be a string".into(),
                )),
            })
            .collect(),
        Some(_) => Err(cal_err(
            Code::TypeMismatch,
            path,
            format!("`{path}` 必须是日期数组"),
            format!("`{path}` must be a list of dates"),
        )),
    }
}

/// A calendar option object: unknown keys are errors with a did-you-mean (a misspelt
/// `holydays` must not pass silently and give a wrong due day).
fn parse_obj(
    text: &str,
    path: &str,
    allowed: &[&str],
) -> Result<serde_json::Map<String, Value>, Error> {
    arg_budget(text, path)?;
    match serde_json::from_str::<Value>(text) {
        Ok(Value::Object(m)) => {
            known_keys(&m, path, allowed)?;
            Ok(m)
        }
        Ok(Value::Null) => Ok(serde_json::Map::new()),
        _ => Err(cal_err(
            Code::TypeMismatch,
            path,
            format!("`{path}` 必须是对象"),
            format!("`{path}` must be an object"),
        )),
    }
}

/// The first unknown key of `m` (in key order) as a `CalendarError` `unknown_field`.
fn known_keys(
    m: &serde_json::Map<String, Value>,
    path: &str,
    allowed: &[&str],
) -> Result<(), Error> {
    match m.keys().find(|k| !allowed.contains(&k.as_str())) {
        None => Ok(()),
        Some(k) => {
            let shown: String = k.chars().take(64).collect();
            let help = crate::text::suggest::did_you_mean(k, allowed.iter().copied());
            let list = allowed.join("、");
            Err(cal_err_help(
                Code::UnknownField,
                &crate::text::locate::key_path(path, k),
                format!("未知的键 `{shown}`（可用：{list}）"),
                format!("unknown key `{shown}` (allowed: {})", allowed.join(", ")),
                help,
            ))
        }
    }
}

/// `Calendar.builtin(id, {beyond_coverage})`.
///
/// # Errors
/// `unknown_calendar`, or `bad_value` for an unknown `beyond_coverage`.
pub fn calendar_builtin(id: &str, options_json: &str) -> Result<Calendar, Error> {
    let opts = parse_obj(options_json, "options", &["beyond_coverage"])?;
    let beyond = match opts.get("beyond_coverage") {
        None | Some(Value::Null) => BeyondCoverage::Error,
        Some(Value::String(s)) => BeyondCoverage::parse(s).ok_or_else(|| {
            cal_err(
                Code::BadValue,
                "options.beyond_coverage",
                "`beyond_coverage` 只能是 `error` 或 `weekends_only`".into(),
                "`beyond_coverage` must be `error` or `weekends_only`".into(),
            )
        })?,
        Some(_) => {
            return Err(cal_err(
                Code::TypeMismatch,
                "options.beyond_coverage",
                "`beyond_coverage` 必须是字符串".into(),
                "`beyond_coverage` must be a string".into(),
            ))
        }
    };
    Ok(Calendar::builtin(id, beyond)?)
}

/// `calendar.withOverrides({holidays, workdays})`.
///
/// # Errors
/// Bad dates, dates outside coverage, a date in both lists.
pub fn calendar_with_overrides(cal: &Calendar, json: &str) -> Result<Calendar, Error> {
    let o = parse_obj(json, "overrides", &["holidays", "workdays"])?;
    let h = date_list(o.get("holidays"), "holidays")?;
    let w = date_list(o.get("workdays"), "workdays")?;
    Ok(cal.with_overrides(&h, &w)?)
}

/// `calendar.withYear(year, {holidays, workdays, source})`.
///
/// # Errors
/// A year not adjacent to coverage, bad dates.
pub fn calendar_with_year(cal: &Calendar, year: f64, json: &str) -> Result<Calendar, Error> {
    let o = parse_obj(json, "data", &["holidays", "workdays", "source"])?;
    if !(year.is_finite() && year.fract() == 0.0 && (1.0..=9999.0).contains(&year)) {
        return Err(cal_err(
            Code::BadValue,
            "year",
            format!("`{year}` 不是有效年份"),
            format!("`{year}` is not a valid year"),
        ));
    }
    let source = match o.get("source") {
        Some(Value::String(s)) => s.clone(),
        None | Some(Value::Null) => String::new(),
        Some(_) => {
            return Err(cal_err(
                Code::TypeMismatch,
                "source",
                "`source` 必须是字符串".into(),
                "`source` must be a string".into(),
            ))
        }
    };
    Ok(cal.with_year(YearData {
        year: year as i32,
        holidays: date_list(o.get("holidays"), "holidays")?,
        workdays: date_list(o.get("workdays"), "workdays")?,
        source,
    })?)
}

/// A period object `{working_days: N} | {natural_days: N} | {months: N}`.
///
/// # Errors
/// `bad_limit` for anything else.
pub fn parse_period(v: &Value, path: &str) -> Result<Period, Error> {
    let bad = || {
        cal_err(
            Code::BadLimit,
            path,
            "期限必须是 {\"working_days\": N}、{\"natural_days\": N} 或 {\"months\": N} 之一，N 为非负整数".into(),
            "a period must be one of {\"working_days\": N}, {\"natural_days\": N}, {\"months\": N} with N a non-negative whole number".into(),
        )
    };
    let Value::Object(m) = v else {
        return Err(bad());
    };
    if m.len() != 1 {
        return Err(bad());
    }
    let Some((k, n)) = m.iter().next() else {
        return Err(bad());
    };
    const UNITS: [&str; 3] = ["working_days", "natural_days", "months"];
    if !UNITS.contains(&k.as_str()) {
        // As the policy loader says it: `bad_limit`, with a did-you-mean for a misspelt unit.
        let help = crate::text::suggest::did_you_mean(k, UNITS);
        let shown: String = k.chars().take(64).collect();
        return Err(cal_err_help(
            Code::BadLimit,
            path,
            format!("未知的时限单位 `{shown}`：期限必须是 {{\"working_days\": N}}、{{\"natural_days\": N}} 或 {{\"months\": N}} 之一"),
            format!("unknown period unit `{shown}`: a period must be one of {{\"working_days\": N}}, {{\"natural_days\": N}}, {{\"months\": N}}"),
            help,
        ));
    }
    let n = n.as_f64().ok_or_else(bad)?;
    let n = arg_count(n, path).map_err(|_| bad())?;
    match k.as_str() {
        "working_days" => Ok(Period::WorkingDays(n)),
        "natural_days" => Ok(Period::NaturalDays(n)),
        "months" => Ok(Period::Months(n)),
        _ => Err(bad()),
    }
}

/// `calendar.due(from, period, pauses)` with the period and pauses as JSON text.
///
/// # Errors
/// Bad arguments, or a date outside the calendar.
pub fn calendar_due(
    cal: &Calendar,
    from: &str,
    period_json: &str,
    pauses_json: &str,
) -> Result<Date, Error> {
    let from = arg_date(from, "from")?;
    arg_budget(period_json, "period")?;
    arg_budget(pauses_json, "pauses")?;
    let pv: Value = serde_json::from_str(period_json).unwrap_or(Value::Null);
    let period = parse_period(&pv, "period")?;
    let pauses: Vec<Pause> = match serde_json::from_str::<Value>(pauses_json).unwrap_or(Value::Null)
    {
        Value::Null => Vec::new(),
        Value::Array(a) => {
            list_budget(a.len(), "pauses")?;
            let mut out = Vec::with_capacity(a.len());
            for (i, p) in a.iter().enumerate() {
                let path = format!("pauses[{i}]");
                if let Value::Object(m) = p {
                    known_keys(m, &path, &["from", "to"])?;
                }
                let (Some(Value::String(f)), Some(Value::String(t))) = (p.get("from"), p.get("to"))
                else {
                    return Err(cal_err(
                        Code::TypeMismatch,
                        &path,
                        "停止计时区间应为 {from, to}".into(),
                        "a pause must be {from, to} with two dates".into(),
                    ));
                };
                out.push(Pause {
                    from: arg_date(f, &format!("{path}.from"))?,
                    to: arg_date(t, &format!("{path}.to"))?,
                });
            }
            out
        }
        _ => {
            return Err(cal_err(
                Code::TypeMismatch,
                "pauses",
                "`pauses` 必须是数组".into(),
                "`pauses` must be a list".into(),
            ))
        }
    };
    Ok(cal.due(from, period, &pauses)?)
}

/// `calendar.receivedOn(submittedAt, cutoff = "17:00")`.
///
/// # Errors
/// `bad_time` for an unparsable timestamp or cutoff; a date outside the calendar.
pub fn calendar_received_on(
    cal: &Calendar,
    submitted_at: &str,
    cutoff: Option<&str>,
) -> Result<Date, Error> {
    let cutoff = match cutoff {
        None => TimeOfDay::DEFAULT_CUTOFF,
        Some(c) => TimeOfDay::parse(c).ok_or_else(|| {
            let shown: String = c.chars().take(20).collect();
            cal_err(
                Code::BadTime,
                "cutoff",
                format!("`{shown}` 不是有效时刻（HH:MM）"),
                format!("`{shown}` is not a valid time of day (HH:MM)"),
            )
        })?,
    };
    Ok(cal.received_on(submitted_at, cutoff)?)
}
