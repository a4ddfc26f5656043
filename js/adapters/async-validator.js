// Rules for async-validator — the validator behind Element Plus `<el-form :rules>` and Ant
// Design Vue `<a-form :rules>` — generated from a policy's field definitions, so an existing
// form adopts the policy's checks without rewriting its validation.
//
//   import { asyncValidatorRules } from "intake-rules/adapters/async-validator";
//   const rules = computed(() => asyncValidatorRules(policy, "joint", {
//     form, decision: decision.value, locale: "zh-CN" }));
//   <el-form :model="form" :rules="rules"> … <el-form-item prop="uscc"> …
//
// Per field, in this order (Element Plus stops at the first failing rule of a field):
//   1. required (with the value's type) — from the decision's `required_fields` (the fields required for the form as
//      sent, conditional requirements included) when a decision is given, else the field's
//      static `required: true`; this is what draws the form library's required mark;
//   2. the declarative checks the field's definition allows: type (number, integer, boolean,
//      enum with its values, string, a YYYY-MM-DD pattern for dates), min/max, max_length;
//   3. the engine's own check of the field, on the whole form (pass `form`): check characters
//      of 统一社会信用代码 and 居民身份证号码, mobile numbers, postcodes, e-mail, real dates,
//      requirements that depend on other fields — the same verdict and message as the
//      decision's field_errors and the back-end's re-check, so the two never disagree. It
//      reports only what rules 1–2 do not already report.
//
// The adapter is plain JavaScript: it takes a Policy (from "intake-rules" or
// "intake-rules/portal", already initialised) and loads nothing itself.

const MESSAGES = {
  "zh-CN": {
    requiredInput: (l) => `请填写${l}`,
    requiredChoice: (l) => `请选择${l}`,
    number: (l) => `${l}应为数字`,
    integer: (l) => `${l}应为整数`,
    boolean: (l) => `${l}应为“是”或“否”`,
    string: (l) => `${l}应为文本`,
    between: (l, min, max) => `${l}应在 ${min} 至 ${max} 之间`,
    atLeast: (l, min) => `${l}不应小于 ${min}`,
    atMost: (l, max) => `${l}不应大于 ${max}`,
    maxLength: (l, n) => `${l}不应超过 ${n} 个字符`,
    oneOf: (l, values) => `${l}应为以下之一：${values.join("、")}`,
    date: (l) => `${l}应为“年-月-日”格式的日期，如 2026-09-30`,
  },
  en: {
    requiredInput: (l) => `${l} is required`,
    requiredChoice: (l) => `${l} is required`,
    number: (l) => `${l} must be a number`,
    integer: (l) => `${l} must be a whole number`,
    boolean: (l) => `${l} must be yes or no`,
    string: (l) => `${l} must be text`,
    between: (l, min, max) => `${l} must be between ${min} and ${max}`,
    atLeast: (l, min) => `${l} must be at least ${min}`,
    atMost: (l, max) => `${l} must be at most ${max}`,
    maxLength: (l, n) => `${l} must be at most ${n} characters`,
    oneOf: (l, values) => `${l} must be one of: ${values.join(", ")}`,
    date: (l) => `${l} must be a date written YYYY-MM-DD, such as 2026-09-30`,
  },
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;
// Engine codes that rules 1–2 already report (so rule 3 stays silent on them).
const DECLARATIVE = new Set(["type_mismatch", "range", "not_in_enum"]);

const targetsCache = new WeakMap();

/** The target's field definitions (policy.targets() is cached per policy). */
export function targetFields(policy, target) {
  let targets = targetsCache.get(policy);
  if (!targets) {
    targets = new Map(policy.targets().map((t) => [t.id, t]));
    targetsCache.set(policy, targets);
  }
  const t = targets.get(target);
  if (!t) throw new RangeError(`intake-rules: the policy has no target "${target}" (it has ${[...targets.keys()].join(", ")})`);
  return t.fields;
}

/**
 * The ids of the fields required for the form as the decision saw it: its `required_fields`,
 * or — for a decision without that key, or none — the fields with a static `required: true`.
 */
export function requiredFieldIds(policy, target, decision) {
  if (decision && Array.isArray(decision.required_fields)) return [...decision.required_fields];
  return targetFields(policy, target).filter((f) => f.required === true).map((f) => f.id);
}

/**
 * async-validator rules for every field of `target` (or `options.fields`), keyed by field id.
 * @param {{targets(): any[], evaluateCompact(request: object): any}} policy
 * @param {string} target a service or bundle id of the policy
 * @param {object} [options]
 * @param {{required_fields?: string[]} | null} [options.decision] the latest decision (full or compact)
 * @param {object | (() => object)} [options.form] the whole form model (or a getter), for rule 3
 * @param {"zh-CN" | "en"} [options.locale] messages' language (default zh-CN)
 * @param {string | string[]} [options.trigger] default ["blur", "change"]
 * @param {string[]} [options.fields] only these field ids
 * @param {string} [options.submittedAt] the submission time rule 3 checks with (default: now)
 */
export function asyncValidatorRules(policy, target, options = {}) {
  const locale = options.locale === "en" ? "en" : "zh-CN";
  const say = MESSAGES[locale];
  const trigger = options.trigger ?? ["blur", "change"];
  const required = new Set(requiredFieldIds(policy, target, options.decision));
  const only = options.fields ? new Set(options.fields) : null;
  const rules = {};
  for (const field of targetFields(policy, target)) {
    if (only && !only.has(field.id)) continue;
    const label = field.label?.[locale] ?? field.label?.["zh-CN"] ?? field.id;
    const list = [];
    const isRequired = required.has(field.id);
    if (isRequired) {
      // The required rule names the value's JavaScript type: async-validator checks a rule
      // without one as a string, so a required number or bool would always fail it.
      const type = field.type === "number" ? "number" : field.type === "bool" ? "boolean" : "string";
      const choice = field.type === "enum" || field.type === "bool" || field.type === "date";
      list.push({ required: true, type, message: choice ? say.requiredChoice(label) : say.requiredInput(label), trigger });
    }
    list.push(...declarative(field, label, locale, trigger));
    list.push(engineRule(policy, target, field.id, isRequired, locale, trigger, options));
    rules[field.id] = list;
  }
  return rules;
}

function declarative(field, label, locale, trigger) {
  const say = MESSAGES[locale];
  const out = [];
  const range = (min, max) =>
    min !== null && max !== null ? say.between(label, min, max) : min !== null ? say.atLeast(label, min) : say.atMost(label, max);
  switch (field.type) {
    case "number": {
      const type = field.integer ? "integer" : "number";
      out.push({ type, message: field.integer ? say.integer(label) : say.number(label), trigger });
      if (field.min !== null || field.max !== null) {
        const rule = { type, message: range(field.min, field.max), trigger };
        if (field.min !== null) rule.min = field.min;
        if (field.max !== null) rule.max = field.max;
        out.push(rule);
      }
      break;
    }
    case "bool":
      out.push({ type: "boolean", message: say.boolean(label), trigger });
      break;
    case "enum": {
      const values = field.values ?? [];
      const shown = values.map((v) => {
        const l = field.value_labels?.[v];
        return (l && (l[locale] ?? l["zh-CN"])) || v;
      });
      out.push({ type: "enum", enum: values, message: say.oneOf(label, shown), trigger });
      break;
    }
    case "date":
      out.push({ type: "string", pattern: DATE, message: say.date(label), trigger });
      break;
    default:
      out.push({ type: "string", message: say.string(label), trigger });
      if (field.max_length !== null && field.max_length !== undefined) {
        out.push({ type: "string", max: field.max_length, message: say.maxLength(label, field.max_length), trigger });
      }
  }
  return out;
}

const isEmpty = (v) => v === undefined || v === null || v === "" || (Array.isArray(v) && v.length === 0);

function engineRule(policy, target, id, requiredByRule, locale, trigger, options) {
  const path = `form.${id}`;
  return {
    trigger,
    // async-validator calls it with (rule, value, callback, source, options); a returned
    // promise or a thrown Error also work, but the callback form is the one every version and
    // every form library accepts.
    validator(_rule, value, callback, source) {
      const model = typeof options.form === "function" ? options.form() : options.form ?? source ?? {};
      const form = {};
      for (const [k, v] of Object.entries(model ?? {})) if (v !== undefined) form[k] = v;
      if (value === undefined) delete form[id];
      else form[id] = value;
      let found;
      try {
        const decision = policy.evaluateCompact({
          target,
          form,
          materials: {},
          submitted_at: options.submittedAt ?? new Date().toISOString(),
          beyond_coverage: "weekends_only",
          locale,
        });
        found = decision.field_errors.find((e) => e.path === path);
      } catch {
        // A request the engine cannot decide at all (a hostile model) is the submit's concern,
        // not this field's.
        found = undefined;
      }
      if (!found || DECLARATIVE.has(found.code) || (found.code === "required" && (requiredByRule || !isEmpty(value)))) {
        callback();
        return;
      }
      callback(new Error(found.message?.[locale] ?? found.message?.["zh-CN"] ?? found.code));
    },
  };
}
