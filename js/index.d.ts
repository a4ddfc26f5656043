// Types of the package entry points (node.js / browser.js). The entry points have already
// instantiated the module, so only the API is exported — not the manual init functions.
export { Policy, PolicySet, Calendar, locate } from "./intake_rules.js";
export type {
  LabelMap, DateString, Period, Pause, Coverage, CalendarOptions, CalendarOverrides,
  YearArrangement, Locale, Severity, Message, Diagnostic, IntakeRulesError, FormValue,
  MaterialStatus, Request, Outcome, Basis, Because, ChecklistItem, MissingItem, Issue, Reason,
  ServiceOutcome, StageTime, ServiceTime, PhaseTime, SerialSlot, Timeline, PolicyBlock, Decision,
  FieldInfo, Target, PolicyDocument, VersionInfo, CompactDecision,
  Guide, GuideLimit, GuidePolicy, GuideReject, GuideTolerance, GuideLimitIf, GuidePause,
  GuideStage, GuideService, GuideMaterialUse, MaterialArea, GuideMaterial, GuideValue, GuideField,
  GuidePhase, GuideBundle,
  CaseExpect, Case, CaseFile, CaseDifference, CaseResult, CaseReport, ChangeKind, PolicyChange,
  CaseChange, AffectedCase, PolicyRef, PolicyDiff,
} from "./intake_rules.js";
export type {
  StatsShare, StatsRange, StatsSpread, StatsDays, RegionStats, TargetStats, PolicyStats,
  ReplaySeen, ReplayChanged, ReplayLineError, ReplayBatch,
} from "./intake_rules.js";
