// Baseline 1: the joint-utility decision with its conditions as json-rules-engine rules (one
// engine, one rule per condition, one `engine.run(form)` per request; the events that fire are
// the conditions that hold), working days from chinese-days (inside joint.mjs).

import { Engine } from "json-rules-engine";
import { decide, prepare } from "./joint.mjs";

const eq = (fact, value) => ({ fact, operator: "equal", value });
const yes = (fact) => eq(fact, true);

/** The bundle's conditions as json-rules-engine conditions (absent facts compare false). */
export const CONDITIONS = {
  power_low: {
    all: [yes("needs_power"), { any: [{ fact: "power_capacity_kw", operator: "lessThanInclusive", value: 160 }, { fact: "power_capacity_kw", operator: "absent", value: true }] }],
  },
  power_high: { all: [yes("needs_power"), { fact: "power_capacity_kw", operator: "greaterThan", value: 160 }] },
  not_small: { all: [{ fact: "project_size", operator: "in", value: ["medium", "large"] }] },
  agent: { all: [yes("applicant_is_agent")] },
  water: { all: [yes("needs_water")] },
  gas: { all: [yes("needs_gas")] },
  heat: { all: [yes("needs_heat")] },
  telecom: { all: [yes("needs_telecom")] },
  cable_tv: { all: [yes("needs_cable_tv")] },
  ext: { all: [yes("needs_external_works")] },
  dual: { all: [yes("dual_supply")] },
  bad_credit: { all: [yes("bad_credit")] },
  road: { all: [yes("occupies_roadway")] },
  green_or_trees: { any: [yes("occupies_green_space"), yes("removes_trees")] },
  not_road: { all: [{ fact: "occupies_roadway", operator: "notEqual", value: true }] },
  not_green_nor_trees: {
    all: [{ fact: "occupies_green_space", operator: "notEqual", value: true }, { fact: "removes_trees", operator: "notEqual", value: true }],
  },
  trees: { all: [yes("removes_trees")] },
};

/** One engine, built once (as a portal would at start-up). */
export function makeEngine() {
  const engine = new Engine([], { allowUndefinedFacts: true });
  // `!has(field)`: json-rules-engine has no operator for an absent fact.
  engine.addOperator("absent", (fact, value) => (fact === undefined) === value);
  for (const [key, conditions] of Object.entries(CONDITIONS)) {
    engine.addRule({ conditions, event: { type: key }, name: key });
  }
  return engine;
}

const ENGINE = makeEngine();
const KEYS = Object.keys(CONDITIONS);

export async function evaluate(req) {
  const prep = prepare(req);
  const { events } = await ENGINE.run(prep.typed);
  const truth = {};
  for (const k of KEYS) truth[k] = false;
  for (const e of events) truth[e.type] = true;
  return decide(req, prep, truth);
}
