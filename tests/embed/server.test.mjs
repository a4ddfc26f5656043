// Back-ends re-checking the browser's decision (fixtures/server): the Express example (ES
// module) and the NestJS example (CommonJS, compiled TypeScript, run without require(esm)) of
// docs/integration.md, started as processes and sent good and bad requests. Both answer the
// same contract: fingerprint first (missing → 400, different → 409), the server's clock and
// decision, JSON errors with the engine's code and issues, never an HTML page or a stack.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { Policy } from "../../pkg/node.js";
import { REQUEST } from "./fixtures/shared/check.js";
import { freePort, pkgBuilt, prepareFixture, run, startProcess } from "./lib.mjs";

const skip = pkgBuilt() ? false : "pkg/ is not built (make pkg)";
let dir;
before(async () => {
  if (skip) return;
  dir = await prepareFixture("server");
  await run("node", ["build-nest.mjs"], { cwd: dir });
});

const fingerprint = skip ? "" : Policy.builtin("joint-utility-connection").fingerprint;

/** China's civil date now (the server stamps submitted_at with its clock). */
const chinaToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

async function post(base, { body, headers = {}, type = "application/json" }) {
  const res = await fetch(`${base}/api/applications`, {
    method: "POST",
    headers: { ...(type ? { "content-type": type } : {}), ...headers },
    body,
  });
  const text = await res.text();
  assert.match(res.headers.get("content-type") ?? "", /^application\/json/, `${res.status} is JSON: ${text.slice(0, 200)}`);
  assert.doesNotMatch(text, /<html|<pre>|at .*\.js:\d+/i, "no HTML page, no stack trace");
  return { status: res.status, json: JSON.parse(text) };
}

async function contract(base) {
  const good = JSON.stringify({ ...REQUEST, submitted_at: "2020-01-02T10:00:00+08:00" });
  const fp = { "x-policy-fingerprint": fingerprint };

  // Accepted: 201 with the server's decision, received by the server's clock.
  const ok = await post(base, { body: good, headers: fp });
  assert.equal(ok.status, 201, JSON.stringify(ok.json).slice(0, 300));
  assert.equal(ok.json.decision.outcome, "accepted");
  assert.equal(ok.json.decision.policy.fingerprint, fingerprint);
  assert.notEqual(ok.json.decision.received_on, "2020-01-02", "the browser's submitted_at is not trusted");
  assert.ok(ok.json.decision.received_on >= chinaToday(), ok.json.decision.received_on);

  // The fingerprint comes first: missing → 400, different → 409 even for a broken body.
  const missing = await post(base, { body: good });
  assert.equal(missing.status, 400);
  assert.equal(missing.json.error.code, "missing_fingerprint");
  const stale = await post(base, { body: "{not json", headers: { "x-policy-fingerprint": "sha256:0000" } });
  assert.equal(stale.status, 409);
  assert.equal(stale.json.error.code, "policy_changed");
  assert.equal(stale.json.error.fingerprint, fingerprint);

  // Malformed JSON → 400 with the code and issues, as the engine's errors.
  const bad = await post(base, { body: '{"target": "joint",', headers: fp });
  assert.equal(bad.status, 400);
  assert.equal(bad.json.error.name, "RequestError");
  assert.equal(bad.json.error.code, "invalid_json");
  assert.equal(bad.json.error.issues[0].code, "invalid_json");

  // JSON the engine cannot decide → 400 with the engine's RequestError.
  const undecidable = await post(base, { body: JSON.stringify({ ...REQUEST, target: "castle" }), headers: fp });
  assert.equal(undecidable.status, 400);
  assert.equal(undecidable.json.error.name, "RequestError");
  assert.equal(undecidable.json.error.code, "unknown_target");
  assert.equal(undecidable.json.error.issues[0].code, "unknown_target");
  const notObject = await post(base, { body: "[1,2]", headers: fp });
  assert.equal(notObject.status, 400);
  assert.equal(notObject.json.error.code, "bad_request");

  // Decided, but not acceptable → 422 with the decision (field errors, the one-time notice).
  const wrong = await post(base, { body: JSON.stringify({ ...REQUEST, form: { ...REQUEST.form, uscc: "91350100M000100Y44" } }), headers: fp });
  assert.equal(wrong.status, 422);
  assert.equal(wrong.json.decision.outcome, "needs_correction");
  assert.equal(wrong.json.decision.field_errors[0].path, "form.uscc");

  // Too large → 413 JSON.
  const huge = await post(base, { body: JSON.stringify({ ...REQUEST, form: { ...REQUEST.form, note: "x".repeat(100_000) } }), headers: fp });
  assert.equal(huge.status, 413);
  return { ok, bad, wrong };
}

async function withServer(args, env, f) {
  const port = await freePort();
  const server = await startProcess("node", args, { cwd: dir, env: { ...env, PORT: String(port), NODE_ENV: "development" }, url: `http://127.0.0.1:${port}/health` });
  try {
    return await f(`http://127.0.0.1:${port}`);
  } finally {
    await server.stop();
  }
}

test("Express 5 (ES module): the docs' back-end", { skip, timeout: 60_000 }, () =>
  withServer(["express-app.mjs"], {}, async (base) => {
    await contract(base);
    const wrongType = await post(base, { body: "x", headers: { "x-policy-fingerprint": fingerprint }, type: "text/plain" });
    assert.equal(wrongType.status, 415);
    const nowhere = await fetch(`${base}/nowhere`);
    assert.equal(nowhere.status, 404);
    assert.match(nowhere.headers.get("content-type"), /json/);
  }),
);

test("NestJS 11 (CommonJS, require without require(esm)): the docs' back-end", { skip, timeout: 60_000 }, () =>
  withServer(["--no-experimental-require-module", join("nest", "dist", "main.js")], {}, async (base) => {
    await contract(base);
    const nowhere = await fetch(`${base}/nowhere`, { method: "POST" });
    assert.equal(nowhere.status, 404);
    assert.equal((await nowhere.json()).error.code, "not_found");
  }),
);
