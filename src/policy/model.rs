//! The validated policy model. Loading (`load.rs`) builds it from a JSON document and checks
//! everything once; the decision engine only ever sees these types, so it never re-validates.
//!
//! All collections keyed by id are `Vec`s sorted by id, with indices used for references
//! (`MaterialReq::material`, `Bundle::services`, `Stage::after`), so evaluation does no map
//! lookups by string.

use std::collections::BTreeMap;

use crate::calendar::{BeyondCoverage, Calendar, Period, TimeOfDay};
use crate::date::Date;
use crate::expr::{Expr, FieldType};

/// A `{locale: text}` map; `zh-CN` is always present after loading.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Label(pub BTreeMap<String, String>);

impl Label {
    /// The text in `locale`, falling back to zh-CN.
    pub fn get(&self, locale: &str) -> &str {
        if let Some(t) = self.0.get(locale) {
            return t;
        }
        if locale.starts_with("en") {
            if let Some(t) = self.0.get("en") {
                return t;
            }
        }
        self.0.get("zh-CN").map(String::as_str).unwrap_or("")
    }
    pub fn zh(&self) -> &str {
        self.get("zh-CN")
    }
    pub fn has(&self, locale: &str) -> bool {
        self.0.contains_key(locale)
    }
}

/// A legal basis (设定依据): a citation label and an optional URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Basis {
    pub label: Label,
    pub url: Option<String>,
}

/// A compiled condition with its source text (kept for `because`, lint and the guide).
#[derive(Debug, Clone, PartialEq)]
pub struct Cond {
    pub src: String,
    pub expr: Expr,
}

/// `required: true | false | "<condition>"`.
#[derive(Debug, Clone, PartialEq)]
pub enum Requirement {
    Never,
    Always,
    If(Cond),
}

/// A string `format` of a form field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StringFormat {
    Uscc,
    CnResidentId,
    CnMobile,
    CnPostcode,
    Email,
}

impl StringFormat {
    pub const ALL: [(&'static str, StringFormat); 5] = [
        ("uscc", StringFormat::Uscc),
        ("cn-resident-id", StringFormat::CnResidentId),
        ("cn-mobile", StringFormat::CnMobile),
        ("cn-postcode", StringFormat::CnPostcode),
        ("email", StringFormat::Email),
    ];
    pub fn parse(s: &str) -> Option<StringFormat> {
        Self::ALL.iter().find(|(n, _)| *n == s).map(|(_, f)| *f)
    }
    pub fn as_str(self) -> &'static str {
        Self::ALL
            .iter()
            .find(|(_, f)| *f == self)
            .map(|(n, _)| *n)
            .unwrap_or("")
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    pub id: String,
    pub ty: FieldType,
    /// Absent: the field is shown by its id.
    pub label: Option<Label>,
    /// A longer explanation shown with the field (the guide, lint, diff), optional.
    pub description: Option<Label>,
    /// Labels for enum values (`"value_labels": {"industrial": {"zh-CN": "工业"}}`), optional.
    pub value_labels: BTreeMap<String, Label>,
    pub required: Requirement,
    pub min: Option<f64>,
    pub max: Option<f64>,
    pub integer: bool,
    pub format: Option<StringFormat>,
    /// Only for `string`: maximum length in characters (optional).
    pub max_length: Option<u32>,
}

impl Field {
    /// The label in `locale`, or the id when the field has none.
    pub fn label<'a>(&'a self, locale: &str) -> &'a str {
        self.label
            .as_ref()
            .map(|l| l.get(locale))
            .unwrap_or(&self.id)
    }
}

/// The area a material belongs to, for the 国办发〔2020〕42号 commitment exclusions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Area {
    General,
    NationalSecurity,
    PublicSafety,
    EcologyEnvironment,
    HealthLifeProperty,
    Finance,
}

impl Area {
    pub const ALL: [(&'static str, Area); 6] = [
        ("general", Area::General),
        ("national_security", Area::NationalSecurity),
        ("public_safety", Area::PublicSafety),
        ("ecology_environment", Area::EcologyEnvironment),
        ("health_life_property", Area::HealthLifeProperty),
        ("finance", Area::Finance),
    ];
    pub fn parse(s: &str) -> Option<Area> {
        Self::ALL.iter().find(|(n, _)| *n == s).map(|(_, a)| *a)
    }
    pub fn as_str(self) -> &'static str {
        Self::ALL
            .iter()
            .find(|(_, a)| *a == self)
            .map(|(n, _)| *n)
            .unwrap_or("general")
    }
}

/// A catalogue material, defined once and shared by the services that list it.
#[derive(Debug, Clone, PartialEq)]
pub struct Material {
    pub id: String,
    pub name: Label,
    /// May be taken from an electronic licence (免提交).
    pub electronic: bool,
    /// May be replaced by a signed commitment (告知承诺).
    pub commitment: bool,
    pub area: Area,
    /// Whether `area` is written in the policy (then lint trusts it, whatever the name says).
    pub area_written: bool,
    pub description: Option<Label>,
    pub basis: Option<Basis>,
}

/// One entry of a service's materials list.
#[derive(Debug, Clone, PartialEq)]
pub struct MaterialReq {
    /// Index into `Policy::materials`.
    pub material: usize,
    pub required: Requirement,
    /// `tolerable: {"supplement_within": <period>}`: may be missing at intake (容缺).
    pub tolerable: Option<Period>,
    pub basis: Option<Basis>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Reject {
    pub when: Cond,
    pub reason: Label,
    pub basis: Option<Basis>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Tolerance {
    /// Absent: no limit.
    pub max_missing: Option<u32>,
    pub excluded_if: Option<Cond>,
    pub basis: Option<Basis>,
}

/// The length of a stage pause: natural days or working days.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PauseLen {
    NaturalDays(u32),
    WorkingDays(u32),
}

#[derive(Debug, Clone, PartialEq)]
pub struct StagePause {
    pub name: Label,
    pub len: PauseLen,
    pub when: Option<Cond>,
    pub basis: Option<Basis>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct LimitIf {
    pub when: Cond,
    pub limit: Period,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Stage {
    pub id: String,
    pub name: Option<Label>,
    /// Indices into the service's `stages`.
    pub after: Vec<usize>,
    pub limit: Period,
    pub limit_if: Vec<LimitIf>,
    pub pauses: Vec<StagePause>,
    pub basis: Option<Basis>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Service {
    pub id: String,
    pub name: Label,
    pub department: Option<Label>,
    /// `None` means always applicable.
    pub applies_if: Option<Cond>,
    pub rejects: Vec<Reject>,
    pub materials: Vec<MaterialReq>,
    pub tolerance: Option<Tolerance>,
    /// In the policy's order.
    pub stages: Vec<Stage>,
    /// A topological order of `stages` (indices), computed at load.
    pub stage_order: Vec<usize>,
    pub promise: Option<Period>,
    pub legal: Option<Period>,
    pub basis: Option<Basis>,
}

/// A phase of a bundle run once for all its services (一窗受理, 统一出件).
#[derive(Debug, Clone, PartialEq)]
pub struct Phase {
    pub name: Option<Label>,
    pub limit: Period,
}

/// A service listed twice in a bundle's `services`: the positions as written and the service.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RepeatedService {
    /// Position of the repeat in the list as written.
    pub at: usize,
    /// Position of the first mention in the list as written.
    pub first: usize,
    /// Index into `Policy::services`.
    pub service: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Bundle {
    pub id: String,
    pub name: Label,
    /// Indices into `Policy::services`, in the bundle's order.
    pub services: Vec<usize>,
    /// Services listed again after their first mention (ignored; lint warns).
    pub repeated: Vec<RepeatedService>,
    pub intake: Option<Phase>,
    pub finish: Option<Phase>,
    pub promise: Option<Period>,
    pub legal: Option<Period>,
    pub basis: Option<Basis>,
}

/// Calendar choice of a policy, as written (for the decision's `policy.calendar` block).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarInfo {
    pub id: String,
    pub version: String,
    /// Local overrides as written (`calendar: {"base", "holidays", "workdays"}`), often empty.
    pub holidays: Vec<Date>,
    pub workdays: Vec<Date>,
}

/// A lint finding accepted on purpose: its code and path as lint reports them, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Acknowledgement {
    pub code: String,
    pub path: String,
    pub reason: Label,
}

/// A loaded, validated, compiled policy.
#[derive(Debug, Clone)]
pub struct Policy {
    pub id: String,
    pub version: String,
    pub title: Label,
    pub effective_from: Option<Date>,
    pub effective_until: Option<Date>,
    pub calendar: Calendar,
    pub calendar_info: CalendarInfo,
    pub cutoff: TimeOfDay,
    pub beyond_coverage: BeyondCoverage,
    /// Sorted by id; `Field` index = position here = the index conditions use.
    pub fields: Vec<Field>,
    /// Sorted by id.
    pub materials: Vec<Material>,
    /// Sorted by id.
    pub services: Vec<Service>,
    /// Sorted by id.
    pub bundles: Vec<Bundle>,
    /// Lint findings accepted on purpose (`acknowledged`), in the policy's order.
    pub acknowledged: Vec<Acknowledgement>,
    /// `sha256:` + hex of the canonical document, computed on first use (see
    /// [`Policy::fingerprint`]): hashing the whole document is a fifth of loading.
    pub(crate) fingerprint_cache: std::sync::OnceLock<String>,
    /// The document as loaded (serde_json's maps are sorted by key). Only the fingerprint
    /// reads it: lint, diff, the guide and the engine read the model above, which keeps
    /// everything they need (with defaults filled in).
    pub source: serde_json::Value,
    /// Where each path is in the JSON text, when the policy was loaded from text (so `lint`
    /// can give lines and columns), scanned on first use; `None` for `from_value`.
    pub(crate) locations: Option<std::sync::Arc<crate::text::locate::LazyLocations>>,
}

impl Policy {
    /// `sha256:` + hex of the canonical document as loaded (`super::fingerprint`), computed
    /// on the first call and kept.
    pub fn fingerprint(&self) -> &str {
        self.fingerprint_cache
            .get_or_init(|| super::fingerprint::fingerprint(&self.source))
    }

    pub fn field_index(&self, id: &str) -> Option<usize> {
        self.fields.binary_search_by(|f| f.id.as_str().cmp(id)).ok()
    }
    pub fn material_index(&self, id: &str) -> Option<usize> {
        self.materials
            .binary_search_by(|m| m.id.as_str().cmp(id))
            .ok()
    }
    pub fn service_index(&self, id: &str) -> Option<usize> {
        self.services
            .binary_search_by(|s| s.id.as_str().cmp(id))
            .ok()
    }
    pub fn bundle_index(&self, id: &str) -> Option<usize> {
        self.bundles
            .binary_search_by(|b| b.id.as_str().cmp(id))
            .ok()
    }
}

impl Service {
    /// Every condition of the service, of any kind: `applies_if`, rejects, material
    /// requirements, tolerance exclusion, stage `limit_if` and pause conditions.
    pub fn conditions(&self) -> Vec<&Cond> {
        let mut out: Vec<&Cond> = Vec::new();
        out.extend(self.applies_if.as_ref());
        out.extend(self.rejects.iter().map(|r| &r.when));
        out.extend(self.materials.iter().filter_map(|m| match &m.required {
            Requirement::If(c) => Some(c),
            _ => None,
        }));
        out.extend(self.tolerance.as_ref().and_then(|t| t.excluded_if.as_ref()));
        for st in &self.stages {
            out.extend(st.limit_if.iter().map(|l| &l.when));
            out.extend(st.pauses.iter().filter_map(|p| p.when.as_ref()));
        }
        out
    }

    /// Marks in `used` (indexed by field) every field the service's conditions read.
    pub fn mark_fields(&self, used: &mut [bool]) {
        for c in self.conditions() {
            for &i in c.expr.fields() {
                if let Some(u) = used.get_mut(i) {
                    *u = true;
                }
            }
        }
    }
}
