// A/B of two builds of the package in one process: `node bench/ab.mjs <dir> <dir> …`, each dir a
// built package (like pkg/, with node.js next to intake_rules_bg.wasm). Passes of each
// operation alternate between the builds, so a slow spell of a shared machine falls on all of
// them; prints the median of single calls per build and operation. A portal module's dir
// (pkg/portal) loads the published pack instead ("fromJson" is then its fromPublished). Used for the side-by-side
// figures in docs/performance.md (e.g. opt-level "s" vs 3); `make bench` is the measure.
process.env.TZ = "Asia/Shanghai";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const { makeRequests } = await import("./inputs.mjs");
const text = readFileSync(path.join(ROOT, "packs/joint-utility-connection.json"), "utf8");
const reqs = makeRequests(400, 0x1a7a6e);
const texts = reqs.map((r) => JSON.stringify(r));
const dirs = process.argv.slice(2);
if (dirs.length === 0) {
  console.error("usage: node bench/ab.mjs <package dir> [<package dir> …]");
  process.exit(2);
}
// A portal module (no fromJson) loads the pack published, as a portal does.
const published = readFileSync(path.join(ROOT, "pkg/published/joint-utility-connection.bin"));
const load = (P) => (typeof P.fromJson === "function" ? P.fromJson(text) : P.fromPublished(published));
const mods = {};
for (const d of dirs) mods[d] = await import(pathToFileURL(path.resolve(d, "node.js")).href);
const now = process.hrtime.bigint;
let sink = 0;
const ops = {
  fromJson: (P) => Array.from({ length: 20 }, () => {
    const t = now();
    const p = load(P);
    const dt = Number(now() - t) / 1e6;
    sink ^= p.id.length;
    p.free();
    return dt;
  }),
  evaluateCompact: (P, p) => reqs.map((r) => { const t = now(); sink ^= p.evaluateCompact(r).outcome.length; return Number(now() - t) / 1e3; }),
  evaluateCompactJson: (P, p) => texts.map((x) => { const t = now(); sink ^= p.evaluateCompactJson(x).length; return Number(now() - t) / 1e3; }),
  evaluate: (P, p) => reqs.map((r) => { const t = now(); sink ^= p.evaluate(r).outcome.length; return Number(now() - t) / 1e3; }),
  evaluateJson: (P, p) => texts.map((x) => { const t = now(); sink ^= p.evaluateJson(x).length; return Number(now() - t) / 1e3; }),
};
const policies = Object.fromEntries(dirs.map((d) => [d, load(mods[d].Policy)]));
const samples = {};
for (let round = 0; round < 12; round++) {
  for (const d of dirs) {
    for (const [op, f] of Object.entries(ops)) {
      const xs = f(mods[d].Policy, policies[d]);
      if (round >= 2) ((samples[d] ??= {})[op] ??= []).push(...xs); // two warm-up rounds
    }
  }
}
for (const [d, byOp] of Object.entries(samples)) {
  const cols = Object.entries(byOp).map(([op, xs]) => {
    xs.sort((a, b) => a - b);
    const m = xs[xs.length >> 1];
    return `${op} ${op === "fromJson" ? m.toFixed(3) + " ms" : m.toFixed(1) + " µs"}`;
  });
  console.log(`${d}: ${cols.join(", ")}`);
}
if (sink === 0.5) console.log(sink);
