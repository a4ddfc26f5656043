//! # intake-rules
//!
//! One policy engine for government-service intake, identical in Rust, Node and the browser:
//! which materials an application needs (申报材料清单), whether it can be accepted now
//! (受理 / 容缺受理 / 告知承诺 / 补正), and when each stage is due (办理时限 in working days on
//! the mainland-China holiday calendar). See `ARCHITECTURE.md` for the module map.

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
pub mod api_tools;
pub mod builtin;
pub mod calendar;
pub mod cases;
pub mod compact;
pub mod date;
pub mod decision;
pub mod diag;
pub mod diff;
pub mod expr;
pub mod form;
pub mod formats;
pub mod guide;
pub mod limits;
mod notice;
pub mod policy;
pub mod policy_set;
pub mod request;
pub mod schedule;
mod sorting;

#[cfg(target_arch = "wasm32")]
mod wasm;
#[cfg(target_arch = "wasm32")]
mod wasm_compact;
// The authoring bindings (lint, runCases, diff, builtinSource, guide, guideHtml): left out of
// the portal module (`--no-default-features`), so LTO drops lint, cases, diff and guide code.
#[cfg(all(target_arch = "wasm32", feature = "authoring"))]
mod wasm_guide;
#[cfg(all(target_arch = "wasm32", feature = "authoring"))]
mod wasm_tools;

pub use calendar::{BeyondCoverage, Calendar, CalendarError, Pause, Period, TimeOfDay, YearData};
pub use date::Date;
pub use decision::{ChecklistItem, Decision, Outcome, Status};
pub use diag::{Code, Diagnostic, Message, Severity};
pub use policy::{Policy, PolicyError};
pub use policy_set::PolicySet;
pub use request::{Request, RequestError};
pub use schedule::Timeline;
