// Runs the same computations under several host time zones and checks the outputs are
// byte-identical (the module must never read the host's zone).
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const child = `
import { Calendar, Policy } from "intake-rules";
import { readFileSync } from "node:fs";
const cal = Calendar.builtin();
const out = [];
for (let m = 1; m <= 12; m++) for (const h of ["00:00:00", "08:59:59", "16:59:59", "17:00:00", "23:59:59"]) {
  const at = "2026-" + String(m).padStart(2, "0") + "-15T" + h;
  out.push(cal.receivedOn(at), cal.receivedOn(at + "Z"), cal.receivedOn(at + "-05:00"));
}
for (let d = 1; d <= 28; d++) out.push(cal.addWorkingDays("2026-02-" + String(d).padStart(2, "0"), 7));
const p = Policy.fromJson(readFileSync(new URL("tests/engine/policy.json", "file://" + process.cwd() + "/"), "utf8"));
const cases = JSON.parse(readFileSync("tests/conformance/cases.json", "utf8"));
for (const c of cases) if (c.policy === "fixture") { try { out.push(p.evaluateJson(JSON.stringify(c.request))); } catch (e) { out.push(e.code); } }
process.stdout.write(JSON.stringify(out));
`;
const root = fileURLToPath(new URL("..", import.meta.url));
const zones = ["UTC", "Asia/Shanghai", "America/New_York", "Pacific/Kiritimati", "Pacific/Pago_Pago"];
const outputs = zones.map((tz) =>
  execFileSync(process.execPath, ["--input-type=module", "-e", child], { cwd: root, env: { ...process.env, TZ: tz } }).toString(),
);
const differing = zones.filter((_, i) => outputs[i] !== outputs[0]);
if (differing.length) {
  console.error(`time-zone dependence: output under ${differing.join(", ")} differs from ${zones[0]}`);
  process.exit(1);
}
console.log(`tz-identical: ${zones.length} zones, ${outputs[0].length} bytes each, identical`);
