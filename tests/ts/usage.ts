// Typed usage of the full package `intake-rules`, compiled by tsc under a browser config, a
// Node-only config and a CommonJS config (make test-ts): the public declarations are precise
// enough for a strict TypeScript user, with no `any` leaking into their code.
import { Calendar, IntakeRulesError, Policy, PolicySet, isIntakeRulesError, locate } from "intake-rules";
import type {
  Basis, CaseFile, CaseReport, ChecklistItem, CompactDecision, DateString, Decision, Diagnostic,
  ErrorCode, FieldInfo, FieldType, Guide, IntakeRulesErrorName, Issue, LabelMap, Locale,
  MaterialStatus, Outcome, Period, PolicyChange, PolicyDiff, PolicyDocument, Request, Severity,
  Target, Timeline, VersionInfo,
} from "intake-rules";

// ---- Calendar: optional parameters where the runtime defaults them ----
const cal: Calendar = Calendar.builtin();
const cal2: Calendar = Calendar.builtin("cn-mainland");
const cal3: Calendar = Calendar.builtin("cn-mainland", { beyond_coverage: "weekends_only" });
const cal4: Calendar = Calendar.builtin(undefined, { beyond_coverage: "error" });
const received: DateString = cal.receivedOn("2026-09-30T18:00:00+08:00");
const received2: string = cal.receivedOn("2026-09-30T18:00:00+08:00", "17:30");
const due: string = cal.due("2026-09-30", { working_days: 5 });
const due2: string = cal.due("2026-09-30", { natural_days: 5 }, [{ from: "2026-10-01", to: "2026-10-02" }]);
const due3: string = cal.due("2026-09-30", { months: 1 }, []);
const added: string = cal2.addWorkingDays("2026-09-30", 5);
const n: number = cal3.workingDaysBetween("2026-09-30", added);
const cov: { from: string; to: string } = cal4.coverage();
const working: boolean = cal.isWorkingDay("2026-10-01");
const local: Calendar = cal.withOverrides({ holidays: ["2026-03-02"] }).withYear(2031, { holidays: [], workdays: [], source: "国办发明电〔2030〕1号" });
cal.free();

// ---- Policy: evaluate, compact, checklist, timeline, targets ----
const policy: Policy = Policy.builtin("joint-utility-connection");
const req: Request = {
  target: "joint",
  form: { capacity_kva: 400, uscc: "91350100M000100Y43", applicant_is_agent: false, note: null },
  materials: { load_list: "missing", licence: "electronic" },
  submitted_at: "2026-09-30T10:00:00+08:00",
  locale: "en",
};
const decision: Decision = policy.evaluate(req);
const outcome: Outcome = decision.outcome;
const text: string = policy.evaluateJson(JSON.stringify(req));
const compact: CompactDecision = policy.evaluateCompact(req);
const compactOutcome: Outcome = compact.services[0]?.outcome ?? compact.outcome;
const items: ChecklistItem[] = policy.checklist(req);
const status: MaterialStatus = items[0]?.status ?? "provided";
const basis: Basis | null = items[0]?.basis ?? null;
const tl: Timeline | null = decision.timeline;
const limit: Period | null = tl?.promise ?? null;
const t2: Timeline = policy.timeline(req);
const dueDay: DateString = t2.due;
const targets: Target[] = policy.targets();
const field: FieldInfo | undefined = targets[0]?.fields[0];
const fieldType: FieldType | undefined = field?.type;
const label: string = field?.label["zh-CN"] ?? "";
const words: LabelMap | undefined = targets[0]?.conditions["capacity_kva > 160"];
const ids: string[] = Policy.builtinIds();
const fp: string = policy.fingerprint;
const fieldIssues: Issue[] = decision.field_errors;
const firstCode: ErrorCode | undefined = fieldIssues[0]?.code;

// Outcomes and codes are closed unions: a switch can be exhaustive.
function outcomeWords(o: Outcome): string {
  switch (o) {
    case "accepted": return "受理";
    case "accepted_with_tolerance": return "容缺受理";
    case "needs_correction": return "补正";
    case "not_accepted": return "不予受理";
    default: { const never: never = o; return never; }
  }
}
function isFormProblem(c: ErrorCode): boolean {
  return c === "required" || c === "format" || c === "range" || c === "not_in_enum";
}

// ---- errors: a class to catch with, and a guard ----
try {
  Policy.fromJson("{");
} catch (e) {
  if (e instanceof IntakeRulesError) {
    const name: IntakeRulesErrorName = e.name;
    const code: ErrorCode = e.code;
    const issues: Diagnostic[] = e.issues;
    const line: number | null = issues[0]?.line ?? null;
    const severity: Severity | undefined = issues[0]?.severity;
    const zh: string | undefined = issues[0]?.message["zh-CN"];
    const message: string = e.message;
    console.log(name, code, line, severity, zh, message, e instanceof Error);
  }
  if (isIntakeRulesError(e, "PolicyError")) {
    const name: "PolicyError" = e.name;
    console.log(name, e.code === "invalid_json");
  }
}

// ---- authoring tools (full package only) ----
const lint: Diagnostic[] = policy.lint();
const cases: CaseFile = {
  cases: [{ name: "one", request: req, expect: { outcome: "accepted", due: null, services: { power: "accepted" } } }],
};
const report: CaseReport = policy.runCases(cases);
const passed: boolean = report.cases[0]?.passed ?? false;
const diff: PolicyDiff = Policy.diff(policy, policy);
const diff2: PolicyDiff = Policy.diff(policy, policy, cases);
const change: PolicyChange | undefined = diff2.changes[0];
const kindIsLabel: boolean = change?.kind === "label_changed";
const guide: Guide = policy.guide("joint");
const guideEn: Guide = policy.guide("joint", "en");
const guideLocale: Locale = guideEn.locale;
const html: string = policy.guideHtml("joint", "zh-CN");
const source: string = Policy.builtinSource("joint-utility-connection");
const positions: [number, number][] = locate(source, ["services.power"]);

// ---- policy documents: an object literal, checked key by key ----
const doc: PolicyDocument = {
  format: 1,
  id: "demo",
  version: "1",
  title: { "zh-CN": "示例", en: "Demo" },
  fields: { capacity_kva: { type: "number", label: { "zh-CN": "容量" }, min: 0, required: true } },
  materials: { licence: { name: { "zh-CN": "营业执照" }, electronic: true } },
  services: { power: { name: { "zh-CN": "用电报装" }, stages: [{ id: "accept", limit: { working_days: 1 } }] } },
};
const fromDoc: Policy = Policy.fromObject(doc);

// ---- policy sets ----
const set: PolicySet = PolicySet.builtin("industrial-drawing-review");
const versions: VersionInfo[] = set.versions();
const inForce: Policy = set.policyFor(req);
const setDecision: Decision = set.evaluate(req);
const all: Policy[] = set.policies();
const setLint: Diagnostic[] = set.lint();
const fromSetDoc: PolicySet = PolicySet.fromObject({ versions: [doc] });

console.log(
  cal, received, received2, due, due2, due3, n, cov, working, local, outcome, text, compactOutcome,
  status, basis, limit, dueDay, fieldType, label, words, ids, fp, firstCode, outcomeWords, isFormProblem,
  lint, passed, diff, kindIsLabel, guide, guideLocale, html, positions, fromDoc, versions, inForce,
  setDecision, all, setLint, fromSetDoc,
);
