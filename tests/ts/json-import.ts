// A policy document imported from a JSON file (TypeScript widens its numbers to `number` and
// its strings to `string`) is a PolicyDocument; so is a versions file for PolicySet.
import { Policy, PolicySet } from "intake-rules";
import type { PolicyDocument } from "intake-rules";
import joint from "../../packs/joint-utility-connection.json" with { type: "json" };
import drawing from "../../packs/industrial-drawing-review.json" with { type: "json" };
import versions from "../../packs/industrial-drawing-review.versions.json" with { type: "json" };

const a: Policy = Policy.fromObject(joint);
const b: Policy = Policy.fromObject(drawing);
const doc: PolicyDocument = joint;
const set: PolicySet = PolicySet.fromObject(versions);
console.log(a, b, doc, set);
