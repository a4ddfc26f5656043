//! The built-in policy packs, embedded in the binary (readable JSON files in `packs/`, each
//! with a case file beside it that `make test` runs).

/// `(short id, JSON text)` of every built-in pack.
pub const PACKS: &[(&str, &str)] = &[
    (
        "joint-utility-connection",
        include_str!("../packs/joint-utility-connection.json"),
    ),
    (
        "industrial-drawing-review",
        include_str!("../packs/industrial-drawing-review.json"),
    ),
];

/// `(short id, case-file JSON text)` of every built-in pack.
pub const CASES: &[(&str, &str)] = &[
    (
        "joint-utility-connection",
        include_str!("../packs/joint-utility-connection.cases.json"),
    ),
    (
        "industrial-drawing-review",
        include_str!("../packs/industrial-drawing-review.cases.json"),
    ),
];
