// GENERATED from the Rust types by tests/ts_types.rs (`make types`); do not edit.
// The output types of every module (the portal's too).

/**
 * A legal basis as shown to applicants.
 */
export interface Basis {
  label: string;
  url: string | null;
}

/**
 * Why a material is required by one service: the condition and the values that made it hold.
 */
export interface Because {
  service: string;
  condition: string;
  values: { [key: string]: FormValue };
}

export interface CalendarBlock {
  id: string;
  from: DateString;
  to: DateString;
  version: string;
}

/**
 * One entry of the materials checklist: every required material once.
 */
export interface ChecklistItem {
  id: string;
  name: string;
  status: MaterialStatus;
  used_by: Array<string>;
  tolerable: Tolerable | null;
  because: Array<Because>;
  /**
   * May be taken from an electronic licence.
   */
  electronic: boolean;
  /**
   * May be replaced by a signed commitment.
   */
  commitment: boolean;
  basis: Basis | null;
}

/**
 * The compact decision; every field equals the same field of the full `Decision`.
 */
export interface CompactDecision {
  outcome: Outcome;
  services: Array<CompactService>;
  /**
   * The services that go ahead, sorted (SPEC §7.5).
   */
  proceeding: Array<string>;
  field_errors: Array<Issue>;
  /**
   * The fields required for the form as sent, sorted (SPEC §7.7).
   */
  required_fields: Array<string>;
  missing: Array<CompactMissing>;
  /**
   * The office clock of the timeline (SPEC §7.1): the full decision's
   * `timeline.counted_working_days`; null when no service proceeds or the timeline cannot be
   * computed. Only computed when some service proceeds (then it costs a full analysis).
   */
  counted_working_days: number | null;
}

/**
 * A required material that is missing.
 */
export interface CompactMissing {
  id: string;
  tolerated: boolean;
}

/**
 * One applicable service's outcome.
 */
export interface CompactService {
  id: string;
  outcome: Outcome;
}

/**
 * `YYYY-MM-DD`, a China civil date.
 */
export type DateString = string;

/**
 * The decision of SPEC §2 and §7. Every key is always present; lists are in a stable order.
 */
export interface Decision {
  outcome: Outcome;
  target: string;
  received_on: DateString;
  services: Array<ServiceOutcome>;
  not_applicable: Array<string>;
  /**
   * The services that go ahead (SPEC §7.5), sorted; never null.
   */
  proceeding: Array<string>;
  checklist: Array<ChecklistItem>;
  missing: Array<MissingItem>;
  /**
   * Verifications of committed materials (SPEC §7.6), sorted by material; never null.
   */
  follow_ups: Array<FollowUp>;
  field_errors: Array<Issue>;
  /**
   * The fields required for the form as sent, filled or not (SPEC §7.7), sorted.
   */
  required_fields: Array<string>;
  warnings: Array<Issue>;
  notice: string;
  /**
   * Art. 32: when the outcome is `needs_correction`, the day by which the office must give
   * the one-time notice; null otherwise.
   */
  correction_notice_due: DateString | null;
  timeline: Timeline | null;
  timeline_error: Issue | null;
  policy: PolicyBlock;
}

/**
 * One problem, with where it is. `line` and `column` are 1-based, columns in UTF-16 code
 * units; both are `null` when the input was an object rather than JSON text.
 */
export interface Diagnostic {
  path: string;
  line: number | null;
  column: number | null;
  code: ErrorCode;
  severity: Severity;
  message: Message;
  /**
   * What the author probably meant (`did you mean `x`?`), apart from the message so that an
   * editor can offer it as a quick fix; absent when there is no suggestion.
   */
  help?: Message;
}

/**
 * Every stable error and issue code (docs/errors.md): `Diagnostic.code`, `Issue.code` and the thrown error's `code`.
 */
export type ErrorCode =
  | "invalid_json"
  | "unknown_field"
  | "missing_field"
  | "type_mismatch"
  | "duplicate_key"
  | "duplicate_id"
  | "bad_id"
  | "unsupported_format"
  | "bad_value"
  | "missing_label"
  | "too_large"
  | "unknown_form_field"
  | "unknown_material"
  | "unknown_service"
  | "unknown_stage"
  | "stage_cycle"
  | "unknown_calendar"
  | "unknown_format"
  | "syntax"
  | "too_deep"
  | "unknown_function"
  | "bad_date"
  | "bad_time"
  | "bad_limit"
  | "calendar_out_of_range"
  | "date_out_of_range"
  | "bad_effective"
  | "not_in_force"
  | "bad_request"
  | "unknown_target"
  | "unknown_region"
  | "required"
  | "format"
  | "range"
  | "not_in_enum"
  | "status_not_allowed"
  | "bad_status"
  | "unknown_form_key"
  | "unknown_material_id"
  | "unknown_locale"
  | "unused_field"
  | "unused_material"
  | "never_required"
  | "constant_condition"
  | "promise_unreachable"
  | "promise_above_legal"
  | "duplicate_service"
  | "supplement_too_long"
  | "commitment_not_allowed"
  | "missing_translation"
  | "effective_gap"
  | "tolerance_unusable"
  | "impossible_status"
  | "region_departs"
  | "too_many_issues"
  | "non_finite_number"
  | "lone_surrogate"
  | "instance_reset"
  | "use_after_free"
  | "double_free"
  | "wrong_class"
  | "unused_acknowledgement"
  | "bad_published"
  | "published_mismatch";

/**
 * `legal.extension` as it applies (SPEC §7.1, 行政许可法 Art. 42 ¶1).
 */
export interface ExtensionOut {
  limit: Period;
  approved_by: string;
}

/**
 * A form field as a portal renders it.
 */
export interface FieldInfo {
  id: string;
  type: FieldType;
  label: LabelMap;
  /**
   * `true`, `false` or the condition under which it is required.
   */
  required: boolean | string;
  values: Array<string> | null;
  value_labels: { [key: string]: LabelMap } | null;
  min: number | null;
  max: number | null;
  integer: boolean;
  format: StringFormat | null;
  max_length: number | null;
  /**
   * Who fills it: `applicant`, `office` or `shared_data` (SPEC §7.7).
   */
  source: "applicant" | "office" | "shared_data";
}

/**
 * The type of a form field.
 */
export type FieldType = "string" | "number" | "bool" | "enum" | "date";

/**
 * The verification of a commitment (告知承诺) after the fact (SPEC §7.6).
 */
export interface FollowUp {
  material: string;
  /**
   * `site`, `data` or `documents`.
   */
  method: "site" | "data" | "documents";
  /**
   * `verify_within` counted from the due day of the latest proceeding service using the
   * material; null when that day is not known (no timeline).
   */
  due: DateString | null;
}

/**
 * A form value: text, number, yes/no, or null for an empty field.
 */
export type FormValue = string | number | boolean | null;

/**
 * A problem or warning in a decision: `{path, code, message}`.
 */
export interface Issue {
  path: string;
  code: ErrorCode;
  message: Message;
}

/**
 * A `{locale: text}` map; `zh-CN` is always present.
 */
export interface LabelMap {
  "zh-CN": string; en?: string; [locale: string]: string | undefined;
}

/**
 * A locale the product speaks (any other tag reads as zh-CN).
 */
export type Locale = "zh-CN" | "en";

/**
 * The area a material belongs to (commitment exclusions of 国办发〔2020〕42号).
 */
export type MaterialArea =
  | "general"
  | "national_security"
  | "public_safety"
  | "ecology_environment"
  | "health_life_property"
  | "finance";

/**
 * How a request gives a catalogue material, as conditions test it. Absent from the request
 * and a status the catalogue does not allow both read as `Missing`.
 */
export type MaterialStatus = "provided" | "electronic" | "committed" | "missing";

/**
 * A user-facing message in both supported locales.
 */
export interface Message {
  "zh-CN": string;
  en: string;
}

export interface MissingItem {
  id: string;
  name: string;
  tolerated: boolean;
  supplement_due: DateString | null;
  used_by: Array<string>;
}

/**
 * The window of a decision (its `policy.office`), in the request's locale.
 */
export interface OfficeOut {
  name: string;
  address: string | null;
  phone: string | null;
  hours: string | null;
}

/**
 * Outcome of a service or of the whole application, from best to worst.
 */
export type Outcome = "accepted" | "accepted_with_tolerance" | "needs_correction" | "not_accepted";

/**
 * A pause of a stage as scheduled: the days it covers (inclusive), which do not count.
 */
export interface PauseTime {
  name: string;
  from: DateString;
  to: DateString;
  /**
   * The pause's length in its unit.
   */
  days: number;
  /**
   * `natural_days` or `working_days`.
   */
  unit: "natural_days" | "working_days";
}

/**
 * A time limit: N working days, N natural days or N months.
 */
export type Period = { working_days: number } | { natural_days: number } | { months: number };

/**
 * A phase run once for a bundle (intake, finish).
 */
export interface PhaseTime {
  name: string | null;
  start: DateString;
  due: DateString;
  working_days: number;
}

export interface PolicyBlock {
  id: string;
  version: string;
  fingerprint: string;
  calendar: CalendarBlock;
  /**
   * The request's region (SPEC §7.8), or null.
   */
  region: string | null;
  /**
   * The window the notice ends with (the region's, else the policy's), or null.
   */
  office: OfficeOut | null;
}

/**
 * A rejection reason of a service.
 */
export interface Reason {
  condition: string;
  reason: string;
  basis: Basis | null;
}

/**
 * A service's place in the serial schedule.
 */
export interface SerialSlot {
  id: string;
  start: DateString;
  due: DateString;
}

export interface ServiceOutcome {
  id: string;
  name: string;
  outcome: Outcome;
  reasons: Array<Reason>;
  /**
   * The target to apply for instead (the first holding reject that names one), or null.
   */
  redirect: string | null;
}

/**
 * One service as scheduled.
 */
export interface ServiceTime {
  id: string;
  name: string;
  start: DateString;
  due: DateString;
  /**
   * The largest sum of counted days over a chain of the service's own stages.
   */
  counted_working_days: number;
  stages: Array<StageTime>;
}

/**
 * How serious a diagnostic is. Load problems are always `Error`; lint uses all three.
 */
export type Severity = "error" | "warning" | "info";

/**
 * Who does a stage's work: the office (counted) or the applicant (its own time, not counted).
 */
export type StageBy = "office" | "applicant";

/**
 * One stage as scheduled.
 */
export interface StageTime {
  id: string;
  name: string | null;
  /**
   * `office` or `applicant` (SPEC §7.2).
   */
  by: StageBy;
  start: DateString;
  due: DateString;
  /**
   * Working days of the stage's limit: in (start + pauses, due].
   */
  working_days: number;
  /**
   * What the office clock counts: `working_days` for an office stage, 0 for the applicant's.
   */
  counted_working_days: number;
  /**
   * Calendar days paused at the start of the stage.
   */
  paused_days: number;
  pauses: Array<PauseTime>;
  limit: Period;
  basis: Basis | null;
}

/**
 * The `format` a string field's value is checked against.
 */
export type StringFormat = "uscc" | "cn-resident-id" | "cn-mobile" | "cn-postcode" | "email";

/**
 * A service or bundle a request may name, with the fields its rules read.
 */
export interface Target {
  id: string;
  kind: TargetKind;
  name: LabelMap;
  services: Array<string>;
  fields: Array<FieldInfo>;
  /**
   * Every condition of the target (fields' `required`, and each service's `applies_if`,
   * rejects, material requirements, tolerance, `limit_if`, pauses) in words an applicant
   * can read, by its source text: `{"capacity_kva > 160": {"zh-CN": "报装容量(kVA) 大于
   * 160", "en": "…"}}`. Rendered from the compiled condition, as the service guide is, so
   * a portal never re-parses the condition language.
   */
  conditions: { [key: string]: LabelMap };
}

/**
 * What a request targets: one service, or a bundle of services (一件事).
 */
export type TargetKind = "service" | "bundle";

/**
 * The timeline of a request (SPEC §3, "Timeline result", and §7.1).
 */
export interface Timeline {
  received_on: DateString;
  due: DateString;
  /**
   * Elapsed: working days in (received_on, due].
   */
  working_days: number;
  /**
   * The office clock (SPEC §7.1).
   */
  counted_working_days: number;
  intake: PhaseTime | null;
  services: Array<ServiceTime>;
  finish: PhaseTime | null;
  supplement_due: DateString | null;
  promise: Period | null;
  legal: Period | null;
  promise_met: boolean | null;
  legal_met: boolean | null;
  /**
   * The day the office clock reaches `legal`; null without a `legal` limit.
   */
  legal_due: DateString | null;
  legal_extension: ExtensionOut | null;
  /**
   * The same with `legal` + its extension; null without either.
   */
  legal_extended_due: DateString | null;
  serial_due: DateString;
  serial_working_days: number;
  saved_working_days: number;
  serial: Array<SerialSlot>;
  estimated: boolean;
}

export interface Tolerable {
  supplement_within: Period;
}

/**
 * One version as listed by `set.versions()`.
 */
export interface VersionInfo {
  id: string;
  version: string;
  fingerprint: string;
  from: DateString | null;
  until: DateString | null;
}
