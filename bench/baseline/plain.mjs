// Baseline 2: the joint-utility decision by hand in plain JS — the conditions as JS expressions,
// no library but chinese-days (for working days, inside joint.mjs).

import { decide, prepare } from "./joint.mjs";

/** Every condition of the bundle, on the typed form (absent fields compare false). */
export function conditions(f) {
  const kind = f.project_kind;
  return {
    low: f.voltage_level === "low",
    high: f.voltage_level === "high",
    residential: kind === "residential",
    not_small_micro: kind !== undefined && kind !== "small_micro",
    cap_over_160: f.power_capacity_kva !== undefined && f.power_capacity_kva > 160,
    agent: f.applicant_is_agent === true,
    water: f.needs_water === true,
    gas: f.needs_gas === true,
    heat: f.needs_heat === true,
    telecom: f.needs_telecom === true,
    cable_tv: f.needs_cable_tv === true,
    ext: f.needs_external_works === true,
    dual: f.dual_supply === true,
    bad_credit: f.bad_credit === true,
    road: f.occupies_roadway === true,
    green: f.occupies_green_space === true,
    not_road: f.occupies_roadway !== true,
    not_green: f.occupies_green_space !== true,
    trees: f.removes_trees === true,
  };
}

export function evaluate(req) {
  const prep = prepare(req);
  return decide(req, prep, conditions(prep.typed));
}

/** The same, keeping only what `evaluateCompact` returns (no dates: no chinese-days calls). */
export function evaluateCompact(req) {
  const prep = prepare(req);
  return decide(req, prep, conditions(prep.typed), true);
}
