// The negative type test: tsc must reject rejects.ts with exactly the errors its lines are
// marked with (`// TS2367` …) and no other — a misspelt error code, outcome or status that
// compiled would fail this test.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const here = fileURLToPath(new URL(".", import.meta.url));
const expected = new Set();
readFileSync(`${here}/rejects.ts`, "utf8").split("\n").forEach((line, i) => {
  const m = line.match(/\/\/ (TS\d+)\s*$/);
  if (m) expected.add(`${i + 1} ${m[1]}`);
});
if (expected.size < 10) throw new Error(`rejects.ts: only ${expected.size} marked lines`);

let output = "";
try {
  output = execFileSync("tsc", ["-p", `${here}/tsconfig.rejects.json`, "--pretty", "false"], { encoding: "utf8" });
} catch (e) {
  output = `${e.stdout ?? ""}${e.stderr ?? ""}`;
}
const actual = new Set();
for (const m of output.matchAll(/rejects\.ts\((\d+),\d+\): error (TS\d+)/g)) actual.add(`${m[1]} ${m[2]}`);
const other = output.split("\n").filter((l) => /error TS/.test(l) && !/rejects\.ts\(/.test(l));

const missing = [...expected].filter((x) => !actual.has(x));
const extra = [...actual].filter((x) => !expected.has(x));
if (missing.length || extra.length || other.length) {
  console.error(output);
  console.error(`accepted but should be rejected (line code): ${missing.join(", ") || "none"}`);
  console.error(`unexpected errors (line code): ${extra.join(", ") || "none"}`);
  if (other.length) console.error(`errors in other files:\n${other.join("\n")}`);
  process.exit(1);
}
console.log(`rejects.ts: tsc rejected all ${expected.size} marked lines, and nothing else`);
