// Writes the built-in packs in their published form into pkg/published/ (run by
// scripts/build-pkg.sh once pkg/ is built): what a portal serves to the portal module, which
// loads published policies only (`Policy.fromPublished`, `PolicySet.fromPublished`).
//   pkg/published/<id>.bin            each built-in policy pack (Policy.builtinIds())
//   pkg/published/<id>.versions.bin   each built-in policy set (PolicySet.builtinIds())
//   pkg/published/index.json          {"policies": [ids], "sets": [ids]}
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const pkg = join(dirname(fileURLToPath(import.meta.url)), "..", "pkg");
const { Policy, PolicySet } = await import(join(pkg, "node.js"));
const out = join(pkg, "published");
mkdirSync(out, { recursive: true });
const policies = Policy.builtinIds();
const sets = PolicySet.builtinIds();
for (const id of policies) {
  const p = Policy.builtin(id);
  writeFileSync(join(out, `${id}.bin`), p.publish());
  p.free();
}
for (const id of sets) {
  const s = PolicySet.builtin(id);
  writeFileSync(join(out, `${id}.versions.bin`), s.publish());
  s.free();
}
writeFileSync(join(out, "index.json"), JSON.stringify({ policies, sets }, null, 2) + "\n");
