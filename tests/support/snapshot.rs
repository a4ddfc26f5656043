//! Snapshots stored pretty-printed for review, compared byte for byte after re-minifying.
//!
//! One regeneration variable for every corpus: `UPDATE_SNAPSHOTS=1 cargo test` rewrites the
//! stored files after a deliberate change (review the diff before committing).

#![allow(dead_code)]

/// Whether this run rewrites snapshots instead of comparing them.
pub fn updating() -> bool {
    std::env::var_os("UPDATE_SNAPSHOTS").is_some()
}

pub use intake_rules::text::json_layout::{indent as pretty, minify};

#[test]
fn pretty_and_minify_are_inverse() {
    let text = r#"{"a":[],"b":{},"c":[1,{"d":"x, y: {z}","e":"q\"\\"}],"f":"中文"}"#;
    let p = pretty(text);
    assert!(p.contains("\n  \"a\": [],"), "{p}");
    assert_eq!(minify(&p), text);
}
