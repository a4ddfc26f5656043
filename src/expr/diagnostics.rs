//! Every message the condition language can produce, in one place so the wording is reviewed
//! together. House style: one sentence, lower-case, no final period, user input in backticks,
//! zh-CN first.

use super::ExprError;
use crate::diag::{Code, Message};

fn err(offset: usize, code: Code, zh: String, en: String) -> ExprError {
    ExprError {
        offset,
        code,
        message: Message::new(zh, en),
        help: None,
    }
}

/// `e` with the did-you-mean help for `suggestion`, worded as everywhere else
/// ([`crate::text::suggest::did_you_mean`]).
fn with_suggestion(mut e: ExprError, suggestion: Option<&str>) -> ExprError {
    e.help = suggestion.map(|s| Message::from(crate::text::suggest::help_for(s)));
    e
}

fn syntax(offset: usize, zh: String, en: String) -> ExprError {
    err(offset, Code::Syntax, zh, en)
}

fn mismatch(offset: usize, zh: String, en: String) -> ExprError {
    err(offset, Code::TypeMismatch, zh, en)
}

/// A string value as the language would write it, for messages and token descriptions.
pub(crate) fn quote(s: &str) -> String {
    format!("'{}'", s.replace('\\', "\\\\").replace('\'', "\\'"))
}

// ---- limits ----

pub(crate) fn too_large(len: usize, max: usize) -> ExprError {
    err(
        0,
        Code::TooLarge,
        format!("条件长 {len} 字节，超过上限 {max} 字节"),
        format!("the condition is {len} bytes long, more than the limit of {max}"),
    )
}

pub(crate) fn too_deep(offset: usize, max: usize) -> ExprError {
    err(
        offset,
        Code::TooDeep,
        format!("条件嵌套超过 {max} 层"),
        format!("the condition is nested more than {max} levels deep"),
    )
}

// ---- lexical ----

pub(crate) fn lone_operator(offset: usize, op: &str, meant: &str) -> ExprError {
    syntax(
        offset,
        format!("不能单独使用 `{op}`，请使用 `{meant}`"),
        format!("unexpected `{op}`, use `{meant}`"),
    )
}

pub(crate) fn non_ascii(offset: usize, c: char, word: &str) -> ExprError {
    syntax(
        offset,
        format!("字段名 `{word}` 含有非 ASCII 字符 `{c}`，字段名只能使用英文字母、数字和下划线"),
        format!("the name `{word}` contains the non-ASCII character `{c}`; field names use only ASCII letters, digits and `_`"),
    )
}

/// Full-width punctuation typed with a Chinese input method is the usual culprit; name the
/// ASCII character that was meant.
fn ascii_for(c: char) -> Option<&'static str> {
    Some(match c {
        '（' => "(",
        '）' => ")",
        '【' | '［' => "[",
        '】' | '］' => "]",
        '，' | '、' => ",",
        '＝' => "==",
        '！' => "!",
        '＜' | '《' => "<",
        '＞' | '》' => ">",
        '‘' | '’' => "'",
        '“' | '”' => "\"",
        '\u{3000}' => " ",
        '＆' => "&&",
        '｜' => "||",
        _ => return None,
    })
}

pub(crate) fn unexpected_char(offset: usize, c: char) -> ExprError {
    match ascii_for(c) {
        Some(a) => syntax(
            offset,
            format!("全角字符 `{c}` 无效，请使用半角 `{a}`"),
            format!("unexpected full-width character `{c}`, use `{a}`"),
        ),
        None => syntax(
            offset,
            format!("无效字符 `{c}`"),
            format!("unexpected character `{c}`"),
        ),
    }
}

pub(crate) fn bad_escape(offset: usize, c: char) -> ExprError {
    syntax(
        offset,
        format!("未知的转义 `\\{c}`，只能使用 `\\\\`、`\\'` 和 `\\\"`"),
        format!("unknown escape `\\{c}`; only `\\\\`, `\\'` and `\\\"` are allowed"),
    )
}

pub(crate) fn unclosed_string(offset: usize) -> ExprError {
    syntax(
        offset,
        "字符串缺少结束引号".into(),
        "this string is never closed".into(),
    )
}

pub(crate) fn lone_minus(offset: usize) -> ExprError {
    syntax(
        offset,
        "`-` 只能作为数字的负号".into(),
        "`-` is only allowed as the sign of a number".into(),
    )
}

pub(crate) fn bad_number(offset: usize, text: &str) -> ExprError {
    syntax(
        offset,
        format!("`{text}` 不是有效的数字"),
        format!("`{text}` is not a valid number"),
    )
}

pub(crate) fn number_out_of_range(offset: usize, text: &str) -> ExprError {
    syntax(
        offset,
        format!("数字 `{text}` 超出范围"),
        format!("the number `{text}` is out of range"),
    )
}

// ---- grammar ----

pub(crate) fn empty(offset: usize) -> ExprError {
    syntax(offset, "条件为空".into(), "the condition is empty".into())
}

/// The condition ended where something else was needed; `after` describes the last token.
pub(crate) fn ends_early(offset: usize, after: &str) -> ExprError {
    syntax(
        offset,
        format!("条件在 {after} 之后意外结束"),
        format!("the condition ends unexpectedly after {after}"),
    )
}

pub(crate) fn expected_value(offset: usize, got: &str) -> ExprError {
    let (zh, en) = match got {
        "`and`" | "`AND`" => ("，请使用 `&&`", ", use `&&`"),
        "`or`" | "`OR`" => ("，请使用 `||`", ", use `||`"),
        _ => ("", ""),
    };
    syntax(
        offset,
        format!("此处应为字段、值或括号，而不是 {got}{zh}"),
        format!("expected a field, a value or `(`, found {got}{en}"),
    )
}

pub(crate) fn unexpected_after(offset: usize, got: &str) -> ExprError {
    let (zh, en) = match got {
        "`and`" | "`AND`" => ("，请使用 `&&`", ", use `&&`"),
        "`or`" | "`OR`" => ("，请使用 `||`", ", use `||`"),
        "`)`" => ("，它没有对应的 `(`", ", it has no matching `(`"),
        _ => ("", ""),
    };
    syntax(
        offset,
        format!("此处不应出现 {got}{zh}"),
        format!("unexpected {got}{en}"),
    )
}

/// A value or field directly after a complete condition: an operator is missing.
pub(crate) fn missing_operator(offset: usize, got: &str) -> ExprError {
    syntax(
        offset,
        format!("此处不应出现 {got}，请用 `&&` 或 `||` 连接条件"),
        format!("unexpected {got}, join conditions with `&&` or `||`"),
    )
}

pub(crate) fn chained_comparison(offset: usize, op: &str) -> ExprError {
    syntax(
        offset,
        format!("比较不能连写，请用 `&&` 连接两个比较，而不是再接 `{op}`"),
        format!("comparisons cannot be chained; join two comparisons with `&&` instead of adding `{op}`"),
    )
}

pub(crate) fn unclosed(offset: usize, open: &str) -> ExprError {
    syntax(
        offset,
        format!("`{open}` 缺少对应的结束括号"),
        format!("this `{open}` is never closed"),
    )
}

pub(crate) fn expected_after(
    offset: usize,
    what_zh: &str,
    what_en: &str,
    after: &str,
    got: &str,
) -> ExprError {
    // Chinese text takes a space before inline code, not before ordinary words.
    let sep = if what_zh.starts_with('`') { " " } else { "" };
    syntax(
        offset,
        format!("{after} 之后应为{sep}{what_zh}，而不是 {got}"),
        format!("expected {what_en} after {after}, found {got}"),
    )
}

// ---- types ----

/// How a type reads in a message: (zh, en).
pub(crate) fn type_name(t: &crate::expr::FieldType) -> (&'static str, &'static str) {
    use crate::expr::FieldType;
    match t {
        FieldType::Number => ("数字", "a number"),
        FieldType::String => ("文本", "text"),
        FieldType::Bool => ("是/否", "a yes/no value"),
        FieldType::Date => ("日期", "a date"),
        FieldType::Enum(_) => ("选项", "a choice"),
    }
}

pub(crate) fn unknown_field(offset: usize, name: &str, suggestion: Option<&str>) -> ExprError {
    let e = err(
        offset,
        Code::UnknownFormField,
        format!("未知字段 `{name}`"),
        format!("unknown field `{name}`"),
    );
    with_suggestion(e, suggestion)
}

pub(crate) fn unknown_function(offset: usize, name: &str, suggestion: Option<&str>) -> ExprError {
    let list = "has、provided、electronic、committed、missing";
    let (zh, en) = match suggestion {
        Some(_) => (
            format!("未知函数 `{name}`"),
            format!("unknown function `{name}`"),
        ),
        None => (
            format!("未知函数 `{name}`，可用：{list}"),
            format!(
                "unknown function `{name}`; the functions are {}",
                list.replace('、', ", ")
            ),
        ),
    };
    with_suggestion(err(offset, Code::UnknownFunction, zh, en), suggestion)
}

/// A status test naming no catalogue material; `is_field` when the name is a form field.
pub(crate) fn unknown_material(
    offset: usize,
    name: &str,
    suggestion: Option<&str>,
    is_field: bool,
) -> ExprError {
    let name = quote_id(name);
    let (zh, en) = match (suggestion, is_field) {
        (_, true) => (
            format!("材料目录中没有 `{name}`；它是表单字段，检查是否填写请用 `has({name})`"),
            format!("there is no material `{name}` in the catalogue; it is a form field, test it with `has({name})`"),
        ),
        (_, false) => (
            format!("材料目录中没有 `{name}`"),
            format!("there is no material `{name}` in the catalogue"),
        ),
    };
    let e = err(offset, Code::UnknownMaterial, zh, en);
    with_suggestion(e, suggestion.filter(|_| !is_field))
}

/// An id as the message shows it: cut to 64 characters, no backticks.
fn quote_id(s: &str) -> String {
    s.chars().take(64).collect::<String>().replace('`', "'")
}

pub(crate) fn not_a_condition(offset: usize, what: &str, ty: (&str, &str)) -> ExprError {
    mismatch(
        offset,
        format!("{what} 是{}，不是条件，请与值比较", ty.0),
        format!(
            "{what} is {}, not a condition; compare it with a value",
            ty.1
        ),
    )
}

pub(crate) fn literal_not_condition(offset: usize, what: &str) -> ExprError {
    mismatch(
        offset,
        format!("值 {what} 不是条件"),
        format!("the value {what} is not a condition"),
    )
}

pub(crate) fn compare_conditions(offset: usize, op: &str) -> ExprError {
    mismatch(
        offset,
        format!("`{op}` 只能比较字段和值，不能比较条件；否定条件请使用 `!`"),
        format!("`{op}` compares fields and values, not conditions; use `!` to negate a condition"),
    )
}

pub(crate) fn cannot_compare(
    offset: usize,
    left: &str,
    lt: (&str, &str),
    right: &str,
    rt: (&str, &str),
) -> ExprError {
    mismatch(
        offset,
        format!("{left}（{}）不能与 {right}（{}）比较", lt.0, rt.0),
        format!(
            "{left} ({}) cannot be compared with {right} ({})",
            lt.1, rt.1
        ),
    )
}

pub(crate) fn op_not_for(offset: usize, op: &str, ty: (&str, &str)) -> ExprError {
    mismatch(
        offset,
        format!("`{op}` 不能用于{}，请使用 `==`、`!=` 或 `in`", ty.0),
        format!(
            "`{op}` cannot be used with {}; use `==`, `!=` or `in`",
            ty.1
        ),
    )
}

pub(crate) fn op_not_for_bool(offset: usize, op: &str) -> ExprError {
    mismatch(
        offset,
        format!("`{op}` 不能用于是/否字段，请使用 `==` 或 `!=`"),
        format!("`{op}` cannot be used with a yes/no field; use `==` or `!=`"),
    )
}

pub(crate) fn in_not_for(offset: usize, left: &str, ty: (&str, &str)) -> ExprError {
    mismatch(
        offset,
        format!("`in` 只能用于文本或选项字段，而 {left} 是{}", ty.0),
        format!(
            "`in` works only with text and choice fields, but {left} is {}",
            ty.1
        ),
    )
}

pub(crate) fn not_a_value(
    offset: usize,
    value: &str,
    field: &str,
    allowed: &[String],
    suggestion: Option<&str>,
) -> ExprError {
    let list = allowed.iter().map(|v| format!("`{v}`")).collect::<Vec<_>>();
    let e = mismatch(
        offset,
        format!(
            "{value} 不是 `{field}` 的可选值，可选值为 {}",
            list.join("、")
        ),
        format!(
            "{value} is not a value of `{field}`; allowed values are {}",
            list.join(", ")
        ),
    );
    with_suggestion(e, suggestion)
}

pub(crate) fn bad_date_literal(offset: usize, value: &str, field: &str) -> ExprError {
    mismatch(
        offset,
        format!("{value} 不是有效日期，与日期字段 `{field}` 比较需写成 'YYYY-MM-DD'"),
        format!("{value} is not a real date; compare the date field `{field}` with 'YYYY-MM-DD'"),
    )
}
