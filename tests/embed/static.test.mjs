// Plain pages, no bundler (fixtures/static): `<script type="module">` loading the installed
// package by path, bare specifiers through an import map, the custom elements, and the init
// entry fetching the .wasm from another path with a preload — all under a strict CSP — and
// what a CSP without 'wasm-unsafe-eval' does.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { cp, mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { EXPECTED, STRICT_CSP, launchBrowser, openResult, pkgBuilt, prepareFixture, root, serveStatic } from "./lib.mjs";

const skip = pkgBuilt() ? false : "pkg/ is not built (make pkg)";
let dir;
let browser;

before(async () => {
  if (skip) return;
  dir = await prepareFixture("static", { shared: ["www"] });
  // The deploy step of the init page: the portal module's .wasm published under a versioned path.
  await mkdir(join(dir, "cdn/intake-rules/0.1.0"), { recursive: true });
  await cp(join(dir, "node_modules/intake-rules/portal/intake_rules_bg.wasm"), join(dir, "cdn/intake-rules/0.1.0/portal.wasm"));
  browser = await launchBrowser();
});
after(async () => browser?.close());

const { portalSame, ...SINGLE } = EXPECTED;

async function open(page, headers) {
  const server = await serveStatic(dir, headers ? { headers } : undefined);
  try {
    return await openResult(browser, `${server.url}/www/${page}`, { keep: true });
  } finally {
    await server.close();
  }
}

const strip = ({ fingerprint, ...rest }) => rest;

test("<script type=module> by path, strict CSP: ready on import, full and portal", { skip, timeout: 60_000 }, async () => {
  const r = await open("plain.html");
  assert.deepEqual(strip(r.result), EXPECTED);
  assert.deepEqual(r.errors, []);
  assert.deepEqual(r.wasm.sort(), [
    "/node_modules/intake-rules/intake_rules_bg.wasm 200 application/wasm",
    "/node_modules/intake-rules/portal/intake_rules_bg.wasm 200 application/wasm",
  ]);
  await r.page.close();
});

test("import map (its hash in the CSP) and the custom elements", { skip, timeout: 60_000 }, async () => {
  const html = await readFile(join(dir, "www/importmap.html"), "utf8");
  const map = /<script type="importmap">([\s\S]*?)<\/script>/.exec(html)[1];
  const hash = createHash("sha256").update(map).digest("base64");
  const csp = STRICT_CSP.replace("script-src 'self'", `script-src 'self' 'sha256-${hash}'`);
  const r = await open("importmap.html", { "content-security-policy": csp });
  assert.deepEqual(strip(r.result), EXPECTED);
  assert.deepEqual(r.errors, []);
  const shadowText = (sel) => r.page.locator(sel).evaluate((el) => el.shadowRoot.textContent);
  assert.match(await shadowText("intake-notice"), /受理/);
  assert.match(await shadowText("intake-notice"), /一次性告知书/);
  assert.match(await shadowText("intake-checklist"), /营业执照/);
  assert.match(await shadowText("intake-timeline"), /2026-10-15/);
  assert.equal(await r.page.locator("intake-notice").getAttribute("data-outcome"), "accepted");
  await r.page.close();
});

test("init entry, .wasm from another path with <link rel=preload>: fetched once", { skip, timeout: 60_000 }, async () => {
  const r = await open("init.html");
  assert.deepEqual(strip(r.result), SINGLE);
  assert.deepEqual(r.errors, []);
  assert.deepEqual(r.wasm, ["/cdn/intake-rules/0.1.0/portal.wasm 200 application/wasm"]);
  await r.page.close();
});

test("CSP without 'wasm-unsafe-eval': the module cannot be compiled, and the page is told why", { skip, timeout: 60_000 }, async () => {
  const csp = STRICT_CSP.replace(" 'wasm-unsafe-eval'", "");
  const server = await serveStatic(dir, { headers: { "content-security-policy": csp } });
  const page = await browser.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  try {
    await page.goto(`${server.url}/www/plain.html`);
    await page.waitForTimeout(1500);
    assert.equal(await page.locator("#result").count(), 0, "nothing was decided");
    assert.ok(errors.some((e) => /wasm-unsafe-eval|Content Security Policy/i.test(e)), errors.join("\n"));
  } finally {
    await page.close();
    await server.close();
  }
});

test("README's first example, as written, in a page: accepted, due 2026-10-15, the notice", { skip, timeout: 60_000 }, async () => {
  const readme = await readFile(join(root, "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("### Plain HTML (no bundler)"));
  const html = /```html\n([\s\S]*?)```/.exec(section)[1];
  await writeFile(join(dir, "www/readme.html"), `<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,">\n${html}`);
  const script = /<script type="module">([\s\S]*?)<\/script>/.exec(html)[1];
  const hash = createHash("sha256").update(script).digest("base64");
  const csp = STRICT_CSP.replace("script-src 'self'", `script-src 'self' 'sha256-${hash}'`);
  const server = await serveStatic(dir, { headers: { "content-security-policy": csp } });
  const page = await browser.newPage();
  const logs = [];
  const errors = [];
  page.on("console", (m) => (m.type() === "error" ? errors : logs).push(m.text()));
  page.on("pageerror", (e) => errors.push(e.message));
  try {
    await page.goto(`${server.url}/www/readme.html`);
    for (let i = 0; i < 100 && logs.length < 2; i++) await page.waitForTimeout(100);
    assert.deepEqual(errors, []);
    assert.equal(logs[0], "accepted 2026-10-15");
    assert.match(logs[1], /^一次性告知书\n申请事项：水电气热网联合报装\n/);
    assert.match(logs[1], /办理结论：予以受理。/);
  } finally {
    await page.close();
    await server.close();
  }
});
