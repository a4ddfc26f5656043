// tsc must REJECT each line marked `// TS<code>` with that error, and nothing else in this file
// (checked by rejects.mjs): misspelt codes, outcomes and statuses, and calls the types forbid.
import { Calendar, IntakeRulesError, Policy } from "intake-rules";
import type { Decision, ErrorCode, Outcome, PolicyDocument, Request } from "intake-rules";

declare const decision: Decision;
declare const e: unknown;
if (e instanceof IntakeRulesError) {
  const ok: boolean = e.code === "required";
  const misspelt: boolean = e.code === "requried"; // TS2367
  const badName: boolean = e.name === "ParseError"; // TS2367
  void [ok, misspelt, badName];
}
const outcomeTypo: boolean = decision.outcome === "acepted"; // TS2367
const issueTypo: boolean = decision.field_errors[0]?.code === "requird"; // TS2367
const o: Outcome = "accepted_with_tolerence"; // TS2820
const c: ErrorCode = "bad-date"; // TS2820
const req: Request = { target: "joint", submitted_at: "2026-09-30T10:00:00+08:00", materials: { licence: "given" } }; // TS2322
const req2: Request = { target: "joint", submitted_at: "2026-09-30T10:00:00+08:00", locle: "en" }; // TS2561
Calendar.builtin().due("2026-09-30", { workdays: 3 }); // TS2353
Calendar.builtin().withOverrides({ holydays: ["2026-03-02"] }); // TS2561
Policy.fromObject({ format: 1, id: "x", version: "1", title: { "zh-CN": "x" }, fields: {}, materials: {}, servces: {} }); // TS2561
const doc: PolicyDocument = { format: 1, id: "x", version: "1", title: { en: "x" }, fields: {}, materials: {}, services: {} }; // TS2741
export const used = [o, c, req, req2, doc, outcomeTypo, issueTypo];
