// Baseline 1b: the joint-utility decision with its conditions written for json-logic-js,
// working days from chinese-days (inside joint.mjs).

import jsonLogic from "json-logic-js";
import { decide, prepare } from "./joint.mjs";

const v = (name) => ({ var: name });
const is = (name) => ({ "===": [v(name), true] });

/** The bundle's conditions as json-logic rules (absent fields compare false). */
export const RULES = {
  power_low: { and: [is("needs_power"), { or: [{ "==": [v("power_capacity_kw"), null] }, { "<=": [v("power_capacity_kw"), 160] }] }] },
  power_high: { and: [is("needs_power"), { "!=": [v("power_capacity_kw"), null] }, { ">": [v("power_capacity_kw"), 160] }] },
  not_small: { in: [v("project_size"), ["medium", "large"]] },
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
  green_or_trees: { or: [is("occupies_green_space"), is("removes_trees")] },
  not_road: { "!==": [v("occupies_roadway"), true] },
  not_green_nor_trees: { and: [{ "!==": [v("occupies_green_space"), true] }, { "!==": [v("removes_trees"), true] }] },
  trees: is("removes_trees"),
};
const KEYS = Object.keys(RULES);

export function evaluate(req) {
  const prep = prepare(req);
  const truth = {};
  for (const k of KEYS) truth[k] = jsonLogic.truthy(jsonLogic.apply(RULES[k], prep.typed));
  return decide(req, prep, truth);
}
