//! Type checking against a [`Schema`]: resolves every field in the tree and builds the
//! evaluation form. Unlike syntax errors, type errors are independent of each other, so the
//! checker keeps going and reports all of them; an operand that already failed (an unknown
//! field) is not reported again by the comparison around it.

use super::ast::{CmpOp, FieldKind, FieldRef, Literal, Node, NodeKind};
use super::diagnostics::{self as d, quote, type_name};
use super::eval::{Arg, Prog};
use super::{ExprError, FieldType, Schema};
use crate::date::Date;

/// Resolves the fields of `node` in place and returns its evaluation form, or every error.
pub(crate) fn check(node: &mut Node, schema: &dyn Schema) -> Result<Prog, Vec<ExprError>> {
    let mut c = Checker {
        schema,
        errors: Vec::new(),
    };
    let prog = c.cond(node);
    match prog {
        Some(p) if c.errors.is_empty() => Ok(p),
        _ => {
            crate::sorting::sort_by_key(&mut c.errors, |e| e.offset);
            Err(c.errors)
        }
    }
}

struct Checker<'s> {
    schema: &'s dyn Schema,
    errors: Vec<ExprError>,
}

/// A resolved comparison operand.
enum Operand<'s> {
    Field {
        offset: usize,
        index: usize,
        name: String,
        ty: &'s FieldType,
    },
    Lit {
        offset: usize,
        lit: Literal,
    },
}

/// Why an operand is unusable.
enum Bad {
    /// Its own error has been reported already.
    Reported,
    /// It is a condition (`has(x)`, `(a && b)` …), which cannot be compared.
    Condition,
}

impl Operand<'_> {
    fn offset(&self) -> usize {
        match self {
            Operand::Field { offset, .. } | Operand::Lit { offset, .. } => *offset,
        }
    }
    fn show(&self) -> String {
        match self {
            Operand::Field { name, .. } => format!("`{name}`"),
            Operand::Lit { lit, .. } => show_lit(lit),
        }
    }
    fn type_name(&self) -> (&'static str, &'static str) {
        match self {
            Operand::Field { ty, .. } => type_name(ty),
            Operand::Lit { lit, .. } => lit_type_name(lit),
        }
    }
}

fn show_lit(lit: &Literal) -> String {
    match lit {
        Literal::Bool(b) => format!("`{b}`"),
        Literal::Number(n) => format!("`{n}`"),
        Literal::Str(s) => format!("`{}`", quote(s)),
    }
}

fn lit_type_name(lit: &Literal) -> (&'static str, &'static str) {
    match lit {
        Literal::Bool(_) => type_name(&FieldType::Bool),
        Literal::Number(_) => type_name(&FieldType::Number),
        Literal::Str(_) => type_name(&FieldType::String),
    }
}

fn kind_of(t: &FieldType) -> FieldKind {
    match t {
        FieldType::Number => FieldKind::Number,
        FieldType::String => FieldKind::String,
        FieldType::Bool => FieldKind::Bool,
        FieldType::Date => FieldKind::Date,
        FieldType::Enum(_) => FieldKind::Enum,
    }
}

impl<'s> Checker<'s> {
    /// Resolves a field reference in place; reports an unknown name with a suggestion.
    fn resolve(&mut self, f: &mut FieldRef) -> Option<(usize, &'s FieldType)> {
        let schema = self.schema;
        match schema.lookup(&f.name) {
            Some((index, ty)) => {
                f.index = index;
                f.kind = kind_of(ty);
                Some((index, ty))
            }
            None => {
                let suggestion = suggest_field(&f.name, schema.names());
                self.errors
                    .push(d::unknown_field(f.offset, &f.name, suggestion.as_deref()));
                None
            }
        }
    }

    /// `n` where a condition is expected.
    fn cond(&mut self, n: &mut Node) -> Option<Prog> {
        let offset = n.offset;
        match &mut n.kind {
            NodeKind::Literal(Literal::Bool(b)) => Some(Prog::Const(*b)),
            NodeKind::Literal(lit) => {
                self.errors
                    .push(d::literal_not_condition(offset, &show_lit(lit)));
                None
            }
            NodeKind::Field(f) => {
                let (index, ty) = self.resolve(f)?;
                if *ty == FieldType::Bool {
                    Some(Prog::Flag(index))
                } else {
                    let what = format!("`{}`", f.name);
                    self.errors
                        .push(d::not_a_condition(offset, &what, type_name(ty)));
                    None
                }
            }
            NodeKind::Has(f) => self.resolve(f).map(|(i, _)| Prog::Has(i)),
            NodeKind::Not(inner) => self.cond(inner).map(|p| Prog::Not(Box::new(p))),
            NodeKind::And(items) => self.all(items).map(Prog::And),
            NodeKind::Or(items) => self.all(items).map(Prog::Or),
            NodeKind::Compare { op, left, right } => {
                let op = *op;
                let l = self.operand(left);
                let r = self.operand(right);
                match (l, r) {
                    (Ok(l), Ok(r)) => self.compare(offset, op, l, r),
                    (Err(Bad::Condition), _) | (_, Err(Bad::Condition)) => {
                        self.errors.push(d::compare_conditions(offset, op.as_str()));
                        None
                    }
                    _ => None,
                }
            }
            NodeKind::In { left, items } => match self.operand(left) {
                Ok(l) => self.in_list(offset, l, items),
                Err(Bad::Condition) => {
                    self.errors.push(d::compare_conditions(offset, "in"));
                    None
                }
                Err(Bad::Reported) => None,
            },
        }
    }

    /// Checks every item (so every error is found) and keeps the result only if all passed.
    fn all(&mut self, items: &mut [Node]) -> Option<Vec<Prog>> {
        let progs: Vec<Option<Prog>> = items.iter_mut().map(|n| self.cond(n)).collect();
        progs.into_iter().collect()
    }

    fn operand(&mut self, n: &mut Node) -> Result<Operand<'s>, Bad> {
        let offset = n.offset;
        match &mut n.kind {
            NodeKind::Literal(lit) => Ok(Operand::Lit {
                offset,
                lit: lit.clone(),
            }),
            NodeKind::Field(f) => match self.resolve(f) {
                Some((index, ty)) => Ok(Operand::Field {
                    offset,
                    index,
                    name: f.name.clone(),
                    ty,
                }),
                None => Err(Bad::Reported),
            },
            _ => {
                // Still look inside, so errors within the misplaced condition are reported too.
                self.cond(n);
                Err(Bad::Condition)
            }
        }
    }

    fn compare(&mut self, at: usize, op: CmpOp, l: Operand<'s>, r: Operand<'s>) -> Option<Prog> {
        match (l, r) {
            (Operand::Lit { lit: a, .. }, Operand::Lit { lit: b, offset }) => {
                self.literals(at, op, &a, &b, offset)
            }
            (f @ Operand::Field { .. }, Operand::Lit { offset, lit }) => {
                self.field_literal(at, op, f, offset, lit)
            }
            (Operand::Lit { offset, lit }, f @ Operand::Field { .. }) => {
                self.field_literal(at, op.flipped(), f, offset, lit)
            }
            (l, r) => self.fields(at, op, l, r),
        }
    }

    /// Two literals: legal when their types agree, and folded to a constant right away.
    fn literals(
        &mut self,
        at: usize,
        op: CmpOp,
        a: &Literal,
        b: &Literal,
        b_offset: usize,
    ) -> Option<Prog> {
        let ordering = match (a, b) {
            (Literal::Number(x), Literal::Number(y)) => x.partial_cmp(y),
            (Literal::Str(x), Literal::Str(y)) if op.is_equality() => x.partial_cmp(y),
            (Literal::Bool(x), Literal::Bool(y)) if op.is_equality() => x.partial_cmp(y),
            (Literal::Str(_), Literal::Str(_)) => {
                self.errors
                    .push(d::op_not_for(at, op.as_str(), lit_type_name(a)));
                return None;
            }
            (Literal::Bool(_), Literal::Bool(_)) => {
                self.errors.push(d::op_not_for_bool(at, op.as_str()));
                return None;
            }
            _ => {
                self.errors.push(d::cannot_compare(
                    b_offset,
                    &show_lit(a),
                    lit_type_name(a),
                    &show_lit(b),
                    lit_type_name(b),
                ));
                return None;
            }
        };
        Some(Prog::Const(op.holds(ordering)))
    }

    fn field_literal(
        &mut self,
        at: usize,
        op: CmpOp,
        f: Operand<'s>,
        lit_offset: usize,
        lit: Literal,
    ) -> Option<Prog> {
        let Operand::Field {
            index, name, ty, ..
        } = &f
        else {
            return None;
        };
        let index = *index;

        match (*ty, lit) {
            (FieldType::Number, Literal::Number(v)) => {
                Some(Prog::Num(op, Arg::Field(index), Arg::Lit(v)))
            }
            (FieldType::Date, Literal::Str(s)) => match Date::parse(&s) {
                Some(day) => Some(Prog::Date(op, Arg::Field(index), Arg::Lit(day))),
                None => {
                    self.errors.push(d::bad_date_literal(
                        lit_offset,
                        &format!("`{}`", quote(&s)),
                        name,
                    ));
                    None
                }
            },
            (FieldType::String, Literal::Str(s)) => {
                let op_ok = self.equality_only(at, op, ty);
                op_ok.then(|| Prog::Text(op, Arg::Field(index), Arg::Lit(s.into())))
            }
            (FieldType::Enum(values), Literal::Str(s)) => {
                let op_ok = self.equality_only(at, op, ty);
                let value_ok = self.enum_value(lit_offset, &s, name, values);
                (op_ok && value_ok).then(|| Prog::Text(op, Arg::Field(index), Arg::Lit(s.into())))
            }
            (FieldType::Bool, Literal::Bool(b)) => {
                if op.is_equality() {
                    Some(Prog::Bool(op, Arg::Field(index), Arg::Lit(b)))
                } else {
                    self.errors.push(d::op_not_for_bool(at, op.as_str()));
                    None
                }
            }
            (_, lit) => {
                self.errors.push(d::cannot_compare(
                    lit_offset,
                    &f.show(),
                    f.type_name(),
                    &show_lit(&lit),
                    lit_type_name(&lit),
                ));
                None
            }
        }
    }

    fn fields(&mut self, at: usize, op: CmpOp, l: Operand<'s>, r: Operand<'s>) -> Option<Prog> {
        let (
            Operand::Field {
                index: a, ty: ta, ..
            },
            Operand::Field {
                index: b, ty: tb, ..
            },
        ) = (&l, &r)
        else {
            return None;
        };
        let (a, b, ta, tb) = (*a, *b, *ta, *tb);
        match (ta, tb) {
            (FieldType::Number, FieldType::Number) => {
                Some(Prog::Num(op, Arg::Field(a), Arg::Field(b)))
            }
            (FieldType::Date, FieldType::Date) => {
                Some(Prog::Date(op, Arg::Field(a), Arg::Field(b)))
            }
            (FieldType::String, FieldType::String) | (FieldType::Enum(_), FieldType::Enum(_)) => {
                let ok = self.equality_only(at, op, ta);
                ok.then_some(Prog::Text(op, Arg::Field(a), Arg::Field(b)))
            }
            (FieldType::Bool, FieldType::Bool) if op.is_equality() => {
                Some(Prog::Bool(op, Arg::Field(a), Arg::Field(b)))
            }
            (FieldType::Bool, FieldType::Bool) => {
                self.errors.push(d::op_not_for_bool(at, op.as_str()));
                None
            }
            _ => {
                self.errors.push(d::cannot_compare(
                    r.offset(),
                    &l.show(),
                    l.type_name(),
                    &r.show(),
                    r.type_name(),
                ));
                None
            }
        }
    }

    /// Text and choices only support `==` and `!=`; reports anything else.
    fn equality_only(&mut self, at: usize, op: CmpOp, ty: &FieldType) -> bool {
        if !op.is_equality() {
            self.errors
                .push(d::op_not_for(at, op.as_str(), type_name(ty)));
        }
        op.is_equality()
    }

    fn enum_value(&mut self, offset: usize, value: &str, field: &str, values: &[String]) -> bool {
        if values.iter().any(|v| v == value) {
            return true;
        }
        let suggestion = closest(value, values.iter().map(String::as_str));
        self.errors.push(d::not_a_value(
            offset,
            &format!("`{}`", quote(value)),
            field,
            values,
            suggestion,
        ));
        false
    }

    fn in_list(&mut self, at: usize, left: Operand<'s>, items: &[Node]) -> Option<Prog> {
        let values = match &left {
            Operand::Field {
                ty: FieldType::Enum(values),
                ..
            } => Some(values.as_slice()),
            Operand::Field {
                ty: FieldType::String,
                ..
            }
            | Operand::Lit {
                lit: Literal::Str(_),
                ..
            } => None,
            _ => {
                self.errors
                    .push(d::in_not_for(at, &left.show(), left.type_name()));
                return None;
            }
        };
        let mut ok = true;
        let mut texts: Vec<Box<str>> = Vec::with_capacity(items.len());
        for item in items {
            match &item.kind {
                NodeKind::Literal(Literal::Str(s)) => {
                    if let (Some(values), Operand::Field { name, .. }) = (values, &left) {
                        ok &= self.enum_value(item.offset, s, name, values);
                    }
                    texts.push(s.as_str().into());
                }
                NodeKind::Literal(lit) => {
                    ok = false;
                    self.errors.push(d::cannot_compare(
                        item.offset,
                        &left.show(),
                        left.type_name(),
                        &show_lit(lit),
                        lit_type_name(lit),
                    ));
                }
                _ => ok = false,
            }
        }
        if !ok {
            return None;
        }
        match left {
            Operand::Field { index, .. } => Some(Prog::In(index, texts.into_boxed_slice())),
            Operand::Lit {
                lit: Literal::Str(s),
                ..
            } => Some(Prog::Const(texts.iter().any(|t| **t == *s))),
            Operand::Lit { .. } => None,
        }
    }
}

/// The field name the author probably meant: a case-insensitive near miss, or `true` /
/// `false` typed with capitals.
fn suggest_field(name: &str, mut names: Vec<&str>) -> Option<String> {
    if name.eq_ignore_ascii_case("true") || name.eq_ignore_ascii_case("false") {
        return Some(name.to_ascii_lowercase());
    }
    // Sorted, so that ties resolve the same way whatever order the schema lists its fields in.
    crate::sorting::sort_by(&mut names, |a, b| a.cmp(b));
    closest(name, names.into_iter()).map(str::to_string)
}

/// The candidate nearest to `word`: the crate's one did-you-mean rule.
pub(crate) fn closest<'a>(
    word: &str,
    candidates: impl Iterator<Item = &'a str>,
) -> Option<&'a str> {
    crate::text::suggest::suggest(word, candidates)
}
