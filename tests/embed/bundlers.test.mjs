// webpack 5, Rollup 4 and esbuild (fixtures/bundlers), each with its defaults: the bundles are
// served with the strict CSP and report the README's first example from headless Chromium.
//   webpack: `intake-rules` (ready on import, top-level await) and `intake-rules/init`, the
//            full and the portal module in one page; webpack emits both .wasm files.
//   Rollup, esbuild: `intake-rules/portal` and `intake-rules/portal/init("/static/…")`; they
//            do not emit files named by `new URL(…, import.meta.url)`, so the build copies the
//            .wasm (the recipe in docs/integration.md).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { EXPECTED, launchBrowser, openResult, pkgBuilt, prepareFixture, run, serveStatic } from "./lib.mjs";

const skip = pkgBuilt() ? false : "pkg/ is not built (make pkg)";
let dir;
let browser;

before(async () => {
  if (skip) return;
  dir = await prepareFixture("bundlers");
  browser = await launchBrowser();
});
after(async () => browser?.close());

const { portalSame, ...SINGLE } = EXPECTED; // pages with one module do not compare two

async function check(out, page, expected, wasmPattern) {
  const server = await serveStatic(join(dir, out));
  try {
    const r = await openResult(browser, `${server.url}/${page}.html`);
    const { fingerprint, ...rest } = r.result;
    assert.deepEqual(rest, expected, `${out}/${page}: ${JSON.stringify(r.result)}`);
    assert.deepEqual(r.errors, [], `${out}/${page}: no console errors`);
    for (const w of r.wasm) assert.match(w, wasmPattern);
    return r;
  } finally {
    await server.close();
  }
}

test("webpack 5 production build: ready on import and init, full and portal modules", { skip, timeout: 180_000 }, async () => {
  await run("node", ["build.mjs", "webpack"], { cwd: dir });
  for (const page of ["ready", "init"]) {
    const r = await check("dist-webpack", page, EXPECTED, /^\/[0-9a-f]+\.wasm 200 application\/wasm$/);
    assert.equal(r.wasm.length, 2, r.wasm.join("\n"));
  }
});

test("Rollup 4 (node-resolve, browser): portal module, .wasm copied next to the bundle; init with a URL", { skip, timeout: 120_000 }, async () => {
  await run("node", ["build.mjs", "rollup"], { cwd: dir });
  const a = await check("dist-rollup", "portal-only", SINGLE, /^\/intake_rules_bg\.wasm 200 application\/wasm$/);
  assert.equal(a.wasm.length, 1);
  const b = await check("dist-rollup", "portal-init", SINGLE, /^\/static\/intake-rules-portal\.wasm 200 application\/wasm$/);
  assert.equal(b.wasm.length, 1);
});

test("esbuild (bundle, esm, browser): portal module, .wasm copied next to the bundle; init with a URL", { skip, timeout: 120_000 }, async () => {
  await run("node", ["build.mjs", "esbuild"], { cwd: dir });
  const a = await check("dist-esbuild", "portal-only", SINGLE, /^\/intake_rules_bg\.wasm 200 application\/wasm$/);
  assert.equal(a.wasm.length, 1);
  const b = await check("dist-esbuild", "portal-init", SINGLE, /^\/static\/intake-rules-portal\.wasm 200 application\/wasm$/);
  assert.equal(b.wasm.length, 1);
});
