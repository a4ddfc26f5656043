// Compiled with `tsc --strict` in `make test`: the public declarations are precise enough for a
// strict TypeScript user, with no `any` leaking into their code.
import { Calendar, Policy } from "intake-rules";
import type { Decision, Request, Timeline, ChecklistItem, Diagnostic, Outcome, Target, IntakeRulesError } from "intake-rules";

const cal: Calendar = Calendar.builtin("cn-mainland", { beyond_coverage: "weekends_only" });
const due: string = cal.addWorkingDays("2026-09-30", 5);
const n: number = cal.workingDaysBetween("2026-09-30", due);
const cov: { from: string; to: string } = cal.coverage();
const d2: string = cal.due("2026-09-30", { natural_days: 5 }, [{ from: "2026-10-01", to: "2026-10-02" }]);

const policy: Policy = Policy.fromJson("{}");
const req: Request = { target: "joint", form: { capacity_kva: 400, uscc: "91350100M000100Y43" }, materials: { load_list: "missing" }, submitted_at: "2026-09-30T10:00:00+08:00", locale: "zh-CN" };
const decision: Decision = policy.evaluate(req);
const outcome: Outcome = decision.outcome;
const items: ChecklistItem[] = policy.checklist(req);
const tl: Timeline | null = decision.timeline;
const t2: Timeline = policy.timeline(req);
const lint: Diagnostic[] = policy.lint();
const targets: Target[] = policy.targets();
const ids: string[] = Policy.builtinIds();
const fp: string = policy.fingerprint;
try {
  Policy.fromJson("");
} catch (e) {
  const err = e as IntakeRulesError;
  const line: number | null = err.issues[0]?.line ?? null;
  console.log(err.code, line);
}
console.log(n, cov, d2, outcome, items, tl, t2, lint, targets, ids, fp);

// ---- the portal entry (`intake-rules/portal`): same classes and types, no authoring tools ----
import { Calendar as PCalendar, Policy as PPolicy, PolicySet as PPolicySet } from "intake-rules/portal";
import type {
  CompactDecision, Decision as PDecision, ChecklistItem as PChecklistItem, Timeline as PTimeline,
  Target as PTarget, VersionInfo, IntakeRulesError as PError,
} from "intake-rules/portal";

const pPolicy: PPolicy = PPolicy.builtin("joint-utility-connection");
const pDecision: PDecision = pPolicy.evaluate(req);
const sameDecision: Decision = pDecision; // the portal's Decision is the full package's
const pCompact: CompactDecision = pPolicy.evaluateCompact(req);
const pCompactText: string = pPolicy.evaluateCompactJson(JSON.stringify(req));
const pText: string = pPolicy.evaluateJson(JSON.stringify(req));
const pItems: PChecklistItem[] = pPolicy.checklist(req);
const pTimeline: PTimeline = pPolicy.timeline(req);
const pTargets: PTarget[] = pPolicy.targets();
const pIds: string[] = PPolicy.builtinIds();
const pSet: PPolicySet = PPolicySet.builtin("industrial-drawing-review");
const pSetIds: string[] = PPolicySet.builtinIds();
const pVersions: VersionInfo[] = pSet.versions();
const pInForce: PPolicy = pSet.policyFor(req);
const pCal: PCalendar = PCalendar.builtin(undefined, undefined).withOverrides({ holidays: ["2026-03-02"] });
const pDue: string = pCal.addWorkingDays("2026-09-30", 5);
// The portal declares none of the authoring tools.
// @ts-expect-error lint is not in the portal module
pPolicy.lint();
// @ts-expect-error runCases is not in the portal module
pPolicy.runCases({ cases: [] });
// @ts-expect-error guide is not in the portal module
pPolicy.guide("joint");
// @ts-expect-error guideHtml is not in the portal module
pPolicy.guideHtml("joint");
// @ts-expect-error diff is not in the portal module
PPolicy.diff(pPolicy, pPolicy);
// @ts-expect-error builtinSource is not in the portal module
PPolicy.builtinSource("joint-utility-connection");
// @ts-expect-error set.lint is not in the portal module
pSet.lint();
// @ts-expect-error the authoring types are not exported by the portal entry
type NoGuide = import("intake-rules/portal").Guide;
try {
  PPolicy.fromJson("");
} catch (e) {
  console.log((e as PError).issues.length);
}
console.log(sameDecision, pCompact, pCompactText, pText, pItems, pTimeline, pTargets, pIds, pSetIds, pVersions, pInForce, pDue);
