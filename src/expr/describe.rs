//! Plain-language rendering of a condition for the published service guide, from the same
//! compiled tree the evaluator uses, so the guide can never say something the form does not do.
//!
//! It reads as a sentence in each language: `项目类型为商业项目或住宅项目`,
//! `申请用电报装且用电报装容量（千瓦）大于 160`, `未填写统一社会信用代码`; `Project type is
//! Commercial or Residential`. A yes/no field stands alone when it must be yes and reads
//! `…为否` / `… is no` when it must be no. Chinese text has no spaces except before a number or
//! date; nested chains of the other operator are bracketed.

use super::ast::{CmpOp, FieldKind, FieldRef, Literal, MaterialStatus, Node, NodeKind};

/// Where the guide gets human names for fields and enum values (usually from the policy's
/// labels). Implemented by the caller because `expr` knows nothing of policies.
pub trait Describe {
    /// The label of field `index` in `locale` (its id when it has none).
    fn field_label(&self, index: usize, locale: &str) -> String;
    /// The label of `value` of the enum field `index` in `locale` (the value itself when it
    /// has none).
    fn value_label(&self, index: usize, value: &str, locale: &str) -> String;
    /// The name of catalogue material `index` (id `id`) in `locale`; by default the id.
    fn material_label(&self, index: usize, id: &str, locale: &str) -> String {
        let _ = (index, locale);
        id.to_string()
    }
}

/// The phrases of one language.
struct Words {
    en: bool,
}

impl Words {
    fn op(&self, op: CmpOp, date: bool) -> &'static str {
        match (self.en, date, op) {
            (false, _, CmpOp::Eq) => "为",
            (false, _, CmpOp::Ne) => "不为",
            (false, false, CmpOp::Gt) => "大于",
            (false, false, CmpOp::Lt) => "小于",
            (false, false, CmpOp::Ge) => "不小于",
            (false, false, CmpOp::Le) => "不大于",
            (false, true, CmpOp::Gt) => "晚于",
            (false, true, CmpOp::Lt) => "早于",
            (false, true, CmpOp::Ge) => "不早于",
            (false, true, CmpOp::Le) => "不晚于",
            (true, _, CmpOp::Eq) => "is",
            (true, _, CmpOp::Ne) => "is not",
            (true, false, CmpOp::Gt) => "is greater than",
            (true, false, CmpOp::Lt) => "is less than",
            (true, false, CmpOp::Ge) => "is at least",
            (true, false, CmpOp::Le) => "is at most",
            (true, true, CmpOp::Gt) => "is after",
            (true, true, CmpOp::Lt) => "is before",
            (true, true, CmpOp::Ge) => "is on or after",
            (true, true, CmpOp::Le) => "is on or before",
        }
    }
    fn yes_no(&self, b: bool) -> &'static str {
        match (self.en, b) {
            (false, true) => "是",
            (false, false) => "否",
            (true, true) => "yes",
            (true, false) => "no",
        }
    }
    fn and(&self) -> &'static str {
        if self.en {
            " and "
        } else {
            "且"
        }
    }
    fn or(&self) -> &'static str {
        if self.en {
            " or "
        } else {
            "或"
        }
    }
    /// Between a comparison word and its operand: a space in English, and in Chinese only
    /// before a number or a date.
    fn gap(&self, operand: &Node) -> &'static str {
        let numeric = match &operand.kind {
            NodeKind::Literal(Literal::Number(_)) => true,
            NodeKind::Literal(Literal::Str(s)) => s.starts_with(|c: char| c.is_ascii_digit()),
            _ => false,
        };
        if self.en || numeric {
            " "
        } else {
            ""
        }
    }
    fn parens(&self) -> (&'static str, &'static str) {
        if self.en {
            ("(", ")")
        } else {
            ("（", "）")
        }
    }
    fn not(&self) -> &'static str {
        if self.en {
            "not "
        } else {
            "并非"
        }
    }
}

/// Whether `locale` is English; everything else reads zh-CN, like [`crate::diag::Message::get`].
fn is_en(locale: &str) -> bool {
    crate::text::Locale::parse(locale).is_en()
}

pub(crate) fn describe(node: &Node, names: &dyn Describe, locale: &str) -> String {
    let mut r = Renderer {
        names,
        locale,
        w: Words { en: is_en(locale) },
        out: String::new(),
    };
    r.node(node, None);
    r.out
}

struct Renderer<'a> {
    names: &'a dyn Describe,
    locale: &'a str,
    w: Words,
    out: String,
}

/// Which chain a node sits in, to decide whether it needs parentheses.
#[derive(Clone, Copy, PartialEq)]
enum Chain {
    And,
    Or,
}

impl Renderer<'_> {
    fn node(&mut self, n: &Node, parent: Option<Chain>) {
        match &n.kind {
            NodeKind::Literal(Literal::Bool(b)) => {
                let s = match (self.w.en, b) {
                    (false, true) => "总是",
                    (false, false) => "从不",
                    (true, true) => "always",
                    (true, false) => "never",
                };
                self.out.push_str(s);
            }
            NodeKind::Literal(lit) => {
                let s = self.plain(lit);
                self.out.push_str(&s);
            }
            NodeKind::Field(f) => {
                // Only bool fields stand alone in a compiled condition: "yes" is the label.
                self.field(f);
            }
            NodeKind::Has(f) => {
                if self.w.en {
                    self.field(f);
                    self.out.push_str(" is filled in");
                } else {
                    self.out.push_str("已填写");
                    self.field(f);
                }
            }
            NodeKind::Status(c) => {
                let name = self.names.material_label(c.index, &c.material, self.locale);
                let s = match (self.w.en, c.status) {
                    (false, MaterialStatus::Provided) => format!("“{name}”已提交"),
                    (false, MaterialStatus::Electronic) => format!("“{name}”以电子证照提供"),
                    (false, MaterialStatus::Committed) => format!("“{name}”以告知承诺方式提供"),
                    (false, MaterialStatus::Missing) => format!("“{name}”未提交"),
                    (true, MaterialStatus::Provided) => format!("{name} is provided"),
                    (true, MaterialStatus::Electronic) => {
                        format!("{name} is taken from an electronic licence")
                    }
                    (true, MaterialStatus::Committed) => {
                        format!("{name} is replaced by a signed commitment")
                    }
                    (true, MaterialStatus::Missing) => format!("{name} is missing"),
                };
                self.out.push_str(&s);
            }
            // A yes/no field that must be no; a field that must be empty.
            NodeKind::Not(inner) if matches!(inner.kind, NodeKind::Field(_)) => {
                if let NodeKind::Field(f) = &inner.kind {
                    self.field(f);
                    self.out.push_str(if self.w.en { " is no" } else { "为否" });
                }
            }
            NodeKind::Not(inner) if matches!(inner.kind, NodeKind::Has(_)) => {
                if let NodeKind::Has(f) = &inner.kind {
                    if self.w.en {
                        self.field(f);
                        self.out.push_str(" is not filled in");
                    } else {
                        self.out.push_str("未填写");
                        self.field(f);
                    }
                }
            }
            NodeKind::Not(inner) => {
                let (open, close) = self.w.parens();
                self.out.push_str(self.w.not());
                self.out.push_str(open);
                self.node(inner, None);
                self.out.push_str(close);
            }
            NodeKind::And(items) => self.chain(items, Chain::And, parent),
            NodeKind::Or(items) => self.chain(items, Chain::Or, parent),
            NodeKind::Compare { op, left, right } => self.compare(*op, left, right),
            NodeKind::In { left, items } => self.in_list(left, items),
        }
    }

    /// A chain inside a chain of the other operator is parenthesised, so `a && (b || c)` can
    /// never be read as `(a && b) || c`; a chain inside the same operator needs none.
    fn chain(&mut self, items: &[Node], this: Chain, parent: Option<Chain>) {
        let wrap = parent.is_some_and(|p| p != this);
        let (open, close) = self.w.parens();
        if wrap {
            self.out.push_str(open);
        }
        let sep = match this {
            Chain::And => self.w.and(),
            Chain::Or => self.w.or(),
        };
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                self.out.push_str(sep);
            }
            self.node(item, Some(this));
        }
        if wrap {
            self.out.push_str(close);
        }
    }

    fn field(&mut self, f: &FieldRef) {
        let label = self.names.field_label(f.index, self.locale);
        self.out.push_str(&label);
    }

    fn compare(&mut self, op: CmpOp, left: &Node, right: &Node) {
        // Put the field first: `160 < x` reads as "x is greater than 160".
        let (op, left, right) = match (&left.kind, &right.kind) {
            (NodeKind::Literal(_), NodeKind::Field(_)) => (op.flipped(), right, left),
            _ => (op, left, right),
        };
        let (field, date) = match &left.kind {
            NodeKind::Field(f) => (Some(f), f.kind == FieldKind::Date),
            _ => (None, false),
        };
        // A yes/no field compared with yes or no reads as "is yes" / "is no".
        if let (NodeKind::Literal(Literal::Bool(b)), CmpOp::Eq | CmpOp::Ne) = (&right.kind, op) {
            let yes = *b == (op == CmpOp::Eq);
            self.operand(left, None);
            self.out.push_str(match (self.w.en, yes) {
                (false, true) => "为是",
                (false, false) => "为否",
                (true, true) => " is yes",
                (true, false) => " is no",
            });
            return;
        }
        self.operand(left, None);
        if self.w.en {
            self.out.push(' ');
        }
        self.out.push_str(self.w.op(op, date));
        self.out.push_str(self.w.gap(right));
        self.operand(right, field);
    }

    /// `项目类型为工业、商业或住宅` / `project type is industrial, commercial or residential`.
    fn in_list(&mut self, left: &Node, items: &[Node]) {
        let field = match &left.kind {
            NodeKind::Field(f) => Some(f),
            _ => None,
        };
        self.operand(left, None);
        self.out.push_str(if self.w.en { " is " } else { "为" });
        if let Some(first) = items.first() {
            self.out
                .push_str(if self.w.en { "" } else { self.w.gap(first) });
        }
        let last = items.len().saturating_sub(1);
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                self.out.push_str(match (self.w.en, i == last) {
                    (false, false) => "、",
                    (false, true) => "或",
                    (true, false) => ", ",
                    (true, true) => " or ",
                });
            }
            self.operand(item, field);
        }
    }

    /// A field by its label, or a literal as a value of `field` (enum values by their label).
    fn operand(&mut self, n: &Node, field: Option<&FieldRef>) {
        match &n.kind {
            NodeKind::Field(f) => self.field(f),
            NodeKind::Literal(Literal::Str(s)) => match field.map(|f| (f.kind, f.index)) {
                Some((FieldKind::Enum, index)) => {
                    let label = self.names.value_label(index, s, self.locale);
                    self.out.push_str(&label);
                }
                Some((FieldKind::Date, _)) => self.out.push_str(s),
                _ => {
                    let (open, close) = if self.w.en {
                        ("\"", "\"")
                    } else {
                        ("“", "”")
                    };
                    self.out.push_str(open);
                    self.out.push_str(s);
                    self.out.push_str(close);
                }
            },
            NodeKind::Literal(lit) => {
                let s = self.plain(lit);
                self.out.push_str(&s);
            }
            // The checker admits only fields and literals as operands.
            _ => self.node(n, None),
        }
    }

    fn plain(&self, lit: &Literal) -> String {
        match lit {
            Literal::Bool(b) => self.w.yes_no(*b).to_string(),
            Literal::Number(n) => n.to_string(),
            Literal::Str(s) => s.clone(),
        }
    }
}
