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
