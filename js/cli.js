#!/usr/bin/env node
// intake-rules command line, for policy offices and their CI (docs/policy-tools.md):
//   intake-rules lint  <policy.json> [--strict]
//   intake-rules test  <policy.json> <cases.json>
//   intake-rules diff  <old.json> <new.json> [cases.json]
//   intake-rules check <policy.json> <request.json>
//   intake-rules stats <policy.json> [cases.json]
//   intake-rules replay <old.json> <new.json> <applications.jsonl> [--workers n] [--limit n]
//   intake-rules workbench [policy.json] [cases.json] [--port n]
//   intake-rules guide <policy.json> <target> [--locale en] [--html] [--on YYYY-MM-DD] [--notes]
//   intake-rules publish <policy.json | versions.json> [-o <file>]
// Every file is read by the module itself, so a problem is reported as the library reports
// it: `file:line:column: error[code]: path: message`, in zh-CN or en (--locale).
// Exit codes: 0 success; 1 the input has problems (a file that does not load — invalid JSON
// included —, lint errors, or warnings with --strict, failing cases, an undecidable request,
// malformed replay lines); 2 the command could not run (bad arguments, an unreadable file).
import { writeFileSync } from "node:fs";
import { Policy, PolicySet } from "./node.js";
import { guideCommand } from "./cli-guide.js";
import { Unusable, t, msg, readText, placed, render, diagText, thrownIssues, plural, pct, daysBetween } from "./cli-util.js";
import { statsCommand } from "./cli-stats.js";
import { caseSummary } from "./cli-summary.js";
import { replayCommand } from "./cli-replay.js";
import { workbenchCommand } from "./cli-workbench.js";

const USAGE = `usage: intake-rules <command> [options] <files>

commands:
  lint  <policy.json> [--strict]             load errors and lint findings (errors fail;
                                             warnings fail only with --strict)
  test  <policy.json> <cases.json>           run a case file; PASS/FAIL per case
  diff  <old.json> <new.json> [cases.json]   structural changes, and per case the changed
                                             outcomes, due days, counted days, promise_met
  check <policy.json> <request.json>         decide one request and print the decision
  stats <policy.json> [cases.json]           reform metrics per target (materials, 容缺,
                                             promised/statutory/counted days, steps, regions)
  replay <old.json> <new.json> <applications.jsonl> [--workers <n>] [--limit <n>]
                                             decide past applications (JSON Lines) under both
                                             versions: transitions, due-day shifts, promise met
  workbench [policy.json] [cases.json] [--port <n>]
                                             the policy workbench on http://127.0.0.1:<port>/
  guide <policy.json> <target> [--locale en] [--html] [--on YYYY-MM-DD] [--notes]
                                             the service guide (办事指南), text or printable HTML;
                                             --notes adds the acknowledged lint findings
  publish <policy.json | versions.json> [-o <file>]
                                             the published form a portal loads with
                                             Policy.fromPublished / PolicySet.fromPublished
                                             (default <name>.published.bin; refused while the
                                             policy has load or lint errors)

options:
  --json            print one JSON object (machine output)
  --locale <loc>    message language: en (default) or zh-CN
  --strict          lint: warnings fail too
  -o, --out <file>  publish: where to write the published file
  --progress / --no-progress
                    replay: the progress bar on stderr (default: when stderr is a terminal)
  -h, --help        show this help

exit codes: 0 success; 1 the input has problems (does not load — invalid JSON included —, lint
errors or with --strict warnings, failing cases, an undecidable request, malformed replay
lines); 2 the command could not run (bad arguments, unknown command, unreadable file)`;

// ---- loading ----------------------------------------------------------------------------------

/** Load a policy file through the module: the Policy, or its load errors placed in the file. */
function load(file) {
  const text = readText(file);
  try {
    return { policy: Policy.fromJson(text), errors: [], text };
  } catch (e) {
    return { policy: null, errors: thrownIssues(file, text, e), text };
  }
}

function caseErrors(out, file, text, e) {
  const errs = thrownIssues(file, text, e);
  out.errors.push(...errs);
  out.human.push(...errs.map((d) => render(d, out.locale)));
}

// ---- commands ---------------------------------------------------------------------------------

function lint([file], out, opts) {
  const { policy, errors, text } = load(file);
  const L = out.locale;
  out.errors.push(...errors);
  out.findings = policy ? policy.lint().map((d) => placed(file, text, d)) : [];
  policy?.free();
  const count = (s) => out.findings.filter((d) => d.severity === s).length;
  const bad = errors.length > 0 || count("error") > 0 || (opts.strict && count("warning") > 0);
  out.human.push(...errors.map((d) => render(d, L)), ...out.findings.map((d) => render(d, L)));
  out.human.push(errors.length
    ? `${file}: ${t(L, `${errors.length} 个加载错误`, plural(errors.length, "load error", L))}`
    : `${file}: ${t(L, `${count("error")} 个错误，${count("warning")} 个警告，${count("info")} 条提示`,
      `${plural(count("error"), "error", L)}, ${plural(count("warning"), "warning", L)}, ${plural(count("info"), "note", L)}`)}` +
      (count("warning") && !opts.strict ? t(L, "（警告不影响退出码；--strict 时视为失败）", " (warnings do not fail without --strict)") : ""));
  return bad ? 1 : 0;
}

function test([pfile, cfile], out) {
  const { policy, errors } = load(pfile);
  const ctext = readText(cfile);
  const L = out.locale;
  out.errors.push(...errors);
  out.human.push(...errors.map((d) => render(d, L)));
  if (!policy) return 1;
  let report;
  try {
    report = policy.runCases(ctext);
  } catch (e) {
    caseErrors(out, cfile, ctext, e);
    return 1;
  } finally {
    policy.free();
  }
  out.report = report;
  for (const c of report.cases) {
    out.human.push(`${c.passed ? "PASS" : "FAIL"}  ${c.name}`);
    for (const d of c.differences) {
      out.human.push(`      ${d.path}: ${t(L, "期望", "expected")} ${JSON.stringify(d.expected)}, ${t(L, "实际", "actual")} ${JSON.stringify(d.actual)}`);
    }
    for (const d of c.errors) out.human.push(`      ${render({ ...d, file: null, severity: d.severity ?? "error" }, L)}`);
  }
  out.human.push(t(L, `${report.passed} 个通过，${report.failed} 个失败`, `${report.passed} passed, ${report.failed} failed`));
  return report.failed > 0 ? 1 : 0;
}

const SIGN = (kind) => (kind.endsWith("_added") ? "+" : kind.endsWith("_removed") ? "-" : "~");

function change(x, L) {
  const show = (v) => JSON.stringify(v);
  let note = "";
  if (typeof x.old === "string" && typeof x.new === "string" && /^\d{4}-\d{2}-\d{2}$/.test(x.old) && /^\d{4}-\d{2}-\d{2}$/.test(x.new)) {
    const n = daysBetween(x.old, x.new);
    note = n < 0 ? t(L, `（提前 ${-n} 天）`, ` (${-n} day${n === -1 ? "" : "s"} earlier)`) : t(L, `（推迟 ${n} 天）`, ` (${n} day${n === 1 ? "" : "s"} later)`);
  } else if (typeof x.old === "number" && typeof x.new === "number") {
    const n = x.new - x.old;
    note = ` (${n > 0 ? "+" : ""}${n})`;
  }
  return `      ${x.path}: ${show(x.old)} → ${show(x.new)}${note}`;
}

function summaryLines(s, L) {
  const names = {
    outcome: t(L, "受理结果", "outcome"), services: t(L, "事项结果", "service outcomes"), due: t(L, "办结日", "due day"),
    counted_working_days: t(L, "计时工作日", "counted working days"), working_days: t(L, "经过工作日", "elapsed working days"),
    promise_met: t(L, "承诺时限达成", "promise met"), legal_met: t(L, "法定时限达成", "legal limit met"), legal_due: t(L, "法定期限届满日", "legal due day"),
    missing: t(L, "缺件", "missing materials"), service_dues: t(L, "各事项办结日", "service due days"), supplement_due: t(L, "补正期限", "supplement due"),
    received_on: t(L, "受理日", "received day"), error: t(L, "无法判定", "undecidable"),
  };
  const out = [t(L, `小结：${s.cases_checked} 个用例中 ${s.cases_changed} 个有变化`, `summary: ${s.cases_changed} of ${s.cases_checked} cases change`)];
  for (const [k, v] of Object.entries(s.by).sort()) {
    const parts = [];
    if (v.earlier) parts.push(t(L, `${v.earlier} 个提前`, `${v.earlier} earlier`));
    if (v.later) parts.push(t(L, `${v.later} 个推迟`, `${v.later} later`));
    if (v.fewer) parts.push(t(L, `${v.fewer} 个减少`, `${v.fewer} fewer`));
    if (v.more) parts.push(t(L, `${v.more} 个增加`, `${v.more} more`));
    if (v.now_met) parts.push(t(L, `${v.now_met} 个变为达成`, `${v.now_met} now met`));
    if (v.now_missed) parts.push(t(L, `${v.now_missed} 个变为未达成`, `${v.now_missed} now missed`));
    out.push(`  ${names[k] ?? k} (${k}): ${t(L, `${v.cases} 个用例`, plural(v.cases, "case", L))}${parts.length ? ` — ${parts.join(", ")}` : ""}`);
  }
  return out;
}

function diff([ofile, nfile, cfile], out) {
  const a = load(ofile);
  const b = load(nfile);
  const ctext = cfile ? readText(cfile) : null;
  const L = out.locale;
  out.errors.push(...a.errors, ...b.errors);
  out.human.push(...out.errors.map((d) => render(d, L)));
  if (!a.policy || !b.policy) {
    a.policy?.free();
    b.policy?.free();
    return 1;
  }
  let d;
  try {
    d = ctext != null ? Policy.diff(a.policy, b.policy, ctext) : Policy.diff(a.policy, b.policy);
  } catch (e) {
    caseErrors(out, cfile, ctext, e);
    return 1;
  } finally {
    a.policy.free();
    b.policy.free();
  }
  out.diff = d;
  out.summary = caseSummary(d);
  out.human.push(`${d.old.id} ${d.old.version} → ${d.new.id} ${d.new.version}`);
  out.human.push(d.changes.length ? t(L, `${d.changes.length} 处结构变化：`, `${plural(d.changes.length, "change", L)}:`) : t(L, "没有结构变化", "no structural changes"));
  for (const c of d.changes) {
    out.human.push(`  ${SIGN(c.kind)} ${c.path}  [${c.kind}]`);
    out.human.push(`      ${msg(c.message, L)}`);
  }
  if (ctext != null) {
    out.human.push(t(L, `${d.cases_checked} 个用例中 ${d.cases.length} 个有变化${d.cases.length ? "：" : ""}`,
      `${d.cases.length} of ${d.cases_checked} cases change${d.cases.length ? ":" : ""}`));
    for (const c of d.cases) {
      out.human.push(`  ${c.name}`);
      for (const x of c.changes) out.human.push(change(x, L));
    }
    if (d.cases.length) out.human.push(...summaryLines(out.summary, L));
  }
  return 0;
}

function check([pfile, rfile], out) {
  const { policy, errors } = load(pfile);
  const rtext = readText(rfile);
  const L = out.locale;
  out.errors.push(...errors);
  out.human.push(...errors.map((x) => render(x, L)));
  if (!policy) return 1;
  let d;
  try {
    d = JSON.parse(policy.evaluateJson(rtext));
  } catch (e) {
    caseErrors(out, rfile, rtext, e);
    return 1;
  } finally {
    policy.free();
  }
  out.decision = d;
  const h = out.human;
  h.push(`outcome: ${d.outcome}`);
  h.push(`received on: ${d.received_on}`);
  for (const s of d.services) h.push(`  service ${s.id}: ${s.outcome}`);
  if (d.not_applicable.length) h.push(`  not applicable: ${d.not_applicable.join(", ")}`);
  h.push("checklist:");
  for (const c of d.checklist) h.push(`  ${c.status.padEnd(10)} ${c.id} (${c.name}) — ${c.used_by.join(", ")}`);
  for (const m of d.missing) h.push(`missing: ${m.id}${m.tolerated ? `, tolerated, supply by ${m.supplement_due}` : ""}`);
  for (const e of d.field_errors) h.push(`error[${e.code}]: ${e.path}: ${diagText(e, L)}`);
  for (const e of d.warnings) h.push(`warning[${e.code}]: ${e.path}: ${diagText(e, L)}`);
  if (d.timeline) {
    const tl = d.timeline;
    const counted = tl.counted_working_days != null ? t(L, `，计时 ${tl.counted_working_days} 个工作日`, `, ${tl.counted_working_days} counted`) : "";
    h.push(`due: ${tl.due} (${tl.working_days} working days${counted})`);
    if (tl.promise_met != null) h.push(`promise met: ${tl.promise_met ? "yes" : "no"}`);
    if (tl.legal_due) h.push(`legal due: ${tl.legal_due}`);
    for (const s of tl.services) h.push(`  ${s.id}: due ${s.due}`);
  }
  if (d.timeline_error) h.push(`timeline: ${msg(d.timeline_error.message, L)}`);
  h.push("", d.notice);
  return 0;
}

/** A policy or a policy set (an array of documents or `{"versions": […]}`) in its published
 *  form: written only when it loads and lint finds no error. */
function publish([file], out, opts) {
  const text = readText(file);
  const L = out.locale;
  let doc = null;
  try {
    doc = JSON.parse(text);
  } catch {
    // The module reports invalid JSON with its position.
  }
  const isSet = Array.isArray(doc) || (doc !== null && typeof doc === "object" && Object.hasOwn(doc, "versions"));
  let loaded;
  try {
    loaded = isSet ? PolicySet.fromJson(text) : Policy.fromJson(text);
  } catch (e) {
    caseErrors(out, file, text, e);
    return 1;
  }
  try {
    const errors = loaded.lint().filter((d) => d.severity === "error").map((d) => placed(file, text, d));
    if (errors.length) {
      out.errors.push(...errors);
      out.human.push(...errors.map((d) => render(d, L)));
      out.human.push(t(L, `${file}：有 ${errors.length} 个 lint 错误，未发布`, `${file}: ${plural(errors.length, "lint error", L)}, not published`));
      return 1;
    }
    const bytes = loaded.publish();
    const dest = opts.out ?? file.replace(/\.json$/i, "") + ".published.bin";
    try {
      writeFileSync(dest, bytes);
    } catch (e) {
      throw new Unusable(dest, "io", { "zh-CN": `无法写入 \`${dest}\`：${e.message}`, en: `cannot write \`${dest}\`: ${e.message}` });
    }
    const versions = isSet ? loaded.versions() : [{ id: loaded.id, version: loaded.version, fingerprint: loaded.fingerprint }];
    out.published = { file: dest, bytes: bytes.length, kind: isSet ? "policy_set" : "policy", versions };
    for (const v of versions) out.human.push(`${v.id} ${v.version} ${v.fingerprint}`);
    out.human.push(t(L, `已写入 ${dest}（${bytes.length} 字节）`, `wrote ${dest} (${bytes.length} bytes)`));
    return 0;
  } finally {
    loaded.free();
  }
}

const COMMANDS = {
  lint: { run: lint, min: 1, max: 1 },
  test: { run: test, min: 2, max: 2 },
  diff: { run: diff, min: 2, max: 3 },
  check: { run: check, min: 2, max: 2 },
  stats: { run: (files, out, opts) => statsCommand(files, out, opts, load), min: 1, max: 2 },
  replay: { run: (files, out, opts) => replayCommand(files, out, opts, load), min: 3, max: 3, async: true },
  workbench: { run: (files, out, opts) => workbenchCommand(files, out, opts), min: 0, max: 2, async: true },
  publish: { run: publish, min: 1, max: 1 },
};

const VALUE_OPTIONS = new Set(["--locale", "--port", "--workers", "--limit", "--out"]);
const FLAGS = new Set(["--json", "--strict", "--progress", "--no-progress"]);

function parse(argv) {
  const opts = { json: false, locale: "en", strict: false, progress: null };
  const args = [];
  const bad = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    let [name, value] = a.startsWith("--") && a.includes("=") ? [a.slice(0, a.indexOf("=")), a.slice(a.indexOf("=") + 1)] : [a, undefined];
    if (name === "-o") name = "--out";
    if (name === "-h" || name === "--help") opts.help = true;
    else if (FLAGS.has(name)) {
      if (name === "--json") opts.json = true;
      else if (name === "--strict") opts.strict = true;
      else if (name === "--progress") opts.progress = true;
      else if (name === "--no-progress") opts.progress = false;
    } else if (VALUE_OPTIONS.has(name)) {
      if (value === undefined) value = argv[++i];
      if (value === undefined) { bad.push(`${name} needs a value`); continue; }
      const key = name.slice(2);
      if (key === "out") {
        opts.out = value;
      } else if (key === "locale") {
        if (value !== "en" && value !== "zh-CN") bad.push(`--locale takes en or zh-CN, not \`${value}\``);
        opts.locale = value;
      } else {
        const n = Number(value);
        if (!Number.isInteger(n) || n < 0 || (key === "port" && n > 65535) || (key === "workers" && n < 1)) bad.push(`${name} takes a whole number, not \`${value}\``);
        opts[key] = n;
      }
    } else if (a.startsWith("-") && a !== "-") bad.push(`unknown option \`${a}\``);
    else args.push(a);
  }
  return { opts, args, bad };
}

function finish(out, code, opts, bad) {
  out.exit_code = code;
  out.ok = code === 0;
  const { human, locale, ...machine } = out;
  if (opts.json) {
    process.stdout.write(JSON.stringify(machine, null, 2) + "\n");
  } else if (code === 2) {
    for (const e of out.errors) process.stderr.write(`intake-rules: ${diagText(e, locale)}\n`);
    if (bad.length) process.stderr.write(`\n${USAGE}\n`);
  } else if (human.length) {
    process.stdout.write(human.join("\n") + "\n");
  }
  return code;
}

/** Runs the command line; resolves to the exit code (never calls process.exit). */
export async function main(argv) {
  // The guide has its own options (--html, --on) and output; it is a command of its own.
  if (argv[0] === "guide") return guideCommand(argv.slice(1));
  const { opts, args, bad } = parse(argv);
  if (opts.help) {
    process.stdout.write(USAGE + "\n");
    return 0;
  }
  const [command, ...files] = args;
  const cmd = COMMANDS[command];
  if (!command) bad.push("no command given");
  else if (!cmd) bad.push(`unknown command \`${command}\``);
  else if (files.length < cmd.min || files.length > cmd.max) {
    const n = cmd.min === cmd.max ? `${cmd.min}` : `${cmd.min} to ${cmd.max}`;
    bad.push(`\`${command}\` takes ${n} file${cmd.max === 1 ? "" : "s"}, got ${files.length}`);
  }
  if (opts.strict && command !== "lint") bad.push("--strict applies to `lint` only");
  if (opts.out !== undefined && command !== "publish") bad.push("--out applies to `publish` only");
  const out = { command: command ?? null, ok: false, exit_code: 2, errors: [], human: [], locale: opts.locale };
  if (bad.length) {
    out.errors.push(...bad.map((m) => ({ file: null, line: null, column: null, path: "", code: "usage", severity: "error", message: { "zh-CN": m, en: m } })));
    return finish(out, 2, opts, bad);
  }
  let code;
  try {
    code = await cmd.run(files, out, opts);
  } catch (e) {
    if (!(e instanceof Unusable)) throw e;
    out.errors.push({ file: e.file, line: null, column: null, path: "", code: e.code, severity: "error", message: e.messages });
    code = 2;
  }
  // A long-running command (the workbench) prints for itself and resolves when it stops.
  if (code === null) return 0;
  return finish(out, code, opts, bad);
}

process.exitCode = await main(process.argv.slice(2));
