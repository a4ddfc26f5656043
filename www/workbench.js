// Policy workbench: edit a policy in a code editor (completion and hover help from the JSON
// Schema, the module's load errors and lint as inline markers), open and save local files,
// run its case file, compare any two versions (the previous save, a file, a built-in pack),
// and see the reform metrics as charts. Served by `npx intake-rules workbench` (which also
// reads and writes the files named on its command line) or by the repository's demo server.
// Plain ES module; everything it loads comes from the package.
import { Policy } from "/pkg/browser.js";
import { createEditor } from "/pkg/workbench/editor.js";
import { caseSummary } from "/pkg/cli-summary.js";

const $ = (id) => document.getElementById(id);
const token = document.querySelector('meta[name="workbench-token"]')?.content ?? "";
const EMPTY_CASES = '{\n  "cases": []\n}\n';

const state = {
  /** The policy being edited: where it came from and where it saves. */
  doc: { key: "", name: "", session: false, handle: null },
  casesDoc: { name: "", session: false, handle: null },
  /** Texts of this policy as opened and as saved, oldest first (for "the previous save"). */
  saves: [],
  /** Case files kept with their policy (key → text), so switching policies keeps each one's. */
  casesFor: new Map(),
  policy: null,
  problems: [],
  analysed: null,
  timer: 0,
  schema: null,
  /** The version last compared with (for the metrics' before/after). */
  baseline: null,
};

// ---- helpers ----------------------------------------------------------------------------------

const locale = () => $("locale").value;
const msg = (m) => (m ? (typeof m === "string" ? m : locale() === "en" ? m.en : m["zh-CN"]) : "");
const t = (zh, en) => (locale() === "en" ? en : zh);
/** A diagnostic's message with its did-you-mean `help`, if any. */
const dmsg = (d) => (d.help ? `${msg(d.message)}${t(`（${msg(d.help)}）`, ` (${msg(d.help)})`)}` : msg(d.message));

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "class") e.className = v;
    else if (k.startsWith("data-") || k.startsWith("aria-")) e.setAttribute(k, v);
    else e[k] = v;
  }
  for (const c of children) if (c != null) e.append(c);
  return e;
}

const status = (text) => { $("status").textContent = text; };

function issueItems(issues, jump) {
  return issues.map((d) => {
    const li = el("li", { class: "item fail clickable", "data-code": d.code },
      el("span", { class: "pos" }, d.line != null ? `${d.line}:${d.column}` : "—"),
      `${d.severity ?? "error"}[${d.code}] ${d.path ? `${d.path}: ` : ""}${dmsg(d)}`);
    if (d.line != null && jump) li.addEventListener("click", () => jump(d.line, d.column));
    return li;
  });
}

// ---- editors ----------------------------------------------------------------------------------

const editor = createEditor({
  parent: $("editor"),
  label: "policy JSON",
  getSchema: () => state.schema,
  onChange: () => { markDirty(); schedule(); },
});
const casesEditor = createEditor({
  parent: $("cases-box"),
  label: "case file JSON",
  onChange: (text) => { state.casesFor.set(state.doc.key, text); $("cases-name").classList.add("dirty"); },
});

function markDirty() {
  const saved = state.saves[state.saves.length - 1];
  $("file-name").classList.toggle("dirty", saved !== undefined && saved !== editor.getText());
}

// ---- analysis ---------------------------------------------------------------------------------

function analyse() {
  const text = editor.getText();
  state.analysed = text;
  const place = (d, severity) => ({ ...d, severity: d.severity ?? severity });
  try {
    state.policy?.free?.();
    state.policy = Policy.fromJson(text);
    state.problems = state.policy.lint().map((d) => place(d, "warning"));
    $("fingerprint").textContent = `${state.policy.id} ${state.policy.version}`;
    const n = (s) => state.problems.filter((d) => d.severity === s).length;
    status(t(`已加载：${n("error")} 个错误，${n("warning")} 个警告，${n("info")} 条提示`,
      `loaded: ${n("error")} errors, ${n("warning")} warnings, ${n("info")} notes`));
  } catch (e) {
    state.policy = null;
    state.problems = (e?.issues ?? [{ path: "", code: e?.code ?? "error", message: { "zh-CN": String(e?.message ?? e), en: String(e?.message ?? e) } }])
      .map((d) => place(d, "error"));
    $("fingerprint").textContent = "";
    status(t(`加载失败：${state.problems.length} 个错误`, `not loaded: ${state.problems.length} errors`));
  }
  state.problems.sort((a, b) => (a.line ?? 1e9) - (b.line ?? 1e9) || (a.column ?? 0) - (b.column ?? 0));
  editor.setDiagnostics(state.problems.map((d) => ({ ...d, message: `${d.code}: ${dmsg(d)}` })));
  renderProblems();
  for (const id of ["run-cases", "diff-button", "metrics-button"]) $(id).disabled = !state.policy;
}

function renderProblems() {
  const list = $("problems");
  if (!state.problems.length) {
    list.replaceChildren(el("li", { class: "none" }, t("没有问题", "no problems")));
    return;
  }
  list.replaceChildren(...state.problems.map((p) => {
    const where = p.line != null ? `${p.line}:${p.column}` : "—";
    const li = el("li", { class: p.severity, "data-line": String(p.line ?? ""), "data-column": String(p.column ?? ""), "data-code": p.code, title: p.path },
      el("span", { class: "pos" }, where),
      el("span", { class: "code-tag" }, `${p.severity}[${p.code}]`), " ",
      p.path ? el("span", { class: "code-tag" }, `${p.path}: `) : null,
      dmsg(p));
    if (p.line != null) li.addEventListener("click", () => editor.jumpTo(p.line, p.column));
    return li;
  }));
}

function schedule() {
  clearTimeout(state.timer);
  status(t("编辑中…", "editing…"));
  state.timer = setTimeout(analyse, 250);
}

/** The policy as the text is now (a pending analysis runs at once). */
function current() {
  if (state.analysed !== editor.getText()) {
    clearTimeout(state.timer);
    analyse();
  }
  return state.policy;
}

// ---- documents: open, save, packs ---------------------------------------------------------------

/** Show a policy text; its case file is the one kept with it, or `cases`, or an empty one. */
function openPolicy({ key, name, text, session = false, handle = null, cases = null, casesName = "", casesSession = false }) {
  state.casesFor.set(state.doc.key, casesEditor.getText());
  state.doc = { key, name, session, handle };
  state.saves = [text];
  state.baseline = null;
  editor.setText(text);
  $("file-name").textContent = name;
  $("file-name").classList.remove("dirty");
  const kept = state.casesFor.get(key);
  casesEditor.setText(kept ?? cases ?? EMPTY_CASES);
  state.casesDoc = { name: casesName, session: casesSession, handle: null };
  $("cases-name").textContent = casesName;
  $("cases-name").classList.remove("dirty");
  state.casesFor.set(key, casesEditor.getText());
  for (const id of ["case-summary", "diff-summary", "diff-cases-summary", "metrics-summary"]) $(id).textContent = "";
  for (const id of ["case-results", "diff-changes", "diff-cases", "metrics"]) $(id).replaceChildren();
  analyse();
}

async function loadPack(id) {
  let cases = null;
  try {
    const r = await fetch(`/packs/${encodeURIComponent(id)}.cases.json`);
    if (r.ok) cases = await r.text();
  } catch {
    // No case file for this pack: an empty one.
  }
  openPolicy({ key: `pack:${id}`, name: `${id}.json`, text: Policy.builtinSource(id), cases, casesName: cases ? `${id}.cases.json` : "" });
}

async function pickFile(inputId) {
  // The File System Access API (Chromium) gives a handle to save back to; elsewhere a file input.
  if (window.showOpenFilePicker && inputId === "open-input") {
    try {
      const [handle] = await window.showOpenFilePicker({ types: [{ description: "JSON", accept: { "application/json": [".json"] } }] });
      const file = await handle.getFile();
      return { name: file.name, text: await file.text(), handle };
    } catch {
      return null;
    }
  }
  const input = $(inputId);
  input.value = "";
  return new Promise((resolve) => {
    input.onchange = async () => {
      const file = input.files?.[0];
      resolve(file ? { name: file.name, text: await file.text(), handle: null } : null);
    };
    input.click();
  });
}

async function openFile() {
  const f = await pickFile("open-input");
  if (!f) return;
  openPolicy({ key: `file:${f.name}`, name: f.name, text: f.text, handle: f.handle });
}

function download(name, text) {
  const blob = new Blob([text], { type: "application/json" });
  const a = el("a", { href: URL.createObjectURL(blob), download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

async function saveText(role, text, doc) {
  if (doc.session) {
    const r = await fetch("/api/save", { method: "POST", headers: { "content-type": "application/json", "x-workbench-token": token }, body: JSON.stringify({ role, text }) });
    if (!r.ok) throw new Error((await r.json().catch(() => ({}))).error ?? r.statusText);
    return (await r.json()).path;
  }
  if (doc.handle?.createWritable) {
    const w = await doc.handle.createWritable();
    await w.write(text);
    await w.close();
    return doc.name;
  }
  download(doc.name || (role === "policy" ? "policy.json" : "cases.json"), text);
  return doc.name;
}

async function save(asNew = false) {
  const text = editor.getText();
  try {
    let where;
    if (asNew) {
      if (window.showSaveFilePicker) {
        const handle = await window.showSaveFilePicker({ suggestedName: state.doc.name || "policy.json" });
        state.doc = { ...state.doc, name: handle.name, handle, session: false };
        where = await saveText("policy", text, state.doc);
      } else {
        download(state.doc.name || "policy.json", text);
        where = state.doc.name;
      }
      $("file-name").textContent = state.doc.name;
    } else {
      where = await saveText("policy", text, state.doc);
    }
    if (state.saves[state.saves.length - 1] !== text) state.saves.push(text);
    markDirty();
    status(t(`已保存：${where}`, `saved: ${where}`));
  } catch (e) {
    status(t(`保存失败：${e.message}`, `save failed: ${e.message}`));
  }
}

async function saveCases() {
  try {
    const where = await saveText("cases", casesEditor.getText(), state.casesDoc);
    $("cases-name").classList.remove("dirty");
    status(t(`用例已保存：${where}`, `cases saved: ${where}`));
  } catch (e) {
    status(t(`保存失败：${e.message}`, `save failed: ${e.message}`));
  }
}

// ---- cases ------------------------------------------------------------------------------------

function runCases() {
  const policy = current();
  const out = $("case-results");
  if (!policy) return;
  let report;
  try {
    report = policy.runCases(casesEditor.getText());
  } catch (e) {
    $("case-summary").textContent = t("用例文件有误", "the case file has errors");
    $("case-summary").className = "summary fail";
    out.replaceChildren(...issueItems(e.issues ?? [], (l, c) => casesEditor.jumpTo(l, c)));
    return;
  }
  $("case-summary").textContent = t(`${report.passed} 个通过，${report.failed} 个失败`, `${report.passed} passed, ${report.failed} failed`);
  $("case-summary").className = `summary ${report.failed ? "fail" : "pass"}`;
  out.replaceChildren(...report.cases.map((c) => {
    const li = el("li", { class: `item ${c.passed ? "pass" : "fail"}` }, `${c.passed ? "PASS" : "FAIL"}  ${c.name}`);
    for (const d of c.differences) {
      li.append(el("div", { class: "detail" }, `${d.path}: ${t("期望", "expected")} ${JSON.stringify(d.expected)}, ${t("实际", "actual")} ${JSON.stringify(d.actual)}`));
    }
    for (const d of c.errors) li.append(el("div", { class: "detail" }, `error[${d.code}] ${d.path}: ${dmsg(d)}`));
    return li;
  }));
}

// ---- compare ----------------------------------------------------------------------------------

/** The version to compare with: {label, text} or a reason why there is none. */
async function baseline() {
  const how = $("compare-with").value;
  const text = editor.getText();
  if (how === "previous") {
    const earlier = [...state.saves].reverse().find((s) => s !== text);
    if (earlier === undefined) return { error: t("没有与当前内容不同的已保存版本", "no saved version differs from the text as it is") };
    return { label: t("上一次保存的版本", "the previous save"), text: earlier };
  }
  if (how === "file") {
    const f = await pickFile("compare-input");
    return f ? { label: f.name, text: f.text } : { error: t("未选择文件", "no file chosen") };
  }
  const id = $("compare-pack").value;
  return { label: id, text: Policy.builtinSource(id) };
}

const changeNote = (x) => {
  const date = (v) => typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v);
  if (date(x.old) && date(x.new)) {
    const n = Math.round((Date.parse(x.new) - Date.parse(x.old)) / 86_400_000);
    return n < 0 ? t(`（提前 ${-n} 天）`, ` (${-n} days earlier)`) : t(`（推迟 ${n} 天）`, ` (${n} days later)`);
  }
  if (typeof x.old === "number" && typeof x.new === "number") return ` (${x.new > x.old ? "+" : ""}${x.new - x.old})`;
  return "";
};

async function runDiff() {
  const policy = current();
  if (!policy) return;
  const base = await baseline();
  if (base.error) {
    $("diff-summary").textContent = base.error;
    for (const id of ["diff-changes", "diff-cases"]) $(id).replaceChildren();
    $("diff-cases-summary").textContent = "";
    return;
  }
  let old;
  let d;
  try {
    old = Policy.fromJson(base.text);
  } catch (e) {
    $("diff-summary").textContent = t(`${base.label} 无法加载`, `${base.label} does not load`);
    $("diff-changes").replaceChildren(...issueItems(e.issues ?? []));
    return;
  }
  try {
    d = Policy.diff(old, policy, casesEditor.getText());
  } catch (e) {
    $("diff-summary").textContent = t("用例文件有误", "the case file has errors");
    $("diff-changes").replaceChildren(...issueItems(e.issues ?? [], (l, c) => casesEditor.jumpTo(l, c)));
    old.free();
    return;
  }
  state.baseline = { label: base.label, text: base.text };
  old.free();
  $("diff-summary").textContent = d.changes.length
    ? t(`与${base.label}相比（${d.old.version} → ${d.new.version}）：${d.changes.length} 处结构变化`, `against ${base.label} (${d.old.version} → ${d.new.version}): ${d.changes.length} structural changes`)
    : t(`与${base.label}相比没有结构变化`, `no structural changes against ${base.label}`);
  $("diff-changes").replaceChildren(...d.changes.map((c) => el("li", { class: "item", "data-kind": c.kind },
    el("span", { class: "kind" }, c.kind), " ", el("span", { class: "code-tag" }, c.path),
    el("div", { class: "detail" }, msg(c.message)))));
  const s = caseSummary(d);
  const parts = Object.entries(s.by).map(([k, v]) => {
    const more = [v.earlier && t(`${v.earlier} 个提前`, `${v.earlier} earlier`), v.later && t(`${v.later} 个推迟`, `${v.later} later`),
      v.now_met && t(`${v.now_met} 个变为达成`, `${v.now_met} now met`), v.now_missed && t(`${v.now_missed} 个变为未达成`, `${v.now_missed} now missed`)].filter(Boolean);
    return `${k} ${v.cases}${more.length ? ` (${more.join(", ")})` : ""}`;
  });
  $("diff-cases-summary").textContent = t(`${d.cases_checked} 个用例中 ${d.cases.length} 个结果改变`, `${d.cases.length} of ${d.cases_checked} cases change`) +
    (parts.length ? ` — ${parts.join("; ")}` : "");
  $("diff-cases").replaceChildren(...d.cases.map((c) => {
    const li = el("li", { class: "item" }, c.name);
    for (const x of c.changes) li.append(el("div", { class: "detail", "data-path": x.path }, `${x.path}: ${JSON.stringify(x.old)} → ${JSON.stringify(x.new)}${changeNote(x)}`));
    return li;
  }));
}

// ---- metrics ----------------------------------------------------------------------------------

const SVG = "http://www.w3.org/2000/svg";
function svg(tag, attrs = {}, text = null) {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text != null) e.textContent = text;
  return e;
}

/**
 * Horizontal bars: rows of {label, bars: [{value, cls, text?, lo?, hi?}]}, scaled to the
 * largest value; `lo`/`hi` draw a whisker (min–max over the cases).
 */
function barChart(rows, { unit = "" } = {}) {
  const max = Math.max(1, ...rows.flatMap((r) => r.bars.flatMap((b) => [b.value ?? 0, b.hi ?? 0])));
  const labelW = 150;
  const width = 460;
  const barH = 12;
  let y = 4;
  const g = [];
  for (const r of rows) {
    const h = r.bars.length * (barH + 2);
    g.push(svg("text", { x: 0, y: y + h / 2 + 4 }, r.label));
    r.bars.forEach((b, i) => {
      const by = y + i * (barH + 2);
      const w = b.value == null ? 0 : Math.max(1, ((width - labelW - 70) * b.value) / max);
      const rect = svg("rect", { x: labelW, y: by, width: w, height: barH, class: b.cls, "data-value": b.value ?? "" });
      rect.append(svg("title", {}, `${r.label}: ${b.text ?? b.value ?? "—"}`));
      g.push(rect);
      if (b.lo != null && b.hi != null) {
        const x0 = labelW + ((width - labelW - 70) * b.lo) / max;
        const x1 = labelW + ((width - labelW - 70) * b.hi) / max;
        g.push(svg("line", { x1: x0, x2: x1, y1: by + barH / 2, y2: by + barH / 2, class: "whisker" }));
        g.push(svg("line", { x1: x0, x2: x0, y1: by + 2, y2: by + barH - 2, class: "whisker" }));
        g.push(svg("line", { x1: x1, x2: x1, y1: by + 2, y2: by + barH - 2, class: "whisker" }));
      }
      g.push(svg("text", { x: labelW + w + 4 + (b.hi != null ? ((width - labelW - 70) * (b.hi - (b.value ?? 0))) / max : 0), y: by + barH - 2 }, b.text ?? (b.value == null ? "—" : `${b.value}${unit}`)));
    });
    y += h + 6;
  }
  const s = svg("svg", { class: "chart", viewBox: `0 0 ${width} ${y}`, role: "img" });
  s.append(...g);
  return s;
}

const periodDays = (p) => (p ? (p.working_days ?? p.natural_days ?? p.months ?? null) : null);
const periodText = (p) => {
  if (!p) return "—";
  const [[u, n]] = Object.entries(p);
  return `${n} ${{ working_days: t("工作日", "working days"), natural_days: t("自然日", "natural days"), months: t("个月", "months") }[u] ?? u}`;
};
const pctText = (s) => (s && s.share != null ? `${Math.round(s.share * 100)}% (${s.count}/${s.of})` : "—");

function metricCard(now, before) {
  const bars = (get, fmt) => {
    const out = [];
    if (before) out.push({ value: get(before), cls: "bar-old", text: fmt ? fmt(before) : undefined });
    out.push({ value: get(now), cls: "bar-new", text: fmt ? fmt(now) : undefined });
    return out;
  };
  const card = el("div", { class: "metric-card", "data-target": now.id },
    el("h3", {}, `${now.kind === "bundle" ? t("联办", "bundle") : t("事项", "service")} ${now.id} · ${now.name}`));
  card.append(el("h4", {}, t("申请材料数（件）", "materials an applicant brings")));
  card.append(barChart([
    { label: t("最少", "fewest"), bars: bars((x) => x.materials.fewest) },
    { label: t("典型（用例中位）", "typical (cases' median)"), bars: bars((x) => x.materials.typical) },
    { label: t("最多", "most"), bars: bars((x) => x.materials.most) },
  ]));
  card.append(el("h4", {}, t("容缺、告知承诺、免提交（占比）", "容缺, 告知承诺, 免提交 (share)")));
  const share = (f) => bars((x) => (f(x).share == null ? null : Math.round(f(x).share * 100)), (x) => pctText(f(x)));
  card.append(barChart([
    { label: t("可容缺材料", "tolerable materials"), bars: share((x) => x.tolerable_materials) },
    { label: t("可容缺事项", "services with 容缺"), bars: share((x) => x.tolerable_services) },
    { label: t("可告知承诺材料", "commitment materials"), bars: share((x) => x.commitment_materials) },
    { label: t("免提交材料", "electronic materials"), bars: share((x) => x.electronic_materials) },
  ], { unit: "%" }));
  card.append(el("h4", {}, t("时限与用例计时天数（工作日）", "limits and the cases' counted days (working days)")));
  const counted = (x) => x.days.counted_working_days;
  const dayRows = [
    { label: t("承诺时限", "promised"), bars: bars((x) => periodDays(x.promise), (x) => periodText(x.promise)).map((b) => ({ ...b, cls: b.cls === "bar-new" ? "bar-limit" : b.cls })) },
    { label: t("法定时限", "statutory"), bars: bars((x) => periodDays(x.legal), (x) => periodText(x.legal)).map((b) => ({ ...b, cls: b.cls === "bar-new" ? "bar-legal" : b.cls })) },
    {
      label: t("计时天数 中位（最少–最多）", "counted days, median (min–max)"),
      bars: (before ? [before, now] : [now]).map((x, i) => ({
        value: counted(x)?.median ?? null, lo: counted(x)?.min, hi: counted(x)?.max,
        cls: before && i === 0 ? "bar-old" : "bar-new",
        text: counted(x) ? `${counted(x).median} (${counted(x).min}–${counted(x).max})` : t("无用例", "no cases"),
      })),
    },
  ];
  card.append(barChart(dayRows));
  if (now.days.promise_met) {
    card.append(el("div", { class: "legend", "data-metric": "promise-met" },
      `${t("承诺达成", "promise met")}: ${before?.days.promise_met ? `${pctText(before.days.promise_met)} → ` : ""}${pctText(now.days.promise_met)}`));
  }
  card.append(el("h4", {}, t("环节数", "steps (环节)")));
  card.append(barChart([
    { label: t("最少", "fewest"), bars: bars((x) => x.steps.fewest) },
    { label: t("最多", "most"), bars: bars((x) => x.steps.most) },
  ]));
  if (now.regions.length) {
    card.append(el("h4", {}, t("各地区", "per region")));
    const tbl = el("table", { class: "regions" }, el("tr", {}, el("th", {}, t("地区", "region")), el("th", {}, t("承诺", "promise")),
      el("th", {}, t("计时中位", "counted median")), el("th", {}, t("承诺达成", "promise met"))));
    for (const r of now.regions) {
      tbl.append(el("tr", {}, el("td", {}, `${r.id}${r.name ? ` ${r.name}` : ""}`), el("td", {}, periodText(r.promise)),
        el("td", {}, String(r.days.counted_working_days?.median ?? "—")), el("td", {}, pctText(r.days.promise_met))));
    }
    card.append(tbl);
  }
  return card;
}

function runMetrics() {
  const policy = current();
  if (!policy) return;
  const cases = casesEditor.getText();
  let now;
  let before = null;
  try {
    now = policy.stats(cases);
  } catch (e) {
    $("metrics-summary").textContent = t("用例文件有误", "the case file has errors");
    $("metrics").replaceChildren(el("ol", { class: "list" }, ...issueItems(e.issues ?? [], (l, c) => casesEditor.jumpTo(l, c))));
    return;
  }
  if (state.baseline) {
    try {
      const old = Policy.fromJson(state.baseline.text);
      before = old.stats(cases);
      old.free();
    } catch {
      before = null;
    }
  }
  $("metrics-legend").replaceChildren(...(before
    ? [el("span", { style: "background:#b8c4d2" }), `${state.baseline.label}`, el("span", { style: "background:#2f6db3" }), t("当前", "now")]
    : [el("span", { style: "background:#2f6db3" }), t("当前（先“比较”可显示改革前后）", "now (compare first to see before and after)")]));
  $("metrics-summary").textContent = t(`${now.policy.id} ${now.policy.version}：${now.targets.length} 个办理对象，${now.cases_checked} 个用例`,
    `${now.policy.id} ${now.policy.version}: ${now.targets.length} targets, ${now.cases_checked} cases`);
  const byId = new Map((before?.targets ?? []).map((x) => [x.id, x]));
  $("metrics").replaceChildren(...now.targets.map((x) => metricCard(x, byId.get(x.id) ?? null)));
}

// ---- wiring -----------------------------------------------------------------------------------

function showTab(name) {
  for (const n of ["cases", "compare", "metrics"]) {
    $(`tab-${n}`).setAttribute("aria-selected", String(n === name));
    $(`panel-${n}`).hidden = n !== name;
  }
}

$("open").addEventListener("click", openFile);
$("save").addEventListener("click", () => save(false));
$("save-as").addEventListener("click", () => save(true));
$("run-cases").addEventListener("click", runCases);
$("save-cases").addEventListener("click", saveCases);
$("open-cases").addEventListener("click", async () => {
  const f = await pickFile("cases-input");
  if (!f) return;
  casesEditor.setText(f.text);
  state.casesDoc = { name: f.name, session: false, handle: f.handle };
  $("cases-name").textContent = f.name;
  state.casesFor.set(state.doc.key, f.text);
});
$("diff-button").addEventListener("click", runDiff);
$("metrics-button").addEventListener("click", runMetrics);
$("pack").addEventListener("change", (e) => loadPack(e.target.value));
$("compare-with").addEventListener("change", (e) => { $("compare-pack").hidden = e.target.value !== "pack"; });
$("locale").addEventListener("change", () => analyse());
for (const n of ["cases", "compare", "metrics"]) $(`tab-${n}`).addEventListener("click", () => showTab(n));
document.addEventListener("keydown", (e) => {
  if ((e.ctrlKey || e.metaKey) && e.key === "s") {
    e.preventDefault();
    save(false);
  }
});

try {
  const r = await fetch("/pkg/policy.schema.json");
  if (r.ok) state.schema = await r.json();
} catch {
  // No schema: the editor works without completion and hover help.
}
const ids = Policy.builtinIds();
const packOptions = () => ids.map((id) => el("option", { value: id }, id));
$("pack").replaceChildren(el("option", { value: "", disabled: true }, "—"), ...packOptions());
$("compare-pack").replaceChildren(...packOptions());

// The files named on `intake-rules workbench`'s command line, when it serves this page.
// (Only that server sets the page's token; the demo server has no /api/.)
let session = null;
if (token) {
  try {
    const r = await fetch("/api/session");
    if (r.ok) session = await r.json();
  } catch {
    session = null;
  }
}
if (session?.policy) {
  const p = session.policy;
  openPolicy({
    key: `session:${p.path}`, name: p.path, text: p.text ?? "", session: true,
    cases: session.cases?.text ?? null, casesName: session.cases?.path ?? "", casesSession: Boolean(session.cases),
  });
  $("pack").value = "";
} else if (ids.length) {
  $("pack").value = ids[0];
  await loadPack(ids[0]);
  if (session?.cases) {
    casesEditor.setText(session.cases.text ?? EMPTY_CASES);
    state.casesDoc = { name: session.cases.path, session: true, handle: null };
    $("cases-name").textContent = session.cases.path;
  }
}
window.workbench = { editor, casesEditor, state, analyse, runDiff, runMetrics, runCases, save };
document.body.dataset.ready = "true";
