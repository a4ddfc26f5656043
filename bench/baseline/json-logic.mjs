// Baseline 1b: the joint-utility decision with its conditions written for json-logic-js,
// working days from chinese-days (inside joint.mjs).

import jsonLogic from "json-logic-js";
import { decide, prepare } from "./joint.mjs";

const v = (name) => ({ var: name });
const is = (name) => ({ "===": [v(name), true] });

/** The bundle's conditions as json-logic rules (absent fields compare false). */
export const RULES = {
  low: { "==": [v("voltage_level"), "low"] },
  high: { "==": [v("voltage_level"), "high"] },
  residential: { "==": [v("project_kind"), "residential"] },
  not_small_micro: { in: [v("project_kind"), ["industrial", "commercial", "residential"]] },
  cap_over_160: { and: [{ "!==": [v("power_capacity_kva"), null] }, { ">": [v("power_capacity_kva"), 160] }] },
  agent: is("applicant_is_agent"),
  water: is("needs_water"),
  gas: is("needs_gas"),
  heat: is("needs_heat"),
  telecom: is("needs_telecom"),
  cable_tv: is("needs_cable_tv"),
  ext: is("needs_external_works"),
  dual: is("dual_supply"),
  bad_credit: is("bad_credit"),
  road: is("occupies_roadway"),
  green: is("occupies_green_space"),
  not_road: { "!==": [v("occupies_roadway"), true] },
  not_green: { "!==": [v("occupies_green_space"), true] },
  trees: is("removes_trees"),
};
const KEYS = Object.keys(RULES);

export function evaluate(req) {
  const prep = prepare(req);
  const truth = {};
  for (const k of KEYS) truth[k] = jsonLogic.truthy(jsonLogic.apply(RULES[k], prep.typed));
  return decide(req, prep, truth);
}
