//! Validating a request's `form` against the policy's fields (SPEC §1 "Field types", §2).
//!
//! [`validate`] types every value once: the result is a [`TypedForm`] holding only valid
//! values (conditions never see an invalid one), plus the errors (`form.<field>`) and the
//! warnings (unknown keys), each sorted by path then code so outputs compare byte for byte.
//!
//! Rules, in the order they are applied to one field:
//! - `null`, `""` and a missing key all mean *absent*.
//! - A JSON string longer than [`MAX_STRING_CHARS`] characters is `too_large`, whatever the
//!   field's type, and nothing else is done with it.
//! - The JSON type must match: `number` ← a JSON number (the string `"400"` is
//!   `type_mismatch`); `bool` ← `true`/`false`; `enum`, `date` and `string` ← a JSON string.
//! - `number`: `min`/`max` inclusive and `integer` → `range` (one diagnostic naming every
//!   bound). `enum`: one of `values` → `not_in_enum`. `date`: a real `YYYY-MM-DD` date →
//!   `bad_date` (the code policy dates use for the same mistake). `string`: `max_length` in
//!   characters → `range`, then `format` → `format`.
//! - A field that is absent and required — `required: true`, or a condition that holds on the
//!   valid values — is `required`. A present but invalid value reports its own error only.
//!   In a field's `required` condition an absent `bool` field reads as `false` (SPEC §7.7: an
//!   unticked checkbox is usually not sent), so `by_agent == false` holds when it is absent;
//!   `has(by_agent)` still tests presence. Every field's requirement is decided this way, filled
//!   or not ([`TypedForm::is_required`], the decision's `required_fields`).
//! - A key that is not a field is a `unknown_form_key` warning; it is otherwise ignored.
//!
//! Messages never repeat the value of a field with a `format` (resident ids, mobile numbers and
//! email addresses are personal data, and messages end up in logs); other values are quoted,
//! shortened to [`QUOTE_CHARS`] characters.
//!
//! Architecture invariant: reads policy *fields* only, never services or materials; evaluates
//! conditions only through [`crate::expr::Form`].

use serde_json::{Map, Value as Json};

use crate::date::Date;
use crate::diag::{Code, Diagnostic, Message, Severity};
use crate::engine::formats;
use crate::expr::{FieldType, Form, MaterialStatus, Value};
use crate::policy::model::{Field, Requirement};

/// Strings longer than this many characters are rejected (`too_large`) without further work.
pub const MAX_STRING_CHARS: usize = 10_000;

/// Values quoted in messages are cut to this many characters (plus `…`).
pub const QUOTE_CHARS: usize = 50;

/// A valid, typed form value.
#[derive(Debug, Clone, PartialEq)]
pub enum FormValue {
    Number(f64),
    /// A `string` or `enum` value.
    Str(String),
    Bool(bool),
    Date(Date),
}

impl FormValue {
    /// The value as the condition evaluator sees it.
    pub fn as_value(&self) -> Value<'_> {
        match self {
            FormValue::Number(n) => Value::Number(*n),
            FormValue::Str(s) => Value::Str(s),
            FormValue::Bool(b) => Value::Bool(*b),
            FormValue::Date(d) => Value::Date(*d),
        }
    }
}

/// The form after validation, indexed like the policy's fields.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TypedForm {
    /// Valid values only; absent or invalid → `None`.
    values: Vec<Option<FormValue>>,
    /// The JSON value as sent, for display; `None` when absent, and for strings over
    /// [`MAX_STRING_CHARS`] (never copied).
    raw: Vec<Option<Json>>,
    /// By field: whether it is required for the form as sent (filled or not).
    required: Vec<bool>,
    /// By catalogue material: the status the request gives it, as checked against the
    /// catalogue (absent or not allowed: missing), for `provided(m)` and the other tests.
    statuses: Vec<MaterialStatus>,
}

impl TypedForm {
    /// The valid value of field `index`; `None` when absent, invalid or out of bounds.
    pub fn value(&self, index: usize) -> Option<&FormValue> {
        self.values.get(index).and_then(Option::as_ref)
    }

    /// The JSON value sent for field `index`, valid or not, for display (`because` values,
    /// notices): numbers keep the form they were sent in (`400`, not `400.0`). `None` when the
    /// field is absent (missing, `null` or `""`) or its string was too large to keep.
    pub fn raw(&self, index: usize) -> Option<&Json> {
        self.raw.get(index).and_then(Option::as_ref)
    }

    /// Whether field `index` holds a valid value (what `has(field)` tests).
    pub fn has(&self, index: usize) -> bool {
        self.value(index).is_some()
    }

    /// Whether field `index` is required for the form as sent, filled or not (SPEC §7.7).
    pub fn is_required(&self, index: usize) -> bool {
        self.required.get(index).copied().unwrap_or(false)
    }

    /// The status of catalogue material `index` as conditions read it.
    pub fn material_status(&self, index: usize) -> MaterialStatus {
        self.statuses
            .get(index)
            .copied()
            .unwrap_or(MaterialStatus::Missing)
    }

    /// The number of fields (valid or not).
    pub fn len(&self) -> usize {
        self.values.len()
    }

    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }
}

impl Form for TypedForm {
    fn get(&self, index: usize) -> Option<Value<'_>> {
        self.value(index).map(FormValue::as_value)
    }
    fn status(&self, material: usize) -> MaterialStatus {
        self.material_status(material)
    }
}

/// The form as a field's `required` condition reads it: an absent `bool` field is `false`.
struct RequiredView<'a> {
    form: &'a TypedForm,
    fields: &'a [Field],
}

impl Form for RequiredView<'_> {
    fn get(&self, index: usize) -> Option<Value<'_>> {
        self.form.get(index).or_else(|| {
            let absent_bool = self
                .fields
                .get(index)
                .is_some_and(|f| f.ty == FieldType::Bool);
            absent_bool.then_some(Value::Bool(false))
        })
    }
    fn present(&self, index: usize) -> bool {
        self.form.has(index)
    }
    fn status(&self, material: usize) -> MaterialStatus {
        self.form.material_status(material)
    }
}

/// Validate `form` against `fields` (sorted by id; a field's position is its index).
///
/// Returns the typed form, the errors and the warnings, the last two sorted by path then
/// code. Never fails and never panics on the form's content; a `required` condition is
/// evaluated only for an absent field, on the typed form.
///
/// # Example
///
/// ```
/// use intake_rules::engine::form::validate;
/// use intake_rules::expr::FieldType;
/// use intake_rules::policy::{Field, Requirement};
///
/// let fields = vec![Field {
///     id: "capacity_kva".into(),
///     ty: FieldType::Number,
///     label: None,
///     description: None,
///     value_labels: Default::default(),
///     required: Requirement::Always,
///     min: Some(0.0),
///     max: None,
///     integer: false,
///     format: None,
///     max_length: None,
///     source: Default::default(),
/// }];
/// let form = serde_json::json!({"capacity_kva": "400", "colour": "red"});
/// let (typed, errors, warnings) = validate(&fields, form.as_object().unwrap()); // ok: doc example
/// assert!(typed.value(0).is_none());
/// assert_eq!(errors[0].code.as_str(), "type_mismatch");
/// assert_eq!(warnings[0].path, "form.colour");
/// ```
pub fn validate(
    fields: &[Field],
    form: &Map<String, Json>,
) -> (TypedForm, Vec<Diagnostic>, Vec<Diagnostic>) {
    validate_with(fields, FormIn::Map(form), true, Vec::new())
}

/// A form as [`validate_with`] reads it.
#[derive(Clone, Copy)]
pub(crate) enum FormIn<'a> {
    /// The request's `form` object.
    Map(&'a Map<String, Json>),
    /// Read straight into slots against the same fields: the value sent for each field by
    /// index, and the keys that are not fields (sorted, each once).
    Slots {
        values: &'a [Option<Json>],
        unknown: &'a [String],
    },
}

impl<'a> FormIn<'a> {
    /// The value sent for field `index` (id `id`), valid or not; `None` when the key is absent.
    pub(crate) fn sent(&self, index: usize, id: &str) -> Option<&'a Json> {
        match *self {
            FormIn::Map(m) => m.get(id),
            FormIn::Slots { values, .. } => values.get(index).and_then(Option::as_ref),
        }
    }
}

/// [`validate`]; with `keep_raw` false the typed form keeps no copy of the values as sent
/// ([`TypedForm::raw`] is always `None`): for callers that only decide outcomes. `statuses`
/// (by catalogue material, missing where short) is what status tests in conditions read.
pub(crate) fn validate_with(
    fields: &[Field],
    form: FormIn<'_>,
    keep_raw: bool,
    statuses: Vec<MaterialStatus>,
) -> (TypedForm, Vec<Diagnostic>, Vec<Diagnostic>) {
    let empty = Map::new();
    let (map, slots, slot_unknown) = match form {
        FormIn::Map(m) => (m, None, &[][..]),
        FormIn::Slots { values, unknown } => (&empty, Some(values), unknown),
    };
    let mut typed = TypedForm {
        values: Vec::with_capacity(fields.len()),
        raw: Vec::with_capacity(fields.len()),
        required: Vec::new(),
        statuses,
    };
    let mut errors = Vec::new();
    let mut absent = Vec::new();
    // Policies keep their fields sorted by id and the form map iterates its keys in the same
    // (byte) order, so one merged walk pairs every key with its field — no lookup per field —
    // and leaves the keys that are not fields. Unsorted `fields` (a direct library caller) fall
    // back to a lookup per field.
    let sorted = fields
        .windows(2)
        .all(|w| matches!(w, [a, b] if a.id < b.id));
    let mut keys = map.iter().peekable();
    let mut unknown: Vec<&String> = Vec::new();

    for (index, field) in fields.iter().enumerate() {
        let found = if let Some(values) = slots {
            values.get(index).and_then(Option::as_ref)
        } else if sorted {
            let mut hit = None;
            while let Some(&(k, v)) = keys.peek() {
                match k.as_str().cmp(field.id.as_str()) {
                    std::cmp::Ordering::Less => unknown.push(k),
                    std::cmp::Ordering::Equal => hit = Some(v),
                    std::cmp::Ordering::Greater => break,
                }
                keys.next();
                if hit.is_some() {
                    break;
                }
            }
            hit
        } else {
            map.get(&field.id)
        };
        let sent = match found {
            None | Some(Json::Null) => None,
            Some(Json::String(s)) if s.is_empty() => None,
            Some(v) => Some(v),
        };
        let Some(sent) = sent else {
            absent.push(index);
            typed.values.push(None);
            typed.raw.push(None);
            continue;
        };
        if let Json::String(s) = sent {
            // No more bytes than the limit means no more characters: count only longer ones.
            if s.len() > MAX_STRING_CHARS && s.chars().nth(MAX_STRING_CHARS).is_some() {
                errors.push(too_large(field));
                typed.values.push(None);
                typed.raw.push(None);
                continue;
            }
        }
        match check_value(field, sent) {
            Ok(v) => typed.values.push(Some(v)),
            Err(d) => {
                errors.push(d);
                typed.values.push(None);
            }
        }
        typed.raw.push(keep_raw.then(|| sent.clone()));
    }

    // Requirements are decided on the valid values only, so that a condition never reads a
    // value that has its own error; every field's, filled or not (`required_fields`).
    let view = RequiredView {
        form: &typed,
        fields,
    };
    let required: Vec<bool> = fields
        .iter()
        .map(|field| match &field.required {
            Requirement::Never => false,
            Requirement::Always => true,
            Requirement::If(cond) => cond.expr.eval(&view),
        })
        .collect();
    typed.required = required;
    for index in absent {
        let Some(field) = fields.get(index) else {
            continue;
        };
        if typed.is_required(index) {
            errors.push(error(
                field,
                Code::Required,
                format!("{}为必填项", zh_label(field)),
                format!("{} is required", en_label(field)),
            ));
        }
    }

    if slots.is_some() {
        unknown.extend(slot_unknown);
    } else if sorted {
        unknown.extend(keys.map(|(k, _)| k));
    } else {
        unknown = map
            .keys()
            .filter(|k| fields.iter().all(|f| f.id != **k))
            .collect();
    }
    let mut warnings: Vec<Diagnostic> = unknown
        .into_iter()
        .map(|k| {
            Diagnostic::error(
                format!("form.{k}"),
                Code::UnknownFormKey,
                Message::new(
                    format!("表单项 `{}` 未在政策中定义，已忽略", quote(k)),
                    format!(
                        "form key `{}` is not defined by the policy and was ignored",
                        quote(k)
                    ),
                ),
            )
            .with_severity(Severity::Warning)
        })
        .collect();

    sort(&mut errors);
    sort(&mut warnings);
    (typed, errors, warnings)
}

fn sort(list: &mut [Diagnostic]) {
    list.sort_by(|a, b| {
        a.path
            .cmp(&b.path)
            .then_with(|| a.code.as_str().cmp(b.code.as_str()))
    });
}

fn zh_label(field: &Field) -> &str {
    field.label("zh-CN")
}

/// The en label, falling back to zh-CN, then to the id.
fn en_label(field: &Field) -> &str {
    field.label("en")
}

fn error(field: &Field, code: Code, zh: String, en: String) -> Diagnostic {
    Diagnostic::error(format!("form.{}", field.id), code, Message::new(zh, en))
}

fn too_large(field: &Field) -> Diagnostic {
    error(
        field,
        Code::TooLarge,
        format!("{}过长（超过 {MAX_STRING_CHARS} 个字符）", zh_label(field)),
        format!(
            "{} is too long (more than {MAX_STRING_CHARS} characters)",
            en_label(field)
        ),
    )
}

/// `s` cut to [`QUOTE_CHARS`] characters, for quoting user input in a message.
fn quote(s: &str) -> String {
    match s.char_indices().nth(QUOTE_CHARS) {
        Some((cut, _)) => format!("{}…", s.get(..cut).unwrap_or("")),
        None => s.to_string(),
    }
}

/// What a JSON value is, in words, for `type_mismatch` messages.
fn json_kind(v: &Json) -> (&'static str, &'static str) {
    match v {
        Json::Null => ("空值", "null"),
        Json::Bool(_) => ("布尔值", "a boolean"),
        Json::Number(_) => ("数字", "a number"),
        Json::String(_) => ("文本", "text"),
        Json::Array(_) => ("列表", "a list"),
        Json::Object(_) => ("对象", "an object"),
    }
}

/// What a field type expects, in words.
fn expected_kind(ty: &FieldType) -> (&'static str, &'static str) {
    match ty {
        FieldType::Number => ("数字", "a number"),
        FieldType::Bool => ("布尔值（true 或 false）", "true or false"),
        FieldType::Date => ("日期文本（YYYY-MM-DD）", "a date as text (YYYY-MM-DD)"),
        FieldType::String => ("文本", "text"),
        FieldType::Enum(_) => ("文本（可选值之一）", "text (one of the allowed values)"),
    }
}

fn type_mismatch(field: &Field, sent: &Json) -> Diagnostic {
    let (want_zh, want_en) = expected_kind(&field.ty);
    let (got_zh, got_en) = json_kind(sent);
    error(
        field,
        Code::TypeMismatch,
        format!("{}应为{want_zh}，而不是{got_zh}", zh_label(field)),
        format!("{} must be {want_en}, not {got_en}", en_label(field)),
    )
}

/// Type and check one present value.
fn check_value(field: &Field, sent: &Json) -> Result<FormValue, Diagnostic> {
    match (&field.ty, sent) {
        (FieldType::Number, Json::Number(n)) => {
            let x = n.as_f64().filter(|x| x.is_finite());
            match x {
                Some(x) if number_ok(field, x) => Ok(FormValue::Number(x)),
                _ => Err(number_range(field, &n.to_string())),
            }
        }
        (FieldType::Bool, Json::Bool(b)) => Ok(FormValue::Bool(*b)),
        (FieldType::Enum(values), Json::String(s)) => {
            if values.iter().any(|v| v == s) {
                Ok(FormValue::Str(s.clone()))
            } else {
                Err(not_in_enum(field, values, s))
            }
        }
        (FieldType::Date, Json::String(s)) => match Date::parse(s) {
            Some(d) => Ok(FormValue::Date(d)),
            None => Err(error(
                field,
                Code::BadDate,
                format!(
                    "{}应为有效日期（YYYY-MM-DD），而不是 `{}`",
                    zh_label(field),
                    quote(s)
                ),
                format!(
                    "{} must be a real date written YYYY-MM-DD, not `{}`",
                    en_label(field),
                    quote(s)
                ),
            )),
        },
        (FieldType::String, Json::String(s)) => {
            check_string(field, s).map(|()| FormValue::Str(s.clone()))
        }
        _ => Err(type_mismatch(field, sent)),
    }
}

fn number_ok(field: &Field, x: f64) -> bool {
    !(field.integer && x.fract() != 0.0)
        && field.min.is_none_or(|min| x >= min)
        && field.max.is_none_or(|max| x <= max)
}

/// One `range` diagnostic stating every constraint of the field, with the value sent.
fn number_range(field: &Field, sent: &str) -> Diagnostic {
    let (kind_zh, kind_en) = if field.integer {
        ("整数", "a whole number")
    } else {
        ("数", "a number")
    };
    let (zh, en) = match (field.min, field.max) {
        (Some(lo), Some(hi)) => (
            format!("介于 {lo} 和 {hi} 之间（含两端）的{kind_zh}"),
            format!("{kind_en} from {lo} to {hi}"),
        ),
        (Some(lo), None) => (
            format!("不小于 {lo} 的{kind_zh}"),
            format!("{kind_en} of at least {lo}"),
        ),
        (None, Some(hi)) => (
            format!("不大于 {hi} 的{kind_zh}"),
            format!("{kind_en} of at most {hi}"),
        ),
        (None, None) => (kind_zh.to_string(), kind_en.to_string()),
    };
    let sent = quote(sent);
    error(
        field,
        Code::Range,
        format!("{}应为{zh}，而不是 `{sent}`", zh_label(field)),
        format!("{} must be {en}, not `{sent}`", en_label(field)),
    )
}

fn not_in_enum(field: &Field, values: &[String], sent: &str) -> Diagnostic {
    let list = |locale: &str, open: &str, close: &str, sep: &str| -> String {
        values
            .iter()
            .map(|v| match field.value_labels.get(v) {
                Some(l) => format!("`{v}`{open}{}{close}", l.get(locale)),
                None => format!("`{v}`"),
            })
            .collect::<Vec<_>>()
            .join(sep)
    };
    let sent = quote(sent);
    error(
        field,
        Code::NotInEnum,
        format!(
            "{}的值 `{sent}` 不是可选值，可选：{}",
            zh_label(field),
            list("zh-CN", "（", "）", "、")
        ),
        format!(
            "{} must be one of {}, not `{sent}`",
            en_label(field),
            list("en", " (", ")", ", ")
        ),
    )
}

fn check_string(field: &Field, s: &str) -> Result<(), Diagnostic> {
    if let Some(max) = field.max_length {
        let max = usize::try_from(max).unwrap_or(usize::MAX);
        if s.chars().nth(max).is_some() {
            let len = s.chars().count();
            return Err(error(
                field,
                Code::Range,
                format!("{}最多 {max} 个字符，当前为 {len} 个", zh_label(field)),
                format!(
                    "{} must be at most {max} characters long, not {len}",
                    en_label(field)
                ),
            ));
        }
    }
    if let Some(format) = field.format {
        if !formats::check(format, s) {
            let (rule_zh, rule_en) = formats::rule(format);
            return Err(error(
                field,
                Code::Format,
                format!("{}格式不正确（{rule_zh}）", zh_label(field)),
                format!(
                    "{} is not in the expected format ({rule_en})",
                    en_label(field)
                ),
            ));
        }
    }
    Ok(())
}
