// Node entry (ES module): instantiates the module synchronously from the file next to this one,
// so `import { Policy, Calendar } from "intake-rules"` is ready to use with no init call.
// `require("intake-rules")` loads node.cjs instead, the same API for CommonJS.
import { readFileSync } from "node:fs";
import { initSync } from "./intake_rules.js";
import "./runtime.js";

initSync({ module: readFileSync(new URL("./intake_rules_bg.wasm", import.meta.url)) });

export * from "./intake_rules.js";
export { IntakeRulesError, isIntakeRulesError } from "./errors.js";
