// The policy workbench in headless Chromium, served two ways: by the repository's demo server
// (scripts/serve.mjs) and by `intake-rules workbench` from the packed npm package.
// - the code editor marks a typo at its line and column, clicking the problem puts the cursor
//   there (scrolling sideways on a long line), fixing it clears it; schema completion and hover;
// - the pack's cases run; each policy keeps its own case file;
// - from the CLI: the policy file named on the command line opens, Save writes it back,
//   compare-with-previous lists the change and the cases it changes with a summary, and the
//   metrics panel draws each target's charts, before and after.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readFileSync, writeFileSync, rmSync, readdirSync } from "node:fs";
import { spawn, spawnSync } from "node:child_process";
import { join } from "node:path";
import { startServer, launchBrowser, openPage, root, outputDir, pkgBuilt } from "./helpers.mjs";

const built = pkgBuilt() && existsSync(join(root, "pkg", "workbench", "editor.js"));
const skip = !built && "pkg/ not built (make pkg)";
let server;
let browser;

before(async () => {
  if (!built) return;
  server = await startServer();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** Replace the editor's text (one edit), then wait for the analysis. */
async function setText(page, text, which = "editor") {
  await page.evaluate(([t, w]) => window.workbench[w].setText(t), [text, which]);
  if (which === "editor") await page.waitForFunction(() => !document.getElementById("status").textContent.includes("…"));
}
const getText = (page, which = "editor") => page.evaluate((w) => window.workbench[w].getText(), which);

test("workbench (demo server): a typo at its line and column, the fix, completion, hover, cases kept per policy", { skip }, async () => {
  const { page, errors } = await openPage(browser, `${server.url}/workbench.html`);
  await page.selectOption("#pack", "industrial-drawing-review");
  await page.waitForFunction(() => window.workbench.editor.getText().includes("industrial-drawing-review"));
  const original = await getText(page);
  assert.equal(await page.locator("#problems li.error").count(), 0);

  // A typo at the end of a very long line: listed at its line:column, marked inline.
  const doc = JSON.parse(original);
  const long = JSON.stringify(doc, null, 2).replace(`"project_complexity == 'simple'"`, `"${" ".repeat(300)}project_complexitz == 'simple'"`);
  const lines = long.split("\n");
  const line = lines.findIndex((l) => l.includes("project_complexitz == 'simple'")) + 1;
  const column = lines[line - 1].indexOf("project_complexitz") + 1;
  assert.ok(column > 300);
  await setText(page, long);
  const problem = page.locator("#problems li.error").first();
  await problem.waitFor();
  assert.equal(await problem.getAttribute("data-code"), "unknown_form_field");
  assert.equal(await problem.locator(".pos").textContent(), `${line}:${column}`);
  assert.ok(await page.isDisabled("#run-cases"));
  // Clicking the problem puts the cursor on the typo and scrolls sideways to it.
  await problem.click();
  assert.deepEqual(await page.evaluate(() => window.workbench.editor.cursor()), { line, column });
  await page.waitForFunction(() => document.querySelector("#editor .cm-scroller").scrollLeft > 100);
  // The typo is marked inline and in the gutter, now in view.
  assert.equal(await page.locator(".cm-lintRange-error").count(), 1);
  assert.ok(await page.locator(".cm-lint-marker-error").count() >= 1);

  // Typing the fix: the error goes away.
  for (let i = 0; i < "project_complexitz".length; i++) await page.keyboard.press("Delete");
  await page.keyboard.type("project_complexity");
  await page.waitForFunction(() => document.querySelectorAll("#problems li.error").length === 0);
  assert.equal(await page.locator(".cm-lintRange-error").count(), 0);

  // Completion from the schema: a new key in a stage offers the stage's keys it lacks.
  await setText(page, original);
  const stageLine = original.split("\n").findIndex((l) => l.includes('"id": "review"')) + 1;
  await page.evaluate((l) => {
    const ed = window.workbench.editor;
    const ln = ed.view.state.doc.line(l);
    ed.view.dispatch({ changes: { from: ln.to, insert: "\n" }, selection: { anchor: ln.to + 1 } });
    ed.view.focus();
  }, stageLine);
  await page.keyboard.type('"aft');
  await page.keyboard.press("Control+Space");
  const options = page.locator(".cm-tooltip-autocomplete li");
  await options.first().waitFor();
  const labels = await options.allTextContents();
  assert.ok(labels.some((l) => l.startsWith("after")), labels.join(","));
  // Keys the stage already has are not offered again.
  assert.ok(!labels.some((l) => l.startsWith("id")), labels.join(","));
  await page.keyboard.press("Escape");
  // Hover help from the schema on a key.
  await setText(page, original);
  const at = await page.evaluate(async () => {
    const ed = window.workbench.editor;
    const pos = ed.getText().indexOf('"cutoff"') + 3;
    ed.jumpTo(ed.view.state.doc.lineAt(pos).number, 1);
    await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
    const c = ed.view.coordsAtPos(pos);
    return { x: (c.left + c.right) / 2, y: (c.top + c.bottom) / 2 };
  });
  await page.mouse.move(at.x, at.y);
  await page.locator(".cm-schema-hover").waitFor({ timeout: 5000 });
  assert.match(await page.locator(".cm-schema-hover").textContent(), /cutoff: string/);
  assert.match(await page.locator(".cm-schema-hover").textContent(), /17:00/);

  // The pack's case file is prefilled; every case passes.
  const cases = JSON.parse(await getText(page, "casesEditor"));
  assert.ok(cases.cases.length > 0);
  await page.click("#run-cases");
  await page.waitForFunction(() => document.getElementById("case-summary").textContent !== "");
  assert.equal(await page.locator("#case-results li.pass").count(), cases.cases.length);

  // Cases stay with their policy: edit this pack's cases, switch packs and back.
  const edited = JSON.stringify({ cases: cases.cases.slice(0, 1) }, null, 2);
  await setText(page, edited, "casesEditor");
  const other = await page.evaluate(() => [...document.querySelectorAll("#pack option")].map((o) => o.value).find((v) => v && v !== "industrial-drawing-review"));
  await page.selectOption("#pack", other);
  await page.waitForFunction((id) => window.workbench.editor.getText().includes(id), other);
  assert.notEqual(await getText(page, "casesEditor"), edited);
  await page.selectOption("#pack", "industrial-drawing-review");
  await page.waitForFunction(() => window.workbench.editor.getText().includes("industrial-drawing-review"));
  assert.equal(await getText(page, "casesEditor"), edited);

  assert.deepEqual(errors, []);
  await page.close();
});

/** `npm pack` of pkg/ unpacked under test-output/: the CLI exactly as users install it. */
function packed() {
  const dir = join(outputDir, "pack-workbench");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const r = spawnSync("npm", ["pack", join(root, "pkg"), "--pack-destination", dir, "--silent"], { encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
  const tgz = readdirSync(dir).find((f) => f.endsWith(".tgz"));
  assert.equal(spawnSync("tar", ["xzf", join(dir, tgz), "-C", dir]).status, 0);
  return join(dir, "package", "cli.js");
}

test("workbench (npx intake-rules workbench): open, save, compare with the previous save, metrics", { skip }, async () => {
  const cli = packed();
  const work = join(outputDir, "workbench-session");
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const policyFile = join(work, "drawing.json");
  const casesFile = join(work, "drawing.cases.json");
  writeFileSync(policyFile, readFileSync(join(root, "packs", "industrial-drawing-review.json"), "utf8"));
  writeFileSync(casesFile, readFileSync(join(root, "packs", "industrial-drawing-review.cases.json"), "utf8"));
  const child = spawn(process.execPath, [cli, "workbench", policyFile, "--port", "0"], { stdio: ["ignore", "pipe", "pipe"] });
  try {
    const url = await new Promise((ok, fail) => {
      let out = "";
      child.stdout.on("data", (d) => {
        out += d;
        const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(out);
        if (m) ok(m[0]);
      });
      child.once("exit", (code) => fail(new Error(`workbench exited ${code}`)));
      setTimeout(() => fail(new Error(`no URL printed: ${out}`)), 15_000);
    });
    const { page, errors } = await openPage(browser, url);
    // The file named on the command line, and its case file beside it.
    assert.equal(await getText(page), readFileSync(policyFile, "utf8"));
    assert.match(await page.locator("#file-name").textContent(), /drawing\.json$/);
    assert.match(await page.locator("#cases-name").textContent(), /drawing\.cases\.json$/);
    const original = await getText(page);

    // Edit (fire review 15 → 17 working days) and save: the file on disk changes.
    const doc = JSON.parse(original);
    doc.services.fire_review.stages.find((s) => s.id === "review").limit = { working_days: 17 };
    const fire7 = JSON.stringify(doc, null, 2);
    await setText(page, fire7);
    assert.match(await page.locator("#file-name").getAttribute("class"), /dirty/);
    await page.click("#save");
    await page.waitForFunction(() => /saved|已保存/.test(document.getElementById("status").textContent));
    assert.equal(readFileSync(policyFile, "utf8"), fire7);

    // Compare with the previous save (the file as opened): the change, the cases, the summary.
    await page.click("#tab-compare");
    await page.selectOption("#compare-with", "previous");
    await page.click("#diff-button");
    const change = page.locator('#diff-changes li[data-kind="stage_limit_changed"]');
    await change.waitFor();
    assert.match(await change.textContent(), /services\.fire_review\.stages\[review\]\.limit/);
    assert.match(await page.locator("#diff-cases").textContent(), /service_dues\.fire_review/);
    assert.match(await page.locator("#diff-cases-summary").textContent(), /later|推迟/);
    // Edit again without saving: "the previous save" is now the saved 17-day text.
    doc.services.fire_review.stages.find((s) => s.id === "review").limit = { working_days: 16 };
    await setText(page, JSON.stringify(doc, null, 2));
    await page.click("#diff-button");
    await page.waitForFunction(() => /17 个工作日 → 16 个工作日|17 working days → 16 working days/.test(document.getElementById("diff-changes").textContent));

    // Metrics: a card per target with its charts, before (the compared version) and after.
    await page.click("#tab-metrics");
    await page.click("#metrics-button");
    await page.locator("#metrics .metric-card").first().waitFor();
    const targets = await page.evaluate(() => [...document.querySelectorAll("#metrics .metric-card")].map((c) => c.dataset.target));
    assert.ok(targets.includes("joint_review"), targets.join(","));
    const card = page.locator('#metrics .metric-card[data-target="joint_review"]');
    assert.ok(await card.locator("svg.chart").count() >= 4);
    assert.ok(await card.locator("svg.chart rect.bar-old").count() > 0, "before bars");
    assert.ok(await card.locator("svg.chart rect.bar-new").count() > 0, "after bars");
    assert.match(await page.locator("#metrics-summary").textContent(), /cn\.example\.industrial-drawing-review/);
    const stats = await page.evaluate(() => {
      const p = window.workbench.state.policy;
      return p.stats(window.workbench.casesEditor.getText());
    });
    const joint = stats.targets.find((x) => x.id === "joint_review");
    const most = await card.locator(`svg.chart rect.bar-new[data-value="${joint.materials.most}"]`).count();
    assert.ok(most >= 1, "the chart draws the figures of policy.stats()");

    assert.deepEqual(errors, []);
    await page.close();
  } finally {
    child.kill("SIGTERM");
  }
});
