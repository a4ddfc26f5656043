// Fetches the module's WebAssembly from the first of `candidates` that really is WebAssembly.
// Shared by browser.js (ready on import) and init.js (the host calls init()).
//
// Why more than one candidate: a bundler that copies this package's JavaScript elsewhere
// without the .wasm (Vite's dependency pre-bundling in dev, in Vite 5–7, moves it into
// node_modules/.vite/deps/) leaves `new URL("./intake_rules_bg.wasm", import.meta.url)`
// pointing at nothing, and a dev server answers such a URL with its index.html. The second
// candidate names the file by package path, which Vite rewrites to the file's real URL; see
// wasm-url.js. Each candidate is checked (status, Content-Type, magic number) before use, so
// a wrong one never reaches WebAssembly.instantiate.

const isWasm = (b) => b.length >= 4 && b[0] === 0x00 && b[1] === 0x61 && b[2] === 0x73 && b[3] === 0x6d;

/**
 * @param {URL[]} candidates
 * @returns {Promise<Response | Uint8Array>} a Response served as application/wasm (compiled
 *   while it streams), or the bytes of a module served with another Content-Type.
 */
export async function fetchWasm(candidates) {
  const tried = [];
  for (const url of candidates) {
    let response;
    try {
      response = await fetch(url, { credentials: "same-origin" });
    } catch (e) {
      tried.push(`${url} (${e instanceof Error ? e.message : String(e)})`);
      continue;
    }
    if (!response.ok) {
      tried.push(`${url} (HTTP ${response.status})`);
      continue;
    }
    const type = (response.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
    if (type === "application/wasm") return response;
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (isWasm(bytes)) return bytes;
    tried.push(`${url} (not WebAssembly: Content-Type ${type || "none"})`);
  }
  throw new Error(
    `intake-rules: cannot load its WebAssembly module; tried ${tried.join(", ")}. ` +
      `Serve intake_rules_bg.wasm from the package next to its JavaScript, or import ` +
      `"intake-rules/init" and call init(url) with where you serve it (docs/integration.md).`,
  );
}
