// Declarations of `intake-rules/init` and `intake-rules/portal/init` (init.js): the package's
// API plus init(). Self-contained: no DOM lib needed (the accepted sources are described by
// shape, so a Node-only tsconfig type-checks too).
export * from "./index.js";
export { IntakeRulesError, isIntakeRulesError } from "./errors.js";
export type { IntakeRulesErrorName } from "./errors.js";

/** A fetch() Response, or anything with the same two members. */
export interface WasmResponseLike {
  readonly ok: boolean;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/**
 * Where init() gets the WebAssembly: a URL (string, relative to the page, or URL object), a
 * fetch() Request or Response (or a promise of one), the bytes, or a compiled
 * WebAssembly.Module. Omitted: the .wasm next to the package's JavaScript, as bundlers emit it.
 */
export type InitSource =
  | string
  | { readonly href: string }
  | WasmResponseLike
  | PromiseLike<WasmResponseLike>
  | ArrayBuffer
  | ArrayBufferView
  | { readonly [Symbol.toStringTag]: string }; // a WebAssembly.Module ("WebAssembly.Module")

/**
 * Fetches (unless given bytes or a module) and instantiates the WebAssembly module, once:
 * every call returns the same promise; after a failure the next call tries again. The classes
 * are usable once it has resolved. In Node the module is ready on import and init() resolves
 * at once.
 */
export declare function init(source?: InitSource): Promise<void>;
export default init;
