// Replay throughput: `intake-rules replay` (the package's bin, worker threads on every core)
// over a JSON Lines file of generated applications to the joint bundle, old pack → a new
// version with shorter promises and a stage one working day longer. Prints ONE JSON object on
// stdout: applications, seconds, applications per second, workers, and the time a million
// applications would take at that rate (the goal: well under two minutes on 2 cores).
//
//   node bench/replay.mjs                   # 200,000 applications (REPLAY_N to change)
//   REPLAY_N=1000000 node bench/replay.mjs  # the full million
//
// The file is written once under test-output/ (reused while REPLAY_N and the seed match).
import { createWriteStream, existsSync, readFileSync, statSync, writeFileSync, mkdirSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { availableParallelism } from "node:os";
import { join, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { makeRequests } from "./inputs.mjs";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const N = Number(process.env.REPLAY_N ?? 200_000);
const SEED = 0x5eed18;
const out = join(ROOT, "test-output", "replay-bench");
mkdirSync(out, { recursive: true });
const log = (...a) => console.error("[replay bench]", ...a);

// Old and new versions: the pack, and the pack with every promise one working day shorter and
// the first stage of each service one working day longer (so due days, counted days and
// promise_met all move).
const oldPath = join(ROOT, "packs", "joint-utility-connection.json");
const doc = JSON.parse(readFileSync(oldPath, "utf8"));
doc.version = `${doc.version}-replay`;
for (const s of Object.values(doc.services)) {
  if (s.promise?.working_days) s.promise.working_days = Math.max(0, s.promise.working_days - 1);
  const st = s.stages?.[0];
  if (st?.limit?.working_days != null) st.limit.working_days += 1;
}
for (const b of Object.values(doc.bundles ?? {})) {
  if (b.promise?.working_days) b.promise.working_days = Math.max(0, b.promise.working_days - 1);
}
const newPath = join(out, "joint-new.json");
writeFileSync(newPath, JSON.stringify(doc, null, 2));

// The applications: 4,000 distinct generated requests repeated (generation is not what is
// measured), one every few hundred lines malformed as a back-end log may be.
const file = join(out, `applications-${N}.jsonl`);
if (!existsSync(file)) {
  log(`writing ${N} applications to ${file}`);
  const distinct = makeRequests(4000, SEED).map((r) => JSON.stringify(r));
  const w = createWriteStream(file);
  for (let i = 0; i < N; i++) {
    const line = i % 50_000 === 49_999 ? '{"target": "joint", "form": {' : distinct[i % distinct.length];
    if (!w.write(line + "\n")) await new Promise((ok) => w.once("drain", ok));
  }
  await new Promise((ok) => w.end(ok));
}
const bytes = statSync(file).size;

const cli = join(ROOT, "pkg", "cli.js");
log(`replaying ${N} applications (${(bytes / 1e6).toFixed(1)} MB) on ${availableParallelism()} cores`);
const t0 = performance.now();
const r = spawnSync(process.execPath, [cli, "replay", oldPath, newPath, file, "--json", "--no-progress"], {
  encoding: "utf8", maxBuffer: 64 * 1024 * 1024,
});
const wall = (performance.now() - t0) / 1000;
if (r.status !== 0 && r.status !== 1) {
  console.error(r.stderr);
  process.exit(1);
}
const rep = JSON.parse(r.stdout).replay;
const perSecond = Math.round(rep.applications / wall);
console.log(JSON.stringify({
  replay: {
    applications: rep.applications,
    malformed: rep.malformed,
    changed: rep.changed,
    file_mb: Math.round(bytes / 1e5) / 10,
    workers: rep.workers,
    seconds_wall: Math.round(wall * 100) / 100,
    seconds_replay: rep.seconds,
    applications_per_second: perSecond,
    million_seconds_estimate: Math.round(1e6 / perSecond),
    promise_met_old: rep.promise_met.old.rate,
    promise_met_new: rep.promise_met.new.rate,
  },
}, null, 2));
