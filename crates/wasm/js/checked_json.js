// JSON text of a JS argument, read once with checks the plain JSON.stringify does not make
// (wasm-bindgen copies this file into the package as a snippet the glue imports):
//   - a size budget counted while reading, so a 50 MB object stops early instead of being
//     serialised and copied into wasm memory (which never shrinks);
//   - NaN / Infinity (JSON.stringify writes null, which would read as "absent");
//   - strings and keys with a lone UTF-16 surrogate (unrepresentable in UTF-8);
//   - nesting deeper than the engine reads, and BigInt values;
// each reported with the path of the offending value in the caller's object.

const STOP = Symbol("stop");

function wellFormed(s) {
  return typeof s.isWellFormed === "function" ? s.isWellFormed() : !/[\uD800-\uDFFF]/u.test(s);
}

/** Whether a string argument (JSON text) has no lone surrogate: one call, where js-sys's
 *  `is_valid_utf16` crosses into JS once per UTF-16 unit (half of a 57 KB policy's load). */
export function well_formed(s) {
  return wellFormed(s);
}

const PLAIN = /^[A-Za-z0-9_-]+$/;

/** The path of member `key` of the container reached by `holder` (see `meta`). */
function pathOf(meta, holder, key) {
  const parts = [];
  let h = holder;
  let k = key;
  while (h !== undefined && k !== undefined) {
    parts.push([Array.isArray(h), k]);
    const m = meta.get(h);
    if (m === undefined) break;
    h = m.holder;
    k = m.key;
  }
  let out = "";
  for (let i = parts.length - 1; i >= 0; i--) {
    const [inArray, part] = parts[i];
    if (part === "" && i === parts.length - 1) continue; // the root's own (empty) key
    if (inArray) out += `[${part}]`;
    else if (PLAIN.test(part)) out += out === "" ? part : `.${part}`;
    else out += `[${JSON.stringify(part)}]`;
  }
  return out;
}

/**
 * The JSON text of `value`, or `{code, path, detail}` for the first problem: `too_large` (more
 * than `max` UTF-16 units, counted as the value is read), `non_finite_number`,
 * `lone_surrogate`, `too_deep` (more than `maxDepth` nested containers), `type_mismatch`
 * (BigInt, a cycle, a getter or toJSON that throws).
 */
export function checked_stringify(value, max, maxDepth) {
  let budget = max;
  let problem = null;
  // container → {holder, key, depth}: where it sits, for the path and the depth.
  const meta = new WeakMap();
  const fail = (code, holder, key, detail) => {
    problem = { code, holder, key, detail };
    throw STOP;
  };
  function replacer(key, v) {
    budget -= key.length + 2;
    switch (typeof v) {
      case "number":
        if (v - v !== 0) fail("non_finite_number", this, key, String(v));
        budget -= 8;
        break;
      case "string":
        budget -= v.length + 2;
        if (budget >= 0 && !wellFormed(v)) fail("lone_surrogate", this, key, "");
        break;
      case "bigint":
        fail("type_mismatch", this, key, "a BigInt");
        break;
      case "object":
        if (v !== null) {
          const up = meta.get(this);
          const depth = (up === undefined ? 0 : up.depth) + 1;
          if (depth > maxDepth) fail("too_deep", this, key, String(maxDepth));
          meta.set(v, { holder: this, key, depth });
        }
        budget -= 4;
        break;
      default:
        break;
    }
    if (budget < 0) fail("too_large", undefined, undefined, String(max));
    if (!wellFormed(key)) fail("lone_surrogate", this, key, "key");
    return v;
  }
  try {
    return JSON.stringify(value, replacer);
  } catch (e) {
    if (e !== STOP) {
      return { code: "type_mismatch", path: "", detail: e instanceof Error ? e.message : String(e) };
    }
    const p = problem;
    const path = p.holder === undefined ? "" : pathOf(meta, p.holder, p.key);
    return { code: p.code, path, detail: p.detail };
  }
}

// A lone surrogate as JSON.stringify writes it (well-formed JSON.stringify escapes them).
const ESCAPED_SURROGATE = /\\u[dD][89a-fA-F]/;

/**
 * `checked_stringify` for the hot path (requests): the plain JSON.stringify first, read again
 * with checks only when its text could hide a problem — a `null` (perhaps a NaN), an escaped
 * lone surrogate — or when it throws. Too long a text is refused before it enters wasm memory.
 */
export function fast_stringify(value, max, maxDepth) {
  let text;
  try {
    text = JSON.stringify(value);
  } catch {
    return checked_stringify(value, max, maxDepth);
  }
  if (text === undefined) return text;
  if (text.length > max) return { code: "too_large", path: "", detail: String(max) };
  if (text.includes("null") || ESCAPED_SURROGATE.test(text)) {
    return checked_stringify(value, max, maxDepth);
  }
  return text;
}
