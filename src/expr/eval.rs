//! The evaluation form of a compiled condition. Type checking has already decided how every
//! comparison compares, and date literals are already [`Date`]s, so evaluation only reads form
//! values and compares them: no parsing, no allocation, no formatting. Its recursion follows the
//! tree, whose depth the parser bounds: between two counted levels (`(` or `!`, at most
//! [`super::MAX_DEPTH`]) there can only be one `||` node and one `&&` node, so no path is longer
//! than about three times the limit, a hundred small frames at worst.

use super::ast::{CmpOp, MaterialStatus};
use super::{Form, Value};
use crate::date::Date;

/// One side of a comparison.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Arg<T> {
    Field(usize),
    Lit(T),
}

/// A type-checked condition, ready to evaluate.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Prog {
    Const(bool),
    /// A bare bool field: true only when present and `true`.
    Flag(usize),
    Has(usize),
    /// The material of this catalogue index has this status.
    Status(MaterialStatus, usize),
    Not(Box<Prog>),
    And(Vec<Prog>),
    Or(Vec<Prog>),
    Num(CmpOp, Arg<f64>, Arg<f64>),
    Date(CmpOp, Arg<Date>, Arg<Date>),
    /// String and enum fields; the checker only lets `==` and `!=` through.
    Text(CmpOp, Arg<Box<str>>, Arg<Box<str>>),
    /// Bool fields; the checker only lets `==` and `!=` through.
    Bool(CmpOp, Arg<bool>, Arg<bool>),
    In(usize, Box<[Box<str>]>),
}

impl Prog {
    pub(crate) fn eval(&self, form: &dyn Form) -> bool {
        match self {
            Prog::Const(b) => *b,
            Prog::Flag(i) => matches!(form.get(*i), Some(Value::Bool(true))),
            Prog::Has(i) => form.present(*i),
            Prog::Status(st, i) => form.status(*i) == *st,
            Prog::Not(p) => !p.eval(form),
            Prog::And(ps) => ps.iter().all(|p| p.eval(form)),
            Prog::Or(ps) => ps.iter().any(|p| p.eval(form)),
            Prog::Num(op, a, b) => compare(*op, num(form, a), num(form, b)),
            Prog::Date(op, a, b) => compare(*op, date(form, a), date(form, b)),
            Prog::Bool(op, a, b) => compare(*op, flag(form, a), flag(form, b)),
            Prog::Text(op, a, b) => match (text(form, a), text(form, b)) {
                (Some(x), Some(y)) => op.holds(x.partial_cmp(y)),
                _ => false,
            },
            Prog::In(i, items) => match form.get(*i) {
                Some(Value::Str(s)) => items.iter().any(|v| **v == *s),
                _ => false,
            },
        }
    }
}

/// A comparison with an absent side (or a value of the wrong type, which a well-behaved form
/// never returns) is false, as the format specifies.
fn compare<T: PartialOrd>(op: CmpOp, a: Option<T>, b: Option<T>) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => op.holds(x.partial_cmp(&y)),
        _ => false,
    }
}

fn num(form: &dyn Form, a: &Arg<f64>) -> Option<f64> {
    match a {
        Arg::Lit(v) => Some(*v),
        Arg::Field(i) => match form.get(*i) {
            Some(Value::Number(n)) => Some(n),
            _ => None,
        },
    }
}

fn date(form: &dyn Form, a: &Arg<Date>) -> Option<Date> {
    match a {
        Arg::Lit(v) => Some(*v),
        Arg::Field(i) => match form.get(*i) {
            Some(Value::Date(d)) => Some(d),
            _ => None,
        },
    }
}

fn flag(form: &dyn Form, a: &Arg<bool>) -> Option<bool> {
    match a {
        Arg::Lit(v) => Some(*v),
        Arg::Field(i) => match form.get(*i) {
            Some(Value::Bool(b)) => Some(b),
            _ => None,
        },
    }
}

fn text<'f>(form: &'f dyn Form, a: &'f Arg<Box<str>>) -> Option<&'f str> {
    match a {
        Arg::Lit(v) => Some(v),
        Arg::Field(i) => match form.get(*i) {
            Some(Value::Str(s)) => Some(s),
            _ => None,
        },
    }
}
