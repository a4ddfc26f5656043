//! The syntax tree of a condition, public read-only through [`crate::expr::Expr::ast`] so that
//! other tools (lint, the guide, the workbench) can walk a condition without re-parsing it.
//!
//! Every node carries the byte offset of its *anchor* token, the token an error about the node
//! should point at: the operator of a comparison or `in`, the `!` of a negation, the `has` of a
//! presence test, the first `&&` / `||` of a chain, and the first byte of a literal or field
//! name. Parentheses leave no node of their own; they only shape the tree.

/// One node of a condition.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// Byte offset of the node's anchor token inside the condition string.
    pub offset: usize,
    pub kind: NodeKind,
}

/// What a node is.
#[derive(Debug, Clone, PartialEq)]
pub enum NodeKind {
    /// `true`, `false`, a number or a string.
    Literal(Literal),
    /// A form field. In a compiled [`crate::expr::Expr`] the index and kind are resolved.
    Field(FieldRef),
    /// `has(field)`: the field is present and valid.
    Has(FieldRef),
    /// `provided(m)`, `electronic(m)`, `committed(m)` or `missing(m)`: the request gives
    /// catalogue material `m` that status (SPEC §7.4).
    Status(StatusCall),
    /// `!operand`.
    Not(Box<Node>),
    /// `a && b && …`, two or more operands, in source order. Explicit parentheses nest.
    And(Vec<Node>),
    /// `a || b || …`, two or more operands, in source order. Explicit parentheses nest.
    Or(Vec<Node>),
    /// `left op right`.
    Compare {
        op: CmpOp,
        left: Box<Node>,
        right: Box<Node>,
    },
    /// `left in [v, …]`; every item is a [`NodeKind::Literal`] node (the grammar allows no other).
    In { left: Box<Node>, items: Vec<Node> },
}

/// A literal value as written.
#[derive(Debug, Clone, PartialEq)]
pub enum Literal {
    Bool(bool),
    /// Always finite: the lexer rejects `1e999`.
    Number(f64),
    /// The unescaped text.
    Str(String),
}

/// A field mentioned by a condition.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldRef {
    pub name: String,
    /// Byte offset of the name (inside `has(…)` it differs from the node's offset).
    pub offset: usize,
    /// The schema index; meaningful only once the condition is compiled.
    pub index: usize,
    /// The field's kind; meaningful only once the condition is compiled.
    pub kind: FieldKind,
}

/// A material status test of a condition: the function and the material it names.
#[derive(Debug, Clone, PartialEq)]
pub struct StatusCall {
    pub status: MaterialStatus,
    /// The material id as written (a bare name or a quoted string).
    pub material: String,
    /// Byte offset of the material id (the node's own offset is the function name's).
    pub offset: usize,
    /// The catalogue index; meaningful only once the condition is compiled.
    pub index: usize,
}

/// How a request gives a catalogue material, as conditions test it. Absent from the request
/// and a status the catalogue does not allow both read as `Missing`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum MaterialStatus {
    Provided,
    Electronic,
    Committed,
    Missing,
}

impl MaterialStatus {
    /// Every status, in the order of the functions' documentation.
    pub const ALL: [MaterialStatus; 4] = [
        MaterialStatus::Provided,
        MaterialStatus::Electronic,
        MaterialStatus::Committed,
        MaterialStatus::Missing,
    ];

    /// The status (and the name of its condition function) as written.
    pub fn as_str(self) -> &'static str {
        match self {
            MaterialStatus::Provided => "provided",
            MaterialStatus::Electronic => "electronic",
            MaterialStatus::Committed => "committed",
            MaterialStatus::Missing => "missing",
        }
    }

    /// The status named `s`, if any.
    pub fn parse(s: &str) -> Option<MaterialStatus> {
        Self::ALL.into_iter().find(|m| m.as_str() == s)
    }
}

/// A field type without its enum values: what a reader of the tree needs to render a value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldKind {
    Number,
    String,
    Bool,
    Date,
    Enum,
}

/// A comparison operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CmpOp {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

impl CmpOp {
    /// The operator as written in the language.
    pub fn as_str(self) -> &'static str {
        match self {
            CmpOp::Eq => "==",
            CmpOp::Ne => "!=",
            CmpOp::Lt => "<",
            CmpOp::Le => "<=",
            CmpOp::Gt => ">",
            CmpOp::Ge => ">=",
        }
    }

    /// The operator with its operands swapped (`5 < x` is `x > 5`), so that later stages only
    /// ever see a field on the left of a field-versus-literal comparison.
    pub fn flipped(self) -> CmpOp {
        match self {
            CmpOp::Eq => CmpOp::Eq,
            CmpOp::Ne => CmpOp::Ne,
            CmpOp::Lt => CmpOp::Gt,
            CmpOp::Le => CmpOp::Ge,
            CmpOp::Gt => CmpOp::Lt,
            CmpOp::Ge => CmpOp::Le,
        }
    }

    /// Whether the operator only asks for (in)equality, which every type supports.
    pub fn is_equality(self) -> bool {
        matches!(self, CmpOp::Eq | CmpOp::Ne)
    }

    /// Whether `ordering` (of left against right) satisfies the operator. `None`, an
    /// unordered pair such as a NaN a host form let through, satisfies nothing, not even `!=`,
    /// so that garbage in a form can never make a condition hold.
    pub fn holds(self, ordering: Option<std::cmp::Ordering>) -> bool {
        use std::cmp::Ordering::{Equal, Greater, Less};
        match (self, ordering) {
            (_, None) => false,
            (CmpOp::Eq, Some(o)) => o == Equal,
            (CmpOp::Ne, Some(o)) => o != Equal,
            (CmpOp::Lt, Some(o)) => o == Less,
            (CmpOp::Le, Some(o)) => o != Greater,
            (CmpOp::Gt, Some(o)) => o == Greater,
            (CmpOp::Ge, Some(o)) => o != Less,
        }
    }
}

impl Node {
    /// Calls `f` on this node and every node below it, parents first.
    pub fn walk(&self, f: &mut dyn FnMut(&Node)) {
        f(self);
        match &self.kind {
            NodeKind::Literal(_) | NodeKind::Field(_) | NodeKind::Has(_) | NodeKind::Status(_) => {}
            NodeKind::Not(n) => n.walk(f),
            NodeKind::And(ns) | NodeKind::Or(ns) => ns.iter().for_each(|n| n.walk(f)),
            NodeKind::Compare { left, right, .. } => {
                left.walk(f);
                right.walk(f);
            }
            NodeKind::In { left, items } => {
                left.walk(f);
                items.iter().for_each(|n| n.walk(f));
            }
        }
    }
}
