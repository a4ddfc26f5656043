// Types of the portal entry `intake-rules/portal` (portal/node.js, portal/node.cjs,
// portal/browser.js): the module a portal's visitors download. Its intake_rules.d.ts is
// generated from the portal build, so what it leaves out is not declared: the loader
// (fromJson, fromObject, builtin, builtinIds, publish — it loads published policies only, with
// Policy.fromPublished / PolicySet.fromPublished) and the policy staff's tools (lint, runCases,
// diff, builtinSource, guide, guideHtml, locate).
// Needs neither the DOM lib nor esnext.disposable.
export * from "./intake_rules.js";
export { IntakeRulesError, isIntakeRulesError } from "./errors.js";
export type { IntakeRulesErrorName } from "./errors.js";
