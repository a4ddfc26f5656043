//! Recursive descent over the grammar in `docs/policy-format.md`. The nesting depth is counted
//! at every `(` and `!` and checked *before* recursing, so the Rust stack can never grow past
//! [`MAX_DEPTH`] levels whatever the input; together with the size limit this is what makes
//! `((((…` harmless. Syntax errors stop the parse: after one, the rest of the text rarely
//! means what its author intended, so further findings would mostly be noise.

use super::ast::{CmpOp, FieldKind, FieldRef, Literal, MaterialStatus, Node, NodeKind, StatusCall};
use super::diagnostics as d;
use super::lexer::{lex, Tok, Token};
use super::ExprError;

/// The deepest nesting of `(` and `!` a condition may use.
pub const MAX_DEPTH: usize = 32;

/// The tree of `src`, with unresolved fields, or the errors that stop it from parsing.
pub(crate) fn parse(src: &str) -> Result<Node, Vec<ExprError>> {
    let toks = lex(src)?;
    let mut p = Parser {
        toks,
        pos: 0,
        depth: 0,
    };
    if p.peek() == &Tok::Eof {
        return Err(vec![d::empty(0)]);
    }
    let node = p.or().map_err(|e| vec![e])?;
    match p.peek() {
        Tok::Eof => Ok(node),
        t => Err(vec![trailing(p.offset(), t)]),
    }
}

/// The error for a token after a complete condition, which ends neither the input nor a group.
fn trailing(offset: usize, t: &Tok<'_>) -> ExprError {
    let desc = t.describe();
    match t {
        // `and` / `or` get their own hint from `unexpected_after`.
        Tok::Ident(w) if matches!(*w, "and" | "or" | "AND" | "OR") => {
            d::unexpected_after(offset, &desc)
        }
        Tok::Ident(_)
        | Tok::Num(_)
        | Tok::Str(_)
        | Tok::True
        | Tok::False
        | Tok::Has
        | Tok::Bang
        | Tok::LParen => d::missing_operator(offset, &desc),
        _ => d::unexpected_after(offset, &desc),
    }
}

struct Parser<'a> {
    toks: Vec<Token<'a>>,
    pos: usize,
    depth: usize,
}

type PResult = Result<Node, ExprError>;

impl<'a> Parser<'a> {
    fn peek(&self) -> &Tok<'a> {
        self.toks.get(self.pos).map_or(&Tok::Eof, |t| &t.tok)
    }

    fn offset(&self) -> usize {
        self.toks
            .get(self.pos)
            .or_else(|| self.toks.last())
            .map_or(0, |t| t.offset)
    }

    /// Consumes the current token (never moving past `Eof`) and returns it.
    fn bump(&mut self) -> Token<'a> {
        let t = self.toks.get(self.pos).cloned().unwrap_or(Token {
            tok: Tok::Eof,
            offset: self.offset(),
        });
        if t.tok != Tok::Eof {
            self.pos += 1;
        }
        t
    }

    /// The error for finding the current token where `what` was expected after `after`.
    fn expected(&self, what_zh: &str, what_en: &str, after: &Token<'_>) -> ExprError {
        match self.peek() {
            Tok::Eof => d::ends_early(after.offset, &after.tok.describe()),
            t => d::expected_after(
                self.offset(),
                what_zh,
                what_en,
                &after.tok.describe(),
                &t.describe(),
            ),
        }
    }

    fn enter(&mut self, offset: usize) -> Result<(), ExprError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            Err(d::too_deep(offset, MAX_DEPTH))
        } else {
            Ok(())
        }
    }

    fn or(&mut self) -> PResult {
        self.chain(Tok::OrOr, Self::and, NodeKind::Or)
    }

    fn and(&mut self) -> PResult {
        self.chain(Tok::AndAnd, Self::unary, NodeKind::And)
    }

    /// `operand (sep operand)*` as one n-ary node, so `a && b && c` is flat and evaluation
    /// needs no recursion along a chain.
    fn chain(
        &mut self,
        sep: Tok<'static>,
        operand: fn(&mut Self) -> PResult,
        make: fn(Vec<Node>) -> NodeKind,
    ) -> PResult {
        let first = operand(self)?;
        if self.peek() != &sep {
            return Ok(first);
        }
        let offset = self.offset();
        let mut items = vec![first];
        while self.peek() == &sep {
            self.bump();
            items.push(operand(self)?);
        }
        Ok(Node {
            offset,
            kind: make(items),
        })
    }

    fn unary(&mut self) -> PResult {
        if self.peek() != &Tok::Bang {
            return self.cmp();
        }
        let bang = self.bump();
        self.enter(bang.offset)?;
        let operand = self.unary()?;
        self.depth -= 1;
        Ok(Node {
            offset: bang.offset,
            kind: NodeKind::Not(Box::new(operand)),
        })
    }

    fn cmp(&mut self) -> PResult {
        let left = self.primary()?;
        let node = if let Some(op) = cmp_op(self.peek()) {
            let op_tok = self.bump();
            let right = self.primary()?;
            Node {
                offset: op_tok.offset,
                kind: NodeKind::Compare {
                    op,
                    left: Box::new(left),
                    right: Box::new(right),
                },
            }
        } else if self.peek() == &Tok::In {
            self.in_list(left)?
        } else {
            return Ok(left);
        };
        if let Some(op) = cmp_op(self.peek()) {
            return Err(d::chained_comparison(self.offset(), op.as_str()));
        }
        if self.peek() == &Tok::In {
            return Err(d::chained_comparison(self.offset(), "in"));
        }
        Ok(node)
    }

    fn in_list(&mut self, left: Node) -> PResult {
        let in_tok = self.bump();
        if self.peek() != &Tok::LBracket {
            return Err(self.expected("`[`", "`[`", &in_tok));
        }
        let open = self.bump();
        let mut items = Vec::new();
        let mut prev = open.clone();
        loop {
            match self.peek() {
                Tok::Eof => return Err(d::unclosed(open.offset, "[")),
                Tok::Num(_) | Tok::Str(_) | Tok::True | Tok::False => {
                    let t = self.bump();
                    items.push(literal(&t));
                    prev = t;
                }
                _ => return Err(self.expected("一个值", "a value", &prev)),
            }
            match self.peek() {
                Tok::Comma => prev = self.bump(),
                Tok::RBracket => {
                    self.bump();
                    break;
                }
                Tok::Eof => return Err(d::unclosed(open.offset, "[")),
                _ => return Err(self.expected("`,` 或 `]`", "`,` or `]`", &prev)),
            }
        }
        Ok(Node {
            offset: in_tok.offset,
            kind: NodeKind::In {
                left: Box::new(left),
                items,
            },
        })
    }

    fn primary(&mut self) -> PResult {
        match self.peek() {
            Tok::Num(_) | Tok::Str(_) | Tok::True | Tok::False => {
                let t = self.bump();
                Ok(literal(&t))
            }
            Tok::Ident(name) => {
                let name = (*name).to_string();
                if self.toks.get(self.pos + 1).map(|t| &t.tok) == Some(&Tok::LParen) {
                    return self.call(&name);
                }
                let t = self.bump();
                Ok(Node {
                    offset: t.offset,
                    kind: NodeKind::Field(unresolved(name, t.offset)),
                })
            }
            Tok::Has => self.has(),
            Tok::LParen => {
                let open = self.bump();
                self.enter(open.offset)?;
                let inner = self.or()?;
                self.depth -= 1;
                match self.peek() {
                    Tok::RParen => {
                        self.bump();
                        Ok(inner)
                    }
                    Tok::Eof => Err(d::unclosed(open.offset, "(")),
                    t => Err(trailing(self.offset(), t)),
                }
            }
            Tok::Eof => match self.pos.checked_sub(1).and_then(|i| self.toks.get(i)) {
                Some(prev) => Err(d::ends_early(prev.offset, &prev.tok.describe())),
                None => Err(d::empty(0)),
            },
            t => Err(d::expected_value(self.offset(), &t.describe())),
        }
    }

    fn has(&mut self) -> PResult {
        let has = self.bump();
        if self.peek() != &Tok::LParen {
            return Err(self.expected("`(`", "`(`", &has));
        }
        let open = self.bump();
        let name = match self.peek() {
            Tok::Ident(name) => (*name).to_string(),
            _ => return Err(self.expected("字段名", "a field name", &open)),
        };
        let field = self.bump();
        match self.peek() {
            Tok::RParen => {
                self.bump();
            }
            Tok::Eof => return Err(d::unclosed(open.offset, "(")),
            _ => return Err(self.expected("`)`", "`)`", &field)),
        }
        Ok(Node {
            offset: has.offset,
            kind: NodeKind::Has(unresolved(name, field.offset)),
        })
    }
}

impl Parser<'_> {
    /// `name(…)` where `name` is not `has`: a material status test `provided(m)`,
    /// `electronic(m)`, `committed(m)` or `missing(m)`, `m` a bare id or a quoted string (for
    /// ids with `.` or `-`). Any other function name is `unknown_function`.
    fn call(&mut self, name: &str) -> PResult {
        let func = self.bump();
        let Some(status) = MaterialStatus::parse(name) else {
            let known = ["has"]
                .into_iter()
                .chain(MaterialStatus::ALL.iter().map(|m| m.as_str()));
            let suggestion = super::check::closest(name, known);
            return Err(d::unknown_function(func.offset, name, suggestion));
        };
        let open = self.bump();
        let (material, offset) = match self.peek() {
            Tok::Ident(m) => ((*m).to_string(), self.offset()),
            Tok::Str(m) => (m.clone(), self.offset()),
            _ => return Err(self.expected("材料 id", "a material id", &open)),
        };
        let arg = self.bump();
        match self.peek() {
            Tok::RParen => {
                self.bump();
            }
            Tok::Eof => return Err(d::unclosed(open.offset, "(")),
            _ => return Err(self.expected("`)`", "`)`", &arg)),
        }
        Ok(Node {
            offset: func.offset,
            kind: NodeKind::Status(StatusCall {
                status,
                material,
                offset,
                index: 0,
            }),
        })
    }
}

fn unresolved(name: String, offset: usize) -> FieldRef {
    FieldRef {
        name,
        offset,
        index: 0,
        kind: FieldKind::Number,
    }
}

fn cmp_op(t: &Tok<'_>) -> Option<CmpOp> {
    Some(match t {
        Tok::EqEq => CmpOp::Eq,
        Tok::NotEq => CmpOp::Ne,
        Tok::Lt => CmpOp::Lt,
        Tok::Le => CmpOp::Le,
        Tok::Gt => CmpOp::Gt,
        Tok::Ge => CmpOp::Ge,
        _ => return None,
    })
}

/// The literal node for a literal token (callers only pass literal tokens).
fn literal(t: &Token<'_>) -> Node {
    let lit = match &t.tok {
        Tok::Num(n) => Literal::Number(*n),
        Tok::Str(s) => Literal::Str(s.clone()),
        Tok::True => Literal::Bool(true),
        _ => Literal::Bool(false),
    };
    Node {
        offset: t.offset,
        kind: NodeKind::Literal(lit),
    }
}
