// `intake-rules/init` in Node (ES module): the module is already instantiated from its file
// (node.js), so init() only exists for code shared with browsers and resolves at once.
export * from "./node.js";

/** Resolves at once: in Node the module is instantiated on import. */
export function init(_source) {
  return Promise.resolve();
}

export default init;
