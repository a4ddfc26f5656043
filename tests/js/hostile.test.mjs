// Hostile input from JS: every case gives a structured error or a decision with errors, in
// bounded time, and the module instance still answers correctly afterwards.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { Calendar, Policy, PolicySet, memoryUsage, setMemoryLimit } from "intake-rules";

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
  for (const v of [-0, 2 ** 53 + 1, 1e308, -1e308, 5e-324]) {
    const d = structured(() => policy.evaluate({ ...ok, form: { ...ok.form, capacity_kva: v } }));
    assert.ok(!(d instanceof Error), `capacity ${v} must decide`);
  }
  // JSON cannot hold these: a typed error at the caller's path (before: read as null, "is required").
  for (const v of [NaN, Infinity, -Infinity]) {
    const e = structured(() => policy.evaluate({ ...ok, form: { ...ok.form, capacity_kva: v } }));
    assert.equal(e.code, "non_finite_number", String(v));
    assert.equal(e.issues[0].path, "form.capacity_kva");
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

// ---- issue 16: bounded cost and memory, an instance that survives, errors in one shape ------

const time = (f) => {
  const t0 = performance.now();
  const r = f();
  return [r, performance.now() - t0];
};
const joint = readFileSync(new URL("../../packs/joint-utility-connection.json", import.meta.url), "utf8");

test("policy sets load in linear time, capped while reading", () => {
  // Before: 14.9 s and 100,000 issues (300 k items: 306 s).
  const zeros = `[${Array(100000).fill(0).join(",")}]`;
  const [e, ms] = time(() => structured(() => PolicySet.fromJson(zeros), ["PolicyError"]));
  assert.ok(ms < 1000, `${ms} ms`);
  assert.equal(e.code, "too_large");
  assert.equal(e.issues.length, 1);
  // Before: 12 s, 3.7 GiB, "(and 4999999 more problems)" with `issues: []`.
  const big = { versions: new Array(5_000_000).fill(0) };
  const [e2, ms2] = time(() => structured(() => PolicySet.fromObject(big), ["PolicyError"]));
  assert.ok(ms2 < 2000, `${ms2} ms`);
  assert.equal(e2.code, "too_large");
  assert.ok(e2.issues.length > 0);
  // 64 broken versions: 1,000 problems listed, then `too_many_issues`; the summary counts them.
  const broken = JSON.stringify(Array.from({ length: 64 }, () => Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`bogus_${i}`, 1]))));
  const e3 = structured(() => PolicySet.fromJson(broken), ["PolicyError"]);
  assert.equal(e3.issues.length, 1001);
  assert.equal(e3.issues.at(-1).code, "too_many_issues");
  assert.match(e3.message, /\(and 1000 more problems\)$/);
});

test("object and calendar arguments have size budgets", () => {
  // Before: a 50 MB fromObject document loaded (the 4 MiB cap held for text only), growing
  // the wasm memory by 200 MiB for good.
  const doc = JSON.parse(fixtureText);
  doc.$schema = "x".repeat(50 * 1024 * 1024);
  const grown = memoryUsage().wasm_memory;
  const [e, ms] = time(() => structured(() => Policy.fromObject(doc), ["PolicyError"]));
  assert.equal(e.code, "too_large");
  assert.ok(ms < 2000, `${ms} ms`);
  assert.equal(memoryUsage().wasm_memory, grown);
  // Before: 1 M pauses took 11.7 s; 80 M trapped.
  const pauses = new Array(1_000_000).fill({ from: "2026-03-02", to: "2026-03-03" });
  const [e2, ms2] = time(() => structured(() => cal.due("2026-03-02", { working_days: 5 }, pauses)));
  assert.equal(e2.code, "too_large");
  assert.equal(e2.issues[0].path, "pauses");
  assert.ok(ms2 < 500, `${ms2} ms`);
  const dates = new Array(100_000).fill("2026-03-02");
  assert.equal(structured(() => cal.withOverrides({ holidays: dates })).code, "too_large");
  assert.equal(structured(() => cal.withYear(2099, { holidays: [], workdays: dates })).code, "too_large");
  assert.equal(structured(() => Calendar.builtin("cn-mainland", { note: "x".repeat(1 << 20) })).code, "too_large");
  // A request's text: refused before it is copied into wasm memory.
  const wasm0 = memoryUsage().wasm_memory;
  assert.equal(structured(() => policy.evaluateJson(" ".repeat(64 << 20))).code, "too_large");
  assert.equal(structured(() => Policy.fromJson(" ".repeat(64 << 20))).code, "too_large");
  assert.equal(memoryUsage().wasm_memory, wasm0);
});

test("a loaded joint pack is small, and built-in handles are shared", () => {
  Policy.builtin("joint-utility-connection"); // the first load of the shared pack
  const before = memoryUsage().in_use;
  const handles = Array.from({ length: 10000 }, () => Policy.builtin("joint-utility-connection"));
  // Before: each call loaded the pack again (361 KiB; 11,598 calls reached 4 GiB and trapped).
  assert.ok(memoryUsage().in_use - before < 10000 * 64, `${memoryUsage().in_use - before}`);
  for (const h of handles) h.free();
  const b = memoryUsage().in_use;
  const p = Policy.fromJson(joint);
  const held = memoryUsage().in_use - b;
  // The model only: the document's text (41 KB, which lint and diff read again) stays in the
  // JS heap, which is collected, while wasm memory never shrinks.
  assert.ok(held < 64 * 1024, `fromJson holds ${held} bytes`);
  assert.ok(p.lint().every((d) => typeof d.line === "number"), "lint still has positions");
  p.free();
});

test("running out of memory is a too_large error, not a trap", () => {
  const previous = setMemoryLimit(32 * 1024 * 1024);
  const kept = [];
  try {
    let err = null;
    for (let i = 0; i < 5000 && err === null; i++) {
      try {
        kept.push(Policy.fromJson(joint));
      } catch (e) {
        err = e;
      }
    }
    assert.ok(err);
    assert.equal(err.name, "PolicyError");
    assert.equal(err.code, "too_large");
    stillHealthy();
  } finally {
    for (const p of kept) p.free();
    setMemoryLimit(previous);
  }
  stillHealthy();
});

test("wrong class, use after free, double free: documented errors, no trap", () => {
  const lifecycle = (f, code) =>
    assert.throws(f, (e) => e instanceof Error && e.name === "IntakeRulesError" && e.code === code && e.issues[0].code === code && typeof e.issues[0].message.en === "string", code);
  // Before: "memory access out of bounds", and after ~359 of them every call failed.
  for (let i = 0; i < 1000; i++) lifecycle(() => Policy.prototype.evaluate.call(cal, ok), "wrong_class");
  lifecycle(() => Calendar.prototype.addWorkingDays.call(policy, "2026-09-30", 1), "wrong_class");
  lifecycle(() => Policy.prototype.evaluate.call({}, ok), "wrong_class");
  lifecycle(() => Object.getOwnPropertyDescriptor(Policy.prototype, "id").get.call(Object.create(Policy.prototype)), "wrong_class");
  if (typeof Policy.diff === "function") lifecycle(() => Policy.diff(policy, cal), "wrong_class");
  // Before: a plain Error("null pointer passed to rust").
  const p = Policy.fromJson(fixtureText);
  p.free();
  lifecycle(() => p.evaluate(ok), "use_after_free");
  lifecycle(() => p.id, "use_after_free");
  lifecycle(() => p.free(), "double_free");
  if (typeof Symbol.dispose === "symbol") p[Symbol.dispose](); // `using` after free(): no error
  stillHealthy();
});

test("free() during a call of the same object is deferred, not a leak", () => {
  const before = memoryUsage().in_use;
  const p = Policy.fromJson(fixtureText);
  const req = { ...ok };
  Object.defineProperty(req, "locale", { enumerable: true, get: () => (p.free(), "zh-CN") });
  // Before: the free failed half-way ("recursive use of an object"), leaving p unusable and leaked.
  assert.equal(p.evaluate(req).outcome, "accepted");
  assert.throws(() => p.evaluate(ok), (e) => e.code === "use_after_free");
  assert.ok(memoryUsage().in_use - before < 4096, `${memoryUsage().in_use - before} bytes left`);
  stillHealthy();
});

test("values JSON cannot hold are typed errors at the caller's path", () => {
  const at = (f, code, path) => {
    const e = structured(f);
    assert.ok(e instanceof Error);
    assert.equal(e.code, code);
    assert.equal(e.issues[0].path, path);
    return e;
  };
  at(() => policy.evaluate({ ...ok, form: { ...ok.form, capacity_kva: NaN } }), "non_finite_number", "form.capacity_kva");
  at(() => policy.evaluateCompact({ ...ok, form: { ...ok.form, capacity_kva: -Infinity } }), "non_finite_number", "form.capacity_kva");
  // Before: the whole request was `invalid_json` "(line 1, column 132)", a position in our text.
  const e = at(() => policy.evaluate({ ...ok, form: { ...ok.form, uscc: "9135\uD800" } }), "lone_surrogate", "form.uscc");
  assert.equal(e.issues[0].line, null);
  at(() => policy.evaluate({ ...ok, materials: { "\uDC00x": "provided" } }), "lone_surrogate", 'materials["\\udc00x"]');
  const doc = JSON.parse(fixtureText);
  doc.title.en = "cut \uD83D";
  at(() => Policy.fromObject(doc), "lone_surrogate", "title.en");
  at(() => cal.due("2026-03-02", { working_days: Infinity }), "non_finite_number", "period.working_days");
  at(() => cal.due("2026-03-02", { working_days: 1 }, [{ from: "2026-03-02", to: "x\uDFFF" }]), "lone_surrogate", "pauses[0].to");
  // JSON text: the lone surrogate's own line and column.
  const t = at(() => policy.evaluateJson(`{"target": "water",\n "x": "ab\uD800"}`), "lone_surrogate", "");
  assert.deepEqual([t.issues[0].line, t.issues[0].column], [2, 10]);
  // invalid_json carries the line and column its message names (before: null).
  const j = at(() => policy.evaluateJson('{"target": "water",\n "form": {,}}'), "invalid_json", "");
  assert.deepEqual([j.issues[0].line, j.issues[0].column], [2, 11]);
  assert.match(j.message, /line 2, column 11/);
});
