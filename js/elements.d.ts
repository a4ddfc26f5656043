// Declarations of elements.js (browser-only: these need the DOM lib).
import type { Decision } from "./intake_rules.js";

declare class IntakeDecisionElement extends HTMLElement {
  /** The decision to render (`policy.evaluate(request)`), or null. Set as a property. */
  decision: Decision | null;
}
/** `<intake-notice>`: the outcome and the one-time notice (一次性告知). */
export declare class IntakeNoticeElement extends IntakeDecisionElement {}
/** `<intake-checklist>`: the materials, their status, what is missing or tolerated. */
export declare class IntakeChecklistElement extends IntakeDecisionElement {}
/** `<intake-timeline>`: received day, each phase, service and stage with dates, the due day. */
export declare class IntakeTimelineElement extends IntakeDecisionElement {}

export declare const ELEMENTS: {
  "intake-notice": typeof IntakeNoticeElement;
  "intake-checklist": typeof IntakeChecklistElement;
  "intake-timeline": typeof IntakeTimelineElement;
};

/** Defines the three elements (done on import); names already defined are left alone. */
export declare function defineIntakeElements(registry?: CustomElementRegistry): void;

declare global {
  interface HTMLElementTagNameMap {
    "intake-notice": IntakeNoticeElement;
    "intake-checklist": IntakeChecklistElement;
    "intake-timeline": IntakeTimelineElement;
  }
}
