// The timeline of a decision as an SVG Gantt chart: one row per stage (grouped by service), plus
// intake and finish; rest days, public holidays and make-up working days shaded from the engine's
// own calendar (`calendar.isWorkingDay`); markers for the supplement due day and the final due
// day; the serial schedule drawn below the parallel one for comparison.
//
// Dates are civil `YYYY-MM-DD` strings; the arithmetic here is on day numbers (UTC midnight), so
// the host's time zone never matters. Bars run from the day after `start` to `due` inclusive —
// the start day itself is not counted (SPEC §3).

const NS = "http://www.w3.org/2000/svg";
const DAY = 86_400_000;

const toDay = (s) => Math.round(Date.UTC(+s.slice(0, 4), +s.slice(5, 7) - 1, +s.slice(8, 10)) / DAY);
const fromDay = (n) => new Date(n * DAY).toISOString().slice(0, 10);
const weekday = (n) => new Date(n * DAY).getUTCDay();

function s(tag, attrs = {}, ...children) {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== null && v !== undefined) el.setAttribute(k, String(v));
  for (const c of children.flat()) if (c !== null && c !== undefined) el.append(c);
  return el;
}

const clip = (text, n) => (text.length > n ? `${text.slice(0, n - 1)}…` : text);

/** Classifies each day of [from, to] with the calendar; a date it cannot answer is "outside". */
function dayKinds(calendar, from, to) {
  const kinds = [];
  for (let d = from; d <= to; d++) {
    const wk = weekday(d) === 0 || weekday(d) === 6;
    let kind;
    if (!calendar) kind = wk ? "rest" : "work";
    else {
      try {
        const working = calendar.isWorkingDay(fromDay(d));
        kind = working ? (wk ? "makeup" : "work") : wk ? "rest" : "holiday";
      } catch {
        kind = "outside"; // outside the calendar's coverage: shown, never guessed
      }
    }
    kinds.push(kind);
  }
  return kinds;
}

function rowsOf(tl, t, serviceName) {
  const rows = [];
  if (tl.intake) rows.push({ kind: "phase", label: tl.intake.name ?? t("intake"), start: tl.intake.start, due: tl.intake.due, days: tl.intake.working_days });
  for (const sv of tl.services) {
    rows.push({ kind: "service", label: sv.name ?? serviceName(sv.id), start: sv.start, due: sv.due, id: sv.id });
    for (const st of sv.stages) {
      rows.push({
        kind: st.by === "applicant" ? "applicant" : "stage", label: st.name ?? st.id, start: st.start, due: st.due,
        days: st.working_days, counted: st.counted_working_days, paused: st.paused_days, pauses: st.pauses ?? null,
        id: `${sv.id}.${st.id}`,
      });
    }
  }
  if (tl.finish) rows.push({ kind: "phase", label: tl.finish.name ?? t("finish"), start: tl.finish.start, due: tl.finish.due, days: tl.finish.working_days });
  return rows;
}

/**
 * Renders `tl` (a Decision's `timeline`, or null) into `container`.
 * @param {HTMLElement} container
 * @param {import("../pkg/portal/index.js").Timeline | null} tl
 * @param {{calendar: any, t: (k: string, p?: object) => string, serviceName: (id: string) => string}} opts
 */
export function renderTimeline(container, tl, { calendar, t, serviceName }) {
  if (!tl) {
    container.replaceChildren();
    return;
  }
  const parallel = rowsOf(tl, t, serviceName);
  const serial = tl.serial.map((x) => ({ kind: "serial", label: serviceName(x.id), start: x.start, due: x.due, id: x.id }));
  const dates = [tl.received_on, tl.due, tl.serial_due, tl.supplement_due, ...parallel.flatMap((r) => [r.start, r.due]), ...serial.flatMap((r) => [r.start, r.due])].filter(Boolean);
  const from = Math.min(...dates.map(toDay));
  const to = Math.max(...dates.map(toDay)) + 2;
  const n = to - from + 1;

  const labelW = 210;
  const dayW = Math.max(6, Math.min(22, Math.floor(820 / n)));
  const rowH = 22;
  const axisH = 34;
  const sectionH = 24;
  const rightPad = 96;
  const plotW = n * dayW;
  const width = labelW + plotW + rightPad;
  const rowsH = (parallel.length + serial.length) * rowH + 2 * sectionH;
  const markH = 3 * 16 + 8;
  const height = axisH + rowsH + markH;
  const x = (day) => labelW + (day - from) * dayW;
  const xs = (date) => x(toDay(date));

  const svg = s("svg", {
    viewBox: `0 0 ${width} ${height}`, width, height, class: "timeline", role: "img",
    "aria-labelledby": "tl-title", "data-testid": "timeline-svg", "font-size": 12,
  });
  svg.append(s("title", { id: "tl-title" }, t("chartLabel", { from: tl.received_on, due: tl.due })));
  svg.append(s("defs", {},
    s("pattern", { id: "hatch", width: 6, height: 6, patternUnits: "userSpaceOnUse", patternTransform: "rotate(45)" },
      s("rect", { width: 6, height: 6, class: "hatch-bg" }), s("line", { x1: 0, y1: 0, x2: 0, y2: 6, class: "hatch-line" }))));

  // Day shading and axis.
  const kinds = dayKinds(calendar, from, to);
  const shade = s("g", { class: "days" });
  const axis = s("g", { class: "axis" });
  kinds.forEach((kind, i) => {
    const d = from + i;
    const date = fromDay(d);
    if (kind !== "work") {
      shade.append(s("rect", { x: x(d), y: axisH, width: dayW, height: rowsH, class: `day day-${kind}`, "data-date": date },
        s("title", {}, `${date} ${t({ rest: "legendRest", holiday: "legendHoliday", makeup: "legendMakeup", outside: "legendOutside" }[kind])}`)));
    }
    const dom = +date.slice(8, 10);
    // A month label on the first day only when the next month is not about to start.
    if ((i === 0 && dom <= 24) || dom === 1) {
      axis.append(s("text", { x: x(d) + 2, y: 12, class: "axis-month" }, date.slice(0, 7)));
      axis.append(s("line", { x1: x(d), y1: 0, x2: x(d), y2: axisH + rowsH, class: "month-line" }));
    }
    if (dayW >= 16 || weekday(d) === 1) {
      axis.append(s("text", { x: x(d) + dayW / 2, y: axisH - 6, "text-anchor": "middle", class: `axis-day${kind === "work" ? "" : " off"}` }, String(dom)));
    }
  });
  svg.append(shade, axis);

  // Rows.
  let y = axisH;
  const rowsG = s("g", { class: "rows" });
  const section = (text) => {
    rowsG.append(s("text", { x: 4, y: y + 16, class: "section" }, text));
    rowsG.append(s("line", { x1: 0, y1: y + sectionH - 0.5, x2: width, y2: y + sectionH - 0.5, class: "section-line" }));
    y += sectionH;
  };
  const bar = (r) => {
    const indent = r.kind === "stage" || r.kind === "applicant" ? 14 : 4;
    const g = s("g", { class: `row row-${r.kind}`, "data-row": r.id ?? r.kind });
    g.append(s("text", { x: indent, y: y + 15, class: "row-label" }, clip(r.label, r.kind === "service" || r.kind === "phase" ? 16 : 15), s("title", {}, r.label)));
    const a = toDay(r.start);
    const b = toDay(r.due);
    const days = r.days != null ? `（${t("workingDays", { n: r.days })}${r.counted != null && r.counted !== r.days ? `，${t("countedDays", { n: r.counted })}` : ""}）` : "";
    const tip = `${r.label}: ${r.start} → ${r.due}${days}${r.kind === "applicant" ? ` — ${t("legendApplicant")}` : ""}`;
    if (r.pauses?.length) {
      // Each pause over the exact days it covers (SPEC §7.1), named, not counted.
      for (const p of r.pauses) {
        const pa = toDay(p.from);
        const pb = toDay(p.to);
        g.append(s("rect", { x: x(pa), y: y + 5, width: (pb - pa + 1) * dayW, height: rowH - 10, class: "paused", "data-pause": p.name },
          s("title", {}, `${p.name}: ${p.from} → ${p.to} — ${t("legendPaused")}`)));
      }
    } else if (r.paused) {
      g.append(s("rect", { x: x(a + 1), y: y + 5, width: r.paused * dayW, height: rowH - 10, class: "paused" }, s("title", {}, t("legendPaused"))));
    }
    if (b > a) {
      // A stage's bar starts after its pauses: the pause is drawn, the bar is the counted part.
      const pausedTo = r.pauses?.length ? Math.max(...r.pauses.map((p) => toDay(p.to))) : a;
      const from = Math.min(Math.max(a, pausedTo), b - 1);
      g.append(s("rect", { x: x(from + 1), y: y + (r.kind === "service" ? 8 : 4), width: (b - from) * dayW, height: r.kind === "service" ? rowH - 16 : rowH - 8, rx: 3, class: `bar bar-${r.kind}` }, s("title", {}, tip)));
    } else {
      const cx = x(b) + dayW / 2;
      g.append(s("path", { d: `M${cx} ${y + 4} l7 7 l-7 7 l-7 -7 z`, class: `milestone bar-${r.kind}` }, s("title", {}, tip)));
    }
    g.append(s("text", { x: x(b + 1) + 4, y: y + 15, class: "bar-due" }, r.due.slice(5)));
    rowsG.append(g);
    y += rowH;
  };
  section(t("parallel"));
  parallel.forEach(bar);
  section(t("serial"));
  serial.forEach(bar);
  svg.append(rowsG);

  // Markers: received, supplement due, due, serial due; labels stacked below the rows.
  const marks = s("g", { class: "marks" });
  const mark = (date, cls, text, line) => {
    if (!date) return;
    const mx = xs(date) + dayW;
    marks.append(s("line", { x1: mx, y1: axisH, x2: mx, y2: axisH + rowsH + 4 + line * 16, class: `mark ${cls}` }));
    const anchor = mx > width - 150 ? "end" : "start";
    marks.append(s("text", { x: anchor === "end" ? mx - 3 : mx + 3, y: axisH + rowsH + 14 + line * 16, "text-anchor": anchor, class: `mark-label ${cls}`, "data-testid": `mark-${cls}` }, text));
  };
  mark(tl.supplement_due, "supplement", `${t("supplement")} ${tl.supplement_due}`, 0);
  mark(tl.due, "due", `${t("due")} ${tl.due}`, 1);
  mark(tl.serial_due, "serial-due", `${t("serial")} ${tl.serial_due}`, 2);
  svg.append(marks);

  const legend = document.createElement("ul");
  legend.className = "legend";
  for (const [cls, key] of [["day-rest", "legendRest"], ["day-holiday", "legendHoliday"], ["day-makeup", "legendMakeup"], ["day-outside", "legendOutside"], ["paused", "legendPaused"], ["bar-applicant", "legendApplicant"], ["mark-supplement", "supplement"], ["mark-due", "due"]]) {
    const li = document.createElement("li");
    const sw = document.createElement("span");
    sw.className = `swatch ${cls}`;
    li.append(sw, t(key));
    legend.append(li);
  }
  container.replaceChildren(svg, legend);
}

/** The same schedule as a plain table (screen readers, copying into a letter). */
export function renderTimelineTable(container, tl, { t, serviceName }) {
  if (!tl) {
    container.replaceChildren();
    return;
  }
  const table = document.createElement("table");
  const head = table.createTHead().insertRow();
  for (const k of ["colRow", "colStart", "colDue", "colDays", "colCounted"]) {
    const th = document.createElement("th");
    th.scope = "col";
    th.textContent = t(k);
    head.append(th);
  }
  const body = table.createTBody();
  const add = (name, start, due, days, counted, cls) => {
    const tr = body.insertRow();
    tr.className = cls;
    const th = document.createElement("th");
    th.scope = "row";
    th.textContent = name;
    tr.append(th);
    for (const v of [start, due, days ?? "", counted ?? ""]) tr.insertCell().textContent = String(v);
  };
  for (const r of rowsOf(tl, t, serviceName)) {
    const name = r.kind === "applicant" ? `${r.label}（${t("legendApplicant")}）` : r.label;
    add(name, r.start, r.due, r.days, r.counted ?? (r.kind === "phase" ? r.days : null), `row-${r.kind}`);
    for (const p of r.pauses ?? []) add(`${r.label} · ${p.name}（${t("legendPaused")}）`, p.from, p.to, null, 0, "row-pause");
  }
  for (const x of tl.serial) add(`${t("serial")}: ${serviceName(x.id)}`, x.start, x.due, null, null, "row-serial");
  container.replaceChildren(table);
}
