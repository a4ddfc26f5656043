// Vue 3 + Element Plus (fixtures/vue), built by Vite 8 and served under the strict CSP: an
// application form whose validation rules come from the policy through the async-validator
// adapter, with required marks following the decision and the engine's check-character
// verdicts as field messages; the decision rendered by <intake-notice>, <intake-checklist>
// and <intake-timeline>. Driven in headless Chromium like an applicant would.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { launchBrowser, outputDir } from "../browser/helpers.mjs";
import { pkgBuilt, prepareFixture, run, serveStatic } from "./lib.mjs";

const skip = pkgBuilt() ? false : "pkg/ is not built (make pkg)";
let dir;
let browser;

before(async () => {
  if (skip) return;
  dir = await prepareFixture("vue");
  // The deploy step: the policy published with the package's CLI, served from public/.
  await mkdir(join(dir, "public"), { recursive: true });
  await run("node", [join(dir, "node_modules/intake-rules/cli.js"), "publish", join(dir, "src/joint-2025.json"), "-o", join(dir, "public/joint-2025.published.bin")], { cwd: dir });
  await run("node", [join(dir, "node_modules/vite/bin/vite.js"), "build"], { cwd: dir });
  browser = await launchBrowser();
});
after(async () => browser?.close());

test("Element Plus form: rules from the policy, required marks, engine messages, custom elements", { skip, timeout: 120_000 }, async () => {
  const server = await serveStatic(join(dir, "dist"));
  const page = await browser.newPage();
  const errors = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  page.on("pageerror", (e) => errors.push(e.message));
  try {
    await page.goto(`${server.url}/`);
    await page.waitForSelector(".el-form");
    const item = (id) => page.locator(`.el-form-item:has(#${id})`);
    const required = async (id) => (await item(id).getAttribute("class")).split(/\s+/).includes("is-required");
    const message = async (id) => (await item(id).locator(".el-form-item__error").count()) ? (await item(id).locator(".el-form-item__error").textContent()).trim() : "";
    /** Waits (up to 5 s) for the field's message to match, then returns it. */
    const messageFor = async (id, pattern) => {
      await page
        .waitForFunction(([id, source]) => new RegExp(source).test(document.querySelector(`.el-form-item:has(#${id}) .el-form-item__error`)?.textContent ?? ""), [id, pattern.source], { timeout: 5000 })
        .catch(() => {});
      return message(id);
    };

    // Static requirements draw Element Plus's asterisk; the conditional one does not yet.
    for (const id of ["uscc", "contact_mobile", "project_kind", "voltage_level", "power_capacity_kva", "needs_external_works"]) {
      assert.equal(await required(id), true, `${id} is marked required`);
    }
    assert.equal(await required("agent_id_number"), false);
    assert.equal(await required("needs_water"), false);

    // Submitting the empty form: the required messages, in the form's words.
    await page.click("#submit");
    await page.waitForSelector("#submitted[data-state=invalid]");
    assert.equal(await messageFor("uscc", /请填写/), "请填写统一社会信用代码");
    assert.equal(await messageFor("project_kind", /请选择/), "请选择项目类型");

    // A USCC with a wrong check character: the engine's verdict, as the notice and back-end say it.
    await page.fill("#uscc", "91350100M000100Y44");
    await page.locator("#uscc").blur();
    assert.equal(await messageFor("uscc", /格式不正确/), "统一社会信用代码格式不正确（应为 18 位数字或大写英文字母，不含 I、O、S、V、Z，末位为校验码）");

    // Fill the form as the README's first example.
    await page.fill("#uscc", "91350100M000100Y43");
    await page.fill("#contact_mobile", "13800138000");
    await item("project_kind").locator(".el-select__wrapper").click();
    await page.locator(".el-select-dropdown__item", { hasText: "小微企业" }).click();
    await item("voltage_level").locator("label", { hasText: "低压" }).click();
    await page.fill("#power_capacity_kva", "100");
    await page.locator("#power_capacity_kva").blur();
    await item("needs_water").locator(".el-switch").click();

    // Filed by an agent: the agent's ID number becomes required — marked when decisions carry
    // required_fields, reported by the engine's check in any case.
    await item("applicant_is_agent").locator(".el-switch").click();
    await page.click("#submit");
    await page.waitForSelector("#submitted[data-state=invalid]");
    const agentMessage = await messageFor("agent_id_number", /经办人/);
    assert.match(agentMessage, /经办人居民身份证号码/, agentMessage);
    const hasRequiredFields = await page.evaluate(() => "required_fields" in (document.querySelector("intake-notice").decision ?? {}));
    if (hasRequiredFields) assert.equal(await required("agent_id_number"), true);
    await item("applicant_is_agent").locator(".el-switch").click();

    await page.click("#submit");
    await page.waitForSelector("#submitted[data-state=valid]");
    const shadow = (tag) => page.locator(tag).evaluate((el) => el.shadowRoot.textContent);
    assert.equal(await page.locator("intake-notice").getAttribute("data-outcome"), "accepted");
    assert.match(await shadow("intake-notice"), /一次性告知书/);
    assert.match(await shadow("intake-checklist"), /营业执照/);
    assert.match(await shadow("intake-timeline"), /2026-10-15/);
    await page.screenshot({ path: join(outputDir, "embed-vue-element-plus.png"), fullPage: true });
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
    await server.close();
  }
});
