// The demo portal (www/index.html) in headless Chromium, driven like an applicant would, with
// every value the page shows checked against the same package evaluated in Node (pkg/node.js):
// the browser and Node must agree byte for byte, and the page must show what the engine said.
//
// Needs `make pkg` first (the Makefile's test-browser target does it).

import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { launchBrowser, openPage, pkgBuilt, root, screenshot, startServer } from "./helpers.mjs";

const PREFERRED_PACK = /joint/;
const AT = "2026-09-30T10:00:00+08:00";

test("demo portal: form, checklist, decision, notice, timeline, locale, phone width", { timeout: 180_000 }, async (t) => {
  if (!pkgBuilt()) {
    assert.fail("pkg/ is not built: run `make pkg` (or `make test-browser`)");
  }
  const lib = await import(pathToFileURL(join(root, "pkg", "node.js")).href);
  const ids = lib.Policy.builtinIds();
  assert.ok(ids.length > 0, "the package has built-in policy packs");
  const packId = ids.find((id) => PREFERRED_PACK.test(id)) ?? ids[0];
  const policy = lib.Policy.builtin(packId);
  const calendar = lib.Calendar.builtin();

  const server = await startServer();
  const browser = await launchBrowser();
  t.after(async () => {
    await browser.close();
    await server.close();
  });
  // The portal page loads the portal module (intake-rules/portal), not the full one.
  const wasmLoaded = [];
  browser.on("request", (r) => { if (r.url().endsWith(".wasm")) wasmLoaded.push(new URL(r.url()).pathname); });
  const { page, errors } = await openPage(browser, `${server.url}/`);

  /** Runs `action` and waits until the page has re-evaluated (data-seq moved on). */
  const act = async (action) => {
    const before = await page.getAttribute("#decision", "data-seq");
    await action();
    await page.waitForFunction((b) => document.querySelector("#decision").dataset.seq !== b, before);
  };
  /** The decision the page rendered, checked against Node evaluating the page's own request. */
  const decision = async () => {
    const { req, dec } = await page.evaluate(() => ({ req: window.__lastRequest, dec: window.__lastDecision }));
    assert.ok(req && dec, "the page exposes its last request and decision");
    assert.deepEqual(dec, policy.evaluate(req), "the browser's decision equals Node's for the same request");
    return { req, dec };
  };
  const text = async (sel) => (await page.locator(sel).first().textContent()).trim();
  const noErrorBox = async () => assert.equal(await page.locator("#error-box").isHidden(), true,
    `error box shown: ${await page.locator("#error-box").textContent()}`);

  // ---- 1. pack and target ----------------------------------------------------------------------
  await page.waitForFunction(() => Number(document.querySelector("#decision").dataset.seq) > 0);
  // Keyboard: the first tab stop is the skip link to the decision.
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.id), "skip-link");
  if ((await page.inputValue("#pack")) !== packId) await act(() => page.selectOption("#pack", packId));
  assert.deepEqual(wasmLoaded, ["/pkg/portal/intake_rules_bg.wasm"], "the portal page loads the portal module only");
  const packOptions = await page.$$eval("#pack option", (os) => os.map((o) => o.value));
  assert.deepEqual(packOptions, ids, "pack choices are Policy.builtinIds()");
  const targets = policy.targets();
  const target = targets[0];
  assert.equal(await page.inputValue("#target"), target.id, "the first target (bundles first) is chosen");
  const targetOptions = await page.$$eval("#target option", (os) => os.map((o) => o.value));
  assert.deepEqual(targetOptions, targets.map((x) => x.id), "target choices are policy.targets(), bundles first");
  await noErrorBox();

  // ---- 2. the generated form: one labelled control per field, of the right kind ------------------
  for (const f of target.fields) {
    const control = page.locator(`#f-${f.id}`);
    assert.equal(await control.count(), 1, `a control for field ${f.id}`);
    const tag = await control.evaluate((el) => `${el.tagName.toLowerCase()}:${el.type}`);
    const want = { enum: "select:select-one", bool: "input:checkbox", number: "input:number", date: "input:date" }[f.type];
    if (want) assert.equal(tag, want, `field ${f.id} (${f.type}) renders as ${want}`);
    assert.equal(await page.locator(`label[for="f-${f.id}"]`).count(), 1, `field ${f.id} has a label tied to it`);
    assert.ok((await text(`label[for="f-${f.id}"]`)).includes(f.label["zh-CN"]), `label of ${f.id} is its zh-CN label`);
    if (f.type === "enum") {
      const opts = await control.evaluate((el) => [...el.options].map((o) => o.value).filter(Boolean));
      assert.deepEqual(opts, f.values, `options of ${f.id}`);
    }
    if (f.type === "number" && f.min !== null) assert.equal(await control.getAttribute("min"), String(f.min));
    if (typeof f.required === "string") {
      assert.ok((await text(`[data-testid="req-${f.id}"]`)).includes(f.required), `conditional requirement of ${f.id} shows its condition`);
    }
  }

  // The submission time is the fixed demo default, read as China time.
  let { req, dec } = await decision();
  assert.equal(req.submitted_at, AT);
  assert.equal(req.locale, "zh-CN");
  assert.equal(await page.getAttribute('[data-testid="outcome"]', "data-outcome"), dec.outcome);
  assert.ok((await text("#received-on")).includes(dec.received_on));
  assert.equal(dec.received_on, calendar.receivedOn(AT), "received day as the calendar API computes it");
  assert.equal(await text('[data-testid="policy-fingerprint"]'), policy.fingerprint);
  assert.equal(await text('[data-testid="policy-version"]'), policy.version);
  const cov = calendar.coverage();
  assert.ok((await text('[data-testid="coverage"]')).includes(cov.to), "footer shows the calendar coverage");

  // ---- 3. a conditional material becomes required ------------------------------------------------
  // Find, from the engine, a bool field that makes a new material required (in this pack:
  // external works occupying a road → traffic plan). Turn on what it depends on first.
  const base = { ...req };
  const before = new Set(dec.checklist.map((i) => i.id));
  let trigger = null;
  const boolFields = target.fields.filter((f) => f.type === "bool");
  outer: for (const pre of [null, ...boolFields]) {
    for (const f of boolFields) {
      const form = { ...base.form, ...(pre ? { [pre.id]: true } : {}), [f.id]: true };
      // As the page does: materials that become required start as "provided".
      const first = policy.evaluate({ ...base, form });
      const materials = Object.fromEntries(first.checklist.map((i) => [i.id, base.materials[i.id] ?? "provided"]));
      const d = policy.evaluate({ ...base, form, materials });
      const gained = d.checklist.find((i) => !before.has(i.id) && i.because.some((b) => b.condition.includes(f.id)));
      if (gained && d.outcome === dec.outcome) { trigger = { pre, field: f, material: gained }; break outer; }
    }
  }
  assert.ok(trigger, "the pack has a condition on a bool field that requires a material");
  assert.equal(await page.locator(`[data-testid="mat-${trigger.material.id}"]`).count(), 0, "not in the checklist yet");
  if (trigger.pre) await act(() => page.check(`#f-${trigger.pre.id}`));
  await act(() => page.check(`#f-${trigger.field.id}`));
  ({ req, dec } = await decision());
  const gainedEl = page.locator(`[data-testid="mat-${trigger.material.id}"]`);
  await gainedEl.waitFor();
  assert.ok((await gainedEl.locator("legend").textContent()).includes(trigger.material.name));
  const why = dec.checklist.find((i) => i.id === trigger.material.id).because[0];
  await gainedEl.locator("summary").click();
  assert.ok((await gainedEl.locator(".why-body").textContent()).includes(why.condition), "the disclosure shows the condition");
  assert.equal(await page.getAttribute('[data-testid="outcome"]', "data-outcome"), dec.outcome);

  // ---- 4. a tolerable material missing → 容缺受理 with its supplement date -----------------------
  const tolerable = dec.checklist.find((i) => i.id === "power_load_list" && i.tolerable)
    ?? dec.checklist.find((i) => i.tolerable && i.used_by.length === 1);
  assert.ok(tolerable, "a tolerable material is in the checklist");
  await act(() => page.check(`[data-testid="mat-${tolerable.id}-missing"]`));
  ({ req, dec } = await decision());
  assert.equal(req.materials[tolerable.id], "missing");
  assert.equal(dec.outcome, "accepted_with_tolerance");
  assert.equal(await text('[data-testid="outcome"]'), "容缺受理");
  const miss = dec.missing.find((m) => m.id === tolerable.id);
  assert.equal(miss.tolerated, true);
  const within = tolerable.tolerable.supplement_within;
  if ("working_days" in within) {
    assert.equal(miss.supplement_due, calendar.addWorkingDays(dec.received_on, within.working_days),
      "supplement due = received day + the tolerance period in working days");
  }
  assert.ok((await text(`[data-testid="missing"] li[data-material="${tolerable.id}"]`)).includes(miss.supplement_due));
  assert.ok((await text(`[data-testid="due-${tolerable.id}"]`)).includes(miss.supplement_due));

  // ---- 5. the timeline chart ---------------------------------------------------------------------
  assert.ok(dec.timeline, "an accepted application has a timeline");
  const svgText = await page.locator('[data-testid="timeline-svg"]').textContent();
  assert.ok(svgText.includes(dec.timeline.due), `the chart shows the due date ${dec.timeline.due}`);
  assert.ok(svgText.includes(dec.timeline.serial_due), "the chart shows the serial due date");
  assert.ok((await text('[data-testid="mark-supplement"]')).includes(dec.timeline.supplement_due), "supplement marker");
  assert.equal(await text('[data-testid="due"]'), dec.timeline.due);
  assert.ok((await text('[data-testid="saved"]')).includes(String(dec.timeline.saved_working_days)));
  const stageRows = dec.timeline.services.reduce((n, s) => n + s.stages.length, 0);
  // Office stages and the applicant's own stages (drawn apart) together: one row per stage.
  assert.equal(await page.locator("svg.timeline .row-stage, svg.timeline .row-applicant").count(), stageRows, "one row per stage");
  assert.equal(await page.locator("svg.timeline .row-serial").count(), dec.timeline.serial.length, "serial rows");
  // Shaded days agree with the calendar: holidays are weekdays off, make-up days are weekends on.
  const shaded = await page.$$eval("svg.timeline rect.day", (rs) => rs.map((r) => [r.dataset.date, r.getAttribute("class")]));
  assert.ok(shaded.some(([, c]) => c.includes("day-holiday")), "National Day is shaded as holidays");
  for (const [date, cls] of shaded) {
    const wd = new Date(`${date}T00:00:00Z`).getUTCDay();
    const weekend = wd === 0 || wd === 6;
    if (cls.includes("day-outside")) assert.throws(() => calendar.isWorkingDay(date));
    else if (cls.includes("day-holiday")) assert.ok(!weekend && !calendar.isWorkingDay(date), `${date} holiday`);
    else if (cls.includes("day-rest")) assert.ok(weekend && !calendar.isWorkingDay(date), `${date} rest`);
    else if (cls.includes("day-makeup")) assert.ok(weekend && calendar.isWorkingDay(date), `${date} make-up day`);
  }
  await noErrorBox();
  await screenshot(page, "portal-zh");
  await mkdir(join(root, "docs"), { recursive: true });

  // ---- 6. inline field error as you type ---------------------------------------------------------
  const uscc = target.fields.find((f) => f.format === "uscc");
  if (uscc) {
    const good = await page.inputValue(`#f-${uscc.id}`);
    await act(() => page.fill(`#f-${uscc.id}`, "91350100M00"));
    ({ req, dec } = await decision());
    const fe = dec.field_errors.find((e) => e.path === `form.${uscc.id}`);
    assert.ok(fe, "a malformed code is a field error");
    assert.equal(await text(`[data-testid="err-${uscc.id}"]`), fe.message["zh-CN"]);
    assert.equal(await page.getAttribute(`#f-${uscc.id}`, "aria-invalid"), "true");
    assert.equal(dec.outcome, "needs_correction");
    await act(() => page.fill(`#f-${uscc.id}`, good));
    assert.equal(await page.isHidden(`[data-testid="err-${uscc.id}"]`), true);
  }

  // ---- 7. a key material missing → 补正, the notice names it ---------------------------------------
  ({ dec } = await decision());
  const key = dec.checklist.find((i) => i.id === "external_works_plan" && !i.tolerable)
    ?? dec.checklist.find((i) => !i.tolerable);
  assert.ok(key, "a key (not tolerable) material is in the checklist");
  await act(() => page.check(`[data-testid="mat-${key.id}-missing"]`));
  ({ req, dec } = await decision());
  assert.equal(dec.outcome, "needs_correction");
  assert.equal(await text('[data-testid="outcome"]'), "补正");
  assert.equal(dec.missing.find((m) => m.id === key.id)?.tolerated, false);
  const notice = await page.locator('[data-testid="notice"]').textContent();
  assert.equal(notice, dec.notice, "the notice is shown verbatim");
  assert.ok(notice.includes(key.name), `the notice names ${key.name}`);
  assert.equal(await page.locator('[data-testid="timeline-svg"]').count(), 0, "no chart without acceptance");

  // ---- 8. English -------------------------------------------------------------------------------
  await act(() => page.click('[data-testid="lang-en"]'));
  ({ req, dec } = await decision());
  assert.equal(req.locale, "en");
  assert.equal(await page.getAttribute("html", "lang"), "en");
  assert.equal(await text("#page-title"), "Joint application demo portal");
  assert.equal(await text('[data-testid="outcome"]'), "Needs correction");
  const keyEn = dec.checklist.find((i) => i.id === key.id);
  assert.ok((await text(`[data-testid="mat-${key.id}"] legend`)).includes(keyEn.name), "material names in English");
  assert.equal(await page.locator('[data-testid="notice"]').textContent(), dec.notice);
  for (const f of target.fields.filter((x) => x.label.en)) {
    assert.ok((await text(`label[for="f-${f.id}"]`)).includes(f.label.en), `English label of ${f.id}`);
  }
  assert.equal(await page.isChecked(`#f-${trigger.field.id}`), true, "form values survive the switch");
  await screenshot(page, "portal-en");

  // ---- 9. phone width: no horizontal scroll ---------------------------------------------------------
  await page.setViewportSize({ width: 375, height: 800 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `no horizontal scroll at 375 px (overflow ${overflow} px)`);
  await screenshot(page, "portal-phone");

  await noErrorBox();
  assert.deepEqual(errors, [], "no console error, page error or failed request");
});
