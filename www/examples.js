// Example answers that make the demo tell a story when it opens. Keyed by policy id; only the
// keys the chosen target actually asks for are used, and any field without an example gets a
// generic, valid value from its type and format (see `sampleValue` in app.js).

export const EXAMPLES = {
  // Case J01 of the pack's case file: a large industrial project, high voltage, water, gas
  // and telecom, received 2026-09-30; 14 office days against the 15-day promise.
  "cn.example.joint-utility-connection": {
    uscc: "91442000MA4UK1234E", contact_mobile: "13912345678", applicant_is_agent: false,
    project_type: "industrial", project_size: "large", project_code: "2601-441900-04-01-000123",
    needs_power: true, power_capacity_kw: 630, dual_supply: false,
    needs_water: true, needs_gas: true, needs_heat: false, needs_telecom: true, needs_cable_tv: false,
    needs_external_works: false, bad_credit: false,
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
