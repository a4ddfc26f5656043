#!/usr/bin/env node
// intake-rules command line, for policy repositories' CI (SPEC §4):
//   intake-rules lint  <policy.json>
//   intake-rules test  <policy.json> <cases.json>
//   intake-rules diff  <old.json> <new.json> [cases.json]
//   intake-rules check <policy.json> <request.json>
//   intake-rules guide <policy.json> <target> [--locale en] [--html] [--on YYYY-MM-DD]
// Options: --json (one JSON object on stdout), --locale en|zh-CN (messages; default en),
// --help. Exit codes: 0 clean / all cases pass; 1 load errors, lint findings of severity error
// or warning, case-file errors, failing cases, an undecidable request; 2 unusable input (a
// missing file, text that is not JSON, bad arguments, an unknown command).
import { readFileSync } from "node:fs";
import { Policy, locate } from "./node.js";
import { guideCommand } from "./cli-guide.js";


const USAGE = `usage: intake-rules <command> [options] <files>

commands:
  lint  <policy.json>                        load errors and lint findings
  test  <policy.json> <cases.json>           run a case file; PASS/FAIL per case
  diff  <old.json> <new.json> [cases.json]   structural changes, and the cases they change
  check <policy.json> <request.json>         decide one request and print the decision
  guide <policy.json> <target> [--locale en] [--html] [--on YYYY-MM-DD]
                                             the service guide (办事指南), text or printable HTML

options:
  --json            print one JSON object (machine output)
  --locale <loc>    message language: en (default) or zh-CN
  -h, --help        show this help

exit codes: 0 clean, 1 errors / findings / failing cases, 2 unusable input`;

class Unusable extends Error {
  constructor(file, code, message) {
    super(message);
    this.file = file;
    this.code = code;
  }
}


// ---- input ------------------------------------------------------------------------------------

function readText(file) {
  try {
    return readFileSync(file, "utf8");
  } catch (e) {
    throw new Unusable(file, "io", e.code === "ENOENT" ? `cannot read \`${file}\`: no such file` : `cannot read \`${file}\`: ${e.message}`);
  }
}

function readJson(file) {
  const text = readText(file);
  try {
    return { text, value: JSON.parse(text) };
  } catch (e) {
    throw new Unusable(file, "invalid_json", `\`${file}\` is not valid JSON: ${e.message}`);
  }
}

// ---- output -----------------------------------------------------------------------------------

function msg(m, locale) {
  if (!m) return "";
  return locale.toLowerCase().startsWith("en") ? m.en : m["zh-CN"];
}

/** A diagnostic with its file and a position (taken from the text when it has none). */
function placed(file, text, d) {
  let { line, column } = d;
  if ((line == null || column == null) && text != null) {
    [[line, column]] = locate(text, [d.path]);
  }
  return { file, ...d, line: line ?? null, column: column ?? null, severity: d.severity ?? "error" };
}

function render(d, locale) {
  const where = d.line != null ? `${d.file}:${d.line}:${d.column}` : d.file;
  const path = d.path ? `${d.path}: ` : "";
  return `${where}: ${d.severity}[${d.code}]: ${path}${msg(d.message, locale)}`;
}

const show = (v) => JSON.stringify(v);

/** Load a policy file: the Policy, or its load errors placed in the file. */
function load(file) {
  const text = readText(file);
  try {
    JSON.parse(text);
  } catch (e) {
    throw new Unusable(file, "invalid_json", `\`${file}\` is not valid JSON: ${e.message}`);
  }
  try {
    return { policy: Policy.fromJson(text), errors: [], text };
  } catch (e) {
    if (e?.name !== "PolicyError") throw e;
    return { policy: null, errors: (e.issues ?? []).map((d) => placed(file, text, d)), text };
  }
}

// ---- commands ---------------------------------------------------------------------------------

const plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;

function lint([file], out) {
  const { policy, errors, text } = load(file);
  out.errors.push(...errors);
  out.findings = policy ? policy.lint().map((d) => placed(file, text, d)) : [];
  const bad = errors.length > 0 || out.findings.some((d) => d.severity === "error" || d.severity === "warning");
  out.human.push(...errors.map((d) => render(d, out.locale)), ...out.findings.map((d) => render(d, out.locale)));
  const count = (s) => out.findings.filter((d) => d.severity === s).length;
  out.human.push(errors.length
    ? `${file}: ${errors.length} load error${errors.length === 1 ? "" : "s"}`
    : `${file}: ${plural(count("error"), "error")}, ${plural(count("warning"), "warning")}, ${plural(count("info"), "note")}`);
  return bad ? 1 : 0;
}

function caseFileErrors(file, text, e) {
  if (e?.name !== "RequestError") throw e;
  return (e.issues ?? []).map((d) => placed(file, text, { ...d, line: null, column: null }));
}

function test([pfile, cfile], out) {
  const { policy, errors } = load(pfile);
  const cases = readJson(cfile);
  out.errors.push(...errors);
  out.human.push(...errors.map((d) => render(d, out.locale)));
  if (!policy) return 1;
  let report;
  try {
    report = policy.runCases(cases.value);
  } catch (e) {
    const errs = caseFileErrors(cfile, cases.text, e);
    out.errors.push(...errs);
    out.human.push(...errs.map((d) => render(d, out.locale)));
    return 1;
  }
  out.report = report;
  for (const c of report.cases) {
    out.human.push(`${c.passed ? "PASS" : "FAIL"}  ${c.name}`);
    for (const d of c.differences) {
      out.human.push(`      ${d.path}: expected ${show(d.expected)}, actual ${show(d.actual)}`);
    }
    for (const d of c.errors) {
      out.human.push(`      ${d.severity ?? "error"}[${d.code}]: ${d.path ? `${d.path}: ` : ""}${msg(d.message, out.locale)}`);
    }
  }
  out.human.push(`${report.passed} passed, ${report.failed} failed`);
  return report.failed > 0 ? 1 : 0;
}

const SIGN = (kind) => (kind.endsWith("_added") ? "+" : kind.endsWith("_removed") ? "-" : "~");

function diff([ofile, nfile, cfile], out) {
  const a = load(ofile);
  const b = load(nfile);
  const cases = cfile ? readJson(cfile) : null;
  out.errors.push(...a.errors, ...b.errors);
  out.human.push(...out.errors.map((d) => render(d, out.locale)));
  if (!a.policy || !b.policy) return 1;
  let d;
  try {
    d = cases ? Policy.diff(a.policy, b.policy, cases.value) : Policy.diff(a.policy, b.policy);
  } catch (e) {
    const errs = caseFileErrors(cfile, cases?.text, e);
    out.errors.push(...errs);
    out.human.push(...errs.map((x) => render(x, out.locale)));
    return 1;
  }
  out.diff = d;
  out.human.push(`${d.old.id} ${d.old.version} → ${d.new.id} ${d.new.version}`);
  out.human.push(d.changes.length ? `${d.changes.length} change${d.changes.length === 1 ? "" : "s"}:` : "no structural changes");
  for (const c of d.changes) {
    out.human.push(`  ${SIGN(c.kind)} ${c.path}  [${c.kind}]`);
    out.human.push(`      ${msg(c.message, out.locale)}`);
  }
  if (cases) {
    out.human.push(`${d.cases.length} of ${d.cases_checked} cases change${d.cases.length ? ":" : ""}`);
    for (const c of d.cases) {
      out.human.push(`  ${c.name}`);
      for (const x of c.changes) out.human.push(`      ${x.path}: ${show(x.old)} → ${show(x.new)}`);
    }
  }
  return 0;
}

function check([pfile, rfile], out) {
  const { policy, errors } = load(pfile);
  const req = readJson(rfile);
  out.errors.push(...errors);
  out.human.push(...errors.map((d) => render(d, out.locale)));
  if (!policy) return 1;
  let d;
  try {
    d = policy.evaluate(req.value);
  } catch (e) {
    const errs = caseFileErrors(rfile, req.text, e);
    out.errors.push(...errs);
    out.human.push(...errs.map((x) => render(x, out.locale)));
    return 1;
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
  for (const e of d.field_errors) h.push(`error[${e.code}]: ${e.path}: ${msg(e.message, out.locale)}`);
  for (const e of d.warnings) h.push(`warning[${e.code}]: ${e.path}: ${msg(e.message, out.locale)}`);
  if (d.timeline) {
    h.push(`due: ${d.timeline.due} (${d.timeline.working_days} working days)`);
    for (const s of d.timeline.services) h.push(`  ${s.id}: due ${s.due}`);
  }
  if (d.timeline_error) h.push(`timeline: ${msg(d.timeline_error.message, out.locale)}`);
  h.push("", d.notice);
  return 0;
}

const COMMANDS = {
  lint: { run: lint, min: 1, max: 1 },
  test: { run: test, min: 2, max: 2 },
  diff: { run: diff, min: 2, max: 3 },
  check: { run: check, min: 2, max: 2 },
};

export function main(argv) {
  // The guide has its own options (--html, --on) and output; it is a command of its own.
  if (argv[0] === "guide") return guideCommand(argv.slice(1));
  let json = false;
  let locale = "en";
  const args = [];
  let help = false;
  const bad = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--json") json = true;
    else if (a === "-h" || a === "--help") help = true;
    else if (a === "--locale") {
      locale = argv[++i];
      if (locale !== "en" && locale !== "zh-CN") bad.push(`--locale takes en or zh-CN, not \`${locale ?? ""}\``);
    } else if (a.startsWith("--locale=")) {
      locale = a.slice(9);
      if (locale !== "en" && locale !== "zh-CN") bad.push(`--locale takes en or zh-CN, not \`${locale}\``);
    } else if (a.startsWith("-") && a !== "-") bad.push(`unknown option \`${a}\``);
    else args.push(a);
  }
  if (help) {
    process.stdout.write(USAGE + "\n");
    return 0;
  }
  const [command, ...files] = args;
  const cmd = COMMANDS[command];
  if (!command) bad.push("no command given");
  else if (!cmd) bad.push(`unknown command \`${command}\``);
  else if (files.length < cmd.min || files.length > cmd.max) bad.push(`\`${command}\` takes ${cmd.min === cmd.max ? cmd.min : `${cmd.min} or ${cmd.max}`} file${cmd.max === 1 ? "" : "s"}, got ${files.length}`);
  const out = { command: command ?? null, ok: false, exit_code: 2, errors: [], human: [], locale };
  let code;
  if (bad.length) {
    out.errors.push(...bad.map((m) => ({ file: null, line: null, column: null, path: "", code: "usage", severity: "error", message: { "zh-CN": m, en: m } })));
    code = 2;
  } else {
    try {
      code = cmd.run(files, out);
    } catch (e) {
      if (!(e instanceof Unusable)) throw e;
      out.errors.push({ file: e.file, line: null, column: null, path: "", code: e.code, severity: "error", message: { "zh-CN": e.message, en: e.message } });
      code = 2;
    }
  }
  out.exit_code = code;
  out.ok = code === 0;
  const { human, locale: _l, ...machine } = out;
  if (json) {
    process.stdout.write(JSON.stringify(machine, null, 2) + "\n");
  } else if (code === 2) {
    for (const e of out.errors) process.stderr.write(`intake-rules: ${e.message.en}\n`);
    if (bad.length) process.stderr.write(`\n${USAGE}\n`);
  } else {
    process.stdout.write(human.join("\n") + "\n");
  }
  return code;
}

process.exitCode = main(process.argv.slice(2));
