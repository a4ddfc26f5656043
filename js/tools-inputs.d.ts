// Input shapes of the policy-staff tools (the full module only), written by hand: their keys
// are checked against the case-file reader by tests/ts_types.rs. See docs/policy-tools.md.

/** What a case expects of its decision; every key is optional and a present key is checked exactly. */
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
  /** The timeline's supplement due day (null: no timeline or nothing to supplement). */
  supplement_due?: DateString | null;
  /** The timeline's due day (null: no timeline). */
  due?: DateString | null;
  /** Service id → the service's due day. */
  service_dues?: { [service: string]: DateString | null };
  /** The timeline's elapsed working days, in (received_on, due] (null: no timeline). */
  working_days?: number | null;
  /** The office clock: counted working days (null: no timeline). */
  counted_working_days?: number | null;
  /** Whether the counted days meet the promise (null: no timeline or no promise). */
  promise_met?: boolean | null;
  /** The last day of the statutory period (null: none). */
  legal_due?: DateString | null;
  /** The same with the approved extension (null: none). */
  legal_extended_due?: DateString | null;
  /** The decision's `policy.region` (null: the policy's own values). */
  region?: string | null;
  /** Service id → the service's own counted working days. */
  service_counted?: { [service: string]: number | null };
  /** The exact set of proceeding services. */
  proceeding?: string[];
  /** Committed material → its follow-up due day (null: not known). */
  follow_ups?: { [material: string]: DateString | null };
  /** Service id → the target its reject redirects to (null: none). */
  redirect?: { [service: string]: string | null };
  /** The exact set of fields required for the form as sent. */
  required_fields?: string[];
  /** The Art. 32 deadline of the one-time correction notice (null: none). */
  correction_notice_due?: DateString | null;
}

/** One case: a request and what its decision must be. */
export interface Case {
  name: string;
  request: Request;
  expect?: CaseExpect;
  /** A note for people; ignored. */
  $comment?: string | string[];
}

/** A case file (`policy.runCases`, `Policy.diff`). */
export interface CaseFile {
  cases: Case[];
  $schema?: string;
  /** A note for people; ignored. */
  $comment?: string | string[];
}
