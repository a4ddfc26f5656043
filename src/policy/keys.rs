//! The keys the loader accepts at each place of a policy document. The loader and the JSON
//! Schema (`schema/policy.schema.json`) are checked against these lists by a test, so the
//! editor completion can never drift from what loading accepts.
//!
//! `$comment` (a string or a list of strings) is accepted in every object; `$schema` only at
//! the top level.

pub const TOP: &[&str] = &[
    "$comment",
    "$schema",
    "format",
    "id",
    "version",
    "title",
    "effective",
    "calendar",
    "cutoff",
    "beyond_coverage",
    "fields",
    "materials",
    "services",
    "bundles",
    "correction_notice_within",
    "office",
    "regions",
    "acknowledged",
];
pub const TOP_REQUIRED: &[&str] = &[
    "format",
    "id",
    "version",
    "title",
    "fields",
    "materials",
    "services",
];
pub const FIELD: &[&str] = &[
    "$comment",
    "type",
    "label",
    "required",
    "values",
    "value_labels",
    "min",
    "max",
    "integer",
    "format",
    "max_length",
    "description",
    "source",
];
/// Keys of a field that only one field type accepts: (key, type).
pub const FIELD_TYPE_ONLY: &[(&str, &str)] = &[
    ("values", "enum"),
    ("value_labels", "enum"),
    ("min", "number"),
    ("max", "number"),
    ("integer", "number"),
    ("format", "string"),
    ("max_length", "string"),
];
pub const FIELD_TYPES: &[&str] = &["string", "number", "bool", "enum", "date"];
pub const MATERIAL: &[&str] = &[
    "$comment",
    "name",
    "electronic",
    "commitment",
    "area",
    "description",
    "basis",
];
/// A material's `commitment` when it is an object (SPEC §7.6).
pub const COMMITMENT: &[&str] = &["$comment", "verify_within", "method"];
pub const SERVICE: &[&str] = &[
    "$comment",
    "name",
    "department",
    "applies_if",
    "rejects",
    "materials",
    "tolerance",
    "stages",
    "promise",
    "legal",
    "basis",
    "promise_if",
    "legal_if",
];
pub const MATERIAL_ENTRY: &[&str] = &["$comment", "ref", "required", "tolerable", "basis"];
pub const TOLERABLE: &[&str] = &["$comment", "supplement_within"];
pub const TOLERANCE: &[&str] = &["$comment", "max_missing", "excluded_if", "basis"];
pub const REJECT: &[&str] = &["$comment", "when", "reason", "basis", "redirect"];
pub const STAGE: &[&str] = &[
    "$comment", "id", "name", "after", "limit", "limit_if", "pauses", "basis", "by",
];
pub const LIMIT_IF: &[&str] = &["$comment", "when", "limit"];
pub const PAUSE: &[&str] = &[
    "$comment",
    "name",
    "natural_days",
    "working_days",
    "when",
    "basis",
];
pub const BUNDLE: &[&str] = &[
    "$comment",
    "name",
    "services",
    "intake",
    "finish",
    "promise",
    "legal",
    "basis",
    "acceptance",
    "promise_if",
    "legal_if",
];
pub const PHASE: &[&str] = &["$comment", "limit", "name"];
pub const BASIS: &[&str] = &["$comment", "label", "url"];
pub const EFFECTIVE: &[&str] = &["$comment", "from", "until"];
pub const CALENDAR: &[&str] = &["$comment", "base", "holidays", "workdays"];
pub const PERIOD: &[&str] = &["$comment", "working_days", "natural_days", "months"];
/// `legal`: a period with an optional `extension` (SPEC §7.1).
pub const LEGAL: &[&str] = &[
    "$comment",
    "working_days",
    "natural_days",
    "months",
    "extension",
];
/// `legal.extension`: a period and who approves it.
pub const EXTENSION: &[&str] = &[
    "$comment",
    "working_days",
    "natural_days",
    "months",
    "approved_by",
];
pub const PROMISE_IF: &[&str] = &["$comment", "when", "promise"];
pub const LEGAL_IF: &[&str] = &["$comment", "when", "legal"];
pub const OFFICE: &[&str] = &["$comment", "name", "address", "phone", "hours"];
pub const REGION: &[&str] = &[
    "$comment",
    "name",
    "office",
    "cutoff",
    "calendar",
    "promise",
    "promise_if",
    "limits",
];
/// The values of a stage's `by`.
pub const STAGE_BY: &[&str] = &["office", "applicant"];

/// An entry of `acknowledged`: a lint finding accepted on purpose.
pub const ACKNOWLEDGED: &[&str] = &["$comment", "code", "path", "reason"];

/// Every object shape by its name in the JSON Schema's `$defs` (`policy` is the root).
pub const ALL: &[(&str, &[&str])] = &[
    ("policy", TOP),
    ("field", FIELD),
    ("material", MATERIAL),
    ("commitment", COMMITMENT),
    ("service", SERVICE),
    ("material_entry", MATERIAL_ENTRY),
    ("tolerable", TOLERABLE),
    ("tolerance", TOLERANCE),
    ("reject", REJECT),
    ("stage", STAGE),
    ("limit_if", LIMIT_IF),
    ("pause", PAUSE),
    ("bundle", BUNDLE),
    ("phase", PHASE),
    ("basis", BASIS),
    ("effective", EFFECTIVE),
    ("calendar", CALENDAR),
    ("period", PERIOD),
    ("legal", LEGAL),
    ("extension", EXTENSION),
    ("promise_if", PROMISE_IF),
    ("legal_if", LEGAL_IF),
    ("office", OFFICE),
    ("region", REGION),
    ("acknowledged", ACKNOWLEDGED),
];
