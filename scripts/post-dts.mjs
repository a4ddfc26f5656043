// Post-processes wasm-bindgen's intake_rules.d.ts (run by build-pkg.sh on each module) so the
// package's declarations type-check under any lib a project uses — a Node-only tsconfig (lib
// es2022 with @types/node, skipLibCheck false) as well as a browser one:
// - drops the manual init types (InitInput, InitOutput, SyncInitInput, initSync and the default
//   export): they name DOM types (RequestInfo, Response, BufferSource) and namespace WebAssembly,
//   and the package's entries have already instantiated the module;
// - declares `[Symbol.dispose]` only when the project's lib has it: each class extends the global
//   `Disposable`, which this file declares empty (lib esnext.disposable and @types/node declare
//   it with `[Symbol.dispose](): void`, and the declarations merge).
// Fails when wasm-bindgen's output does not have the expected shape (its version is pinned).
//
//   node scripts/post-dts.mjs pkg/intake_rules.d.ts
import { readFileSync, writeFileSync } from "node:fs";

const file = process.argv[2];
if (!file) throw new Error("usage: post-dts.mjs <intake_rules.d.ts>");
let text = readFileSync(file, "utf8");

function fail(what) {
  throw new Error(`${file}: ${what} (wasm-bindgen's .d.ts changed shape; update scripts/post-dts.mjs)`);
}

// 1. The init types: from `export type InitInput` to the end of the file.
const init = text.indexOf("export type InitInput =");
if (init < 0) fail("no `export type InitInput`");
const tail = text.slice(init);
for (const name of ["InitOutput", "SyncInitInput", "initSync", "__wbg_init"]) {
  if (!tail.includes(name)) fail(`no ${name} after InitInput`);
}
text = text.slice(0, init).trimEnd() + "\n";

// 2. `[Symbol.dispose]` only where the lib declares it.
const classes = [...text.matchAll(/^export class (\w+) \{$/gm)].map((m) => m[1]);
if (classes.length === 0) fail("no exported class");
const disposeLine = /^ {4}\[Symbol\.dispose\]\(\): void;\n/gm;
const disposals = text.match(disposeLine)?.length ?? 0;
if (disposals !== classes.length) fail(`${disposals} [Symbol.dispose] lines for ${classes.length} classes`);
text = text.replace(disposeLine, "");

// 3. Nothing left that needs the DOM lib or the WebAssembly namespace.
for (const word of ["WebAssembly.", "RequestInfo", "BufferSource", "Response", "Symbol.dispose"]) {
  if (text.includes(word)) fail(`\`${word}\` is still declared`);
}

text += `
// Each class frees its WebAssembly memory with free(), and with \`using\` where the project's lib
// has Symbol.dispose (esnext.disposable, @types/node): the global Disposable then declares it.
declare global {
  interface Disposable {}
}
${classes.map((c) => `export interface ${c} extends Disposable {}`).join("\n")}
`;
writeFileSync(file, text);
