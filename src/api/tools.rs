//! The policy-staff tools as plain-Rust functions, JSON text in and out, like `api.rs`: what
//! `wasm_tools.rs` exposes to JS, so native tests cover the JS contract.
//!
//! Architecture invariant: no wasm types here.

use crate::api::{to_json, Error};
use crate::authoring::cases::CaseFile;
use crate::diag::{Code, Diagnostic, Message};
use crate::policy::{Policy, PolicyError};

/// `policy.runCases(cases)`: the case report as JSON text.
///
/// # Errors
/// `RequestError` when the case file itself is unusable (every problem, with its path).
pub fn run_cases_json(policy: &Policy, cases: &str) -> Result<String, Error> {
    Ok(to_json(&policy.run_cases(cases)?))
}

/// `Policy.diff(old, next, cases?)`: the diff as JSON text.
///
/// # Errors
/// `RequestError` when a case file is given and is unusable.
pub fn diff_json(old: &Policy, new: &Policy, cases: Option<&str>) -> Result<String, Error> {
    let file = match cases {
        Some(text) => Some(CaseFile::from_json(text)?),
        None => None,
    };
    Ok(to_json(&crate::authoring::diff::diff(
        old,
        new,
        file.as_ref(),
    )))
}

/// The JSON text of a built-in pack, indented (for editors that start from it).
///
/// # Errors
/// `PolicyError` `bad_value` when there is no such pack.
pub fn builtin_source(id: &str) -> Result<String, Error> {
    match crate::policy::builtin::PACKS.iter().find(|(k, _)| *k == id) {
        Some((_, text)) => Ok(crate::text::json_layout::indent(text)),
        None => {
            let ids = crate::api::builtin_ids();
            let shown: String = id.chars().take(64).collect();
            Err(Error::Policy(PolicyError {
                issues: vec![Diagnostic::error(
                    "id",
                    Code::BadValue,
                    Message::new(
                        format!("没有内置策略 `{shown}`，可选：{}", ids.join("、")),
                        format!(
                            "there is no built-in policy `{shown}`; available: {}",
                            ids.join(", ")
                        ),
                    ),
                )],
            }))
        }
    }
}

/// Line and UTF-16 column (1-based) of each path (`services.power.stages[0]`,
/// `materials["licence.v2"].name`) in a JSON text, with the crate's one locator: a member's key,
/// an array element's value; a path that is not in the text gets its nearest enclosing value
/// (the object a missing key belongs in). What the CLI and the workbench use to place findings
/// that come without a position. As JSON text: `[[line, column], …]`.
pub fn locate_json(text: &str, paths: &[String]) -> String {
    let locations = crate::text::locate::scan(text);
    let out: Vec<[u32; 2]> = paths
        .iter()
        .map(|p| {
            let at = locations.key(p);
            [at.line, at.column]
        })
        .collect();
    to_json(&out)
}

/// `policy.stats(cases?)`: the reform metrics as JSON text.
///
/// # Errors
/// `RequestError` when a case file is given and is unusable.
pub fn stats_json(policy: &Policy, cases: Option<&str>) -> Result<String, Error> {
    Ok(to_json(&policy.stats(cases)?))
}

/// `Policy.replayBatch(old, next, lines, firstLine, keep)`: one batch of JSON Lines requests
/// decided under both versions, as JSON text (counts that add up across batches).
pub fn replay_batch_json(
    old: &Policy,
    new: &Policy,
    lines: &str,
    first_line: u64,
    keep: usize,
) -> String {
    to_json(&crate::authoring::replay::replay_batch(
        old, new, lines, first_line, keep,
    ))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    #[test]
    fn locate_places_members_elements_and_quoted_keys() {
        let text = "{\n  \"a\": \"营业\",\n  \"materials\": {\"licence.v2\": {\"name\": 1}},\n  \"b\": [1, {\"c\": 2}]\n}";
        let paths: Vec<String> = [
            "a",
            "materials[\"licence.v2\"].name",
            "b[1].c",
            "b[1].missing",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        assert_eq!(
            super::locate_json(text, &paths),
            "[[2,3],[3,32],[4,13],[4,12]]"
        );
    }

    use super::*;

    #[test]
    fn builtin_source_is_indented_and_the_same_value() {
        for (id, text) in crate::policy::builtin::PACKS {
            let shown = builtin_source(id).unwrap();
            assert!(shown.starts_with("{\n  \""), "{id}");
            let a: serde_json::Value = serde_json::from_str(text).unwrap();
            let b: serde_json::Value = serde_json::from_str(&shown).unwrap();
            assert_eq!(a, b, "{id}");
        }
        assert_eq!(crate::text::json_layout::indent(r#"{"a":[],"b":[1,{"c":"x, \"y\": {"}]}"#),
            "{\n  \"a\": [],\n  \"b\": [\n    1,\n    {\n      \"c\": \"x, \\\"y\\\": {\"\n    }\n  ]\n}\n");
    }
}
