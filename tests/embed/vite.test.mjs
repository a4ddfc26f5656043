// Vite 5, 6, 7 and 8, dev server and production build, with no Vite configuration about
// intake-rules (fixtures/vite): each app reports the README's first example from headless
// Chromium. Builds are served with the strict CSP docs/integration.md recommends.
//   ready/ — `import { Policy } from "intake-rules"` (ready on import: top-level await)
//   init/  — `import { init, Policy } from "intake-rules/init"` (no top-level await)
// Vite 5 and 6 target browsers without top-level await by default (chrome87, safari14), in dev
// (dependency pre-bundling) as in builds: there the ready-on-import entry cannot load, and the
// test checks that the failure says what to use instead.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import {
  EXPECTED, clean, freePort, launchBrowser, openResult, pkgBuilt, prepareFixture, run, serveStatic, startProcess,
} from "./lib.mjs";

const skip = pkgBuilt() ? false : "pkg/ is not built (make pkg)";
let dir;
let browser;

before(async () => {
  if (skip) return;
  dir = await prepareFixture("vite", { shared: ["ready", "init"] });
  browser = await launchBrowser();
});
after(async () => browser?.close());

const vite = (major) => join(dir, `node_modules/vite${major}/bin/vite.js`);
const env = (major, app, extra = {}) => ({ VITE_MAJOR: String(major), EMBED_ROOT: app, ...extra });

/** Expected page result; `fingerprint` is whatever the package says, the rest is fixed. */
function assertResult(what, r) {
  const { fingerprint, ...rest } = r.result;
  assert.deepEqual(rest, EXPECTED, `${what}: ${JSON.stringify(r.result)}`);
  assert.match(fingerprint, /^sha256:[0-9a-f]{64}$/);
  assert.deepEqual(r.errors, [], `${what}: no console errors`);
}

async function dev(major, app) {
  await clean(dir, [`node_modules/.vite-${major}-${app}`]);
  const port = await freePort();
  const server = await startProcess("node", [vite(major), "--port", String(port), "--strictPort", "--host", "127.0.0.1"], {
    cwd: dir,
    env: env(major, app),
    url: `http://127.0.0.1:${port}/`,
  });
  try {
    const r = await openResult(browser, `${server.url}`);
    assertResult(`Vite ${major} dev, ${app}`, r);
    // Pre-bundled into node_modules/.vite-*/deps/: the relative URL finds Vite's index.html
    // fallback (rejected: not WebAssembly), the package-path URL the real file.
    assert.ok(r.wasm.some((w) => /\/node_modules\/intake-rules\/intake_rules_bg\.wasm 200 application\/wasm/.test(w)), r.wasm.join("\n"));
    assert.ok(r.wasm.some((w) => /\/node_modules\/intake-rules\/portal\/intake_rules_bg\.wasm 200 application\/wasm/.test(w)), r.wasm.join("\n"));
  } finally {
    await server.stop();
  }
}

async function build(major, app, extraEnv = {}) {
  const out = join(dir, `dist-${major}-${app}`);
  await run("node", [vite(major), "build"], { cwd: dir, env: env(major, app, extraEnv) });
  const server = await serveStatic(out);
  try {
    const r = await openResult(browser, `${server.url}/`);
    assertResult(`Vite ${major} build, ${app}`, r);
    // Vite emitted both modules' .wasm as assets and rewrote the URLs: the first candidate hits.
    assert.equal(r.wasm.length, 2, r.wasm.join("\n"));
    for (const w of r.wasm) assert.match(w, /^\/assets\/intake_rules_bg-[\w-]+\.wasm 200 application\/wasm$/);
  } finally {
    await server.close();
  }
}

for (const major of [5, 6, 7, 8]) {
  test(`Vite ${major} dev: intake-rules/init`, { skip, timeout: 120_000 }, () => dev(major, "init"));
  test(`Vite ${major} build: intake-rules/init`, { skip, timeout: 120_000 }, () => build(major, "init"));
  if (major >= 7) {
    test(`Vite ${major} dev: intake-rules (ready on import)`, { skip, timeout: 120_000 }, () => dev(major, "ready"));
    test(`Vite ${major} build: intake-rules (ready on import)`, { skip, timeout: 120_000 }, () => build(major, "ready"));
  }
}

test("Vite 5 build of the ready-on-import entry: refused by the default target, with the way out in the message", { skip, timeout: 120_000 }, async () => {
  const r = await run("node", [vite(5), "build"], { cwd: dir, env: env(5, "ready"), allowFail: true });
  assert.notEqual(r.code, 0);
  const text = r.stdout + r.stderr;
  assert.match(text, /Top-level await is not available in the configured target environment/);
  assert.match(text, /Vite 5\/6: use "intake-rules\/init" instead/);
});

test("Vite 5 build of the ready-on-import entry with build.target es2022 (the documented alternative)", { skip, timeout: 120_000 }, () =>
  build(5, "ready", { EMBED_TARGET: "es2022" }),
);
