// The local server of `intake-rules workbench`: serves the policy workbench from the installed
// package (no repository checkout, no network) on 127.0.0.1, and reads and writes the policy
// and case file named on the command line.
//
//   /                    the workbench page (workbench/workbench.html, with a session token)
//   /workbench*.js       the page's scripts (workbench/)
//   /pkg/…               the package itself (browser.js, the wasm module, the schema, the
//                        bundled editor in workbench/editor.js)
//   /packs/<id>.cases.json  the built-in packs' case files (workbench/packs/)
//   GET  /api/session    the files opened from the command line: {policy, cases} (path, text)
//   POST /api/save       {role: "policy" | "cases", text} → writes that file; needs the
//                        session token in `x-workbench-token` (a page from another origin
//                        cannot send it: the header needs a CORS preflight, never granted)
import { createServer } from "node:http";
import { readFile, writeFile, stat } from "node:fs/promises";
import { randomBytes } from "node:crypto";
import { basename, dirname, extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".ts": "text/plain; charset=utf-8",
};

const MAX_BODY = 8 * 1024 * 1024;

/** A path under `base`, or null when the URL tries to leave it. */
function inside(base, rel) {
  const full = normalize(join(base, rel));
  return full === base || full.startsWith(base + sep) ? full : null;
}

async function readOptional(path) {
  if (!path) return null;
  try {
    return { path, name: basename(path), text: await readFile(path, "utf8") };
  } catch (e) {
    if (e.code === "ENOENT") return { path, name: basename(path), text: null };
    throw e;
  }
}

/** The case file kept with a policy: `x.json` → `x.cases.json` beside it. */
export function casesPathFor(policyPath) {
  const ext = extname(policyPath);
  return join(dirname(policyPath), `${basename(policyPath, ext)}.cases${ext || ".json"}`);
}

/**
 * Starts the server. `root` is the package directory (where browser.js and workbench/ are).
 * Resolves to {server, url, token}.
 */
export async function startWorkbench({ root, policyPath = null, casesPath = null, port = 0, host = "127.0.0.1" }) {
  root = resolve(root ?? dirname(fileURLToPath(import.meta.url)));
  const token = randomBytes(16).toString("hex");
  const files = {
    policy: policyPath ? resolve(policyPath) : null,
    cases: casesPath ? resolve(casesPath) : policyPath ? casesPathFor(resolve(policyPath)) : null,
  };
  const wb = join(root, "workbench");

  const send = (res, status, body, type = "text/plain; charset=utf-8") => {
    res.writeHead(status, { "content-type": type, "cache-control": "no-store", "x-content-type-options": "nosniff" });
    res.end(body);
  };
  const json = (res, status, v) => send(res, status, JSON.stringify(v), TYPES[".json"]);

  async function api(req, res, path) {
    if (path === "/api/session" && req.method === "GET") {
      const [policy, cases] = await Promise.all([readOptional(files.policy), readOptional(files.cases)]);
      return json(res, 200, { policy, cases });
    }
    if (path === "/api/save" && req.method === "POST") {
      if (req.headers["x-workbench-token"] !== token) return json(res, 403, { error: "bad token" });
      let size = 0;
      const chunks = [];
      for await (const c of req) {
        size += c.length;
        if (size > MAX_BODY) return json(res, 413, { error: "too large" });
        chunks.push(c);
      }
      let body;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
      } catch {
        return json(res, 400, { error: "the body is not JSON" });
      }
      const target = files[body?.role];
      if (!target || typeof body.text !== "string") {
        return json(res, 400, { error: `no ${body?.role ?? "file"} was named on the command line` });
      }
      await writeFile(target, body.text, "utf8");
      return json(res, 200, { path: target, name: basename(target), bytes: Buffer.byteLength(body.text) });
    }
    return json(res, 404, { error: "not found" });
  }

  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? "/", "http://localhost");
      const path = decodeURIComponent(url.pathname);
      if (path.startsWith("/api/")) return await api(req, res, path);
      if (req.method !== "GET" && req.method !== "HEAD") return send(res, 405, "method not allowed");
      let file;
      if (path === "/" || path === "/index.html" || path === "/workbench.html") file = join(wb, "workbench.html");
      else if (path.startsWith("/pkg/")) file = inside(root, path.slice(5));
      else if (path.startsWith("/packs/")) file = inside(join(wb, "packs"), path.slice(7));
      else file = inside(wb, path.slice(1));
      if (!file || !(await stat(file).catch(() => null))?.isFile()) return send(res, 404, "not found");
      let body = await readFile(file);
      if (file.endsWith("workbench.html")) {
        body = body.toString("utf8").replace('<meta name="workbench-token" content="">', `<meta name="workbench-token" content="${token}">`);
      }
      send(res, 200, body, TYPES[extname(file)] ?? "application/octet-stream");
    } catch (e) {
      send(res, 500, String(e?.message ?? e));
    }
  });
  await new Promise((ok, fail) => {
    server.once("error", fail);
    server.listen(port, host, ok);
  });
  const addr = server.address();
  return { server, url: `http://${host}:${addr.port}/`, token, files };
}
