// Typed errors for JavaScript callers. The module throws plain `Error`s whose `name` is
// PolicyError, RequestError or CalendarError, with a `code` and `issues` (SPEC §5). They are
// created inside the WebAssembly glue, so they cannot carry this class's prototype; instead
// `instanceof IntakeRulesError` recognises that shape. This also works across copies of the
// package (the full and the portal module, an ES module and a CommonJS require in one
// process, an iframe), where a prototype check would not.

const NAMES = ["PolicyError", "RequestError", "CalendarError"];

/**
 * Whether `value` is an error thrown by intake-rules (optionally: with this `name`).
 * @param {unknown} value
 * @param {"PolicyError" | "RequestError" | "CalendarError"} [name]
 * @returns {boolean}
 */
export function isIntakeRulesError(value, name) {
  if (typeof value !== "object" || value === null) return false;
  const e = /** @type {{name?: unknown, code?: unknown, message?: unknown, issues?: unknown}} */ (value);
  if (typeof e.name !== "string" || !NAMES.includes(e.name)) return false;
  if (name !== undefined && e.name !== name) return false;
  return typeof e.code === "string" && typeof e.message === "string" && Array.isArray(e.issues);
}

/**
 * The errors intake-rules throws: `catch (e) { if (e instanceof IntakeRulesError) … }`.
 * Constructing one yourself (for tests, or to report your own input problems in the same
 * shape) is allowed: `new IntakeRulesError("…", {name: "RequestError", code: "bad_request"})`.
 */
export class IntakeRulesError extends Error {
  /**
   * @param {string} message
   * @param {{name: "PolicyError" | "RequestError" | "CalendarError", code: string, issues?: object[], cause?: unknown}} details
   */
  constructor(message, { name, code, issues = [], cause } = /** @type {any} */ ({})) {
    super(message, cause === undefined ? undefined : { cause });
    if (!NAMES.includes(name)) throw new TypeError(`IntakeRulesError: name must be one of ${NAMES.join(", ")}`);
    Object.defineProperty(this, "name", { value: name, writable: true, configurable: true });
    this.code = code;
    this.issues = issues;
  }

  /** True for every error of that shape, whoever created it. */
  static [Symbol.hasInstance](value) {
    return isIntakeRulesError(value);
  }
}
