//! TypeScript declarations of the output types (feature `ts`, off by default; pure Rust, no
//! wasm-bindgen). The output types derive `ts_rs::TS` under this feature; this module gives the
//! types that serialize by hand (`Date`, `Period`, `Code`) their TypeScript form, declares the
//! closed string sets read from the crate's own lists (field types, string formats, material
//! areas, locales, diff kinds) and collects every declaration reachable from the roots of the JS
//! API. `tests/ts_types.rs` writes the result into `js/generated/` and fails when the committed
//! files differ (`make types` regenerates them).

use std::any::TypeId;
use std::collections::BTreeMap;
use std::path::PathBuf;

use ts_rs::{Config, TypeVisitor, TS};

use crate::calendar::Period;
use crate::date::Date;
use crate::diag::Code;

/// `"a" | "b" | …` of string values, in the given order.
fn string_union<'a>(values: impl IntoIterator<Item = &'a str>) -> String {
    let parts: Vec<String> = values.into_iter().map(|v| format!("{v:?}")).collect();
    parts.join(" | ")
}

/// `impl TS` for a type declared by name with a fixed TypeScript definition.
macro_rules! declared {
    ($ty:ty, $name:literal, $doc:literal, $inline:expr) => {
        impl TS for $ty {
            type WithoutGenerics = Self;
            type OptionInnerType = Self;
            fn docs() -> Option<String> {
                Some(ts_rs::format_docs(&[concat!(" ", $doc)]))
            }
            fn name(_: &Config) -> String {
                $name.to_string()
            }
            fn inline(_: &Config) -> String {
                $inline
            }
            fn decl(cfg: &Config) -> String {
                format!("type {} = {};", $name, Self::inline(cfg))
            }
            fn decl_concrete(cfg: &Config) -> String {
                Self::decl(cfg)
            }
            fn output_path() -> Option<PathBuf> {
                Some(PathBuf::from(concat!($name, ".ts")))
            }
        }
    };
}

declared!(
    crate::policy::StageBy,
    "StageBy",
    "Who does a stage's work: the office (counted) or the applicant (its own time, not counted).",
    string_union(["office", "applicant"])
);

declared!(
    Code,
    "ErrorCode",
    "Every stable error and issue code (docs/errors.md): `Diagnostic.code`, `Issue.code` and the thrown error's `code`.",
    string_union(Code::ALL.iter().map(|c| c.as_str()))
);

declared!(
    Date,
    "DateString",
    "`YYYY-MM-DD`, a China civil date.",
    "string".to_string()
);

declared!(
    Period,
    "Period",
    "A time limit: N working days, N natural days or N months.",
    "{ working_days: number } | { natural_days: number } | { months: number }".to_string()
);

/// `{locale: text}` with `zh-CN` always present.
pub struct LabelMap;
declared!(
    LabelMap,
    "LabelMap",
    "A `{locale: text}` map; `zh-CN` is always present.",
    "{ \"zh-CN\": string; en?: string; [locale: string]: string | undefined }".to_string()
);

/// A form value as a request carries it.
pub struct FormValue;
declared!(
    FormValue,
    "FormValue",
    "A form value: text, number, yes/no, or null for an empty field.",
    "string | number | boolean | null".to_string()
);

/// The field types of a policy (`keys::FIELD_TYPES`).
pub struct FieldType;
declared!(
    FieldType,
    "FieldType",
    "The type of a form field.",
    string_union(crate::policy::keys::FIELD_TYPES.iter().copied())
);

/// The string formats of a field (`StringFormat::ALL`).
pub struct StringFormat;
declared!(
    StringFormat,
    "StringFormat",
    "The `format` a string field's value is checked against.",
    string_union(crate::policy::StringFormat::ALL.iter().map(|(n, _)| *n))
);

/// The areas of a material (`Area::ALL`).
pub struct MaterialArea;
declared!(
    MaterialArea,
    "MaterialArea",
    "The area a material belongs to (commitment exclusions of 国办发〔2020〕42号).",
    string_union(crate::policy::Area::ALL.iter().map(|(n, _)| *n))
);

/// The locales the product speaks.
pub struct Locale;
declared!(
    Locale,
    "Locale",
    "A locale the product speaks (any other tag reads as zh-CN).",
    string_union(
        [crate::text::Locale::ZhCn, crate::text::Locale::En]
            .iter()
            .map(|l| l.as_str())
    )
);

/// What a request targets.
pub struct TargetKind;
declared!(
    TargetKind,
    "TargetKind",
    "What a request targets: one service, or a bundle of services (一件事).",
    string_union(["service", "bundle"])
);

/// Whether a guide's material is always required.
pub struct GuideRequired;
declared!(
    GuideRequired,
    "GuideRequired",
    "`always`: required whenever the target is applied for; `conditional`: only when a condition holds.",
    string_union(["always", "conditional"])
);

/// Every kind of policy change `Policy.diff` reports (checked against the diff's source by
/// `tests/ts_types.rs`).
pub const CHANGE_KINDS: &[&str] = &[
    "id_changed",
    "version_changed",
    "effective_changed",
    "calendar_changed",
    "cutoff_changed",
    "beyond_coverage_changed",
    "label_changed",
    "basis_changed",
    "field_added",
    "field_removed",
    "field_type_changed",
    "field_changed",
    "material_added",
    "material_removed",
    "material_electronic_changed",
    "material_commitment_changed",
    "material_area_changed",
    "service_added",
    "service_removed",
    "applies_if_changed",
    "rejects_changed",
    "service_material_added",
    "service_material_removed",
    "material_made_conditional",
    "material_condition_changed",
    "material_made_required",
    "material_made_not_required",
    "material_made_tolerable",
    "material_no_longer_tolerable",
    "supplement_period_changed",
    "tolerance_changed",
    "stage_added",
    "stage_removed",
    "stage_limit_changed",
    "stage_limit_if_changed",
    "stage_after_changed",
    "stage_pauses_changed",
    "promise_changed",
    "legal_changed",
    "bundle_added",
    "bundle_removed",
    "bundle_service_added",
    "bundle_service_removed",
    "bundle_order_changed",
    "bundle_intake_changed",
    "bundle_finish_changed",
    "bundle_acceptance_changed",
    "correction_notice_within_changed",
    "legal_extension_changed",
    "legal_if_changed",
    "office_changed",
    "promise_if_changed",
    "region_added",
    "region_changed",
    "region_removed",
    "stage_by_changed",
];

/// The kinds of policy change.
pub struct ChangeKind;
declared!(
    ChangeKind,
    "ChangeKind",
    "The kind of one policy change (docs/policy-tools.md).",
    string_union(CHANGE_KINDS.iter().copied())
);

/// One declaration: its TypeScript name, doc comment and `type X = …;` text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Declaration {
    pub name: String,
    pub docs: String,
    pub decl: String,
}

/// Every declarable type reachable from the visited roots, by `TypeId`.
#[derive(Default)]
pub struct Collector {
    cfg: Config,
    seen: Vec<TypeId>,
    pub found: BTreeMap<String, Vec<Declaration>>,
}

impl Collector {
    pub fn new() -> Self {
        Collector {
            // Counts and day numbers are `number` in JS (serde_json writes them as numbers).
            cfg: Config::new().with_large_int("number"),
            seen: Vec::new(),
            found: BTreeMap::new(),
        }
    }

    /// Adds `T` and everything it refers to.
    pub fn root<T: TS + 'static + ?Sized>(&mut self) {
        self.visit::<T>();
    }

    /// The declarations found, sorted by name. More than one declaration under one name (two
    /// Rust types that would both be called `X` in TypeScript) is an error.
    pub fn declarations(&self) -> Result<Vec<Declaration>, String> {
        let mut out = Vec::new();
        for (name, ds) in &self.found {
            match ds.as_slice() {
                [d] => out.push(d.clone()),
                _ => {
                    return Err(format!(
                        "{} Rust types are named `{name}` in TypeScript",
                        ds.len()
                    ))
                }
            }
        }
        Ok(out)
    }
}

impl TypeVisitor for Collector {
    fn visit<T: TS + 'static + ?Sized>(&mut self) {
        let id = TypeId::of::<T>();
        if self.seen.contains(&id) {
            return;
        }
        self.seen.push(id);
        if T::output_path().is_some() {
            let name = T::ident(&self.cfg);
            let decl = Declaration {
                name: name.clone(),
                docs: T::docs().unwrap_or_default(),
                decl: T::decl(&self.cfg),
            };
            self.found.entry(name).or_default().push(decl);
        }
        T::visit_dependencies(self);
        T::visit_generics(self);
    }
}

/// The text of a generated declaration file: a header, then each declaration exported, sorted
/// by name. An object type becomes an interface with one member per line.
pub fn render(header: &str, decls: &[Declaration]) -> String {
    let mut s = String::from(header);
    for d in decls {
        s.push('\n');
        s.push_str(&js_docs(&d.docs));
        s.push_str("export ");
        s.push_str(&js_docs(&pretty_decl(&d.name, &d.decl)));
        s.push('\n');
    }
    s
}

/// Rust doc comments read in JS terms: intra-doc links (`` [`crate::Decision`] ``, `` [`diff`] ``)
/// become plain code (`` `Decision` ``, `` `Policy.diff` ``), `None` reads `null`.
fn js_docs(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("[`") {
        let Some(len) = rest.get(start + 2..).and_then(|r| r.find("`]")) else {
            break;
        };
        out.push_str(rest.get(..start).unwrap_or(""));
        let path = rest.get(start + 2..start + 2 + len).unwrap_or("");
        let name = match path {
            "diff" => "Policy.diff",
            "PolicySet::versions" => "set.versions()",
            _ => path.rsplit("::").next().unwrap_or(path),
        };
        out.push('`');
        out.push_str(name);
        out.push('`');
        rest = rest.get(start + 2 + len + 2..).unwrap_or("");
    }
    out.push_str(rest);
    out.replace("`None`", "`null`")
}

/// `type X = { a: A, /** doc */ b: B, };` → `interface X {\n  a: A;\n  /** doc */\n  b: B;\n}`;
/// any other declaration unchanged. Maps read `{ [key: string]: V }`.
fn pretty_decl(name: &str, decl: &str) -> String {
    let decl = decl.replace("[key in string]", "[key: string]");
    let alias = format!("type {name} = ");
    if let Some(union) = decl.strip_prefix(&alias).and_then(|u| u.strip_suffix(';')) {
        // A long union of string literals: one member per line.
        if union.len() > 90 && union.starts_with('"') && !union.contains('{') {
            let mut out = format!("type {name} =");
            for member in union.split(" | ") {
                out.push_str("\n  | ");
                out.push_str(member);
            }
            out.push(';');
            return out;
        }
    }
    let prefix = format!("type {name} = {{");
    let Some(body) = decl
        .strip_prefix(&prefix)
        .and_then(|b| b.strip_suffix("};"))
    else {
        return decl;
    };
    // A union of object types (`{ a: A } | { b: B }`) is not one object: left as it is.
    let Some(members) = split_members(body).filter(|m| !m.is_empty()) else {
        return decl;
    };
    let mut out = format!("interface {name} {{\n");
    for m in members {
        for line in m.lines() {
            let line = line.trim();
            if line.is_empty() {
                continue;
            }
            out.push_str("  ");
            if line.starts_with('*') {
                out.push(' ');
            }
            out.push_str(line);
            out.push('\n');
        }
        // The member line itself gets the `;`.
        out.pop();
        out.push_str(";\n");
    }
    out.push('}');
    out
}

/// The members of an object type's body, split at its top-level commas (not inside nested
/// types, strings or comments); empty pieces are dropped. `None` when the body closes its
/// object before its end (it is a union of object types).
fn split_members(body: &str) -> Option<Vec<String>> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut depth = 0i32;
    let mut chars = body.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' => {
                cur.push(c);
                while let Some(n) = chars.next() {
                    cur.push(n);
                    if n == '\\' {
                        if let Some(e) = chars.next() {
                            cur.push(e);
                        }
                    } else if n == '"' {
                        break;
                    }
                }
            }
            '/' if chars.peek() == Some(&'*') => {
                cur.push(c);
                let mut prev = ' ';
                for n in chars.by_ref() {
                    cur.push(n);
                    if prev == '*' && n == '/' {
                        break;
                    }
                    prev = n;
                }
            }
            '{' | '<' | '(' | '[' => {
                depth += 1;
                cur.push(c);
            }
            '}' | '>' | ')' | ']' => {
                depth -= 1;
                if depth < 0 {
                    return None;
                }
                cur.push(c);
            }
            ',' if depth == 0 => {
                if !cur.trim().is_empty() {
                    out.push(cur.trim().to_string());
                }
                cur.clear();
            }
            _ => cur.push(c),
        }
    }
    if !cur.trim().is_empty() {
        out.push(cur.trim().to_string());
    }
    Some(out)
}
