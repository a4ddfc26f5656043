// `make bench`: every figure of issue #9 in one run, on the same inputs, printed as ONE JSON
// object on stdout (progress and divan's native table go to stderr).
//
//  1. the inputs: a few hundred requests over the `joint` bundle (bench/inputs.mjs, seeded), and
//     10,000 calendar arguments;
//  2. the calendar agreement between the module and `chinese-days`, day by day over the module's
//     coverage; inputs whose dates touch a disagreement are set aside (and reported);
//  3. the CHECK: on every remaining input, the module's full decision, its compact decision and
//     `evaluateJson`, and the three baselines (json-rules-engine, json-logic-js, plain JS; all with
//     chinese-days) must give the same answers — otherwise the bench prints the differences and
//     exits 1 before timing anything;
//  4. timings from JS (module and baselines), natively (`cargo bench --bench native`, same
//     inputs), sizes, ratios and the issue's budgets.
//
// Options: BENCH_QUICK=1 (fewer rounds, for a smoke run), BENCH_NO_NATIVE=1 (skip cargo bench).

// chinese-days reads `YYYY-MM-DD` in the host's time zone; portal teams run it in China.
process.env.TZ = "Asia/Shanghai";

const { readFileSync, writeFileSync, statSync, mkdirSync } = await import("node:fs");
const { execFileSync, spawnSync } = await import("node:child_process");
const zlib = await import("node:zlib");
const { isDeepStrictEqual } = await import("node:util");
const os = await import("node:os");
const path = await import("node:path");
const { fileURLToPath } = await import("node:url");

const { Policy, Calendar } = await import("intake-rules");
// The portal module (what applicants download): it loads published policies only.
const portal = await import("intake-rules/portal");
const cd = (await import("chinese-days")).default;
const { makeRequests, makeCalendarArgs, dayNumber, isoOf, weekday, FIRST_DAY, LAST_DAY } = await import("./inputs.mjs");
const joint = await import("./baseline/joint.mjs");
const plain = await import("./baseline/plain.mjs");
const logic = await import("./baseline/json-logic.mjs");
const rules = await import("./baseline/rules-engine.mjs");

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const QUICK = !!process.env.BENCH_QUICK;
const SEED = 0x1a7a6e;
const N_REQUESTS = 400;
const N_CAL = 10_000;
const log = (...a) => console.error("[bench]", ...a);
const r3 = (x) => Math.round(x * 1000) / 1000;

// ---- 1. inputs ------------------------------------------------------------------------------------

const packPath = process.env.INTAKE_BENCH_PACK || path.join(ROOT, "packs/joint-utility-connection.json");
const packText = readFileSync(packPath, "utf8");
const cal = Calendar.builtin();
const coverage = cal.coverage();

// ---- 2. calendar agreement, every day of the module's coverage ------------------------------------

const disagreements = [];
for (let d = dayNumber(coverage.from); d <= dayNumber(coverage.to); d++) {
  const day = isoOf(d);
  const ours = cal.isWorkingDay(day);
  const theirs = cd.isWorkday(day);
  if (ours !== theirs) disagreements.push({ date: day, intake_rules_working: ours, chinese_days_working: theirs });
}
const disagreeDays = disagreements.map((x) => dayNumber(x.date));
const touchesDisagreement = (from, to) => disagreeDays.some((d) => d >= dayNumber(from) && d <= dayNumber(to));
log(`calendar: ${disagreements.length} disagreements with chinese-days over ${coverage.from}…${coverage.to}`);

// Holidays, make-up days and the eves of holidays in the submission range, over-sampled.
const special = [];
for (let d = dayNumber(FIRST_DAY); d <= dayNumber(LAST_DAY); d++) {
  const day = isoOf(d);
  const wk = weekday(day) >= 1 && weekday(day) <= 5;
  const work = cal.isWorkingDay(day);
  if (wk !== work || (work && !cal.isWorkingDay(isoOf(d + 1)) && weekday(day) !== 5)) special.push(day);
}
const allRequests = makeRequests(N_REQUESTS, SEED, special);

// ---- 3. the agreement check --------------------------------------------------------------------------

const policy = Policy.fromJson(packText);
// The same pack published (`policy.publish()`, what `intake-rules publish` writes) and loaded by
// the portal module: its answers must be the full module's, byte for byte.
const publishedBytes = policy.publish();
const portalPolicy = portal.Policy.fromPublished(publishedBytes);

const used = [];
const excluded = [];
const mismatches = [];
const outcomes = {};
let decisionBytes = 0;
for (const [i, req] of allRequests.entries()) {
  const full = policy.evaluate(req);
  const p = joint.project(full);
  const text = policy.evaluateJson(JSON.stringify(req));
  decisionBytes += Buffer.byteLength(text);
  const fail = (what, expected, actual) => mismatches.push({ index: i, what, request: req, expected, actual });
  if (!isDeepStrictEqual(JSON.parse(text), full)) fail("evaluateJson vs evaluate", full, JSON.parse(text));
  const portalText = portalPolicy.evaluateJson(JSON.stringify(req));
  if (portalText !== text) fail("portal (published) evaluateJson vs full evaluateJson, bytes", text, portalText);
  if (portalPolicy.evaluateCompactJson(JSON.stringify(req)) !== policy.evaluateCompactJson(JSON.stringify(req))) {
    fail("portal (published) evaluateCompactJson vs full, bytes", policy.evaluateCompactJson(JSON.stringify(req)), portalPolicy.evaluateCompactJson(JSON.stringify(req)));
  }
  const compact = policy.evaluateCompact(req);
  const compactExpected = {
    outcome: full.outcome,
    services: full.services.map((s) => ({ id: s.id, outcome: s.outcome })),
    proceeding: full.proceeding,
    field_errors: full.field_errors,
    required_fields: full.required_fields,
    missing: full.missing.map((m) => ({ id: m.id, tolerated: m.tolerated })),
    counted_working_days: full.timeline?.counted_working_days ?? null,
  };
  if (!isDeepStrictEqual(compact, compactExpected)) fail("evaluateCompact vs evaluate", compactExpected, compact);
  if (!isDeepStrictEqual(JSON.parse(policy.evaluateCompactJson(JSON.stringify(req))), compact)) {
    fail("evaluateCompactJson vs evaluateCompact", compact, policy.evaluateCompactJson(JSON.stringify(req)));
  }
  // Restrict to requests whose dates (from the day before submission to the last date of the
  // decision) avoid every day the two calendars disagree on.
  const firstDay = isoOf(dayNumber(req.submitted_at.slice(0, 10)) - 1);
  if (touchesDisagreement(firstDay, joint.lastDate(p))) {
    excluded.push({ index: i, submitted_at: req.submitted_at, last_date: joint.lastDate(p) });
    continue;
  }
  for (const [name, got] of [
    ["plain-js", plain.evaluate(req)],
    ["json-logic-js", logic.evaluate(req)],
    ["json-rules-engine", await rules.evaluate(req)],
  ]) {
    if (!isDeepStrictEqual(got, p)) fail(`${name} vs module`, p, got);
  }
  // The plain-JS compact baseline against the module's compact decision (field errors as paths).
  const compactPaths = { ...compact, field_errors: compact.field_errors.map((e) => e.path).sort() };
  const plainCompact = plain.evaluateCompact(req);
  if (!isDeepStrictEqual(plainCompact, compactPaths)) fail("plain-js compact vs evaluateCompact", compactPaths, plainCompact);
  used.push(req);
  outcomes[full.outcome] = (outcomes[full.outcome] || 0) + 1;
}
// The pack's own hand-checked cases of the `joint` bundle (those without a region: the baselines
// know the policy's own limits only) through the baselines, against the module.
const caseFile = JSON.parse(readFileSync(path.join(ROOT, "packs/joint-utility-connection.cases.json"), "utf8"));
const jointCases = caseFile.cases.filter((c) => c.request.target === "joint" && !c.request.region);
for (const c of jointCases) {
  const p = joint.project(policy.evaluate(c.request));
  const fail = (what, expected, actual) => mismatches.push({ case: c.name, what, expected, actual });
  for (const [name, got] of [
    ["plain-js", plain.evaluate(c.request)],
    ["json-logic-js", logic.evaluate(c.request)],
    ["json-rules-engine", await rules.evaluate(c.request)],
  ]) {
    if (!isDeepStrictEqual(got, p)) fail(`case: ${name} vs module`, p, got);
  }
}
const withTimeline = used.filter((r) => policy.evaluate(r).timeline !== null).length;

// Calendar arguments: the module's answers against chinese-days'.
const calArgsAll = makeCalendarArgs(N_CAL, SEED + 1);
const calArgs = [];
const calExcluded = [];
for (const a of calArgsAll) {
  const ours = cal.addWorkingDays(a.date, a.n);
  const between = cal.workingDaysBetween(a.date, a.to);
  const hi = ours > a.to ? ours : a.to;
  if (touchesDisagreement(a.date, hi)) {
    calExcluded.push(a);
    continue;
  }
  const theirs = cd.findWorkday(a.n, a.date);
  const theirsBetween = cd.getWorkdaysInRange(a.date, a.to).length - (cd.isWorkday(a.date) ? 1 : 0);
  if (ours !== theirs) mismatches.push({ what: "addWorkingDays vs findWorkday", args: a, expected: ours, actual: theirs });
  if (between !== theirsBetween) {
    mismatches.push({ what: "workingDaysBetween vs getWorkdaysInRange", args: a, expected: between, actual: theirsBetween });
  }
  calArgs.push(a);
}

if (mismatches.length > 0) {
  console.error(`[bench] CHECK FAILED: ${mismatches.length} disagreements; the first ones:`);
  for (const m of mismatches.slice(0, 5)) console.error(JSON.stringify(m, null, 1));
  console.log(JSON.stringify({ check: "failed", mismatches: mismatches.length, first: mismatches.slice(0, 20) }));
  process.exit(1);
}
log(`check: ${used.length} requests, ${jointCases.length} cases of the pack and ${calArgs.length} calendar arguments agree (module, compact, JSON, 3 baselines, chinese-days)`);

// ---- 4. timings --------------------------------------------------------------------------------------

const now = process.hrtime.bigint;

/** Every call timed alone over `rounds` rounds of all inputs; then an untimed loop for calls/s. */
function measure(inputs, rounds, fn, unit = 1e3) {
  for (const x of inputs) fn(x);
  const samples = [];
  for (let r = 0; r < rounds; r++) {
    for (const x of inputs) {
      const t = now();
      fn(x);
      samples.push(Number(now() - t));
    }
  }
  samples.sort((a, b) => a - b);
  const at = (q) => samples[Math.round((samples.length - 1) * q)] / unit;
  let calls = 0;
  const t0 = now();
  const budget = QUICK ? 100e6 : 400e6;
  while (Number(now() - t0) < budget || calls < inputs.length) {
    for (const x of inputs) fn(x);
    calls += inputs.length;
  }
  const perS = calls / (Number(now() - t0) / 1e9);
  return { median: r3(at(0.5)), p99: r3(at(0.99)), calls_per_s: Math.round(perS), samples: samples.length };
}

/**
 * Several operations timed side by side: after a warm-up of at least `warmMs` per operation (V8
 * compiles wasm with its baseline compiler first and re-compiles hot functions with the
 * optimizing one; the figures are for that steady state), each round times one pass of every
 * operation in turn, so slow spells of a shared machine fall on all of them alike rather than on
 * whichever ran then. Returns `measure`'s shape per operation.
 */
function measureTogether(specs, rounds, warmMs, unit = 1e3) {
  for (const s of specs) {
    const t0 = now();
    do for (const x of s.inputs) s.fn(x);
    while (Number(now() - t0) < warmMs * 1e6);
  }
  const samples = specs.map(() => []);
  for (let r = 0; r < rounds; r++) {
    specs.forEach((s, i) => {
      for (const x of s.inputs) {
        const t = now();
        s.fn(x);
        samples[i].push(Number(now() - t));
      }
    });
  }
  const out = {};
  specs.forEach((s, i) => {
    const xs = samples[i].sort((a, b) => a - b);
    const at = (q) => xs[Math.round((xs.length - 1) * q)] / unit;
    let calls = 0;
    const t0 = now();
    while (Number(now() - t0) < (QUICK ? 100e6 : 400e6) || calls < s.inputs.length) {
      for (const x of s.inputs) s.fn(x);
      calls += s.inputs.length;
    }
    const perS = calls / (Number(now() - t0) / 1e9);
    out[s.name] = { median: r3(at(0.5)), p99: r3(at(0.99)), calls_per_s: Math.round(perS), samples: xs.length };
  });
  return out;
}

async function measureAsync(inputs, rounds, fn, unit = 1e3) {
  for (const x of inputs) await fn(x);
  const samples = [];
  for (let r = 0; r < rounds; r++) {
    for (const x of inputs) {
      const t = now();
      await fn(x);
      samples.push(Number(now() - t));
    }
  }
  samples.sort((a, b) => a - b);
  const at = (q) => samples[Math.round((samples.length - 1) * q)] / unit;
  let calls = 0;
  const t0 = now();
  const budget = QUICK ? 100e6 : 400e6;
  while (Number(now() - t0) < budget || calls < inputs.length) {
    for (const x of inputs) await fn(x);
    calls += inputs.length;
  }
  return { median: r3(at(0.5)), p99: r3(at(0.99)), calls_per_s: Math.round(calls / (Number(now() - t0) / 1e9)), samples: samples.length };
}

/** Batch timing for ns-scale calls: the median over `rounds` of the mean time per call. */
function perCallNs(inputs, rounds, fn) {
  for (const x of inputs) fn(x);
  const means = [];
  for (let r = 0; r < rounds; r++) {
    const t = now();
    for (const x of inputs) fn(x);
    means.push(Number(now() - t) / inputs.length);
  }
  means.sort((a, b) => a - b);
  return Math.round(means[Math.floor(means.length / 2)]);
}

const ROUNDS = QUICK ? 3 : 25;
let sink = 0;

log("timing Policy.fromJson");
const fromJson = measure([packText], QUICK ? 20 : 300, (t) => { const p = Policy.fromJson(t); sink ^= p.id.length; p.free(); }, 1e6);
log("timing Policy.fromPublished (portal module)");
const fromPublished = measure([publishedBytes], QUICK ? 20 : 300, (b) => { const p = portal.Policy.fromPublished(b); sink ^= p.id.length; p.free(); }, 1e6);

log(`timing evaluate over ${used.length} requests × ${ROUNDS} rounds`);
const texts = used.map((r) => JSON.stringify(r));
const WARM_MS = QUICK ? 200 : 1500;
const timed = measureTogether([
  { name: "evaluate", inputs: used, fn: (r) => { sink ^= policy.evaluate(r).outcome.length; } },
  { name: "evaluateJson", inputs: texts, fn: (t) => { sink ^= policy.evaluateJson(t).length; } },
  { name: "evaluateJsonParsed", inputs: texts, fn: (t) => { sink ^= JSON.parse(policy.evaluateJson(t)).outcome.length; } },
  { name: "evaluateCompact", inputs: used, fn: (r) => { sink ^= policy.evaluateCompact(r).outcome.length; } },
  { name: "evaluateCompactJson", inputs: texts, fn: (t) => { sink ^= policy.evaluateCompactJson(t).length; } },
  { name: "portalEvaluate", inputs: used, fn: (r) => { sink ^= portalPolicy.evaluate(r).outcome.length; } },
  { name: "portalEvaluateCompact", inputs: used, fn: (r) => { sink ^= portalPolicy.evaluateCompact(r).outcome.length; } },
  { name: "stringify", inputs: used, fn: (r) => { sink ^= JSON.stringify(r).length; } },
  { name: "plain", inputs: used, fn: (r) => { sink ^= plain.evaluate(r).outcome.length; } },
  { name: "plainCompact", inputs: used, fn: (r) => { sink ^= plain.evaluateCompact(r).outcome.length; } },
  { name: "logic", inputs: used, fn: (r) => { sink ^= logic.evaluate(r).outcome.length; } },
], ROUNDS, WARM_MS);
const evalJs = timed.evaluate;
const evalJsonJs = timed.evaluateJson;
const evalJsonParsed = timed.evaluateJsonParsed;
const evalCompactJs = timed.evaluateCompact;
const evalCompactJsonJs = timed.evaluateCompactJson;
const stringifyOnly = timed.stringify;
const basePlain = timed.plain;
const basePlainCompact = timed.plainCompact;
const baseLogic = timed.logic;

log("timing the json-rules-engine baseline");
const baseRules = await measureAsync(used, QUICK ? 1 : 5, async (r) => { sink ^= (await rules.evaluate(r)).outcome.length; });

log(`timing the calendar over ${calArgs.length} arguments`);
const CAL_ROUNDS = QUICK ? 3 : 15;
const addNs = perCallNs(calArgs, CAL_ROUNDS, (a) => { sink ^= cal.addWorkingDays(a.date, a.n).length; });
const betweenNs = perCallNs(calArgs, CAL_ROUNDS, (a) => { sink ^= cal.workingDaysBetween(a.date, a.to); });
const isWorkingNs = perCallNs(calArgs, CAL_ROUNDS, (a) => { sink ^= cal.isWorkingDay(a.date) ? 1 : 0; });
const cdFindNs = perCallNs(calArgs, QUICK ? 1 : 3, (a) => { sink ^= cd.findWorkday(a.n, a.date).length; });
const cdBetweenNs = perCallNs(calArgs, QUICK ? 1 : 3, (a) => {
  sink ^= cd.getWorkdaysInRange(a.date, a.to).length - (cd.isWorkday(a.date) ? 1 : 0);
});
const cdIsWorkNs = perCallNs(calArgs, CAL_ROUNDS, (a) => { sink ^= cd.isWorkday(a.date) ? 1 : 0; });

// chinese-days and the host's time zone: the same calls under TZ=America/New_York.
const tzProbe = calArgs.slice(0, 2000);
const tzScript = `import cd from "chinese-days"; const a = JSON.parse(process.argv[1]);
  console.log(JSON.stringify(a.map((x) => cd.findWorkday(x.n, x.date))));`;
const tzOut = spawnSync(process.execPath, ["--input-type=module", "-e", tzScript, JSON.stringify(tzProbe)], {
  cwd: ROOT, env: { ...process.env, TZ: "America/New_York" }, encoding: "utf8", maxBuffer: 64 << 20,
});
let tzDiffer = null;
if (tzOut.status === 0) {
  const ny = JSON.parse(tzOut.stdout);
  tzDiffer = tzProbe.filter((a, i) => ny[i] !== cal.addWorkingDays(a.date, a.n)).length;
}

// ---- native (cargo bench), on the same inputs -----------------------------------------------------

let native = null;
if (!process.env.BENCH_NO_NATIVE) {
  const tmp = process.env.CARGO_TARGET_DIR || path.join(ROOT, "target");
  mkdirSync(tmp, { recursive: true });
  const inputsFile = path.join(tmp, "bench-inputs.json");
  const outFile = path.join(tmp, "bench-native.json");
  writeFileSync(inputsFile, JSON.stringify({ pack: packText, requests: used, calendar: calArgs }));
  log("running cargo bench --bench native (divan's table follows on stderr)");
  const res = spawnSync("cargo", ["bench", "--quiet", "--bench", "native"], {
    cwd: ROOT,
    env: { ...process.env, INTAKE_BENCH_INPUTS: inputsFile, INTAKE_BENCH_OUT: outFile, ...(QUICK ? { INTAKE_BENCH_FIGURES_ONLY: "1" } : {}) },
    stdio: ["ignore", process.stderr, process.stderr],
  });
  if (res.status !== 0) {
    log("cargo bench failed");
    process.exit(1);
  }
  native = JSON.parse(readFileSync(outFile, "utf8"));
}

// ---- sizes ----------------------------------------------------------------------------------------

const gz9 = (file) => Number(execFileSync("bash", ["-c", `gzip -9 -c "${file}" | wc -c`]).toString().trim());
const wasmFile = path.join(ROOT, "pkg/intake_rules_bg.wasm");
const glueFile = path.join(ROOT, "pkg/intake_rules.js");
// The full module (`intake-rules`) and the portal module (`intake-rules/portal`, no authoring
// tools): the budgets judge the portal module, the one every visitor downloads.
const portalWasmFile = path.join(ROOT, "pkg/portal/intake_rules_bg.wasm");
const portalGlueFile = path.join(ROOT, "pkg/portal/intake_rules.js");
const brotli = (file) => zlib.brotliCompressSync(readFileSync(file), { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const gzipBuf = (buf) => zlib.gzipSync(buf, { level: 9 }).length;
const size = {
  wasm_bytes: statSync(wasmFile).size,
  wasm_gzip9_bytes: gz9(wasmFile),
  js_glue_bytes: statSync(glueFile).size,
  js_glue_gzip9_bytes: gz9(glueFile),
  portal_wasm_bytes: statSync(portalWasmFile).size,
  portal_wasm_gzip9_bytes: gz9(portalWasmFile),
  portal_wasm_brotli_bytes: brotli(portalWasmFile),
  portal_js_glue_bytes: statSync(portalGlueFile).size,
  portal_js_glue_gzip9_bytes: gz9(portalGlueFile),
  // What a portal serves besides the module: the pack, published vs as JSON.
  published_pack_bytes: publishedBytes.length,
  published_pack_gzip9_bytes: gzipBuf(Buffer.from(publishedBytes)),
  pack_json_bytes: Buffer.byteLength(packText),
  pack_json_gzip9_bytes: gzipBuf(Buffer.from(packText)),
};

// ---- memory held per loaded policy (issue 16) -------------------------------------------------------

// Wasm memory held by one loaded joint-utility Policy, from the module's own count of live
// allocations (`memoryUsage().in_use`) and from the growth of the wasm memory itself, over N
// policies kept alive at once.
async function memoryOf(lib) {
  const { Policy, Calendar, memoryUsage } = lib;
  const jointText = readFileSync(path.join(ROOT, "packs/joint-utility-connection.json"), "utf8");
  // The full module loads the JSON and has the pack built in; the portal module loads the
  // pack published (it has neither the loader nor the built-in packs).
  const isPortal = typeof Policy.fromJson !== "function";
  const jointBytes = isPortal ? readFileSync(path.join(ROOT, "pkg/published/joint-utility-connection.bin")) : null;
  const load = () => (isPortal ? Policy.fromPublished(jointBytes) : Policy.fromJson(jointText));
  const N = 100;
  Calendar.builtin().free(); // the calendar tables every policy shares, built on first use
  const u0 = memoryUsage();
  if (!isPortal) Policy.builtin("joint-utility-connection").free(); // the shared copy, loaded once
  const u1 = memoryUsage();
  const keep = [];
  for (let i = 0; i < N; i++) keep.push(load());
  const u2 = memoryUsage();
  if (!isPortal) for (let i = 0; i < N; i++) keep.push(Policy.builtin("joint-utility-connection"));
  const u3 = memoryUsage();
  for (const p of keep) p.free();
  return {
    builtin_first_load_bytes: isPortal ? null : u1.in_use - u0.in_use,
    builtin_handle_bytes: isPortal ? null : Math.round((u3.in_use - u2.in_use) / N),
    from_json_bytes: Math.round((u2.in_use - u1.in_use) / N),
    from_json_wasm_memory_growth_bytes: Math.round((u2.wasm_memory - u1.wasm_memory) / N),
  };
}
const memory = {
  what: "wasm memory held per loaded joint-utility Policy: the model (full: fromJson, its text stays in the JS heap; portal: fromPublished — the from_json_* keys hold its figures)",
  full: await memoryOf(await import("intake-rules")),
  portal: await memoryOf(await import("intake-rules/portal")),
};
log(`memory per joint pack Policy: full ${memory.full.from_json_bytes} B, portal ${memory.portal.from_json_bytes} B, built-in handle ${memory.full.builtin_handle_bytes} B`);

// ---- report -----------------------------------------------------------------------------------------

const cpu = (readFileSync("/proc/cpuinfo", "utf8").match(/model name\s*:\s*(.*)/) || [])[1] || os.cpus()[0]?.model;
const rustc = spawnSync("rustc", ["--version"], { encoding: "utf8" }).stdout?.trim() || null;
const ratio = (a, b) => Math.round((a / b) * 10) / 10;
const budget = (actual, limit, lowerIsBetter = true) => ({
  budget: limit, actual, met: lowerIsBetter ? actual <= limit : actual >= limit,
  margin: lowerIsBetter
    ? actual <= limit ? `beaten: ${ratio(limit, actual)}× below the budget` : `missed: ${ratio(actual, limit)}× over the budget`
    : actual >= limit ? `beaten: ${ratio(actual, limit)}× the minimum` : `missed: ${ratio(limit, actual)}× short of the minimum`,
});

const report = {
  issue: 9,
  machine: { nproc: os.availableParallelism(), cpu, node: process.version, rustc, tz: process.env.TZ },
  inputs: {
    seed: SEED,
    requests_generated: allRequests.length,
    requests_used: used.length,
    requests_excluded_calendar_disagreement: excluded.length,
    requests_with_timeline: withTimeline,
    outcomes,
    submitted: `${FIRST_DAY}…${LAST_DAY}, ${special.length} holiday/make-up/eve days over-sampled`,
    decision_json_bytes_avg: Math.round(decisionBytes / allRequests.length),
    calendar_args_generated: calArgsAll.length,
    calendar_args_used: calArgs.length,
    calendar_args_excluded_calendar_disagreement: calExcluded.length,
  },
  check: {
    result: "ok",
    compared: "outcome, per-service outcomes, not_applicable, proceeding, checklist ids, missing ids + tolerated + supplement_due, field-error paths, required_fields, received_on, timeline due / supplement_due / serial_due / counted_working_days / per-service due; compact: the same fields plus counted_working_days",
    pack_cases: jointCases.length,
    against: ["json-rules-engine 7.3.1 + chinese-days 1.5.7", "json-logic-js 2.0.5 + chinese-days", "plain JS + chinese-days", "plain JS compact (no dates) vs evaluateCompact", "evaluateJson", "evaluateCompact(Json)"],
  },
  calendar_vs_chinese_days: {
    range: `${coverage.from}…${coverage.to}`,
    disagreements,
    chinese_days_tz_dependence: tzDiffer === null ? "not measured" : `${tzDiffer} of ${tzProbe.length} findWorkday answers change under TZ=America/New_York`,
  },
  from_json_ms: fromJson,
  from_published_ms_portal: fromPublished,
  js: {
    evaluate_us: evalJs,
    evaluate_json_text_us: evalJsonJs,
    evaluate_json_then_parse_us: evalJsonParsed,
    evaluate_compact_us: evalCompactJs,
    evaluate_compact_json_text_us: evalCompactJsonJs,
    json_stringify_request_us: stringifyOnly,
    portal_evaluate_us: timed.portalEvaluate,
    portal_evaluate_compact_us: timed.portalEvaluateCompact,
  },
  native,
  baselines_js: {
    json_rules_engine_us: baseRules,
    json_logic_js_us: baseLogic,
    plain_js_us: basePlain,
    plain_js_compact_us: basePlainCompact,
  },
  calendar_ns_per_call: {
    add_working_days: addNs,
    working_days_between: betweenNs,
    is_working_day: isWorkingNs,
    chinese_days_find_workday: cdFindNs,
    chinese_days_workdays_in_range_count: cdBetweenNs,
    chinese_days_is_workday: cdIsWorkNs,
    native_add_working_days: native?.add_working_days_ns?.median ?? null,
    native_working_days_between: native?.working_days_between_ns?.median ?? null,
  },
  ratios: {
    json_rules_engine_over_evaluate: ratio(baseRules.median, evalJs.median),
    json_rules_engine_over_evaluate_compact: ratio(baseRules.median, evalCompactJs.median),
    json_logic_over_evaluate: ratio(baseLogic.median, evalJs.median),
    plain_js_over_evaluate: ratio(basePlain.median, evalJs.median),
    plain_js_over_evaluate_compact: ratio(basePlain.median, evalCompactJs.median),
    plain_js_compact_over_evaluate_compact: ratio(basePlainCompact.median, evalCompactJs.median),
    find_workday_over_add_working_days: ratio(cdFindNs, addNs),
    workdays_in_range_over_working_days_between: ratio(cdBetweenNs, betweenNs),
    js_evaluate_over_native_evaluate: native ? ratio(evalJs.median, native.evaluate_us.median) : null,
  },
  size,
  memory,
  budgets: {
    evaluate_median_us: budget(evalJs.median, 20),
    evaluate_compact_median_us: budget(evalCompactJs.median, 20),
    evaluate_vs_json_rules_engine: budget(ratio(baseRules.median, evalJs.median), 10, false),
    evaluate_compact_vs_json_rules_engine: budget(ratio(baseRules.median, evalCompactJs.median), 10, false),
    evaluate_vs_plain_js: budget(ratio(basePlain.median, evalJs.median), 1, false),
    // Like for like: the compact decision against the plain-JS baseline of the same fields.
    evaluate_compact_vs_plain_js: budget(ratio(basePlainCompact.median, evalCompactJs.median), 1, false),
    add_working_days_vs_find_workday: budget(ratio(cdFindNs, addNs), 100, false),
    from_json_ms: budget(fromJson.median, 1),
    // The portal module's (size.wasm_bytes / wasm_gzip9_bytes keep the full module's).
    wasm_bytes: budget(size.portal_wasm_bytes, 350 * 1024),
    wasm_gzip9_bytes: budget(size.portal_wasm_gzip9_bytes, 140 * 1024),
    // Issue 16: a loaded joint pack (built-in packs hold the same model, once).
    joint_policy_wasm_bytes: budget(Math.max(memory.full.from_json_bytes, memory.portal.from_json_bytes), 64 * 1024),
  },
  // Issue 19's goals, each a ratio from this one run (ratio ≥ 1 means met).
  goals: (() => {
    const g = (value, goal, lowerIsBetter, unit) => {
      const ratio = Math.round((lowerIsBetter ? goal / value : value / goal) * 100) / 100;
      return { value, goal, unit, ratio, met: ratio >= 1 };
    };
    const kb = (b) => Math.round(b / 10.24) / 100;
    return {
      portal_gzip_kb: g(kb(size.portal_wasm_gzip9_bytes), 120, true, "KB gzip -9 (KB = 1024 B)"),
      portal_brotli_kb: g(kb(size.portal_wasm_brotli_bytes), 100, true, "KB brotli q11"),
      evaluate_vs_plain_js: g(ratio(basePlain.median, evalJs.median), 1, false, "plain-JS full µs / evaluate µs"),
      portal_evaluate_vs_plain_js: g(ratio(basePlain.median, timed.portalEvaluate.median), 1, false, "plain-JS full µs / portal evaluate µs"),
      evaluate_vs_json_rules_engine: g(ratio(baseRules.median, evalJs.median), 10, false, "json-rules-engine µs / evaluate µs"),
      evaluate_compact_vs_plain_js_compact: g(ratio(basePlainCompact.median, evalCompactJs.median), 1, false, "plain-JS compact µs / evaluateCompact µs"),
      portal_evaluate_compact_vs_plain_js_compact: g(ratio(basePlainCompact.median, timed.portalEvaluateCompact.median), 1, false, "plain-JS compact µs / portal evaluateCompact µs"),
      from_json_ms: g(fromJson.median, 1, true, "ms (full module)"),
      from_published_faster_than_from_json: g(ratio(fromJson.median, fromPublished.median), 1, false, "fromJson ms / portal fromPublished ms"),
    };
  })(),
  reproduce: "make bench   (TZ is set to Asia/Shanghai inside; BENCH_QUICK=1 for a smoke run)",
  sink: sink & 1,
};
// Replay throughput (bench/replay.mjs: the CLI's worker threads over a JSON Lines file).
report.replay = (() => {
  const r = spawnSync(process.execPath, [path.join(ROOT, "bench/replay.mjs")], {
    encoding: "utf8", env: { ...process.env, REPLAY_N: process.env.REPLAY_N ?? (QUICK ? "20000" : "200000") },
  });
  try {
    return JSON.parse(r.stdout).replay;
  } catch {
    return { error: r.stderr.slice(-500) };
  }
})();
console.log(JSON.stringify(report, null, 2));
