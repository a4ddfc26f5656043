// The baseline a portal team would otherwise write: the joint-utility connection decision
// (水电气热网联合报装, bundle `joint`) in plain JavaScript, with working days from the npm
// package `chinese-days`. The bundle is written out below by hand from
// packs/joint-utility-connection.json; the conditions are supplied by each variant
// (plain JS, json-rules-engine, json-logic-js) as a map from condition key to truth value.
//
// It computes exactly what the bench checks against the module: outcome, per-service outcomes,
// not-applicable services, checklist ids, missing ids with tolerated and supplement_due, field
// error paths, received day, and the timeline's due dates (overall, per service, supplement,
// serial). Dates are `YYYY-MM-DD` strings; chinese-days must run with TZ=Asia/Shanghai (it reads
// civil dates in the host's time zone).

import cd from "chinese-days";

const { isWorkday, findWorkday } = cd;

/** The last day the module's calendar covers: a date beyond it means "no timeline". */
export const COVERAGE_TO = "2026-12-31";

class OutOfCoverage extends Error {}

const DAY = 86400000;
const dnum = (iso) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / DAY;
const iso = (n) => new Date(n * DAY).toISOString().slice(0, 10);

/** N working days after `d` (N = 0: `d` if a working day, else the next one). */
function addWorking(d, n) {
  const out = findWorkday(n, d);
  if (out > COVERAGE_TO) throw new OutOfCoverage(out);
  return out;
}

// ---- the bundle, by hand ----------------------------------------------------------------------
// Material requirement: `true` or a condition key. Tolerable: working days to supplement.
// Stages: `limit` in working days, `limit_if` [condition key, limit] (first that holds), `after`
// stage ids of the service or `<service>.<stage>` of another (dropped when that service does
// not proceed), `applicant` for stages done by the applicant (they move dates, count 0 office
// days), `pause_days` natural days at the start when `pause_if` holds.

const BASIC = [
  ["business_license", true],
  ["legal_rep_id_card", true],
  ["authorization", "agent"],
  ["property_proof", true],
];
const NETWORK = [
  ["business_license", true],
  ["legal_rep_id_card", true],
  ["authorization", "agent"],
  ["network_demand_form", true, 3],
];
const TOL1 = { max: 1, excluded: "bad_credit" };
const STAGES_1_1 = [
  { id: "apply", limit: 1 },
  { id: "connect", after: ["apply", "external_works.issue"], limit: 1, limit_if: [["ext", 2]] },
];

export const SERVICES = [
  {
    id: "power_low", applies: "power_low", materials: BASIC, tolerance: null,
    stages: [
      { id: "apply", limit: 1 },
      { id: "connect", after: ["apply", "external_works.issue"], limit: 4, limit_if: [["ext", 8]] },
    ],
  },
  {
    id: "power_high", applies: "power_high",
    materials: [
      ...BASIC,
      ["planning_permit", "not_small"],
      ["site_plan", true, 5],
      ["power_load_list", true, 5],
    ],
    tolerance: { max: 2, excluded: "bad_credit" },
    stages: [
      { id: "plan", limit: 5, limit_if: [["dual", 10]] },
      { id: "customer_design", applicant: true, after: ["plan"], limit: 10 },
      { id: "design_review", after: ["customer_design"], limit: 3 },
      { id: "customer_works", applicant: true, after: ["design_review"], limit: 20 },
      { id: "inspection", after: ["customer_works"], limit: 2 },
      { id: "connect", after: ["inspection", "external_works.issue"], limit: 2 },
    ],
  },
  {
    id: "water", applies: "water",
    materials: [...BASIC, ["water_usage_list", true, 2], ["site_plan", "not_small", 2]],
    tolerance: TOL1, stages: STAGES_1_1,
  },
  {
    id: "gas", applies: "gas",
    materials: [...BASIC, ["gas_usage_list", true], ["site_plan", "not_small", 3]],
    tolerance: TOL1, stages: STAGES_1_1,
  },
  {
    id: "heat", applies: "heat",
    materials: [...BASIC, ["heat_load_list", true, 5], ["site_plan", "not_small", 5]],
    tolerance: TOL1,
    stages: [{ id: "plan", limit: 2 }, { id: "connect", after: ["plan", "external_works.issue"], limit: 3 }],
  },
  {
    id: "telecom", applies: "telecom", materials: NETWORK, tolerance: TOL1,
    stages: [{ id: "survey", limit: 1 }, { id: "connect", after: ["survey", "external_works.issue"], limit: 2 }],
  },
  {
    id: "cable_tv", applies: "cable_tv", materials: NETWORK, tolerance: TOL1,
    stages: [{ id: "survey", limit: 1 }, { id: "connect", after: ["survey", "external_works.issue"], limit: 2 }],
  },
  {
    id: "external_works", applies: "ext",
    materials: [
      ["business_license", true],
      ["legal_rep_id_card", true],
      ["authorization", "agent"],
      ["external_works_plan", true],
      ["traffic_plan", "road"],
      ["green_space_plan", "green_or_trees"],
      ["planning_permit", "not_small", 5],
      ["site_plan", true, 5],
    ],
    tolerance: TOL1,
    stages: [
      { id: "road", limit: 3, limit_if: [["not_road", 0]] },
      { id: "green", limit: 3, limit_if: [["not_green_nor_trees", 0]], pause_days: 5, pause_if: "trees" },
      { id: "traffic", limit: 3, limit_if: [["not_road", 0]] },
      { id: "issue", after: ["road", "green", "traffic"], limit: 1 },
    ],
  },
];
const SERVICE_INDEX = new Map(SERVICES.map((s, i) => [s.id, i]));

/** Catalogue: [electronic allowed, commitment allowed]. */
export const CATALOGUE = {
  business_license: [true, false],
  legal_rep_id_card: [true, false],
  authorization: [false, false],
  property_proof: [true, true],
  planning_permit: [true, false],
  site_plan: [false, false],
  power_load_list: [false, false],
  water_usage_list: [false, false],
  gas_usage_list: [false, false],
  heat_load_list: [false, false],
  network_demand_form: [false, false],
  external_works_plan: [false, false],
  traffic_plan: [false, false],
  green_space_plan: [false, false],
};

// ---- form validation (the pack's fields) ------------------------------------------------------

const USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const USCC_W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
function isUscc(s) {
  if (s.length !== 18 || !"123456789ANY".includes(s[0]) || !/^\d{6}$/.test(s.slice(2, 8))) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_CHARS.indexOf(s[i]);
    if (v < 0) return false;
    sum += v * USCC_W[i];
  }
  return USCC_CHARS[(31 - (sum % 31)) % 31] === s[17];
}
const ID_W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
function isResidentId(s) {
  if (!/^[1-9]\d{16}[\dXx]$/.test(s)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += +s[i] * ID_W[i];
  if ("10X98765432"[sum % 11] !== s[17].toUpperCase()) return false;
  const y = +s.slice(6, 10), m = +s.slice(10, 12), d = +s.slice(12, 14);
  const t = new Date(Date.UTC(y, m - 1, d));
  return y >= 1900 && t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}
const isMobile = (s) => /^1[3-9]\d{9}$/.test(s.replace(/^(\+86|86)[ -]?/, ""));
// A string of at most 32 characters (UTF-16 code points counted as characters).
const upTo32 = (s) => [...s].length <= 32;

const BOOLS = [
  "applicant_is_agent", "needs_power", "dual_supply", "needs_water", "needs_gas", "needs_heat",
  "needs_telecom", "needs_cable_tv", "needs_external_works", "occupies_roadway",
  "occupies_green_space", "removes_trees", "bad_credit",
];
const ENUMS = {
  project_type: ["industrial", "commercial", "residential", "public", "municipal"],
  project_size: ["small", "medium", "large"],
};
const STRINGS = { uscc: isUscc, contact_mobile: isMobile, agent_id_number: isResidentId, project_code: upTo32 };

/**
 * The typed form (valid values only), the paths of form errors, and the ids of the fields
 * required for the form as sent (sorted; an absent bool reads as false).
 */
export function validateForm(form) {
  const t = {};
  const errors = [];
  const present = (k) => form[k] !== undefined && form[k] !== null && form[k] !== "";
  for (const k of BOOLS) {
    if (!present(k)) continue;
    if (typeof form[k] === "boolean") t[k] = form[k];
    else errors.push("form." + k);
  }
  for (const [k, values] of Object.entries(ENUMS)) {
    if (!present(k)) continue;
    if (values.includes(form[k])) t[k] = form[k];
    else errors.push("form." + k);
  }
  for (const [k, check] of Object.entries(STRINGS)) {
    if (!present(k)) continue;
    if (typeof form[k] === "string" && check(form[k])) t[k] = form[k];
    else errors.push("form." + k);
  }
  const cap = form.power_capacity_kw;
  if (present("power_capacity_kw")) {
    if (typeof cap === "number" && cap >= 0 && cap <= 1000000) t.power_capacity_kw = cap;
    else errors.push("form.power_capacity_kw");
  }
  const required = ["uscc", "contact_mobile", "project_type", "project_size", "needs_external_works"];
  if (t.applicant_is_agent === true) required.push("agent_id_number");
  if (t.project_size !== undefined && t.project_size !== "small") required.push("project_code");
  if (t.needs_power === true) required.push("power_capacity_kw");
  if (t.needs_external_works === true) required.push("occupies_roadway", "occupies_green_space", "removes_trees");
  for (const k of required) if (!present(k)) errors.push("form." + k);
  required.sort();
  return { typed: t, errors, required };
}

// ---- received day -------------------------------------------------------------------------------

/** The China civil date and seconds after midnight of an RFC 3339 time (no offset: China time). */
function chinaTime(s) {
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/i.exec(s);
  if (!m) throw new Error("bad submitted_at " + s);
  let secs = +m[2] * 3600 + +m[3] * 60 + +(m[4] || 0);
  let day = dnum(m[1]);
  if (m[5]) {
    const off = m[5].toUpperCase() === "Z" ? 0 : (m[5][0] === "-" ? -1 : 1) * (+m[5].slice(1, 3) * 3600 + +m[5].slice(4, 6) * 60);
    secs += 8 * 3600 - off;
    while (secs >= 86400) { secs -= 86400; day += 1; }
    while (secs < 0) { secs += 86400; day -= 1; }
  }
  return [iso(day), secs];
}

export function receivedOn(submittedAt) {
  const [day, secs] = chinaTime(submittedAt);
  return isWorkday(day) && secs < 17 * 3600 ? day : findWorkday(1, day);
}

// ---- the decision ---------------------------------------------------------------------------------

const RANK = { accepted: 0, accepted_with_tolerance: 1, needs_correction: 2, not_accepted: 3 };
const byId = (a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** First step: everything the conditions need. */
export function prepare(req) {
  return validateForm(req.form || {});
}

/**
 * The decision of `req` given the truth of every condition key (`truth[key]` is a boolean) and
 * the prepared form. The bundle accepts per service: each applicable service accepted on its
 * own proceeds, and the timeline covers the proceeding services. With `compact`, only what the
 * module's `evaluateCompact` returns: outcomes, proceeding, field errors, required fields,
 * missing materials with `tolerated`, and the counted working days — like the module, it
 * computes the schedule (dates, chinese-days) only when some service proceeds, since a
 * timeline beyond the calendar's coverage has no counted days.
 */
export function decide(req, prep, truth, compact = false) {
  const fieldErrors = prep.errors.slice();
  const statuses = {};
  for (const [id, st] of Object.entries(req.materials || {})) {
    const cat = CATALOGUE[id];
    if (!cat) continue;
    if (st === null || st === "missing") continue;
    if (st !== "provided" && st !== "electronic" && st !== "committed") {
      fieldErrors.push("materials." + id);
      continue;
    }
    if ((st === "electronic" && !cat[0]) || (st === "committed" && !cat[1])) {
      fieldErrors.push("materials." + id);
      continue;
    }
    statuses[id] = st;
  }
  fieldErrors.sort();

  const services = [];
  const notApplicable = [];
  const needs = new Map(); // material id -> [{si, tol}]
  for (let si = 0; si < SERVICES.length; si++) {
    const s = SERVICES[si];
    if (!truth[s.applies]) {
      notApplicable.push(s.id);
      continue;
    }
    const missingHere = [];
    for (const [mid, req_, tol] of s.materials) {
      if (req_ !== true && !truth[req_]) continue;
      let n = needs.get(mid);
      if (!n) needs.set(mid, (n = []));
      n.push({ si, tol });
      if (!statuses[mid]) missingHere.push(tol);
    }
    let outcome;
    if (fieldErrors.length > 0) outcome = "needs_correction";
    else if (missingHere.length === 0) outcome = "accepted";
    else {
      const allTol = missingHere.every((t) => t !== undefined);
      const t = s.tolerance;
      const ok = allTol && t !== null && missingHere.length <= t.max && !truth[t.excluded];
      // A service without a `tolerance` block still tolerates tolerable materials, with no limit.
      const okNoBlock = allTol && t === null;
      outcome = ok || okNoBlock ? "accepted_with_tolerance" : "needs_correction";
    }
    services.push({ id: s.id, si, outcome });
  }
  let overall = services.length === 0 ? "not_accepted" : "accepted";
  for (const s of services) if (RANK[s.outcome] > RANK[overall]) overall = s.outcome;
  // Per-service acceptance: every service accepted on its own goes ahead.
  const going = services.filter((s) => s.outcome === "accepted" || s.outcome === "accepted_with_tolerance");
  const proceeds = new Set(going.map((s) => s.si));
  const proceeding = going.map((s) => s.id).sort();

  const received = compact && going.length === 0 ? null : receivedOn(req.submitted_at);
  const checklist = [...needs.keys()].sort();
  const missing = [];
  let supplementDue = null;
  let supplementOut = false;
  for (const mid of checklist) {
    if (statuses[mid]) continue;
    // Tolerated when a proceeding service needs it (it proceeds, so it tolerates it); due the
    // earliest of their periods.
    const deciding = needs.get(mid).filter((n) => proceeds.has(n.si));
    const tolerated = deciding.length > 0;
    let due = null;
    if (tolerated && received !== null) {
      for (const n of deciding) {
        try {
          const d = addWorking(received, n.tol);
          if (due === null || d < due) due = d;
        } catch (e) {
          if (!(e instanceof OutOfCoverage)) throw e;
          supplementOut = true;
        }
      }
      if (due !== null && (supplementDue === null || due > supplementDue)) supplementDue = due;
    }
    missing.push({ id: mid, tolerated, supplement_due: due });
  }

  let timeline = null;
  if (going.length > 0 && !supplementOut) {
    try {
      timeline = schedule(going.map((s) => s.si), truth, received, supplementDue);
    } catch (e) {
      if (!(e instanceof OutOfCoverage)) throw e;
    }
  }
  services.sort(byId);
  if (compact) {
    return {
      outcome: overall,
      services: services.map((s) => ({ id: s.id, outcome: s.outcome })),
      proceeding,
      field_errors: fieldErrors,
      required_fields: prep.required,
      missing: missing.map((m) => ({ id: m.id, tolerated: m.tolerated })),
      counted_working_days: timeline === null ? null : timeline.counted,
    };
  }
  notApplicable.sort();
  return {
    outcome: overall,
    received_on: received,
    services: services.map((s) => ({ id: s.id, outcome: s.outcome })),
    not_applicable: notApplicable,
    proceeding,
    checklist,
    missing,
    field_errors: fieldErrors,
    required_fields: prep.required,
    timeline: timeline && {
      due: timeline.due,
      supplement_due: timeline.supplement_due,
      serial_due: timeline.serial_due,
      counted_working_days: timeline.counted,
      services: timeline.services,
    },
  };
}

/** The limit of a stage given the truth of the conditions (first `limit_if` that holds). */
function limitOf(st, truth) {
  for (const [k, l] of st.limit_if || []) if (truth[k]) return l;
  return st.limit;
}

/**
 * One service's stages from `start`: `dues` ("service.stage" → due day) is shared, so a stage
 * after `<other service>.<stage>` waits for it (dropped when that service is not scheduled).
 * Returns the service's due day (its latest stage, at least `start`) and its counted days (the
 * longest chain of office days, given the counted days each stage's cross-service
 * predecessors reached, in `counts`).
 */
function scheduleService(si, truth, start, dues, counts) {
  const s = SERVICES[si];
  let last = start;
  let counted = 0;
  for (const st of s.stages) {
    let from = start;
    let before = 0;
    for (const a of st.after || []) {
      const key = a.includes(".") ? a : `${s.id}.${a}`;
      if (!dues.has(key)) continue;
      if (dues.get(key) > from) from = dues.get(key);
      if (counts.get(key) > before) before = counts.get(key);
    }
    const limit = limitOf(st, truth);
    let cursor = from;
    if (st.pause_days && truth[st.pause_if]) cursor = iso(dnum(cursor) + st.pause_days);
    const due = addWorking(cursor, limit);
    const key = `${s.id}.${st.id}`;
    dues.set(key, due);
    counts.set(key, before + (st.applicant ? 0 : limit));
    if (due > last) last = due;
    if (counts.get(key) > counted) counted = counts.get(key);
  }
  return { due: last, counted };
}

/** Services in an order where a service another waits for comes first (else bundle order). */
function dependencyOrder(sis) {
  const waitsFor = (si) =>
    SERVICES[si].stages.flatMap((st) => (st.after || []).filter((a) => a.includes(".")).map((a) => SERVICE_INDEX.get(a.split(".")[0])));
  const left = sis.slice();
  const out = [];
  while (left.length > 0) {
    const i = left.findIndex((si) => waitsFor(si).every((w) => !left.includes(w) || w === si));
    out.push(left.splice(i < 0 ? 0 : i, 1)[0]);
  }
  return out;
}

function schedule(going, truth, received, supplementDue) {
  const start = addWorking(received, 1); // intake: 1 working day
  const order = dependencyOrder(going);
  const dues = new Map();
  const counts = new Map();
  const svc = [];
  let servicesDue = start;
  let counted = 0;
  for (const si of order) {
    const r = scheduleService(si, truth, start, dues, counts);
    svc.push({ id: SERVICES[si].id, due: r.due });
    if (r.due > servicesDue) servicesDue = r.due;
    if (r.counted > counted) counted = r.counted;
  }
  let due = addWorking(servicesDue, 1); // finish: 1 working day
  if (supplementDue !== null && supplementDue > due) due = supplementDue;
  // Serial: one service after another, the same intake, finish and floor.
  let cursor = start;
  const serialDues = new Map();
  for (const si of order) cursor = scheduleService(si, truth, cursor, serialDues, new Map()).due;
  let serialDue = addWorking(cursor, 1);
  if (supplementDue !== null && supplementDue > serialDue) serialDue = supplementDue;
  svc.sort(byId);
  // Counted: intake (1) + the longest chain of office days through the services + finish (1).
  return { due, supplement_due: supplementDue, serial_due: serialDue, counted: counted + 2, services: svc };
}

/** The comparable projection of a module decision (the same keys as `decide` returns). */
export function project(d) {
  return {
    outcome: d.outcome,
    received_on: d.received_on,
    services: d.services.map((s) => ({ id: s.id, outcome: s.outcome })),
    not_applicable: d.not_applicable,
    proceeding: d.proceeding,
    checklist: d.checklist.map((c) => c.id),
    missing: d.missing.map((m) => ({ id: m.id, tolerated: m.tolerated, supplement_due: m.supplement_due })),
    field_errors: d.field_errors.map((e) => e.path).sort(),
    required_fields: d.required_fields,
    timeline: d.timeline
      ? {
          due: d.timeline.due,
          supplement_due: d.timeline.supplement_due,
          serial_due: d.timeline.serial_due,
          counted_working_days: d.timeline.counted_working_days,
          services: d.timeline.services.map((s) => ({ id: s.id, due: s.due })).sort(byId),
        }
      : null,
  };
}

/** The latest date a decision mentions (for restricting to days both calendars agree on). */
export function lastDate(p) {
  let m = p.received_on;
  const t = p.timeline;
  for (const x of [t?.due, t?.serial_due, t?.supplement_due, ...p.missing.map((x) => x.supplement_due)]) {
    if (x && x > m) m = x;
  }
  return m;
}
