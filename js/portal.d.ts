// Types of the portal entry `intake-rules/portal` (portal/node.js / portal/browser.js): the
// module a portal's visitors download. The same classes as `intake-rules`, without the policy
// staff's tools (lint, runCases, diff, builtinSource, guide, guideHtml): its intake_rules.d.ts
// is generated from the portal build, so those methods and their types are not declared.
export { Policy, PolicySet, Calendar, setMemoryLimit, memoryLimit, memoryUsage } from "./intake_rules.js";
export type {
  LabelMap, DateString, Period, Pause, Coverage, CalendarOptions, CalendarOverrides,
  YearArrangement, Locale, Severity, Message, Diagnostic, IntakeRulesError, FormValue,
  MaterialStatus, Request, Outcome, Basis, Because, ChecklistItem, MissingItem, Issue, Reason,
  ServiceOutcome, StageTime, ServiceTime, PhaseTime, SerialSlot, Timeline, PolicyBlock, Decision,
  FieldInfo, Target, PolicyDocument, VersionInfo, CompactDecision, MemoryUsage,
} from "./intake_rules.js";
