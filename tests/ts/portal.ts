// Typed usage of the portal entry `intake-rules/portal`: the same classes and types, without the
// loader (it loads published policies only) and the policy staff's tools.
import { Calendar, IntakeRulesError, Policy, PolicySet } from "intake-rules/portal";
import type { CompactDecision, Decision, ErrorCode, Request, Target, VersionInfo } from "intake-rules/portal";
import type { Decision as FullDecision } from "intake-rules";

const req: Request = { target: "joint", submitted_at: "2026-09-30T10:00:00+08:00" };
declare const bytes: Uint8Array;
declare const buffer: ArrayBuffer;
const policy: Policy = Policy.fromPublished(bytes);
const fromBuffer: Policy = Policy.fromPublished(buffer);
const decision: Decision = policy.evaluate(req);
const same: FullDecision = decision; // the portal's Decision is the full package's
const compact: CompactDecision = policy.evaluateCompact(req);
const compactText: string = policy.evaluateCompactJson(JSON.stringify(req));
const targets: Target[] = policy.targets();
const set: PolicySet = PolicySet.fromPublished(bytes);
const versions: VersionInfo[] = set.versions();
const due: string = Calendar.builtin().withOverrides({ holidays: ["2026-03-02"] }).addWorkingDays("2026-09-30", 5);
try {
  Policy.fromPublished(new Uint8Array(0));
} catch (e) {
  if (e instanceof IntakeRulesError) {
    const code: ErrorCode = e.code;
    console.log(code, e.issues.length);
  }
}
// The portal declares neither the loader nor the authoring tools.
// @ts-expect-error fromJson is not in the portal module
Policy.fromJson("{}");
// @ts-expect-error builtin is not in the portal module
PolicySet.builtin("industrial-drawing-review");
// @ts-expect-error publish is not in the portal module
policy.publish();
// @ts-expect-error lint is not in the portal module
policy.lint();
// @ts-expect-error runCases is not in the portal module
policy.runCases({ cases: [] });
// @ts-expect-error guide is not in the portal module
policy.guide("joint");
// @ts-expect-error guideHtml is not in the portal module
policy.guideHtml("joint");
// @ts-expect-error diff is not in the portal module
Policy.diff(policy, policy);
// @ts-expect-error builtinSource is not in the portal module
Policy.builtinSource("joint-utility-connection");
// @ts-expect-error set.lint is not in the portal module
set.lint();
// @ts-expect-error the authoring types are not exported by the portal entry
type NoGuide = import("intake-rules/portal").Guide;
// @ts-expect-error nor the manual init functions (the entries instantiate the module)
import("intake-rules/portal").then((m) => m.initSync);
console.log(same, compact, compactText, targets, versions, due, fromBuffer);
