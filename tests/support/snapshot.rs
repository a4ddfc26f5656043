//! Snapshots stored pretty-printed for review, compared byte for byte after re-minifying.
//!
//! One regeneration variable for every corpus: `UPDATE_SNAPSHOTS=1 cargo test` rewrites the
//! stored files after a deliberate change (review the diff before committing).

#![allow(dead_code)]

/// Whether this run rewrites snapshots instead of comparing them.
pub fn updating() -> bool {
    std::env::var_os("UPDATE_SNAPSHOTS").is_some()
}

/// `text` (JSON) without the whitespace outside strings: the exact inverse of [`pretty`].
pub fn minify(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in text.chars() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if !matches!(c, ' ' | '\t' | '\n' | '\r') {
            if c == '"' {
                in_string = true;
            }
            out.push(c);
        }
    }
    out
}

/// Minified JSON `text` indented by two spaces, keys in their original order (serde_json's
/// `Value` would sort them): only whitespace outside strings is added.
pub fn pretty(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    let mut depth = 0usize;
    let (mut in_string, mut escaped) = (false, false);
    let chars: Vec<char> = text.chars().collect();
    let newline = |out: &mut String, depth: usize| {
        out.push('\n');
        for _ in 0..depth {
            out.push_str("  ");
        }
    };
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else {
            match c {
                '"' => {
                    in_string = true;
                    out.push(c);
                }
                '{' | '[' => {
                    let close = if c == '{' { '}' } else { ']' };
                    if chars.get(i + 1) == Some(&close) {
                        out.push(c);
                        out.push(close);
                        i += 1;
                    } else {
                        out.push(c);
                        depth += 1;
                        newline(&mut out, depth);
                    }
                }
                '}' | ']' => {
                    depth = depth.saturating_sub(1);
                    newline(&mut out, depth);
                    out.push(c);
                }
                ',' => {
                    out.push(c);
                    newline(&mut out, depth);
                }
                ':' => out.push_str(": "),
                _ => out.push(c),
            }
        }
        i += 1;
    }
    out
}

#[test]
fn pretty_and_minify_are_inverse() {
    let text = r#"{"a":[],"b":{},"c":[1,{"d":"x, y: {z}","e":"q\"\\"}],"f":"中文"}"#;
    let p = pretty(text);
    assert!(p.contains("\n  \"a\": [],"), "{p}");
    assert_eq!(minify(&p), text);
}
