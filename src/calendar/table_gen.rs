// The generator of the built-in calendar table, shared by `build.rs` (which writes its output
// to `OUT_DIR/cn_mainland.rs` and fails the build on an error) and by the tests of
// `src/calendar/data.rs` (which check that it refuses broken data). Not a module of the crate:
// it is `include!`d in both places, so it uses only std and serde_json, and no inner attributes.
//
// It validates `data/cn-mainland.json` with every rule of the run-time reader it replaces
// (`src/calendar/data_json.rs`, kept as a test reference): the shape (unknown keys refused),
// strict dates, years consecutive and the coverage from the first 1 January to the last 31
// December, every notice with title, number, date signed and address, festivals citing only
// the year's notices, dates in their year (or the December before), holiday ranges of 1–31
// days matching the notice's 共N天, make-up days on weekends, no day listed twice or both off
// and working, cancelled make-up days listed as holidays.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use serde_json::{Map, Value};

type Res<T> = Result<T, String>;

/// Days since 1970-01-01 of a proleptic Gregorian date (as `src/date.rs`).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// A strict `YYYY-MM-DD` date in years 1–9999: `(year, month, day number)`.
fn date(v: &Value, path: &str) -> Res<(i64, i64, i64)> {
    let s = v.as_str().ok_or_else(|| format!("{path}: not a string"))?;
    let b = s.as_bytes();
    let bad = || format!("{path}: `{s}` is not a valid YYYY-MM-DD date");
    if b.len() != 10 || b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
        return Err(bad());
    }
    let num = |r: std::ops::Range<usize>| -> Res<i64> {
        b.get(r)
            .unwrap_or_default()
            .iter()
            .try_fold(0i64, |acc, &c| {
                if c.is_ascii_digit() {
                    Ok(acc * 10 + i64::from(c - b'0'))
                } else {
                    Err(bad())
                }
            })
    };
    let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let len = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return Err(bad()),
    };
    if !(1..=9999).contains(&y) || !(1..=len).contains(&d) {
        return Err(bad());
    }
    Ok((y, m, days_from_civil(y, m, d)))
}

fn show(x: i64) -> String {
    // Inverse of days_from_civil (Hinnant's civil_from_days), for messages.
    let z = x + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

/// The object at `path` with exactly the `required` keys and some of the `optional` ones
/// (null counts as absent for an optional key, as serde's `Option` reads it).
fn object<'a>(
    v: &'a Value,
    path: &str,
    required: &[&str],
    optional: &[&str],
) -> Res<&'a Map<String, Value>> {
    let o = v
        .as_object()
        .ok_or_else(|| format!("{path}: not an object"))?;
    for k in required {
        if !o.contains_key(*k) {
            return Err(format!("{path}: `{k}` is missing"));
        }
    }
    for k in o.keys() {
        if !required.contains(&k.as_str()) && !optional.contains(&k.as_str()) {
            return Err(format!("{path}: unknown key `{k}`"));
        }
    }
    Ok(o)
}

/// The value of a key `object` checked present.
fn key<'a>(o: &'a Map<String, Value>, k: &str) -> &'a Value {
    o.get(k).unwrap_or(&Value::Null)
}

fn string<'a>(o: &'a Map<String, Value>, k: &str, path: &str) -> Res<&'a str> {
    o.get(k)
        .and_then(Value::as_str)
        .ok_or_else(|| format!("{path}.{k}: not a string"))
}

fn opt_string<'a>(o: &'a Map<String, Value>, k: &str, path: &str) -> Res<Option<&'a str>> {
    match o.get(k) {
        None | Some(Value::Null) => Ok(None),
        Some(v) => v
            .as_str()
            .map(Some)
            .ok_or_else(|| format!("{path}.{k}: not a string")),
    }
}

fn array<'a>(o: &'a Map<String, Value>, k: &str, path: &str) -> Res<&'a [Value]> {
    match o.get(k) {
        Some(Value::Array(a)) => Ok(a),
        _ => Err(format!("{path}.{k}: not an array")),
    }
}

/// A Rust string literal.
fn lit(s: &str) -> String {
    format!("{s:?}")
}

/// Validates `data/cn-mainland.json` (every rule of `src/calendar/data_json.rs`) and renders
/// the static table `src/calendar/data.rs` builds the built-in calendar from.
pub fn calendar_table(file: &Value) -> Res<String> {
    let f = object(
        file,
        "",
        &[
            "id",
            "name",
            "version",
            "time_zone",
            "coverage",
            "rule",
            "years",
        ],
        &[],
    )?;
    let name = key(f, "name").as_object().ok_or("name: not an object")?;
    if name.values().any(|v| !v.is_string()) {
        return Err("name: every value must be a string".into());
    }
    string(f, "rule", "")?;
    let id = string(f, "id", "")?;
    let version = string(f, "version", "")?;
    if string(f, "time_zone", "")? != "+08:00" {
        return Err("time_zone: the calendar time zone must be `+08:00`".into());
    }
    if id.is_empty() || version.is_empty() {
        return Err("id: the calendar data lacks an id or a version".into());
    }
    let cov = object(key(f, "coverage"), "coverage", &["from", "to"], &[])?;
    let (_, _, start) = date(key(cov, "from"), "coverage.from")?;
    let (_, _, end) = date(key(cov, "to"), "coverage.to")?;
    let years = array(f, "years", "")?;
    let year_of = |y: &Value, path: &str| -> Res<i64> {
        let o = object(y, path, &["year", "notices", "festivals"], &[])?;
        key(o, "year")
            .as_i64()
            .filter(|y| i32::try_from(*y).is_ok())
            .ok_or_else(|| format!("{path}.year: not a year"))
    };
    let first = years.first().map(|y| year_of(y, "years[0]")).transpose()?;
    let last = years.last().map(|y| year_of(y, "years[-1]")).transpose()?;
    let jan1 = |y: i64| days_from_civil(y, 1, 1);
    if first.map(jan1) != Some(start) || last.map(|y| days_from_civil(y, 12, 31)) != Some(end) {
        return Err("coverage: the coverage must run from 1 January of the first year to 31 December of the last".into());
    }

    let mut out = String::new();
    let mut notices = String::new();
    let (mut all_off, mut all_on) = (BTreeSet::new(), BTreeSet::new());
    let mut prev_year: Option<i64> = None;
    for (yi, y) in years.iter().enumerate() {
        let ypath = format!("years[{yi}]");
        let year = year_of(y, &ypath)?;
        let yo = y.as_object().ok_or("unreachable")?;
        if let Some(p) = prev_year {
            if p + 1 != year {
                return Err(format!(
                    "{ypath}.year: year {year} does not follow year {p}"
                ));
            }
        }
        prev_year = Some(year);
        let ns = array(yo, "notices", &ypath)?;
        if ns.is_empty() {
            return Err(format!("{ypath}.notices: year {year} cites no notice"));
        }
        let mut numbers = Vec::new();
        for (ni, n) in ns.iter().enumerate() {
            let npath = format!("{ypath}.notices[{ni}]");
            let n = object(n, &npath, &["title", "number", "signed", "url"], &[])?;
            let (title, number, signed, url) = (
                string(n, "title", &npath)?,
                string(n, "number", &npath)?,
                string(n, "signed", &npath)?,
                string(n, "url", &npath)?,
            );
            date(key(n, "signed"), &format!("{npath}.signed"))?;
            if title.is_empty() || number.is_empty() || url.is_empty() {
                return Err(format!(
                    "{npath}: a notice lacks its title, number or address"
                ));
            }
            numbers.push(number);
            writeln!(
                notices,
                "    [{}, {}, {}, {}],",
                lit(title),
                lit(number),
                lit(signed),
                lit(url)
            )
            .map_err(|e| e.to_string())?;
        }
        // A date must be in the year, or in the December before it (New Year breaks).
        let in_year = |(y, m, _): (i64, i64, i64), path: &str| -> Res<()> {
            if y == year || (y == year - 1 && m == 12) {
                Ok(())
            } else {
                Err(format!(
                    "{path}: the date does not belong to the {year} arrangement"
                ))
            }
        };
        let (mut holidays, mut workdays) = (Vec::new(), Vec::new());
        for (fi, fe) in array(yo, "festivals", &ypath)?.iter().enumerate() {
            let fpath = format!("{ypath}.festivals[{fi}]");
            let fo = object(
                fe,
                &fpath,
                &["name", "clause", "holidays", "workdays"],
                &[
                    "notice",
                    "superseded",
                    "amendment",
                    "note",
                    "days",
                    "cancelled_workdays",
                ],
            )?;
            let fname = string(fo, "name", &fpath)?;
            let clause = string(fo, "clause", &fpath)?;
            opt_string(fo, "superseded", &fpath)?;
            opt_string(fo, "note", &fpath)?;
            if fname.is_empty() || clause.is_empty() {
                return Err(format!("{fpath}: a festival lacks its name or clause"));
            }
            let mut cited = opt_string(fo, "notice", &fpath)?
                .into_iter()
                .collect::<Vec<_>>();
            match fo.get("amendment") {
                None | Some(Value::Null) => {}
                Some(a) => {
                    let apath = format!("{fpath}.amendment");
                    let a = object(a, &apath, &["notice", "clause"], &[])?;
                    string(a, "clause", &apath)?;
                    cited.push(string(a, "notice", &apath)?);
                }
            }
            if cited.iter().any(|n| !numbers.contains(n)) {
                return Err(format!(
                    "{fpath}: festival `{fname}` cites a notice the year does not list"
                ));
            }
            let mut off_days = 0i64;
            for (hi, span) in array(fo, "holidays", &fpath)?.iter().enumerate() {
                let hpath = format!("{fpath}.holidays[{hi}]");
                let (a, b) = if span.is_string() {
                    let d = date(span, &hpath)?;
                    (d, d)
                } else {
                    let r = object(span, &hpath, &["from", "to"], &[])?;
                    (
                        date(key(r, "from"), &format!("{hpath}.from"))?,
                        date(key(r, "to"), &format!("{hpath}.to"))?,
                    )
                };
                in_year(a, &hpath)?;
                in_year(b, &hpath)?;
                let len = b.2 - a.2 + 1;
                if !(1..=31).contains(&len) {
                    return Err(format!(
                        "{hpath}: the holiday range {} to {} is not valid",
                        show(a.2),
                        show(b.2)
                    ));
                }
                for x in a.2..=b.2 {
                    if !all_off.insert(x) {
                        return Err(format!("{hpath}: {} is listed as a holiday twice", show(x)));
                    }
                }
                off_days += len;
                holidays.push(format!("({}, {len})", a.2 - jan1(year)));
            }
            match fo.get("days") {
                None | Some(Value::Null) => {}
                Some(n) => {
                    let n = n
                        .as_u64()
                        .filter(|n| u32::try_from(*n).is_ok())
                        .ok_or_else(|| format!("{fpath}.days: not a count"))?;
                    if i64::try_from(n).ok() != Some(off_days) {
                        return Err(format!("{fpath}.days: festival `{fname}` says {n} days but its holiday ranges hold {off_days}"));
                    }
                }
            }
            for (wi, w) in array(fo, "workdays", &fpath)?.iter().enumerate() {
                let wpath = format!("{fpath}.workdays[{wi}]");
                let d = date(w, &wpath)?;
                in_year(d, &wpath)?;
                if (d.2 + 3).rem_euclid(7) < 5 {
                    return Err(format!(
                        "{wpath}: make-up working day {} is not a Saturday or Sunday",
                        show(d.2)
                    ));
                }
                if !all_on.insert(d.2) {
                    return Err(format!(
                        "{wpath}: {} is listed as a make-up working day twice",
                        show(d.2)
                    ));
                }
                workdays.push((d.2 - jan1(year)).to_string());
            }
            let cancelled = match fo.get("cancelled_workdays") {
                None | Some(Value::Null) => &[][..],
                Some(_) => array(fo, "cancelled_workdays", &fpath)?,
            };
            for (ci, c) in cancelled.iter().enumerate() {
                let cpath = format!("{fpath}.cancelled_workdays[{ci}]");
                let d = date(c, &cpath)?;
                if !all_off.contains(&d.2) {
                    return Err(format!(
                        "{cpath}: cancelled make-up day {} must be listed as a holiday",
                        show(d.2)
                    ));
                }
            }
        }
        writeln!(
            out,
            "    ({year}, {}, &[{}], &[{}]),",
            jan1(year),
            holidays.join(", "),
            workdays.join(", ")
        )
        .map_err(|e| e.to_string())?;
    }
    if let Some(x) = all_off.intersection(&all_on).next() {
        return Err(format!(
            "years: {} is listed both as a holiday and as a working day",
            show(*x)
        ));
    }
    Ok(format!(
        "// @generated by build.rs from data/cn-mainland.json: do not edit.\n\
         /// The calendar id.\n\
         pub(crate) const ID: &str = {};\n\
         /// The data version (the latest notice).\n\
         pub(crate) const VERSION: &str = {};\n\
         /// First and last day of the coverage, as day numbers (days since 1970-01-01).\n\
         pub(crate) const START: i32 = {start};\n\
         pub(crate) const END: i32 = {end};\n\
         /// Holidays from a day on: `(first day, number of days)`.\n\
         pub(crate) type Holidays = (i16, u8);\n\
         /// Per year: `(year, day number of 1 January, holiday ranges, make-up working days)`,\n\
         /// days as offsets from 1 January (negative: the December before).\n\
         #[rustfmt::skip]\n\
         pub(crate) const YEARS: &[(i32, i32, &[Holidays], &[i16])] = &[\n{out}];\n\
         /// The notices cited, oldest year first: `[title, number, signed, url]`.\n\
         #[rustfmt::skip]\n\
         pub(crate) const NOTICES: &[[&str; 4]] = &[\n{notices}];\n",
        lit(id),
        lit(version),
    ))
}
