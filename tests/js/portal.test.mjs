// The portal entry (`import … from "intake-rules/portal"`): the module a portal's visitors
// download, built without the authoring tools. It must answer exactly as the full package —
// byte for byte on the joint pack's case requests — and must not carry lint, runCases, diff,
// builtinSource, guide or guideHtml.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as portal from "intake-rules/portal";
import * as full from "intake-rules";

const root = new URL("../../", import.meta.url);
const PACK = "joint-utility-connection";
const cases = JSON.parse(readFileSync(new URL(`packs/${PACK}.cases.json`, root), "utf8")).cases;

/** The JSON text of what `f` returns, or of the error it throws (name, code, message, issues). */
const outcome = (f) => {
  try {
    return JSON.stringify({ value: f() });
  } catch (e) {
    assert.ok(e instanceof Error, `throws an Error, not ${String(e)}`);
    return JSON.stringify({ error: { name: e.name, code: e.code, message: e.message, issues: e.issues } });
  }
};

/** Both packages answer `f(lib)` with the same JSON text. */
const same = (what, f) => {
  const a = outcome(() => f(portal));
  const b = outcome(() => f(full));
  assert.equal(a, b, what);
  return a;
};

test("the portal entry exports the same names as the full one, but the authoring locate()", () => {
  // `locate(text, paths)` places findings in a JSON text: a policy-staff tool (CLI, workbench).
  assert.deepEqual(Object.keys(portal).sort(), Object.keys(full).filter((k) => k !== "locate").sort());
  assert.equal(typeof full.locate, "function");
  assert.equal(portal.locate, undefined);
  for (const name of ["Policy", "PolicySet", "Calendar"]) assert.equal(typeof portal[name], "function", name);
  // Separate modules: the portal's classes are not the full package's.
  assert.notEqual(portal.Policy, full.Policy);
});

test("the authoring tools are absent from the portal entry (and present in the full one)", () => {
  const policy = portal.Policy.builtin(PACK);
  for (const m of ["lint", "runCases", "guide", "guideHtml"]) {
    assert.equal(policy[m], undefined, `policy.${m}`);
    assert.equal(typeof full.Policy.builtin(PACK)[m], "function", `full policy.${m}`);
  }
  for (const m of ["diff", "builtinSource"]) {
    assert.equal(portal.Policy[m], undefined, `Policy.${m}`);
    assert.equal(typeof full.Policy[m], "function", `full Policy.${m}`);
  }
  const set = portal.PolicySet.builtin("industrial-drawing-review");
  assert.equal(set.lint, undefined, "set.lint");
  assert.equal(typeof full.PolicySet.builtin("industrial-drawing-review").lint, "function");
});

test("the portal keeps everything a portal uses", () => {
  const policy = portal.Policy.builtin(PACK);
  for (const m of ["targets", "evaluate", "evaluateJson", "evaluateCompact", "evaluateCompactJson", "checklist", "timeline"]) {
    assert.equal(typeof policy[m], "function", `policy.${m}`);
  }
  for (const m of ["fromJson", "fromObject", "builtin", "builtinIds"]) assert.equal(typeof portal.Policy[m], "function", `Policy.${m}`);
  for (const m of ["fromJson", "fromObject", "builtin", "builtinIds"]) assert.equal(typeof portal.PolicySet[m], "function", `PolicySet.${m}`);
  assert.deepEqual(portal.Policy.builtinIds(), full.Policy.builtinIds());
  assert.deepEqual(portal.PolicySet.builtinIds(), full.PolicySet.builtinIds());
});

test(`${PACK}: same pack, same fingerprint, same targets`, () => {
  same("fingerprint", (lib) => lib.Policy.builtin(PACK).fingerprint);
  same("targets", (lib) => lib.Policy.builtin(PACK).targets());
  const text = readFileSync(new URL(`packs/${PACK}.json`, root), "utf8");
  same("fromJson", (lib) => lib.Policy.fromJson(text).fingerprint);
  same("fromJson error", (lib) => lib.Policy.fromJson(text.replace('"format"', '"formt"')));
});

test(`${PACK}: evaluate, evaluateCompact, checklist and timeline are byte-identical on every case request`, () => {
  const p = portal.Policy.builtin(PACK);
  const f = full.Policy.builtin(PACK);
  const pick = (lib) => (lib === portal ? p : f);
  assert.ok(cases.length >= 15);
  for (const { name, request } of cases) {
    same(`${name}: evaluate`, (lib) => pick(lib).evaluate(request));
    same(`${name}: evaluateJson`, (lib) => pick(lib).evaluateJson(JSON.stringify(request)));
    same(`${name}: evaluateCompact`, (lib) => pick(lib).evaluateCompact(request));
    same(`${name}: evaluateCompactJson`, (lib) => pick(lib).evaluateCompactJson(JSON.stringify(request)));
    same(`${name}: checklist`, (lib) => pick(lib).checklist(request));
    same(`${name}: timeline`, (lib) => pick(lib).timeline(request));
  }
  // An unusable request throws the same error.
  same("bad request", (lib) => pick(lib).evaluate({ target: "joint", submitted_at: "2026-09-30" }));
});

test(`${PACK}: Calendar answers are byte-identical on the case requests' days`, () => {
  const cal = { portal: portal.Calendar.builtin(), full: full.Calendar.builtin() };
  const c = (lib) => (lib === portal ? cal.portal : cal.full);
  same("coverage", (lib) => c(lib).coverage());
  for (const { name, request } of cases) {
    const at = request.submitted_at;
    const day = same(`${name}: receivedOn`, (lib) => c(lib).receivedOn(at));
    same(`${name}: receivedOn with cutoff`, (lib) => c(lib).receivedOn(at, "12:00"));
    const received = JSON.parse(day).value;
    for (const n of [0, 1, 5, 20, 60]) {
      same(`${name}: addWorkingDays ${n}`, (lib) => c(lib).addWorkingDays(received, n));
    }
    same(`${name}: workingDaysBetween`, (lib) => c(lib).workingDaysBetween(received, "2026-12-31"));
    for (const period of [{ working_days: 20 }, { natural_days: 30 }, { months: 2 }]) {
      same(`${name}: due ${JSON.stringify(period)}`, (lib) => c(lib).due(received, period, [{ from: received, to: received }]));
    }
  }
  // Every day of the coverage, the estimate beyond it, overrides and an added year.
  const days = [];
  for (let t = Date.UTC(2019, 0, 1); t <= Date.UTC(2026, 11, 31); t += 86_400_000) days.push(new Date(t).toISOString().slice(0, 10));
  assert.equal(days.length, 2922);
  same("isWorkingDay over the coverage", (lib) => days.map((d) => c(lib).isWorkingDay(d)));
  same("beyond coverage", (lib) => c(lib).addWorkingDays("2026-12-25", 10));
  same("weekends_only", (lib) => lib.Calendar.builtin("cn-mainland", { beyond_coverage: "weekends_only" }).addWorkingDays("2026-12-25", 10));
  same("withOverrides", (lib) => c(lib).withOverrides({ holidays: ["2026-03-02"], workdays: ["2026-03-07"] }).addWorkingDays("2026-02-27", 5));
  same("withYear", (lib) => c(lib).withYear(2027, { holidays: ["2027-01-01"], workdays: [], source: "test" }).addWorkingDays("2026-12-31", 1));
  same("withYear error", (lib) => c(lib).withYear(2026, { holidays: [], workdays: [], source: "x" }));
  same("unknown calendar", (lib) => lib.Calendar.builtin("hk"));
});

test("industrial-drawing-review: the built-in policy set decides by the version in force", () => {
  const set = { portal: portal.PolicySet.builtin("industrial-drawing-review"), full: full.PolicySet.builtin("industrial-drawing-review") };
  const s = (lib) => (lib === portal ? set.portal : set.full);
  same("versions", (lib) => s(lib).versions());
  const target = portal.Policy.builtin("industrial-drawing-review").targets()[0].id;
  for (const at of ["2025-12-31T10:00:00+08:00", "2026-01-05T10:00:00+08:00"]) {
    same(`evaluate ${at}`, (lib) => s(lib).evaluate({ target, form: {}, submitted_at: at }));
    same(`policyFor ${at}`, (lib) => s(lib).policyFor({ target, form: {}, submitted_at: at }).version);
  }
  same("unknown set", (lib) => lib.PolicySet.builtin("nope"));
});
