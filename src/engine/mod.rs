//! The engine: a loaded [`Policy`](crate::policy::Policy) and a request in, a decision out.
//!
//! `request` reads the request, `form` (with `formats`) checks the form against the policy's
//! fields, `decision` judges materials and outcomes, `schedule` computes the timeline, `notice`
//! writes the one-time notice, `compact` is the per-keystroke subset, `policy_set` picks the
//! version in force. Types shared by several of them live in `types`.
//!
//! Architecture invariant: nothing here imports `crate::api` (the JSON facade) or
//! `crate::authoring` (policy-staff tools).

pub mod compact;
pub mod decision;
pub mod form;
pub mod formats;
pub(crate) mod notice;
pub mod policy_set;
pub mod region;
pub mod request;
pub mod schedule;
pub mod types;
