// Declarations of errors.js (a new file; the lead wires it into the generated index.d.ts).
// Self-contained: no DOM lib, no esnext.disposable.
import type { Diagnostic } from "./intake_rules.js";

/** The `name` of every error intake-rules throws. */
export type IntakeRulesErrorName = "PolicyError" | "RequestError" | "CalendarError";

/**
 * An error thrown by intake-rules. `e instanceof IntakeRulesError` is true for every error the
 * module throws (they are recognised by shape: name, code, message, issues).
 */
export declare class IntakeRulesError<N extends IntakeRulesErrorName = IntakeRulesErrorName> extends Error {
  name: N;
  /** The stable code of the first issue (docs/errors.md). */
  code: Diagnostic["code"];
  /** Every problem found, with path, line and column (null for object input) and messages. */
  issues: Diagnostic[];
  constructor(
    message: string,
    details: { name: N; code: Diagnostic["code"]; issues?: Diagnostic[]; cause?: unknown },
  );
  static [Symbol.hasInstance](value: unknown): value is IntakeRulesError;
}

/** Whether `value` is an error thrown by intake-rules (optionally: with this `name`). */
export declare function isIntakeRulesError<N extends IntakeRulesErrorName = IntakeRulesErrorName>(
  value: unknown,
  name?: N,
): value is IntakeRulesError<N>;
