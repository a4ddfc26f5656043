//! The working-day calendar (SPEC §3): which days are working days in mainland China, and the
//! legal ways of counting time limits on them (working-day periods, natural-day and month
//! periods ending on a working day, pauses that stop the clock, the day an application counts
//! as received).
//!
//! The built-in `cn-mainland` data (`data/cn-mainland.json`, the State Council notices) is
//! embedded and parsed once. Every calendar holds precomputed tables over its coverage — the
//! number of working days before each day, and the list of working days — so counting and
//! stepping over any span is a table look-up, never a walk day by day. Outside the coverage the
//! calendar either refuses (`BeyondCoverage::Error`, the default: a due date must never be a
//! silent guess) or, when the caller opts in, assumes Monday–Friday working days, still in
//! closed form.
//!
//! Internally days are `i64` day numbers (days since 1970-01-01, as `Date::days`), so that
//! intermediate values beyond year 9999 cannot overflow; they only become `Date`s at the end,
//! where anything past 9999-12-31 is `date_out_of_range`.

mod data;
mod types;

pub use data::Notice;
pub use types::{parse_date, BeyondCoverage, CalendarError, Pause, Period, TimeOfDay};

use std::collections::BTreeMap;
use std::fmt;
use std::sync::{Arc, OnceLock};

use crate::date::Date;
use crate::diag::Code;

/// The id of the built-in mainland-China calendar.
pub const CN_MAINLAND: &str = "cn-mainland";

/// China Standard Time: UTC+8, no daylight saving.
const CHINA_OFFSET_SECS: i32 = 8 * 3600;

/// One year's arrangement added at run time (`withYear`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YearData {
    pub year: i32,
    pub holidays: Vec<Date>,
    pub workdays: Vec<Date>,
    pub source: String,
}

/// A working-day calendar: cheap to clone (the tables are shared), immutable (every `with_*`
/// returns a new calendar), and the same in Rust, Node and the browser.
#[derive(Clone)]
pub struct Calendar {
    core: Arc<Core>,
    beyond: BeyondCoverage,
}

impl fmt::Debug for Calendar {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (from, to) = self.coverage();
        f.debug_struct("Calendar")
            .field("id", &self.core.id)
            .field("data_version", &self.core.version)
            .field("coverage", &format_args!("{from}..={to}"))
            .field("beyond_coverage", &self.beyond)
            .finish()
    }
}

/// The shared, immutable part of a calendar.
struct Core {
    id: String,
    version: String,
    /// First and last day of the coverage (inclusive), as day numbers.
    start: i64,
    end: i64,
    /// Exceptions from the notices (`true` make-up working day, `false` holiday), including
    /// days outside the coverage that a notice names (only the coverage's are used).
    national: BTreeMap<i64, bool>,
    /// Local overrides, applied after the national exceptions.
    local: BTreeMap<i64, bool>,
    /// `prefix[i]`: working days among the first `i` days of the coverage (`len + 1` entries).
    prefix: Vec<u32>,
    /// Offsets from `start` of the working days, ascending.
    work_idx: Vec<u32>,
    notices: Vec<Notice>,
}

/// Saturday or Sunday, for a day number (1970-01-01 was a Thursday).
fn is_weekend_day(x: i64) -> bool {
    (x + 3).rem_euclid(7) >= 5
}

/// Monday–Friday days among day numbers `< x`, counted from a fixed Monday origin (the origin
/// cancels out in differences; valid for negative numbers too).
fn weekdays_before(x: i64) -> i64 {
    let y = x + 3; // y ≡ 0 (mod 7) on Mondays
    5 * y.div_euclid(7) + y.rem_euclid(7).min(5)
}

/// The Monday–Friday day `x` with `weekdays_before(x) == m` (the inverse of `weekdays_before`).
fn nth_weekday(m: i64) -> i64 {
    7 * m.div_euclid(5) + m.rem_euclid(5) - 3
}

/// A day number as `YYYY-MM-DD`, or the raw number when it is not a representable date.
fn show(x: i64) -> String {
    i32::try_from(x)
        .ok()
        .and_then(Date::from_days)
        .map_or_else(|| format!("day {x}"), |d| d.to_string())
}

fn day(d: Date) -> i64 {
    i64::from(d.days())
}

fn bad_value(path: impl Into<String>, zh: String, en: String) -> CalendarError {
    CalendarError::new(Code::BadValue, path, zh, en)
}

/// Shortens user input quoted in a message, so a huge string cannot blow up an error.
fn quote(s: &str) -> String {
    const MAX: usize = 64;
    if s.chars().count() <= MAX {
        s.to_string()
    } else {
        let mut out: String = s.chars().take(MAX).collect();
        out.push('…');
        out
    }
}

impl Core {
    fn new(
        id: String,
        version: String,
        start: i64,
        end: i64,
        national: BTreeMap<i64, bool>,
        local: BTreeMap<i64, bool>,
        notices: Vec<Notice>,
    ) -> Result<Core, CalendarError> {
        let len = end
            .checked_sub(start)
            .and_then(|l| l.checked_add(1))
            .filter(|&l| l > 0)
            .and_then(|l| u32::try_from(l).ok())
            .ok_or_else(|| {
                bad_value(
                    "coverage",
                    "日历覆盖范围无效".into(),
                    "the calendar coverage is not valid".into(),
                )
            })?;
        let mut prefix = Vec::with_capacity(len as usize + 1);
        let mut work_idx = Vec::new();
        let mut count: u32 = 0;
        prefix.push(0);
        for i in 0..len {
            let x = start + i64::from(i);
            let mut working = !is_weekend_day(x);
            if let Some(&v) = national.get(&x) {
                working = v;
            }
            if let Some(&v) = local.get(&x) {
                working = v;
            }
            if working {
                work_idx.push(i);
                count += 1;
            }
            prefix.push(count);
        }
        Ok(Core {
            id,
            version,
            start,
            end,
            national,
            local,
            prefix,
            work_idx,
            notices,
        })
    }

    fn total(&self) -> i64 {
        self.work_idx.len() as i64
    }
}

static BUILTIN: OnceLock<Result<Arc<Core>, CalendarError>> = OnceLock::new();

fn builtin_core() -> Result<Arc<Core>, CalendarError> {
    BUILTIN
        .get_or_init(|| {
            let b = data::parse(data::CN_MAINLAND_JSON)?;
            Core::new(
                b.id,
                b.version,
                day(b.start),
                day(b.end),
                b.exceptions,
                BTreeMap::new(),
                b.notices,
            )
            .map(Arc::new)
        })
        .clone()
}

impl Calendar {
    /// Ids of the built-in calendars (`cn-mainland`).
    pub fn builtin_ids() -> &'static [&'static str] {
        &[CN_MAINLAND]
    }

    /// A built-in calendar, so that every portal counts on the same published arrangements.
    /// `beyond` chooses between refusing and estimating days outside the coverage.
    ///
    /// # Errors
    /// `unknown_calendar` for an id that is not built in; the embedded data failing its own
    /// validation (which the test suite rules out) is reported rather than panicking.
    pub fn builtin(id: &str, beyond: BeyondCoverage) -> Result<Calendar, CalendarError> {
        if id != CN_MAINLAND {
            return Err(CalendarError::new(
                Code::UnknownCalendar,
                "id",
                format!("未知的日历 `{}`（内置日历：`{CN_MAINLAND}`）", quote(id)),
                format!(
                    "unknown calendar `{}` (built-in calendars: `{CN_MAINLAND}`)",
                    quote(id)
                ),
            ));
        }
        Ok(Calendar {
            core: builtin_core()?,
            beyond,
        })
    }

    /// The calendar id (`cn-mainland`), for reports and fingerprints.
    pub fn id(&self) -> &str {
        &self.core.id
    }

    /// The data version: the latest notice's number, plus `+local` when local overrides were
    /// applied and `+YEAR (source)` for each year added at run time, so that a result can be
    /// traced to the arrangements it used.
    pub fn data_version(&self) -> &str {
        &self.core.version
    }

    /// The notices the built-in data was transcribed from (title, number, date signed, url).
    pub fn notices(&self) -> &[Notice] {
        &self.core.notices
    }

    /// Whether days outside the coverage are refused or estimated.
    pub fn beyond_coverage(&self) -> BeyondCoverage {
        self.beyond
    }

    /// The same calendar with another beyond-coverage choice (the tables are shared).
    pub fn with_beyond_coverage(&self, beyond: BeyondCoverage) -> Calendar {
        Calendar {
            core: Arc::clone(&self.core),
            beyond,
        }
    }

    /// Local holidays and workdays on top of the national ones (a province's extra day off,
    /// a city's working Saturday). Local entries win over the national arrangement.
    ///
    /// # Errors
    /// `calendar_out_of_range` for a date outside the coverage (a local rule cannot extend
    /// it: use `with_year`), `bad_value` for a date listed both as a holiday and a workday.
    pub fn with_overrides(
        &self,
        holidays: &[Date],
        workdays: &[Date],
    ) -> Result<Calendar, CalendarError> {
        let mut local = self.core.local.clone();
        for (list, name, working) in [(holidays, "holidays", false), (workdays, "workdays", true)] {
            for (i, &d) in list.iter().enumerate() {
                let path = format!("{name}[{i}]");
                if !self.covers(d) {
                    return Err(self.out_of_range(day(d), path));
                }
                if !working && workdays.contains(&d) {
                    return Err(bad_value(
                        path,
                        format!("`{d}` 同时列为放假日和上班日"),
                        format!("`{d}` is listed both as a holiday and as a workday"),
                    ));
                }
                local.insert(day(d), working);
            }
        }
        let mut version = self.core.version.clone();
        if !version.contains("+local") {
            version.push_str(" +local");
        }
        self.rebuild(
            version,
            self.core.start,
            self.core.end,
            self.core.national.clone(),
            local,
        )
    }

    /// Adds a newly published year's arrangement, the day it is published, without a new
    /// release. The year must be adjacent to the coverage (the year after it, or the year
    /// before), and the coverage then extends over it. `holidays` may include 30 and 31
    /// December of the year before (New Year breaks); every other date must be in `year`.
    /// A make-up day the notice puts in the previous December can be added with
    /// `with_overrides`.
    ///
    /// # Errors
    /// `bad_value` for a year already covered or not adjacent, a date outside the year, a
    /// date in both lists, or an empty `source`.
    pub fn with_year(&self, data: YearData) -> Result<Calendar, CalendarError> {
        let (from, to) = self.coverage();
        let year = data.year;
        let (first, last) = (from.year(), to.year());
        if (first..=last).contains(&year) {
            return Err(bad_value(
                "year",
                format!("{year} 年已在日历覆盖范围（{from} 至 {to}）内"),
                format!("year {year} is already covered ({from} to {to})"),
            ));
        }
        let jan1 = Date::from_ymd(year, 1, 1);
        let dec31 = Date::from_ymd(year, 12, 31);
        let (start, end) = match (jan1, dec31) {
            (Some(_), Some(d)) if Some(year) == last.checked_add(1) => (self.core.start, day(d)),
            (Some(d), Some(_)) if Some(year) == first.checked_sub(1) => (day(d), self.core.end),
            _ => {
                return Err(bad_value(
                    "year",
                    format!("{year} 年与日历覆盖范围（{from} 至 {to}）不相邻"),
                    format!("year {year} is not adjacent to the coverage ({from} to {to})"),
                ))
            }
        };
        let source = data.source.trim();
        if source.is_empty() {
            return Err(bad_value(
                "source",
                "请注明该年安排的来源（通知名称与文号）".into(),
                "the source (the notice's title and number) is required".into(),
            ));
        }
        let mut national = self.core.national.clone();
        for (i, &d) in data.holidays.iter().enumerate() {
            let (y, m, dd) = d.ymd();
            let new_year_eve = Some(y) == year.checked_sub(1) && m == 12 && dd >= 30;
            if y != year && !new_year_eve {
                return Err(bad_value(
                    format!("holidays[{i}]"),
                    format!("放假日 `{d}` 不在 {year} 年（也不是上一年 12 月 30 日或 31 日）"),
                    format!("holiday `{d}` is not in {year} (nor 30 or 31 December before it)"),
                ));
            }
            if data.workdays.contains(&d) {
                return Err(bad_value(
                    format!("holidays[{i}]"),
                    format!("`{d}` 同时列为放假日和上班日"),
                    format!("`{d}` is listed both as a holiday and as a workday"),
                ));
            }
            national.insert(day(d), false);
        }
        for (i, &d) in data.workdays.iter().enumerate() {
            if d.year() != year {
                return Err(bad_value(
                    format!("workdays[{i}]"),
                    format!("上班日 `{d}` 不在 {year} 年"),
                    format!("workday `{d}` is not in {year}"),
                ));
            }
            national.insert(day(d), true);
        }
        let version = format!("{} +{year} ({})", self.core.version, quote(source));
        self.rebuild(version, start, end, national, self.core.local.clone())
    }

    fn rebuild(
        &self,
        version: String,
        start: i64,
        end: i64,
        national: BTreeMap<i64, bool>,
        local: BTreeMap<i64, bool>,
    ) -> Result<Calendar, CalendarError> {
        let core = Core::new(
            self.core.id.clone(),
            version,
            start,
            end,
            national,
            local,
            self.core.notices.clone(),
        )?;
        Ok(Calendar {
            core: Arc::new(core),
            beyond: self.beyond,
        })
    }

    /// The real coverage (first and last day with published data), whatever the
    /// beyond-coverage choice, so a caller can tell which answers were estimated.
    pub fn coverage(&self) -> (Date, Date) {
        let d = |x: i64| {
            i32::try_from(x)
                .ok()
                .and_then(Date::from_days)
                .unwrap_or(Date::min())
        };
        (d(self.core.start), d(self.core.end))
    }

    /// Whether `d` has published data (an answer using only such days is not an estimate).
    pub fn covers(&self, d: Date) -> bool {
        (self.core.start..=self.core.end).contains(&day(d))
    }

    /// Whether `d` is a working day: Monday–Friday and not a holiday, or a make-up working day.
    ///
    /// # Errors
    /// `calendar_out_of_range` for a day outside the coverage, unless estimating.
    pub fn is_working_day(&self, d: Date) -> Result<bool, CalendarError> {
        self.working(day(d), "date")
    }

    /// The N-th working day after `d` (`d` itself never counts, working or not); for `n = 0`,
    /// `d` if it is a working day, otherwise the next one (行政许可法 Art. 82).
    ///
    /// # Errors
    /// `calendar_out_of_range` when a day needed is outside the coverage (unless estimating),
    /// `date_out_of_range` when the result would be after 9999-12-31.
    pub fn add_working_days(&self, d: Date, n: u32) -> Result<Date, CalendarError> {
        let x = day(d);
        let t = if n == 0 {
            self.nth_free(x, 0, &[], "date")?
        } else {
            self.nth_free(x + 1, i64::from(n) - 1, &[], "date")?
        };
        to_date(t, "date")
    }

    /// The number of working days in `(from, to]`; negative (the count in `(to, from]`) when
    /// `to` is before `from`, so that `between(a, b) == -between(b, a)`.
    ///
    /// # Errors
    /// `calendar_out_of_range` when a day of the span is outside the coverage (unless
    /// estimating).
    pub fn working_days_between(&self, from: Date, to: Date) -> Result<i64, CalendarError> {
        if from == to {
            return Ok(0);
        }
        let (a, b) = (day(from), day(to));
        let (pa, pb) = if a < b {
            ("from", "to")
        } else {
            ("to", "from")
        };
        let ca = self.cum(a.min(b) + 1, pa)?;
        let cb = self.cum(a.max(b) + 1, pb)?;
        Ok(if a < b { cb - ca } else { ca - cb })
    }

    /// The day an application submitted at `submitted_at` counts as received: that day if it
    /// is a working day and the time is strictly before `cutoff` (China time; exactly the
    /// cutoff is late), otherwise the next working day. Offsets are converted to China time
    /// (UTC+8); a timestamp without an offset already is China time. The host clock and
    /// time zone are never used.
    ///
    /// # Errors
    /// `bad_time` (path `submitted_at`) for text that is not `YYYY-MM-DDTHH:MM:SS[.fff]`
    /// with an optional `Z` / `±HH:MM` offset (a space may replace `T`), or a cutoff after
    /// 24:00; `calendar_out_of_range` / `date_out_of_range` as for `add_working_days`.
    pub fn received_on(
        &self,
        submitted_at: &str,
        cutoff: TimeOfDay,
    ) -> Result<Date, CalendarError> {
        if cutoff.0 > 24 * 3600 {
            return Err(CalendarError::new(
                Code::BadTime,
                "cutoff",
                "截止时间必须在 00:00 至 24:00 之间".to_string(),
                "the cutoff must be between 00:00 and 24:00".to_string(),
            ));
        }
        let (date, secs) = parse_china_time(submitted_at)?;
        let x = day(date);
        if secs < cutoff.0 && self.working(x, "submitted_at")? {
            return Ok(date);
        }
        let t = self.nth_free(x + 1, 0, &[], "submitted_at")?;
        to_date(t, "submitted_at")
    }

    /// The due day of a time limit starting on `from`, with the clock stopped during
    /// `pauses` (inclusive ranges; overlapping or adjacent ones merge; 行政许可法 Art. 45).
    ///
    /// - Working days N: the N-th working day after `from` that is not paused (N = 0: `from`
    ///   if it is a working day and not paused, otherwise the next such day).
    /// - Natural days N: `from + N`, extended by one day for each paused day inside the
    ///   (extended) period; if that day is a rest day, the next working day
    ///   (民法典 Art. 201, 203).
    /// - Months M: the same day M months later (the month's last day where it has none),
    ///   extended for pauses and moved to a working day in the same way.
    ///
    /// # Errors
    /// `bad_value` for a pause that ends before it starts; `calendar_out_of_range` /
    /// `date_out_of_range` as for `add_working_days`.
    pub fn due(&self, from: Date, period: Period, pauses: &[Pause]) -> Result<Date, CalendarError> {
        let merged = merge_pauses(pauses)?;
        let x = day(from);
        let t = match period {
            Period::WorkingDays(0) => self.nth_free(x, 0, &merged, "from")?,
            Period::WorkingDays(n) => self.nth_free(x + 1, i64::from(n) - 1, &merged, "from")?,
            Period::NaturalDays(n) => {
                let end = extend_for_pauses(x, x + i64::from(n), &merged);
                self.nth_free(end, 0, &merged, "from")?
            }
            Period::Months(m) => {
                let end = from
                    .add_months(m)
                    .ok_or_else(|| date_out_of_range("from"))?;
                let end = extend_for_pauses(x, day(end), &merged);
                self.nth_free(end, 0, &merged, "from")?
            }
        };
        to_date(t, "from")
    }

    // ---- internals on day numbers ----

    fn out_of_range(&self, x: i64, path: impl Into<String>) -> CalendarError {
        let (from, to) = self.coverage();
        let d = show(x);
        CalendarError::new(
            Code::CalendarOutOfRange,
            path,
            format!("`{d}` 超出日历覆盖范围（{from} 至 {to}）"),
            format!("`{d}` is outside the calendar coverage ({from} to {to})"),
        )
    }

    fn estimating(&self) -> bool {
        self.beyond == BeyondCoverage::WeekendsOnly
    }

    /// Whether day `x` is a working day.
    fn working(&self, x: i64, path: &str) -> Result<bool, CalendarError> {
        let c = &self.core;
        if (c.start..=c.end).contains(&x) {
            let i = (x - c.start) as usize;
            let before = c.prefix.get(i).copied();
            let after = c.prefix.get(i + 1).copied();
            match (before, after) {
                (Some(b), Some(a)) => Ok(a > b),
                _ => Err(self.out_of_range(x, path)),
            }
        } else if self.estimating() {
            Ok(!is_weekend_day(x))
        } else {
            Err(self.out_of_range(x, path))
        }
    }

    /// `C(x)`: the working days in `[start, x)` for `x >= start`, and minus the working days
    /// in `[x, start)` for `x < start`, so the working days in `(a, b]` are
    /// `C(b + 1) - C(a + 1)`. Needs the days of `[x, start)` or `[start, x)`.
    fn cum(&self, x: i64, path: &str) -> Result<i64, CalendarError> {
        let c = &self.core;
        if x < c.start {
            if !self.estimating() {
                return Err(self.out_of_range(x, path));
            }
            Ok(weekdays_before(x) - weekdays_before(c.start))
        } else if x > c.end + 1 {
            if !self.estimating() {
                return Err(self.out_of_range(c.end + 1, path));
            }
            Ok(c.total() + weekdays_before(x) - weekdays_before(c.end + 1))
        } else {
            let i = (x - c.start) as usize;
            c.prefix
                .get(i)
                .map(|&v| i64::from(v))
                .ok_or_else(|| self.out_of_range(x, path))
        }
    }

    /// The working day of rank `r`: the one with `C(t) == r` (inverse of `cum`).
    fn nth(&self, r: i64, path: &str) -> Result<i64, CalendarError> {
        let c = &self.core;
        if r < 0 {
            if !self.estimating() {
                return Err(self.out_of_range(c.start - 1, path));
            }
            Ok(nth_weekday(weekdays_before(c.start) + r))
        } else if r >= c.total() {
            if !self.estimating() {
                return Err(self.out_of_range(c.end + 1, path));
            }
            Ok(nth_weekday(weekdays_before(c.end + 1) + (r - c.total())))
        } else {
            usize::try_from(r)
                .ok()
                .and_then(|i| c.work_idx.get(i))
                .map(|&off| c.start + i64::from(off))
                .ok_or_else(|| self.out_of_range(c.end + 1, path))
        }
    }

    /// The (k+1)-th working day at or after `base` that is not inside a pause (`pauses`
    /// merged and sorted). Each pause starting before the current candidate pushes the
    /// target rank by the working days it holds: O(pauses · log), not a day-by-day walk.
    fn nth_free(
        &self,
        base: i64,
        k: i64,
        pauses: &[(i64, i64)],
        path: &str,
    ) -> Result<i64, CalendarError> {
        let mut target = self.cum(base, path)? + k;
        let mut t = self.nth(target, path)?;
        for &(pf, pt) in pauses {
            if pt < base {
                continue;
            }
            let lo = pf.max(base);
            if lo > t {
                break;
            }
            let held = self.cum(pt + 1, path)? - self.cum(lo, path)?;
            target += held;
            t = self.nth(target, path)?;
        }
        Ok(t)
    }
}

fn date_out_of_range(path: &str) -> CalendarError {
    CalendarError::new(
        Code::DateOutOfRange,
        path,
        "计算结果超出 0001-01-01 至 9999-12-31".to_string(),
        "the result is outside 0001-01-01 to 9999-12-31".to_string(),
    )
}

fn to_date(x: i64, path: &str) -> Result<Date, CalendarError> {
    i32::try_from(x)
        .ok()
        .and_then(Date::from_days)
        .ok_or_else(|| date_out_of_range(path))
}

/// Validates the pauses and merges overlapping or adjacent ones into sorted day-number ranges.
fn merge_pauses(pauses: &[Pause]) -> Result<Vec<(i64, i64)>, CalendarError> {
    let mut v = Vec::with_capacity(pauses.len());
    for (i, p) in pauses.iter().enumerate() {
        if p.from > p.to {
            return Err(bad_value(
                format!("pauses[{i}]"),
                format!("暂停区间开始日 `{}` 晚于结束日 `{}`", p.from, p.to),
                format!(
                    "the pause starts on `{}`, after it ends on `{}`",
                    p.from, p.to
                ),
            ));
        }
        v.push((day(p.from), day(p.to)));
    }
    crate::sorting::sort_by(&mut v, |a, b| a.cmp(b));
    let mut out: Vec<(i64, i64)> = Vec::with_capacity(v.len());
    for (f, t) in v {
        match out.last_mut() {
            Some(last) if f <= last.1 + 1 => last.1 = last.1.max(t),
            _ => out.push((f, t)),
        }
    }
    Ok(out)
}

/// A natural-day or month period from `from` ending on `end`, extended by one day for each
/// paused day in `(from, end]`, where `end` moves as it extends (a pause starting inside the
/// extended period counts too). After the loop `end` is in no pause.
fn extend_for_pauses(from: i64, mut end: i64, pauses: &[(i64, i64)]) -> i64 {
    for &(pf, pt) in pauses {
        if pt <= from {
            continue;
        }
        let lo = pf.max(from + 1);
        if lo > end {
            break;
        }
        end += pt - lo + 1;
    }
    end
}

fn bad_time(s: &str) -> CalendarError {
    CalendarError::new(
        Code::BadTime,
        "submitted_at",
        format!(
            "`{}` 不是有效的时间（例如 `2026-11-23T16:59:00+08:00`）",
            quote(s)
        ),
        format!(
            "`{}` is not a valid timestamp (e.g. `2026-11-23T16:59:00+08:00`)",
            quote(s)
        ),
    )
}

/// `YYYY-MM-DD?HH:MM:SS` with `?` one of `T`, `t`, space: the fixed-width head every accepted
/// timestamp starts with (RFC 3339 readers often accept one-digit months and signed years).
fn has_strict_head(b: &[u8]) -> bool {
    const SHAPE: &[u8] = b"dddd-dd-dd?dd:dd:dd";
    b.len() >= SHAPE.len()
        && SHAPE.iter().zip(b).all(|(&s, &c)| match s {
            b'd' => c.is_ascii_digit(),
            b'?' => matches!(c, b'T' | b't' | b' '),
            _ => c == s,
        })
}

/// A timestamp as a China civil date and the seconds after midnight (China time).
///
/// The accepted shape is RFC 3339's (as chrono read it before this parser replaced it):
/// `YYYY-MM-DD?HH:MM:SS[.fraction][offset]`, `?` one of `T`, `t`, space; the fraction one or
/// more digits, ignored (only whole seconds matter); the offset `Z`, `z` or `±HH:MM` up to
/// ±23:59 (`-` also as U+2212 MINUS SIGN), none meaning China time. A real date and time of
/// day; second 60 (a leap second) counts as second 59. Seconds may be left out
/// (`2026-09-30T16:59`, `2026-09-30T16:59+08:00`): they are then 00.
fn parse_china_time(s: &str) -> Result<(Date, u32), CalendarError> {
    let secs = china_seconds(s.as_bytes())
        .or_else(|| china_seconds(&with_seconds(s.as_bytes())?))
        .ok_or_else(|| bad_time(s))?;
    let date = i32::try_from(secs.div_euclid(86_400))
        .ok()
        .and_then(Date::from_days)
        .ok_or_else(|| date_out_of_range("submitted_at"))?;
    let of_day = u32::try_from(secs.rem_euclid(86_400)).map_err(|_| bad_time(s))?;
    Ok((date, of_day))
}

/// `YYYY-MM-DD?HH:MM` (what an HTML `datetime-local` input gives), with or without an offset,
/// completed with `:00` seconds; `None` for any other shape. RFC 3339 requires seconds, but a
/// portal form rarely has them, and the minute is all the cutoff needs.
fn with_seconds(b: &[u8]) -> Option<Vec<u8>> {
    let head = b.get(..16)?;
    let rest = b.get(16..)?;
    let shape_ok = head.iter().enumerate().all(|(i, c)| match i {
        4 | 7 => *c == b'-',
        10 => matches!(c, b'T' | b't' | b' '),
        13 => *c == b':',
        _ => c.is_ascii_digit(),
    });
    let rest_ok = rest
        .first()
        .is_none_or(|c| matches!(c, b'Z' | b'z' | b'+' | b'-' | 0xE2));
    if !shape_ok || !rest_ok {
        return None;
    }
    let mut out = Vec::with_capacity(b.len() + 3);
    out.extend_from_slice(head);
    out.extend_from_slice(b":00");
    out.extend_from_slice(rest);
    Some(out)
}

/// Seconds since 1970-01-01 00:00 China time of a timestamp, `None` if it is malformed.
fn china_seconds(b: &[u8]) -> Option<i64> {
    if !has_strict_head(b) {
        return None;
    }
    let two = |i: usize| -> Option<i64> {
        let (hi, lo) = (b.get(i)?, b.get(i + 1)?);
        Some(i64::from(hi - b'0') * 10 + i64::from(lo - b'0'))
    };
    let year = two(0)? * 100 + two(2)?;
    let (month, day) = (two(5)?, two(8)?);
    let (hour, minute, second) = (two(11)?, two(14)?, two(17)?);
    let month_u = u32::try_from(month).ok()?;
    let year_i = i32::try_from(year).ok()?;
    if !(1..=12).contains(&month_u)
        || day < 1
        || day > i64::from(crate::date::days_in_month(year_i, month_u))
        || hour > 23
        || minute > 59
        || second > 60
    {
        return None;
    }
    let mut rest = b.get(19..)?;
    if let Some((b'.', fraction)) = rest.split_first() {
        let digits = fraction.iter().take_while(|c| c.is_ascii_digit()).count();
        if digits == 0 {
            return None;
        }
        rest = fraction.get(digits..)?;
    }
    let offset = match rest {
        [] => i64::from(CHINA_OFFSET_SECS),
        [b'Z' | b'z'] => 0,
        [b'+', hm @ ..] => utc_offset(hm)?,
        [b'-', hm @ ..] | [0xE2, 0x88, 0x92, hm @ ..] => -utc_offset(hm)?,
        _ => return None,
    };
    let days = i64::from(crate::date::days_from_civil(
        year_i,
        month_u,
        u32::try_from(day).ok()?,
    ));
    days.checked_mul(86_400)?
        .checked_add(hour * 3600 + minute * 60 + second.min(59))?
        .checked_sub(offset)?
        .checked_add(i64::from(CHINA_OFFSET_SECS))
}

/// `HH:MM` of an offset, hours 00–23 and minutes 00–59, as seconds.
fn utc_offset(b: &[u8]) -> Option<i64> {
    let [h1, h2, b':', m1, m2] = *b else {
        return None;
    };
    let digit = |c: u8| c.is_ascii_digit().then(|| i64::from(c - b'0'));
    let (hours, minutes) = (digit(h1)? * 10 + digit(h2)?, digit(m1)? * 10 + digit(m2)?);
    (hours <= 23 && minutes <= 59).then_some(hours * 3600 + minutes * 60)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    #[test]
    fn weekday_closed_forms_match_a_walk() {
        let mut count = 0i64;
        let origin = -2000i64;
        for x in origin..2000 {
            assert_eq!(
                weekdays_before(x) - weekdays_before(origin),
                count,
                "x = {x}"
            );
            if !is_weekend_day(x) {
                assert_eq!(nth_weekday(weekdays_before(x)), x);
                count += 1;
            }
        }
    }

    #[test]
    fn merge_joins_overlapping_and_adjacent() {
        let p = |a: &str, b: &str| Pause {
            from: Date::parse(a).unwrap(),
            to: Date::parse(b).unwrap(),
        };
        let m = merge_pauses(&[
            p("2026-03-10", "2026-03-12"),
            p("2026-03-01", "2026-03-05"),
            p("2026-03-06", "2026-03-06"),
            p("2026-03-11", "2026-03-20"),
        ])
        .unwrap();
        assert_eq!(m.len(), 2);
        assert_eq!(show(m[0].0), "2026-03-01");
        assert_eq!(show(m[0].1), "2026-03-06");
        assert_eq!(show(m[1].1), "2026-03-20");
    }

    /// The reading this module had when it used chrono (kept as the reference for the parser).
    #[cfg(not(target_arch = "wasm32"))]
    fn parse_china_time_chrono(s: &str) -> Result<(Date, u32), CalendarError> {
        if !has_strict_head(s.as_bytes()) {
            return Err(bad_time(s));
        }
        let naive = if let Ok(dt) = chrono::DateTime::parse_from_rfc3339(s) {
            let china =
                chrono::FixedOffset::east_opt(CHINA_OFFSET_SECS).ok_or_else(|| bad_time(s))?;
            dt.with_timezone(&china).naive_local()
        } else {
            let fmt = if s.as_bytes().get(10) == Some(&b' ') {
                "%Y-%m-%d %H:%M:%S%.f"
            } else {
                "%Y-%m-%dT%H:%M:%S%.f"
            };
            let normalized = s.replacen('t', "T", 1);
            chrono::NaiveDateTime::parse_from_str(&normalized, fmt).map_err(|_| bad_time(s))?
        };
        let date = naive.date();
        let d = chrono::Datelike::year(&date);
        let m = chrono::Datelike::month(&date);
        let dd = chrono::Datelike::day(&date);
        let civil = Date::from_ymd(d, m, dd).ok_or_else(|| date_out_of_range("submitted_at"))?;
        Ok((
            civil,
            chrono::Timelike::num_seconds_from_midnight(&naive.time()),
        ))
    }

    #[test]
    #[cfg(not(target_arch = "wasm32"))]
    fn timestamps_read_as_chrono_read_them() {
        let mut n = 0;
        for head in [
            "2026-11-23",
            "0000-01-01",
            "0001-01-01",
            "9999-12-31",
            "2024-02-29",
            "2023-02-29",
            "2000-02-29",
            "1900-02-29",
            "2026-13-01",
            "2026-00-10",
            "2026-04-31",
            "2026-12-00",
        ] {
            for sep in ["T", "t", " ", "X"] {
                for time in [
                    "00:00:00", "23:59:60", "16:59:60", "24:00:00", "10:60:00", "17:00:00",
                    "08:59:59", "23:59:59",
                ] {
                    for frac in ["", ".", ".5", ".000", ".1234567890123", ".9x"] {
                        for off in [
                            "",
                            "Z",
                            "z",
                            "+08:00",
                            "-05:00",
                            "+23:59",
                            "-23:59",
                            "+24:00",
                            "-24:00",
                            "+00:60",
                            "+0800",
                            "\u{2212}05:00",
                            "+08:00 ",
                            " +08:00",
                            "+8:00",
                            "+08:0",
                            "+08",
                            "-00:00",
                            "+99:00",
                            "+14:00",
                            "Zz",
                            "+08:00Z",
                            "UTC",
                            "+08:5a",
                        ] {
                            let s = format!("{head}{sep}{time}{frac}{off}");
                            let a = parse_china_time(&s).map_err(|e| e.code());
                            let b = parse_china_time_chrono(&s).map_err(|e| e.code());
                            assert_eq!(a, b, "{s}");
                            n += 1;
                        }
                    }
                }
            }
        }
        assert!(n > 50_000);
    }

    #[test]
    fn strict_head() {
        assert!(has_strict_head(b"2026-11-23T16:59:00"));
        assert!(has_strict_head(b"2026-11-23 16:59:00.5+08:00"));
        assert!(!has_strict_head(b"2026-1-23T16:59:00"));
        assert!(!has_strict_head(b"2026-11-23"));
    }
}
