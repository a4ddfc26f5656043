// `intake-rules/init` for browsers and bundlers: the same API with no top-level await; the
// host decides when and from where the WebAssembly is fetched.
//
//   import { init, Policy } from "intake-rules/init";
//   await init();                       // next to this file, as bundlers emit it
//   await init("/static/intake_rules_bg.wasm");   // or a CDN URL, a Response, bytes, a Module
//   const policy = Policy.builtin("joint-utility-connection");
//
// init() is idempotent: every call returns the same promise, and a failed attempt can be
// retried. Using a class before init() has resolved throws.
import initWasm from "./intake_rules.js";
import "./runtime.js";
import { fetchWasm } from "./fetch-wasm.js";
import { wasmCandidates } from "./wasm-url.js";

export * from "./intake_rules.js";
export { IntakeRulesError, isIntakeRulesError } from "./errors.js";

let started;

/**
 * Fetches (unless given bytes or a module) and instantiates the WebAssembly module once.
 * @param {string | URL | Request | Response | Promise<Response> | BufferSource | WebAssembly.Module} [source]
 * @returns {Promise<void>}
 */
export function init(source) {
  started ??= load(source).then(
    () => undefined,
    (e) => {
      started = undefined;
      throw e;
    },
  );
  return started;
}

export default init;

async function load(source) {
  if (source === undefined || source === null) {
    source = await fetchWasm(wasmCandidates());
  } else if (typeof source === "string" || source instanceof URL) {
    source = await fetchWasm([new URL(String(source), globalThis.location?.href)]);
  } else if (typeof Request === "function" && source instanceof Request) {
    source = await fetchWasm([source]);
  }
  await initWasm({ module_or_path: await source });
}
