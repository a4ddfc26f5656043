// Declarations of adapters/async-validator.js. Structural types only (no dependency on
// async-validator's, Element Plus's or Ant Design Vue's packages); the rule objects are
// assignable to Element Plus `FormRules` and Ant Design Vue `Rule[]`.
import type { CompactDecision, FieldInfo, Request, Target } from "../intake_rules.js";

/** What the adapter needs of a Policy (from "intake-rules" or "intake-rules/portal"). */
export interface PolicyLike {
  targets(): Target[];
  evaluateCompact(request: Request): CompactDecision;
}

/** What the adapter reads of a decision (a full or a compact one). */
export interface DecisionLike {
  readonly outcome: string;
  /** The ids of the fields required for the form as sent; absent from older decisions. */
  readonly required_fields?: readonly string[];
}

/** One async-validator rule as the adapter generates it. */
export interface AsyncValidatorRule {
  type?: "string" | "number" | "integer" | "boolean" | "enum";
  required?: boolean;
  pattern?: RegExp;
  min?: number;
  max?: number;
  enum?: string[];
  message?: string;
  trigger: string | string[];
  validator?: (
    rule: unknown,
    value: unknown,
    callback: (error?: Error) => void,
    source?: Record<string, unknown>,
  ) => void;
}

export interface AsyncValidatorRulesOptions {
  /** The latest decision (full or compact): required marks follow its `required_fields`. */
  decision?: DecisionLike | null;
  /** The whole form model (or a getter): the engine's check sees every field, as on submit. */
  form?: Record<string, unknown> | (() => Record<string, unknown>);
  /** Language of the messages; default "zh-CN". */
  locale?: "zh-CN" | "en";
  /** When the form library validates; default ["blur", "change"]. */
  trigger?: string | string[];
  /** Only these field ids. */
  fields?: string[];
  /** The submission time the engine's check uses (RFC 3339); default now. */
  submittedAt?: string;
}

/** Rules for every field of `target`, keyed by field id (`<el-form-item prop="uscc">`). */
export declare function asyncValidatorRules(
  policy: PolicyLike,
  target: string,
  options?: AsyncValidatorRulesOptions,
): Record<string, AsyncValidatorRule[]>;

/** The target's field definitions (cached per policy). */
export declare function targetFields(policy: Pick<PolicyLike, "targets">, target: string): FieldInfo[];

/** The decision's `required_fields`, or the fields with a static `required: true`. */
export declare function requiredFieldIds(
  policy: Pick<PolicyLike, "targets">,
  target: string,
  decision?: DecisionLike | null,
): string[];
