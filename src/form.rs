//! STUB (replaced by the formats branch): form validation against the policy's fields.
use crate::date::Date;
use crate::diag::Diagnostic;
use crate::expr::{Form, Value};
use crate::policy::Field;

#[derive(Debug, Clone, PartialEq)]
pub enum FormValue {
    Number(f64),
    Str(String),
    Bool(bool),
    Date(Date),
}

#[derive(Debug, Clone, Default)]
pub struct TypedForm {
    values: Vec<Option<FormValue>>,
}

impl Form for TypedForm {
    fn get(&self, index: usize) -> Option<Value<'_>> {
        match self.values.get(index)?.as_ref()? {
            FormValue::Number(n) => Some(Value::Number(*n)),
            FormValue::Str(s) => Some(Value::Str(s)),
            FormValue::Bool(b) => Some(Value::Bool(*b)),
            FormValue::Date(d) => Some(Value::Date(*d)),
        }
    }
}

#[allow(unused_variables, clippy::todo)]
pub fn validate(
    fields: &[Field],
    form: &serde_json::Map<String, serde_json::Value>,
) -> (TypedForm, Vec<Diagnostic>, Vec<Diagnostic>) {
    todo!()
}
