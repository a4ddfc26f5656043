// The command-line entry of the package (`pkg/cli.js`, `npx intake-rules`): every command,
// exit codes 0/1/2, `--json` output, and `file:line:column:` diagnostics.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync, mkdirSync, symlinkSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(fileURLToPath(new URL("../..", import.meta.url)));
const cli = join(root, "pkg", "cli.js");
const fx = (name) => join(root, "tests", "fixtures", "tools", name);
const tmp = mkdtempSync(join(tmpdir(), "intake-rules-cli-"));

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
    ["lint", temp("notjson.json", "{ not json")], ["test", base, temp("notjson2.json", "[")], ["lint", "--colour", base],
    ["lint", "--locale", "fr", base]]) {
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
  assert.equal(json("lint", temp("notjson3.json", "{")).v.errors[0].code, "invalid_json");
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
  assert.equal(code, v.findings.some((d) => d.severity !== "info") ? 1 : 0);
  const line = readFileSync(file, "utf8").split("\n").findIndex((l) => l.includes('"unused_note"')) + 1;
  assert.equal(f.line, line);
  const r = run("lint", file);
  assert.ok(r.out.includes(`${file}:${line}:5: ${f.severity}[unused_field]: `), r.out);
  const clean = run("lint", base);
  const cleanJson = json("lint", base).v;
  assert.equal(clean.code, cleanJson.findings.some((d) => d.severity !== "info") ? 1 : 0);
  assert.match(clean.out, /0 errors/);
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
  assert.match(r.out, /service_dues\.fire_review: "2026-03-25" → "2026-03-23"/);
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

test("npx intake-rules runs the bin entry", () => {
  const pkg = JSON.parse(readFileSync(join(root, "pkg", "package.json"), "utf8"));
  assert.equal(pkg.bin["intake-rules"], "./cli.js");
  assert.ok(readFileSync(cli, "utf8").startsWith("#!/usr/bin/env node\n"));
  // What `npm install intake-rules` lays out: the package and a bin link to its cli.js.
  const proj = join(tmp, "project");
  mkdirSync(join(proj, "node_modules", ".bin"), { recursive: true });
  symlinkSync(join(root, "pkg"), join(proj, "node_modules", "intake-rules"));
  symlinkSync("../intake-rules/cli.js", join(proj, "node_modules", ".bin", "intake-rules"));
  writeFileSync(join(proj, "package.json"), '{"name": "policies", "private": true}');
  const r = spawnSync("npx", ["--no-install", "intake-rules", "test", base, cases], {
    cwd: proj, encoding: "utf8", env: { ...process.env, npm_config_offline: "true", npm_config_update_notifier: "false" },
  });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /^5 passed, 0 failed$/m);
});
