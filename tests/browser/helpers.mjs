// Shared helpers of the browser tests (node:test + playwright-core, Debian's Chromium, no
// network): a static server on a free port, a fresh headless Chromium, and a page that records
// every console error and page error so a test can fail on them.
//
//   import { startServer, launchBrowser, openPage, outputDir } from "./helpers.mjs";
//   const server = await startServer();                  // server.url = "http://127.0.0.1:PORT"
//   const browser = await launchBrowser();
//   const { page, errors } = await openPage(browser, `${server.url}/`);
//   ... assert.deepEqual(errors, []);
//   await browser.close(); await server.close();

import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { start } from "../../scripts/serve.mjs";

export const root = resolve(fileURLToPath(new URL("../..", import.meta.url)));
export const outputDir = join(root, "test-output");
export const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

/** Whether `pkg/` has been built (`make pkg`); tests skip with a clear reason otherwise. */
export const pkgBuilt = () => existsSync(join(root, "pkg", "browser.js"));

/** Starts `scripts/serve.mjs` on a free port (port 0). Returns `{url, port, close()}`. */
export async function startServer() {
  const server = await start(0, "127.0.0.1");
  const { port } = server.address();
  return {
    server,
    port,
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((ok) => { server.closeAllConnections?.(); server.close(() => ok()); }),
  };
}

/**
 * Launches headless Chromium with a fresh user-data-dir. The returned object is a playwright
 * BrowserContext (persistent) with `close()` also removing the profile directory.
 */
export async function launchBrowser({ viewport = { width: 1280, height: 900 } } = {}) {
  const profile = await mkdtemp(join(tmpdir(), "intake-rules-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport,
    locale: "zh-CN",
    timezoneId: "America/New_York", // the page must not depend on the host's zone
  });
  const close = context.close.bind(context);
  context.close = async () => {
    await close();
    await rm(profile, { recursive: true, force: true });
  };
  return context;
}

/**
 * Opens `url` in a new page of `browser` and collects problems: `console.error` messages,
 * uncaught page errors, and failed requests (404s included). Returns `{page, errors}`.
 */
export async function openPage(browser, url, { waitFor = "body[data-ready=true]", timeout = 30_000 } = {}) {
  const page = await browser.newPage();
  const errors = [];
  page.on("console", (msg) => { if (msg.type() === "error") errors.push(`console.error: ${msg.text()}`); });
  page.on("pageerror", (err) => errors.push(`pageerror: ${err.stack ?? err.message}`));
  page.on("requestfailed", (req) => errors.push(`requestfailed: ${req.url()} ${req.failure()?.errorText ?? ""}`));
  page.on("response", (res) => { if (res.status() >= 400) errors.push(`http ${res.status()}: ${res.url()}`); });
  await page.goto(url);
  if (waitFor) {
    try {
      await page.waitForSelector(waitFor, { timeout, state: "attached" });
    } catch (e) {
      const box = await page.locator("#error-box").textContent().catch(() => "");
      throw new Error(`page did not become ready (${waitFor}): ${box || e.message}\n${errors.join("\n")}`);
    }
  }
  return { page, errors };
}

/** Saves a full-page screenshot to test-output/<name>.png and returns its path. */
export async function screenshot(page, name) {
  await mkdir(outputDir, { recursive: true });
  const path = join(outputDir, `${name}.png`);
  await page.evaluate(() => window.scrollTo(0, 0)); // sticky panels at their place in the capture
  await page.screenshot({ path, fullPage: true });
  return path;
}
