// The service guide page: a built-in pack (or the version of a built-in policy set in force on
// a chosen day), a target, a locale; shows `policy.guideHtml(target, locale)` — the same page a
// portal would publish — in a sandboxed frame (no script runs in it), with a print button.

const $ = (id) => document.getElementById(id);

const TEXT = {
  "zh-CN": {
    title: "办事指南", pack: "事项规则包", target: "办理事项", on: "按日期查看生效版本",
    print: "打印指南", portal: "申报门户", frame: "办事指南",
    version: (v, from, until) => `规则版本 ${v}` + (from ? `，${from} 起` : "") + (until ? `，至 ${until}` : ""),
    none: (d) => `${d} 没有生效的规则版本`,
  },
  en: {
    title: "Service guide", pack: "Policy pack", target: "Service", on: "Rules in force on",
    print: "Print the guide", portal: "Portal", frame: "Service guide",
    version: (v, from, until) => `Rules version ${v}` + (from ? `, from ${from}` : "") + (until ? ` until ${until}` : ""),
    none: (d) => `No version of the rules is in force on ${d}`,
  },
};

const state = { lib: null, locale: "zh-CN", pack: null, policy: null, set: null, targets: [] };

function showError(err) {
  const box = $("error-box");
  const issues = Array.isArray(err?.issues) ? err.issues : [];
  const lines = [`${err?.name ?? "Error"}: ${err?.message ?? String(err)}`];
  for (const i of issues.slice(0, 20)) lines.push(`  ${i.path}: ${i.message?.[state.locale] ?? i.message?.en ?? ""}`);
  box.textContent = lines.join("\n");
  box.hidden = false;
}

function clearError() {
  $("error-box").hidden = true;
  $("error-box").textContent = "";
}

function label(map) {
  if (!map) return "";
  return map[state.locale] ?? (state.locale.startsWith("en") ? map.en : undefined) ?? map["zh-CN"] ?? "";
}

function applyText() {
  const t = TEXT[state.locale];
  document.documentElement.lang = state.locale;
  document.title = `${t.title} · intake-rules`;
  $("page-title").textContent = t.title;
  $("pack-label").textContent = t.pack;
  $("target-label").textContent = t.target;
  $("on-label").textContent = t.on;
  $("print").textContent = t.print;
  $("portal-link").textContent = t.portal;
  $("guide-frame").title = t.frame;
  $("lang-zh").setAttribute("aria-pressed", String(state.locale === "zh-CN"));
  $("lang-en").setAttribute("aria-pressed", String(state.locale === "en"));
}

function fillTargets() {
  const sel = $("target");
  const keep = sel.value;
  sel.replaceChildren(
    ...state.targets.map((t) => {
      const o = document.createElement("option");
      o.value = t.id;
      o.textContent = `${label(t.name)}${t.kind === "bundle" ? " ★" : ""}`;
      return o;
    }),
  );
  if (state.targets.some((t) => t.id === keep)) sel.value = keep;
}

/** The policy the guide is generated from: the pack, or the set's version in force on the day. */
function currentPolicy() {
  const day = $("on").value;
  if (!state.set || !day) return state.policy;
  return state.set.policyFor({ target: $("target").value, submitted_at: `${day}T09:00:00+08:00` });
}

function loadPack(id) {
  const { Policy, PolicySet } = state.lib;
  state.pack = id;
  state.policy = Policy.builtin(id);
  state.targets = state.policy.targets();
  const setIds = typeof PolicySet.builtinIds === "function" ? PolicySet.builtinIds() : [];
  state.set = setIds.includes(id) ? PolicySet.builtin(id) : null;
  $("on-wrap").hidden = !state.set;
  if (!state.set) $("on").value = "";
  fillTargets();
}

let seq = 0;
function render() {
  clearError();
  const t = TEXT[state.locale];
  const frame = $("guide-frame");
  let html = "";
  let policy = null;
  try {
    policy = currentPolicy();
    html = policy.guideHtml($("target").value, state.locale);
    const v = state.set?.versions().find((x) => x.version === policy.version && x.fingerprint === policy.fingerprint);
    $("note").textContent = v ? t.version(v.version, v.from, v.until) : t.version(policy.version, null, null);
    window.__lastGuide = policy.guide($("target").value, state.locale);
  } catch (err) {
    if (err?.code === "not_in_force") $("note").textContent = t.none($("on").value);
    showError(err);
    window.__lastGuide = null;
  } finally {
    if (policy && policy !== state.policy) policy.free(); // a version taken from the set
  }
  const done = ++seq;
  frame.addEventListener("load", () => {
    if (done !== seq) return;
    document.body.dataset.seq = String(done);
    document.body.dataset.ready = "true";
  }, { once: true });
  frame.srcdoc = html;
  const url = new URL(location.href);
  url.searchParams.set("pack", state.pack);
  url.searchParams.set("target", $("target").value);
  url.searchParams.set("lang", state.locale);
  if ($("on").value) url.searchParams.set("on", $("on").value); else url.searchParams.delete("on");
  history.replaceState(null, "", url);
}

async function boot() {
  const params = new URLSearchParams(location.search);
  state.locale = params.get("lang") === "en" ? "en" : "zh-CN";
  applyText();
  try {
    state.lib = await import("/pkg/browser.js");
    const ids = state.lib.Policy.builtinIds();
    $("pack").replaceChildren(...ids.map((id) => {
      const o = document.createElement("option");
      o.value = o.textContent = id;
      return o;
    }));
    const want = params.get("pack");
    if (want && ids.includes(want)) $("pack").value = want;
    loadPack($("pack").value);
    const target = params.get("target");
    if (target && state.targets.some((t) => t.id === target)) $("target").value = target;
    if (state.set && params.get("on")) $("on").value = params.get("on");
  } catch (err) {
    showError(err);
    document.body.dataset.ready = "true";
    return;
  }
  $("pack").addEventListener("change", () => { loadPack($("pack").value); render(); });
  $("target").addEventListener("change", render);
  $("on").addEventListener("change", render);
  for (const [id, loc] of [["lang-zh", "zh-CN"], ["lang-en", "en"]]) {
    $(id).addEventListener("click", () => {
      state.locale = loc;
      applyText();
      fillTargets();
      render();
    });
  }
  $("print").addEventListener("click", () => {
    const w = $("guide-frame").contentWindow;
    if (w) { w.focus(); w.print(); }
  });
  render();
}

boot();
