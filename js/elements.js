// Framework-free custom elements that render a decision (policy.evaluate's result) in any page:
//
//   import "intake-rules/elements";          // defines the three elements once
//   <intake-notice></intake-notice> <intake-checklist></intake-checklist> <intake-timeline></intake-timeline>
//   for (const el of document.querySelectorAll("intake-notice, intake-checklist, intake-timeline"))
//     el.decision = decision;                 // a property, not an attribute (Vue: :decision="d")
//
// Everything the engine says (material and service names, the notice) comes localised in the
// decision; these elements only add a few words of their own, in the `locale` attribute's
// language (zh-CN, the default, or en; else the nearest `lang`). They render into a shadow
// root with text nodes only (no HTML from the decision is ever parsed), expose `part`s for
// styling (`intake-checklist::part(item missing)`) and the CSS custom properties
// --intake-accent, --intake-muted, --intake-ok, --intake-warn, --intake-bad; the host gets
// `data-outcome` for page-level styling. Importing this file where there is no DOM (server-side
// rendering) defines nothing and throws nothing.

const WORDS = {
  "zh-CN": {
    outcome: { accepted: "受理", accepted_with_tolerance: "容缺受理", needs_correction: "补正", not_accepted: "不予受理" },
    status: { provided: "已提交", electronic: "电子证照", committed: "告知承诺", missing: "缺失" },
    empty: "尚无受理结论",
    noMaterials: "无需提交材料",
    checklist: "申请材料",
    usedBy: (s) => `用于：${s}`,
    tolerated: (d) => (d ? `容缺，${d} 前补齐` : "容缺"),
    mustCorrect: "须补正后受理",
    timeline: "办理时限",
    noTimeline: "结论为补正或不予受理时不排定办理时限",
    received: "收件",
    intake: "受理",
    finish: "出件",
    supplement: "容缺材料补齐",
    range: (a, b, n) => `${a} 至 ${b}(${n} 个工作日)`,
    total: (d, n) => `预计 ${d} 前办结，自收件日起 ${n} 个工作日`,
    promise: (ok) => (ok ? "符合承诺时限" : "超出承诺时限"),
    legal: (ok) => (ok ? "符合法定时限" : "超出法定时限"),
    estimated: "部分日期超出节假日数据覆盖范围，按仅双休估算",
  },
  en: {
    outcome: { accepted: "Accepted", accepted_with_tolerance: "Accepted with tolerance", needs_correction: "Needs correction", not_accepted: "Not accepted" },
    status: { provided: "Provided", electronic: "Electronic licence", committed: "Commitment", missing: "Missing" },
    empty: "No decision yet",
    noMaterials: "No materials needed",
    checklist: "Materials",
    usedBy: (s) => `for: ${s}`,
    tolerated: (d) => (d ? `tolerated, supply by ${d}` : "tolerated"),
    mustCorrect: "must be supplied before acceptance",
    timeline: "Time limits",
    noTimeline: "No schedule while the application needs correction or is not accepted",
    received: "Received",
    intake: "Intake",
    finish: "Issue",
    supplement: "Supply tolerated materials",
    range: (a, b, n) => `${a} to ${b} (${n} working days)`,
    total: (d, n) => `Done by ${d}, ${n} working days from receipt`,
    promise: (ok) => (ok ? "meets the promised limit" : "exceeds the promised limit"),
    legal: (ok) => (ok ? "meets the statutory limit" : "exceeds the statutory limit"),
    estimated: "Some dates are beyond the holiday data and estimated with weekends only",
  },
};

const STYLE = `
:host { display: block; font: inherit; color: inherit;
  --_accent: var(--intake-accent, #1d4ed8); --_muted: var(--intake-muted, #5b6472);
  --_ok: var(--intake-ok, #15803d); --_warn: var(--intake-warn, #b45309); --_bad: var(--intake-bad, #b91c1c); }
:host([hidden]) { display: none; }
h3 { font-size: 1em; margin: 0 0 .5em; }
ul, ol { margin: 0; padding: 0; list-style: none; }
li { padding: .35em 0; border-bottom: 1px solid color-mix(in srgb, currentColor 12%, transparent); }
.status { display: inline-block; margin-inline-start: .5em; padding: 0 .4em; border-radius: .25em; font-size: .875em;
  border: 1px solid currentColor; }
.provided, .electronic, .ok { color: var(--_ok); } .committed { color: var(--_accent); }
.missing.tolerated, .warn { color: var(--_warn); } .missing, .bad { color: var(--_bad); }
.note, .dates { display: block; color: var(--_muted); font-size: .875em; }
.notice { white-space: pre-wrap; margin: 0; font: inherit; }
.empty { color: var(--_muted); }
ol[part="stages"] { padding-inline-start: 1.25em; }
ol[part="stages"] li { border: 0; padding: .15em 0; }
`;

const Base = globalThis.HTMLElement ?? class {};

class IntakeElement extends Base {
  static observedAttributes = ["locale"];
  #decision = null;

  constructor() {
    super();
    this.attachShadow({ mode: "open" });
  }

  /** The decision to render (`policy.evaluate(request)`), or null. */
  get decision() {
    return this.#decision;
  }

  set decision(value) {
    this.#decision = value && typeof value === "object" ? value : null;
    if (this.isConnected) this.render();
  }

  connectedCallback() {
    // A property set before the element was defined sits on the instance; move it to the setter.
    if (Object.prototype.hasOwnProperty.call(this, "decision")) {
      const value = this.decision;
      delete this.decision;
      this.decision = value;
    }
    this.render();
  }

  attributeChangedCallback() {
    if (this.isConnected) this.render();
  }

  get words() {
    const tag = this.getAttribute("locale") ?? this.closest("[lang]")?.getAttribute("lang") ?? "zh-CN";
    return tag.toLowerCase().startsWith("en") ? WORDS.en : WORDS["zh-CN"];
  }

  render() {
    const d = this.#decision;
    if (d?.outcome) this.dataset.outcome = d.outcome;
    else delete this.dataset.outcome;
    const root = this.shadowRoot;
    root.replaceChildren(el("style", {}, STYLE), ...(d ? this.content(d, this.words) : [el("p", { class: "empty", part: "empty" }, this.words.empty)]));
  }
}

/** `el("li", {class: "x", part: "item"}, child, "text", …)`: an element with text children only. */
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined && v !== null && v !== false) node.setAttribute(k, String(v));
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) node.append(typeof c === "string" ? document.createTextNode(c) : c);
  return node;
}

export class IntakeNoticeElement extends IntakeElement {
  content(d, w) {
    const outcome = w.outcome[d.outcome] ?? d.outcome;
    const tone = d.outcome === "accepted" ? "ok" : d.outcome === "accepted_with_tolerance" ? "warn" : "bad";
    return [
      el("p", { part: "outcome", class: `outcome ${tone}`, role: "status" }, outcome),
      el("pre", { part: "notice", class: "notice" }, String(d.notice ?? "")),
    ];
  }
}

export class IntakeChecklistElement extends IntakeElement {
  content(d, w) {
    const items = Array.isArray(d.checklist) ? d.checklist : [];
    const missing = new Map((Array.isArray(d.missing) ? d.missing : []).map((m) => [m.id, m]));
    const serviceNames = new Map((Array.isArray(d.services) ? d.services : []).map((s) => [s.id, s.name]));
    if (items.length === 0) return [el("h3", { part: "title" }, w.checklist), el("p", { class: "empty", part: "empty" }, w.noMaterials)];
    return [
      el("h3", { part: "title" }, w.checklist),
      el(
        "ul",
        { part: "list" },
        items.map((item) => {
          const m = missing.get(item.id);
          const status = item.status in w.status ? item.status : "missing";
          const cls = `status ${status}${m?.tolerated ? " tolerated" : ""}`;
          const note = m ? (m.tolerated ? w.tolerated(m.supplement_due) : w.mustCorrect) : null;
          const usedBy = (item.used_by ?? []).map((s) => serviceNames.get(s) ?? s).join("、");
          return el(
            "li",
            { part: `item ${status}${m?.tolerated ? " tolerated" : ""}`, "data-id": item.id, "data-status": status },
            el("span", { part: "name", class: "name" }, String(item.name ?? item.id)),
            el("span", { part: "status", class: cls }, w.status[status]),
            note ? el("span", { part: "note", class: "note" }, note) : null,
            usedBy ? el("span", { part: "used-by", class: "note" }, w.usedBy(usedBy)) : null,
          );
        }),
      ),
    ];
  }
}

export class IntakeTimelineElement extends IntakeElement {
  content(d, w) {
    const t = d.timeline;
    if (!t) {
      const why = d.timeline_error?.message;
      const text = why ? (this.words === WORDS.en ? why.en : why["zh-CN"]) ?? w.noTimeline : w.noTimeline;
      return [el("h3", { part: "title" }, w.timeline), el("p", { class: "empty", part: "empty" }, text)];
    }
    const row = (kind, name, start, due, days) =>
      el(
        "li",
        { part: `row ${kind}`, "data-kind": kind },
        el("span", { class: "name", part: "name" }, name),
        el("span", { class: "dates", part: "dates" }, w.range(start, due, days)),
      );
    const rows = [el("li", { part: "row received", "data-kind": "received" }, el("span", { class: "name", part: "name" }, `${w.received} ${t.received_on}`))];
    if (t.supplement_due) rows.push(el("li", { part: "row supplement", "data-kind": "supplement" }, el("span", { class: "name warn", part: "name" }, `${w.supplement} ${t.supplement_due}`)));
    if (t.intake) rows.push(row("intake", t.intake.name ?? w.intake, t.intake.start, t.intake.due, t.intake.working_days));
    for (const s of t.services ?? []) {
      rows.push(
        el(
          "li",
          { part: "row service", "data-kind": "service", "data-id": s.id },
          el("span", { class: "name", part: "name" }, String(s.name ?? s.id)),
          el("span", { class: "dates", part: "dates" }, w.range(s.start, s.due, (s.stages ?? []).reduce((n, st) => n + (st.working_days ?? 0), 0))),
          el(
            "ol",
            { part: "stages" },
            (s.stages ?? []).map((st) => row("stage", String(st.name ?? st.id), st.start, st.due, st.working_days)),
          ),
        ),
      );
    }
    if (t.finish) rows.push(row("finish", t.finish.name ?? w.finish, t.finish.start, t.finish.due, t.finish.working_days));
    const verdicts = [];
    if (t.promise_met !== null && t.promise_met !== undefined) verdicts.push(el("span", { class: t.promise_met ? "ok" : "bad", part: "promise" }, w.promise(t.promise_met)));
    if (t.legal_met !== null && t.legal_met !== undefined) verdicts.push(el("span", { class: t.legal_met ? "ok" : "bad", part: "legal" }, w.legal(t.legal_met)));
    return [
      el("h3", { part: "title" }, w.timeline),
      el("p", { part: "total", class: "total" }, w.total(t.due, t.working_days)),
      verdicts.length ? el("p", { part: "verdicts" }, ...verdicts.flatMap((v, i) => (i ? [" · ", v] : [v]))) : null,
      t.estimated ? el("p", { part: "estimated", class: "note" }, w.estimated) : null,
      el("ol", { part: "list" }, rows),
    ].filter(Boolean);
  }
}

export const ELEMENTS = {
  "intake-notice": IntakeNoticeElement,
  "intake-checklist": IntakeChecklistElement,
  "intake-timeline": IntakeTimelineElement,
};

/** Defines the three elements in `registry` (default: the page's), skipping names already taken. */
export function defineIntakeElements(registry = globalThis.customElements) {
  if (!registry) return;
  for (const [name, cls] of Object.entries(ELEMENTS)) if (!registry.get(name)) registry.define(name, cls);
}

defineIntakeElements();
