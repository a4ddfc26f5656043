// Input shapes of the portal module, written by hand: their keys are checked against what the
// Rust readers accept by tests/ts_types.rs (`make types`). The output types are generated
// (js/generated/types.d.ts); the policy document too (js/generated/policy-document.d.ts).

/** A request (SPEC §2): what `evaluate`, `checklist`, `timeline` and `evaluateCompact` read. */
export interface Request {
  /** A service or bundle id of the policy (`policy.targets()`). */
  target: string;
  /** Field id → value; absent, `null` and `""` are empty. */
  form?: { [field: string]: FormValue };
  /** Material id → how it is satisfied. */
  materials?: { [material: string]: MaterialStatus };
  /** When the application was submitted: RFC 3339 with an offset, e.g. `2026-09-30T10:00:00+08:00`. */
  submitted_at: string;
  /** The language of names, reasons and the notice; other tags read as zh-CN, with a warning. */
  locale?: Locale | (string & {});
  /** Opt in to weekend-only estimates beyond the calendar's coverage (flagged `estimated`). */
  beyond_coverage?: "error" | "weekends_only" | null;
  /** A region of the policy (its own office, cutoff, calendar and limits); none: the policy's own values. */
  region?: string | null;
}

/** The options of `Calendar.builtin`. */
export interface CalendarOptions {
  /** Dates beyond the calendar's coverage: an error (default) or Monday–Friday estimates. */
  beyond_coverage?: "error" | "weekends_only" | null;
}

/** Local rest days and working days on top of the national calendar (`calendar.withOverrides`). */
export interface CalendarOverrides {
  holidays?: DateString[];
  workdays?: DateString[];
}

/** A year's arrangement not yet built in (`calendar.withYear`): its holidays, its make-up working days and where they were published. */
export interface YearArrangement {
  holidays?: DateString[];
  workdays?: DateString[];
  source?: string | null;
}

/** An inclusive range of days during which the clock stops (`calendar.due`). */
export interface Pause {
  from: DateString;
  to: DateString;
}

/** The days a calendar covers (`calendar.coverage()`). */
export interface Coverage {
  from: DateString;
  to: DateString;
}

/** What `PolicySet.fromObject` reads: the versions of one policy, or `{versions: [...]}`. */
export type PolicySetDocument = PolicyDocument[] | { versions: PolicyDocument[] };
