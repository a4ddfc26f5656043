//! The byte encoding of compiled conditions (published policies): the syntax tree (for
//! `because`, the guide and `targets()`' wording) and the evaluation form, as compiled — a
//! published policy is never parsed or checked again.

use super::ast::{CmpOp, FieldKind, FieldRef, Literal, MaterialStatus, Node, NodeKind, StatusCall};
use super::eval::{Arg, Prog};
use super::{Expr, FieldType};
use crate::date::Date;
use crate::wire::{wire_enum, wire_struct, Bad, Reader, Wire};

wire_enum!(MaterialStatus {
    Provided,
    Electronic,
    Committed,
    Missing
});
wire_enum!(FieldKind {
    Number,
    String,
    Bool,
    Date,
    Enum
});
wire_enum!(CmpOp {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge
});
wire_struct!(FieldRef {
    name,
    offset,
    index,
    kind
});
wire_struct!(StatusCall {
    status,
    material,
    offset,
    index
});
wire_struct!(Node { offset, kind });
wire_struct!(Expr {
    ast,
    prog,
    fields,
    materials,
    constant
});

impl Wire for Date {
    fn put(&self, w: &mut Vec<u8>) {
        self.days().put(w);
    }
    fn get(r: &mut Reader<'_>) -> Result<Self, Bad> {
        let d = i32::get(r)?;
        Date::from_days(d).map_or_else(|| r.bad("a date"), Ok)
    }
}

impl Wire for FieldType {
    fn put(&self, w: &mut Vec<u8>) {
        match self {
            FieldType::Number => w.push(0),
            FieldType::String => w.push(1),
            FieldType::Bool => w.push(2),
            FieldType::Date => w.push(3),
            FieldType::Enum(values) => {
                w.push(4);
                values.put(w);
            }
        }
    }
    fn get(r: &mut Reader<'_>) -> Result<Self, Bad> {
        Ok(match r.tag(5, "a field type")? {
            0 => FieldType::Number,
            1 => FieldType::String,
            2 => FieldType::Bool,
            3 => FieldType::Date,
            _ => FieldType::Enum(Wire::get(r)?),
        })
    }
}

impl Wire for Literal {
    fn put(&self, w: &mut Vec<u8>) {
        match self {
            Literal::Bool(b) => {
                w.push(0);
                b.put(w);
            }
            Literal::Number(n) => {
                w.push(1);
                n.put(w);
            }
            Literal::Str(s) => {
                w.push(2);
                s.put(w);
            }
        }
    }
    fn get(r: &mut Reader<'_>) -> Result<Self, Bad> {
        Ok(match r.tag(3, "a literal")? {
            0 => Literal::Bool(Wire::get(r)?),
            1 => Literal::Number(Wire::get(r)?),
            _ => Literal::Str(Wire::get(r)?),
        })
    }
}

impl Wire for NodeKind {
    fn put(&self, w: &mut Vec<u8>) {
        match self {
            NodeKind::Literal(l) => {
                w.push(0);
                l.put(w);
            }
            NodeKind::Field(f) => {
                w.push(1);
                f.put(w);
            }
            NodeKind::Has(f) => {
                w.push(2);
                f.put(w);
            }
            NodeKind::Status(s) => {
                w.push(3);
                s.put(w);
            }
            NodeKind::Not(n) => {
                w.push(4);
                n.put(w);
            }
            NodeKind::And(ns) => {
                w.push(5);
                ns.put(w);
            }
            NodeKind::Or(ns) => {
                w.push(6);
                ns.put(w);
            }
            NodeKind::Compare { op, left, right } => {
                w.push(7);
                op.put(w);
                left.put(w);
                right.put(w);
            }
            NodeKind::In { left, items } => {
                w.push(8);
                left.put(w);
                items.put(w);
            }
        }
    }
    fn get(r: &mut Reader<'_>) -> Result<Self, Bad> {
        let t = r.tag(9, "a condition node")?;
        r.nested(|r| {
            Ok(match t {
                0 => NodeKind::Literal(Wire::get(r)?),
                1 => NodeKind::Field(Wire::get(r)?),
                2 => NodeKind::Has(Wire::get(r)?),
                3 => NodeKind::Status(Wire::get(r)?),
                4 => NodeKind::Not(Wire::get(r)?),
                5 => NodeKind::And(Wire::get(r)?),
                6 => NodeKind::Or(Wire::get(r)?),
                7 => NodeKind::Compare {
                    op: Wire::get(r)?,
                    left: Wire::get(r)?,
                    right: Wire::get(r)?,
                },
                _ => NodeKind::In {
                    left: Wire::get(r)?,
                    items: Wire::get(r)?,
                },
            })
        })
    }
}

impl<T: Wire> Wire for Arg<T> {
    fn put(&self, w: &mut Vec<u8>) {
        match self {
            Arg::Field(i) => {
                w.push(0);
                i.put(w);
            }
            Arg::Lit(v) => {
                w.push(1);
                v.put(w);
            }
        }
    }
    fn get(r: &mut Reader<'_>) -> Result<Self, Bad> {
        Ok(match r.tag(2, "a comparison side")? {
            0 => Arg::Field(Wire::get(r)?),
            _ => Arg::Lit(Wire::get(r)?),
        })
    }
}

impl Wire for Prog {
    fn put(&self, w: &mut Vec<u8>) {
        fn cmp<T: Wire>(w: &mut Vec<u8>, tag: u8, op: &CmpOp, a: &T, b: &T) {
            w.push(tag);
            op.put(w);
            a.put(w);
            b.put(w);
        }
        match self {
            Prog::Const(b) => {
                w.push(0);
                b.put(w);
            }
            Prog::Flag(i) => {
                w.push(1);
                i.put(w);
            }
            Prog::Has(i) => {
                w.push(2);
                i.put(w);
            }
            Prog::Status(s, i) => {
                w.push(3);
                s.put(w);
                i.put(w);
            }
            Prog::Not(p) => {
                w.push(4);
                p.put(w);
            }
            Prog::And(ps) => {
                w.push(5);
                ps.put(w);
            }
            Prog::Or(ps) => {
                w.push(6);
                ps.put(w);
            }
            Prog::Num(op, a, b) => cmp(w, 7, op, a, b),
            Prog::Date(op, a, b) => cmp(w, 8, op, a, b),
            Prog::Text(op, a, b) => cmp(w, 9, op, a, b),
            Prog::Bool(op, a, b) => cmp(w, 10, op, a, b),
            Prog::In(i, items) => {
                w.push(11);
                i.put(w);
                items.put(w);
            }
        }
    }
    fn get(r: &mut Reader<'_>) -> Result<Self, Bad> {
        let t = r.tag(12, "a condition step")?;
        r.nested(|r| {
            Ok(match t {
                0 => Prog::Const(Wire::get(r)?),
                1 => Prog::Flag(Wire::get(r)?),
                2 => Prog::Has(Wire::get(r)?),
                3 => Prog::Status(Wire::get(r)?, Wire::get(r)?),
                4 => Prog::Not(Wire::get(r)?),
                5 => Prog::And(Wire::get(r)?),
                6 => Prog::Or(Wire::get(r)?),
                7 => Prog::Num(Wire::get(r)?, Wire::get(r)?, Wire::get(r)?),
                8 => Prog::Date(Wire::get(r)?, Wire::get(r)?, Wire::get(r)?),
                9 => Prog::Text(Wire::get(r)?, Wire::get(r)?, Wire::get(r)?),
                10 => Prog::Bool(Wire::get(r)?, Wire::get(r)?, Wire::get(r)?),
                _ => Prog::In(Wire::get(r)?, Wire::get(r)?),
            })
        })
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    #[test]
    fn conditions_round_trip() {
        struct S;
        impl crate::expr::Schema for S {
            fn lookup(&self, name: &str) -> Option<(usize, &FieldType)> {
                match name {
                    "a" => Some((0, &FieldType::Number)),
                    "b" => Some((1, &FieldType::Bool)),
                    _ => None,
                }
            }
            fn names(&self) -> Vec<&str> {
                vec!["a", "b"]
            }
        }
        let e = crate::expr::compile("!(a > 3 && b) || has(a) || a == 2 || b != true", &S)
            .expect("compiles");
        let mut w = Vec::new();
        e.put(&mut w);
        let back = Expr::get(&mut Reader::new(&w)).unwrap();
        assert_eq!(back, e);
    }

    #[test]
    fn forged_deep_nesting_is_refused_not_a_stack_overflow() {
        // 100,000 nested `!` (tag 4) in both forms.
        let deep = vec![4u8; 100_000];
        let e = Prog::get(&mut Reader::new(&deep)).unwrap_err();
        assert_eq!(e.expected, "values nested less deeply");
        let mut node = vec![0u8];
        node.extend(std::iter::repeat_n(4u8, 100_000));
        let e = Node::get(&mut Reader::new(&node)).unwrap_err();
        assert!(
            e.expected.contains("nested") || e.expected.contains("data"),
            "{e:?}"
        );
    }
}
