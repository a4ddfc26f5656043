// `intake-rules guide <policy.json> <target> [--locale en] [--html] [--on YYYY-MM-DD] [--notes]`
//
// Prints the service guide (办事指南) of a service or bundle: as plain text, or with --html as
// the complete printable HTML page (policy.guideHtml). <policy.json> may also be a policy set
// (an array of versions or {"versions": [...]}); then --on picks the version in force on that
// day (default: today, China time). With --notes, the text ends with the policy's acknowledged
// lint findings and their reasons (a note for the office, not for applicants).
//
// Exit codes: 0 ok; 1 the policy has errors (PolicyError, printed with their positions);
// 2 unusable input (bad arguments, unreadable file, text that is not JSON, unknown target, no
// version in force), as the other commands of cli.js.
//
// The CLI owner wires it up in cli.js (synchronous, like the other commands):
//   import { guideCommand } from "./cli-guide.js";
//   if (command === "guide") return guideCommand(rest);   // the exit code
// and adds cli-guide.js to the files build-pkg.sh copies and to package.json "files".

import { readFileSync } from "node:fs";
import { Policy, PolicySet } from "./node.js";

export const GUIDE_USAGE =
  "usage: intake-rules guide <policy.json> <target> [--locale zh-CN|en] [--html] [--on YYYY-MM-DD] [--notes]";

function parseArgs(argv) {
  const out = { positional: [], locale: "zh-CN", html: false, on: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--html") out.html = true;
    else if (a === "--notes") out.notes = true;
    else if (a === "--locale" || a === "--on") {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      if (a === "--locale") out.locale = v;
      else out.on = v;
    } else if (a.startsWith("--locale=")) out.locale = a.slice(9);
    else if (a.startsWith("--on=")) out.on = a.slice(5);
    else if (a === "-h" || a === "--help") out.help = true;
    else if (a.startsWith("-")) throw new Error(`unknown option ${a}`);
    else out.positional.push(a);
  }
  if (!out.help && out.positional.length !== 2) throw new Error("expected <policy.json> and <target>");
  if (!["zh-CN", "en"].includes(out.locale)) throw new Error(`--locale must be zh-CN or en, not ${out.locale}`);
  if (out.on !== null && !/^\d{4}-\d{2}-\d{2}$/.test(out.on)) throw new Error("--on must be YYYY-MM-DD");
  return out;
}

function todayInChina() {
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
}

function printIssues(err, locale, stderr) {
  stderr.write(`${err.name}: ${err.message}\n`);
  for (const i of err.issues ?? []) {
    const at = i.line != null ? `${i.line}:${i.column} ` : "";
    stderr.write(`  ${at}${i.path} [${i.code}] ${i.message?.[locale] ?? i.message?.en ?? ""}\n`);
  }
}

/** The policy's acknowledged lint findings with their reasons, for the office. */
export function notesText(doc, locale) {
  const en = locale === "en";
  const list = Array.isArray(doc?.acknowledged) ? doc.acknowledged : [];
  const out = ["", en ? "Acknowledged lint findings (for the office)" : "已确认的检查结果（供窗口与审核人员参考）"];
  if (!list.length) out.push(en ? "  none" : "  无");
  for (const a of list) {
    const reason = (en ? a.reason?.en : null) ?? a.reason?.["zh-CN"] ?? "";
    out.push(`  ${a.code} @ ${a.path}${en ? ": " : "："}${reason}`);
  }
  return out.join("\n") + "\n";
}

/** The guide as plain text (what the HTML page says, without the tables). */
export function guideText(g) {
  const en = g.locale === "en";
  const L = (zh, e) => (en ? e : zh);
  const out = [];
  const basis = (b, indent = "    ") => {
    if (b) out.push(`${indent}${L("依据：", "Basis: ")}${b.label}${b.url ? ` <${b.url}>` : ""}`);
  };
  out.push(`${g.title} — ${L("办事指南", "Service guide")}`);
  const eff = [g.policy.effective_from && L(`${g.policy.effective_from} 起`, `from ${g.policy.effective_from}`),
    g.policy.effective_until && L(`至 ${g.policy.effective_until}`, `until ${g.policy.effective_until}`)].filter(Boolean);
  out.push(`${g.policy.title} · ${L("版本", "version")} ${g.policy.version}${eff.length ? ` · ${eff.join(" ")}` : ""}`);
  basis(g.basis, "");
  out.push("", L("一、办理事项与申请条件", "1. Services and who may apply"));
  for (const s of g.services) {
    out.push(`  ${s.name}${s.department ? ` (${s.department})` : ""}`);
    out.push(`    ${L("申请条件：", "Who may apply: ")}${s.who_may_apply}`);
    for (const r of s.rejects) {
      out.push(`    ${L("不予受理：", "Not accepted: ")}${r.when}${L("：", ": ")}${r.reason}`);
      basis(r.basis, "      ");
    }
    if (s.tolerance) {
      out.push(`    ${s.tolerance.text}`);
      basis(s.tolerance.basis, "      ");
    }
  }
  out.push("", L("二、申请材料", "2. Materials"));
  g.materials.forEach((m, i) => {
    const tags = [];
    if (m.electronic) tags.push(L("可免提交（电子证照）", "electronic licence accepted"));
    if (m.commitment) tags.push(L("可告知承诺", "commitment accepted"));
    for (const u of m.uses) {
      if (u.tolerable) tags.push(L(`可容缺，${u.tolerable.text}内补齐`, `tolerable, supplement within ${u.tolerable.text}`) +
        (g.kind === "bundle" ? ` (${u.service_name})` : ""));
    }
    out.push(`  ${i + 1}. ${m.name} — ${m.required_text}${tags.length ? `; ${tags.join("; ")}` : ""}`);
    basis(m.basis, "     ");
  });
  out.push("", L("三、办理环节与时限", "3. Stages and time limits"));
  if (g.bundle?.intake) out.push(`  ${g.bundle.intake.name}: ${g.bundle.intake.limit.text}`);
  for (const s of g.services) {
    for (const st of s.stages) {
      out.push(`  ${s.name} / ${st.name}: ${st.limit.text}`);
      for (const l of st.limit_if) out.push(`    ${l.when}${L("：", ": ")}${l.limit.text}`);
      for (const p of st.pauses) {
        out.push(`    ${L("不计入时限：", "Not counted: ")}${p.name} (${p.length.text})${p.when ? L(`，${p.when} 时`, `, when ${p.when}`) : ""}`);
      }
      basis(st.basis);
    }
    if (s.promise) out.push(`  ${s.name} — ${L("承诺时限", "promised")}: ${s.promise.text}`);
    if (s.legal) out.push(`  ${s.name} — ${L("法定时限", "statutory")}: ${s.legal.text}`);
  }
  if (g.bundle?.finish) out.push(`  ${g.bundle.finish.name}: ${g.bundle.finish.limit.text}`);
  if (g.promise) out.push(`  ${L("承诺办结时限", "Promised limit")}: ${g.promise.text}`);
  if (g.legal) out.push(`  ${L("法定办结时限", "Statutory limit")}: ${g.legal.text}`);
  out.push("", `${g.policy.id} ${g.policy.version} ${g.policy.fingerprint}`);
  return out.join("\n") + "\n";
}

/**
 * Runs the `guide` command. Returns the exit code (0, 1 or 2); never calls process.exit.
 * @param {string[]} argv the arguments after `guide`
 * @param {{stdout?: {write(s: string): unknown}, stderr?: {write(s: string): unknown}}} io
 */
export function guideCommand(argv, io = {}) {
  const stdout = io.stdout ?? process.stdout;
  const stderr = io.stderr ?? process.stderr;
  let args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    stderr.write(`${e.message}\n${GUIDE_USAGE}\n`);
    return 2;
  }
  if (args.help) {
    stdout.write(`${GUIDE_USAGE}\n`);
    return 0;
  }
  const [file, target] = args.positional;
  let text;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    stderr.write(`cannot read ${file}: ${e.message}\n`);
    return 2;
  }
  let doc;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    stderr.write(`${file} is not JSON: ${e.message}\n`);
    return 2;
  }
  const isSet = Array.isArray(doc) || (doc !== null && typeof doc === "object" && Array.isArray(doc.versions));
  let policy;
  try {
    if (isSet) {
      const set = PolicySet.fromJson(text);
      policy = set.policyFor({ target, submitted_at: `${args.on ?? todayInChina()}T09:00:00+08:00` });
    } else {
      policy = Policy.fromJson(text);
    }
  } catch (e) {
    printIssues(e, args.locale, stderr);
    return e?.name === "PolicyError" ? 1 : 2;
  }
  try {
    if (args.html) stdout.write(policy.guideHtml(target, args.locale));
    else stdout.write(guideText(policy.guide(target, args.locale)));
    if (args.notes && !args.html) stdout.write(notesText(isSet ? null : doc, args.locale));
    return 0;
  } catch (e) {
    printIssues(e, args.locale, stderr);
    return e?.name === "PolicyError" ? 1 : 2;
  }
}
