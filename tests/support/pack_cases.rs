//! The case file of each built-in pack, by pack id (kept out of the library: the wasm does not
//! carry them). Shared by the pack tests and the notice wording corpus.

pub const CASES: &[(&str, &str)] = &[
    (
        "joint-utility-connection",
        include_str!("../../packs/joint-utility-connection.cases.json"),
    ),
    (
        "industrial-drawing-review",
        include_str!("../../packs/industrial-drawing-review.cases.json"),
    ),
    (
        "food-business-licence",
        include_str!("../../packs/food-business-licence.cases.json"),
    ),
];
