// Browser entry (`import … from "intake-rules"` in bundlers; browser.js by path in a plain
// <script type="module">): fetches and instantiates the module once, with top-level await, so
// importers can use `Policy` and `Calendar` straight away. For a build target without
// top-level await (Vite 5/6 default), or to choose when and from where the .wasm is fetched,
// import "intake-rules/init" instead (docs/integration.md).
import initWasm from "./intake_rules.js";
import { fetchWasm } from "./fetch-wasm.js";
import { wasmCandidates } from "./wasm-url.js";

await initWasm({ module_or_path: await fetchWasm(wasmCandidates()) });

export * from "./intake_rules.js";
export { IntakeRulesError, isIntakeRulesError } from "./errors.js";
