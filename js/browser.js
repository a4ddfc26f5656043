// Browser entry (plain ES module, no bundler): fetches and instantiates the module once, with
// top-level await, so importers can use `Policy` and `Calendar` straight away.
import init from "./intake_rules.js";
import "./runtime.js";

await init({ module_or_path: new URL("./intake_rules_bg.wasm", import.meta.url) });

export * from "./intake_rules.js";
