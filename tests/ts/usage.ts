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
