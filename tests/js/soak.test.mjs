// Bounded soak (a few seconds): thousands of policies created and dropped, repeated traps
// provoked on purpose, the memory ceiling reached and left — and afterwards a normal decision,
// byte for byte the one the conformance corpus recorded natively.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { Calendar, Policy, PolicySet, memoryUsage, setMemoryLimit } from "intake-rules";

const fixtureText = readFileSync(new URL("../engine/policy.json", import.meta.url), "utf8");
const cases = JSON.parse(readFileSync(new URL("../conformance/cases.json", import.meta.url), "utf8"));
const expected = JSON.parse(readFileSync(new URL("../conformance/expected.json", import.meta.url), "utf8"));

/** Every conformance case, decided now, must give the recorded bytes. */
const texts = {
  fixture: fixtureText,
  s7: readFileSync(new URL("../fixtures/s7/policy.json", import.meta.url), "utf8"),
  "s7-accept": readFileSync(new URL("../fixtures/s7-accept/policy.json", import.meta.url), "utf8"),
};
function conformance() {
  const policies = Object.fromEntries(Object.entries(texts).map(([k, t]) => [k, Policy.fromJson(t)]));
  for (const c of cases) {
    const policy = policies[c.policy] ?? (policies[c.policy] = Policy.builtin(c.policy.replace(/^builtin:/, "")));
    let out;
    try {
      out = policy.evaluateJson(JSON.stringify(c.request));
    } catch (e) {
      out = JSON.stringify({ error: e.name, code: e.code });
    }
    // expected.json is stored pretty-printed in output key order: re-serialised, the bytes.
    assert.equal(out, JSON.stringify(expected[c.name]), c.name);
  }
  for (const p of Object.values(policies)) p.free();
}

/** A trap on purpose: a Policy handle pointed outside the module's memory (what a wrong-class
 *  call such as `Policy.prototype.evaluate.call(calendar, …)` did before the check: "memory
 *  access out of bounds"). */
function trap() {
  const p = Policy.builtin("joint-utility-connection");
  p.__wbg_ptr = 0xfffffff0;
  try {
    p.evaluate({ target: "joint", submitted_at: "2026-09-30T10:00:00+08:00" });
  } catch (e) {
    return e;
  }
  return null;
}

test("thousands of policies created and dropped keep the memory flat", () => {
  conformance();
  const before = memoryUsage().in_use;
  for (let i = 0; i < 2000; i++) {
    const p = Policy.fromJson(fixtureText);
    assert.equal(p.id.length > 0, true);
    p.free();
  }
  for (let i = 0; i < 2000; i++) {
    const s = PolicySet.builtin("industrial-drawing-review");
    assert.equal(s.versions().length, 2);
    // What `using` does at the end of its block (Node 20 has the symbol, not the syntax).
    if (typeof Symbol.dispose === "symbol") s[Symbol.dispose]();
    else s.free();
  }
  // Built-in packs are shared: a handle per call, never a load, even without free().
  const handles = [];
  for (let i = 0; i < 20000; i++) handles.push(Policy.builtin("joint-utility-connection"));
  const held = memoryUsage().in_use - before;
  assert.ok(held < 2 * 1024 * 1024, `20,000 built-in handles hold ${held} bytes`);
  for (const h of handles) h.free();
  // What was freed is reused: loading again does not grow the memory.
  const again = memoryUsage().in_use;
  for (let i = 0; i < 500; i++) Policy.fromJson(fixtureText).free();
  assert.ok(memoryUsage().in_use - again < 64 * 1024);
  conformance();
});

test("repeated traps: each restarts the instance, old objects say so, new ones work", () => {
  const old = Policy.fromJson(fixtureText);
  const cal = Calendar.builtin();
  // Before: after ~359 traps every call failed until the process restarted.
  for (let i = 0; i < 500; i++) {
    const e = trap();
    assert.ok(e instanceof Error, `trap ${i}`);
    assert.equal(e.name, "IntakeRulesError");
    assert.equal(e.code, "instance_reset");
    assert.ok(e.cause instanceof WebAssembly.RuntimeError, String(e.cause));
    assert.equal(e.issues[0].code, "instance_reset");
  }
  for (const f of [() => old.evaluate({}), () => old.id, () => cal.addWorkingDays("2026-09-30", 1)]) {
    assert.throws(f, (e) => e.name === "IntakeRulesError" && e.code === "instance_reset" && e.issues.length === 1);
  }
  old.free(); // nothing left to free: no error
  assert.equal(Calendar.builtin().addWorkingDays("2026-09-30", 1), "2026-10-08");
  conformance();
});

test("the memory ceiling refuses work before it traps, and frees make room again", () => {
  const previous = setMemoryLimit(24 * 1024 * 1024);
  try {
    const kept = [];
    let refused = null;
    for (let i = 0; i < 10000 && refused === null; i++) {
      try {
        kept.push(Policy.fromJson(fixtureText));
      } catch (e) {
        refused = e;
      }
    }
    assert.ok(refused, "the ceiling was reached");
    assert.equal(refused.name, "PolicyError");
    assert.equal(refused.code, "too_large");
    assert.match(refused.message, /limit/);
    assert.ok(memoryUsage().in_use <= 24 * 1024 * 1024);
    for (const p of kept) p.free();
    Policy.fromJson(fixtureText).free();
  } finally {
    setMemoryLimit(previous);
  }
  conformance();
});
