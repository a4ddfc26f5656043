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

/// A `{locale: text}` map; `zh-CN` is always present after loading. Kept as a short list
/// sorted by locale (a label has one to three entries, and a map node alone is larger than
/// most labels), with the usual locales' names not allocated.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Label(Box<[(std::borrow::Cow<'static, str>, Box<str>)]>);

impl From<BTreeMap<String, String>> for Label {
    fn from(map: BTreeMap<String, String>) -> Label {
        use std::borrow::Cow;
        Label(
            map.into_iter()
                .map(|(k, v)| {
                    let k = match k.as_str() {
                        "zh-CN" => Cow::Borrowed("zh-CN"),
                        "en" => Cow::Borrowed("en"),
                        _ => Cow::Owned(k),
                    };
                    (k, v.into_boxed_str())
                })
                .collect(),
        )
    }
}

impl Label {
    /// The text in `locale`, falling back to zh-CN.
    pub fn get(&self, locale: &str) -> &str {
        if let Some(t) = self.lookup(locale) {
            return t;
        }
        if crate::text::Locale::parse(locale).is_en() {
            if let Some(t) = self.lookup("en") {
                return t;
            }
        }
        self.lookup("zh-CN").unwrap_or("")
    }
    fn lookup(&self, locale: &str) -> Option<&str> {
        self.0
            .binary_search_by(|(k, _)| k.as_ref().cmp(locale))
            .ok()
            .and_then(|i| self.0.get(i))
            .map(|(_, v)| v.as_ref())
    }
    pub fn zh(&self) -> &str {
        self.get("zh-CN")
    }
    pub fn has(&self, locale: &str) -> bool {
        self.lookup(locale).is_some()
    }
    /// The entries, sorted by locale.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0.iter().map(|(k, v)| (k.as_ref(), v.as_ref()))
    }
    /// The label as a map (for output).
    pub fn to_map(&self) -> BTreeMap<String, String> {
        self.iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
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

/// The policy-text names of a plain enum: `ALL` (name, variant) in the documented order,
/// `parse` (exact name) and `as_str` (an exhaustive match, so a new variant cannot go unnamed).
macro_rules! names {
    ($t:ident { $($text:literal => $v:ident,)* }) => {
        impl $t {
            pub const ALL: [(&'static str, $t); [$($text),*].len()] = [$(($text, $t::$v)),*];
            pub fn parse(s: &str) -> Option<$t> {
                Self::ALL.iter().find(|(n, _)| *n == s).map(|(_, v)| *v)
            }
            pub fn as_str(self) -> &'static str {
                match self {
                    $($t::$v => $text,)*
                }
            }
        }
    };
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

names! { StringFormat {
    "uscc" => Uscc,
    "cn-resident-id" => CnResidentId,
    "cn-mobile" => CnMobile,
    "cn-postcode" => CnPostcode,
    "email" => Email,
} }

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
    /// Who fills the field (SPEC §7.7); `applicant` unless the policy says otherwise.
    pub source: FieldSource,
}

/// Who fills a form field (SPEC §7.7): the applicant, the window clerk, or data sharing
/// (电子证照, 数据共享).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum FieldSource {
    #[default]
    Applicant,
    Office,
    SharedData,
}

names! { FieldSource {
    "applicant" => Applicant,
    "office" => Office,
    "shared_data" => SharedData,
} }

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

names! { Area {
    "general" => General,
    "national_security" => NationalSecurity,
    "public_safety" => PublicSafety,
    "ecology_environment" => EcologyEnvironment,
    "health_life_property" => HealthLifeProperty,
    "finance" => Finance,
} }

/// A catalogue material, defined once and shared by the services that list it.
#[derive(Debug, Clone, PartialEq)]
pub struct Material {
    pub id: String,
    pub name: Label,
    /// May be taken from an electronic licence (免提交).
    pub electronic: bool,
    /// May be replaced by a signed commitment (告知承诺).
    pub commitment: bool,
    /// `commitment: {"verify_within", "method"}`: how and how soon a commitment is verified
    /// after the service is done (SPEC §7.6); `None` for `commitment: true` (no follow-up).
    pub verify: Option<Verify>,
    pub area: Area,
    /// Whether `area` is written in the policy (then lint trusts it, whatever the name says).
    pub area_written: bool,
    pub description: Option<Label>,
    pub basis: Option<Basis>,
}

/// How a commitment (告知承诺) is verified after the fact (事中事后核查).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Verify {
    /// Counted from the due day of the latest service using the material.
    pub within: Period,
    pub method: VerifyMethod,
}

/// How a commitment is verified: on site, against shared data, or by documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VerifyMethod {
    Site,
    Data,
    Documents,
}

names! { VerifyMethod {
    "site" => Site,
    "data" => Data,
    "documents" => Documents,
} }

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
    /// The target (service or bundle id) to apply for instead (SPEC §7.5, 许可 → 备案).
    pub redirect: Option<String>,
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

/// Who does a stage's work (SPEC §7.2): the office (counted) or the applicant (its `limit` is
/// the expected duration; it moves later dates but counts no office days).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum StageBy {
    #[default]
    Office,
    Applicant,
}

impl StageBy {
    pub fn as_str(self) -> &'static str {
        match self {
            StageBy::Office => "office",
            StageBy::Applicant => "applicant",
        }
    }
}

impl serde::Serialize for StageBy {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// A stage's `after` naming another service of a bundle (SPEC §7.3): `"<service>.<stage>"`
/// (after that stage's due day) or `"<service>"` (after that service's due day). Used only when
/// the other service is in the target and proceeding; dropped otherwise.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServiceDep {
    /// Index into `Policy::services`.
    pub service: usize,
    /// Index into that service's `stages`; `None`: the whole service.
    pub stage: Option<usize>,
    /// The entry's index in the stage's `after` list (for diagnostics).
    pub at: usize,
}

/// `legal.extension` (行政许可法 Art. 42 ¶1): how much longer the statutory limit may be, and
/// who approves it.
#[derive(Debug, Clone, PartialEq)]
pub struct Extension {
    pub limit: Period,
    pub approved_by: Label,
}

/// One entry of `legal_if`: `{"when", "legal": {<period>, "extension"?}}`.
#[derive(Debug, Clone, PartialEq)]
pub struct LegalIf {
    pub when: Cond,
    pub limit: Period,
    pub extension: Option<Extension>,
}

/// What a target (service or bundle) adds to its `promise` and `legal` (SPEC §7.1, §7.4):
/// `promise_if` / `legal_if` apply first (the first that holds), then `promise` / `legal`
/// with `legal.extension`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TargetLimits {
    pub promise_if: Vec<LimitIf>,
    pub legal_extension: Option<Extension>,
    pub legal_if: Vec<LegalIf>,
}

/// A service window (办理窗口): `{"name", "address"?, "phone"?, "hours"?}`, label maps.
#[derive(Debug, Clone, PartialEq)]
pub struct Office {
    pub name: Label,
    pub address: Option<Label>,
    pub phone: Option<Label>,
    pub hours: Option<Label>,
}

/// A region's limit for one stage (`"limits": {"<service>.<stage>": limit}`).
#[derive(Debug, Clone, PartialEq)]
pub struct RegionLimit {
    /// Index into `Policy::services`.
    pub service: usize,
    /// Index into that service's `stages`.
    pub stage: usize,
    pub limit: Period,
}

/// A county's variant of the policy (SPEC §7.8): its own window, cutoff, calendar, promise and
/// stage limits; everything it leaves out is the policy's own.
#[derive(Debug, Clone)]
pub struct Region {
    pub id: String,
    pub name: Label,
    pub office: Option<Office>,
    pub cutoff: Option<TimeOfDay>,
    /// The region's calendar, with its `{id, version}` for the decision's `policy` block.
    pub calendar: Option<(Calendar, CalendarInfo)>,
    pub promise: Option<Period>,
    pub promise_if: Vec<LimitIf>,
    /// Sorted by (service, stage).
    pub limits: Vec<RegionLimit>,
}

impl Region {
    /// The region's limit for a stage, if it sets one.
    pub fn limit(&self, service: usize, stage: usize) -> Option<Period> {
        self.limits
            .binary_search_by(|l| (l.service, l.stage).cmp(&(service, stage)))
            .ok()
            .and_then(|i| self.limits.get(i))
            .map(|l| l.limit)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Stage {
    pub id: String,
    pub name: Option<Label>,
    /// Indices into the service's `stages`.
    pub after: Vec<usize>,
    /// `after` entries naming another service (bundles only).
    pub after_services: Vec<ServiceDep>,
    pub by: StageBy,
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
    /// `promise_if`, `legal_if`, `legal.extension` (SPEC §7.1, §7.4).
    pub limits: TargetLimits,
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
    /// `promise_if`, `legal_if`, `legal.extension` (SPEC §7.1, §7.4).
    pub limits: TargetLimits,
    pub basis: Option<Basis>,
    /// Whether the services are accepted together or each on its own (SPEC §7.5).
    pub acceptance: Acceptance,
}

/// How a bundle's services are accepted (SPEC §7.5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Acceptance {
    /// All or none: the services proceed when the overall outcome is accepted (with
    /// tolerance or not).
    #[default]
    Together,
    /// Each applicable service whose own outcome is accepted (with tolerance or not) proceeds.
    PerService,
}

names! { Acceptance {
    "together" => Together,
    "per_service" => PerService,
} }

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
    /// Field indices in the policy document's order of `fields` (SPEC §7.7), when loaded from
    /// JSON text; by id when loaded from an already-parsed value (whose maps are sorted).
    pub field_order: Vec<usize>,
    /// Art. 32: the period after the received day within which the one-time correction
    /// notice is due (`correction_notice_within`, default 5 working days).
    pub correction_notice_within: Period,
    /// Sorted by id.
    pub materials: Vec<Material>,
    /// Sorted by id.
    pub services: Vec<Service>,
    /// Sorted by id.
    pub bundles: Vec<Bundle>,
    /// The window the notice ends with, unless the request's region has its own.
    pub office: Option<Office>,
    /// Sorted by id.
    pub regions: Vec<Region>,
    /// Lint findings accepted on purpose (`acknowledged`), in the policy's order.
    pub acknowledged: Vec<Acknowledgement>,
    /// `sha256:` + hex of the canonical document, computed on first use (see
    /// [`Policy::fingerprint`]): hashing the whole document is a fifth of loading.
    pub(crate) fingerprint_cache: std::sync::OnceLock<String>,
    /// The document's JSON text as loaded (a built-in pack's is the binary's own, `'static`),
    /// with its positions scanned on first use: the fingerprint and [`Policy::source`] derive
    /// from it on demand, lint's positions too; lint, diff, the guide and the engine read the
    /// model above. A loaded policy holds its model and this text only.
    pub(crate) doc: std::sync::Arc<crate::text::locate::LazyLocations>,
    /// Whether `doc` is the caller's own text (lint reports lines and columns), not the
    /// serialisation of an already-parsed document.
    pub(crate) positions: bool,
    /// [`Policy::source`], parsed on its first call (authoring tools only).
    pub(crate) source_cache: std::sync::OnceLock<serde_json::Value>,
}

impl Policy {
    /// `sha256:` + hex of the canonical document as loaded (`super::fingerprint`), computed
    /// on the first call and kept.
    pub fn fingerprint(&self) -> &str {
        self.fingerprint_cache
            .get_or_init(|| match self.source_cache.get() {
                Some(doc) => super::fingerprint::fingerprint(doc),
                // A parse of its own, dropped after hashing: deciding needs the fingerprint,
                // and keeping the parsed document would multiply the policy's memory.
                None => super::fingerprint::fingerprint(&self.parse_doc()),
            })
    }

    /// The policy without its document's text, the fingerprint computed first, so that it holds
    /// its model alone (the JS binding keeps the text in the JS heap, whose memory is
    /// collected, rather than in wasm memory, which never shrinks).
    /// Afterwards [`Policy::source`] is `null` and lint reports no lines and columns; every
    /// other operation reads the model and is unchanged.
    pub fn without_source(mut self) -> Policy {
        let _ = self.fingerprint();
        self.doc = Default::default();
        self.positions = false;
        self.source_cache = std::sync::OnceLock::new();
        self
    }

    /// The document as loaded (serde_json's maps are sorted by key): parsed from the kept text
    /// on the first call and kept from then on.
    pub fn source(&self) -> &serde_json::Value {
        self.source_cache.get_or_init(|| self.parse_doc())
    }

    fn parse_doc(&self) -> serde_json::Value {
        serde_json::from_str(self.doc.text()).unwrap_or(serde_json::Value::Null)
    }

    /// Where each path is in the text, when the policy was loaded from the caller's text.
    pub(crate) fn locations(&self) -> Option<&crate::text::locate::Locations> {
        self.positions.then(|| self.doc.get())
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
    pub fn region(&self, id: &str) -> Option<&Region> {
        self.regions
            .binary_search_by(|r| r.id.as_str().cmp(id))
            .ok()
            .and_then(|i| self.regions.get(i))
    }
}

impl Policy {
    /// Marks in `used` (indexed by field) every field the routes of a target read beyond its
    /// services' own conditions: the bundle's `promise_if` / `legal_if` (when the target is a
    /// bundle) and every region's `promise_if` (a region may apply to any target).
    pub fn mark_route_fields(&self, bundle: Option<&Bundle>, used: &mut [bool]) {
        let regions = self
            .regions
            .iter()
            .flat_map(|r| r.promise_if.iter().map(|l| &l.when));
        let own = bundle.into_iter().flat_map(|b| b.limits.conditions());
        for c in own.chain(regions) {
            for &i in c.expr.fields() {
                if let Some(u) = used.get_mut(i) {
                    *u = true;
                }
            }
        }
    }
}

impl TargetLimits {
    /// The conditions of `promise_if` and `legal_if`.
    pub fn conditions(&self) -> impl Iterator<Item = &Cond> {
        self.promise_if
            .iter()
            .map(|l| &l.when)
            .chain(self.legal_if.iter().map(|l| &l.when))
    }
}

impl Service {
    /// Every condition of the service, of any kind: `applies_if`, rejects, material
    /// requirements, tolerance exclusion, `promise_if` / `legal_if`, stage `limit_if` and pause
    /// conditions.
    pub fn conditions(&self) -> Vec<&Cond> {
        let mut out: Vec<&Cond> = Vec::new();
        out.extend(self.applies_if.as_ref());
        out.extend(self.rejects.iter().map(|r| &r.when));
        out.extend(self.materials.iter().filter_map(|m| match &m.required {
            Requirement::If(c) => Some(c),
            _ => None,
        }));
        out.extend(self.tolerance.as_ref().and_then(|t| t.excluded_if.as_ref()));
        out.extend(self.limits.conditions());
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

impl Policy {
    /// The fields the form of a target made of `services` (indices) needs (SPEC §7.7), in the
    /// policy document's order: those the services' conditions read, those that may be
    /// required, and — transitively — those a needed field's `required` condition reads (a
    /// "filed by an agent" checkbox that makes the agent's id required).
    pub fn needed_fields(&self, services: &[usize]) -> Vec<usize> {
        self.needed_fields_with_routes(services, None)
    }

    /// [`Policy::needed_fields`] plus the fields the bundle's and the regions' `promise_if` /
    /// `legal_if` read (SPEC §7.4, §7.8).
    pub fn needed_fields_with_routes(
        &self,
        services: &[usize],
        bundle: Option<&Bundle>,
    ) -> Vec<usize> {
        let mut used = vec![false; self.fields.len()];
        self.mark_route_fields(bundle, &mut used);
        for &si in services {
            if let Some(s) = self.services.get(si) {
                s.mark_fields(&mut used);
            }
        }
        let mut todo: Vec<usize> = Vec::new();
        for (i, f) in self.fields.iter().enumerate() {
            if !matches!(f.required, Requirement::Never) {
                if let Some(u) = used.get_mut(i) {
                    *u = true;
                }
            }
            if used.get(i).copied().unwrap_or(false) {
                todo.push(i);
            }
        }
        // Each field enters `todo` once (when first marked): linear in the conditions' size.
        while let Some(i) = todo.pop() {
            let Some(Requirement::If(c)) = self.fields.get(i).map(|f| &f.required) else {
                continue;
            };
            for &j in c.expr.fields() {
                if let Some(u) = used.get_mut(j).filter(|u| !**u) {
                    *u = true;
                    todo.push(j);
                }
            }
        }
        self.field_order
            .iter()
            .copied()
            .filter(|&i| used.get(i).copied().unwrap_or(false))
            .collect()
    }
}
