// Example answers that make the demo tell a story when it opens. Keyed by policy id; only the
// keys the chosen target actually asks for are used, and any field without an example gets a
// generic, valid value from its type and format (see `sampleValue` in app.js).

export const EXAMPLES = {
  "cn.example.joint-utility-connection": {
    uscc: "91350100M000100Y43",
    contact_mobile: "13800138000",
    applicant_is_agent: false,
    project_kind: "industrial",
    voltage_level: "high",
    power_capacity_kva: 630,
    dual_supply: false,
    needs_water: true,
    needs_gas: true,
    needs_heat: false,
    needs_telecom: true,
    needs_cable_tv: false,
    needs_external_works: false,
    bad_credit: false,
  },
};

/** Valid sample values per string format (check characters verified). */
export const FORMAT_SAMPLES = {
  uscc: "91350100M000100Y43",
  "cn-resident-id": "11010519491231002X",
  "cn-mobile": "13800138000",
  "cn-postcode": "528400",
  email: "applicant@example.cn",
};
