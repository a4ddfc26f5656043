//! The policy fingerprint: `sha256:` + lowercase hex of a canonical serialization of the
//! document without its top-level `$schema`. Canonical: object keys sorted by code point, no
//! whitespace, strings escaped as serde_json escapes them, integral numbers in the i64 range
//! written as integers (`2` and `2.0` are the same), other numbers as serde_json's shortest
//! float. Key order and whitespace therefore never change the fingerprint; a back-end can
//! recompute it from the same rules and compare.

use serde_json::Value;
use sha2::{Digest, Sha256};

/// The fingerprint of `doc`.
pub fn fingerprint(doc: &Value) -> String {
    let mut out = String::new();
    match doc {
        Value::Object(map) => {
            let filtered: Vec<(&String, &Value)> = map
                .iter()
                .filter(|(k, _)| k.as_str() != "$schema")
                .collect();
            write_object(&mut out, filtered);
        }
        other => write_canonical(&mut out, other),
    }
    let digest = Sha256::digest(out.as_bytes());
    let mut hex = String::with_capacity(7 + 64);
    hex.push_str("sha256:");
    for b in digest {
        hex.push(char::from_digit(u32::from(b >> 4), 16).unwrap_or('0'));
        hex.push(char::from_digit(u32::from(b & 0xF), 16).unwrap_or('0'));
    }
    hex
}

/// The canonical text of `v` (exposed for tests and for back-ends that want to compare).
pub fn canonical(v: &Value) -> String {
    let mut out = String::new();
    write_canonical(&mut out, v);
    out
}

fn write_str(out: &mut String, s: &str) {
    // Most strings need no escape; serde_json escapes exactly `"`, `\\` and U+0000–U+001F,
    // so writing them as they are gives its text without a temporary string per value.
    if !s.bytes().any(|b| b == b'"' || b == b'\\' || b < 0x20) {
        out.push('"');
        out.push_str(s);
        out.push('"');
        return;
    }
    match serde_json::to_string(s) {
        Ok(q) => out.push_str(&q),
        Err(_) => {
            out.push('"');
            out.push_str(s);
            out.push('"');
        }
    }
}

fn write_object(out: &mut String, mut members: Vec<(&String, &Value)>) {
    // serde_json's map is already sorted, but sort anyway so the rule holds with
    // `preserve_order` enabled by another crate in the build.
    members.sort_by(|a, b| a.0.cmp(b.0));
    out.push('{');
    for (i, (k, v)) in members.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        write_str(out, k);
        out.push(':');
        write_canonical(out, v);
    }
    out.push('}');
}

fn write_canonical(out: &mut String, v: &Value) {
    match v {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => write_number(out, n),
        Value::String(s) => write_str(out, s),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_canonical(out, item);
            }
            out.push(']');
        }
        Value::Object(map) => write_object(out, map.iter().collect()),
    }
}

fn write_number(out: &mut String, n: &serde_json::Number) {
    if let Some(i) = n.as_i64() {
        out.push_str(&i.to_string());
        return;
    }
    let Some(f) = n.as_f64() else {
        out.push_str(&n.to_string());
        return;
    };
    // 2^63 is exactly representable; integral floats in [-2^63, 2^63) fit an i64.
    const TWO_63: f64 = 9_223_372_036_854_775_808.0;
    if f.fract() == 0.0 && (-TWO_63..TWO_63).contains(&f) {
        #[allow(clippy::cast_possible_truncation)]
        let i = f as i64;
        out.push_str(&i.to_string());
        return;
    }
    match serde_json::to_string(&f) {
        Ok(s) => out.push_str(&s),
        Err(_) => out.push_str(&n.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn canonical_form() {
        let v = json!({"b": [1, 2.0, 2.5, -0.0, "x\u{7}"], "a": {"z": null, "y": true}});
        assert_eq!(
            canonical(&v),
            r#"{"a":{"y":true,"z":null},"b":[1,2,2.5,0,"x\u0007"]}"#
        );
        let with_schema = json!({"$schema": "x", "a": 1});
        let without = json!({"a": 1.0});
        assert_eq!(fingerprint(&with_schema), fingerprint(&without));
        assert!(fingerprint(&without).starts_with("sha256:"));
        assert_eq!(fingerprint(&without).len(), 7 + 64);
    }
}
