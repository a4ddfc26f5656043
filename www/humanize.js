// A condition of the policy language (`project_kind != 'small_micro' && has(uscc)`) in words an
// applicant can read: field ids become their labels, enum values their value labels, operators
// words. The raw condition is always shown next to it, so nothing is hidden.

import { getLocale, label } from "./i18n.js";

const OPS = {
  "zh-CN": { "==": "为", "!=": "不为", "<": "小于", "<=": "不大于", ">": "大于", ">=": "不小于",
             "&&": "且", "||": "或", "!": "非", in: "属于", true: "是", false: "否", has: "已填写" },
  en: { "==": "is", "!=": "is not", "<": "<", "<=": "≤", ">": ">", ">=": "≥",
        "&&": "and", "||": "or", "!": "not", in: "is one of", true: "yes", false: "no", has: "filled in:" },
};

const TOKEN = /'[^']*'|"[^"]*"|[A-Za-z_][A-Za-z0-9_]*|\d+(?:\.\d+)?|==|!=|<=|>=|&&|\|\||[<>!()[\],]/g;

/**
 * @param {string} cond the condition source
 * @param {import("../pkg/portal/index.js").FieldInfo[]} fields the target's fields
 */
export function humanize(cond, fields) {
  const ops = OPS[getLocale()] ?? OPS["zh-CN"];
  const byId = new Map(fields.map((f) => [f.id, f]));
  const valueLabel = (v) => {
    for (const f of fields) {
      const l = f.value_labels?.[v];
      if (l) return label(l, v);
    }
    return v;
  };
  const out = [];
  for (const tok of cond.match(TOKEN) ?? []) {
    if (byId.has(tok)) out.push(`「${label(byId.get(tok).label, tok)}」`);
    else if (tok in ops && !/^[()[\],]$/.test(tok)) out.push(ops[tok]);
    else if (/^['"]/.test(tok)) out.push(valueLabel(tok.slice(1, -1)));
    else if (tok === "(" || tok === ")" || tok === "[" || tok === "]" || tok === ",") out.push(tok);
    else out.push(tok);
  }
  const sep = getLocale() === "en" ? " " : "";
  return out
    .join(" ")
    .replace(/ ([)\],])/g, "$1")
    .replace(/([([]) /g, "$1")
    .replace(/ (?=「)|(?<=」) /g, sep)
    .trim();
}

/** A form value as shown to people. */
export function showValue(v, field) {
  if (v === true) return (OPS[getLocale()] ?? OPS["zh-CN"]).true;
  if (v === false) return (OPS[getLocale()] ?? OPS["zh-CN"]).false;
  if (v === null || v === undefined) return "—";
  const l = field?.value_labels?.[v];
  return l ? label(l, String(v)) : String(v);
}
