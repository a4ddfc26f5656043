// Where this module's .wasm is, in the two spellings bundlers understand (see fetch-wasm.js).
// Both are literal `new URL("…", import.meta.url)` expressions on purpose: Vite and webpack
// find them at build time, emit the file and rewrite the URL. The first is relative to this
// file (plain browsers, webpack, Vite builds, Rollup and esbuild with the file copied next to
// the bundle); the second names it by package path, which Vite resolves to the file's real
// location even when this file has been pre-bundled into node_modules/.vite/deps.
// The portal module's copy: pkg/wasm-url.js is the same with the full module's path.
export const wasmCandidates = () => [
  new URL("./intake_rules_bg.wasm", import.meta.url),
  new URL("intake-rules/portal/intake_rules_bg.wasm", import.meta.url),
];
