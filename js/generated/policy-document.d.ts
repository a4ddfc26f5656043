// GENERATED from the Rust types by tests/ts_types.rs (`make types`); do not edit.
// The policy document (docs/policy-format.md), from schema/policy.schema.json. Values the
// format enumerates are offered for completion but typed as any string, and numbers as
// `number`, so an imported JSON file type-checks; the loader judges the values.

/** A government-service intake policy (see docs/policy-format.md). */
export interface PolicyDocument {
  /** A note for people (a string or a list of strings); ignored by the rules. */
  "$comment"?: string | string[];
  /** The schema for editors; ignored by the rules and the fingerprint. */
  "$schema"?: string;
  /** Lint findings accepted on purpose, each by its code and path with the reason; `lint()` reports them as `info` with the reason. Only warnings and notes can be acknowledged, not errors. */
  acknowledged?: PolicyAcknowledged[];
  /** Dates beyond the calendar's coverage: an error (default) or an estimate. */
  beyond_coverage?: "error" | "weekends_only" | (string & {});
  /** Bundle id → bundle; ids shared with services. */
  bundles?: {
    /** A note for people; ignored by the rules. */
    "$comment"?: string | string[];
    [key: string]: PolicyBundle | string | string[];
  };
  /** `cn-mainland` (default) or a calendar with local holidays and workdays. */
  calendar?: "cn-mainland" | (string & {}) | PolicyCalendar;
  /** 行政许可法 Art. 32: the period after the received day within which the one-time correction notice is due when an application needs correction (default {"working_days": 5}). */
  correction_notice_within?: PolicyPeriod;
  /** China time after which a submission counts the next working day (default `17:00`). */
  cutoff?: string;
  /** When the policy is in force. */
  effective?: PolicyEffective;
  /** The form: field id → field. */
  fields: {
    /** A note for people; ignored by the rules. */
    "$comment"?: string | string[];
    [key: string]: PolicyField | string | string[];
  };
  /** The format version: 1. */
  format: number;
  /** Stable policy id, e.g. `cn.example.joint-utility`. */
  id: string;
  /** The catalogue: material id → material. */
  materials: {
    /** A note for people; ignored by the rules. */
    "$comment"?: string | string[];
    [key: string]: PolicyMaterial | string | string[];
  };
  /** The window the one-time notice ends with (a region may have its own). */
  office?: PolicyOffice;
  /** Region id → a county's variant of the policy (its own window, cutoff, calendar, promise and stage limits); a request names one with `region`. */
  regions?: {
    /** A note for people; ignored by the rules. */
    "$comment"?: string | string[];
    [key: string]: PolicyRegion | string | string[];
  };
  /** Service id → service (at least one). */
  services: {
    /** A note for people; ignored by the rules. */
    "$comment"?: string | string[];
    [key: string]: PolicyService | string | string[];
  };
  /** The policy's title. */
  title: PolicyLabel;
  /** The policy's version. */
  version: string;
}

/** A lint finding accepted on purpose: its code, its path exactly as `lint()` reports it, and why. */
export interface PolicyAcknowledged {
  /** A note for people (a string or a list of strings); ignored by the rules. */
  "$comment"?: string | string[];
  /** The finding's code, e.g. `commitment_not_allowed`. */
  code: string;
  /** The finding's path, e.g. `materials.food_safety_plan.commitment`. */
  path: string;
  /** Why the finding is accepted; shown with the finding. */
  reason: PolicyLabel;
}

/** Legal basis (设定依据): a citation and an optional URL. */
export interface PolicyBasis {
  /** A note for people (a string or a list of strings); ignored by the rules. */
  "$comment"?: string | string[];
  /** The document and article cited. */
  label: PolicyLabel;
  /** Where the document is published. */
  url?: string;
}

/** A joint application of several services (联办). */
export interface PolicyBundle {
  /** A note for people (a string or a list of strings); ignored by the rules. */
  "$comment"?: string | string[];
  /** `together` (default): all services are accepted or none; `per_service`: each service accepted on its own proceeds. */
  acceptance?: "together" | "per_service" | (string & {});
  /** Legal basis (设定依据). */
  basis?: PolicyBasis;
  /** Unified issue (统一出件), once. */
  finish?: PolicyPhase;
  /** One-window intake (一窗受理), once. */
  intake?: PolicyPhase;
  /** The statutory time limit of the whole bundle. An optional `extension` (行政许可法 Art. 42) gives `legal_extended_due`. */
  legal?: PolicyLegal;
  /** Conditional statutory limits; the first that holds applies, else `legal`. */
  legal_if?: PolicyLegalIf[];
  /** The bundle's name. */
  name: PolicyLabel;
  /** The promised time limit of the whole bundle. */
  promise?: PolicyPeriod;
  /** Conditional promises; the first that holds applies, else `promise`. */
  promise_if?: PolicyPromiseIf[];
  /** Service ids, in order. */
  services: string[];
}

/** A built-in calendar with local holidays and workdays. */
export interface PolicyCalendar {
  /** A note for people (a string or a list of strings); ignored by the rules. */
  "$comment"?: string | string[];
  /** The built-in calendar. */
  base: "cn-mainland" | (string & {});
  /** Extra rest days (YYYY-MM-DD). */
  holidays?: string[];
  /** Extra working days (YYYY-MM-DD). */
  workdays?: string[];
}

/** A commitment (告知承诺) with its verification after the fact (事后核查); implies the commitment is allowed. */
export interface PolicyCommitment {
  /** A note for people (a string or a list of strings); ignored by the rules. */
  "$comment"?: string | string[];
  /** How: on site (现场核查), against shared data (数据核查) or by documents (书面核查). */
  method: "site" | "data" | "documents" | (string & {});
  /** Verified within this period after the due day of the latest service using the material. */
  verify_within: PolicyPeriod;
}

/** Inclusive dates in force; `until` not before `from`. */
export interface PolicyEffective {
  /** A note for people (a string or a list of strings); ignored by the rules. */
  "$comment"?: string | string[];
  /** First day in force (YYYY-MM-DD). */
  from?: string;
  /** Last day in force (YYYY-MM-DD). */
  until?: string;
}

/** An extension of the statutory limit: exactly one of `working_days`, `natural_days`, `months`, and `approved_by`. */
export interface PolicyExtension {
  /** A note for people (a string or a list of strings); ignored by the rules. */
  "$comment"?: string | string[];
  /** Who approves the extension (本行政机关负责人). */
  approved_by: PolicyLabel;
  /** Months; same day M months later, moved to a working day. */
  months?: number;
  /** Natural days; a due date on a rest day moves to the next working day. */
  natural_days?: number;
  /** Working days (excluding statutory holidays, 行政许可法 Art. 82). */
  working_days?: number;
}

/** A form field. */
export interface PolicyField {
  /** A note for people (a string or a list of strings); ignored by the rules. */
  "$comment"?: string | string[];
  /** Help text. */
  description?: PolicyLabel;
  /** string only: a checked format. */
  format?: "uscc" | "cn-resident-id" | "cn-mobile" | "cn-postcode" | "email" | (string & {});
  /** number only: whole numbers only. */
  integer?: boolean;
  /** What the form shows (the id when absent). */
  label?: PolicyLabel;
  /** number only: largest allowed value. */
  max?: number;
  /** string only: maximum length in characters. */
  max_length?: number;
  /** number only: smallest allowed value. */
  min?: number;
  /** Whether the field is required: `true`, `false` or a condition string */
  required?: boolean | string;
  /** Who fills the field: the applicant (default), the window clerk (`office`, e.g. a credit-record check), or data sharing (`shared_data`, 电子证照/数据共享); reported by targets(). */
  source?: "applicant" | "office" | "shared_data" | (string & {});
  /** The value type. */
  type: "string" | "number" | "bool" | "enum" | "date" | (string & {});
  /** enum only: value → label. */
  value_labels?: {
    [key: string]: PolicyLabel;
  };
  /** enum only: the allowed values. */
  values?: string[];
}

/** Text by locale; `zh-CN` is required and non-empty, `en` recommended. */
export interface PolicyLabel {
  /** A note for people (a string or a list of strings); ignored by the rules. */
  "$comment"?: string | string[];
  /** English text. */
  en?: string;
  /** Simplified Chinese text. */
  "zh-CN": string;
  [key: string]: string | string[] | undefined;
}

/** A statutory limit: exactly one of `working_days`, `natural_days`, `months`, and an optional `extension`. */
export interface PolicyLegal {
  /** A note for people (a string or a list of strings); ignored by the rules. */
  "$comment"?: string | string[];
  /** How much longer the limit may be, with whose approval (行政许可法 Art. 42 ¶1). */
  extension?: PolicyExtension;
  /** Months; same day M months later, moved to a working day. */
  months?: number;
  /** Natural days; a due date on a rest day moves to the next working day. */
  natural_days?: number;
  /** Working days (excluding statutory holidays, 行政许可法 Art. 82). */
  working_days?: number;
}

/** A conditional statutory limit. */
export interface PolicyLegalIf {
  /** A note for people (a string or a list of strings); ignored by the rules. */
  "$comment"?: string | string[];
  /** The statutory limit, with an optional extension. */
  legal: PolicyLegal;
  /** When this statutory limit applies (condition language, see docs/policy-format.md) */
  when: string;
}

/** A conditional limit. */
export interface PolicyLimitIf {
  /** A note for people (a string or a list of strings); ignored by the rules. */
  "$comment"?: string | string[];
  /** The limit. */
  limit: PolicyPeriod;
  /** When this limit applies (condition language, see docs/policy-format.md) */
  when: string;
}

/** A catalogue material, defined once. */
export interface PolicyMaterial {
  /** A note for people (a string or a list of strings); ignored by the rules. */
  "$comment"?: string | string[];
  /** The 国办发〔2020〕42号 area; commitments are not allowed outside `general`. */
  area?: "general" | "national_security" | "public_safety" | "ecology_environment" | "health_life_property" | "finance" | (string & {});
  /** Legal basis (设定依据). */
  basis?: PolicyBasis;
  /** May be replaced by a signed commitment (告知承诺): `true`, `false`, or how the commitment is verified afterwards. */
  commitment?: boolean | PolicyCommitment;
  /** Help text. */
  description?: PolicyLabel;
  /** May be taken from an electronic licence (免提交). */
  electronic?: boolean;
  /** The material's name. */
  name: PolicyLabel;
}

/** A material a service needs. */
export interface PolicyMaterialEntry {
  /** A note for people (a string or a list of strings); ignored by the rules. */
  "$comment"?: string | string[];
  /** Legal basis (设定依据). */
  basis?: PolicyBasis;
  /** A material id of the catalogue. */
  ref: string;
  /** When the material is required: `true`, `false` or a condition string */
  required: boolean | string;
  /** May be missing at intake (容缺受理). */
  tolerable?: PolicyTolerable;
}

/** A service window (办理窗口), shown at the end of the one-time notice. */
export interface PolicyOffice {
  /** A note for people (a string or a list of strings); ignored by the rules. */
  "$comment"?: string | string[];
  /** Its address. */
  address?: PolicyLabel;
  /** Its opening hours. */
  hours?: PolicyLabel;
  /** The window's name. */
  name: PolicyLabel;
  /** Its phone number. */
  phone?: PolicyLabel;
}

/** A pause: exactly one of `natural_days` or `working_days`. */
export interface PolicyPause {
  /** A note for people (a string or a list of strings); ignored by the rules. */
  "$comment"?: string | string[];
  /** Legal basis (设定依据). */
  basis?: PolicyBasis;
  /** What the pause is (听证, 公示 …). */
  name: PolicyLabel;
  /** Length in natural days. */
  natural_days?: number;
  /** When the pause happens (always when absent) (condition language, see docs/policy-format.md) */
  when?: string;
  /** Length in working days. */
  working_days?: number;
}

/** A time limit: exactly one of `working_days`, `natural_days`, `months`. */
export interface PolicyPeriod {
  /** A note for people (a string or a list of strings); ignored by the rules. */
  "$comment"?: string | string[];
  /** Months; same day M months later, moved to a working day. */
  months?: number;
  /** Natural days; a due date on a rest day moves to the next working day. */
  natural_days?: number;
  /** Working days (excluding statutory holidays, 行政许可法 Art. 82). */
  working_days?: number;
}

/** A phase run once for a whole bundle. */
export interface PolicyPhase {
  /** A note for people (a string or a list of strings); ignored by the rules. */
  "$comment"?: string | string[];
  /** The phase's limit. */
  limit: PolicyPeriod;
  /** The phase's name. */
  name?: PolicyLabel;
}

/** A conditional promise. */
export interface PolicyPromiseIf {
  /** A note for people (a string or a list of strings); ignored by the rules. */
  "$comment"?: string | string[];
  /** The promise. */
  promise: PolicyPeriod;
  /** When this promise applies (condition language, see docs/policy-format.md) */
  when: string;
}

/** A county's variant of the policy (同一事项，不同窗口): what it leaves out is the policy's own. */
export interface PolicyRegion {
  /** A note for people (a string or a list of strings); ignored by the rules. */
  "$comment"?: string | string[];
  /** The region's own calendar (as the top-level `calendar`). */
  calendar?: "cn-mainland" | (string & {}) | PolicyCalendar;
  /** The region's own cutoff (China time). */
  cutoff?: string;
  /** `<service>.<stage>` → the stage's limit in this region, in place of its `limit` (`limit_if` still applies first). */
  limits?: {
    /** A note for people; ignored by the rules. */
    "$comment"?: string | string[];
    [key: string]: PolicyPeriod | string | string[];
  };
  /** The region's name. */
  name: PolicyLabel;
  /** The region's own window. */
  office?: PolicyOffice;
  /** The region's promise, in place of the target's. */
  promise?: PolicyPeriod;
  /** The region's conditional promises, in place of the target's. */
  promise_if?: PolicyPromiseIf[];
}

/** A rule under which the application is not accepted (不予受理). */
export interface PolicyReject {
  /** A note for people (a string or a list of strings); ignored by the rules. */
  "$comment"?: string | string[];
  /** Legal basis (设定依据). */
  basis?: PolicyBasis;
  /** Why, shown to the applicant. */
  reason: PolicyLabel;
  /** A service or bundle id to apply for instead (e.g. a filing, 备案, instead of a licence); shown in the decision and the notice. */
  redirect?: string;
  /** When the rule applies (condition language, see docs/policy-format.md) */
  when: string;
}

/** A government service (事项). */
export interface PolicyService {
  /** A note for people (a string or a list of strings); ignored by the rules. */
  "$comment"?: string | string[];
  /** When the service applies (always when absent) (condition language, see docs/policy-format.md) */
  applies_if?: string;
  /** Legal basis (设定依据). */
  basis?: PolicyBasis;
  /** The department in charge. */
  department?: PolicyLabel;
  /** The statutory time limit (法定时限). An optional `extension` (行政许可法 Art. 42) gives `legal_extended_due`. */
  legal?: PolicyLegal;
  /** Conditional statutory limits; the first that holds applies, else `legal`. */
  legal_if?: PolicyLegalIf[];
  /** The materials the service needs. */
  materials?: PolicyMaterialEntry[];
  /** The service's name. */
  name: PolicyLabel;
  /** The promised time limit (承诺时限). */
  promise?: PolicyPeriod;
  /** Conditional promises; the first that holds applies, else `promise`. */
  promise_if?: PolicyPromiseIf[];
  /** Rules for not accepting (不予受理). */
  rejects?: PolicyReject[];
  /** The handling stages (may be empty). */
  stages: PolicyStage[];
  /** Tolerance rules (容缺受理). */
  tolerance?: PolicyTolerance;
}

/** A stage of a service's handling. */
export interface PolicyStage {
  /** A note for people (a string or a list of strings); ignored by the rules. */
  "$comment"?: string | string[];
  /** Stage ids of this service that must finish first; inside a bundle also `<service>.<stage>` or a whole `<service>` of the bundle (dropped when that service does not apply or proceed). */
  after?: string[];
  /** Legal basis (设定依据). */
  basis?: PolicyBasis;
  /** Who does the stage: `office` (default, counted) or `applicant` (its limit is the expected duration; it moves later dates but counts no office days). */
  by?: "office" | "applicant" | (string & {});
  /** Unique within the service. */
  id: string;
  /** The stage's time limit. */
  limit: PolicyPeriod;
  /** Conditional limits; the first that holds applies. */
  limit_if?: PolicyLimitIf[];
  /** The stage's name. */
  name?: PolicyLabel;
  /** Durations at the start of the stage that do not count (行政许可法 Art. 45). */
  pauses?: PolicyPause[];
}

/** Tolerance of a missing material. */
export interface PolicyTolerable {
  /** A note for people (a string or a list of strings); ignored by the rules. */
  "$comment"?: string | string[];
  /** The supplement period, from the received day. */
  supplement_within: PolicyPeriod;
}

/** The service's tolerance rules. */
export interface PolicyTolerance {
  /** A note for people (a string or a list of strings); ignored by the rules. */
  "$comment"?: string | string[];
  /** Legal basis (设定依据). */
  basis?: PolicyBasis;
  /** No tolerance when this holds (condition language, see docs/policy-format.md) */
  excluded_if?: string;
  /** Most tolerable materials missing at once (no limit when absent). */
  max_missing?: number;
}
