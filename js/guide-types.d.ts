/** A time limit with its words: `{limit: {working_days: 3}, text: "3 个工作日"}`. */
export interface GuideLimit { limit: Period; text: string }
/** Which policy version a guide was generated from. */
export interface GuidePolicy {
  id: string;
  version: string;
  title: string;
  effective_from: DateString | null;
  effective_until: DateString | null;
  fingerprint: string;
  calendar: string;
}
/** A not-accepted rule (不予受理情形): the condition as written and in plain language. */
export interface GuideReject { condition: string; when: string; reason: string; basis: Basis | null; redirect: GuideRedirect | null }
/** Where a reject sends the applicant instead (许可 → 备案). */
export interface GuideRedirect { target: string; name: string; text: string }
/** How a commitment (告知承诺) is verified after the fact. */
export interface GuideVerification { method: "site" | "data" | "documents"; within: GuideLimit; text: string }
/** A service's tolerance rule (容缺受理). */
export interface GuideTolerance {
  max_missing: number | null;
  excluded_if: string | null;
  excluded_when: string | null;
  text: string;
  basis: Basis | null;
}
export interface GuideLimitIf { condition: string; when: string; limit: GuideLimit }
/** A period that is not counted (专家评审, 公示 …), optionally only when a condition holds. */
export interface GuidePause {
  name: string;
  length: GuideLimit;
  condition: string | null;
  when: string | null;
  basis: Basis | null;
}
export interface GuideStage {
  id: string;
  name: string;
  after: string[];
  limit: GuideLimit;
  limit_if: GuideLimitIf[];
  pauses: GuidePause[];
  basis: Basis | null;
}
export interface GuideService {
  id: string;
  name: string;
  department: string | null;
  applies_if: string | null;
  who_may_apply: string;
  rejects: GuideReject[];
  materials: string[];
  tolerance: GuideTolerance | null;
  stages: GuideStage[];
  promise: GuideLimit | null;
  legal: GuideLimit | null;
  basis: Basis | null;
}
/** One service's requirement of a material. */
export interface GuideMaterialUse {
  service: string;
  service_name: string;
  always: boolean;
  condition: string | null;
  when: string | null;
  tolerable: GuideLimit | null;
  basis: Basis | null;
}
export type MaterialArea =
  | "general" | "national_security" | "public_safety" | "ecology_environment"
  | "health_life_property" | "finance";
export interface GuideMaterial {
  id: string;
  name: string;
  description: string | null;
  required: "always" | "conditional";
  required_text: string;
  uses: GuideMaterialUse[];
  used_by: string[];
  electronic: boolean;
  commitment: boolean;
  verification: GuideVerification | null;
  area: MaterialArea;
  tolerable: boolean;
  /** The first service entry's basis, else the catalogue's (as the checklist says). */
  basis: Basis | null;
  catalogue_basis: Basis | null;
}
export interface GuideValue { value: string; label: string }
export interface GuideField {
  id: string;
  label: string;
  type: "string" | "number" | "bool" | "enum" | "date";
  required: boolean;
  required_when: string | null;
  values: GuideValue[];
  source: "applicant" | "office" | "shared_data";
}
export interface GuidePhase { name: string; limit: GuideLimit }
export interface GuideBundle {
  intake: GuidePhase | null;
  finish: GuidePhase | null;
  promise: GuideLimit | null;
  legal: GuideLimit | null;
  basis: Basis | null;
}
/** The service guide (办事指南) of a service or bundle, generated from the policy. */
export interface Guide {
  target: string;
  kind: "service" | "bundle";
  locale: Locale;
  title: string;
  policy: GuidePolicy;
  services: GuideService[];
  materials: GuideMaterial[];
  fields: GuideField[];
  bundle: GuideBundle | null;
  promise: GuideLimit | null;
  legal: GuideLimit | null;
  basis: Basis | null;
}
