"use strict";
// Node entry (CommonJS): `require("intake-rules")` (or "intake-rules/portal"). The same API as
// node.js, instantiated synchronously from the file next to this one. It does not rely on
// Node's require() of ES modules, so it works on every Node >= 20 (20.18 and 22.11 included).
// intake_rules.cjs and errors.cjs are generated from the ES modules at build time.
//
// A process that both requires and imports the package gets two instances of the module:
// a Policy from one is not an instance of the other's class (pick one way per process).
const { readFileSync } = require("node:fs");
const { join } = require("node:path");
const glue = require("./intake_rules.cjs");
// Instance survival and the objects' lifecycle errors (runtime.js), before instantiation.
require("./runtime.cjs");
const { IntakeRulesError, isIntakeRulesError } = require("./errors.cjs");

glue.initSync({ module: readFileSync(join(__dirname, "intake_rules_bg.wasm")) });

// The names node.js exports, in the same order: the glue's named exports, then the errors.
for (const [name, value] of Object.entries(glue)) if (name !== "default") exports[name] = value;
exports.IntakeRulesError = IntakeRulesError;
exports.isIntakeRulesError = isIntakeRulesError;
