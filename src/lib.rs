//! # intake-rules
//!
//! One policy engine for government-service intake, identical in Rust, Node and the browser:
//! which materials an application needs (申报材料清单), whether it can be accepted now
//! (受理 / 容缺受理 / 告知承诺 / 补正), and when each stage is due (办理时限 in working days on
//! the mainland-China holiday calendar). See `ARCHITECTURE.md` for the module map.
//!
//! The layers, from the leaves up (a module imports only those to its left):
//! `text`, `diag`, `date`, `limits` → `calendar`, `expr` → `policy` → `engine` → `authoring` →
//! `api` (the JSON facade the wasm binding crate `intake-rules-wasm` calls).

#![cfg_attr(
    test,
    allow(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::indexing_slicing,
        clippy::panic
    )
)]

pub mod api;
pub mod authoring;
pub mod calendar;
pub mod date;
pub mod diag;
pub mod engine;
pub mod expr;
pub mod limits;
pub mod policy;
mod sorting;
pub mod text;
/// TypeScript declarations of the output types (feature `ts`; `tests/ts_types.rs`).
#[cfg(feature = "ts")]
pub mod ts;
pub(crate) mod wire;

pub use calendar::{BeyondCoverage, Calendar, CalendarError, Pause, Period, TimeOfDay, YearData};
pub use date::Date;
pub use diag::{Code, Diagnostic, Message, Severity};
pub use engine::decision::{ChecklistItem, Decision};
pub use engine::policy_set::PolicySet;
pub use engine::request::{Request, RequestError};
pub use engine::schedule::Timeline;
pub use engine::types::{Outcome, Status};
pub use policy::{Policy, PolicyError};
pub use text::Locale;
