//! The condition language (SPEC §1). STUB: being implemented; signatures are the contract.
//!
//! Architecture invariant: `expr` knows nothing of policies; it sees fields only through
//! [`Schema`] and form values only through [`Form`].

use crate::date::Date;
use crate::diag::{Code, Message};

/// The type of a form field as conditions see it.
#[derive(Debug, Clone, PartialEq)]
pub enum FieldType {
    Number,
    String,
    Bool,
    Date,
    /// An enum with its allowed values.
    Enum(Vec<String>),
}

/// What the type checker knows about the form: field name → (index, type).
pub trait Schema {
    fn lookup(&self, name: &str) -> Option<(usize, &FieldType)>;
    /// All field names, for "did you mean" suggestions.
    fn names(&self) -> Vec<&str>;
}

/// A typed form value as the evaluator sees it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Value<'a> {
    Number(f64),
    Str(&'a str),
    Bool(bool),
    Date(Date),
}

/// The form being evaluated: field index → value (`None` when absent or invalid).
pub trait Form {
    fn get(&self, index: usize) -> Option<Value<'_>>;
}

/// A problem in a condition, at a byte offset inside the condition string.
#[derive(Debug, Clone, PartialEq)]
pub struct ExprError {
    pub offset: usize,
    pub code: Code,
    pub message: Message,
}

/// A compiled, type-checked condition.
#[derive(Debug, Clone, PartialEq)]
pub struct Expr {
    _private: (),
}

/// Parse and type-check `src` against `schema`; every problem found is returned.
#[allow(unused_variables, clippy::todo)]
pub fn compile(src: &str, schema: &dyn Schema) -> Result<Expr, Vec<ExprError>> {
    todo!()
}

#[allow(unused_variables, clippy::todo)]
impl Expr {
    pub fn eval(&self, form: &dyn Form) -> bool {
        todo!()
    }
    /// The indices of the fields the condition reads, sorted, without duplicates.
    pub fn fields(&self) -> &[usize] {
        todo!()
    }
    /// `Some(b)` when the condition is `b` whatever the form holds (where decidable).
    pub fn constant(&self) -> Option<bool> {
        todo!()
    }
}
