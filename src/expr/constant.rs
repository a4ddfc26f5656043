//! Deciding, at compile time, that a condition always has the same value (for the
//! `constant_condition` lint and `never_required`). The analysis is sound but deliberately
//! incomplete; it detects:
//!
//! - conditions without fields, and literal `true` / `false`, folded through `!`, `&&`, `||`;
//! - `P || !P` (always true) and `P && !P` (always false) for any structurally equal `P` among
//!   the operands of one chain (nested chains of the same operator are looked through);
//! - contradictory facts about one field inside an `&&` chain: an empty numeric or date range
//!   (`x > 5 && x < 3`, `d > '2024-01-01' && d < '2024-01-02'`), two different required
//!   values or disjoint `in` lists of a text or choice field (`k == 'a' && k in ['b', 'c']`), a
//!   value both required and excluded (`k == 'a' && k != 'a'`), and a bool field required to
//!   be both `true` and `false`.
//!
//! Tautologies over comparisons such as `x > 5 || x <= 5` are *not* constant: when `x` is
//! absent both sides are false.

use std::collections::BTreeMap;

use super::ast::CmpOp;
use super::eval::{Arg, Prog};

/// `Some(b)` when `p` evaluates to `b` on every form.
pub(crate) fn constant(p: &Prog) -> Option<bool> {
    match p {
        Prog::Const(b) => Some(*b),
        Prog::Not(q) => constant(q).map(|b| !b),
        Prog::And(ps) => {
            let values: Vec<Option<bool>> = ps.iter().map(constant).collect();
            if values.contains(&Some(false)) {
                Some(false)
            } else if values.iter().all(|v| *v == Some(true)) {
                Some(true)
            } else {
                let mut items = Vec::new();
                flatten(p, true, &mut items);
                (has_complement(&items) || contradictory(&items)).then_some(false)
            }
        }
        Prog::Or(ps) => {
            let values: Vec<Option<bool>> = ps.iter().map(constant).collect();
            if values.contains(&Some(true)) {
                Some(true)
            } else if values.iter().all(|v| *v == Some(false)) {
                Some(false)
            } else {
                let mut items = Vec::new();
                flatten(p, false, &mut items);
                has_complement(&items).then_some(true)
            }
        }
        _ => None,
    }
}

/// The operands of an `&&` (`and`) or `||` chain, looking through nested chains of the same
/// operator, which mean the same whatever their parentheses.
fn flatten<'p>(p: &'p Prog, and: bool, out: &mut Vec<&'p Prog>) {
    match (p, and) {
        (Prog::And(ps), true) | (Prog::Or(ps), false) => {
            ps.iter().for_each(|q| flatten(q, and, out));
        }
        _ => out.push(p),
    }
}

fn has_complement(items: &[&Prog]) -> bool {
    items.iter().any(|a| {
        items
            .iter()
            .any(|b| matches!(b, Prog::Not(inner) if **inner == **a))
    })
}

/// What an `&&` chain requires of one field.
enum Fact<'p> {
    Range {
        lo: f64,
        lo_in: bool,
        hi: f64,
        hi_in: bool,
        holes: Vec<f64>,
    },
    Set {
        allowed: Option<Vec<&'p str>>,
        excluded: Vec<&'p str>,
    },
}

impl<'p> Fact<'p> {
    fn range() -> Self {
        Fact::Range {
            lo: f64::NEG_INFINITY,
            lo_in: true,
            hi: f64::INFINITY,
            hi_in: true,
            holes: Vec::new(),
        }
    }

    fn set() -> Self {
        Fact::Set {
            allowed: None,
            excluded: Vec::new(),
        }
    }

    fn bound(&mut self, op: CmpOp, v: f64) {
        let Fact::Range {
            lo,
            lo_in,
            hi,
            hi_in,
            holes,
        } = self
        else {
            return;
        };
        let mut raise = |v: f64, inclusive: bool| {
            if v > *lo || (v == *lo && !inclusive) {
                *lo = v;
                *lo_in = inclusive;
            }
        };
        match op {
            CmpOp::Gt => raise(v, false),
            CmpOp::Ge | CmpOp::Eq => raise(v, true),
            _ => {}
        }
        let mut lower = |v: f64, inclusive: bool| {
            if v < *hi || (v == *hi && !inclusive) {
                *hi = v;
                *hi_in = inclusive;
            }
        };
        match op {
            CmpOp::Lt => lower(v, false),
            CmpOp::Le | CmpOp::Eq => lower(v, true),
            CmpOp::Ne => holes.push(v),
            _ => {}
        }
    }

    fn allow(&mut self, values: &[&'p str]) {
        if let Fact::Set { allowed, .. } = self {
            let next = match allowed.take() {
                None => values.to_vec(),
                Some(prev) => prev.into_iter().filter(|v| values.contains(v)).collect(),
            };
            *allowed = Some(next);
        }
    }

    fn exclude(&mut self, value: &'p str) {
        if let Fact::Set { excluded, .. } = self {
            excluded.push(value);
        }
    }

    fn is_empty(&self) -> bool {
        match self {
            Fact::Range {
                lo,
                lo_in,
                hi,
                hi_in,
                holes,
            } => lo > hi || (lo == hi && (!(*lo_in && *hi_in) || holes.contains(lo))),
            Fact::Set { allowed, excluded } => allowed
                .as_ref()
                .is_some_and(|a| a.iter().all(|v| excluded.contains(v))),
        }
    }
}

fn bool_str(b: bool) -> &'static str {
    if b {
        "true"
    } else {
        "false"
    }
}

/// Whether the field facts of an `&&` chain cannot all hold.
fn contradictory(items: &[&Prog]) -> bool {
    let mut facts: BTreeMap<usize, Fact<'_>> = BTreeMap::new();
    for item in items {
        match item {
            Prog::Num(op, a, b) => {
                if let Some((i, op, v)) = field_lit(*op, a, b) {
                    facts.entry(i).or_insert_with(Fact::range).bound(op, *v);
                }
            }
            Prog::Date(op, a, b) => {
                if let Some((i, op, v)) = field_lit(*op, a, b) {
                    // Days are whole: `> d` is `>= d + 1`, which lets `d > x && d < x + 1`
                    // be seen as empty.
                    let v = f64::from(v.days());
                    let (op, v) = match op {
                        CmpOp::Gt => (CmpOp::Ge, v + 1.0),
                        CmpOp::Lt => (CmpOp::Le, v - 1.0),
                        op => (op, v),
                    };
                    facts.entry(i).or_insert_with(Fact::range).bound(op, v);
                }
            }
            Prog::Text(op, a, b) => {
                if let Some((i, op, v)) = field_lit(*op, a, b) {
                    let f = facts.entry(i).or_insert_with(Fact::set);
                    match op {
                        CmpOp::Eq => f.allow(&[&**v]),
                        CmpOp::Ne => f.exclude(v),
                        _ => {}
                    }
                }
            }
            Prog::Bool(op, a, b) => {
                if let Some((i, op, v)) = field_lit(*op, a, b) {
                    // A present bool that is not `v` is `!v`.
                    let wanted = if op == CmpOp::Eq { *v } else { !*v };
                    facts
                        .entry(i)
                        .or_insert_with(Fact::set)
                        .allow(&[bool_str(wanted)]);
                }
            }
            Prog::Flag(i) => facts.entry(*i).or_insert_with(Fact::set).allow(&["true"]),
            Prog::In(i, values) => {
                let values: Vec<&str> = values.iter().map(|v| &**v).collect();
                facts.entry(*i).or_insert_with(Fact::set).allow(&values);
            }
            _ => {}
        }
    }
    facts.values().any(Fact::is_empty)
}

/// A field-versus-literal comparison as `(field, op, literal)` with the field on the left.
fn field_lit<'a, T>(op: CmpOp, a: &'a Arg<T>, b: &'a Arg<T>) -> Option<(usize, CmpOp, &'a T)> {
    match (a, b) {
        (Arg::Field(i), Arg::Lit(v)) => Some((*i, op, v)),
        (Arg::Lit(v), Arg::Field(i)) => Some((*i, op.flipped(), v)),
        _ => None,
    }
}
