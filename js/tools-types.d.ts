/** What a case expects of its decision; every key is optional (see docs/policy-tools.md). */
export interface CaseExpect {
  outcome?: Outcome;
  /** Service id → outcome, for the ids listed. */
  services?: { [service: string]: Outcome | null };
  /** The exact set of material ids in the checklist. */
  checklist?: string[];
  /** Material id → the exact list of services using it (order ignored). */
  used_by?: { [material: string]: string[] | null };
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
  | "bundle_order_changed" | "bundle_intake_changed" | "bundle_finish_changed";
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
}
/** `count` of `of`; `share` = count / of to three decimals (null when `of` is 0). */
export interface StatsShare { count: number; of: number; share: number | null }
/** Fewest, typical (median over the cases; null without cases), most. */
export interface StatsRange { fewest: number; typical: number | null; most: number }
export interface StatsSpread { min: number; median: number; max: number }
export interface StatsDays {
  cases: number;
  with_timeline: number;
  counted_working_days: StatsSpread | null;
  working_days: StatsSpread | null;
  promise_met: StatsShare | null;
  legal_met: StatsShare | null;
}
export interface RegionStats { id: string; name: string | null; promise: Period | null; days: StatsDays }
export interface TargetStats {
  id: string;
  kind: "service" | "bundle";
  name: string;
  services: number;
  materials: StatsRange;
  tolerable_materials: StatsShare;
  commitment_materials: StatsShare;
  electronic_materials: StatsShare;
  tolerable_services: StatsShare;
  promise: Period | null;
  legal: Period | null;
  steps: StatsRange;
  days: StatsDays;
  regions: RegionStats[];
}
/** `policy.stats(cases?)`: reform metrics per target (docs/policy-tools.md). */
export interface PolicyStats {
  policy: { id: string; version: string };
  cases_checked: number;
  cases_undecided: number;
  targets: TargetStats[];
}
/** What one version decided for a replayed application. */
export interface ReplaySeen {
  outcome: Outcome | "request_error";
  received_on: DateString | null;
  due: DateString | null;
  counted_working_days: number | null;
  promise_met: boolean | null;
}
export interface ReplayChanged { line: number; target: string; old: ReplaySeen; new: ReplaySeen; due_shift: number | null }
export interface ReplayLineError { line: number; column: number | null; code: string; message: Message }
/** `Policy.replayBatch(...)`: counts of one batch of JSON Lines; every number adds up across batches. */
export interface ReplayBatch {
  lines: number;
  applications: number;
  errors: number;
  changed: number;
  transitions: [string, string, number][];
  due_shifts: [number, number][];
  promise_met_old: { met: number; judged: number };
  promise_met_new: { met: number; judged: number };
  counted_old: [number, number][];
  counted_new: [number, number][];
  changed_list: ReplayChanged[];
  error_list: ReplayLineError[];
}
