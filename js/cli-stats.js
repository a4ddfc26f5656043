// `intake-rules stats <policy.json> [cases.json] [--json]`: the reform metrics of a policy per
// target (policy.stats): materials an applicant brings (fewest, typical over the case file,
// most), the share of materials and services that allow 容缺 (and 告知承诺, 免提交), promised
// and statutory limits against the counted days of the cases, steps (环节), per region.
import { t, readText, render, thrownIssues, pct, table } from "./cli-util.js";

const period = (p, L) => {
  if (!p) return "—";
  const [[unit, n]] = Object.entries(p);
  const words = { working_days: t(L, "个工作日", " working days"), natural_days: t(L, "个自然日", " natural days"), months: t(L, "个月", " months") };
  return `${n}${words[unit] ?? ` ${unit}`}`;
};

const share = (s) => `${s.count}/${s.of} (${pct(s.count, s.of)})`;

const spread = (s) => (s ? `${s.min} / ${s.median} / ${s.max}` : "—");

/** The stats as text lines. */
export function statsLines(s, L) {
  const out = [];
  out.push(`${s.policy.id} ${s.policy.version}` + (s.cases_checked
    ? t(L, ` — ${s.cases_checked} 个用例（${s.cases_undecided} 个无法判定）`, ` — ${s.cases_checked} cases (${s.cases_undecided} undecidable)`)
    : t(L, " — 未给用例文件：典型值与天数需要用例", " — no case file: typical figures and days need one")));
  for (const x of s.targets) {
    out.push("");
    out.push(`${x.kind === "bundle" ? t(L, "联办", "bundle") : t(L, "事项", "service")} ${x.id}  ${x.name}` +
      (x.kind === "bundle" ? t(L, `（${x.services} 个事项）`, ` (${x.services} services)`) : ""));
    const rows = [
      [t(L, "材料数 最少/典型/最多", "materials fewest/typical/most"), `${x.materials.fewest} / ${x.materials.typical ?? "—"} / ${x.materials.most}`],
      [t(L, "可容缺材料", "tolerable (容缺) materials"), share(x.tolerable_materials)],
      [t(L, "可容缺事项", "services allowing 容缺"), share(x.tolerable_services)],
      [t(L, "可告知承诺材料", "commitment (告知承诺) materials"), share(x.commitment_materials)],
      [t(L, "免提交材料", "electronic (免提交) materials"), share(x.electronic_materials)],
      [t(L, "承诺 / 法定时限", "promised / statutory limit"), `${period(x.promise, L)} / ${period(x.legal, L)}`],
      [t(L, "环节 最少/最多", "steps (环节) fewest/most"), `${x.steps.fewest} / ${x.steps.most}`],
    ];
    const d = x.days;
    if (d.cases) {
      rows.push([t(L, "计时工作日 最少/中位/最多", "counted working days min/median/max"), `${spread(d.counted_working_days)}` + t(L, `（${d.with_timeline} 个有时间表）`, ` (${d.with_timeline} with a timeline)`)]);
      rows.push([t(L, "经过工作日 最少/中位/最多", "elapsed working days min/median/max"), spread(d.working_days)]);
      if (d.promise_met) rows.push([t(L, "承诺时限达成", "promise met"), share(d.promise_met)]);
      if (d.legal_met) rows.push([t(L, "法定时限达成", "legal limit met"), share(d.legal_met)]);
    }
    out.push(...table(rows));
    for (const r of x.regions) {
      const rd = r.days;
      out.push(`  ${t(L, "地区", "region")} ${r.id}${r.name ? ` ${r.name}` : ""}: ${t(L, "承诺", "promise")} ${period(r.promise, L)}` +
        (rd.cases ? `, ${t(L, "计时", "counted")} ${spread(rd.counted_working_days)}` + (rd.promise_met ? `, ${t(L, "达成", "met")} ${share(rd.promise_met)}` : "") : ""));
    }
  }
  return out;
}

export function statsCommand([pfile, cfile], out, opts, load) {
  const L = out.locale;
  const { policy, errors } = load(pfile);
  const ctext = cfile ? readText(cfile) : null;
  out.errors.push(...errors);
  out.human.push(...errors.map((d) => render(d, L)));
  if (!policy) return 1;
  try {
    out.stats = ctext != null ? policy.stats(ctext) : policy.stats();
  } catch (e) {
    const errs = thrownIssues(cfile, ctext, e);
    out.errors.push(...errs);
    out.human.push(...errs.map((d) => render(d, L)));
    return 1;
  } finally {
    policy.free();
  }
  out.human.push(...statsLines(out.stats, L));
  return 0;
}
