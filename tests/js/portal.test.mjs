// The portal entry (`import … from "intake-rules/portal"`): the module a portal's visitors
// download, built without the loader and the authoring tools: it loads published policies only
// (`Policy.fromPublished`, the files `intake-rules publish` writes; the package ships its packs'
// in `published/`). It must answer exactly as the full package — byte for byte on the joint
// pack's case requests — and must not carry fromJson, builtin, lint, runCases, diff,
// builtinSource, guide or guideHtml.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as portal from "intake-rules/portal";
import * as full from "intake-rules";

const root = new URL("../../", import.meta.url);
const PACK = "joint-utility-connection";
const cases = JSON.parse(readFileSync(new URL(`packs/${PACK}.cases.json`, root), "utf8")).cases;
/** A published file the package ships (pkg/published/). */
const published = (name) => readFileSync(new URL(`pkg/published/${name}`, root));
/** The pack as each module loads it: published in the portal, built in in the full module. */
const load = (lib, id = PACK) => (lib === portal ? portal.Policy.fromPublished(published(`${id}.bin`)) : full.Policy.builtin(id));

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
  const policy = load(portal);
  for (const m of ["lint", "runCases", "guide", "guideHtml"]) {
    assert.equal(policy[m], undefined, `policy.${m}`);
    assert.equal(typeof full.Policy.builtin(PACK)[m], "function", `full policy.${m}`);
  }
  for (const m of ["diff", "builtinSource"]) {
    assert.equal(portal.Policy[m], undefined, `Policy.${m}`);
    assert.equal(typeof full.Policy[m], "function", `full Policy.${m}`);
  }
  const set = portal.PolicySet.fromPublished(published("industrial-drawing-review.versions.bin"));
  assert.equal(set.lint, undefined, "set.lint");
  assert.equal(typeof full.PolicySet.builtin("industrial-drawing-review").lint, "function");
});

test("the portal keeps everything a portal uses, and loads published policies only", () => {
  const policy = load(portal);
  for (const m of ["targets", "evaluate", "evaluateJson", "evaluateCompact", "evaluateCompactJson", "checklist", "timeline"]) {
    assert.equal(typeof policy[m], "function", `policy.${m}`);
  }
  assert.equal(policy.publish, undefined, "policy.publish");
  for (const cls of ["Policy", "PolicySet"]) {
    assert.equal(typeof portal[cls].fromPublished, "function", `portal ${cls}.fromPublished`);
    assert.equal(typeof full[cls].fromPublished, "function", `full ${cls}.fromPublished`);
    for (const m of ["fromJson", "fromObject", "builtin", "builtinIds"]) {
      // Not there: a call says what to do instead rather than "is not a function".
      assert.throws(() => portal[cls][m]("{}"), (e) => e instanceof TypeError && e.message.includes(`${cls}.fromPublished(bytes)`), `portal ${cls}.${m}`);
      assert.equal(typeof full[cls][m], "function", `full ${cls}.${m}`);
    }
  }
  // The package publishes every built-in pack and set.
  const index = JSON.parse(published("index.json"));
  assert.deepEqual(index, { policies: full.Policy.builtinIds(), sets: full.PolicySet.builtinIds() });
  for (const id of index.policies) assert.equal(portal.Policy.fromPublished(published(`${id}.bin`)).id, full.Policy.builtin(id).id);
});

test("published bytes load the same in both modules; damaged ones are the same PolicyError", () => {
  const bytes = full.Policy.builtin(PACK).publish();
  assert.ok(bytes instanceof Uint8Array);
  assert.deepEqual(Buffer.from(bytes), published(`${PACK}.bin`), "the shipped file is what publish() writes");
  same("Uint8Array", (lib) => lib.Policy.fromPublished(bytes).fingerprint);
  same("ArrayBuffer", (lib) => lib.Policy.fromPublished(bytes.slice().buffer).fingerprint);
  const cut = bytes.slice(0, bytes.length - 10);
  const altered = bytes.slice();
  altered[100] ^= 1;
  for (const [what, b] of [["cut", cut], ["altered", altered], ["empty", new Uint8Array(0)], ["text", new TextEncoder().encode("{}")]]) {
    const a = same(what, (lib) => lib.Policy.fromPublished(b));
    assert.equal(JSON.parse(a).error.code, "bad_published", what);
  }
  const notBytes = same("a string", (lib) => lib.Policy.fromPublished("IRPUB"));
  assert.equal(JSON.parse(notBytes).error.code, "type_mismatch");
  const set = same("a set as a policy", (lib) => lib.Policy.fromPublished(published("industrial-drawing-review.versions.bin")));
  assert.equal(JSON.parse(set).error.name, "PolicyError");
});

test(`${PACK}: same pack, same fingerprint, same targets`, () => {
  same("fingerprint", (lib) => load(lib).fingerprint);
  same("targets", (lib) => load(lib).targets());
  same("id and version", (lib) => [load(lib).id, load(lib).version]);
  const text = readFileSync(new URL(`packs/${PACK}.json`, root), "utf8");
  assert.equal(full.Policy.fromJson(text).fingerprint, load(portal).fingerprint);
});

test(`${PACK}: evaluate, evaluateCompact, checklist and timeline are byte-identical on every case request`, () => {
  const p = load(portal);
  const f = load(full);
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
  const set = {
    portal: portal.PolicySet.fromPublished(published("industrial-drawing-review.versions.bin")),
    full: full.PolicySet.builtin("industrial-drawing-review"),
  };
  const s = (lib) => (lib === portal ? set.portal : set.full);
  same("versions", (lib) => s(lib).versions());
  const target = load(portal, "industrial-drawing-review").targets()[0].id;
  for (const at of ["2025-12-31T10:00:00+08:00", "2026-01-05T10:00:00+08:00"]) {
    same(`evaluate ${at}`, (lib) => s(lib).evaluate({ target, form: {}, submitted_at: at }));
    same(`policyFor ${at}`, (lib) => s(lib).policyFor({ target, form: {}, submitted_at: at }).version);
  }
  same("published set round trip", (lib) => lib.PolicySet.fromPublished(full.PolicySet.builtin("industrial-drawing-review").publish()).versions());
});
