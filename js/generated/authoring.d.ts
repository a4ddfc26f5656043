// GENERATED from the Rust types by tests/ts_types.rs (`make types`); do not edit.
// The outputs of the policy-staff tools (the full module only).

/**
 * A case whose decision changes.
 */
export interface AffectedCase {
  name: string;
  changes: Array<CaseChange>;
}

/**
 * One difference in a case's decision between the two versions.
 */
export interface CaseChange {
  path: string;
  old: unknown;
  new: unknown;
}

/**
 * One expectation that did not hold.
 */
export interface CaseDifference {
  path: string;
  expected: unknown;
  actual: unknown;
}

/**
 * The report of a case run: counts and one result per case, in file order.
 */
export interface CaseReport {
  passed: number;
  failed: number;
  cases: Array<CaseResult>;
}

/**
 * The result of one case.
 */
export interface CaseResult {
  name: string;
  passed: boolean;
  differences: Array<CaseDifference>;
  /**
   * The issues of a `RequestError` when the request could not be decided; empty otherwise.
   */
  errors: Array<Diagnostic>;
}

/**
 * How many affected cases change in each respect (a case counts once per respect).
 */
export interface CaseSummary {
  /**
   * Cases whose decision changes at all (= `cases.len()`).
   */
  changed: number;
  outcome: number;
  /**
   * The overall due day.
   */
  due: number;
  counted_working_days: number;
  promise_met: number;
  legal_due: number;
}

/**
 * The kind of one policy change (docs/policy-tools.md).
 */
export type ChangeKind =
  | "id_changed"
  | "version_changed"
  | "effective_changed"
  | "calendar_changed"
  | "cutoff_changed"
  | "beyond_coverage_changed"
  | "label_changed"
  | "basis_changed"
  | "field_added"
  | "field_removed"
  | "field_type_changed"
  | "field_changed"
  | "material_added"
  | "material_removed"
  | "material_electronic_changed"
  | "material_commitment_changed"
  | "material_area_changed"
  | "service_added"
  | "service_removed"
  | "applies_if_changed"
  | "rejects_changed"
  | "service_material_added"
  | "service_material_removed"
  | "material_made_conditional"
  | "material_condition_changed"
  | "material_made_required"
  | "material_made_not_required"
  | "material_made_tolerable"
  | "material_no_longer_tolerable"
  | "supplement_period_changed"
  | "tolerance_changed"
  | "stage_added"
  | "stage_removed"
  | "stage_limit_changed"
  | "stage_limit_if_changed"
  | "stage_after_changed"
  | "stage_pauses_changed"
  | "promise_changed"
  | "legal_changed"
  | "bundle_added"
  | "bundle_removed"
  | "bundle_service_added"
  | "bundle_service_removed"
  | "bundle_order_changed"
  | "bundle_intake_changed"
  | "bundle_finish_changed"
  | "bundle_acceptance_changed"
  | "correction_notice_within_changed"
  | "legal_extension_changed"
  | "legal_if_changed"
  | "office_changed"
  | "promise_if_changed"
  | "region_added"
  | "region_changed"
  | "region_removed"
  | "stage_by_changed";

/**
 * The service guide of one target (a service or a bundle) in one locale.
 */
export interface Guide {
  target: string;
  /**
   * `service` or `bundle`.
   */
  kind: TargetKind;
  /**
   * `zh-CN` or `en`: the locale the texts are in.
   */
  locale: Locale;
  /**
   * The target's name.
   */
  title: string;
  policy: GuidePolicy;
  /**
   * The applicable services, in the target's order.
   */
  services: Array<GuideService>;
  /**
   * Every material the target can ask for, in order of first appearance.
   */
  materials: Array<GuideMaterial>;
  /**
   * The form fields the target needs, in the policy document's order (as `targets()`).
   */
  fields: Array<GuideField>;
  /**
   * For a bundle: one intake, one issue, its own limits.
   */
  bundle: GuideBundle | null;
  /**
   * The target's promised limit (承诺时限): the bundle's, or the service's.
   */
  promise: GuideLimit | null;
  /**
   * The target's statutory limit (法定时限).
   */
  legal: GuideLimit | null;
  /**
   * The target's own basis (the bundle's or the service's).
   */
  basis: Basis | null;
  /**
   * Conditional promises, the first that holds applies.
   */
  promise_if: Array<GuideLimitIf>;
  /**
   * Conditional statutory limits, the first that holds applies.
   */
  legal_if: Array<GuideLimitIf>;
  legal_extension: GuideExtension | null;
}

export interface GuideBundle {
  intake: GuidePhase | null;
  finish: GuidePhase | null;
  promise: GuideLimit | null;
  legal: GuideLimit | null;
  basis: Basis | null;
}

/**
 * `legal.extension`: how much longer, approved by whom (行政许可法 Art. 42 ¶1).
 */
export interface GuideExtension {
  limit: GuideLimit;
  approved_by: string;
}

export interface GuideField {
  id: string;
  label: string;
  type: FieldType;
  required: boolean;
  /**
   * A conditional requirement in plain language.
   */
  required_when: string | null;
  values: Array<GuideValue>;
  /**
   * Who fills it: `applicant`, `office` or `shared_data` (SPEC §7.7).
   */
  source: "applicant" | "office" | "shared_data";
}

/**
 * A time limit with its plain-language text (`3 个工作日`, `3 working days`).
 */
export interface GuideLimit {
  limit: Period;
  text: string;
}

export interface GuideLimitIf {
  condition: string;
  when: string;
  limit: GuideLimit;
}

export interface GuideMaterial {
  id: string;
  name: string;
  description: string | null;
  /**
   * `always` (required whenever the target is applied for) or `conditional`.
   */
  required: GuideRequired;
  /**
   * When it is required, in one sentence.
   */
  required_text: string;
  /**
   * Each service that can ask for it, with its own condition and tolerance.
   */
  uses: Array<GuideMaterialUse>;
  used_by: Array<string>;
  /**
   * May be taken from an electronic licence (免提交).
   */
  electronic: boolean;
  /**
   * May be replaced by a signed commitment (告知承诺).
   */
  commitment: boolean;
  /**
   * How a commitment is verified afterwards; null for `commitment: true` or none.
   */
  verification: GuideVerification | null;
  area: MaterialArea;
  /**
   * True when every service that asks for it tolerates its absence at intake (容缺).
   */
  tolerable: boolean;
  /**
   * The basis of the first use that has one, else the catalogue's (as the checklist says).
   */
  basis: Basis | null;
  /**
   * The catalogue material's own basis.
   */
  catalogue_basis: Basis | null;
}

export interface GuideMaterialUse {
  service: string;
  service_name: string;
  /**
   * Required whenever this service applies.
   */
  always: boolean;
  condition: string | null;
  when: string | null;
  /**
   * `supplement_within`: may be missing at intake and supplied within this period.
   */
  tolerable: GuideLimit | null;
  basis: Basis | null;
}

/**
 * A period that does not count (听证, 专家评审, 公示 …).
 */
export interface GuidePause {
  name: string;
  /**
   * `{"natural_days": N}` or `{"working_days": N}`.
   */
  length: GuideLimit;
  condition: string | null;
  when: string | null;
  basis: Basis | null;
}

/**
 * A bundle phase run once (一窗受理, 统一出件).
 */
export interface GuidePhase {
  name: string;
  limit: GuideLimit;
}

/**
 * Which rules the guide was generated from.
 */
export interface GuidePolicy {
  id: string;
  version: string;
  title: string;
  effective_from: DateString | null;
  effective_until: DateString | null;
  fingerprint: string;
  calendar: string;
}

/**
 * Where a reject sends the applicant instead.
 */
export interface GuideRedirect {
  target: string;
  name: string;
  /**
   * "请改为申请“…”" / "apply for … instead".
   */
  text: string;
}

/**
 * A not-accepted rule (不予受理情形).
 */
export interface GuideReject {
  condition: string;
  /**
   * The condition in plain language.
   */
  when: string;
  reason: string;
  basis: Basis | null;
  /**
   * The target to apply for instead (许可 → 备案), with its name (SPEC §7.5).
   */
  redirect: GuideRedirect | null;
}

/**
 * `always`: required whenever the target is applied for; `conditional`: only when a condition holds.
 */
export type GuideRequired = "always" | "conditional";

export interface GuideService {
  id: string;
  name: string;
  department: string | null;
  /**
   * The `applies_if` condition as written; null when the service always applies.
   */
  applies_if: string | null;
  /**
   * Who may apply: `applies_if` in plain language (or "any applicant").
   */
  who_may_apply: string;
  rejects: Array<GuideReject>;
  /**
   * The ids of the materials this service can ask for, in the policy's order.
   */
  materials: Array<string>;
  tolerance: GuideTolerance | null;
  stages: Array<GuideStage>;
  promise: GuideLimit | null;
  legal: GuideLimit | null;
  basis: Basis | null;
  /**
   * Conditional promises, the first that holds applies.
   */
  promise_if: Array<GuideLimitIf>;
  /**
   * Conditional statutory limits, the first that holds applies.
   */
  legal_if: Array<GuideLimitIf>;
  legal_extension: GuideExtension | null;
}

export interface GuideStage {
  id: string;
  /**
   * The stage's name (its id when it has none).
   */
  name: string;
  /**
   * Ids of the stages it starts after; `service.stage` or `service` for another service of
   * a bundle (SPEC §7.3).
   */
  after: Array<string>;
  /**
   * `office` or `applicant` (the applicant's own time, not counted; SPEC §7.2).
   */
  by: StageBy;
  limit: GuideLimit;
  limit_if: Array<GuideLimitIf>;
  pauses: Array<GuidePause>;
  basis: Basis | null;
}

/**
 * The service's tolerance rule (容缺受理).
 */
export interface GuideTolerance {
  max_missing: number | null;
  excluded_if: string | null;
  /**
   * `excluded_if` in plain language.
   */
  excluded_when: string | null;
  /**
   * The whole rule in one sentence.
   */
  text: string;
  basis: Basis | null;
}

export interface GuideValue {
  value: string;
  label: string;
}

/**
 * How a commitment (告知承诺) is verified after the fact (SPEC §7.6).
 */
export interface GuideVerification {
  /**
   * `site`, `data` or `documents`.
   */
  method: "site" | "data" | "documents";
  /**
   * Counted from the due day of the latest service using the material.
   */
  within: GuideLimit;
  /**
   * The whole rule in one sentence, revocation included.
   */
  text: string;
}

/**
 * One structural change.
 */
export interface PolicyChange {
  kind: ChangeKind;
  path: string;
  old: unknown;
  new: unknown;
  message: Message;
}

/**
 * The result of `Policy.diff`.
 */
export interface PolicyDiff {
  old: PolicyRef;
  new: PolicyRef;
  changes: Array<PolicyChange>;
  /**
   * How many cases were decided under both versions (0 without a case file).
   */
  cases_checked: number;
  /**
   * The cases whose decision changes, in file order.
   */
  cases: Array<AffectedCase>;
  /**
   * How many of them change in each respect.
   */
  summary: CaseSummary;
}

/**
 * Which policy a side of the diff is.
 */
export interface PolicyRef {
  id: string;
  version: string;
  fingerprint: string;
}

/**
 * `policy.stats(cases?)`.
 */
export interface PolicyStats {
  policy: StatsPolicy;
  cases_checked: number;
  /**
   * Cases whose request could not be decided (left out of every figure).
   */
  cases_undecided: number;
  /**
   * Targets by id: services first, then bundles.
   */
  targets: Array<TargetStats>;
}

/**
 * The figures of a region (SPEC §7.8): its promise and its cases' days.
 */
export interface RegionStats {
  id: string;
  name: string | null;
  /**
   * The region's own promise when it sets one, else the target's.
   */
  promise: Period | null;
  days: StatsDays;
}

/**
 * The counts of one batch; every number adds up across batches.
 */
export interface ReplayBatch {
  /**
   * Lines read (blank lines included).
   */
  lines: number;
  /**
   * Applications decided (lines that are requests).
   */
  applications: number;
  /**
   * Lines that are not requests.
   */
  errors: number;
  /**
   * Applications whose outcome, due day, counted days or promise_met differ.
   */
  changed: number;
  /**
   * `[old outcome, new outcome, count]`, sorted.
   */
  transitions: Array<[string, string, number]>;
  /**
   * `[shift in working days, count]` for applications with a due day in both versions.
   */
  due_shifts: Array<[number, number]>;
  promise_met_old: ReplayMet;
  promise_met_new: ReplayMet;
  /**
   * `[counted working days, count]`, under each version.
   */
  counted_old: Array<[number, number]>;
  counted_new: Array<[number, number]>;
  /**
   * The first `keep` changed applications, by line.
   */
  changed_list: Array<ReplayChanged>;
  /**
   * The first `keep` errors, by line.
   */
  error_list: Array<ReplayLineError>;
}

/**
 * An application whose decision differs between the versions.
 */
export interface ReplayChanged {
  /**
   * 1-based line of the file.
   */
  line: number;
  target: string;
  old: ReplaySeen;
  new: ReplaySeen;
  /**
   * `new.due` − `old.due` in working days (null unless both have a due day).
   */
  due_shift: number | null;
}

/**
 * A line that is not a usable request.
 */
export interface ReplayLineError {
  line: number;
  /**
   * UTF-16 column in the line, when the JSON text is broken there.
   */
  column: number | null;
  code: string;
  message: Message;
}

/**
 * Met and judged (with a promise) counts.
 */
export interface ReplayMet {
  met: number;
  judged: number;
}

/**
 * What one version decided for an application.
 */
export interface ReplaySeen {
  /**
   * The outcome, or `request_error` when the version cannot decide the request at all
   * (e.g. its target was removed).
   */
  outcome: string;
  received_on: DateString | null;
  due: DateString | null;
  /**
   * The office clock: counted working days (elapsed days where the timeline has no
   * separate count).
   */
  counted_working_days: number | null;
  promise_met: boolean | null;
}

/**
 * The day figures of a set of decided cases.
 */
export interface StatsDays {
  /**
   * Cases decided for this target (and region).
   */
  cases: number;
  /**
   * Of those, the cases with a timeline.
   */
  with_timeline: number;
  /**
   * The office clock (counted working days); falls back to elapsed days for a decision
   * that does not report counted days.
   */
  counted_working_days: StatsSpread | null;
  /**
   * Elapsed working days from the received day to the due day.
   */
  working_days: StatsSpread | null;
  /**
   * Cases whose timeline meets the promise, of those with a timeline and a promise.
   */
  promise_met: StatsShare | null;
  /**
   * Cases whose timeline meets the statutory limit.
   */
  legal_met: StatsShare | null;
}

export interface StatsPolicy {
  id: string;
  version: string;
}

/**
 * Fewest, typical (the median over the cases; null without cases) and most.
 */
export interface StatsRange {
  fewest: number;
  typical: number | null;
  most: number;
}

/**
 * `count` of `of`, and `count / of` rounded to three decimals (null when `of` is 0).
 */
export interface StatsShare {
  count: number;
  of: number;
  share: number | null;
}

/**
 * Minimum, median and maximum of a figure over the cases.
 */
export interface StatsSpread {
  min: number;
  median: number;
  max: number;
}

/**
 * The figures of one target.
 */
export interface TargetStats {
  id: string;
  /**
   * `service` or `bundle`.
   */
  kind: string;
  name: string;
  /**
   * Services of the target: all of them, and those that always apply.
   */
  services: number;
  /**
   * Distinct materials an applicant brings: those always required (fewest), the median
   * checklist over the cases (typical), every material the target can require (most).
   */
  materials: StatsRange;
  /**
   * Of the materials the target can require, those tolerable (容缺) in some service.
   */
  tolerable_materials: StatsShare;
  /**
   * Of those materials, those that accept a commitment (告知承诺).
   */
  commitment_materials: StatsShare;
  /**
   * Of those materials, those taken from an electronic licence (免提交).
   */
  electronic_materials: StatsShare;
  /**
   * Of the target's services, those with a tolerable material whose tolerance allows one.
   */
  tolerable_services: StatsShare;
  promise: Period | null;
  legal: Period | null;
  /**
   * Steps (环节): stages, plus a bundle's intake and finish; fewest with only the services
   * that always apply.
   */
  steps: StatsRange;
  days: StatsDays;
  /**
   * Per region of the policy (empty without regions).
   */
  regions: Array<RegionStats>;
}
