// Hostile input from JS: every case gives a structured error or a decision with errors, in
// bounded time, and the module instance still answers correctly afterwards.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { Calendar, Policy } from "intake-rules";

const fixtureText = readFileSync(new URL("../engine/policy.json", import.meta.url), "utf8");
const policy = Policy.fromJson(fixtureText);
const cal = Calendar.builtin();
const AT = "2026-09-30T10:00:00+08:00";
const ok = { target: "water", form: { project_kind: "industrial", uscc: "91350100M000100Y43" }, materials: { business_license: "provided", water_use: "provided" }, submitted_at: AT };

function stillHealthy() {
  assert.equal(policy.evaluate(ok).outcome, "accepted");
  assert.equal(cal.addWorkingDays("2026-09-30", 1), "2026-10-08");
}

function structured(fn, names = ["PolicyError", "RequestError", "CalendarError"]) {
  const t0 = performance.now();
  let result;
  try {
    result = fn();
  } catch (e) {
    assert.ok(e instanceof Error, `threw a non-Error: ${e}`);
    assert.ok(names.includes(e.name), `unexpected error name ${e.name}: ${e.message}`);
    assert.equal(typeof e.code, "string");
    assert.ok(Array.isArray(e.issues) && e.issues.length > 0);
    result = e;
  }
  assert.ok(performance.now() - t0 < 5000, "bounded time");
  stillHealthy();
  return result;
}

test("__proto__ and constructor keys in forms, materials and policies", () => {
  const form = JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": 1}, "project_kind": "industrial", "uscc": "91350100M000100Y43"}');
  const d = structured(() => policy.evaluate({ ...ok, form, materials: JSON.parse('{"__proto__": "provided", "business_license": "provided", "water_use": "provided"}') }));
  assert.equal(d.outcome, "accepted");
  assert.ok(d.warnings.some((w) => w.path === "form.__proto__"));
  assert.equal({}.polluted, undefined);
  const doc = JSON.parse(fixtureText.replace('"fields": {', '"fields": {"__proto__": {"type": "bool"},'));
  structured(() => Policy.fromJson(JSON.stringify(doc)));
  structured(() => Policy.fromObject(JSON.parse('{"__proto__": {"format": 1}}')));
});

test("huge strings, arrays and nesting", () => {
  const big = "x".repeat(10 * 1024 * 1024);
  const d = structured(() => policy.evaluate({ ...ok, form: { ...ok.form, uscc: big } }));
  if (!(d instanceof Error)) assert.equal(d.outcome, "needs_correction");
  structured(() => policy.evaluate({ ...ok, target: big }));
  structured(() => Policy.fromJson(big));
  structured(() => Policy.fromJson(`{"format": 1, "id": "${big}"}`));
  const arr = Array.from({ length: 100000 }, (_, i) => i);
  structured(() => policy.evaluate({ ...ok, form: { ...ok.form, capacity_kva: arr } }));
  structured(() => Policy.fromObject({ ...JSON.parse(fixtureText), materials: arr }));
  let deep = "[".repeat(10000) + "]".repeat(10000);
  structured(() => Policy.fromJson(deep));
  structured(() => policy.evaluateJson(`{"target": "water", "submitted_at": "${AT}", "form": {"a": ${deep}}}`));
  let nested = {};
  for (let i = 0; i < 10000; i++) nested = { a: nested };
  structured(() => policy.evaluate({ ...ok, form: { deep: nested } }));
  const cond = "(".repeat(10000) + "true" + ")".repeat(10000);
  structured(() => Policy.fromJson(fixtureText.replace('"applies_if": "true"', `"applies_if": "${cond}"`)), ["PolicyError"]);
});

test("odd numbers", () => {
  for (const v of [NaN, Infinity, -Infinity, -0, 2 ** 53 + 1, 1e308, -1e308, 5e-324]) {
    const d = structured(() => policy.evaluate({ ...ok, form: { ...ok.form, capacity_kva: v } }));
    assert.ok(!(d instanceof Error), `capacity ${v} must decide`);
  }
  for (const n of [-1, 1e9, NaN, Infinity, 1.5, 2 ** 53 + 1, -0]) structured(() => cal.addWorkingDays("2026-01-05", n));
  assert.equal(cal.addWorkingDays("2026-01-05", -0), "2026-01-05");
});

test("dates at the edges", () => {
  for (const s of ["0000-01-01", "9999-12-31", "2026-02-30", "2026-13-01", "", "２０２６-01-01", "2026-1-1", "10000-01-01"]) {
    structured(() => cal.isWorkingDay(s));
    structured(() => cal.addWorkingDays(s, 1));
    structured(() => cal.due(s, { natural_days: 1 }));
    structured(() => policy.evaluate({ ...ok, submitted_at: s }));
  }
  const est = Calendar.builtin("cn-mainland", { beyond_coverage: "weekends_only" });
  structured(() => est.addWorkingDays("9999-12-30", 10));
  structured(() => est.due("9999-12-01", { months: 2 }));
  structured(() => est.workingDaysBetween("0001-01-01", "9999-12-31"));
});

test("wrong types everywhere", () => {
  const values = [null, undefined, 0, "", "x", true, [], {}, [1, 2], () => 1, Symbol("s"), 10n];
  for (const v of values) {
    structured(() => Policy.fromJson(v));
    structured(() => Policy.fromObject(v));
    structured(() => Policy.builtin(v));
    structured(() => policy.evaluate(v));
    structured(() => policy.evaluate({ ...ok, target: v }));
    structured(() => policy.evaluate({ ...ok, form: v }));
    structured(() => policy.evaluate({ ...ok, materials: v }));
    structured(() => policy.evaluate({ ...ok, submitted_at: v }));
    structured(() => policy.evaluate({ ...ok, locale: v }));
    structured(() => policy.evaluate({ ...ok, form: { ...ok.form, project_kind: v, capacity_kva: v, needs_gas: v } }));
    structured(() => policy.evaluate({ ...ok, materials: { business_license: v } }));
    structured(() => policy.checklist(v));
    structured(() => policy.timeline(v));
    structured(() => policy.evaluateJson(v));
    structured(() => Calendar.builtin(v));
    structured(() => Calendar.builtin("cn-mainland", v));
    structured(() => cal.isWorkingDay(v));
    structured(() => cal.addWorkingDays("2026-01-05", v));
    structured(() => cal.workingDaysBetween(v, "2026-01-05"));
    structured(() => cal.receivedOn(v));
    structured(() => cal.receivedOn(AT, v));
    structured(() => cal.due("2026-01-05", v));
    structured(() => cal.due("2026-01-05", { working_days: 1 }, v));
    structured(() => cal.withOverrides(v));
    structured(() => cal.withYear(v, {}));
    structured(() => cal.withYear(2027, v));
  }
});
