/** What a case expects of its decision; every key is optional (see docs/policy-tools.md). */
export interface CaseExpect {
  outcome?: Outcome;
  /** Service id → outcome, for the ids listed. */
  services?: { [service: string]: Outcome };
  /** The exact set of material ids in the checklist. */
  checklist?: string[];
  /** Material id → the exact list of services using it (order ignored). */
  used_by?: { [material: string]: string[] };
  /** The exact set of missing materials, each with whether it is tolerated. */
  missing?: { [material: string]: boolean };
  /** Path fragments covering the decision's field errors exactly (`[]`: none). */
  field_errors?: string[];
  /** Substrings the notice must contain. */
  notice_mentions?: string[];
  received_on?: DateString;
  supplement_due?: DateString | null;
  due?: DateString | null;
  service_dues?: { [service: string]: DateString | null };
  /** The exact set of services that proceed. */
  proceeding?: string[];
  /** The exact set of committed materials with a follow-up → its due day (null: not known). */
  follow_ups?: { [material: string]: DateString | null };
  /** Service id → the target it redirects to (null: none). */
  redirect?: { [service: string]: string | null };
  /** The exact set of fields required for the form as sent. */
  required_fields?: string[];
  /** The Art. 32 deadline of the one-time correction notice (null: none). */
  correction_notice_due?: DateString | null;
  /** The timeline's elapsed working days (null: no timeline). */
  working_days?: number | null;
  /** The office clock (SPEC §7.1). */
  counted_working_days?: number | null;
  promise_met?: boolean | null;
  legal_due?: DateString | null;
  legal_extended_due?: DateString | null;
  /** The decision's `policy.region`. */
  region?: string | null;
  /** Service id → the service's own counted days. */
  service_counted?: { [service: string]: number | null };
}
export interface Case { name: string; request: Request; expect?: CaseExpect }
export interface CaseFile { cases: Case[] }
/** One expectation that did not hold (`actual` null: absent, or not found in the notice). */
export interface CaseDifference { path: string; expected: unknown; actual: unknown }
export interface CaseResult {
  name: string;
  passed: boolean;
  differences: CaseDifference[];
  /** The RequestError's issues when the request could not be decided. */
  errors: Diagnostic[];
}
export interface CaseReport { passed: number; failed: number; cases: CaseResult[] }
export type ChangeKind =
  | "id_changed" | "version_changed" | "effective_changed" | "calendar_changed" | "cutoff_changed"
  | "beyond_coverage_changed" | "format_changed" | "label_changed" | "basis_changed"
  | "field_added" | "field_removed" | "field_type_changed" | "field_changed"
  | "material_added" | "material_removed" | "material_electronic_changed"
  | "material_commitment_changed" | "material_area_changed"
  | "service_added" | "service_removed" | "applies_if_changed" | "rejects_changed"
  | "service_material_added" | "service_material_removed" | "material_made_conditional"
  | "material_condition_changed" | "material_made_required" | "material_made_not_required"
  | "material_made_tolerable" | "material_no_longer_tolerable" | "supplement_period_changed"
  | "tolerance_changed" | "stage_added" | "stage_removed" | "stage_limit_changed"
  | "stage_limit_if_changed" | "stage_after_changed" | "stage_pauses_changed"
  | "promise_changed" | "legal_changed"
  | "bundle_added" | "bundle_removed" | "bundle_service_added" | "bundle_service_removed"
  | "bundle_order_changed" | "bundle_intake_changed" | "bundle_finish_changed"
  | "correction_notice_within_changed" | "bundle_acceptance_changed";
  | "office_changed" | "region_added" | "region_removed" | "region_changed"
  | "promise_if_changed" | "legal_if_changed" | "stage_by_changed";
/** One structural change; `old`/`new` are the JSON values (null when absent). */
export interface PolicyChange { kind: ChangeKind; path: string; old: unknown; new: unknown; message: Message }
export interface CaseChange { path: string; old: unknown; new: unknown }
export interface AffectedCase { name: string; changes: CaseChange[] }
export interface PolicyRef { id: string; version: string; fingerprint: string }
export interface PolicyDiff {
  old: PolicyRef;
  new: PolicyRef;
  changes: PolicyChange[];
  cases_checked: number;
  cases: AffectedCase[];
  /** How many affected cases change in each respect. */
  summary: { changed: number; outcome: number; due: number; counted_working_days: number; promise_met: number; legal_due: number };
}
