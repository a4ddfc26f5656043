#!/usr/bin/env node
// Build helper (not shipped): turns one self-contained ES module — no imports, exports only by
// `export class|function|const|let|var` declarations and `export { a, b as c }` lists at the
// start of a line, as wasm-bindgen's `--target web` glue and js/errors.js are — into a
// CommonJS module with the same exports, so `require()` works without Node's require(esm).
//   node js/tools/esm-to-cjs.mjs <in.js> <out.cjs>
// It refuses anything it does not understand rather than guessing, and checks the result
// compiles as a script and exports every name.
import { readFileSync, writeFileSync } from "node:fs";
import { Script } from "node:vm";

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  console.error("usage: esm-to-cjs.mjs <in.js> <out.cjs>");
  process.exit(2);
}
const fail = (why) => {
  console.error(`esm-to-cjs: ${input}: ${why}`);
  process.exit(1);
};

let text = readFileSync(input, "utf8");
// Relative imports of sibling modules (wasm-bindgen's snippets, the glue) become require()s of
// their CommonJS twins, which the build writes next to them (`x.js` → `x.cjs`).
const twin = (spec) => {
  if (!/^\.\.?\//.test(spec) || !spec.endsWith(".js")) fail(`imports \`${spec}\`, not a relative .js module`);
  return `${spec.slice(0, -3)}.cjs`;
};
text = text.replace(/^import \* as ([A-Za-z_$][\w$]*) from ["']([^"']+)["'];?[ \t]*$/gm, (_, name, spec) => `const ${name} = require(${JSON.stringify(twin(spec))});`);
text = text.replace(/^import \{([^}]*)\} from ["']([^"']+)["'];?[ \t]*$/gm, (_, list, spec) => {
  const items = list.split(",").map((x) => x.trim()).filter(Boolean).map((item) => {
    const m = /^([A-Za-z_$][\w$]*)(?:\s+as\s+([A-Za-z_$][\w$]*))?$/.exec(item);
    if (!m) fail(`cannot read import item \`${item}\``);
    return m[2] ? `${m[1]}: ${m[2]}` : m[1];
  });
  return `const { ${items.join(", ")} } = require(${JSON.stringify(twin(spec))});`;
});
text = text.replace(/^import ["']([^"']+)["'];?[ \t]*$/gm, (_, spec) => `require(${JSON.stringify(twin(spec))});`);
if (/^\s*import[\s{*"']/m.test(text)) fail("has an import statement");
if (/\bimport\s*\(/.test(text)) fail("has a dynamic import()");

const names = new Map(); // exported name -> local name
text = text.replace(/^export (default )?((?:async )?function\*? |class |const |let |var )([A-Za-z_$][\w$]*)/gm, (_, dflt, kind, name) => {
  if (dflt) fail("has `export default <declaration>`");
  names.set(name, name);
  return `${kind}${name}`;
});
text = text.replace(/^export \{([^}]*)\};?[ \t]*$/gm, (_, list) => {
  for (const item of list.split(",").map((s) => s.trim()).filter(Boolean)) {
    const m = /^([A-Za-z_$][\w$]*)(?:\s+as\s+([A-Za-z_$][\w$]*))?$/.exec(item);
    if (!m) fail(`cannot read export item \`${item}\``);
    names.set(m[2] ?? m[1], m[1]);
  }
  return "";
});
if (/^export\b/m.test(text)) fail("has an export form this tool does not handle");
if (names.size === 0 && !/\brequire\(/.test(text)) fail("exports nothing and imports nothing");
text = text.replace(/\bimport\.meta\.url\b/g, 'require("node:url").pathToFileURL(__filename).href');
text = text.replace(/^\/\* @ts-self-types="[^"]*" \*\/\n/m, "");

const exportsList = [...names].map(([exported, local]) => `  ${JSON.stringify(exported)}: ${local},`).join("\n");
const out = `"use strict";\n// Generated from ${input.split("/").pop()} by js/tools/esm-to-cjs.mjs: do not edit.\n${text}\nmodule.exports = {\n${exportsList}\n};\n`;

try {
  new Script(out, { filename: output });
} catch (e) {
  fail(`the CommonJS result does not compile: ${e.message}`);
}
writeFileSync(output, out);
