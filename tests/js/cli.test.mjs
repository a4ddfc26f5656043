// The command-line entry of the package, as users get it: `npm pack` of pkg/ unpacked under
// test-output/, and its `cli.js` run with node. Every command, exit codes 0/1/2, `--json`
// output, `file:line:column:` diagnostics from the module in both locales, lint levels and
// acknowledgements, diff summaries, stats, replay (streaming, workers, malformed lines) and the
// workbench server.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync, mkdirSync, symlinkSync, readFileSync, readdirSync, rmSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(fileURLToPath(new URL("../..", import.meta.url)));
const fx = (name) => join(root, "tests", "fixtures", "tools", name);
const tmp = mkdtempSync(join(tmpdir(), "intake-rules-cli-"));

/** `npm pack` of pkg/ into test-output/pack-cli/, unpacked: the package a user installs. */
function packed() {
  const dir = join(root, "test-output", "pack-cli");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const r = spawnSync("npm", ["pack", join(root, "pkg"), "--pack-destination", dir, "--silent"], { encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
  const tgz = readdirSync(dir).find((f) => f.endsWith(".tgz"));
  assert.equal(spawnSync("tar", ["xzf", join(dir, tgz), "-C", dir]).status, 0);
  return join(dir, "package");
}
const pkgDir = packed();
const cli = join(pkgDir, "cli.js");

function run(...args) {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: "utf8", cwd: tmp });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
function json(...args) {
  const r = run("--json", ...args);
  return { code: r.code, v: JSON.parse(r.out) };
}
function temp(name, text) {
  const p = join(tmp, name);
  writeFileSync(p, text);
  return p;
}

const base = fx("drawing-review.base.json");
const cases = fx("drawing-review.cases.json");
const typoText = readFileSync(fx("drawing-review.typo.json"), "utf8");
// Where the typo is: line 114, the column of `floor_area_m3` inside the condition string.
const typoLine = typoText.split("\n").findIndex((l) => l.includes("floor_area_m3")) + 1;
const typoColumn = typoText.split("\n")[typoLine - 1].indexOf("floor_area_m3") + 1;
const request = temp("request.json", JSON.stringify(JSON.parse(readFileSync(cases, "utf8")).cases[0].request));

test("--help prints usage and exits 0", () => {
  const r = run("--help");
  assert.equal(r.code, 0);
  assert.match(r.out, /usage: intake-rules <command>/);
  for (const c of ["lint", "test", "diff", "check", "--json", "--locale"]) assert.ok(r.out.includes(c), c);
});

test("unusable input exits 2", () => {
  for (const args of [[], ["frobnicate", base], ["lint"], ["lint", base, base], ["lint", join(tmp, "nope.json")],
    ["lint", "--colour", base], ["lint", "--locale", "fr", base], ["test", "--strict", base, cases],
    ["replay", base, base, join(tmp, "nope.jsonl")], ["replay", base, base, cases, "--workers", "0"]]) {
    const r = run(...args);
    assert.equal(r.code, 2, `${args.join(" ")}: ${r.out}${r.err}`);
    assert.match(r.err, /^intake-rules: /, args.join(" "));
  }
  const { code, v } = json("check", base, join(tmp, "missing-request.json"));
  assert.equal(code, 2);
  assert.equal(v.exit_code, 2);
  assert.equal(v.ok, false);
  assert.equal(v.errors[0].code, "io");
  assert.equal(json("frobnicate").v.errors[0].code, "usage");
});

test("text that is not JSON is a load error at its line and column, from the module, in both locales", () => {
  const text = readFileSync(base, "utf8");
  // A trailing comma after the last service of the bundle's list.
  const broken = text.replace('"planning_review"]', '"planning_review",]');
  assert.notEqual(broken, text);
  const file = temp("trailing.json", broken);
  const line = broken.split("\n").findIndex((l) => l.includes('"planning_review",]')) + 1;
  const column = broken.split("\n")[line - 1].indexOf(",]") + 2; // serde_json points at the `]`
  const r = run("lint", file);
  assert.equal(r.code, 1);
  assert.equal(r.out.split("\n")[0], `${file}:${line}:${column}: error[invalid_json]: the text is not valid JSON: trailing comma`);
  const zh = run("lint", "--locale", "zh-CN", file);
  assert.equal(zh.code, 1);
  assert.equal(zh.out.split("\n")[0], `${file}:${line}:${column}: error[invalid_json]: 不是有效的 JSON：多余的尾随逗号`);
  assert.match(zh.out, /1 个加载错误/);
  const { code, v } = json("lint", file);
  assert.equal(code, 1);
  assert.deepEqual([v.errors[0].code, v.errors[0].line, v.errors[0].column], ["invalid_json", line, column]);
  // A case file and a request are read by the module too.
  const c = run("test", base, temp("broken.cases.json", '{"cases": [\n  {"name": "x", "request": {},}\n]}'));
  assert.equal(c.code, 1);
  assert.ok(c.out.startsWith(`${join(tmp, "broken.cases.json")}:2:31: error[invalid_json]: the case file is not valid JSON: trailing comma`), c.out);
  const q = run("check", base, temp("broken.request.json", '{"target": "joint_review",}'));
  assert.equal(q.code, 1);
  assert.match(q.out, /broken\.request\.json:1:27: error\[invalid_json\]/);
});

test("lint: load errors as file:line:column: error[code]", () => {
  const file = fx("drawing-review.typo.json");
  const r = run("lint", file);
  assert.equal(r.code, 1);
  const first = r.out.split("\n")[0];
  assert.ok(first.startsWith(`${file}:${typoLine}:${typoColumn}: error[unknown_form_field]: `), first);
  assert.match(first, /floor_area_m3/);
  assert.match(first, /did you mean/);
  const zh = run("lint", "--locale", "zh-CN", file);
  assert.match(zh.out.split("\n")[0], /[\u4e00-\u9fff]/);
  const { code, v } = json("lint", file);
  assert.equal(code, 1);
  assert.equal(v.command, "lint");
  assert.equal(v.exit_code, 1);
  assert.deepEqual(
    { file: v.errors[0].file, line: v.errors[0].line, column: v.errors[0].column, code: v.errors[0].code },
    { file, line: typoLine, column: typoColumn, code: "unknown_form_field" },
  );
  assert.deepEqual(v.findings, []);
});

test("lint: findings with severity and position; warnings fail, a clean policy passes", () => {
  const doc = JSON.parse(readFileSync(base, "utf8"));
  doc.fields.unused_note = { type: "string", label: { "zh-CN": "备注", en: "Note" } };
  const file = temp("unused.json", JSON.stringify(doc, null, 2));
  const { code, v } = json("lint", file);
  const f = v.findings.find((d) => d.code === "unused_field");
  assert.ok(f, JSON.stringify(v.findings));
  assert.equal(f.severity, "warning");
  // Warnings do not fail lint; with --strict they do.
  assert.equal(code, 0);
  assert.equal(json("lint", "--strict", file).code, 1);
  const line = readFileSync(file, "utf8").split("\n").findIndex((l) => l.includes('"unused_note"')) + 1;
  assert.equal(f.line, line);
  const r = run("lint", file);
  assert.ok(r.out.includes(`${file}:${line}:5: ${f.severity}[unused_field]: `), r.out);
  const clean = run("lint", base);
  assert.equal(clean.code, 0);
  assert.match(clean.out, /0 errors/);
});

test("lint: an acknowledged warning is a note with its reason; a stale acknowledgement is a warning", () => {
  const doc = JSON.parse(readFileSync(base, "utf8"));
  doc.fields.unused_note = { type: "string", label: { "zh-CN": "备注", en: "Note" } };
  doc.acknowledged = [{ code: "unused_field", path: "fields.unused_note",
    reason: { "zh-CN": "窗口人员备注，不参与判断", en: "a clerk's note, no rule reads it" } }];
  const file = temp("ack.json", JSON.stringify(doc, null, 2));
  const { code, v } = json("lint", "--strict", file);
  assert.equal(code, 0, JSON.stringify(v.findings));
  const f = v.findings.find((d) => d.code === "unused_field");
  assert.equal(f.severity, "info");
  assert.match(f.message.en, /acknowledged: a clerk's note, no rule reads it/);
  assert.match(run("lint", "--locale", "zh-CN", file).out, /info\[unused_field\]: fields\.unused_note: .*已确认：窗口人员备注，不参与判断/);
  doc.acknowledged.push({ code: "unused_material", path: "materials.nothing", reason: { "zh-CN": "旧" } });
  const stale = json("lint", "--strict", temp("ack2.json", JSON.stringify(doc, null, 2)));
  assert.equal(stale.code, 1);
  const w = stale.v.findings.find((d) => d.code === "unused_acknowledgement");
  assert.deepEqual([w.path, w.severity], ["acknowledged[1]", "warning"]);
  assert.ok(w.line > 1);
});

test("lint: an explicit area is trusted; a safety word in the name alone is a warning", () => {
  const doc = JSON.parse(readFileSync(base, "utf8"));
  const [id] = Object.keys(doc.materials);
  doc.materials[id].name = { "zh-CN": "食品安全管理制度", en: "Food safety rules" };
  doc.materials[id].commitment = true;
  delete doc.materials[id].area;
  const warned = json("lint", temp("area1.json", JSON.stringify(doc, null, 2)));
  const f = warned.v.findings.find((d) => d.code === "commitment_not_allowed");
  assert.deepEqual([f.severity, f.path, warned.code], ["warning", `materials.${id}.commitment`, 0]);
  doc.materials[id].area = "general";
  const trusted = json("lint", "--strict", temp("area2.json", JSON.stringify(doc, null, 2)));
  assert.equal(trusted.v.findings.filter((d) => d.code === "commitment_not_allowed").length, 0);
  doc.materials[id].area = "public_safety";
  const excluded = json("lint", temp("area3.json", JSON.stringify(doc, null, 2)));
  assert.equal(excluded.code, 1);
  assert.equal(excluded.v.findings.find((d) => d.code === "commitment_not_allowed").severity, "error");
});

test("lint: the loader's messages say what is wrong", () => {
  const doc = JSON.parse(readFileSync(base, "utf8"));
  const [sid, svc] = Object.entries(doc.services).find(([, x]) => (x.materials ?? []).length);
  svc.tolerance = { max_missing: "1" };
  svc.materials[0].tolerable = { suplement_within: { working_days: 5 } };
  const { code, v } = json("lint", temp("messages.json", JSON.stringify(doc, null, 2)));
  assert.equal(code, 1);
  const at = (p) => v.errors.filter((d) => d.path === p);
  const mm = at(`services.${sid}.tolerance.max_missing`);
  assert.equal(mm.length, 1);
  assert.equal(mm[0].code, "type_mismatch");
  assert.equal(mm[0].message.en, "expected a whole number, found a string");
  const typo = v.errors.filter((d) => d.path.startsWith(`services.${sid}.materials[0].tolerable`));
  assert.deepEqual(typo.map((d) => d.code), ["unknown_field"]);
  assert.equal(typo[0].message.en, "unknown field `suplement_within`");
  assert.equal(typo[0].help.en, "did you mean `supplement_within`?");
  // A duplicate key is an error, and says so.
  const dup = run("lint", temp("dup.json", readFileSync(base, "utf8").replace('"version": "2026.01",', '"version": "2026.01", "version": "2026.02",')));
  assert.equal(dup.code, 1);
  assert.match(dup.out, /error\[duplicate_key\]: version: the key `version` appears twice in one object; keep only one/);
  assert.doesNotMatch(dup.out, /only the last one counts/);
});

test("test: PASS lines and exit 0 when every case passes", () => {
  const r = run("test", base, cases);
  assert.equal(r.code, 0, r.out);
  assert.equal(r.out.split("\n").filter((l) => l.startsWith("PASS  ")).length, 5);
  assert.match(r.out, /^5 passed, 0 failed$/m);
  const { v } = json("test", base, cases);
  assert.deepEqual([v.report.passed, v.report.failed, v.ok], [5, 0, true]);
});

test("test: FAIL with the exact difference, exit 1", () => {
  const r = run("test", fx("drawing-review.fire7.json"), cases);
  assert.equal(r.code, 1);
  assert.match(r.out, /^FAIL  ordinary project with fire review, all materials$/m);
  assert.match(r.out, /^ {6}service_dues\.fire_review: expected "2026-03-23", actual "2026-03-25"$/m);
  assert.match(r.out, /^4 passed, 1 failed$/m);
  const { code, v } = json("test", fx("drawing-review.fire7.json"), cases);
  assert.equal(code, 1);
  const failed = v.report.cases.filter((c) => !c.passed);
  assert.deepEqual(failed.map((c) => c.differences), [[{ path: "service_dues.fire_review", expected: "2026-03-23", actual: "2026-03-25" }]]);
});

test("test: case-file errors at their line and column, exit 1; policy load errors exit 1", () => {
  const file = temp("bad.cases.json", '{"cases": [\n  {"name": "x",\n   "request": {"target": "joint_review", "submitted_at": "2026-03-16T09:30:00+08:00"},\n   "expect": {"outcom": "accepted"}}\n]}\n');
  const r = run("test", base, file);
  assert.equal(r.code, 1);
  assert.ok(r.out.startsWith(`${file}:4:15: error[unknown_field]: cases[0].expect.outcom: `), r.out);
  const { v } = json("test", base, file);
  assert.deepEqual([v.errors[0].line, v.errors[0].column, v.errors[0].path], [4, 15, "cases[0].expect.outcom"]);
  const t = run("test", fx("drawing-review.typo.json"), cases);
  assert.equal(t.code, 1);
  assert.ok(t.out.startsWith(`${fx("drawing-review.typo.json")}:${typoLine}:${typoColumn}: error[`), t.out);
});

test("diff: structural changes and the cases they change", () => {
  const r = run("diff", fx("drawing-review.fire7.json"), base, cases);
  assert.equal(r.code, 0, r.out + r.err);
  assert.match(r.out, /2025\.12 → cn\.example\.industrial-drawing-review 2026\.01/);
  assert.match(r.out, /~ services\.fire_review\.stages\[review\]\.limit {2}\[stage_limit_changed\]/);
  assert.match(r.out, /7 working days → 5 working days/);
  assert.match(r.out, /^1 of 5 cases change:$/m);
  assert.match(r.out, /service_dues\.fire_review: "2026-03-25" → "2026-03-23" \(2 days earlier\)/);
  // The summary: per kind of change, the cases and the direction.
  assert.match(r.out, /^summary: 1 of 5 cases change$/m);
  assert.match(r.out, /^ {2}service due days \(service_dues\): 1 case — 1 earlier$/m);
  assert.deepEqual(json("diff", fx("drawing-review.fire7.json"), base, cases).v.summary,
    { cases_checked: 5, cases_changed: 1, by: { service_counted: { cases: 1, changes: 1, fewer: 1 }, service_dues: { cases: 1, changes: 1, earlier: 1 } } });
  assert.match(run("diff", "--locale", "zh-CN", fx("drawing-review.fire7.json"), base).out, /7 个工作日 → 5 个工作日/);
  const { code, v } = json("diff", fx("drawing-review.no-fire-bundle.json"), base, cases);
  assert.equal(code, 0);
  assert.deepEqual(v.diff.changes.map((c) => [c.kind, c.path]), [
    ["bundle_service_added", "bundles.joint_review.services[fire_review]"],
    ["version_changed", "version"],
  ]);
  assert.equal(v.diff.cases_checked, 5);
  assert.equal(v.diff.cases.length, 4);
  const none = json("diff", base, base);
  assert.deepEqual([none.code, none.v.diff.changes, none.v.diff.cases_checked], [0, [], 0]);
  assert.equal(run("diff", fx("drawing-review.typo.json"), base).code, 1);
});

test("check: prints the decision", () => {
  const r = run("check", base, request);
  assert.equal(r.code, 0, r.out + r.err);
  assert.match(r.out, /^outcome: accepted$/m);
  assert.match(r.out, /^received on: 2026-03-16$/m);
  assert.match(r.out, /^due: 2026-03-26 /m);
  const { v } = json("check", base, request);
  assert.equal(v.decision.outcome, "accepted");
  assert.equal(v.decision.timeline.due, "2026-03-26");
  const bad = temp("bad-request.json", JSON.stringify({ target: "nope", submitted_at: "2026-03-16T09:30:00+08:00" }));
  const b = run("check", base, bad);
  assert.equal(b.code, 1);
  assert.ok(b.out.startsWith(`${bad}:1:2: error[unknown_target]: target: `), b.out);
});

test("test: a case file may expect null for a service and for used_by, as documented", () => {
  const doc = JSON.parse(readFileSync(cases, "utf8"));
  const first = doc.cases[0];
  first.expect = { ...first.expect, services: { ...(first.expect?.services ?? {}), no_such_service: null }, used_by: { no_such_material: null } };
  const ok = run("test", base, temp("nulls.cases.json", JSON.stringify({ cases: [first] }, null, 2)));
  assert.equal(ok.code, 0, ok.out);
  const wrong = JSON.parse(JSON.stringify(first));
  wrong.expect = { services: { fire_review: null } };
  const r = run("test", base, temp("nulls2.cases.json", JSON.stringify({ cases: [wrong] }, null, 2)));
  assert.equal(r.code, 1);
  assert.match(r.out, /services\.fire_review: expected null, actual "accepted"/);
});

// A small policy whose figures are worked out by hand (2026-03-02 is a Monday, March has no
// holiday): power needs licence and property always, load_list above 160 kVA (tolerable);
// plan 3 + connect 2 working days, promise 5; water (kind b only) one stage of 4; the bundle
// adds intake 1 and finish 1, promise 7.
const statsPolicy = {
  format: 1, id: "cli.stats", version: "1", title: { "zh-CN": "测试", en: "Test" },
  fields: { capacity_kva: { type: "number", min: 0 }, kind: { type: "enum", values: ["a", "b"], required: true } },
  materials: {
    license: { name: { "zh-CN": "营业执照" }, electronic: true },
    load_list: { name: { "zh-CN": "用电设备清单" } },
    property: { name: { "zh-CN": "产权证明" }, commitment: true },
  },
  services: {
    power: {
      name: { "zh-CN": "电力报装" },
      materials: [{ ref: "license", required: true },
        { ref: "load_list", required: "capacity_kva > 160", tolerable: { supplement_within: { working_days: 3 } } },
        { ref: "property", required: true }],
      stages: [{ id: "plan", limit: { working_days: 3 } }, { id: "connect", after: ["plan"], limit: { working_days: 2 } }],
      promise: { working_days: 5 }, legal: { working_days: 20 },
    },
    water: { name: { "zh-CN": "供水" }, applies_if: "kind == 'b'", materials: [{ ref: "license", required: true }], stages: [{ id: "all", limit: { working_days: 4 } }] },
  },
  bundles: { joint: { name: { "zh-CN": "联办" }, services: ["power", "water"], intake: { limit: { working_days: 1 } }, finish: { limit: { working_days: 1 } }, promise: { working_days: 7 } } },
};
const req = (target, kind, kva, day = "2026-03-02") => ({ target, form: { kind, capacity_kva: kva },
  materials: { license: "provided", load_list: "provided", property: "provided" }, submitted_at: `${day}T10:00:00+08:00` });

test("stats: reform metrics per target, as a table and as JSON", () => {
  const pfile = temp("stats.json", JSON.stringify(statsPolicy, null, 2));
  const cfile = temp("stats.cases.json", JSON.stringify({ cases: [
    { name: "large", request: req("power", "a", 400) }, { name: "small", request: req("power", "a", 100) },
    { name: "joint", request: req("joint", "b", 100) }] }, null, 2));
  const { code, v } = json("stats", pfile, cfile);
  assert.equal(code, 0);
  const power = v.stats.targets.find((x) => x.id === "power");
  assert.deepEqual(power.materials, { fewest: 2, typical: 2, most: 3 });
  assert.deepEqual(power.tolerable_materials, { count: 1, of: 3, share: 0.333 });
  assert.deepEqual(power.days.counted_working_days, { min: 5, median: 5, max: 5 });
  assert.deepEqual(power.days.promise_met, { count: 2, of: 2, share: 1 });
  const joint = v.stats.targets.find((x) => x.id === "joint");
  assert.deepEqual(joint.steps, { fewest: 4, typical: null, most: 5 });
  assert.deepEqual(joint.tolerable_services, { count: 1, of: 2, share: 0.5 });
  // Intake Tue 03-03, power to Tue 03-10, finish Wed 03-11: 7 working days.
  assert.deepEqual(joint.days.working_days, { min: 7, median: 7, max: 7 });
  const r = run("stats", pfile, cfile);
  assert.equal(r.code, 0);
  assert.match(r.out, /^bundle joint {2}联办 \(2 services\)$/m);
  assert.match(r.out, /^ {2}materials fewest\/typical\/most +2 \/ 2 \/ 3$/m);
  assert.match(r.out, /^ {2}tolerable \(容缺\) materials +1\/3 \(33\.3%\)$/m);
  assert.match(r.out, /^ {2}promised \/ statutory limit +5 working days \/ 20 working days$/m);
  assert.match(run("stats", "--locale", "zh-CN", pfile).out, /可容缺材料 +1\/3 \(33\.3%\)/);
});

test("replay: transitions, due-day shifts, promise met before and after, changed applications, a malformed line", () => {
  const oldFile = temp("replay-old.json", JSON.stringify(statsPolicy, null, 2));
  const next = JSON.parse(JSON.stringify(statsPolicy));
  next.version = "2";
  next.services.power.stages[1].limit = { working_days: 3 };
  next.services.power.promise = { working_days: 4 };
  const newFile = temp("replay-new.json", JSON.stringify(next, null, 2));
  const lines = [];
  for (let i = 0; i < 3000; i++) {
    lines.push(JSON.stringify(i % 3 === 2 ? req("joint", "b", 100) : req("power", "a", i % 3 ? 100 : 400)));
  }
  lines[1233] = '{"target": "power", "form": ';
  lines.splice(2000, 0, "");
  // With a byte-order mark and Windows line ends, as exported logs may have.
  const file = temp("applications.jsonl", `\ufeff${lines.join("\r\n")}\r\n`);
  const { code, v } = json("replay", oldFile, newFile, file, "--workers", "2", "--limit", "3");
  assert.equal(code, 1, "a malformed line makes the exit code 1");
  const r = v.replay;
  assert.deepEqual([r.lines, r.applications, r.malformed, r.workers], [3001, 2999, 1, 2]);
  // Every application is accepted under both; each due day moves one working day later
  // (power Mon 03-09 → Tue 03-10, joint Wed 03-11 → Thu 03-12) and every promise is now missed
  // (power 6 > 4, joint 8 > 7).
  assert.deepEqual(r.transitions, [{ old: "accepted", new: "accepted", count: 2999 }]);
  assert.deepEqual(r.due, { earlier: 0, same: 0, later: 2999, shifts: [{ working_days: 1, count: 2999 }] });
  assert.deepEqual(r.promise_met.old, { met: 2999, judged: 2999, rate: 1 });
  assert.deepEqual(r.promise_met.new, { met: 0, judged: 2999, rate: 0 });
  assert.equal(r.changed, 2999);
  assert.deepEqual(r.changed_applications.map((x) => x.line), [1, 2, 3]);
  assert.deepEqual(r.changed_applications[0].old, { outcome: "accepted", received_on: "2026-03-02", due: "2026-03-09", counted_working_days: 5, promise_met: true });
  assert.deepEqual(r.changed_applications[0].new, { outcome: "accepted", received_on: "2026-03-02", due: "2026-03-10", counted_working_days: 6, promise_met: false });
  assert.deepEqual(r.counted_working_days.old, { count: 2999, min: 5, median: 5, mean: 5.67, max: 7 });
  // The malformed line, by its number, as an error of the file.
  assert.deepEqual(r.malformed_lines.map((e) => [e.line, e.code]), [[1234, "invalid_json"]]);
  const err = v.errors.find((e) => e.code === "invalid_json");
  assert.deepEqual([err.file, err.line], [file, 1234]);
  // The table, and the progress bar on stderr.
  const t = run("replay", oldFile, newFile, file, "--progress", "--limit", "2");
  assert.equal(t.code, 1);
  assert.match(t.out, /^ {2}accepted → accepted +2,999 +100\.0%$/m);
  assert.match(t.out, /^promise met: 100\.0% \(2,999 \/ 2,999\) → 0\.0% \(0 \/ 2,999\)$/m);
  assert.match(t.out, /^applications that change: 2,999 \(first 2 shown\)$/m);
  assert.match(t.out, /applications\.jsonl:1234:\d+: error\[invalid_json\]/);
  assert.match(t.err, /\[=+>\] 100\.0% {2}2,999 applications/);
  assert.match(run("replay", "--locale", "zh-CN", oldFile, newFile, file).out, /承诺时限达成率: 100\.0% .* → 0\.0%/);
});

test("replay: memory stays flat as the file grows (streamed, not read whole)", () => {
  const oldFile = temp("mem-old.json", JSON.stringify(statsPolicy));
  const line = JSON.stringify({ ...req("power", "a", 100), form: { kind: "a", capacity_kva: 100, note: "x".repeat(2000) } });
  const peak = (n) => {
    const file = temp(`mem-${n}.jsonl`, `${line}\n`.repeat(n));
    // The process's peak resident set at exit (workers included: they are threads), in KB.
    const probe = 'data:text/javascript,process.on("exit",()=>process.stderr.write("maxrss "+process.resourceUsage().maxRSS+"\\n"))';
    const r = spawnSync(process.execPath, ["--import", probe, cli, "replay", oldFile, oldFile, file, "--json", "--workers", "2"], { encoding: "utf8", cwd: tmp });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(JSON.parse(r.stdout).replay.applications, n);
    return Number(/maxrss (\d+)/.exec(r.stderr)[1]) * 1024;
  };
  // The bound leaves room for a loaded machine (worker heaps grow with GC pressure) and still
  // fails when the file is read whole (+160 MB).
  const small = peak(2_000); // 4 MB
  const large = peak(40_000); // 80 MB: reading it whole would take 160 MB more as a JS string
  assert.ok(large - small < 100 * 1024 * 1024, `peak RSS grew by ${Math.round((large - small) / 1048576)} MB`);
});

test("publish: writes the published form the portal module loads, refuses a broken policy", async () => {
  const dest = join(tmp, "base.published.bin");
  const r = json("publish", base, "-o", dest);
  assert.equal(r.code, 0, JSON.stringify(r.v.errors));
  assert.equal(r.v.published.file, dest);
  assert.equal(r.v.published.kind, "policy");
  const bytes = readFileSync(dest);
  assert.equal(r.v.published.bytes, bytes.length);
  const portal = await import(join(pkgDir, "portal", "node.js"));
  const full = await import(join(pkgDir, "node.js"));
  const p = portal.Policy.fromPublished(bytes);
  const f = full.Policy.fromJson(readFileSync(base, "utf8"));
  assert.equal(p.fingerprint, f.fingerprint);
  assert.equal(r.v.published.versions[0].fingerprint, f.fingerprint);
  const req = JSON.parse(readFileSync(request, "utf8"));
  assert.equal(JSON.stringify(p.evaluate(req)), JSON.stringify(f.evaluate(req)));
  // Default name next to the input; a policy set; a policy that does not load.
  const copy = temp("copy.json", readFileSync(base, "utf8"));
  assert.equal(run("publish", copy).code, 0);
  assert.ok(existsSync(join(tmp, "copy.published.bin")));
  const set = json("publish", join(root, "packs", "industrial-drawing-review.versions.json"), "--out", join(tmp, "set.bin"));
  assert.equal(set.code, 0);
  assert.equal(set.v.published.kind, "policy_set");
  assert.equal(portal.PolicySet.fromPublished(readFileSync(join(tmp, "set.bin"))).versions().length, set.v.published.versions.length);
  const typo = temp("typo.json", typoText);
  const bad = run("publish", typo);
  assert.equal(bad.code, 1);
  assert.match(bad.out, /typo\.json:\d+:\d+: error\[/);
  assert.ok(!existsSync(join(tmp, "typo.published.bin")));
  assert.equal(run("lint", base, "-o", "x").code, 2, "--out belongs to publish");
});

test("workbench: serves the package's workbench on 127.0.0.1, opens and saves the named files", async () => {
  const pfile = temp("wb.json", JSON.stringify(statsPolicy, null, 2));
  const child = spawn(process.execPath, [cli, "workbench", pfile, "--port", "0"], { cwd: tmp, stdio: ["ignore", "pipe", "pipe"] });
  try {
    const url = await new Promise((ok, fail) => {
      let out = "";
      child.stdout.on("data", (d) => {
        out += d;
        const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(out);
        if (m) ok(m[0]);
      });
      child.once("exit", (c) => fail(new Error(`exited ${c}`)));
      setTimeout(() => fail(new Error(`no URL: ${out}`)), 15_000);
    });
    const page = await (await fetch(url)).text();
    assert.match(page, /策略工作台/);
    const token = /name="workbench-token" content="([0-9a-f]{32})"/.exec(page)?.[1];
    assert.ok(token, "the page carries the session token");
    for (const path of ["workbench.js", "pkg/workbench/editor.js", "pkg/browser.js", "pkg/intake_rules_bg.wasm", "pkg/policy.schema.json", "pkg/cli-summary.js", "packs/joint-utility-connection.cases.json"]) {
      assert.equal((await fetch(url + path)).status, 200, path);
    }
    assert.equal((await fetch(`${url}pkg/%2e%2e/%2e%2e/etc/passwd`)).status, 404);
    const session = await (await fetch(`${url}api/session`)).json();
    assert.equal(session.policy.path, pfile);
    assert.equal(session.policy.text, readFileSync(pfile, "utf8"));
    assert.equal(session.cases.path, join(tmp, "wb.cases.json"));
    assert.equal(session.cases.text, null);
    const save = (headers, body) => fetch(`${url}api/save`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });
    assert.equal((await save({}, { role: "policy", text: "x" })).status, 403);
    assert.equal(readFileSync(pfile, "utf8"), JSON.stringify(statsPolicy, null, 2));
    assert.equal((await save({ "x-workbench-token": token }, { role: "policy", text: "{}\n" })).status, 200);
    assert.equal(readFileSync(pfile, "utf8"), "{}\n");
    assert.equal((await save({ "x-workbench-token": token }, { role: "cases", text: '{"cases": []}' })).status, 200);
    assert.equal(readFileSync(join(tmp, "wb.cases.json"), "utf8"), '{"cases": []}');
  } finally {
    child.kill("SIGTERM");
  }
  assert.equal(run("workbench", join(tmp, "missing.json")).code, 2);
});

test("guide --notes lists the acknowledged findings with their reasons", () => {
  const doc = JSON.parse(readFileSync(base, "utf8"));
  doc.fields.unused_note = { type: "string" };
  doc.acknowledged = [{ code: "unused_field", path: "fields.unused_note", reason: { "zh-CN": "备注仅供记录", en: "a note only" } }];
  const file = temp("guide-notes.json", JSON.stringify(doc, null, 2));
  const r = run("guide", file, "joint_review", "--notes");
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /已确认的检查结果[^\n]*\n {2}unused_field @ fields\.unused_note：备注仅供记录\n$/);
  assert.match(run("guide", file, "joint_review", "--notes", "--locale", "en").out, /unused_field @ fields\.unused_note: a note only\n$/);
  assert.doesNotMatch(run("guide", file, "joint_review").out, /unused_field/);
});

test("the package ships the docs a user needs, and they name only files it ships", () => {
  const docs = readdirSync(join(pkgDir, "docs"));
  for (const f of ["requests-and-decisions.md", "time-limits.md", "policy-tools.md", "policy-format.md", "errors.md"]) assert.ok(docs.includes(f), f);
  for (const f of docs) {
    const text = readFileSync(join(pkgDir, "docs", f), "utf8");
    assert.doesNotMatch(text, /\bSPEC\b|DOMAIN\.md|seeds\/|ARCHITECTURE\.md/, f);
    for (const [, link] of text.matchAll(/\]\(([^)#]+)(?:#[^)]*)?\)/g)) {
      if (!/^https?:/.test(link)) assert.ok(existsSync(join(pkgDir, "docs", link)), `${f} links to ${link}`);
    }
  }
  // Every key of a decision is documented in requests-and-decisions.md.
  const doc = readFileSync(join(pkgDir, "docs", "requests-and-decisions.md"), "utf8");
  const d = JSON.parse(run("--json", "check", base, request).out).decision;
  for (const k of [...Object.keys(d), ...Object.keys(d.timeline)]) assert.ok(doc.includes(`\`${k}\``), k);
  const pkg = JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8"));
  assert.equal(pkg.bin["intake-rules"], "./cli.js");
});

test("npx intake-rules runs the bin entry", () => {
  const pkg = JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8"));
  assert.equal(pkg.bin["intake-rules"], "./cli.js");
  assert.ok(readFileSync(cli, "utf8").startsWith("#!/usr/bin/env node\n"));
  // What `npm install intake-rules` lays out: the package and a bin link to its cli.js.
  const proj = join(tmp, "project");
  mkdirSync(join(proj, "node_modules", ".bin"), { recursive: true });
  symlinkSync(pkgDir, join(proj, "node_modules", "intake-rules"));
  symlinkSync("../intake-rules/cli.js", join(proj, "node_modules", ".bin", "intake-rules"));
  writeFileSync(join(proj, "package.json"), '{"name": "policies", "private": true}');
  const r = spawnSync("npx", ["--no-install", "intake-rules", "test", base, cases], {
    cwd: proj, encoding: "utf8", env: { ...process.env, npm_config_offline: "true", npm_config_update_notifier: "false" },
  });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /^5 passed, 0 failed$/m);
});
