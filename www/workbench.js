// Policy workbench: edit a policy, see load errors and lint at their line as you type, run the
// case file, diff against the built-in version, download the result. Plain ES module, no
// framework, no network beyond this site (the package and the packs' case files).
import { Policy, locate } from "/pkg/browser.js";

const $ = (id) => document.getElementById(id);
const editor = $("editor");
const casesBox = $("cases");
const state = { pack: "", policy: null, problems: [], timer: 0, analysed: "" };


// ---- helpers ----------------------------------------------------------------------------------

const locale = () => $("locale").value;
const msg = (m) => (m ? (locale() === "en" ? m.en : m["zh-CN"]) : "");
const t = (zh, en) => (locale() === "en" ? en : zh);

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "class") e.className = v;
    else if (k.startsWith("data-")) e.setAttribute(k, v);
    else e[k] = v;
  }
  for (const c of children) if (c != null) e.append(c);
  return e;
}

function status(text) {
  $("status").textContent = text;
}

function lineStarts(text) {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === "\n") starts.push(i + 1);
  return starts;
}

// ---- the editor: line numbers and marks --------------------------------------------------------

function renderGutter() {
  const lines = editor.value.split("\n").length;
  const marks = new Map();
  const rank = { error: 3, warning: 2, info: 1 };
  for (const p of state.problems) {
    if (p.line == null) continue;
    const cur = marks.get(p.line);
    if (!cur || rank[p.severity] > rank[cur]) marks.set(p.line, p.severity);
  }
  const g = $("gutter-inner");
  const frag = document.createDocumentFragment();
  for (let n = 1; n <= lines; n++) {
    const d = document.createElement("div");
    d.textContent = String(n);
    const m = marks.get(n);
    if (m) { d.className = m; d.dataset.line = String(n); }
    frag.append(d);
  }
  g.replaceChildren(frag);
  const mk = $("marks");
  mk.replaceChildren(...[...marks].map(([line, sev]) => {
    const d = el("div", { class: sev, "data-line": String(line) });
    d.style.top = `calc(6px + ${line - 1} * var(--line))`;
    return d;
  }));
  syncScroll();
}

function syncScroll() {
  $("gutter-inner").style.transform = `translateY(${-editor.scrollTop}px)`;
  $("marks").style.transform = `translate(${-editor.scrollLeft}px, ${-editor.scrollTop}px)`;
}

function jumpTo(line, column) {
  const starts = lineStarts(editor.value);
  const start = starts[Math.max(0, Math.min(line - 1, starts.length - 1))] ?? 0;
  const offset = start + Math.max(0, (column ?? 1) - 1);
  editor.focus();
  editor.setSelectionRange(offset, offset);
  const lh = parseFloat(getComputedStyle(editor).lineHeight) || 18;
  editor.scrollTop = Math.max(0, (line - 5) * lh);
  syncScroll();
}

// ---- analysis ---------------------------------------------------------------------------------

function analyse() {
  const text = editor.value;
  state.analysed = text;
  const place = (d, severity) => {
    let { line, column } = d;
    if (line == null || column == null) [[line, column]] = locate(text, [d.path]);
    return { ...d, line: line ?? null, column: column ?? null, severity: d.severity ?? severity };
  };
  try {
    state.policy?.free?.();
    state.policy = Policy.fromJson(text);
    state.problems = state.policy.lint().map((d) => place(d, "warning"));
    $("fingerprint").textContent = `${state.policy.id} ${state.policy.version}`;
    status(t(`已加载：${state.problems.length} 条检查结果`, `loaded: ${state.problems.length} lint findings`));
  } catch (e) {
    state.policy = null;
    state.problems = (e?.issues ?? [{ path: "", code: e?.code ?? "error", message: { "zh-CN": String(e?.message ?? e), en: String(e?.message ?? e) } }])
      .map((d) => place(d, "error"));
    $("fingerprint").textContent = "";
    status(t(`加载失败：${state.problems.length} 个错误`, `not loaded: ${state.problems.length} errors`));
  }
  state.problems.sort((a, b) => (a.line ?? 1e9) - (b.line ?? 1e9) || (a.column ?? 0) - (b.column ?? 0));
  renderProblems();
  renderGutter();
  $("run-cases").disabled = !state.policy;
  $("diff-button").disabled = !state.policy;
}

function renderProblems() {
  const list = $("problems");
  if (!state.problems.length) {
    list.replaceChildren(el("li", { class: "none" }, t("没有问题", "no problems")));
    return;
  }
  list.replaceChildren(...state.problems.map((p) => {
    const where = p.line != null ? `${p.line}:${p.column}` : "—";
    const li = el("li", { class: p.severity, "data-line": String(p.line ?? ""), "data-code": p.code, title: p.path },
      el("span", { class: "pos" }, where),
      el("span", { class: "code-tag" }, `${p.severity}[${p.code}]`), " ",
      p.path ? el("span", { class: "code-tag" }, `${p.path}: `) : null,
      msg(p.message));
    if (p.line != null) li.addEventListener("click", () => jumpTo(p.line, p.column));
    return li;
  }));
}

function schedule() {
  clearTimeout(state.timer);
  status(t("编辑中…", "editing…"));
  state.timer = setTimeout(analyse, 250);
}

/** The analysis of the text as it is now (a pending debounce runs at once). */
function current() {
  if (state.analysed !== editor.value) {
    clearTimeout(state.timer);
    analyse();
  }
  return state.policy;
}

// ---- cases ------------------------------------------------------------------------------------

function caseFile() {
  try {
    return { value: JSON.parse(casesBox.value) };
  } catch (e) {
    return { error: t(`用例文件不是合法的 JSON：${e.message}`, `the case file is not valid JSON: ${e.message}`) };
  }
}

function issueList(issues, text) {
  const at = locate(text, issues.map((d) => d.path));
  return issues.map((d, i) => {
    const [l, c] = at[i];
    return el("li", { class: "fail" }, el("span", { class: "pos" }, `${l}:${c}`),
      `error[${d.code}] ${d.path ? `${d.path}: ` : ""}${msg(d.message)}`);
  });
}

function runCases() {
  const policy = current();
  const out = $("case-results");
  if (!policy) return;
  const file = caseFile();
  if (file.error) {
    $("case-summary").textContent = file.error;
    out.replaceChildren();
    return;
  }
  let report;
  try {
    report = policy.runCases(file.value);
  } catch (e) {
    $("case-summary").textContent = t("用例文件有误", "the case file has errors");
    out.replaceChildren(...issueList(e.issues ?? [], casesBox.value));
    return;
  }
  $("case-summary").textContent = t(`${report.passed} 个通过，${report.failed} 个失败`, `${report.passed} passed, ${report.failed} failed`);
  $("case-summary").className = `summary ${report.failed ? "fail" : "pass"}`;
  out.replaceChildren(...report.cases.map((c) => {
    const li = el("li", { class: c.passed ? "pass" : "fail" }, `${c.passed ? "PASS" : "FAIL"}  ${c.name}`);
    for (const d of c.differences) {
      li.append(el("div", { class: "detail" }, `${d.path}: ${t("期望", "expected")} ${JSON.stringify(d.expected)}, ${t("实际", "actual")} ${JSON.stringify(d.actual)}`));
    }
    for (const d of c.errors) li.append(el("div", { class: "detail" }, `error[${d.code}] ${d.path}: ${msg(d.message)}`));
    return li;
  }));
}

// ---- diff -------------------------------------------------------------------------------------

function runDiff() {
  const policy = current();
  if (!policy) return;
  const file = caseFile();
  let d;
  let base;
  try {
    base = Policy.builtin(state.pack);
    d = file.value ? Policy.diff(base, policy, file.value) : Policy.diff(base, policy);
  } catch (e) {
    $("diff-summary").textContent = `${e.name ?? "Error"}: ${e.message}`;
    $("diff-changes").replaceChildren(...issueList(e.issues ?? [], casesBox.value));
    return;
  } finally {
    base?.free?.();
  }
  $("diff-summary").textContent = d.changes.length
    ? t(`${d.old.version} → ${d.new.version}：${d.changes.length} 处结构变化`, `${d.old.version} → ${d.new.version}: ${d.changes.length} structural changes`)
    : t("与内置版本相同（无结构变化）", "same as the built-in version (no structural changes)");
  $("diff-changes").replaceChildren(...d.changes.map((c) => el("li", { "data-kind": c.kind },
    el("span", { class: "kind" }, c.kind), " ", el("span", { class: "code-tag" }, c.path),
    el("div", { class: "detail" }, msg(c.message)))));
  $("diff-cases-summary").textContent = file.value
    ? t(`${d.cases_checked} 个用例中 ${d.cases.length} 个结果改变`, `${d.cases.length} of ${d.cases_checked} cases change`)
    : file.error;
  $("diff-cases").replaceChildren(...d.cases.map((c) => {
    const li = el("li", {}, c.name);
    for (const x of c.changes) li.append(el("div", { class: "detail" }, `${x.path}: ${JSON.stringify(x.old)} → ${JSON.stringify(x.new)}`));
    return li;
  }));
}

// ---- packs, download ---------------------------------------------------------------------------

async function loadPack(id) {
  state.pack = id;
  editor.value = Policy.builtinSource(id);
  editor.scrollTop = 0;
  analyse();
  casesBox.value = '{\n  "cases": []\n}\n';
  try {
    const r = await fetch(`/packs/${encodeURIComponent(id)}.cases.json`);
    if (r.ok) casesBox.value = await r.text();
  } catch {
    // No case file for this pack: start from an empty one.
  }
  for (const id of ["case-summary", "diff-summary", "diff-cases-summary"]) $(id).textContent = "";
  for (const id of ["case-results", "diff-changes", "diff-cases"]) $(id).replaceChildren();
}

function download() {
  const blob = new Blob([editor.value], { type: "application/json" });
  const a = el("a", { href: URL.createObjectURL(blob), download: `${state.pack || "policy"}.json` });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

// ---- wiring -----------------------------------------------------------------------------------

editor.addEventListener("input", () => { renderGutter(); schedule(); });
editor.addEventListener("scroll", syncScroll);
editor.addEventListener("keydown", (e) => {
  if (e.key === "Tab" && !e.shiftKey) {
    e.preventDefault();
    editor.setRangeText("  ", editor.selectionStart, editor.selectionEnd, "end");
    renderGutter();
    schedule();
  }
});
$("run-cases").addEventListener("click", runCases);
$("diff-button").addEventListener("click", runDiff);
$("download").addEventListener("click", download);
$("reset").addEventListener("click", () => loadPack(state.pack));
$("pack").addEventListener("change", (e) => loadPack(e.target.value));
$("locale").addEventListener("change", () => { renderProblems(); analyse(); });

const ids = Policy.builtinIds();
$("pack").replaceChildren(...ids.map((id) => el("option", { value: id }, id)));
if (ids.length) await loadPack(ids[0]);
document.body.dataset.ready = "true";
