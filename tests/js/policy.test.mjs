// Policies and decisions from JS: loading errors, evaluate, the shared conformance corpus.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { Policy } from "intake-rules";

const fixtureText = readFileSync(new URL("../engine/policy.json", import.meta.url), "utf8");
const cases = JSON.parse(readFileSync(new URL("../conformance/cases.json", import.meta.url), "utf8"));
const expected = JSON.parse(readFileSync(new URL("../conformance/expected.json", import.meta.url), "utf8"));

const policyFor = (name) => (name === "fixture" ? Policy.fromJson(fixtureText) : Policy.builtin(name.replace(/^builtin:/, "")));

test("conformance corpus: byte-identical to native", () => {
  assert.equal(cases.length, Object.keys(expected).length);
  for (const c of cases) {
    const p = policyFor(c.policy);
    let out;
    try {
      out = p.evaluateJson(JSON.stringify(c.request));
    } catch (e) {
      out = JSON.stringify({ error: e.name, code: e.code });
    }
    // expected.json is stored pretty-printed (keys in output order); re-serialised it must give
    // exactly the module's bytes.
    assert.equal(out, JSON.stringify(expected[c.name]), c.name);
    // The object form carries exactly the same data.
    if (!out.startsWith('{"error"')) assert.equal(JSON.stringify(p.evaluate(c.request)), out, c.name);
  }
});

test("fromObject and fromJson agree; fingerprint ignores key order and whitespace", () => {
  const a = Policy.fromJson(fixtureText);
  const doc = JSON.parse(fixtureText);
  const reordered = Object.fromEntries(Object.entries(doc).reverse());
  const b = Policy.fromObject(reordered);
  assert.equal(a.fingerprint, b.fingerprint);
  assert.match(a.fingerprint, /^sha256:[0-9a-f]{64}$/);
  assert.equal(a.id, "cn.example.joint-utility");
  assert.equal(a.version, "2024.06");
});

test("a broken policy throws PolicyError with every issue, positioned", () => {
  const broken = fixtureText
    .replace('"capacity_kva > 160"', '"capcity_kva > 160"')
    .replace('"ref": "load_list"', '"ref": "load_lsit"');
  assert.throws(() => Policy.fromJson(broken), (e) => {
    assert.equal(e.name, "PolicyError");
    assert.ok(e.issues.length >= 2, JSON.stringify(e.issues));
    const codes = e.issues.map((i) => i.code).sort();
    assert.ok(codes.includes("unknown_form_field"), codes.join());
    assert.ok(codes.includes("unknown_material"), codes.join());
    for (const i of e.issues) {
      assert.equal(typeof i.line, "number");
      assert.equal(typeof i.column, "number");
      assert.ok(i.message["zh-CN"] && i.message.en);
    }
    return true;
  });
  assert.throws(() => Policy.fromJson("{not json"), (e) => e.name === "PolicyError" && e.code === "invalid_json");
  assert.throws(() => Policy.fromObject({ ...JSON.parse(fixtureText), format: 2 }), (e) => e.name === "PolicyError" && e.issues[0].line === null);
  assert.throws(() => Policy.fromJson(42), (e) => e.name === "PolicyError");
});

test("lint and targets are plain data", () => {
  const p = Policy.fromJson(fixtureText);
  const lint = p.lint();
  assert.ok(Array.isArray(lint));
  for (const d of lint) assert.ok(["error", "warning", "info"].includes(d.severity));
  const targets = p.targets();
  assert.deepEqual(targets.map((t) => t.id), ["joint", "gas", "power", "water"]);
  const joint = targets[0];
  assert.equal(joint.kind, "bundle");
  assert.ok(joint.fields.some((f) => f.id === "capacity_kva" && f.type === "number"));
});

test("unusable requests throw RequestError; the instance keeps working", () => {
  const p = Policy.fromJson(fixtureText);
  for (const [req, code] of [
    [{ target: "nope", submitted_at: "2026-09-30T10:00:00+08:00" }, "unknown_target"],
    [{ target: "joint", submitted_at: "not a time" }, "bad_time"],
    [{ target: "joint" }, "bad_request"],
    [undefined, "bad_request"],
    [{ target: "joint", submitted_at: "2026-09-30T10:00:00+08:00", form: { n: 10n } }, "bad_request"],
  ]) {
    assert.throws(() => p.evaluate(req), (e) => e.name === "RequestError" && e.code === code, String(code));
  }
  const cyclic = { target: "joint", submitted_at: "2026-09-30T10:00:00+08:00" };
  cyclic.self = cyclic;
  assert.throws(() => p.evaluate(cyclic), (e) => e.name === "RequestError");
  const d = p.evaluate({ target: "water", form: {}, submitted_at: "2026-09-30T10:00:00+08:00" });
  assert.equal(d.outcome, "needs_correction");
});
