//! The text layer: everything about words and positions that several modules share, in one
//! leaf module (it imports nothing else from the crate).
//!
//! - [`Locale`]: zh-CN (the default) or en, parsed once from a request's or a caller's tag.
//! - [`suggest`]: "did you mean …?" for every unknown key, id, field or code.
//! - [`period`]: the one wording of a period (`5 个工作日`, `5 working days`) per locale.
//! - [`locate`]: JSON text → path → line and UTF-16 column, used by every Rust caller.
//! - [`json_layout`]: JSON text indented or minified without reordering keys.

pub mod json_layout;
pub mod locate;
pub mod period;
pub mod suggest;

mod locale;
pub use locale::Locale;
