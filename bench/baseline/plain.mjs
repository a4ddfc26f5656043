// Baseline 2: the joint-utility decision by hand in plain JS — the conditions as JS expressions,
// no library but chinese-days (for working days, inside joint.mjs).

import { decide, prepare } from "./joint.mjs";

/** Every condition of the bundle, on the typed form (absent fields compare false). */
export function conditions(f) {
  const kw = f.power_capacity_kw;
  return {
    power_low: f.needs_power === true && (kw === undefined || kw <= 160),
    power_high: f.needs_power === true && kw !== undefined && kw > 160,
    not_small: f.project_size !== undefined && f.project_size !== "small",
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
    green_or_trees: f.occupies_green_space === true || f.removes_trees === true,
    not_road: f.occupies_roadway !== true,
    not_green_nor_trees: f.occupies_green_space !== true && f.removes_trees !== true,
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
