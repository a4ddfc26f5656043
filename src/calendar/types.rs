//! Value types of the calendar API: periods, pauses, cutoff times, options and errors.

use crate::date::Date;
use crate::diag::{Code, Diagnostic, Message};

/// A time limit: N working days, N natural days, or N months (SPEC §3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Period {
    WorkingDays(u32),
    NaturalDays(u32),
    Months(u32),
}

impl Period {
    /// The JSON key of this kind of period (`working_days`, `natural_days`, `months`).
    pub fn unit(self) -> &'static str {
        match self {
            Period::WorkingDays(_) => "working_days",
            Period::NaturalDays(_) => "natural_days",
            Period::Months(_) => "months",
        }
    }
    pub fn count(self) -> u32 {
        match self {
            Period::WorkingDays(n) | Period::NaturalDays(n) | Period::Months(n) => n,
        }
    }
    /// The period in words (`5 个工作日`, `3 natural days`), the crate's one wording.
    pub fn words(self, locale: crate::text::Locale) -> String {
        use crate::text::period::{words, Unit};
        let unit = match self {
            Period::WorkingDays(_) => Unit::WorkingDays,
            Period::NaturalDays(_) => Unit::NaturalDays,
            Period::Months(_) => Unit::Months,
        };
        words(unit, self.count(), locale)
    }
}

impl serde::Serialize for Period {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(Some(1))?;
        m.serialize_entry(self.unit(), &self.count())?;
        m.end()
    }
}

/// An inclusive range of days during which the clock stops (听证, 检验检测, 公示 …).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Pause {
    pub from: Date,
    pub to: Date,
}

/// A time of day in China time, in seconds after midnight (0..86400).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct TimeOfDay(pub u32);

impl TimeOfDay {
    pub const DEFAULT_CUTOFF: TimeOfDay = TimeOfDay(17 * 3600);

    /// `HH:MM` or `HH:MM:SS`, 24-hour, `00:00` to `24:00` (`24:00` means no submission that day
    /// is late).
    pub fn parse(s: &str) -> Option<TimeOfDay> {
        let b = s.as_bytes();
        let two = |i: usize| -> Option<u32> {
            let h = *b.get(i)?;
            let l = *b.get(i + 1)?;
            if h.is_ascii_digit() && l.is_ascii_digit() {
                Some(u32::from(h - b'0') * 10 + u32::from(l - b'0'))
            } else {
                None
            }
        };
        let (h, m, sec) = match b.len() {
            5 if b.get(2) == Some(&b':') => (two(0)?, two(3)?, 0),
            8 if b.get(2) == Some(&b':') && b.get(5) == Some(&b':') => (two(0)?, two(3)?, two(6)?),
            _ => return None,
        };
        if m > 59 || sec > 59 || h > 24 || (h == 24 && (m > 0 || sec > 0)) {
            return None;
        }
        Some(TimeOfDay(h * 3600 + m * 60 + sec))
    }
}

/// What to do when a computation needs a day outside the calendar's coverage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum BeyondCoverage {
    /// Fail with `calendar_out_of_range` (the default: never a silent guess).
    #[default]
    Error,
    /// Treat days beyond coverage as Monday–Friday working days, flagged `estimated`.
    WeekendsOnly,
}

impl BeyondCoverage {
    pub fn parse(s: &str) -> Option<BeyondCoverage> {
        match s {
            "error" => Some(BeyondCoverage::Error),
            "weekends_only" => Some(BeyondCoverage::WeekendsOnly),
            _ => None,
        }
    }
    pub fn as_str(self) -> &'static str {
        match self {
            BeyondCoverage::Error => "error",
            BeyondCoverage::WeekendsOnly => "weekends_only",
        }
    }
}

/// A calendar computation that cannot be answered. Thrown to JS as `CalendarError`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", .issue.one_line("en"))]
pub struct CalendarError {
    pub issue: Diagnostic,
}

impl CalendarError {
    pub fn new(
        code: Code,
        path: impl Into<String>,
        zh: impl Into<String>,
        en: impl Into<String>,
    ) -> Self {
        CalendarError {
            issue: Diagnostic::error(path, code, Message::new(zh, en)),
        }
    }
    pub fn code(&self) -> Code {
        self.issue.code
    }
    /// True when the computation needed a day outside the calendar's coverage.
    pub fn is_out_of_range(&self) -> bool {
        matches!(
            self.issue.code,
            Code::CalendarOutOfRange | Code::DateOutOfRange
        )
    }
}

impl Period {
    /// A period from its JSON key and count, for the JS layer and policy documents.
    ///
    /// # Errors
    /// `bad_limit` for a unit other than `working_days`, `natural_days`, `months`, or a count
    /// that is negative, fractional or above 4 294 967 295.
    pub fn from_parts(unit: &str, count: f64) -> Result<Period, CalendarError> {
        let bad = || {
            CalendarError::new(
                Code::BadLimit,
                unit,
                format!("时限必须是非负整数（`{unit}`：{count}）"),
                format!("a time limit must be a whole number of at least 0 (`{unit}`: {count})"),
            )
        };
        if !(count.is_finite()
            && count >= 0.0
            && count.fract() == 0.0
            && count <= f64::from(u32::MAX))
        {
            return Err(bad());
        }
        let n = count as u32;
        match unit {
            "working_days" => Ok(Period::WorkingDays(n)),
            "natural_days" => Ok(Period::NaturalDays(n)),
            "months" => Ok(Period::Months(n)),
            _ => Err(CalendarError::new(
                Code::BadLimit,
                "period",
                format!("未知的时限单位 `{unit}`（可用：working_days、natural_days、months）"),
                format!(
                    "unknown period unit `{unit}` (expected working_days, natural_days or months)"
                ),
            )),
        }
    }
}

impl Pause {
    /// A pause from `from` to `to`, both included.
    ///
    /// # Errors
    /// `bad_value` when `to` is before `from` (an empty pause is a mistake, not zero days).
    pub fn new(from: Date, to: Date) -> Result<Pause, CalendarError> {
        if from > to {
            return Err(CalendarError::new(
                Code::BadValue,
                "pause",
                format!("暂停区间开始日 `{from}` 晚于结束日 `{to}`"),
                format!("the pause starts on `{from}`, after it ends on `{to}`"),
            ));
        }
        Ok(Pause { from, to })
    }
}

impl TimeOfDay {
    /// Like `parse`, with an error that names `path` (for the JS layer and policies).
    ///
    /// # Errors
    /// `bad_time` for anything but `HH:MM` / `HH:MM:SS` between 00:00 and 24:00.
    pub fn parse_at(s: &str, path: &str) -> Result<TimeOfDay, CalendarError> {
        TimeOfDay::parse(s).ok_or_else(|| {
            let q: String = s.chars().take(64).collect();
            CalendarError::new(
                Code::BadTime,
                path,
                format!("`{q}` 不是有效的时刻（HH:MM 或 HH:MM:SS，00:00 至 24:00）"),
                format!("`{q}` is not a time of day (HH:MM or HH:MM:SS, 00:00 to 24:00)"),
            )
        })
    }
}

/// A `YYYY-MM-DD` date, with an error that names `path` (for the JS layer and policies).
///
/// # Errors
/// `bad_date` for anything but a real date written `YYYY-MM-DD` in years 0001–9999.
pub fn parse_date(s: &str, path: &str) -> Result<Date, CalendarError> {
    Date::parse(s).ok_or_else(|| {
        let q: String = s.chars().take(64).collect();
        CalendarError::new(
            Code::BadDate,
            path,
            format!("`{q}` 不是有效的 YYYY-MM-DD 日期"),
            format!("`{q}` is not a valid YYYY-MM-DD date"),
        )
    })
}
