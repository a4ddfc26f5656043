// Shared machinery of the embedding suite (tests/embed): the packed package, fixture projects
// installed from their committed lockfiles with a cached npm, child processes (dev servers,
// back-ends), a static server with configurable headers (CSP), and pages in headless Chromium.
//
// Everything the suite writes lives under test-output/embed/ (fixture copies, their
// node_modules, builds) and .tools/npm-cache/ (npm's download cache): both ignored by git, both
// kept between runs (EMBED_WORK_DIR and EMBED_NPM_CACHE move them, e.g. to a CI cache). A fixture's `npm ci` runs again only when its package.json or lockfile
// changed; the package itself is re-installed from a fresh `npm pack` of pkg/ on every run.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { cp, mkdir, readFile, readdir, rename, rm, stat, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { launchBrowser } from "../browser/helpers.mjs";

export { launchBrowser };
export const root = resolve(fileURLToPath(new URL("../..", import.meta.url)));
export const fixturesDir = join(root, "tests", "embed", "fixtures");
export const workDir = process.env.EMBED_WORK_DIR ?? join(root, "test-output", "embed");
export const npmCache = process.env.EMBED_NPM_CACHE ?? join(root, ".tools", "npm-cache");
export const pkgBuilt = () => existsSync(join(root, "pkg", "init.js"));

const NPM_FLAGS = ["--no-audit", "--no-fund", "--cache", npmCache, "--prefer-offline", "--loglevel=error"];

/** Runs a command; resolves `{code, stdout, stderr}`; rejects on a non-zero exit unless `allowFail`. */
export function run(cmd, args, { cwd = root, env = {}, timeout = 180_000, allowFail = false } = {}) {
  return new Promise((ok, fail) => {
    const child = spawn(cmd, args, { cwd, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeout);
    child.on("error", fail);
    child.on("close", (code) => {
      clearTimeout(timer);
      const result = { code, stdout, stderr };
      if (code !== 0 && !allowFail) fail(new Error(`${cmd} ${args.join(" ")} (in ${cwd}) exited ${code}\n${stdout}\n${stderr}`));
      else ok(result);
    });
  });
}

/** The newest modification time of any file under `dir`. */
async function newest(dir) {
  let t = 0;
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) t = Math.max(t, (await stat(join(e.parentPath ?? e.path, e.name))).mtimeMs);
  }
  return t;
}

/**
 * `npm pack` of pkg/ into test-output/embed/packed/ — unless the tarball there is newer than
 * every file of pkg/ (the suite's test files run one after another and share it). Returns the
 * tarball's path.
 */
export async function packPackage() {
  const dest = join(workDir, "packed");
  const tgz = join(dest, "intake-rules.tgz");
  if (existsSync(tgz) && (await stat(tgz)).mtimeMs > (await newest(join(root, "pkg")))) return tgz;
  await rm(dest, { recursive: true, force: true });
  await mkdir(dest, { recursive: true });
  const { stdout } = await run("npm", ["pack", join(root, "pkg"), "--pack-destination", dest, "--json", ...NPM_FLAGS]);
  const [info] = JSON.parse(stdout);
  await rename(join(dest, info.filename), tgz);
  return tgz;
}

const hashOf = async (...files) => {
  const h = createHash("sha256");
  for (const f of files) h.update(existsSync(f) ? await readFile(f) : "");
  return h.digest("hex");
};

/**
 * Copies fixture `name` (and fixtures/shared into its src/shared/) to test-output/embed/<name>,
 * installs its locked dependencies (skipped when unchanged since the last run) and the freshly
 * packed intake-rules. Returns the directory.
 */
export async function prepareFixture(name, { shared = ["src"] } = {}) {
  const src = join(fixturesDir, name);
  const dir = join(workDir, name);
  await mkdir(dir, { recursive: true });
  // Sources: refreshed every run; node_modules (and build outputs) are not in the fixture.
  await cp(src, dir, { recursive: true, force: true });
  for (const d of shared) {
    if (existsSync(join(dir, d))) await cp(join(fixturesDir, "shared"), join(dir, d, "shared"), { recursive: true, force: true });
  }
  const stamp = join(dir, "node_modules", ".embed-installed");
  const want = await hashOf(join(src, "package.json"), join(src, "package-lock.json"));
  const have = existsSync(stamp) ? await readFile(stamp, "utf8") : "";
  if (have !== want) {
    await run("npm", ["ci", ...NPM_FLAGS], { cwd: dir, timeout: 600_000 });
    await mkdir(join(dir, "node_modules"), { recursive: true });
    await writeFile(stamp, want);
  }
  // The package as users get it: the tarball npm pack made, unpacked by npm into node_modules.
  // --no-save keeps the fixture's package.json and lockfile as committed.
  const tgz = await packPackage();
  await rm(join(dir, "node_modules", "intake-rules"), { recursive: true, force: true });
  await run("npm", ["install", "--no-save", "--no-package-lock", tgz, ...NPM_FLAGS], { cwd: dir, timeout: 300_000 });
  await writeFile(stamp, want);
  return dir;
}

/** Removes build outputs and bundler caches matching `names` inside `dir` (fresh per run). */
export async function clean(dir, names) {
  for (const n of names) await rm(join(dir, n), { recursive: true, force: true });
}

/**
 * Starts a long-running process (dev server, back-end) and waits until `url` answers.
 * Returns `{url, output(), stop()}`; stop() kills the process group it started, by its pid.
 */
export async function startProcess(cmd, args, { cwd, env = {}, url, timeout = 60_000 }) {
  const child = spawn(cmd, args, { cwd, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"], detached: true });
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  let exited = null;
  child.on("exit", (code) => (exited = code));
  const stop = async () => {
    if (exited !== null) return;
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {}
    await new Promise((ok) => {
      const t = setTimeout(() => {
        try {
          process.kill(-child.pid, "SIGKILL");
        } catch {}
        ok();
      }, 3000);
      child.once("exit", () => (clearTimeout(t), ok()));
    });
  };
  const deadline = Date.now() + timeout;
  for (;;) {
    if (exited !== null) throw new Error(`${cmd} ${args.join(" ")} exited ${exited} before answering ${url}\n${output}`);
    try {
      const res = await fetch(url);
      await res.arrayBuffer();
      break;
    } catch {}
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`${cmd} ${args.join(" ")} did not answer ${url} within ${timeout} ms\n${output}`);
    }
    await new Promise((ok) => setTimeout(ok, 150));
  }
  return { url, output: () => output, stop };
}

/** A free TCP port on 127.0.0.1. */
export async function freePort() {
  const server = createServer();
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address();
  await new Promise((ok) => server.close(ok));
  return port;
}

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".cjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
};

/** Default headers of served pages: the CSP docs/integration.md recommends. */
export const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data:";

/**
 * Serves `dir` statically on a free port with `headers` on every response (default: the
 * strict CSP). Returns `{url, close()}`.
 */
export async function serveStatic(dir, { headers = { "content-security-policy": STRICT_CSP } } = {}) {
  const base = resolve(dir);
  const server = createServer(async (req, res) => {
    try {
      const path = normalize(decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname));
      let file = join(base, path);
      if (file !== base && !file.startsWith(base + sep)) throw new Error("outside");
      if ((await stat(file)).isDirectory()) file = join(file, "index.html");
      const body = await readFile(file);
      res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream", "cache-control": "no-store", ...headers });
      res.end(body);
    } catch {
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8" });
      res.end("not found");
    }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((ok) => (server.closeAllConnections(), server.close(() => ok()))),
  };
}

/**
 * Opens `url` and waits for body[data-ready]; returns `{result, errors, wasm, page}`: the JSON
 * in #result, console errors / page errors / failed requests, and every .wasm URL requested
 * (with the status and Content-Type of its answer).
 */
export async function openResult(browser, url, { timeout = 30_000, keep = false } = {}) {
  const page = await browser.newPage();
  const errors = [];
  const wasm = [];
  page.on("console", (m) => m.type() === "error" && errors.push(`console.error: ${m.text()}`));
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.stack ?? e.message}`));
  page.on("requestfailed", (r) => errors.push(`requestfailed: ${r.url()} ${r.failure()?.errorText ?? ""}`));
  page.on("response", (r) => {
    if (/\.wasm(\?|$)/.test(r.url())) wasm.push(`${new URL(r.url()).pathname} ${r.status()} ${r.headers()["content-type"] ?? ""}`);
  });
  await page.goto(url);
  try {
    await page.waitForSelector("body[data-ready=true]", { timeout, state: "attached" });
  } catch (e) {
    await page.close();
    throw new Error(`${url}: the page did not report (${e.message})\n${errors.join("\n")}`);
  }
  const text = await page.locator("#result").textContent();
  if (!keep) await page.close();
  return { result: JSON.parse(text ?? "null"), errors, wasm, page };
}

/** What shared/check.js reports when everything works. */
export const EXPECTED = {
  outcome: "accepted",
  due: "2026-10-15",
  portalSame: true,
  error: { instance: true, plainError: true, name: "RequestError", code: "bad_request" },
};

/** Lists a directory's files recursively (relative paths), for assertions on build outputs. */
export async function listFiles(dir, prefix = "") {
  const out = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...(await listFiles(join(dir, e.name), rel)));
    else out.push(rel);
  }
  return out;
}
