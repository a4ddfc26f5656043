// Type-checks the declarations of the files this suite ships next to the generated ones
// (init.d.ts, errors.d.ts, adapters/async-validator.d.ts) — tests/embed/types.test.mjs
// compiles it under a bundler/browser config, a Node-only config and CommonJS.
import { init, Policy, IntakeRulesError, isIntakeRulesError } from "intake-rules/init";
import { init as initPortal, Policy as PortalPolicy } from "intake-rules/portal/init";
import { asyncValidatorRules, requiredFieldIds, type AsyncValidatorRule } from "intake-rules/adapters/async-validator";

export async function usage(log: (...values: unknown[]) => void): Promise<void> {
  await init();
  await initPortal("/static/intake-rules-portal.wasm");
  await initPortal(new Uint8Array(0));
  const policy = Policy.builtin("joint-utility-connection");
  const portal = PortalPolicy.fromPublished(policy.publish());
  const decision = portal.evaluate({ target: "joint", submitted_at: "2026-09-30T10:00:00+08:00" });
  const rules: Record<string, AsyncValidatorRule[]> = asyncValidatorRules(portal, "joint", { decision, form: { uscc: "" }, locale: "en" });
  const compact = asyncValidatorRules(policy, "joint", { decision: portal.evaluateCompact({ target: "joint", submitted_at: "2026-09-30T10:00:00+08:00" }) });
  const ids: string[] = requiredFieldIds(policy, "joint", decision);
  try {
    Policy.fromJson("{");
  } catch (e) {
    if (e instanceof IntakeRulesError) {
      const line: number | null = e.issues[0]?.line ?? null;
      log(e.code, line, e.name);
    }
    if (isIntakeRulesError(e, "PolicyError")) {
      const name: "PolicyError" = e.name;
      log(name);
    }
  }
  const own = new IntakeRulesError("the request is not valid JSON", { name: "RequestError", code: "invalid_json" });
  log(rules, compact, ids, own);
}
