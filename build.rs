//! Embeds the built-in packs and the calendar data minified: the readable files in `packs/` and
//! `data/` are copied to `OUT_DIR` without the whitespace between tokens (strings, numbers and
//! key order untouched, so every document is the same JSON value and has the same fingerprint).
//! The build fails if a minified file does not parse to the same value as its source.
//!
//! The calendar is also turned into Rust source, `OUT_DIR/cn_mainland.rs` (included by
//! `src/calendar/data.rs`): a static table of each year's holiday ranges and make-up working
//! days as small integers, and the notices cited, so the built-in calendar is built without
//! parsing JSON at run time. `src/calendar/table_gen.rs` validates the data file with every rule
//! of the former run-time reader (`src/calendar/data_json.rs`, now the tests' reference): a
//! malformed or inconsistent file fails the build.

use std::path::Path;

/// `calendar_table`: data/cn-mainland.json → the static table (shared with the crate's tests).
mod table_gen {
    include!("src/calendar/table_gen.rs");
}

const FILES: &[&str] = &[
    "packs/joint-utility-connection.json",
    "packs/food-business-licence.json",
    "packs/industrial-drawing-review.json",
    "packs/industrial-drawing-review.versions.json",
    "data/cn-mainland.json",
];

/// The calendar data file, also generated as a static Rust table.
const CALENDAR: &str = "data/cn-mainland.json";

/// `minify`: the crate's own JSON layout helper (src/text/json_layout.rs), shared so the build
/// and the crate agree on what "the same JSON without whitespace" is.
#[allow(dead_code)]
mod json_layout {
    include!("src/text/json_layout.rs");
}
use json_layout::minify;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let out_dir = std::env::var("OUT_DIR")?;
    for file in FILES {
        println!("cargo:rerun-if-changed={file}");
        let text = std::fs::read_to_string(file)?;
        let small = minify(&text);
        let a: serde_json::Value = serde_json::from_str(&text)?;
        let b: serde_json::Value = serde_json::from_str(&small)?;
        if a != b {
            return Err(format!("{file}: the minified text is a different JSON value").into());
        }
        let name = Path::new(file).file_name().ok_or("no file name")?;
        std::fs::write(Path::new(&out_dir).join(name), small)?;
        if *file == CALENDAR {
            let table = table_gen::calendar_table(&a).map_err(|e| format!("{file}: {e}"))?;
            std::fs::write(Path::new(&out_dir).join("cn_mainland.rs"), table)?;
        }
    }
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=src/calendar/table_gen.rs");
    println!("cargo:rerun-if-changed=src/text/json_layout.rs");
    Ok(())
}
