//! The working-day calendar (SPEC §3). STUB: being implemented; signatures are the contract.

mod types;

pub use types::{BeyondCoverage, CalendarError, Pause, Period, TimeOfDay};

use crate::date::Date;

/// One year's arrangement added at run time (`withYear`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YearData {
    pub year: i32,
    pub holidays: Vec<Date>,
    pub workdays: Vec<Date>,
    pub source: String,
}

#[derive(Debug, Clone)]
pub struct Calendar {
    _private: (),
}

#[allow(unused_variables, clippy::todo)]
impl Calendar {
    /// Ids of the built-in calendars (`cn-mainland`).
    pub fn builtin_ids() -> &'static [&'static str] {
        &["cn-mainland"]
    }
    pub fn builtin(id: &str, beyond: BeyondCoverage) -> Result<Calendar, CalendarError> {
        todo!()
    }
    pub fn id(&self) -> &str {
        todo!()
    }
    /// The data version (e.g. the latest notice's number and date).
    pub fn data_version(&self) -> &str {
        todo!()
    }
    pub fn beyond_coverage(&self) -> BeyondCoverage {
        todo!()
    }
    pub fn with_beyond_coverage(&self, beyond: BeyondCoverage) -> Calendar {
        todo!()
    }
    pub fn with_overrides(
        &self,
        holidays: &[Date],
        workdays: &[Date],
    ) -> Result<Calendar, CalendarError> {
        todo!()
    }
    pub fn with_year(&self, data: YearData) -> Result<Calendar, CalendarError> {
        todo!()
    }
    pub fn coverage(&self) -> (Date, Date) {
        todo!()
    }
    pub fn is_working_day(&self, d: Date) -> Result<bool, CalendarError> {
        todo!()
    }
    pub fn add_working_days(&self, d: Date, n: u32) -> Result<Date, CalendarError> {
        todo!()
    }
    pub fn working_days_between(&self, from: Date, to: Date) -> Result<i64, CalendarError> {
        todo!()
    }
    pub fn received_on(
        &self,
        submitted_at: &str,
        cutoff: TimeOfDay,
    ) -> Result<Date, CalendarError> {
        todo!()
    }
    pub fn due(&self, from: Date, period: Period, pauses: &[Pause]) -> Result<Date, CalendarError> {
        todo!()
    }
}
