// Types of the package entry `intake-rules` (node.js, node.cjs, browser.js). The entries have
// already instantiated the module, so they export the API only, not the manual init functions
// (scripts/post-dts.mjs removes those from intake_rules.d.ts). The value types come from
// js/generated/ (generated from the Rust types) and js/inputs.d.ts, js/tools-inputs.d.ts.
// Needs neither the DOM lib nor esnext.disposable.
export * from "./intake_rules.js";
export { IntakeRulesError, isIntakeRulesError } from "./errors.js";
export type { IntakeRulesErrorName } from "./errors.js";
