// The summary of a diff's case changes, shared by the command line and the workbench (plain
// JS, no imports: the workbench loads it in the browser).

/** Days between two `YYYY-MM-DD` dates (b − a), calendar days. */
export function daysBetween(a, b) {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

const isDate = (v) => typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v);

/** The part of a case change's path that names what changed: `due`, `services`, `promise_met` … */
const topic = (path) => path.split(/[.[]/)[0];

/**
 * The summary of a diff's case changes: per topic the number of cases it changes, and for
 * dates (due …) how many moved earlier or later, for promise_met how many now miss / now meet.
 */
export function caseSummary(d) {
  const topics = {};
  for (const c of d.cases ?? []) {
    const seen = new Set();
    for (const x of c.changes) {
      const k = topic(x.path);
      const s = (topics[k] ??= { cases: 0, changes: 0 });
      s.changes += 1;
      if (!seen.has(k)) s.cases += 1;
      seen.add(k);
      if (isDate(x.old) && isDate(x.new)) {
        const days = daysBetween(x.old, x.new);
        if (days < 0) s.earlier = (s.earlier ?? 0) + 1;
        else if (days > 0) s.later = (s.later ?? 0) + 1;
      } else if (typeof x.old === "number" && typeof x.new === "number") {
        if (x.new < x.old) s.fewer = (s.fewer ?? 0) + 1;
        else if (x.new > x.old) s.more = (s.more ?? 0) + 1;
      } else if (typeof x.old === "boolean" || typeof x.new === "boolean") {
        if (x.old === true && x.new !== true) s.now_missed = (s.now_missed ?? 0) + 1;
        if (x.old !== true && x.new === true) s.now_met = (s.now_met ?? 0) + 1;
      }
    }
  }
  return { cases_checked: d.cases_checked ?? 0, cases_changed: (d.cases ?? []).length, by: topics };
}

