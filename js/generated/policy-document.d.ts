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
  /** Legal basis (设定依据). */
  basis?: PolicyBasis;
  /** Unified issue (统一出件), once. */
  finish?: PolicyPhase;
  /** One-window intake (一窗受理), once. */
  intake?: PolicyPhase;
  /** The statutory time limit of the whole bundle. */
  legal?: PolicyPeriod;
  /** The bundle's name. */
  name: PolicyLabel;
  /** The promised time limit of the whole bundle. */
  promise?: PolicyPeriod;
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

/** Inclusive dates in force; `until` not before `from`. */
export interface PolicyEffective {
  /** A note for people (a string or a list of strings); ignored by the rules. */
  "$comment"?: string | string[];
  /** First day in force (YYYY-MM-DD). */
  from?: string;
  /** Last day in force (YYYY-MM-DD). */
  until?: string;
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
  /** May be replaced by a signed commitment (告知承诺). */
  commitment?: boolean;
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

/** A rule under which the application is not accepted (不予受理). */
export interface PolicyReject {
  /** A note for people (a string or a list of strings); ignored by the rules. */
  "$comment"?: string | string[];
  /** Legal basis (设定依据). */
  basis?: PolicyBasis;
  /** Why, shown to the applicant. */
  reason: PolicyLabel;
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
  /** The statutory time limit (法定时限). */
  legal?: PolicyPeriod;
  /** The materials the service needs. */
  materials?: PolicyMaterialEntry[];
  /** The service's name. */
  name: PolicyLabel;
  /** The promised time limit (承诺时限). */
  promise?: PolicyPeriod;
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
  /** Stage ids of this service that must finish first. */
  after?: string[];
  /** Legal basis (设定依据). */
  basis?: PolicyBasis;
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
