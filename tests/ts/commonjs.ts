// The package from a CommonJS project (`module: commonjs`, as NestJS and many Express code bases
// compile): the same types through `require`.
import { Calendar, IntakeRulesError, Policy } from "intake-rules";
import type { Decision, ErrorCode, Outcome } from "intake-rules";
import { Policy as PortalPolicy } from "intake-rules/portal";

const policy = Policy.builtin("joint-utility-connection");
const decision: Decision = policy.evaluate({ target: "joint", submitted_at: "2026-09-30T10:00:00+08:00" });
const outcome: Outcome = decision.outcome;
const due: string = Calendar.builtin().due("2026-09-30", { working_days: 3 });
const portal: PortalPolicy = PortalPolicy.fromPublished(policy.publish());
export function codeOf(e: unknown): ErrorCode | null {
  return e instanceof IntakeRulesError ? e.code : null;
}
console.log(outcome, due, portal);
