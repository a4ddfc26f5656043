// Browser entry (`import … from "intake-rules"` in bundlers; browser.js by path in a plain
// <script type="module">): fetches and instantiates the module once, with top-level await, so
// importers can use `Policy` and `Calendar` straight away. A build target without top-level
// await (the default of Vite 5 and 6: chrome87, safari14) cannot load this file; import
// "intake-rules/init" there instead, and call init() (docs/integration.md). The same entry
// lets a page choose when and from where the .wasm is fetched.
import initWasm from "./intake_rules.js";
import { fetchWasm } from "./fetch-wasm.js";
import { wasmCandidates } from "./wasm-url.js";
import "./runtime.js";

const ready = fetchWasm(wasmCandidates()).then((source) => initWasm({ module_or_path: source }));
await ready; // Vite 5/6: use "intake-rules/init" instead

export * from "./intake_rules.js";
export { IntakeRulesError, isIntakeRulesError } from "./errors.js";
