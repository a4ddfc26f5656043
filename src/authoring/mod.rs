//! Policy-staff tools over a loaded policy: `lint` (problems that load fine but are wrong),
//! `cases` (the case runner), `diff` (what changes between two versions) and `guide` (the
//! service guide, 办事指南, as data and HTML).
//!
//! Architecture invariant: these read the loaded model (`crate::policy`) and the engine's
//! decisions; nothing in `engine`, `policy`, `expr` or `calendar` imports them, and they do not
//! import `crate::api`.

pub mod cases;
pub mod diff;
pub mod guide;
pub(crate) mod lint;
pub mod replay;
pub mod stats;
