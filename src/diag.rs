//! Diagnostics shared by every module: stable codes, severities, bilingual messages and the
//! issue shape that crosses to JS (`{path, line, column, code, severity, message}`).
//!
//! Architecture invariant: this module imports nothing else from the crate but the text layer
//! (a leaf itself), for [`Locale`].

use serde::Serialize;

use crate::text::Locale;

/// A user-facing message in both supported locales.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Message {
    #[serde(rename = "zh-CN")]
    pub zh: String,
    pub en: String,
}

impl From<(String, String)> for Message {
    /// `(zh-CN, en)`.
    fn from((zh, en): (String, String)) -> Self {
        Message { zh, en }
    }
}

impl Message {
    pub fn new(zh: impl Into<String>, en: impl Into<String>) -> Self {
        Message {
            zh: zh.into(),
            en: en.into(),
        }
    }

    /// The message in `locale` (`en` or anything else, which falls back to zh-CN).
    pub fn get(&self, locale: &str) -> &str {
        self.pick(Locale::parse(locale))
    }

    /// The message in `locale`.
    pub fn pick(&self, locale: Locale) -> &str {
        locale.pick(&self.zh, &self.en)
    }
}

/// How serious a diagnostic is. Load problems are always `Error`; lint uses all three.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

macro_rules! codes {
    ($( $(#[doc = $doc:literal])* $variant:ident = $text:literal, )*) => {
        /// Every stable error and diagnostic code. The string form is the public contract:
        /// it never changes once released (see `docs/errors.md`).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Code {
            $( $(#[doc = $doc])* $variant, )*
        }

        impl Code {
            /// Every code, in declaration order.
            pub const ALL: &'static [Code] = &[ $( Code::$variant, )* ];

            /// The stable snake_case identifier.
            pub fn as_str(self) -> &'static str {
                match self {
                    $( Code::$variant => $text, )*
                }
            }
        }
    };
}

codes! {
    // ---- JSON and structure ----
    /// The text is not valid JSON.
    InvalidJson = "invalid_json",
    /// A key the format does not know (usually a typo).
    UnknownField = "unknown_field",
    /// A required key is absent.
    MissingField = "missing_field",
    /// A value has the wrong JSON type or a condition mixes types.
    TypeMismatch = "type_mismatch",
    /// The same key appears twice in one JSON object.
    DuplicateKey = "duplicate_key",
    /// Two things share one id.
    DuplicateId = "duplicate_id",
    /// An id is empty or uses characters outside `[A-Za-z_][A-Za-z0-9_-]*`.
    BadId = "bad_id",
    /// `format` is not a version this release reads.
    UnsupportedFormat = "unsupported_format",
    /// A value is outside what the format allows (an empty list, a negative number …).
    BadValue = "bad_value",
    /// A label map lacks the required `zh-CN` entry.
    MissingLabel = "missing_label",
    /// A document or input is larger than the documented limits.
    TooLarge = "too_large",
    // ---- references ----
    /// A condition names a field the policy does not define.
    UnknownFormField = "unknown_form_field",
    /// A material reference names nothing in the catalogue.
    UnknownMaterial = "unknown_material",
    /// A bundle names an unknown service.
    UnknownService = "unknown_service",
    /// A stage's `after` names an unknown stage.
    UnknownStage = "unknown_stage",
    /// The stages' `after` graph has a cycle.
    StageCycle = "stage_cycle",
    /// A calendar id that is not built in.
    UnknownCalendar = "unknown_calendar",
    /// An unknown field `format`.
    UnknownFormat = "unknown_format",
    // ---- conditions ----
    /// A condition does not parse.
    Syntax = "syntax",
    /// A condition is nested deeper than the limit.
    TooDeep = "too_deep",
    /// A condition calls a function other than `has`, `provided`, `electronic`, `committed`,
    /// `missing`.
    UnknownFunction = "unknown_function",
    // ---- dates and periods ----
    /// A date that is not a real `YYYY-MM-DD` date.
    BadDate = "bad_date",
    /// A time or timestamp that does not parse.
    BadTime = "bad_time",
    /// A period (limit) that is not one of working_days / natural_days / months with a
    /// non-negative whole number.
    BadLimit = "bad_limit",
    /// A computation needs a day outside the calendar's coverage.
    CalendarOutOfRange = "calendar_out_of_range",
    /// A date beyond what the product computes at all (years 1–9999).
    DateOutOfRange = "date_out_of_range",
    /// `effective.until` before `effective.from`, or versions that overlap.
    BadEffective = "bad_effective",
    /// No version of a policy set is in force on the received day.
    NotInForce = "not_in_force",
    // ---- requests ----
    /// A request that cannot be decided at all.
    BadRequest = "bad_request",
    /// The request's target is neither a service nor a bundle of the policy.
    UnknownTarget = "unknown_target",
    /// The request's region is not one of the policy's `regions`.
    UnknownRegion = "unknown_region",
    // ---- form and material errors inside a decision ----
    /// A required form field is absent or empty.
    Required = "required",
    /// A form value fails its `format` (USCC, resident id, mobile, postcode, email).
    Format = "format",
    /// A form value is outside `min` / `max` or not an integer where one is required.
    Range = "range",
    /// A form value is not one of the enum's values.
    NotInEnum = "not_in_enum",
    /// A material status the catalogue does not allow for that material.
    StatusNotAllowed = "status_not_allowed",
    /// A material status that is not one of provided / electronic / committed / missing.
    BadStatus = "bad_status",
    /// A form key the policy does not define (warning).
    UnknownFormKey = "unknown_form_key",
    /// A material id the catalogue does not define (warning).
    UnknownMaterialId = "unknown_material_id",
    /// A locale the product does not speak (warning; zh-CN is used).
    UnknownLocale = "unknown_locale",
    // ---- lint ----
    /// A field no condition or requirement uses.
    UnusedField = "unused_field",
    /// A catalogue material no service lists.
    UnusedMaterial = "unused_material",
    /// A material whose requirement can never hold.
    NeverRequired = "never_required",
    /// A condition that is always true or always false.
    ConstantCondition = "constant_condition",
    /// The stage schedule cannot meet the promise on any day.
    PromiseUnreachable = "promise_unreachable",
    /// A promise longer than the statutory limit.
    PromiseAboveLegal = "promise_above_legal",
    /// A bundle lists a service twice.
    DuplicateService = "duplicate_service",
    /// A supplement period longer than the service's promise.
    SupplementTooLong = "supplement_too_long",
    /// A commitment allowed on a material tied to safety, health or the environment.
    CommitmentNotAllowed = "commitment_not_allowed",
    /// A label without an `en` translation.
    MissingTranslation = "missing_translation",
    /// A gap between the effective ranges of a policy set's versions.
    EffectiveGap = "effective_gap",
    /// A tolerable material in a service whose tolerance allows none.
    ToleranceUnusable = "tolerance_unusable",
    /// A condition tests `committed(m)` or `electronic(m)` on a material whose catalogue entry
    /// does not allow that status, so it never holds.
    ImpossibleStatus = "impossible_status",
    /// Where a region departs from the policy's own values (information).
    RegionDeparts = "region_departs",
    // ---- limits, input values JSON cannot hold, the JS objects' lifecycle ----
    /// Loading stopped at the cap on reported problems; the rest are not listed.
    TooManyIssues = "too_many_issues",
    /// A number that JSON cannot hold (NaN, Infinity, -Infinity) in an object argument.
    NonFiniteNumber = "non_finite_number",
    /// A string with an unpaired UTF-16 surrogate, which no JSON text or Rust string can hold.
    LoneSurrogate = "lone_surrogate",
    /// The module instance was restarted after a trap; objects made before it are gone.
    InstanceReset = "instance_reset",
    /// A method called on an object after its `free()`.
    UseAfterFree = "use_after_free",
    /// `free()` called a second time on one object.
    DoubleFree = "double_free",
    /// A method called with `this` (or an argument) that is not an object of its class.
    WrongClass = "wrong_class",
    /// An `acknowledged` entry that matches no warning or note of lint.
    UnusedAcknowledgement = "unused_acknowledgement",
    // ---- published policies ----
    /// Bytes that are not a published policy (or set), or one that is cut short or altered.
    BadPublished = "bad_published",
    /// A published policy written by another format version or with other calendar data.
    PublishedMismatch = "published_mismatch",
}

impl serde::Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One problem, with where it is. `line` and `column` are 1-based, columns in UTF-16 code
/// units; both are `None` when the input was an object rather than JSON text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Diagnostic {
    pub path: String,
    pub line: Option<u32>,
    pub column: Option<u32>,
    pub code: Code,
    pub severity: Severity,
    pub message: Message,
    /// What the author probably meant (`did you mean `x`?`), apart from the message so that an
    /// editor can offer it as a quick fix; absent when there is no suggestion.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub help: Option<Box<Message>>,
}

impl Diagnostic {
    pub fn error(path: impl Into<String>, code: Code, message: Message) -> Self {
        Diagnostic {
            path: path.into(),
            line: None,
            column: None,
            code,
            severity: Severity::Error,
            message,
            help: None,
        }
    }

    /// The same diagnostic with the did-you-mean `help` (or none).
    pub fn with_help(mut self, help: Option<Message>) -> Self {
        self.help = help.map(Box::new);
        self
    }

    pub fn with_severity(mut self, severity: Severity) -> Self {
        self.severity = severity;
        self
    }

    /// The one-line form `path: message (help)` in `locale`.
    pub fn one_line(&self, locale: &str) -> String {
        let text = self.text(locale);
        if self.path.is_empty() {
            text
        } else {
            format!("{}: {text}", self.path)
        }
    }

    /// The message with its help, if any, in brackets: `message（help）` / `message (help)`.
    pub fn text(&self, locale: &str) -> String {
        let locale = Locale::parse(locale);
        let message = self.message.pick(locale);
        match (&self.help, locale) {
            (None, _) => message.to_string(),
            (Some(h), Locale::En) => format!("{message} ({})", h.en),
            (Some(h), Locale::ZhCn) => format!("{message}（{}）", h.zh),
        }
    }
}

/// Diagnostics in reading order: by line and column, then path, code and message.
pub fn sort_diagnostics(ds: &mut [Diagnostic]) {
    ds.sort_by(|a, b| {
        (a.line, a.column, &a.path, a.code, &a.message.en).cmp(&(
            b.line,
            b.column,
            &b.path,
            b.code,
            &b.message.en,
        ))
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn codes_are_unique_snake_case_and_documented() {
        let mut seen = HashSet::new();
        for c in Code::ALL {
            let s = c.as_str();
            assert!(seen.insert(s), "duplicate code {s}");
            assert!(
                s.chars().all(|ch| ch.is_ascii_lowercase() || ch == '_'),
                "{s}"
            );
        }
        let doc = include_str!("../docs/errors.md");
        for c in Code::ALL {
            assert!(
                doc.contains(&format!("`{}`", c.as_str())),
                "docs/errors.md lacks `{}`",
                c.as_str()
            );
        }
    }
}
