/** A `{locale: text}` map; `zh-CN` is always present. */
export type LabelMap = { "zh-CN": string; en?: string; [locale: string]: string | undefined };
/** `YYYY-MM-DD`, a China civil date. */
export type DateString = string;
export type Period = { working_days: number } | { natural_days: number } | { months: number };
export interface Pause { from: DateString; to: DateString }
export interface Coverage { from: DateString; to: DateString }
export interface CalendarOptions { beyond_coverage?: "error" | "weekends_only" }
export interface CalendarOverrides { holidays?: DateString[]; workdays?: DateString[] }
export interface YearArrangement { holidays?: DateString[]; workdays?: DateString[]; source?: string }
export type Locale = "zh-CN" | "en";
export type Severity = "error" | "warning" | "info";
export interface Message { "zh-CN": string; en: string }
/** One problem: where, what, and its stable code. `line`/`column` are null for object input. */
export interface Diagnostic {
  path: string;
  line: number | null;
  column: number | null;
  code: string;
  severity: Severity;
  message: Message;
}
/** What every thrown error looks like: `name` is PolicyError, RequestError or CalendarError. */
export interface IntakeRulesError extends Error {
  name: "PolicyError" | "RequestError" | "CalendarError";
  code: string;
  issues: Diagnostic[];
}
export type FormValue = string | number | boolean | null;
export type MaterialStatus = "provided" | "electronic" | "committed" | "missing";
export interface Request {
  target: string;
  form?: { [field: string]: FormValue };
  materials?: { [material: string]: MaterialStatus };
  submitted_at: string;
  locale?: Locale;
  beyond_coverage?: "error" | "weekends_only";
}
export type Outcome = "accepted" | "accepted_with_tolerance" | "needs_correction" | "not_accepted";
export interface Basis { label: string; url: string | null }
export interface Because { service: string; condition: string; values: { [field: string]: FormValue } }
export interface ChecklistItem {
  id: string;
  name: string;
  status: MaterialStatus;
  used_by: string[];
  tolerable: { supplement_within: Period } | null;
  because: Because[];
  electronic: boolean;
  commitment: boolean;
  basis: Basis | null;
}
export interface MissingItem { id: string; name: string; tolerated: boolean; supplement_due: DateString | null; used_by: string[] }
export interface Issue { path: string; code: string; message: Message }
export interface Reason { condition: string; reason: string; basis: Basis | null }
export interface ServiceOutcome { id: string; name: string; outcome: Outcome; reasons: Reason[] }
export interface StageTime {
  id: string; name: string | null; start: DateString; due: DateString;
  working_days: number; paused_days: number; limit: Period; basis: Basis | null;
}
export interface ServiceTime { id: string; name: string; start: DateString; due: DateString; stages: StageTime[] }
export interface PhaseTime { name: string | null; start: DateString; due: DateString; working_days: number }
export interface SerialSlot { id: string; start: DateString; due: DateString }
export interface Timeline {
  received_on: DateString;
  due: DateString;
  working_days: number;
  intake: PhaseTime | null;
  services: ServiceTime[];
  finish: PhaseTime | null;
  supplement_due: DateString | null;
  promise: Period | null;
  legal: Period | null;
  promise_met: boolean | null;
  legal_met: boolean | null;
  serial_due: DateString;
  serial_working_days: number;
  saved_working_days: number;
  serial: SerialSlot[];
  estimated: boolean;
}
export interface PolicyBlock {
  id: string; version: string; fingerprint: string;
  calendar: { id: string; from: DateString; to: DateString; version: string };
}
export interface Decision {
  outcome: Outcome;
  target: string;
  received_on: DateString;
  services: ServiceOutcome[];
  not_applicable: string[];
  checklist: ChecklistItem[];
  missing: MissingItem[];
  field_errors: Issue[];
  warnings: Issue[];
  notice: string;
  timeline: Timeline | null;
  timeline_error: Issue | null;
  policy: PolicyBlock;
}
export interface FieldInfo {
  id: string;
  type: "string" | "number" | "bool" | "enum" | "date";
  label: LabelMap;
  required: boolean | string;
  values: string[] | null;
  value_labels: { [value: string]: LabelMap } | null;
  min: number | null;
  max: number | null;
  integer: boolean;
  format: "uscc" | "cn-resident-id" | "cn-mobile" | "cn-postcode" | "email" | null;
  max_length: number | null;
}
export interface Target {
  id: string; kind: "service" | "bundle"; name: LabelMap; services: string[]; fields: FieldInfo[];
  /** Every condition of the target by its source text, in words (zh-CN and en). */
  conditions: { [source: string]: LabelMap };
}
/** A policy document (see policy.schema.json for the full format). */
export interface PolicyDocument {
  format: 1;
  id: string;
  version: string;
  title: LabelMap;
  fields: { [id: string]: object };
  materials: { [id: string]: object };
  services: { [id: string]: object };
  [key: string]: unknown;
}
export interface VersionInfo { id: string; version: string; fingerprint: string; from: DateString | null; until: DateString | null }
