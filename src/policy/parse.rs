//! Parsing policy text into a `serde_json::Value` in one pass that also notes what loading has
//! to know about the text: whether some object repeats a key (serde_json keeps the last one
//! silently) and whether the nesting goes deeper than allowed. The value is exactly the one
//! `serde_json::from_str::<Value>` gives (same visitor rules, same errors), so no separate
//! byte scans of the text are needed on the way to a valid policy.

use std::cell::Cell;
use std::fmt;

use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};

/// What the parse noticed besides the value.
#[derive(Debug, Default)]
pub(crate) struct Notes {
    /// Some object repeats a key.
    pub duplicate_key: Cell<bool>,
    /// The nesting went deeper than the limit: parsing stopped there with an error.
    pub too_deep: Cell<bool>,
    /// An object whose first key is serde_json's raw-value token was read the way
    /// serde_json reads it (its string value parsed as JSON, not visited here), so its depth
    /// was not checked.
    pub raw_value: Cell<bool>,
    /// The keys of the root object's `fields` member, in the order of the text (the value's
    /// maps are sorted by key): the policy document's field order (SPEC §7.7).
    pub field_order: std::cell::RefCell<Vec<String>>,
}

/// serde_json's private key that marks a raw value (`raw_value` feature), which
/// `Value`'s own deserializer honours; kept here so the result stays identical.
const RAW_VALUE_TOKEN: &str = "$serde_json::private::RawValue";

/// Parse `text` as `serde_json::from_str::<Value>` does, noting repeated keys, and stopping
/// with an error at the first array or object nested deeper than `max_depth`.
pub(crate) fn parse(text: &str, max_depth: usize, notes: &Notes) -> serde_json::Result<Value> {
    let mut de = serde_json::Deserializer::from_str(text);
    let value = Seed {
        notes,
        depth: 0,
        max_depth,
        field_keys: false,
    }
    .deserialize(&mut de)?;
    de.end()?;
    Ok(value)
}

#[derive(Clone, Copy)]
struct Seed<'n> {
    notes: &'n Notes,
    /// Containers enclosing the value being read.
    depth: usize,
    max_depth: usize,
    /// This value is the root's `fields` member: its keys go to `Notes::field_order`.
    field_keys: bool,
}

impl Seed<'_> {
    /// The seed for the members of a container read by `self`, or an error past the limit.
    fn inner<E: de::Error>(self) -> Result<Self, E> {
        let depth = self.depth + 1;
        if depth > self.max_depth {
            self.notes.too_deep.set(true);
            return Err(E::custom("the JSON nests too deeply"));
        }
        Ok(Seed {
            depth,
            field_keys: false,
            ..self
        })
    }
}

impl<'de> DeserializeSeed<'de> for Seed<'_> {
    type Value = Value;

    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Seed<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any valid JSON value")
    }

    fn visit_bool<E>(self, b: bool) -> Result<Value, E> {
        Ok(Value::Bool(b))
    }

    fn visit_i64<E>(self, n: i64) -> Result<Value, E> {
        Ok(Value::Number(n.into()))
    }

    fn visit_u64<E>(self, n: u64) -> Result<Value, E> {
        Ok(Value::Number(n.into()))
    }

    fn visit_f64<E>(self, n: f64) -> Result<Value, E> {
        Ok(Number::from_f64(n).map_or(Value::Null, Value::Number))
    }

    fn visit_str<E>(self, s: &str) -> Result<Value, E> {
        Ok(Value::String(s.to_owned()))
    }

    fn visit_string<E>(self, s: String) -> Result<Value, E> {
        Ok(Value::String(s))
    }

    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_some<D: de::Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let inner = self.inner()?;
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(inner)? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let inner = self.inner()?;
        let Some(first) = map.next_key::<String>()? else {
            return Ok(Value::Object(Map::new()));
        };
        if first == RAW_VALUE_TOKEN {
            self.notes.raw_value.set(true);
            return map.next_value_seed(RawFromString);
        }
        // The seed of a member's value: the root's `fields` member records its keys.
        let root = self.depth == 0;
        let seed_for = |key: &str| Seed {
            field_keys: root && key == "fields",
            ..inner
        };
        if self.field_keys {
            self.notes.field_order.borrow_mut().push(first.clone());
        }
        let mut members = Map::new();
        let value = map.next_value_seed(seed_for(&first))?;
        members.insert(first, value);
        while let Some(key) = map.next_key::<String>()? {
            if self.field_keys {
                self.notes.field_order.borrow_mut().push(key.clone());
            }
            let value = map.next_value_seed(seed_for(&key))?;
            if members.insert(key, value).is_some() {
                self.notes.duplicate_key.set(true);
            }
        }
        Ok(Value::Object(members))
    }
}

/// serde_json's reading of a raw-value object's value: a string, itself parsed as JSON.
struct RawFromString;

impl<'de> DeserializeSeed<'de> for RawFromString {
    type Value = Value;

    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for RawFromString {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("raw value")
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<Value, E> {
        serde_json::from_str(s).map_err(E::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::locate;

    fn notes_of(text: &str) -> (serde_json::Result<Value>, Notes) {
        let notes = Notes::default();
        let v = parse(text, 64, &notes);
        (v, notes)
    }

    #[test]
    fn the_value_is_serde_jsons() {
        for text in [
            r#"{"a": 1, "b": {"a": 2}}"#,
            r#"{"a": 1, "a": 2}"#,
            r#"[1, -2, 2.5, 1e400, 18446744073709551615, -9223372036854775808, null, true, "x\u00e9"]"#,
            r#"{"$serde_json::private::RawValue": "{\"a\": [1]}"}"#,
            r#"{"x": {"$serde_json::private::RawValue": "[1, 2"}}"#,
            r#"{"$serde_json::private::RawValue": 3}"#,
            r#"{"a": 1,}"#,
            r#"{"a": 1} x"#,
            "",
            "[",
        ] {
            let (v, _) = notes_of(text);
            let want = serde_json::from_str::<Value>(text);
            match (v, want) {
                (Ok(a), Ok(b)) => assert_eq!(a, b, "{text}"),
                (Err(a), Err(b)) => assert_eq!(a.to_string(), b.to_string(), "{text}"),
                (a, b) => panic!("{text}: {a:?} vs {b:?}"),
            }
        }
    }

    #[test]
    fn duplicate_keys_agree_with_the_scan() {
        for text in [
            r#"{"a": 1, "b": {"a": 2}}"#,
            r#"{"a": 1, "a": 2}"#,
            r#"{"a": 1, "\u0061": 2}"#,
            r#"{"x": "{\"a\": 1, \"a\": 2}", "y": [{"a": 1}, {"a": 2}]}"#,
            r#"{"x": [{"k": 1, "v": ",", "k": 2}]}"#,
            r#"[{"a": {}, "b": [], "c": "a"}, "a", "a"]"#,
            r#"{"s": "a\\", "t": {"u": 1, "s": 2}, "s": 3}"#,
        ] {
            let (v, notes) = notes_of(text);
            assert!(v.is_ok(), "{text}");
            assert_eq!(
                notes.duplicate_key.get(),
                !locate::scan(text).duplicates.is_empty(),
                "{text}"
            );
        }
    }

    #[test]
    fn the_root_fields_keys_keep_the_text_order() {
        let (v, notes) = notes_of(
            r#"{"a": {"fields": {"x": 1}}, "fields": {"zeta": {"b": 1, "a": 2}, "alpha": {}, "mid": [{"fields": {"q": 1}}]}}"#,
        );
        assert!(v.is_ok());
        assert_eq!(*notes.field_order.borrow(), ["zeta", "alpha", "mid"]);
        let (_, notes) = notes_of(r#"[{"fields": {"b": 1, "a": 1}}]"#);
        assert!(notes.field_order.borrow().is_empty());
    }

    #[test]
    fn depth_agrees_with_the_text_check() {
        for depth in [1usize, 63, 64, 65, 130] {
            let text = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
            let (v, notes) = notes_of(&text);
            let deep = locate::too_deep(&text, 64).is_some();
            assert_eq!(notes.too_deep.get(), deep, "{depth}");
            assert_eq!(v.is_ok(), !deep, "{depth}");
        }
    }
}
