// The custom elements' declarations (browser config only: they need the DOM lib).
import { defineIntakeElements, type IntakeNoticeElement } from "intake-rules/elements";
import { Policy } from "intake-rules/portal";

const notice: IntakeNoticeElement = document.createElement("intake-notice");
declare const published: Uint8Array; // the published policy the page serves
notice.decision = Policy.fromPublished(published).evaluate({ target: "joint", submitted_at: "2026-09-30T10:00:00+08:00" });
defineIntakeElements(customElements);
