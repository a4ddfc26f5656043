// Node (fixtures/node): require() from CommonJS without Node's require(esm) — the behaviour of
// Node 20.18 and 22.11, which `engines: >=20` admits — ES modules, the init entry in Node, the
// typed errors across entries, and the async-validator adapter with the real async-validator.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { pkgBuilt, prepareFixture, run } from "./lib.mjs";

const skip = pkgBuilt() ? false : "pkg/ is not built (make pkg)";
let dir;

before(async () => {
  if (!skip) dir = await prepareFixture("node");
});

const EXPECTED = {
  outcome: "accepted",
  due: "2026-10-15",
  portalSame: true,
  initSame: true,
  error: { instance: true, portalClass: true, guard: true, name: "RequestError", code: "invalid_json", issues: 1 },
  initResolves: true,
};

/** Runs a script, checks its report; returns the export names it saw. */
async function report(args) {
  const { stdout } = await run("node", args, { cwd: dir });
  const { keys, ...rest } = JSON.parse(stdout);
  assert.deepEqual(rest, EXPECTED);
  for (const name of ["Calendar", "IntakeRulesError", "Policy", "PolicySet", "isIntakeRulesError"]) assert.ok(keys.includes(name), name);
  return keys;
}

test("CommonJS require() with --no-experimental-require-module (Node 20.18 / 22.11 behaviour)", { skip }, async () => {
  const cjs = await report(["--no-experimental-require-module", "cjs.cjs"]);
  assert.deepEqual(cjs, await report(["esm.mjs"]), "require() and import give the same names");
});

test("CommonJS require() with Node's defaults", { skip }, () => report(["cjs.cjs"]));

test("ES modules: import of every entry", { skip }, () => report(["esm.mjs"]));

test("async-validator adapter: rules from the policy, checked by async-validator as el-form does", { skip }, async () => {
  const { stdout } = await run("node", ["adapter.mjs"], { cwd: dir });
  const out = JSON.parse(stdout);
  assert.deepEqual(out.shapes.power_capacity_kva, [
    { required: true, type: "number", validator: "undefined" },
    { type: "number", validator: "undefined" },
    { type: "number", min: 0, max: 1000000, validator: "undefined" },
    { validator: "function" },
  ]);
  assert.deepEqual(out.shapes.project_kind[1], {
    type: "enum", enum: ["industrial", "commercial", "residential", "small_micro"], validator: "undefined",
  });
  assert.deepEqual(out.shapes.uscc, [
    { required: true, type: "string", validator: "undefined" },
    { type: "string", validator: "undefined" },
    { validator: "function" },
  ]);
  assert.deepEqual(out.valid, {});
  assert.deepEqual(out.empty, {
    contact_mobile: "请填写联系人手机号码",
    needs_external_works: "请选择需新建外线接入工程",
    power_capacity_kva: "请填写报装容量(kVA)",
    project_kind: "请选择项目类型",
    uscc: "请填写统一社会信用代码",
    voltage_level: "请选择供电电压等级",
  });
  // The check characters are the engine's: the same verdict and words as the decision's field_errors.
  assert.deepEqual(out.bad, {
    contact_mobile: "联系人手机号码格式不正确（应为 11 位数字，以 13 至 19 开头）",
    power_capacity_kva: "报装容量(kVA)应在 0 至 1000000 之间",
    project_kind: "项目类型应为以下之一：工业项目、商业项目、住宅项目、小微企业",
    uscc: "统一社会信用代码格式不正确（应为 18 位数字或大写英文字母，不含 I、O、S、V、Z，末位为校验码）",
  });
  assert.deepEqual(out.badEn, { uscc: "Unified social credit code is not in the expected format (18 digits or capital letters other than I, O, S, V and Z, the last one a check character)" });
  // A requirement that depends on another field: reported by the engine's check without a
  // decision; marked required (the form's asterisk) once the decision lists it.
  assert.deepEqual(Object.keys(out.agentNoDecision), ["agent_id_number"]);
  assert.equal(out.agentRequiredMarkNoDecision, false);
  assert.equal(out.agentRequiredMarkWithDecision, true);
  assert.deepEqual(out.agentWithDecision, { agent_id_number: "请填写经办人居民身份证号码" });
  assert.deepEqual(out.agentValid, {});
  const statics = ["contact_mobile", "needs_external_works", "power_capacity_kva", "project_kind", "uscc", "voltage_level"];
  // In the policy's own order (targets() lists fields as the document does); compared as a set.
  assert.deepEqual([...out.requiredStatic].sort(), statics);
  // Decisions gain `required_fields`; until then the adapter falls back to the static marks.
  if (out.decisionHasRequiredFields) assert.ok(out.requiredFromDecision.includes("agent_id_number"), out.requiredFromDecision.join());
  else assert.deepEqual([...out.requiredFromDecision].sort(), statics);
});
