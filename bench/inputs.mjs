// Deterministic benchmark inputs: requests over the `joint` bundle of the joint-utility pack and
// calendar arguments. Everything comes from one seeded PRNG, so two runs (and the native bench,
// which reads the same requests from a file) see exactly the same inputs.

/** mulberry32: a tiny, well-mixed 32-bit PRNG. Returns floats in [0, 1). */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = (r, xs) => xs[Math.floor(r() * xs.length)];
const int = (r, lo, hi) => lo + Math.floor(r() * (hi - lo + 1));

// ---- civil dates as day numbers (UTC arithmetic, never the host's time zone) -------------------

export const dayNumber = (iso) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 86400000;
export const isoOf = (n) => new Date(n * 86400000).toISOString().slice(0, 10);
export const weekday = (iso) => new Date(dayNumber(iso) * 86400000).getUTCDay();

// ---- valid identifiers (GB 32100-2015 USCC, GB 11643-1999 resident id) ---------------------------

const USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const USCC_W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
function uscc(r) {
  let body = "91" + String(int(r, 110000, 659999));
  while (body.length < 17) body += pick(r, USCC_CHARS);
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARS.indexOf(body[i]) * USCC_W[i];
  return body + USCC_CHARS[(31 - (sum % 31)) % 31];
}
const ID_W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
function residentId(r) {
  const birth = isoOf(int(r, dayNumber("1960-01-01"), dayNumber("2000-12-31"))).replaceAll("-", "");
  const body = String(int(r, 110000, 659999)) + birth + String(int(r, 100, 999));
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += +body[i] * ID_W[i];
  return body + "10X98765432"[sum % 11];
}
const mobile = (r) => "1" + int(r, 3, 9) + String(int(r, 0, 999999999)).padStart(9, "0");

// ---- requests -------------------------------------------------------------------------------------

/** Materials of the pack with what the catalogue allows (electronic, commitment). */
export const MATERIALS = {
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

/** Submission days: 2025-01-01 … 2026-11-30 (later ones reach beyond the calendar's 2026). */
export const FIRST_DAY = "2025-01-01";
export const LAST_DAY = "2026-11-30";

/**
 * `n` requests over the `joint` bundle: every project type and size, power either side of
 * 160 kW (or none, or no capacity), flags set, unset or absent, material statuses (including
 * ones the catalogue does not allow), a few form errors, and submission times on working days,
 * weekends, holidays and make-up days, before and after the 17:00 cutoff, with `+08:00`, `Z`
 * or no offset. `specialDays` (holidays and make-up days) are over-sampled.
 */
export function makeRequests(n, seed, specialDays = []) {
  const r = prng(seed);
  const out = [];
  const first = dayNumber(FIRST_DAY);
  const last = dayNumber(LAST_DAY);
  for (let i = 0; i < n; i++) {
    const size = pick(r, ["small", "small", "medium", "large"]);
    const form = {
      uscc: uscc(r),
      contact_mobile: mobile(r),
      project_type: pick(r, ["industrial", "industrial", "commercial", "commercial", "residential", "public", "municipal"]),
      project_size: size,
    };
    // The project code comes from data sharing; a portal passes it on when it has it.
    if (size !== "small" || r() < 0.2) form.project_code = `2026-${int(r, 110000, 659999)}-44-01-${String(int(r, 1, 999999)).padStart(6, "0")}`;
    const power = r();
    if (power < 0.8) {
      form.needs_power = true;
      const high = r() < 0.45;
      if (r() < 0.97) form.power_capacity_kw = high ? int(r, 161, 20000) : (r() < 0.1 ? int(r, 100, 160) : int(r, 10, 160));
      if (high && r() < 0.5) form.dual_supply = r() < 0.4;
    } else if (power < 0.9) {
      form.needs_power = false;
    }
    for (const k of ["needs_water", "needs_gas", "needs_heat", "needs_telecom", "needs_cable_tv"]) {
      const x = r();
      if (x < 0.55) form[k] = true;
      else if (x < 0.85) form[k] = false; // else absent
    }
    const works = r() < 0.5;
    form.needs_external_works = works;
    if (works) {
      form.occupies_roadway = r() < 0.6;
      form.occupies_green_space = r() < 0.4;
      form.removes_trees = r() < 0.3;
    }
    if (r() < 0.3) {
      form.applicant_is_agent = true;
      form.agent_id_number = residentId(r);
    } else if (r() < 0.3) {
      form.applicant_is_agent = false;
    }
    if (r() < 0.5) form.bad_credit = r() < 0.15;
    // A few form errors, as a portal sees while the applicant types.
    const err = r();
    if (err < 0.03) form.uscc = form.uscc.slice(0, 17) + (form.uscc[17] === "0" ? "1" : "0");
    else if (err < 0.05) form.contact_mobile = "1234567";
    else if (err < 0.07 && form.applicant_is_agent) delete form.agent_id_number;
    else if (err < 0.08) delete form.needs_external_works;
    else if (err < 0.09 && works) delete form.removes_trees;
    else if (err < 0.1 && form.needs_power) form.power_capacity_kw = -5;
    else if (err < 0.11) form.project_size = "huge";

    const materials = {};
    const missingRate = pick(r, [0, 0, 0.05, 0.12, 0.3]);
    for (const [id, [electronic, commitment]] of Object.entries(MATERIALS)) {
      const x = r();
      if (x < missingRate) continue; // absent: missing
      if (x < missingRate + 0.02) materials[id] = "missing";
      else if (x < missingRate + 0.035) materials[id] = pick(r, ["committed", "electronic"]); // maybe not allowed
      else if (electronic && r() < 0.5) materials[id] = "electronic";
      else if (commitment && r() < 0.3) materials[id] = "committed";
      else materials[id] = "provided";
    }

    const day =
      specialDays.length > 0 && r() < 0.25 ? pick(r, specialDays) : isoOf(int(r, first, last));
    const hh = String(int(r, 7, 20)).padStart(2, "0");
    const mm = String(pick(r, [0, 15, 30, 59, int(r, 0, 59)])).padStart(2, "0");
    const ss = pick(r, ["00", "00", "59"]);
    const tz = r();
    let submitted_at;
    if (tz < 0.8) submitted_at = `${day}T${hh}:${mm}:${ss}+08:00`;
    else if (tz < 0.9) submitted_at = `${day}T${hh}:${mm}:${ss}`;
    else {
      // The same instant in UTC (eight hours earlier).
      const h = +hh - 8;
      const d = h < 0 ? isoOf(dayNumber(day) - 1) : day;
      submitted_at = `${d}T${String((h + 24) % 24).padStart(2, "0")}:${mm}:${ss}Z`;
    }
    out.push({ target: "joint", form, materials, submitted_at, locale: r() < 0.85 ? "zh-CN" : "en" });
  }
  return out;
}

/**
 * `n` calendar arguments: a start day in 2019-01-01 … 2025-11-30 and a span of 0 … 250 working
 * days; `to` for workingDaysBetween is a day up to 380 natural days later.
 */
export function makeCalendarArgs(n, seed) {
  const r = prng(seed);
  const first = dayNumber("2019-01-01");
  const last = dayNumber("2025-11-30");
  const out = [];
  for (let i = 0; i < n; i++) {
    const d = int(r, first, last);
    out.push({ date: isoOf(d), n: int(r, 0, 250), to: isoOf(Math.min(d + int(r, 0, 380), dayNumber("2026-12-31"))) });
  }
  return out;
}
