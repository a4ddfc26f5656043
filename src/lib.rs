//! # intake-rules
//!
//! One policy engine for government-service intake, identical in Rust, Node and the browser:
//! which materials an application needs (申报材料清单), whether it can be accepted now
//! (受理 / 容缺受理 / 告知承诺 / 补正), and when each stage is due (办理时限 in working days on
//! the mainland-China holiday calendar). See `ARCHITECTURE.md` for the module map.

pub mod calendar;
pub mod date;
pub mod diag;
pub mod expr;
pub mod limits;
pub mod policy;

pub use calendar::{BeyondCoverage, Calendar, CalendarError, Pause, Period, TimeOfDay, YearData};
pub use date::Date;
pub use diag::{Code, Diagnostic, Message, Severity};
pub use policy::{Policy, PolicyError};
