// The built-in packs from JS: they load, lint without errors or warnings, their case files pass
// through `runCases`, and the command line's `guide` renders them.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { execFileSync, spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { Policy, PolicySet } from "intake-rules";

const root = fileURLToPath(new URL("../../", import.meta.url));
const cli = fileURLToPath(new URL("../../pkg/cli.js", import.meta.url));

test("builtin ids", () => {
  assert.deepEqual(Policy.builtinIds(), ["joint-utility-connection", "industrial-drawing-review", "food-business-licence"]);
});

for (const id of ["joint-utility-connection", "industrial-drawing-review", "food-business-licence"]) {
  test(`${id}: lint clean, case file passes in Node`, () => {
    const p = Policy.builtin(id);
    const findings = p.lint().filter((d) => d.severity !== "info");
    assert.deepEqual(findings, []);
    const cases = JSON.parse(readFileSync(`${root}packs/${id}.cases.json`, "utf8"));
    const report = p.runCases(cases);
    assert.ok(report.cases.length >= 15);
    const failing = report.cases.filter((c) => !c.passed);
    assert.deepEqual(failing, []);
    assert.equal(report.failed, 0);
    // The embedded pack is exactly the file in the repository.
    assert.equal(p.fingerprint, Policy.fromJson(readFileSync(`${root}packs/${id}.json`, "utf8")).fingerprint);
  });
}

test("the drawing-review policy set picks the version in force", () => {
  const set = PolicySet.builtin("industrial-drawing-review");
  const versions = set.versions();
  assert.equal(versions.length, 2);
  const req = (at) => ({ target: Policy.builtin("industrial-drawing-review").targets()[0].id, form: {}, submitted_at: at });
  assert.equal(set.evaluate(req("2025-12-31T10:00:00+08:00")).policy.version, versions[0].version);
  assert.equal(set.evaluate(req("2026-01-05T10:00:00+08:00")).policy.version, versions[1].version);
  // Policy.diff works between two versions of a set.
  const [older, newer] = set.policies();
  assert.equal(older.version, versions[0].version);
  const d = Policy.diff(older, newer);
  assert.ok(d.changes.some((c) => c.kind.includes("material") && c.kind.includes("removed")), JSON.stringify(d.changes.map((c) => c.kind)));
});

test("cli guide: text, html, english, bad input", () => {
  const text = execFileSync(process.execPath, [cli, "guide", `${root}packs/joint-utility-connection.json`, "joint"]).toString();
  assert.match(text, /办事指南/);
  assert.match(text, /营业执照/);
  const html = execFileSync(process.execPath, [cli, "guide", `${root}packs/joint-utility-connection.json`, "joint", "--html", "--locale", "en"]).toString();
  assert.match(html, /^<!DOCTYPE html>/i);
  assert.match(html, /@media print/);
  assert.doesNotMatch(html, /<script/i);
  const missing = spawnSync(process.execPath, [cli, "guide", `${root}packs/nope.json`, "joint"]);
  assert.equal(missing.status, 2);
  const broken = spawnSync(process.execPath, [cli, "guide", `${root}tests/malformed/bad_date.json`, "x"]);
  assert.equal(broken.status, 1);
});
