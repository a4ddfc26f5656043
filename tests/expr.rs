//! The condition language, driven by tables: each concern has one helper and a list of cases,
//! so adding a case is adding a line.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use intake_rules::expr::{
    compile, Describe, Expr, ExprError, FieldType, Form, NodeKind, Schema, Value, MAX_DEPTH,
};
use intake_rules::Date;
use proptest::prelude::*;

// ---- a counting allocator, to show that evaluation never allocates ----

thread_local! {
    static ALLOCS: Cell<usize> = const { Cell::new(0) };
}

struct Counting;

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let _ = ALLOCS.try_with(|c| c.set(c.get() + 1));
        System.alloc(layout)
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        System.dealloc(ptr, layout)
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn allocations_during(f: impl FnOnce()) -> usize {
    let before = ALLOCS.with(Cell::get);
    f();
    ALLOCS.with(Cell::get) - before
}

// ---- the test schema and forms ----

const CAP: usize = 0;
const KIND: usize = 1;
const USCC: usize = 2;
const EXT: usize = 3;
const START: usize = 4;
const AREA: usize = 5;
const END: usize = 6;
const OTHER_KIND: usize = 7;

struct TestSchema(Vec<(&'static str, FieldType)>);

fn schema() -> TestSchema {
    let kinds = ["industrial", "commercial", "residential", "small_micro"];
    TestSchema(vec![
        ("capacity_kva", FieldType::Number),
        (
            "project_kind",
            FieldType::Enum(kinds.iter().map(|s| s.to_string()).collect()),
        ),
        ("uscc", FieldType::String),
        ("needs_external_works", FieldType::Bool),
        ("start_date", FieldType::Date),
        ("floor_area", FieldType::Number),
        ("end_date", FieldType::Date),
        (
            "previous_kind",
            FieldType::Enum(kinds.iter().map(|s| s.to_string()).collect()),
        ),
    ])
}

impl Schema for TestSchema {
    fn lookup(&self, name: &str) -> Option<(usize, &FieldType)> {
        self.0
            .iter()
            .enumerate()
            .find(|(_, (n, _))| *n == name)
            .map(|(i, (_, t))| (i, t))
    }
    fn names(&self) -> Vec<&str> {
        // Deliberately not sorted: suggestions must not depend on the schema's order.
        self.0.iter().rev().map(|(n, _)| *n).collect()
    }
}

#[derive(Clone, Debug)]
enum V {
    N(f64),
    S(&'static str),
    B(bool),
    D(&'static str),
}

#[derive(Clone, Debug, Default)]
struct TestForm(Vec<Option<V>>);

impl TestForm {
    fn with(mut self, index: usize, v: V) -> Self {
        if self.0.len() <= index {
            self.0.resize(index + 1, None);
        }
        self.0[index] = Some(v);
        self
    }
}

impl Form for TestForm {
    fn get(&self, index: usize) -> Option<Value<'_>> {
        Some(match self.0.get(index)?.as_ref()? {
            V::N(n) => Value::Number(*n),
            V::S(s) => Value::Str(s),
            V::B(b) => Value::Bool(*b),
            V::D(d) => Value::Date(Date::parse(d)?),
        })
    }
}

/// Every field present.
fn full() -> TestForm {
    TestForm::default()
        .with(CAP, V::N(200.0))
        .with(KIND, V::S("industrial"))
        .with(USCC, V::S("91350100M000100Y43"))
        .with(EXT, V::B(true))
        .with(START, V::D("2024-06-01"))
        .with(AREA, V::N(200.0))
        .with(END, V::D("2024-07-01"))
        .with(OTHER_KIND, V::S("commercial"))
}

fn empty() -> TestForm {
    TestForm::default()
}

fn ok(src: &str) -> Expr {
    match compile(src, &schema()) {
        Ok(e) => e,
        Err(errs) => panic!("`{src}` should compile, got {errs:#?}"),
    }
}

fn errors(src: &str) -> Vec<ExprError> {
    match compile(src, &schema()) {
        Ok(_) => panic!("`{src}` should not compile"),
        Err(errs) => errs,
    }
}

/// `(code, offset)` of every error.
fn codes(src: &str) -> Vec<(&'static str, usize)> {
    errors(src)
        .iter()
        .map(|e| (e.code.as_str(), e.offset))
        .collect()
}

// ---- syntax ----

#[test]
fn syntax_errors_have_code_and_offset() {
    let cases: &[(&str, &[(&str, usize)])] = &[
        ("", &[("syntax", 0)]),
        ("   ", &[("syntax", 0)]),
        ("uscc == 'abc", &[("syntax", 8)]),
        ("uscc == \"abc", &[("syntax", 8)]),
        ("uscc == 'a\\nb'", &[("syntax", 10)]),
        ("capacity_kva = 5", &[("syntax", 13)]),
        ("needs_external_works & has(uscc)", &[("syntax", 21)]),
        ("needs_external_works | has(uscc)", &[("syntax", 21)]),
        ("capacity_kva > 5 &&", &[("syntax", 17)]),
        ("capacity_kva > 5 ||", &[("syntax", 17)]),
        ("(capacity_kva > 5", &[("syntax", 0)]),
        ("capacity_kva > 5)", &[("syntax", 16)]),
        ("((capacity_kva > 5)", &[("syntax", 0)]),
        ("()", &[("syntax", 1)]),
        ("容量 > 5", &[("syntax", 0)]),
        ("cap容量 > 5", &[("syntax", 3)]),
        (
            "capacity_kva > 5 && 名称 == 'x' && 容量 > 1",
            &[("syntax", 20), ("syntax", 37)],
        ),
        ("（capacity_kva > 5）", &[("syntax", 0), ("syntax", 19)]),
        ("capacity_kva > 1e999", &[("syntax", 15)]),
        ("capacity_kva > -1e999", &[("syntax", 15)]),
        ("capacity_kva > 5kva", &[("syntax", 15)]),
        ("capacity_kva > 1.2.3", &[("syntax", 15)]),
        ("capacity_kva > 1.", &[("syntax", 15)]),
        ("capacity_kva > - 5", &[("syntax", 15)]),
        ("capacity_kva > 1 > 0", &[("syntax", 17)]),
        ("capacity_kva > 5 needs_external_works", &[("syntax", 17)]),
        (
            "capacity_kva > 5 and needs_external_works",
            &[("syntax", 17)],
        ),
        ("project_kind in 'industrial'", &[("syntax", 16)]),
        ("project_kind in ['industrial'", &[("syntax", 16)]),
        ("project_kind in []", &[("syntax", 17)]),
        ("project_kind in ['industrial',]", &[("syntax", 30)]),
        (
            "project_kind in ['industrial' 'commercial']",
            &[("syntax", 30)],
        ),
        ("project_kind in [uscc]", &[("syntax", 17)]),
        ("has uscc", &[("syntax", 4)]),
        ("has()", &[("syntax", 4)]),
        ("has('uscc')", &[("syntax", 4)]),
        ("has(uscc", &[("syntax", 3)]),
        ("has(uscc needs_external_works)", &[("syntax", 9)]),
        ("!", &[("syntax", 0)]),
        ("capacity_kva >", &[("syntax", 13)]),
        ("# comment", &[("syntax", 0)]),
        ("capacity_kva > 5 ; true", &[("syntax", 17)]),
    ];
    for (src, want) in cases {
        assert_eq!(codes(src), *want, "{src}");
    }
}

#[test]
fn syntax_messages_are_helpful_and_bilingual() {
    let cases: &[(&str, &str, &str)] = &[
        (
            "capacity_kva = 5",
            "unexpected `=`, use `==`",
            "请使用 `==`",
        ),
        ("needs_external_works & true", "use `&&`", "`&&`"),
        ("needs_external_works | true", "use `||`", "`||`"),
        (
            "uscc == 'abc",
            "this string is never closed",
            "字符串缺少结束引号",
        ),
        ("", "the condition is empty", "条件为空"),
        (
            "容量 > 5",
            "the name `容量` contains the non-ASCII character `容`",
            "非 ASCII",
        ),
        (
            "（x）",
            "unexpected full-width character `（`, use `(`",
            "半角 `(`",
        ),
        (
            "capacity_kva > 1e999",
            "the number `1e999` is out of range",
            "超出范围",
        ),
        (
            "capacity_kva > 5 &&",
            "the condition ends unexpectedly after `&&`",
            "意外结束",
        ),
        (
            "(capacity_kva > 5",
            "this `(` is never closed",
            "缺少对应的结束括号",
        ),
        (
            "capacity_kva > 5)",
            "unexpected `)`, it has no matching `(`",
            "没有对应的 `(`",
        ),
        (
            "capacity_kva > 1 > 0",
            "comparisons cannot be chained",
            "不能连写",
        ),
        (
            "capacity_kva > 5 and true",
            "unexpected `and`, use `&&`",
            "请使用 `&&`",
        ),
        ("uscc == 'a\\nb'", "unknown escape `\\n`", "未知的转义"),
        (
            "capacity_kva > 5 needs_external_works",
            "unexpected `needs_external_works`, join conditions with `&&` or `||`",
            "请用 `&&` 或 `||` 连接条件",
        ),
        (
            "has uscc",
            "expected `(` after `has`, found `uscc`",
            "`has` 之后应为 `(`，而不是 `uscc`",
        ),
        (
            "uscc in []",
            "expected a value after `[`, found `]`",
            "`[` 之后应为一个值，而不是 `]`",
        ),
    ];
    for (src, en, zh) in cases {
        let errs = errors(src);
        let m = &errs[0].message;
        assert!(m.en.contains(en), "{src}: {}", m.en);
        assert!(m.zh.contains(zh), "{src}: {}", m.zh);
        for text in [&m.en, &m.zh] {
            assert!(!text.ends_with('.') && !text.ends_with('。'), "{text}");
        }
        assert!(
            m.en.starts_with(|c: char| !c.is_ascii_uppercase()),
            "{}",
            m.en
        );
    }
}

#[test]
fn strings_and_escapes() {
    let cases: &[(&str, bool)] = &[
        (r#"uscc == "91350100M000100Y43""#, true),
        (r"uscc == '91350100M000100Y43'", true),
        (r"uscc == 'it\'s'", false),
        (r#"uscc == "say \"hi\"""#, false),
        (r"uscc == 'back\\slash'", false),
        (r#"uscc != "it's""#, true),
        (r"uscc == '统一代码'", false),
    ];
    for (src, want) in cases {
        assert_eq!(ok(src).eval(&full()), *want, "{src}");
    }
    let with = |s: &'static str| TestForm::default().with(USCC, V::S(s));
    assert!(ok(r"uscc == 'it\'s'").eval(&with("it's")));
    assert!(ok(r#"uscc == "say \"hi\"""#).eval(&with("say \"hi\"")));
    assert!(ok(r"uscc == 'back\\slash'").eval(&with("back\\slash")));
    assert!(ok(r"uscc == '统一代码'").eval(&with("统一代码")));
}

// ---- limits ----

#[test]
fn size_and_depth_limits() {
    let huge = "(".repeat(100 * 1024);
    assert_eq!(codes(&huge), [("too_large", 0)]);
    let big = format!("capacity_kva > {}", "1".repeat(5000));
    assert_eq!(codes(&big), [("too_large", 0)]);
    assert_eq!(codes(&"(".repeat(10_000)), [("too_large", 0)]);
    // Under the size limit, deep nesting is stopped by the depth limit, never by the stack.
    assert_eq!(codes(&"(".repeat(4000)), [("too_deep", MAX_DEPTH)]);
    assert_eq!(codes(&"!".repeat(4000)), [("too_deep", MAX_DEPTH)]);

    let nested = |n: usize| format!("{}capacity_kva > 5{}", "(".repeat(n), ")".repeat(n));
    assert!(compile(&nested(MAX_DEPTH), &schema()).is_ok());
    assert_eq!(codes(&nested(MAX_DEPTH + 1)), [("too_deep", MAX_DEPTH)]);
    let nots = |n: usize| format!("{}needs_external_works", "!".repeat(n));
    assert!(compile(&nots(MAX_DEPTH), &schema()).is_ok());
    assert_eq!(codes(&nots(MAX_DEPTH + 1)), [("too_deep", MAX_DEPTH)]);
    let mixed = |n: usize| format!("{}needs_external_works{}", "!(".repeat(n), ")".repeat(n));
    assert!(compile(&mixed(MAX_DEPTH / 2), &schema()).is_ok());
    assert_eq!(codes(&mixed(MAX_DEPTH / 2 + 1)), [("too_deep", 32)]);

    // Exactly at the size limit is fine; one more byte is not.
    let pad = |n: usize| format!("capacity_kva > 5{}", " ".repeat(n - 16));
    assert!(compile(&pad(4096), &schema()).is_ok());
    assert_eq!(codes(&pad(4097)), [("too_large", 0)]);
    // A long flat chain is not nesting.
    let chain = vec!["needs_external_works"; 150].join(" && ");
    assert!(chain.len() <= 4096);
    assert!(ok(&chain).eval(&full()));
}

#[test]
fn nan_and_infinity_are_just_unknown_names() {
    for (src, offset) in [
        ("capacity_kva > NaN", 15),
        ("capacity_kva < Infinity", 15),
        ("capacity_kva > inf", 15),
    ] {
        assert_eq!(codes(src), [("unknown_form_field", offset)], "{src}");
    }
    assert_eq!(codes("capacity_kva > -Infinity"), [("syntax", 15)]);
}

// ---- types ----

#[test]
fn type_errors_have_code_and_offset() {
    let cases: &[(&str, &[(&str, usize)])] = &[
        ("capacity_kva", &[("type_mismatch", 0)]),
        ("uscc", &[("type_mismatch", 0)]),
        ("5", &[("type_mismatch", 0)]),
        ("'x'", &[("type_mismatch", 0)]),
        ("capacity_kva > '5'", &[("type_mismatch", 15)]),
        ("capacity_kva == true", &[("type_mismatch", 16)]),
        ("'5' < capacity_kva", &[("type_mismatch", 0)]),
        ("uscc > 'a'", &[("type_mismatch", 5)]),
        ("uscc == 5", &[("type_mismatch", 8)]),
        ("project_kind == 'resident'", &[("type_mismatch", 16)]),
        ("project_kind < 'industrial'", &[("type_mismatch", 13)]),
        (
            "project_kind < 'x'",
            &[("type_mismatch", 13), ("type_mismatch", 15)],
        ),
        (
            "project_kind in ['industrial', 'farm', 'shop']",
            &[("type_mismatch", 31), ("type_mismatch", 39)],
        ),
        (
            "project_kind in ['industrial', 5]",
            &[("type_mismatch", 31)],
        ),
        ("capacity_kva in [1, 2]", &[("type_mismatch", 13)]),
        ("start_date in ['2024-01-01']", &[("type_mismatch", 11)]),
        ("needs_external_works > false", &[("type_mismatch", 21)]),
        ("needs_external_works == 1", &[("type_mismatch", 24)]),
        ("start_date > '2024-02-30'", &[("type_mismatch", 13)]),
        ("start_date > '2024-2-1'", &[("type_mismatch", 13)]),
        ("start_date > 20240101", &[("type_mismatch", 13)]),
        ("capacity_kva == uscc", &[("type_mismatch", 16)]),
        ("start_date < capacity_kva", &[("type_mismatch", 13)]),
        ("project_kind == uscc", &[("type_mismatch", 16)]),
        ("project_kind < previous_kind", &[("type_mismatch", 13)]),
        (
            "needs_external_works < needs_external_works",
            &[("type_mismatch", 21)],
        ),
        ("has(uscc) == true", &[("type_mismatch", 10)]),
        ("(capacity_kva > 1) == false", &[("type_mismatch", 19)]),
        ("has(uscc) in ['a']", &[("type_mismatch", 10)]),
        ("1 == '1'", &[("type_mismatch", 5)]),
        ("'a' < 'b'", &[("type_mismatch", 4)]),
        ("true < false", &[("type_mismatch", 5)]),
        ("5 in ['a']", &[("type_mismatch", 2)]),
        ("!capacity_kva", &[("type_mismatch", 1)]),
        // Independent errors are all reported, in source order.
        (
            "capacity_kva > 'a' || uscc < 'b' || project_kind == 'x' || caapcity_kva > 1",
            &[
                ("type_mismatch", 15),
                ("type_mismatch", 27),
                ("type_mismatch", 52),
                ("unknown_form_field", 59),
            ],
        ),
        (
            "(capacity_kva && uscc) || !start_date",
            &[
                ("type_mismatch", 1),
                ("type_mismatch", 17),
                ("type_mismatch", 27),
            ],
        ),
        // An unknown field is reported once, not again by the comparison around it.
        ("nope > 'x'", &[("unknown_form_field", 0)]),
        ("nope in ['x']", &[("unknown_form_field", 0)]),
        (
            "has(nope) == 1",
            &[("unknown_form_field", 4), ("type_mismatch", 10)],
        ),
        (
            "(nope > 1) == true",
            &[("unknown_form_field", 1), ("type_mismatch", 11)],
        ),
    ];
    for (src, want) in cases {
        assert_eq!(codes(src), *want, "{src}");
    }
}

#[test]
fn type_messages_name_the_problem() {
    let cases: &[(&str, &str, &str)] = &[
        (
            "project_kind == 'resident'",
            "`'resident'` is not a value of `project_kind`; allowed values are `industrial`, `commercial`, `residential`, `small_micro` (did you mean `residential`?)",
            "`'resident'` 不是 `project_kind` 的可选值，可选值为 `industrial`、`commercial`、`residential`、`small_micro`（是否应为 `residential`？）",
        ),
        (
            "project_kind == 'farm'",
            "`'farm'` is not a value of `project_kind`; allowed values are `industrial`, `commercial`, `residential`, `small_micro`",
            "`'farm'` 不是 `project_kind` 的可选值，可选值为 `industrial`、`commercial`、`residential`、`small_micro`",
        ),
        (
            "capacity_kva > '5'",
            "`capacity_kva` (a number) cannot be compared with `'5'` (text)",
            "`capacity_kva`（数字）不能与 `'5'`（文本）比较",
        ),
        (
            "uscc > 'a'",
            "`>` cannot be used with text; use `==`, `!=` or `in`",
            "`>` 不能用于文本，请使用 `==`、`!=` 或 `in`",
        ),
        (
            "start_date > '2024-02-30'",
            "`'2024-02-30'` is not a real date; compare the date field `start_date` with 'YYYY-MM-DD'",
            "`'2024-02-30'` 不是有效日期，与日期字段 `start_date` 比较需写成 'YYYY-MM-DD'",
        ),
        (
            "capacity_kva",
            "`capacity_kva` is a number, not a condition; compare it with a value",
            "`capacity_kva` 是数字，不是条件，请与值比较",
        ),
        (
            "has(uscc) == true",
            "`==` compares fields and values, not conditions; use `!` to negate a condition",
            "`==` 只能比较字段和值，不能比较条件；否定条件请使用 `!`",
        ),
        (
            "capacity_kva in [1]",
            "`in` works only with text and choice fields, but `capacity_kva` is a number",
            "`in` 只能用于文本或选项字段，而 `capacity_kva` 是数字",
        ),
        (
            "needs_external_works > false",
            "`>` cannot be used with a yes/no field; use `==` or `!=`",
            "`>` 不能用于是/否字段，请使用 `==` 或 `!=`",
        ),
    ];
    for (src, en, zh) in cases {
        let errs = errors(src);
        let (got_en, got_zh) = with_help(&errs[0]);
        assert_eq!(got_en, *en, "{src}");
        assert_eq!(got_zh, *zh, "{src}");
    }
}

/// A condition error's message with its help, as a one-line diagnostic shows it: (en, zh-CN).
fn with_help(e: &intake_rules::expr::ExprError) -> (String, String) {
    match &e.help {
        None => (e.message.en.clone(), e.message.zh.clone()),
        Some(h) => (
            format!("{} ({})", e.message.en, h.en),
            format!("{}（{}）", e.message.zh, h.zh),
        ),
    }
}

#[test]
fn unknown_fields_suggest_near_misses() {
    let cases: &[(&str, Option<&str>)] = &[
        ("capcity_kva > 1", Some("capacity_kva")),
        ("capacity_kav > 1", Some("capacity_kva")),
        ("Capacity_KVA > 1", Some("capacity_kva")),
        ("project_knd == 'industrial'", Some("project_kind")),
        ("usc == 'x'", Some("uscc")),
        ("needs_external_work", Some("needs_external_works")),
        ("has(strat_date)", Some("start_date")),
        ("TRUE", Some("true")),
        ("weather == 'sunny'", None),
        ("x > 1", None),
    ];
    for (src, want) in cases {
        let errs = errors(src);
        assert_eq!(errs.len(), 1, "{src}");
        assert_eq!(errs[0].code.as_str(), "unknown_form_field", "{src}");
        let (en, zh) = with_help(&errs[0]);
        match want {
            Some(s) => {
                let help = errs[0].help.as_ref().expect("a help");
                assert_eq!(help.en, format!("did you mean `{s}`?"));
                assert_eq!(help.zh, format!("是否应为 `{s}`？"));
                assert!(en.ends_with(&format!("(did you mean `{s}`?)")), "{en}");
                assert!(zh.ends_with(&format!("（是否应为 `{s}`？）")), "{zh}");
            }
            None => {
                assert!(errs[0].help.is_none(), "{src}");
                assert!(!en.contains("did you mean"), "{en}");
                assert!(en.starts_with("unknown field `"), "{en}");
            }
        }
    }
    // The message itself names the problem only; the suggestion is the separate help.
    let e = &errors("capcity_kva > 160")[0];
    assert_eq!(e.message.en, "unknown field `capcity_kva`");
    assert_eq!(
        with_help(e).0,
        "unknown field `capcity_kva` (did you mean `capacity_kva`?)"
    );
}

// ---- evaluation ----

#[test]
fn every_operator_with_present_and_absent_fields() {
    // (condition, on the full form, on the empty form)
    let cases: &[(&str, bool, bool)] = &[
        ("true", true, true),
        ("false", false, false),
        ("capacity_kva > 160", true, false),
        ("capacity_kva > 200", false, false),
        ("capacity_kva >= 200", true, false),
        ("capacity_kva < 200", false, false),
        ("capacity_kva <= 200", true, false),
        ("capacity_kva == 200", true, false),
        ("capacity_kva == 2e2", true, false),
        ("capacity_kva == 200.0", true, false),
        ("capacity_kva != 200", false, false),
        ("capacity_kva != 5", true, false),
        ("capacity_kva > -4", true, false),
        ("160 < capacity_kva", true, false),
        ("200 <= capacity_kva", true, false),
        ("201 <= capacity_kva", false, false),
        ("capacity_kva == floor_area", true, false),
        ("capacity_kva < floor_area", false, false),
        ("project_kind == 'industrial'", true, false),
        ("project_kind == \"industrial\"", true, false),
        ("project_kind != 'industrial'", false, false),
        ("project_kind != 'commercial'", true, false),
        ("'industrial' == project_kind", true, false),
        ("project_kind in ['industrial', 'commercial']", true, false),
        (
            "project_kind in ['residential', 'small_micro']",
            false,
            false,
        ),
        ("project_kind == previous_kind", false, false),
        ("project_kind != previous_kind", true, false),
        ("uscc == '91350100M000100Y43'", true, false),
        ("uscc != '91350100M000100Y43'", false, false),
        ("uscc in ['x', '91350100M000100Y43']", true, false),
        ("uscc == uscc", true, false),
        ("needs_external_works", true, false),
        ("needs_external_works == true", true, false),
        ("needs_external_works == false", false, false),
        ("needs_external_works != false", true, false),
        ("needs_external_works != true", false, false),
        ("true == needs_external_works", true, false),
        ("start_date == '2024-06-01'", true, false),
        ("start_date != '2024-06-01'", false, false),
        ("start_date > '2024-05-31'", true, false),
        ("start_date > '2024-06-01'", false, false),
        ("start_date >= '2024-06-01'", true, false),
        ("start_date < '2024-06-02'", true, false),
        ("start_date <= '2024-05-31'", false, false),
        ("start_date < end_date", true, false),
        ("end_date <= start_date", false, false),
        ("has(capacity_kva)", true, false),
        ("has(needs_external_works)", true, false),
        ("!has(uscc)", false, true),
        // `!` negates the boolean result, so a negated comparison holds when the field is absent.
        ("!(capacity_kva > 160)", false, true),
        ("!(capacity_kva == 1)", true, true),
        ("!needs_external_works", false, true),
        ("!!needs_external_works", true, false),
        ("capacity_kva > 160 && needs_external_works", true, false),
        ("capacity_kva > 160 && !needs_external_works", false, false),
        ("capacity_kva > 1000 || needs_external_works", true, false),
        ("capacity_kva > 1000 || !has(uscc)", false, true),
        (
            "has(uscc) && (capacity_kva > 1000 || project_kind == 'industrial')",
            true,
            false,
        ),
        (
            "(has(uscc) && capacity_kva > 1000) || project_kind == 'industrial'",
            true,
            false,
        ),
        (
            "!has(uscc) || capacity_kva > 1000 && project_kind == 'industrial'",
            false,
            true,
        ),
        ("1 < 2", true, true),
        ("'a' == 'a'", true, true),
        ("'a' in ['b', 'c']", false, false),
        ("true != false", true, true),
    ];
    for (src, on_full, on_empty) in cases {
        let e = ok(src);
        assert_eq!(e.eval(&full()), *on_full, "{src} on the full form");
        assert_eq!(e.eval(&empty()), *on_empty, "{src} on the empty form");
    }
}

#[test]
fn precedence_and_associativity() {
    let t = TestForm::default().with(EXT, V::B(true));
    let cases: &[(&str, bool)] = &[
        // && binds tighter than ||.
        ("true || true && false", true),
        ("(true || true) && false", false),
        ("false && false || true", true),
        ("!false && false", false),
        ("!(false && false)", true),
        ("needs_external_works && !has(uscc)", true),
        (
            "  needs_external_works\n\t&&\r\nhas(needs_external_works) ",
            true,
        ),
    ];
    for (src, want) in cases {
        assert_eq!(ok(src).eval(&t), *want, "{src}");
    }
}

#[test]
fn values_of_the_wrong_type_count_as_absent() {
    // A form should never do this; if it does, conditions are false rather than panicking.
    let wrong = TestForm::default()
        .with(CAP, V::S("200"))
        .with(KIND, V::N(1.0))
        .with(EXT, V::S("yes"))
        .with(START, V::N(3.0));
    for src in [
        "capacity_kva > 1",
        "capacity_kva != 1",
        "project_kind == 'industrial'",
        "project_kind != 'industrial'",
        "project_kind in ['industrial']",
        "needs_external_works",
        "needs_external_works != true",
        "start_date != '2024-01-01'",
    ] {
        assert!(!ok(src).eval(&wrong), "{src}");
    }
    let nan = TestForm::default().with(CAP, V::N(f64::NAN));
    for src in ["capacity_kva > 1", "capacity_kva != 1", "capacity_kva == 1"] {
        assert!(!ok(src).eval(&nan), "{src}");
    }
}

#[test]
fn evaluation_does_not_allocate() {
    let e = ok(
        "has(uscc) && (capacity_kva > 160 || project_kind in ['industrial', 'commercial']) \
         && start_date >= '2024-01-01' && uscc != 'x' && needs_external_works == true \
         && !(end_date < start_date)",
    );
    let form = full();
    let mut result = false;
    assert_eq!(allocations_during(|| result = e.eval(&form)), 0);
    assert!(result);
}

// ---- fields, constants, ast ----

#[test]
fn fields_are_sorted_and_unique() {
    let cases: &[(&str, &[usize])] = &[
        ("true", &[]),
        ("1 < 2", &[]),
        ("capacity_kva > 1", &[CAP]),
        (
            "start_date < end_date && capacity_kva > 1 || has(capacity_kva)",
            &[CAP, START, END],
        ),
        (
            "needs_external_works && project_kind in ['industrial'] && has(uscc)",
            &[KIND, USCC, EXT],
        ),
    ];
    for (src, want) in cases {
        assert_eq!(ok(src).fields(), *want, "{src}");
    }
}

#[test]
fn constants_are_detected_where_decidable() {
    let cases: &[(&str, Option<bool>)] = &[
        ("true", Some(true)),
        ("false", Some(false)),
        ("!false", Some(true)),
        ("1 < 2", Some(true)),
        ("'a' != 'a'", Some(false)),
        ("capacity_kva > 1 || true", Some(true)),
        ("capacity_kva > 1 && false", Some(false)),
        ("capacity_kva > 5 && capacity_kva < 3", Some(false)),
        ("capacity_kva > 5 && capacity_kva <= 5", Some(false)),
        ("capacity_kva >= 5 && capacity_kva <= 5", None),
        (
            "capacity_kva >= 5 && capacity_kva <= 5 && capacity_kva != 5",
            Some(false),
        ),
        ("capacity_kva == 1 && capacity_kva == 2", Some(false)),
        ("3 > capacity_kva && capacity_kva > 5", Some(false)),
        (
            "capacity_kva > 5 && (has(uscc) && capacity_kva < 3)",
            Some(false),
        ),
        ("!(capacity_kva > 5 && capacity_kva < 3)", Some(true)),
        (
            "start_date > '2024-01-01' && start_date < '2024-01-02'",
            Some(false),
        ),
        (
            "start_date > '2024-01-01' && start_date < '2024-01-03'",
            None,
        ),
        (
            "project_kind == 'industrial' && project_kind == 'commercial'",
            Some(false),
        ),
        (
            "project_kind == 'industrial' && project_kind != 'industrial'",
            Some(false),
        ),
        (
            "project_kind in ['industrial'] && project_kind in ['commercial', 'residential']",
            Some(false),
        ),
        (
            "project_kind in ['industrial', 'commercial'] && project_kind != 'commercial'",
            None,
        ),
        (
            "needs_external_works && needs_external_works == false",
            Some(false),
        ),
        (
            "needs_external_works == true && needs_external_works != true",
            Some(false),
        ),
        ("needs_external_works || !needs_external_works", Some(true)),
        ("needs_external_works && !needs_external_works", Some(false)),
        ("has(uscc) || capacity_kva > 1 || !has(uscc)", Some(true)),
        ("capacity_kva > 5 || !(capacity_kva > 5)", Some(true)),
        // Absent fields make these depend on the form.
        ("capacity_kva > 5 || capacity_kva <= 5", None),
        ("capacity_kva > 5", None),
        ("capacity_kva > 5 && capacity_kva < 10", None),
        (
            "capacity_kva < floor_area && capacity_kva > floor_area",
            None,
        ),
    ];
    for (src, want) in cases {
        assert_eq!(ok(src).constant(), *want, "{src}");
        if let Some(b) = want {
            assert_eq!(ok(src).eval(&full()), *b, "{src} on the full form");
            assert_eq!(ok(src).eval(&empty()), *b, "{src} on the empty form");
        }
    }
}

#[test]
fn the_tree_is_public_with_offsets_and_resolved_fields() {
    let e = ok("has(uscc) && 160 < capacity_kva");
    let root = e.ast();
    assert_eq!(root.offset, 10);
    let NodeKind::And(items) = &root.kind else {
        panic!("{root:?}")
    };
    assert_eq!(items[0].offset, 0);
    let NodeKind::Has(f) = &items[0].kind else {
        panic!()
    };
    assert_eq!((f.name.as_str(), f.index), ("uscc", USCC));
    let NodeKind::Compare { left, right, .. } = &items[1].kind else {
        panic!()
    };
    assert_eq!((items[1].offset, left.offset, right.offset), (17, 13, 19));
    let mut fields = Vec::new();
    root.walk(&mut |n| {
        if let NodeKind::Field(f) = &n.kind {
            fields.push((f.name.clone(), f.index));
        }
    });
    assert_eq!(fields, [("capacity_kva".to_string(), CAP)]);
}

// ---- plain language ----

struct Labels;

impl Describe for Labels {
    fn field_label(&self, index: usize, locale: &str) -> String {
        let (zh, en) = match index {
            CAP => ("报装容量(kVA)", "capacity (kVA)"),
            KIND => ("项目类型", "project kind"),
            USCC => ("统一社会信用代码", "unified social credit code"),
            EXT => ("需要外线工程", "external works needed"),
            START => ("开工日期", "start date"),
            AREA => ("建筑面积", "floor area"),
            END => ("竣工日期", "completion date"),
            _ => ("原项目类型", "previous project kind"),
        };
        if locale == "en" { en } else { zh }.to_string()
    }
    fn value_label(&self, _index: usize, value: &str, locale: &str) -> String {
        let (zh, en) = match value {
            "industrial" => ("工业", "industrial"),
            "commercial" => ("商业", "commercial"),
            "residential" => ("居民", "residential"),
            "small_micro" => ("小微企业", "small and micro business"),
            other => (other, other),
        };
        if locale == "en" { en } else { zh }.to_string()
    }
}

#[test]
fn describes_every_operator_in_both_locales() {
    let cases: &[(&str, &str, &str)] = &[
        (
            "capacity_kva > 160",
            "报装容量(kVA)大于 160",
            "capacity (kVA) is greater than 160",
        ),
        (
            "capacity_kva < 160",
            "报装容量(kVA)小于 160",
            "capacity (kVA) is less than 160",
        ),
        (
            "capacity_kva <= 160",
            "报装容量(kVA)不大于 160",
            "capacity (kVA) is at most 160",
        ),
        (
            "capacity_kva >= 1.5",
            "报装容量(kVA)不小于 1.5",
            "capacity (kVA) is at least 1.5",
        ),
        (
            "capacity_kva == 2e3",
            "报装容量(kVA)为 2000",
            "capacity (kVA) is 2000",
        ),
        (
            "capacity_kva != -4",
            "报装容量(kVA)不为 -4",
            "capacity (kVA) is not -4",
        ),
        (
            "160 < capacity_kva",
            "报装容量(kVA)大于 160",
            "capacity (kVA) is greater than 160",
        ),
        (
            "capacity_kva > floor_area",
            "报装容量(kVA)大于建筑面积",
            "capacity (kVA) is greater than floor area",
        ),
        (
            "project_kind == 'residential'",
            "项目类型为居民",
            "project kind is residential",
        ),
        (
            "project_kind != 'small_micro'",
            "项目类型不为小微企业",
            "project kind is not small and micro business",
        ),
        (
            "project_kind in ['industrial', 'commercial']",
            "项目类型为工业或商业",
            "project kind is industrial or commercial",
        ),
        (
            "uscc == 'abc'",
            "统一社会信用代码为“abc”",
            "unified social credit code is \"abc\"",
        ),
        (
            "uscc in ['a', 'b']",
            "统一社会信用代码为“a”或“b”",
            "unified social credit code is \"a\" or \"b\"",
        ),
        (
            "has(uscc)",
            "已填写统一社会信用代码",
            "unified social credit code is filled in",
        ),
        (
            "needs_external_works",
            "需要外线工程",
            "external works needed",
        ),
        (
            "needs_external_works == false",
            "需要外线工程为否",
            "external works needed is no",
        ),
        (
            "needs_external_works != true",
            "需要外线工程为否",
            "external works needed is no",
        ),
        (
            "start_date > '2024-06-01'",
            "开工日期晚于 2024-06-01",
            "start date is after 2024-06-01",
        ),
        (
            "start_date < '2024-06-01'",
            "开工日期早于 2024-06-01",
            "start date is before 2024-06-01",
        ),
        (
            "start_date >= '2024-06-01'",
            "开工日期不早于 2024-06-01",
            "start date is on or after 2024-06-01",
        ),
        (
            "start_date <= '2024-06-01'",
            "开工日期不晚于 2024-06-01",
            "start date is on or before 2024-06-01",
        ),
        (
            "start_date == '2024-06-01'",
            "开工日期为 2024-06-01",
            "start date is 2024-06-01",
        ),
        (
            "end_date > start_date",
            "竣工日期晚于开工日期",
            "completion date is after start date",
        ),
        (
            "!needs_external_works",
            "需要外线工程为否",
            "external works needed is no",
        ),
        ("true", "总是", "always"),
        ("false", "从不", "never"),
    ];
    for (src, zh, en) in cases {
        let e = ok(src);
        assert_eq!(e.describe(&Labels, "zh-CN"), *zh, "{src}");
        assert_eq!(e.describe(&Labels, "en"), *en, "{src}");
    }
}

#[test]
fn describes_nested_conditions_unambiguously() {
    let cases: &[(&str, &str, &str)] = &[
        (
            "capacity_kva > 160 && needs_external_works",
            "报装容量(kVA)大于 160且需要外线工程",
            "capacity (kVA) is greater than 160 and external works needed",
        ),
        (
            "project_kind == 'residential' || capacity_kva > 1000",
            "项目类型为居民或报装容量(kVA)大于 1000",
            "project kind is residential or capacity (kVA) is greater than 1000",
        ),
        (
            "has(uscc) && (project_kind == 'industrial' || capacity_kva > 160)",
            "已填写统一社会信用代码且（项目类型为工业或报装容量(kVA)大于 160）",
            "unified social credit code is filled in and (project kind is industrial or capacity (kVA) is greater than 160)",
        ),
        (
            "has(uscc) && project_kind == 'industrial' || capacity_kva > 160",
            "（已填写统一社会信用代码且项目类型为工业）或报装容量(kVA)大于 160",
            "(unified social credit code is filled in and project kind is industrial) or capacity (kVA) is greater than 160",
        ),
        (
            "capacity_kva > 1 && (needs_external_works && has(uscc))",
            "报装容量(kVA)大于 1且需要外线工程且已填写统一社会信用代码",
            "capacity (kVA) is greater than 1 and external works needed and unified social credit code is filled in",
        ),
        (
            "!(capacity_kva > 160 || needs_external_works) && has(uscc)",
            "并非（报装容量(kVA)大于 160或需要外线工程）且已填写统一社会信用代码",
            "not (capacity (kVA) is greater than 160 or external works needed) and unified social credit code is filled in",
        ),
        (
            "(start_date >= '2024-01-01' || !has(start_date)) && (project_kind in ['small_micro'] || capacity_kva <= 100)",
            "（开工日期不早于 2024-01-01或未填写开工日期）且（项目类型为小微企业或报装容量(kVA)不大于 100）",
            "(start date is on or after 2024-01-01 or start date is not filled in) and (project kind is small and micro business or capacity (kVA) is at most 100)",
        ),
    ];
    for (src, zh, en) in cases {
        let e = ok(src);
        assert_eq!(e.describe(&Labels, "zh-CN"), *zh, "{src}");
        assert_eq!(e.describe(&Labels, "en"), *en, "{src}");
    }
    // Unknown locales read zh-CN; `en-US` reads English.
    let e = ok("has(uscc)");
    assert_eq!(e.describe(&Labels, "fr"), "已填写统一社会信用代码");
    assert!(e.describe(&Labels, "en-US").ends_with("is filled in"));
}

// ---- robustness ----

const TOKENS: &[&str] = &[
    "capacity_kva",
    "project_kind",
    "uscc",
    "needs_external_works",
    "start_date",
    "nope",
    "'industrial'",
    "'2024-01-01'",
    "\"x\"",
    "'",
    "\"",
    "1",
    "-2.5",
    "1e999",
    "true",
    "false",
    "in",
    "has",
    "==",
    "!=",
    "<",
    "<=",
    ">",
    ">=",
    "=",
    "&&",
    "||",
    "&",
    "|",
    "!",
    "(",
    ")",
    "[",
    "]",
    ",",
    " ",
    "容",
    "（",
    "\\",
];

fn random_form() -> impl Strategy<Value = TestForm> {
    (
        proptest::option::of(-1e3f64..1e3),
        proptest::option::of(prop::sample::select(vec![
            "industrial",
            "commercial",
            "zzz",
        ])),
        proptest::option::of(any::<bool>()),
        proptest::option::of(prop::sample::select(vec!["2024-01-01", "2025-06-30"])),
    )
        .prop_map(|(cap, kind, ext, start)| {
            let mut f = TestForm::default().with(OTHER_KIND, V::S("industrial"));
            f.0[CAP] = cap.map(V::N);
            f.0[KIND] = kind.map(V::S);
            f.0[EXT] = ext.map(V::B);
            f.0[START] = start.map(V::D);
            f
        })
}

proptest! {
    #[test]
    fn compile_never_panics_on_arbitrary_text(src in any::<String>()) {
        let _ = compile(&src, &schema());
    }

    #[test]
    fn compile_eval_and_describe_never_panic_on_token_soup(
        toks in prop::collection::vec(prop::sample::select(TOKENS), 0..40),
        form in random_form(),
    ) {
        let src = toks.join(" ");
        match compile(&src, &schema()) {
            Ok(e) => {
                let _ = e.eval(&form);
                let _ = e.describe(&Labels, "zh-CN");
                let _ = e.describe(&Labels, "en");
                if let Some(b) = e.constant() {
                    prop_assert_eq!(e.eval(&form), b, "{}", src);
                }
            }
            Err(errs) => {
                prop_assert!(!errs.is_empty());
                for e in errs {
                    prop_assert!(e.offset <= src.len(), "{}: {:?}", src, e);
                    prop_assert!(src.is_char_boundary(e.offset), "{}: {:?}", src, e);
                }
            }
        }
    }

    #[test]
    fn constants_agree_with_evaluation(
        a in -3i32..3, b in -3i32..3, ops in prop::sample::select(vec!["<", "<=", ">", ">=", "==", "!="]),
        ops2 in prop::sample::select(vec!["<", "<=", ">", ">=", "==", "!="]),
        form in random_form(),
    ) {
        let src = format!("capacity_kva {ops} {a} && capacity_kva {ops2} {b}");
        let e = ok(&src);
        if let Some(c) = e.constant() {
            prop_assert_eq!(e.eval(&form), c, "{}", src);
        }
        for v in -4..4 {
            let f = TestForm::default().with(CAP, V::N(f64::from(v)));
            if e.constant() == Some(false) {
                prop_assert!(!e.eval(&f), "{} at {}", src, v);
            }
        }
    }
}
