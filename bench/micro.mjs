// Scratch micro-benchmark (not part of make bench).
process.env.TZ = "Asia/Shanghai";
import { readFileSync } from "node:fs";
const { Policy } = await import("intake-rules");
const { makeRequests } = await import("./inputs.mjs");
const policy = Policy.fromJson(readFileSync("packs/joint-utility-connection.json", "utf8"));
const reqs = makeRequests(400, 0x1a7a6e).map(r => r.request ?? r);
const texts = reqs.map(r => JSON.stringify(r));
const now = process.hrtime.bigint;
function m(name, inputs, fn) {
  for (let k = 0; k < 3; k++) for (const x of inputs) fn(x);
  const s = [];
  for (let k = 0; k < 10; k++) for (const x of inputs) { const t = now(); fn(x); s.push(Number(now() - t)); }
  s.sort((a, b) => a - b);
  console.log(name.padEnd(40), (s[s.length >> 1] / 1000).toFixed(2), "µs");
}
let sink = 0;
m("compact(obj)", reqs, r => { sink ^= policy.evaluateCompact(r).outcome.length; });
m("compactJson(text)", texts, t => { sink ^= policy.evaluateCompactJson(t).length; });
m("stringify+compactJson+parse", reqs, r => { sink ^= JSON.parse(policy.evaluateCompactJson(JSON.stringify(r))).outcome.length; });
m("evaluate(obj)", reqs, r => { sink ^= policy.evaluate(r).outcome.length; });
m("stringify+evaluateJson+parse", reqs, r => { sink ^= JSON.parse(policy.evaluateJson(JSON.stringify(r))).outcome.length; });
m("evaluateJson(text)", texts, t => { sink ^= policy.evaluateJson(t).length; });
console.log("sink", sink, "req bytes avg", texts.reduce((a, t) => a + t.length, 0) / texts.length);
