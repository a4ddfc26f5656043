//! Arbitrary condition text against a fixed schema: compile must not panic; a compiled
//! condition must evaluate on an empty and a full form without panicking.
#![no_main]
use intake_rules::expr::{compile, FieldType, Form, Schema, Value};
use libfuzzer_sys::fuzz_target;

struct S(Vec<(&'static str, FieldType)>);
impl Schema for S {
    fn lookup(&self, name: &str) -> Option<(usize, &FieldType)> {
        self.0.iter().enumerate().find(|(_, (n, _))| *n == name).map(|(i, (_, t))| (i, t))
    }
    fn names(&self) -> Vec<&str> {
        self.0.iter().map(|(n, _)| *n).collect()
    }
    fn material(&self, id: &str) -> Option<usize> {
        MATERIALS.iter().position(|m| *m == id)
    }
    fn material_names(&self) -> Vec<&str> {
        MATERIALS.to_vec()
    }
}
/// Catalogue ids for `provided(m)` and the other status tests (one with `.` and `-`).
const MATERIALS: [&str; 3] = ["business_license", "property_proof", "load.list-v2"];
struct Empty;
impl Form for Empty {
    fn get(&self, _: usize) -> Option<Value<'_>> {
        None
    }
}
struct Full;
impl Form for Full {
    fn get(&self, i: usize) -> Option<Value<'_>> {
        match i {
            0 => Some(Value::Number(400.0)),
            1 => Some(Value::Str("industrial")),
            2 => Some(Value::Bool(true)),
            3 => Some(Value::Str("91350100M000100Y43")),
            _ => intake_rules::Date::parse("2026-09-30").map(Value::Date),
        }
    }
    fn status(&self, m: usize) -> intake_rules::expr::MaterialStatus {
        use intake_rules::expr::MaterialStatus as S;
        [S::Electronic, S::Committed, S::Provided].get(m).copied().unwrap_or(S::Missing)
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(src) = std::str::from_utf8(data) else { return };
    let schema = S(vec![
        ("capacity_kva", FieldType::Number),
        ("project_kind", FieldType::Enum(vec!["industrial".into(), "commercial".into()])),
        ("needs_external_works", FieldType::Bool),
        ("uscc", FieldType::String),
        ("start_date", FieldType::Date),
    ]);
    if let Ok(e) = compile(src, &schema) {
        let _ = e.eval(&Empty);
        let _ = e.eval(&Full);
        let _ = e.constant();
    }
});
