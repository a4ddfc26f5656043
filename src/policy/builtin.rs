//! The built-in policy packs, embedded in the binary (readable JSON files in `packs/`, each
//! with a case file beside it that `make test` runs). `build.rs` embeds them minified: the same
//! JSON values, so the same fingerprints, without the whitespace.

/// `(short id, JSON text)` of every built-in pack.
pub const PACKS: &[(&str, &str)] = &[
    (
        "joint-utility-connection",
        include_str!(concat!(env!("OUT_DIR"), "/joint-utility-connection.json")),
    ),
    (
        "industrial-drawing-review",
        include_str!(concat!(env!("OUT_DIR"), "/industrial-drawing-review.json")),
    ),
    (
        "food-business-licence",
        include_str!(concat!(env!("OUT_DIR"), "/food-business-licence.json")),
    ),
];

/// `(short id, policy-set JSON text)` of every built-in policy set (versions in force by date).
pub const SETS: &[(&str, &str)] = &[(
    "industrial-drawing-review",
    include_str!(concat!(
        env!("OUT_DIR"),
        "/industrial-drawing-review.versions.json"
    )),
)];
