// The service guide page (www/guide.html) in headless Chromium: for every built-in pack and
// target, every material the checklist can ask for (sampled forms evaluated by the same package
// in Node) appears in the guide the page shows, in both locales; the set's old version is shown
// for a day it was in force; and the printed layout is saved under test-output/ (PDF and PNG).
//
// Needs `make pkg` first.

import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { launchBrowser, openPage, outputDir, pkgBuilt, root, startServer } from "./helpers.mjs";

const NUMBERS = [0, 1, 50, 100, 101, 160, 161, 200, 300, 301, 315, 630, 1000, 1001, 5000, 100000];
const DATES = ["2019-06-01", "2024-06-01", "2026-03-16"];

/** Deterministic sample forms for a target (each field absent or one value of its type). */
function forms(target, n, seed) {
  let x = seed | 1;
  const next = () => { x ^= x << 13; x ^= x >>> 17; x ^= x << 5; return x >>> 0; };
  const pick = (xs) => xs[next() % xs.length];
  const out = [];
  for (let i = 0; i < n; i++) {
    const form = {};
    for (const f of target.fields) {
      if (next() % 6 === 0) continue;
      form[f.id] = f.type === "enum" ? pick(f.values) : f.type === "bool" ? next() % 2 === 0
        : f.type === "number" ? pick(NUMBERS) : f.type === "date" ? pick(DATES) : "x";
    }
    out.push(form);
  }
  return out;
}

/** Every material the checklist asks for on the samples: id → name. */
function asked(policy, target, locale) {
  const names = new Map();
  for (const form of forms(target, 300, 0x2545f491 ^ target.id.length)) {
    const req = { target: target.id, form, materials: {}, submitted_at: "2026-03-16T09:30:00+08:00", locale };
    for (const item of policy.checklist(req)) names.set(item.id, item.name);
  }
  return names;
}

test("guide page: every checklist material appears, versions by date, printed layout", { timeout: 240_000 }, async (t) => {
  if (!pkgBuilt()) assert.fail("pkg/ is not built: run `make pkg` (or `make test-browser`)");
  const lib = await import(pathToFileURL(join(root, "pkg", "node.js")).href);
  const server = await startServer();
  const browser = await launchBrowser();
  t.after(async () => {
    await browser.close();
    await server.close();
  });
  const { page, errors } = await openPage(browser, `${server.url}/guide.html`);
  const frameText = async () => (await page.frameLocator("#guide-frame").locator("body").innerText());
  /** Runs `action` and waits for the frame to show the new guide. */
  const act = async (action) => {
    const before = await page.evaluate(() => document.body.dataset.seq);
    await action();
    await page.waitForFunction((b) => document.body.dataset.seq !== b, before);
  };

  const packIds = lib.Policy.builtinIds();
  assert.deepEqual(await page.$$eval("#pack option", (os) => os.map((o) => o.value)), packIds);
  await mkdir(outputDir, { recursive: true });

  for (const packId of packIds) {
    if ((await page.inputValue("#pack")) !== packId) await act(() => page.selectOption("#pack", packId));
    const policy = lib.Policy.builtin(packId);
    const targets = policy.targets();
    assert.deepEqual(await page.$$eval("#target option", (os) => os.map((o) => o.value)), targets.map((x) => x.id));
    for (const locale of ["zh-CN", "en"]) {
      const button = locale === "en" ? "#lang-en" : "#lang-zh";
      if ((await page.getAttribute(button, "aria-pressed")) !== "true") await act(() => page.click(button));
      for (const target of targets) {
        if ((await page.inputValue("#target")) !== target.id) await act(() => page.selectOption("#target", target.id));
        const text = await frameText();
        const names = asked(policy, target, locale);
        assert.ok(names.size > 0, `${packId}/${target.id}: the samples ask for materials`);
        for (const [id, name] of names) {
          assert.ok(text.includes(name), `${packId}/${target.id}/${locale}: material ${id} (${name}) is in the guide page`);
        }
        // The page shows exactly what the package generates.
        const html = await page.$eval("#guide-frame", (f) => f.srcdoc);
        assert.equal(html, policy.guideHtml(target.id, locale));
        const shown = await page.evaluate(() => window.__lastGuide);
        assert.deepEqual(shown, policy.guide(target.id, locale));
      }
    }
    policy.free();
  }

  // Rules in force by date: the drawing review's old version (12 materials) for 2025-06-01.
  const setIds = lib.PolicySet.builtinIds();
  if (setIds.includes("industrial-drawing-review")) {
    await act(() => page.click("#lang-zh"));
    await act(() => page.selectOption("#pack", "industrial-drawing-review"));
    await act(() => page.selectOption("#target", "joint_review"));
    assert.equal(await page.isVisible("#on"), true);
    await act(() => page.fill("#on", "2025-06-01").then(() => page.dispatchEvent("#on", "change")));
    assert.match(await page.textContent("#note"), /2024\.01/);
    const rows = await page.frameLocator("#guide-frame").locator("table.materials tbody tr").count();
    assert.equal(rows, 12, "12 materials before the reform");
    assert.match(await frameText(), /10 个工作日/);
    await act(() => page.fill("#on", "2026-06-01").then(() => page.dispatchEvent("#on", "change")));
    assert.match(await page.textContent("#note"), /2026\.01/);
    assert.equal(await page.frameLocator("#guide-frame").locator("table.materials tbody tr").count(), 8);
    await act(() => page.fill("#on", "2020-06-01").then(() => page.dispatchEvent("#on", "change")));
    assert.equal(await page.isVisible("#error-box"), true, "no version in force in 2020");
    await act(() => page.fill("#on", "").then(() => page.dispatchEvent("#on", "change")));
  }

  // The printed layout of one guide: the generated page on its own, as print media.
  const policy = lib.Policy.builtin(packIds.find((id) => /joint/.test(id)) ?? packIds[0]);
  const target = policy.targets()[0].id;
  const printPage = await browser.newPage();
  await printPage.setContent(policy.guideHtml(target, "zh-CN"), { waitUntil: "load" });
  assert.equal(await printPage.locator("script").count(), 0, "the guide needs no script");
  await printPage.emulateMedia({ media: "print" });
  const pdf = await printPage.pdf({ format: "A4", printBackground: true });
  assert.ok(pdf.length > 10_000 && pdf.subarray(0, 5).toString() === "%PDF-");
  await writeFile(join(outputDir, "guide-print.pdf"), pdf);
  await printPage.screenshot({ path: join(outputDir, "guide-print.png"), fullPage: true });
  await writeFile(join(outputDir, "guide.html"), policy.guideHtml(target, "zh-CN"));
  await printPage.close();

  assert.deepEqual(errors, [], "no console errors, page errors or failed requests");
});
