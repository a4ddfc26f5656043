// The demo portal: a form generated from a built-in policy pack, the materials checklist, the
// live decision, the one-time notice and the timeline — all from `policy.evaluate(request)`.
// Plain ES modules, no framework: copy what you need.
//
// The flow is one function: every change builds a Request (SPEC §2), evaluates it, and renders
// the Decision. Nothing is computed here that the engine already computes.

import { t, label, period, setLocale, getLocale, LOCALES } from "./i18n.js";
import { EXAMPLES, FORMAT_SAMPLES } from "./examples.js";
import { renderTimeline, renderTimelineTable } from "./timeline-chart.js";

const $ = (id) => document.getElementById(id);

/** Builds an element: `h("p", {class: "x", "data-id": 1}, "text", child)`. */
function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") el.className = v;
    else if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) el.append(c);
  return el;
}

/** Replaces an element's children, skipping null/false and flattening arrays. */
function fill(el, ...children) {
  el.replaceChildren(...children.flat(Infinity).filter((c) => c !== null && c !== undefined && c !== false));
}

const STATUSES = ["provided", "electronic", "committed", "missing"];
const DEFAULT_SUBMITTED = "2026-09-30T10:00"; // just before National Day: shows holidays at work

const state = {
  lib: null, // the imported portal module (`intake-rules/portal`): { Policy, Calendar }
  policy: null,
  calendar: null,
  targets: [],
  target: null,
  values: {}, // field id → raw input value (string, or boolean for checkboxes)
  materials: {}, // material id → status
  seq: 0,
  lastKey: "",
  errorSource: null,
};

// ---- errors: always visible, never swallowed ---------------------------------------------------

function showError(err, source = "page") {
  const box = $("error-box");
  const issues = Array.isArray(err?.issues) ? err.issues : [];
  fill(box,
    h("h2", {}, t("error")),
    h("p", { "data-testid": "error-head" },
      h("strong", {}, String(err?.name ?? "Error")),
      err?.code ? [" · ", h("code", {}, String(err.code))] : null,
      " — ", String(err?.message ?? err)),
    issues.length
      ? h("ul", {}, issues.map((i) => h("li", {},
          h("code", {}, i.path ?? ""),
          i.line != null ? ` (${i.line}:${i.column})` : "",
          i.code ? [" ", h("code", {}, i.code)] : null,
          ": ", label(i.message, i.message?.en ?? ""))))
      : null,
  );
  box.hidden = false;
  state.errorSource = source;
  console.info("[intake-rules portal]", err); // info, not error: the box is the report
}

function clearError(source) {
  if (state.errorSource === source) {
    $("error-box").hidden = true;
    $("error-box").replaceChildren();
    state.errorSource = null;
  }
}

window.addEventListener("error", (e) => showError(e.error ?? e.message));
window.addEventListener("unhandledrejection", (e) => showError(e.reason));

// ---- static text ---------------------------------------------------------------------------------

const STATIC = {
  "page-title": "title", "page-subtitle": "subtitle", "skip-link": "skip", "lang-label": "language",
  "h-application": "application", "pack-label": "pack", "target-label": "target",
  "submitted-label": "submittedAt", "submitted-hint": "submittedHint", "h-form": "form",
  "sample": "sample", "reset": "reset", "h-materials": "materials", "materials-hint": "materialsHint",
  "h-decision": "decision", "h-timeline": "timeline", "timeline-table-summary": "tableView",
};

function applyStaticText() {
  for (const [id, key] of Object.entries(STATIC)) $(id).textContent = t(key);
  document.title = `${t("title")} · intake-rules`;
  for (const loc of LOCALES) {
    const b = $(loc === "en" ? "lang-en" : "lang-zh");
    b.setAttribute("aria-pressed", String(getLocale() === loc));
  }
}

// ---- choosing a pack and a target ----------------------------------------------------------------

function fillPackSelect(ids) {
  const sel = $("pack");
  const current = sel.value;
  sel.replaceChildren(...ids.map((id) => h("option", { value: id }, id)));
  if (ids.includes(current)) sel.value = current;
}

/** The published packs the package ships (`pkg/published/`, written by `intake-rules publish`
 *  when the package is built): the portal module loads published policies only. */
const PUBLISHED = "/pkg/published/";

async function loadPack(id) {
  try {
    const res = await fetch(`${PUBLISHED}${encodeURIComponent(id)}.bin`);
    if (!res.ok) throw new Error(`${res.status} ${res.statusText}: ${res.url}`);
    state.policy = state.lib.Policy.fromPublished(await res.arrayBuffer());
    state.targets = state.policy.targets();
  } catch (err) {
    showError(err, "pack");
    state.policy = null;
    state.targets = [];
    return false;
  }
  clearError("pack");
  fillTargetSelect();
  return true;
}

function fillTargetSelect() {
  const sel = $("target");
  const keep = state.target?.id;
  const bundles = state.targets.filter((x) => x.kind === "bundle");
  const services = state.targets.filter((x) => x.kind !== "bundle");
  const opt = (x) => h("option", { value: x.id }, `${label(x.name, x.id)} (${x.id})`);
  fill(sel,
    bundles.length ? h("optgroup", { label: t("bundle") }, bundles.map(opt)) : null,
    services.length ? h("optgroup", { label: t("service") }, services.map(opt)) : null,
  );
  const pick = state.targets.find((x) => x.id === keep) ?? bundles[0] ?? services[0] ?? null;
  if (pick) sel.value = pick.id;
  state.target = pick;
}

const serviceName = (id) => {
  const x = state.targets.find((s) => s.id === id && s.kind === "service");
  return x ? label(x.name, id) : id;
};

// ---- the form ------------------------------------------------------------------------------------

const INPUT_MODES = {
  uscc: { inputmode: "text", autocapitalize: "characters", maxlength: 18, spellcheck: "false" },
  "cn-resident-id": { inputmode: "text", autocapitalize: "characters", maxlength: 18, spellcheck: "false" },
  "cn-mobile": { type: "tel", inputmode: "tel", maxlength: 11 },
  "cn-postcode": { inputmode: "numeric", maxlength: 6 },
  email: { type: "email", inputmode: "email", spellcheck: "false" },
};

function fieldRow(f) {
  const id = `f-${f.id}`;
  const describedBy = [];
  const lab = h("label", { for: id, id: `${id}-label` }, label(f.label, f.id));
  let reqNote = null;
  // The mark follows the decision's `required_fields` (required for the form as sent); until the
  // first decision, the field's static `required`.
  lab.append(h("span", { class: "req", "aria-hidden": "true", hidden: f.required !== true, "data-req-mark": f.id }, " *"),
    h("span", { class: "visually-hidden", hidden: f.required !== true, "data-req-text": f.id }, ` (${t("required")})`));
  if (f.source === "shared_data") {
    reqNote = h("p", { class: "hint shared" }, t("sharedData"));
  }
  if (typeof f.required === "string") {
    reqNote = h("p", { class: "hint cond", id: `${id}-req`, "data-testid": `req-${f.id}` },
      t("requiredIf", { cond: words(f.required) }), " ",
      h("code", {}, f.required), reqNote);
    describedBy.push(`${id}-req`);
  }
  const err = h("p", { class: "field-error", id: `${id}-err`, "data-testid": `err-${f.id}`, hidden: true });
  describedBy.push(`${id}-err`);
  const v = state.values[f.id];
  const common = { id, name: f.id, "data-field": f.id, "aria-describedby": describedBy.join(" ") };
  if (f.required === true) common["aria-required"] = "true";
  let input;
  switch (f.type) {
    case "enum":
      input = h("select", common,
        h("option", { value: "" }, t("choose")),
        (f.values ?? []).map((val) => h("option", { value: val }, label(f.value_labels?.[val], val))));
      input.value = v ?? "";
      break;
    case "bool":
      input = h("input", { ...common, type: "checkbox" });
      input.checked = v === true;
      return h("div", { class: "field field-bool", "data-testid": `field-${f.id}` },
        h("div", { class: "check" }, input, lab), reqNote, err);
    case "number":
      input = h("input", { ...common, type: "number", inputmode: f.integer ? "numeric" : "decimal",
        min: f.min ?? null, max: f.max ?? null, step: f.integer ? 1 : "any" });
      input.value = v ?? "";
      break;
    case "date":
      input = h("input", { ...common, type: "date" });
      input.value = v ?? "";
      break;
    default:
      input = h("input", { type: "text", ...common, ...(INPUT_MODES[f.format] ?? {}),
        maxlength: f.max_length ?? INPUT_MODES[f.format]?.maxlength ?? null });
      input.value = v ?? "";
  }
  return h("div", { class: `field field-${f.type}`, "data-testid": `field-${f.id}` }, lab, input, reqNote, err);
}

/** The form in the policy's own order (`targets()` lists the fields as the policy document
 * does). Fields the window clerk fills (`source: "office"`, e.g. a credit-record check) are not
 * shown to applicants: they sit in a closed "for the clerk" section of this demo. */
function renderForm() {
  const form = $("form");
  const fields = state.target?.fields ?? [];
  const office = fields.filter((f) => f.source === "office");
  form.replaceChildren(
    ...fields.filter((f) => f.source !== "office").map(fieldRow),
    office.length
      ? h("details", { class: "office-fields", "data-testid": "office-fields" },
          h("summary", {}, t("officeFields")), office.map(fieldRow))
      : null,
  );
}

/** Marks the fields required for the form as sent (a decision's `required_fields`). */
function renderRequired(d) {
  if (!Array.isArray(d?.required_fields)) return;
  const req = new Set(d.required_fields);
  for (const f of state.target?.fields ?? []) {
    const on = req.has(f.id);
    document.querySelector(`[data-req-mark="${f.id}"]`)?.toggleAttribute("hidden", !on);
    document.querySelector(`[data-req-text="${f.id}"]`)?.toggleAttribute("hidden", !on);
    const input = $(`f-${f.id}`);
    if (input) on ? input.setAttribute("aria-required", "true") : input.removeAttribute("aria-required");
  }
}

function readInput(el) {
  const f = el.dataset.field;
  state.values[f] = el.type === "checkbox" ? el.checked : el.value;
}

/** The form part of the request: typed values; empty inputs are absent (SPEC §2). */
function formValues() {
  const out = {};
  for (const f of state.target?.fields ?? []) {
    const raw = state.values[f.id];
    if (f.type === "bool") {
      out[f.id] = raw === true; // a checkbox always has an answer
    } else if (raw === undefined || raw === "") {
      continue;
    } else if (f.type === "number") {
      const n = Number(raw);
      if (Number.isFinite(n)) out[f.id] = n;
    } else if (f.type === "string") {
      out[f.id] = String(raw).trim();
    } else {
      out[f.id] = raw;
    }
  }
  return out;
}

function sampleValue(f) {
  if (f.type === "bool") return false;
  if (f.type === "enum") return f.values?.[0] ?? "";
  if (f.type === "number") {
    let n = f.integer ? 10 : 100;
    if (f.min != null && n < f.min) n = f.min;
    if (f.max != null && n > f.max) n = f.max;
    return String(n);
  }
  if (f.type === "date") return $("submitted-at").value.slice(0, 10);
  return FORMAT_SAMPLES[f.format] ?? (f.required === true ? "示例" : "");
}

function fillSample() {
  const ex = EXAMPLES[state.policy?.id] ?? {};
  state.values = {};
  for (const f of state.target?.fields ?? []) {
    const v = f.id in ex ? ex[f.id] : sampleValue(f);
    state.values[f.id] = typeof v === "number" ? String(v) : v;
  }
  // A conditional requirement left empty by the example shows up as a form problem, as it should.
}

// ---- the request and the decision -----------------------------------------------------------------

function submittedAt() {
  const v = $("submitted-at").value || DEFAULT_SUBMITTED;
  return `${v.slice(0, 16)}:00+08:00`; // datetime-local is wall-clock time: read as China time
}

/** A condition of the policy in words, as the module renders it (from the compiled condition,
 * the same words as the printed guide); the source text when the target does not know it. */
function words(cond) {
  return label(state.target.conditions?.[cond], cond);
}

/** A form value as shown to people. */
function showValue(v, field) {
  if (v === true) return t("yes");
  if (v === false) return t("no");
  if (v === null || v === undefined) return "—";
  const l = field?.value_labels?.[v];
  return l ? label(l, String(v)) : String(v);
}

/** Per keystroke: the compact decision (outcomes and field errors only, a fraction of the full
 * decision's cost) marks the fields at once; the full decision (checklist, notice, timeline)
 * follows when typing pauses. */
let fullTimer = null;
function onInput() {
  if (!state.policy || !state.target) return;
  try {
    const compact = state.policy.evaluateCompact(request({ ...state.materials }));
    renderFieldErrors(compact);
    renderRequired(compact);
  } catch {
    // The full evaluation below reports the error.
  }
  clearTimeout(fullTimer);
  fullTimer = setTimeout(() => evaluate(), 150);
}

function request(materials) {
  return {
    target: state.target.id,
    form: formValues(),
    materials,
    submitted_at: submittedAt(),
    locale: getLocale(),
  };
}

/** Evaluate and render. `force` re-renders even when the request did not change (locale, target). */
function evaluate(force = false) {
  clearTimeout(fullTimer);
  if (!state.policy || !state.target) return;
  const decisionEl = $("decision");
  try {
    // The checklist depends on the form only: a first pass learns which materials are needed, so
    // that new ones start as "provided" and materials no longer needed are not sent.
    const mats = {};
    for (const item of state.policy.checklist(request({ ...state.materials }))) {
      state.materials[item.id] ??= "provided";
      mats[item.id] = state.materials[item.id];
    }
    const req = request(mats);
    const key = JSON.stringify(req);
    if (!force && key === state.lastKey) return;
    const decision = state.policy.evaluate(req);
    state.lastKey = key;
    clearError("evaluate");
    window.__lastRequest = req;
    window.__lastDecision = decision;
    render(decision);
  } catch (err) {
    showError(err, "evaluate");
  } finally {
    state.seq += 1;
    decisionEl.dataset.seq = String(state.seq);
    decisionEl.setAttribute("aria-busy", "false");
  }
}

function render(d) {
  renderFieldErrors(d);
  renderRequired(d);
  renderChecklist(d);
  renderDecision(d);
  $("received-on").textContent = `${t("receivedOn")}: ${d.received_on}`;
  fill($("timeline-summary"), timelineSummary(d));
  renderTimeline($("timeline-chart"), d.timeline, {
    calendar: state.calendar, t, serviceName, receivedOn: d.received_on,
  });
  renderTimelineTable($("timeline-table"), d.timeline, { t, serviceName });
  renderFooter(d);
}

function renderFieldErrors(d) {
  const byField = new Map();
  for (const e of d.field_errors) {
    if (!e.path.startsWith("form.")) continue;
    const f = e.path.slice(5).split(".")[0];
    if (!byField.has(f)) byField.set(f, []);
    byField.get(f).push(label(e.message, e.code));
  }
  for (const f of state.target.fields) {
    const err = $(`f-${f.id}-err`);
    const input = $(`f-${f.id}`);
    if (!err || !input) continue;
    const msgs = byField.get(f.id);
    err.textContent = msgs ? msgs.join(";") : "";
    err.hidden = !msgs;
    if (msgs) input.setAttribute("aria-invalid", "true");
    else input.removeAttribute("aria-invalid");
  }
}

// ---- checklist: updated in place, so focus stays on the radio you just chose ----------------------

const itemEls = new Map();

function checklistItem(item) {
  const name = `mat-${item.id}`;
  const allowed = STATUSES.filter((s) =>
    s === "provided" || s === "missing" || (s === "electronic" && item.electronic) || (s === "committed" && item.commitment));
  const radios = allowed.map((s) => {
    const input = h("input", { type: "radio", name, value: s, id: `${name}-${s}`, "data-testid": `${name}-${s}` });
    input.addEventListener("change", () => {
      state.materials[item.id] = s;
      evaluate();
    });
    return h("label", { class: `status status-${s}`, for: `${name}-${s}` }, input, h("span", {}, t(`status_${s}`)));
  });
  const el = h("li", { class: "material", "data-testid": name, "data-material": item.id },
    h("fieldset", {},
      h("legend", {}, h("span", { class: "mat-name" }), " ", h("code", { class: "mat-id" }, item.id)),
      h("div", { class: "statuses" }, radios),
      h("p", { class: "mat-meta" }),
      h("details", { class: "why" }, h("summary", {}, t("why")), h("div", { class: "why-body" }))));
  return el;
}

function updateItem(el, item, d) {
  el.querySelector(".mat-name").textContent = item.name;
  for (const r of el.querySelectorAll("input[type=radio]")) r.checked = r.value === item.status;
  el.dataset.status = item.status;
  el.dataset.tolerable = String(!!item.tolerable);
  const miss = d.missing.find((m) => m.id === item.id);
  el.classList.toggle("is-missing", item.status === "missing");
  fill(el.querySelector(".mat-meta"),
    item.tolerable
      ? h("span", { class: "tag tag-tolerable" }, t("tolerable", { period: period(item.tolerable.supplement_within) }))
      : h("span", { class: "tag tag-key" }, t("notTolerable")),
    miss?.supplement_due ? h("span", { class: "tag tag-due", "data-testid": `due-${item.id}` }, t("supplementBy", { date: miss.supplement_due })) : null,
    h("span", { class: "used-by" }, `${t("usedBy")}: ${item.used_by.map(serviceName).join("、")}`),
  );
  const fields = state.target.fields;
  const byId = new Map(fields.map((f) => [f.id, f]));
  const reasons = item.because.length
    ? item.because.map((b) => h("li", {},
        t("because", { service: serviceName(b.service), cond: words(b.condition) }), " ",
        h("code", {}, b.condition),
        Object.keys(b.values).length
          ? h("div", { class: "values" }, t("values", {
              values: Object.entries(b.values).map(([k, v]) => `${label(byId.get(k)?.label, k)} = ${showValue(v, byId.get(k))}`).join(";"),
            }))
          : null))
    : [];
  // Services that need it unconditionally have no `because` entry.
  const conditional = new Set(item.because.map((b) => b.service));
  const always = item.used_by.filter((s) => !conditional.has(s)).map((s) => h("li", {}, t("always", { service: serviceName(s) })));
  fill(el.querySelector(".why-body"),
    h("ul", {}, reasons, always),
    item.basis ? h("p", { class: "basis" }, `${t("basis")}: `,
      item.basis.url ? h("a", { href: item.basis.url, rel: "noopener" }, item.basis.label) : item.basis.label) : null,
  );
}

function renderChecklist(d) {
  const list = $("checklist");
  const ids = new Set(d.checklist.map((i) => i.id));
  for (const [id, el] of itemEls) if (!ids.has(id)) { el.remove(); itemEls.delete(id); }
  d.checklist.forEach((item, i) => {
    let el = itemEls.get(item.id);
    if (!el) { el = checklistItem(item); itemEls.set(item.id, el); }
    updateItem(el, item, d);
    if (list.children[i] !== el) list.insertBefore(el, list.children[i] ?? null);
  });
  let empty = list.querySelector(".empty");
  if (!d.checklist.length && !empty) list.append(h("li", { class: "empty" }, t("noMaterials")));
  if (d.checklist.length && empty) empty.remove();
}

function resetChecklist() {
  for (const el of itemEls.values()) el.remove();
  itemEls.clear();
  $("checklist").replaceChildren();
}

// ---- the decision panel --------------------------------------------------------------------------

const badge = (outcome, attrs = {}) =>
  h("span", { class: `badge outcome-${outcome}`, "data-outcome": outcome, ...attrs }, t(`outcome_${outcome}`));

const materialName = (d, id) => d.checklist.find((c) => c.id === id)?.name ?? id;
const targetName = (id) => {
  const tg = state.targets?.find((x) => x.id === id);
  return tg ? label(tg.name, id) : id;
};

function renderDecision(d) {
  const body = $("decision-body");
  // SPEC §7.5: the services that proceed (all of them under "together" acceptance when accepted).
  const proceeding = new Set(d.proceeding ?? (d.timeline ? d.services.map((x) => x.id) : []));
  const fieldLabel = (path) => {
    const f = state.target.fields.find((x) => `form.${x.id}` === path);
    return f ? label(f.label, f.id) : path;
  };
  fill(body, [
    h("p", { class: "outcome-line" }, badge(d.outcome, { "data-testid": "outcome" }),
      h("span", { class: "received" }, `${t("receivedOn")} `, h("time", { datetime: d.received_on }, d.received_on))),
    h("h3", {}, t("services")),
    h("ul", { class: "services", "data-testid": "services" },
      d.services.map((s) => h("li", { "data-service": s.id, "data-proceeding": String(proceeding.has(s.id)) },
        h("span", {}, s.name), " ", badge(s.outcome),
        proceeding.has(s.id) ? h("span", { class: "tag tag-ok", "data-testid": `proceeding-${s.id}` }, t("proceeding")) : null,
        s.redirect ? h("span", { class: "tag tag-key", "data-testid": `redirect-${s.id}` }, t("redirect", { target: targetName(s.redirect) })) : null,
        s.reasons.length ? h("ul", { class: "reasons" }, s.reasons.map((r) => h("li", {}, r.reason,
          r.basis ? h("span", { class: "basis" }, `（${r.basis.label}）`) : null))) : null))),
    d.correction_notice_due
      ? h("p", { class: "muted", "data-testid": "correction-notice-due" }, t("correctionNoticeDue", { date: d.correction_notice_due }))
      : null,
    d.follow_ups?.length
      ? [h("h3", {}, t("followUps")),
         h("ul", { class: "follow-ups", "data-testid": "follow-ups" }, d.follow_ups.map((f) =>
           h("li", { "data-material": f.material }, materialName(d, f.material), " — ",
             t(`method_${f.method}`), " ", h("strong", {}, t("verifyBy", { date: f.due })))))]
      : null,
    d.not_applicable.length
      ? h("p", { class: "muted", "data-testid": "not-applicable" },
          `${t("notApplicable")}: ${d.not_applicable.map(serviceName).join("、")}`)
      : null,
    d.missing.length
      ? [h("h3", {}, t("missing")),
         h("ul", { class: "missing", "data-testid": "missing" }, d.missing.map((m) =>
           h("li", { "data-material": m.id, "data-tolerated": String(m.tolerated) },
             h("span", {}, m.name), " — ",
             m.tolerated
               ? h("strong", { class: "due" }, t("supplementBy", { date: m.supplement_due }))
               : h("strong", { class: "bad" }, t("mustCorrect")))))]
      : null,
    d.field_errors.length
      ? [h("h3", {}, t("fieldErrors")),
         h("ul", { class: "errors", "data-testid": "field-errors" }, d.field_errors.map((e) => {
           const target = e.path.startsWith("form.") ? `f-${e.path.slice(5)}` : `mat-${e.path.replace(/^materials\./, "")}`;
           return h("li", {}, h("a", { href: `#${target}`, onclick: (ev) => {
             const el = $(target) ?? document.querySelector(`[data-testid="${target}"] input`);
             if (el) { ev.preventDefault(); el.focus(); }
           } }, e.path.startsWith("form.") ? fieldLabel(e.path) : e.path), ": ", label(e.message, e.code));
         }))]
      : null,
    d.warnings.length
      ? [h("h3", {}, t("warnings")),
         h("ul", { class: "warnings", "data-testid": "warnings" }, d.warnings.map((w) => h("li", {}, h("code", {}, w.path), ": ", label(w.message, w.code))))]
      : null,
    h("h3", {}, t("notice")),
    h("pre", { class: "notice", "data-testid": "notice" }, d.notice),
  ].flat());
}

function timelineSummary(d) {
  const tl = d.timeline;
  if (!tl) {
    return [h("p", { class: "muted" }, d.timeline_error
      ? [h("strong", {}, `${t("timelineError")}: `), label(d.timeline_error.message, d.timeline_error.code), " ", h("code", {}, d.timeline_error.code)]
      : t("timelineNone"))];
  }
  const met = (ok, p, yes, no) => (ok === null || !p ? null
    : h("span", { class: `tag ${ok ? "tag-ok" : "tag-bad"}`, "data-testid": yes === "promiseMet" ? "promise" : "legal" },
        t(ok ? yes : no, { n: period(p) })));
  return [
    h("p", { class: "tl-head" },
      h("strong", {}, `${t("due")} `, h("time", { datetime: tl.due, "data-testid": "due" }, tl.due)),
      ` · ${t("elapsedDays", { n: tl.working_days })}`,
      tl.counted_working_days != null
        ? h("span", { "data-testid": "counted" }, ` · ${t("countedDays", { n: tl.counted_working_days })} `)
        : " ",
      met(tl.promise_met, tl.promise, "promiseMet", "promiseMissed"), " ",
      met(tl.legal_met, tl.legal, "legalMet", "legalMissed")),
    tl.legal_due
      ? h("p", { class: "muted", "data-testid": "legal-due" }, t("legalDue", { date: tl.legal_due }),
          tl.legal_extended_due ? ` ${t("legalExtendedDue", { date: tl.legal_extended_due })}` : null)
      : null,
    h("p", { "data-testid": "saved" }, t("savedDays", { n: tl.saved_working_days, date: tl.serial_due, m: tl.serial_working_days })),
    tl.estimated ? h("p", { class: "tag tag-bad" }, t("estimated")) : null,
  ];
}

function renderFooter(d) {
  const p = d.policy;
  const office = p.office;
  fill($("office"), office
    ? [h("h3", {}, office.name ?? t("office")),
       office.address ? h("p", {}, `${t("officeAddress")}：${office.address}`) : null,
       office.phone ? h("p", {}, `${t("officePhone")}：${office.phone}`) : null,
       office.hours ? h("p", {}, `${t("officeHours")}：${office.hours}`) : null]
    : []);
  let cov = null;
  try { cov = state.calendar?.coverage() ?? null; } catch (err) { showError(err, "calendar"); }
  fill($("footer"),
    h("p", {}, `${t("policy")}: `, h("code", { "data-testid": "policy-id" }, p.id), ` · ${t("version")} `,
      h("code", { "data-testid": "policy-version" }, p.version)),
    h("p", {}, `${t("fingerprint")}: `, h("code", { class: "fp", "data-testid": "policy-fingerprint" }, p.fingerprint)),
    h("p", {}, `${t("calendar")}: `, h("code", {}, p.calendar.id), ` ${p.calendar.version} · `,
      h("span", { "data-testid": "coverage" }, t("coverage", { from: cov?.from ?? p.calendar.from, to: cov?.to ?? p.calendar.to }))),
  );
}

// ---- wiring ------------------------------------------------------------------------------------

function switchTarget() {
  state.target = state.targets.find((x) => x.id === $("target").value) ?? null;
  resetChecklist();
  fillSample();
  renderForm();
  evaluate(true);
}

function switchLocale(loc) {
  setLocale(loc);
  applyStaticText();
  fillTargetSelect();
  renderForm();
  resetChecklist();
  const url = new URL(location.href);
  url.searchParams.set("lang", loc);
  history.replaceState(null, "", url);
  evaluate(true);
}

async function boot() {
  const params = new URLSearchParams(location.search);
  setLocale(params.get("lang") ?? "zh-CN");
  applyStaticText();
  $("submitted-at").value = params.get("at") ?? DEFAULT_SUBMITTED;
  try {
    state.lib = await import("/pkg/portal/browser.js"); // the portal module: no authoring tools
  } catch (err) {
    showError(err, "load");
    return;
  }
  let ids = [];
  try {
    const res = await fetch(`${PUBLISHED}index.json`);
    if (!res.ok) throw new Error(`${res.status} ${res.statusText}: ${res.url}`);
    ids = (await res.json()).policies;
  } catch (err) {
    showError(err, "load");
    return;
  }
  fillPackSelect(ids);
  const want = params.get("pack");
  if (want && ids.includes(want)) $("pack").value = want;
  if (!ids.length) {
    showError(new Error(`${PUBLISHED}index.json lists no published policy packs`), "load");
    return;
  }
  if (!(await loadPack($("pack").value))) return;
  const wantTarget = params.get("target");
  if (wantTarget && state.targets.some((x) => x.id === wantTarget)) {
    $("target").value = wantTarget;
    state.target = state.targets.find((x) => x.id === wantTarget);
  }
  fillSample();
  renderForm();
  evaluate(true); // learns the policy's calendar id from the decision
  try {
    state.calendar = state.lib.Calendar.builtin(window.__lastDecision?.policy.calendar.id ?? "cn-mainland");
  } catch (err) {
    showError(err, "calendar");
  }
  evaluate(true);

  $("pack").addEventListener("change", () => {
    state.target = null;
    state.values = {};
    state.materials = {};
    loadPack($("pack").value).then((ok) => ok && switchTarget());
  });
  $("target").addEventListener("change", switchTarget);
  $("submitted-at").addEventListener("input", () => evaluate());
  $("submitted-at").addEventListener("change", () => evaluate());
  $("form").addEventListener("input", (e) => { if (e.target.dataset.field) { readInput(e.target); onInput(); } });
  $("form").addEventListener("change", (e) => { if (e.target.dataset.field) { readInput(e.target); evaluate(); } });
  $("form").addEventListener("submit", (e) => e.preventDefault());
  $("sample").addEventListener("click", () => { fillSample(); renderForm(); evaluate(); });
  $("reset").addEventListener("click", () => { state.values = {}; renderForm(); evaluate(); });
  $("lang-zh").addEventListener("click", () => switchLocale("zh-CN"));
  $("lang-en").addEventListener("click", () => switchLocale("en"));
  document.body.dataset.ready = "true";
}

boot();
