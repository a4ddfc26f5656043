// The policy workbench (www/workbench.html) in headless Chromium: a typo in a condition shows
// its error at its line; fixing it clears it; the pack's cases run; a diff against the
// built-in version lists the change and the cases it changes; no console errors.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(fileURLToPath(new URL("../..", import.meta.url)));

// The shared helpers when they exist; otherwise the same few things, here.
const helpers = existsSync(new URL("./helpers.mjs", import.meta.url))
  ? await import("./helpers.mjs")
  : {
    async startServer() {
      const { start } = await import("../../scripts/serve.mjs");
      const server = await start(0, "127.0.0.1");
      return {
        url: `http://127.0.0.1:${server.address().port}`,
        close: () => new Promise((ok) => { server.closeAllConnections?.(); server.close(() => ok()); }),
      };
    },
    async launchBrowser() {
      const { chromium } = await import("playwright-core");
      const profile = await mkdtemp(join(tmpdir(), "intake-rules-workbench-"));
      const context = await chromium.launchPersistentContext(profile, {
        executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
        headless: true,
        args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
          "--disable-component-update", "--disable-sync", "--no-first-run"],
        viewport: { width: 1280, height: 900 },
      });
      const close = context.close.bind(context);
      context.close = async () => { await close(); await rm(profile, { recursive: true, force: true }); };
      return context;
    },
    async openPage(browser, url) {
      const page = await browser.newPage();
      const errors = [];
      page.on("console", (m) => { if (m.type() === "error") errors.push(`console.error: ${m.text()}`); });
      page.on("pageerror", (e) => errors.push(`pageerror: ${e.stack ?? e.message}`));
      page.on("response", (r) => { if (r.status() >= 400) errors.push(`http ${r.status()}: ${r.url()}`); });
      await page.goto(url);
      await page.waitForSelector("body[data-ready=true]", { timeout: 30_000, state: "attached" });
      return { page, errors };
    },
  };

const built = existsSync(join(root, "pkg", "browser.js"));
let server, browser;

before(async () => {
  if (!built) return;
  server = await helpers.startServer();
  browser = await helpers.launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** Replace the editor's text as a user would (an input event), then wait for the analysis. */
async function setText(page, text) {
  await page.evaluate((t) => {
    const e = document.getElementById("editor");
    e.value = t;
    e.dispatchEvent(new Event("input", { bubbles: true }));
  }, text);
  await page.waitForFunction(() => !document.getElementById("status").textContent.includes("…"));
}

test("workbench: typo at its line, fix, run cases, diff, download", { skip: !built && "pkg/ not built (make pkg)" }, async () => {
  const { page, errors } = await helpers.openPage(browser, `${server.url}/workbench.html`);
  await page.selectOption("#pack", "industrial-drawing-review");
  await page.waitForFunction(() => document.getElementById("editor").value.includes("industrial-drawing-review"));
  const original = await page.inputValue("#editor");
  const lines = original.split("\n");
  const line = lines.findIndex((l) => l.includes("floor_area_m2 > 300")) + 1;
  const column = lines[line - 1].indexOf("floor_area_m2 > 300") + 1;
  assert.ok(line > 1);
  // The pack loads: no error-severity problem.
  assert.equal(await page.locator("#problems li.error").count(), 0);

  // A typo in a condition: the error is listed with its line:column and marked at its line.
  await setText(page, original.replace("floor_area_m2 > 300", "floor_area_m3 > 300"));
  const problem = page.locator("#problems li.error").first();
  await problem.waitFor();
  assert.equal(await problem.getAttribute("data-code"), "unknown_form_field");
  assert.equal(await problem.getAttribute("data-line"), String(line));
  assert.equal(await problem.locator(".pos").textContent(), `${line}:${column}`);
  assert.match(await problem.textContent(), /floor_area_m3/);
  assert.equal(await page.locator(`#gutter-inner div.error[data-line="${line}"]`).count(), 1);
  assert.equal(await page.locator(`#marks div.error[data-line="${line}"]`).count(), 1);
  assert.ok(await page.isDisabled("#run-cases"));
  // Clicking the problem puts the caret on it.
  await problem.click();
  const caret = await page.evaluate(() => document.getElementById("editor").selectionStart);
  const expected = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0) + column - 1;
  assert.equal(caret, expected);

  // Typing the fix (debounced analysis): the error and its marks go away.
  await page.evaluate(({ at }) => {
    const e = document.getElementById("editor");
    e.setSelectionRange(at + 12, at + 13);
  }, { at: expected });
  await page.keyboard.type("2");
  await page.waitForFunction(() => document.querySelectorAll("#problems li.error").length === 0);
  assert.equal(await page.inputValue("#editor"), original);
  assert.equal(await page.locator("#gutter-inner div.error").count(), 0);

  // The pack's case file is prefilled; every case passes.
  const casesText = await page.inputValue("#cases");
  const total = JSON.parse(casesText).cases.length;
  assert.ok(total > 0);
  await page.click("#run-cases");
  await page.waitForFunction(() => document.getElementById("case-summary").textContent !== "");
  assert.equal(await page.locator("#case-results li.pass").count(), total);
  assert.equal(await page.locator("#case-results li.fail").count(), 0);

  // Lengthen the fire review from 5 to 7 working days: a case fails, and the diff says why.
  // (Edited structurally: the editor's text is the pack re-indented, whatever the file's layout.)
  const doc = JSON.parse(original);
  const review = doc.services.fire_review.stages.find((st) => st.id === "review");
  assert.deepEqual(review.limit, { working_days: 5 });
  review.limit = { working_days: 7 };
  const fire7 = JSON.stringify(doc, null, 2);
  assert.notEqual(fire7, original);
  await setText(page, fire7);
  await page.click("#run-cases");
  await page.waitForFunction(() => document.querySelectorAll("#case-results li.fail").length > 0);
  assert.match(await page.locator("#case-results li.fail").first().textContent(), /service_dues\.fire_review/);

  await page.click("#diff-button");
  const change = page.locator('#diff-changes li[data-kind="stage_limit_changed"]');
  await change.waitFor();
  assert.match(await change.textContent(), /services\.fire_review\.stages\[review\]\.limit/);
  assert.match(await change.textContent(), /5 个工作日 → 7 个工作日/);
  assert.ok(await page.locator("#diff-cases li").count() > 0);
  assert.match(await page.locator("#diff-cases").textContent(), /service_dues\.fire_review/);

  // Download gives the edited text.
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#download")]);
  assert.equal(download.suggestedFilename(), "industrial-drawing-review.json");

  assert.deepEqual(errors, []);
  await page.close();
});
