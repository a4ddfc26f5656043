//! The condition language (SPEC §1, grammar in `docs/policy-format.md` § Conditions).
//!
//! A condition is compiled once, when a policy loads: [`compile`] checks the size limit, lexes,
//! parses (depth-limited), type-checks against a [`Schema`] and builds an evaluation form.
//! Everything that can go wrong with a condition goes wrong there, as data ([`ExprError`]);
//! [`Expr::eval`] then only reads the form and compares, so it cannot fail, loop or allocate.
//!
//! Architecture invariant: `expr` knows nothing of policies; it sees fields only through
//! [`Schema`], form values only through [`Form`] and labels only through [`Describe`].
//!
//! Module map: `lexer` → `parser` (→ `ast`) → `check` (→ `eval`'s `Prog`) → `constant`;
//! `describe` renders the tree; `diagnostics` holds every message.

mod ast;
mod check;
mod constant;
mod describe;
mod diagnostics;
mod eval;
mod lexer;
mod parser;
mod wire;

pub use ast::{CmpOp, FieldKind, FieldRef, Literal, MaterialStatus, Node, NodeKind, StatusCall};
pub use describe::Describe;
pub use parser::MAX_DEPTH;

use crate::date::Date;
use crate::diag::{Code, Message};

/// The longest condition accepted, in bytes. Checked before lexing, so that the cost of
/// everything after it is bounded by this size.
pub const MAX_LEN: usize = 4096;

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
    /// The catalogue index of material `id`, for `provided(m)` and the other status tests
    /// (SPEC §7.4). The default knows no materials: every status test is then an error.
    fn material(&self, id: &str) -> Option<usize> {
        let _ = id;
        None
    }
    /// All material ids, for "did you mean" suggestions.
    fn material_names(&self) -> Vec<&str> {
        Vec::new()
    }
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
    /// Whether field `index` is present and valid (what `has(field)` tests); by default,
    /// whether [`Form::get`] gives a value.
    fn present(&self, index: usize) -> bool {
        self.get(index).is_some()
    }
    /// The status the request gives catalogue material `index`; by default every material is
    /// missing.
    fn status(&self, material: usize) -> MaterialStatus {
        let _ = material;
        MaterialStatus::Missing
    }
}

/// A problem in a condition, at a byte offset inside the condition string.
#[derive(Debug, Clone, PartialEq)]
pub struct ExprError {
    pub offset: usize,
    pub code: Code,
    pub message: Message,
    /// What the author probably meant (`did you mean `x`?`), apart from the message.
    pub help: Option<Message>,
}

/// A compiled, type-checked condition.
#[derive(Debug, Clone, PartialEq)]
pub struct Expr {
    ast: Node,
    prog: eval::Prog,
    fields: Vec<usize>,
    materials: Vec<usize>,
    constant: Option<bool>,
}

/// Parse and type-check `src` against `schema`; every problem found is returned.
///
/// # Errors
///
/// `too_large` for more than [`MAX_LEN`] bytes; `syntax` (the first one: after a syntax error
/// the rest is guesswork) or `too_deep` beyond [`MAX_DEPTH`] levels of `(` and `!`; otherwise
/// every `type_mismatch`, `unknown_form_field` and `unknown_material`, sorted by offset.
/// Never panics.
///
/// # Example
///
/// ```
/// use intake_rules::expr::{compile, FieldType, Form, Schema, Value};
///
/// struct S;
/// impl Schema for S {
///     fn lookup(&self, name: &str) -> Option<(usize, &FieldType)> {
///         (name == "capacity_kva").then_some((0, &FieldType::Number))
///     }
///     fn names(&self) -> Vec<&str> {
///         vec!["capacity_kva"]
///     }
/// }
/// struct F(Option<f64>);
/// impl Form for F {
///     fn get(&self, _: usize) -> Option<Value<'_>> {
///         self.0.map(Value::Number)
///     }
/// }
///
/// let e = compile("capacity_kva > 160", &S).unwrap(); // ok: doc example
/// assert!(e.eval(&F(Some(200.0))));
/// assert!(!e.eval(&F(None)));
/// let errs = compile("capcity_kva > 160", &S).unwrap_err();
/// assert_eq!(errs[0].code.as_str(), "unknown_form_field");
/// let help = errs[0].help.as_ref().unwrap(); // ok: doc example
/// assert_eq!(help.en, "did you mean `capacity_kva`?");
/// ```
pub fn compile(src: &str, schema: &dyn Schema) -> Result<Expr, Vec<ExprError>> {
    if src.len() > MAX_LEN {
        return Err(vec![diagnostics::too_large(src.len(), MAX_LEN)]);
    }
    let mut ast = parser::parse(src)?;
    let prog = check::check(&mut ast, schema)?;
    let mut fields = Vec::new();
    let mut materials = Vec::new();
    ast.walk(&mut |n| match &n.kind {
        NodeKind::Field(f) | NodeKind::Has(f) => fields.push(f.index),
        NodeKind::Status(c) => materials.push(c.index),
        _ => {}
    });
    crate::sorting::sort_by(&mut fields, |a, b| a.cmp(b));
    fields.dedup();
    crate::sorting::sort_by(&mut materials, |a, b| a.cmp(b));
    materials.dedup();
    let constant = constant::constant(&prog);
    Ok(Expr {
        ast,
        prog,
        fields,
        materials,
        constant,
    })
}

impl Expr {
    /// Whether the condition holds for `form`. A comparison, `in` or bare bool field that
    /// involves an absent field is false; `!` negates whatever its operand yields.
    pub fn eval(&self, form: &dyn Form) -> bool {
        self.prog.eval(form)
    }

    /// The indices of the fields the condition reads, sorted, without duplicates.
    pub fn fields(&self) -> &[usize] {
        &self.fields
    }

    /// The catalogue indices of the materials whose status the condition tests, sorted,
    /// without duplicates.
    pub fn materials(&self) -> &[usize] {
        &self.materials
    }

    /// `Some(b)` when the condition is `b` whatever the form holds (where decidable).
    ///
    /// Detected: conditions without fields; `P || !P` and `P && !P`; and contradictory
    /// requirements on one field in an `&&` chain (`x > 5 && x < 3`, `k == 'a' && k == 'b'`,
    /// `k == 'a' && k != 'a'`, disjoint `in` lists, `b == true && b == false`), folded through
    /// `!`, `&&` and `||`. `x > 5 || x <= 5` is rightly *not* constant: it is false when `x` is
    /// absent.
    pub fn constant(&self) -> Option<bool> {
        self.constant
    }

    /// The syntax tree, with every field resolved to its schema index and kind, for tools
    /// that need the structure (lint, the workbench).
    pub fn ast(&self) -> &Node {
        &self.ast
    }

    /// The condition in plain language for the service guide, e.g. `报装容量(kVA) 大于 160`
    /// or, for `locale` `en`, `capacity (kVA) is greater than 160`. Any locale other than
    /// `en` / `en-*` reads zh-CN; `names` supplies the labels in `locale`.
    pub fn describe(&self, names: &dyn Describe, locale: &str) -> String {
        describe::describe(&self.ast, names, locale)
    }
}
