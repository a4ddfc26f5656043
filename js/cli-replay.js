// `intake-rules replay <old.json> <new.json> <applications.jsonl> [--json] [--workers n]
// [--limit n] [--progress|--no-progress]`
//
// Streams past applications (JSON Lines: one request per line, as a back-end logs them)
// through both versions of a policy and reports outcome transitions, due-day shifts, the
// promise-met rate before and after, counted days, and the applications that change.
//
// The file is read in chunks and cut into batches of lines that worker threads (one per core
// by default) decide with Policy.replayBatch; at most two batches per worker wait, and the
// read pauses until one is done, so memory stays constant whatever the file's size. Every
// figure is a sum or a histogram, merged as batches come back; only the first --limit changed
// applications and malformed lines are kept. A malformed line is reported with its line
// number (and column) and the rest is still counted.
import { createReadStream, statSync } from "node:fs";
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { Unusable, t, render, pct, num, table } from "./cli-util.js";

const BATCH_LINES = 1000;

class Totals {
  constructor(keep) {
    this.keep = keep;
    this.lines = 0;
    this.applications = 0;
    this.errors = 0;
    this.changed = 0;
    this.transitions = new Map();
    this.shifts = new Map();
    this.countedOld = new Map();
    this.countedNew = new Map();
    this.metOld = { met: 0, judged: 0 };
    this.metNew = { met: 0, judged: 0 };
    this.changedList = [];
    this.errorList = [];
  }

  add(c) {
    this.lines += c.lines;
    this.applications += c.applications;
    this.errors += c.errors;
    this.changed += c.changed;
    const bump = (map, key, n) => map.set(key, (map.get(key) ?? 0) + n);
    for (const [a, b, n] of c.transitions) bump(this.transitions, `${a}\u0000${b}`, n);
    for (const [s, n] of c.due_shifts) bump(this.shifts, s, n);
    for (const [d, n] of c.counted_old) bump(this.countedOld, d, n);
    for (const [d, n] of c.counted_new) bump(this.countedNew, d, n);
    for (const k of ["met", "judged"]) {
      this.metOld[k] += c.promise_met_old[k];
      this.metNew[k] += c.promise_met_new[k];
    }
    // Batches come back in any order: keep the first `keep` by line.
    const firstBy = (list, more) => list.concat(more).sort((x, y) => x.line - y.line).slice(0, this.keep);
    if (c.changed_list.length) this.changedList = firstBy(this.changedList, c.changed_list);
    if (c.error_list.length) this.errorList = firstBy(this.errorList, c.error_list);
  }
}

/** min, median, mean and max of a histogram (value → count). */
function describe(hist) {
  const entries = [...hist].sort((a, b) => a[0] - b[0]);
  const n = entries.reduce((s, [, c]) => s + c, 0);
  if (!n) return null;
  let sum = 0;
  for (const [v, c] of entries) sum += v * c;
  let seen = 0;
  let median = entries[0][0];
  for (const [v, c] of entries) {
    seen += c;
    if (seen >= (n + 1) / 2) { median = v; break; }
  }
  return { count: n, min: entries[0][0], median, mean: Math.round((sum / n) * 100) / 100, max: entries[entries.length - 1][0] };
}

function report(tot, meta) {
  const transitions = [...tot.transitions].map(([k, count]) => {
    const [o, n] = k.split("\u0000");
    return { old: o, new: n, count };
  }).sort((a, b) => b.count - a.count || a.old.localeCompare(b.old) || a.new.localeCompare(b.new));
  const shifts = [...tot.shifts].map(([working_days, count]) => ({ working_days, count })).sort((a, b) => a.working_days - b.working_days);
  const sum = (f) => shifts.filter(f).reduce((s, x) => s + x.count, 0);
  const rate = (m) => ({ ...m, rate: m.judged ? Math.round((m.met / m.judged) * 10000) / 10000 : null });
  return {
    ...meta,
    lines: tot.lines,
    applications: tot.applications,
    malformed: tot.errors,
    changed: tot.changed,
    transitions,
    due: { earlier: sum((x) => x.working_days < 0), same: sum((x) => x.working_days === 0), later: sum((x) => x.working_days > 0), shifts },
    promise_met: { old: rate(tot.metOld), new: rate(tot.metNew) },
    counted_working_days: { old: describe(tot.countedOld), new: describe(tot.countedNew) },
    changed_applications: tot.changedList,
    malformed_lines: tot.errorList,
  };
}

function humanLines(r, L) {
  const h = [];
  h.push(`replay: ${r.old.file} (${r.old.id} ${r.old.version}) → ${r.new.file} (${r.new.id} ${r.new.version})`);
  h.push(t(L,
    `${r.file}：${num(r.lines)} 行，${num(r.applications)} 件申请，${num(r.malformed)} 行格式有误；用时 ${r.seconds} 秒（每秒 ${num(r.per_second)} 件，${r.workers} 个线程）`,
    `${r.file}: ${num(r.lines)} lines, ${num(r.applications)} applications, ${num(r.malformed)} malformed; ${r.seconds} s (${num(r.per_second)}/s, ${r.workers} workers)`));
  h.push("", t(L, "受理结果变化（旧 → 新）", "outcome transitions (old → new)"));
  h.push(...table(r.transitions.map((x) => [`${x.old} → ${x.new}`, num(x.count), pct(x.count, r.applications)])));
  h.push("", t(L, "办结日变化（两版都有办结日的申请，按工作日计）", "due days (applications with a due day under both, in working days)"));
  h.push(...table([
    [t(L, "提前", "earlier"), num(r.due.earlier)],
    [t(L, "不变", "same"), num(r.due.same)],
    [t(L, "推迟", "later"), num(r.due.later)],
  ]));
  const moved = r.due.shifts.filter((x) => x.working_days !== 0);
  if (moved.length) h.push(`  ${t(L, "分布", "shifts")}: ${moved.map((x) => `${x.working_days > 0 ? "+" : ""}${x.working_days}: ${num(x.count)}`).join(", ")}`);
  const c = r.counted_working_days;
  const cd = (x) => (x ? t(L, `中位 ${x.median}，平均 ${x.mean}（${x.min}–${x.max}）`, `median ${x.median}, mean ${x.mean} (${x.min}–${x.max})`) : "—");
  h.push("", `${t(L, "计时工作日", "counted working days")}: ${cd(c.old)} → ${cd(c.new)}`);
  const pm = (m) => (m.judged ? `${pct(m.met, m.judged)} (${num(m.met)} / ${num(m.judged)})` : "—");
  h.push(`${t(L, "承诺时限达成率", "promise met")}: ${pm(r.promise_met.old)} → ${pm(r.promise_met.new)}`);
  h.push("", t(L, `有变化的申请：${num(r.changed)} 件${r.changed ? `（列出前 ${r.changed_applications.length} 件）` : ""}`,
    `applications that change: ${num(r.changed)}${r.changed ? ` (first ${r.changed_applications.length} shown)` : ""}`));
  const yn = (b) => (b == null ? "—" : b ? t(L, "是", "yes") : t(L, "否", "no"));
  h.push(...table(r.changed_applications.map((x) => [
    `${t(L, "第", "line ")}${x.line}${t(L, " 行", "")}`, x.target,
    x.old.outcome === x.new.outcome ? x.new.outcome : `${x.old.outcome} → ${x.new.outcome}`,
    `${t(L, "办结", "due")} ${x.old.due ?? "—"} → ${x.new.due ?? "—"}${x.due_shift ? ` (${x.due_shift > 0 ? "+" : ""}${x.due_shift})` : ""}`,
    `${t(L, "计时", "counted")} ${x.old.counted_working_days ?? "—"} → ${x.new.counted_working_days ?? "—"}`,
    `${t(L, "达成", "promise met")} ${yn(x.old.promise_met)} → ${yn(x.new.promise_met)}`,
  ])));
  return h;
}

class Progress {
  constructor(enabled, size, stream = process.stderr) {
    this.enabled = enabled;
    this.size = size;
    this.stream = stream;
    this.start = performance.now();
    this.last = 0;
    this.tty = Boolean(stream.isTTY);
  }

  update(doneBytes, apps, force = false) {
    if (!this.enabled) return;
    const now = performance.now();
    if (!force && now - this.last < (this.tty ? 100 : 1000)) return;
    this.last = now;
    const frac = this.size ? Math.min(1, doneBytes / this.size) : 1;
    const secs = (now - this.start) / 1000;
    const rate = secs > 0 ? Math.round(apps / secs) : 0;
    const eta = frac > 0 && frac < 1 ? Math.round((secs / frac) * (1 - frac)) : 0;
    const width = 30;
    const full = Math.round(frac * width);
    const bar = `[${"=".repeat(Math.max(0, full - 1))}${full ? ">" : ""}${" ".repeat(width - full)}]`;
    const text = `${bar} ${(frac * 100).toFixed(1).padStart(5)}%  ${num(apps)} applications  ${num(rate)}/s  ETA ${eta} s`;
    this.stream.write(this.tty ? `\r${text}` : `${text}\n`);
  }

  end() {
    if (this.enabled && this.tty) this.stream.write("\n");
  }
}

export async function replayCommand([ofile, nfile, afile], out, opts, load) {
  const L = out.locale;
  const a = load(ofile);
  const b = load(nfile);
  out.errors.push(...a.errors, ...b.errors);
  out.human.push(...out.errors.map((d) => render(d, L)));
  const meta = (file, p) => ({ file, id: p.id, version: p.version, fingerprint: p.fingerprint });
  if (!a.policy || !b.policy) {
    a.policy?.free();
    b.policy?.free();
    return 1;
  }
  const info = { old: meta(ofile, a.policy), new: meta(nfile, b.policy), file: afile };
  a.policy.free();
  b.policy.free();
  let size;
  try {
    const st = statSync(afile);
    if (!st.isFile()) throw Object.assign(new Error("not a file"), { code: "EISDIR" });
    size = st.size;
  } catch (e) {
    throw new Unusable(afile, "io", { "zh-CN": `无法读取 \`${afile}\`：${e.code === "ENOENT" ? "文件不存在" : e.message}`, en: `cannot read \`${afile}\`: ${e.code === "ENOENT" ? "no such file" : e.message}` });
  }
  const workers = opts.workers ?? availableParallelism();
  const keep = opts.limit ?? 20;
  const progress = new Progress(opts.progress ?? Boolean(process.stderr.isTTY), size);
  const totals = new Totals(keep);
  const started = performance.now();

  const pool = [];
  const idle = [];
  const queue = [];
  const maxQueue = workers * 2;
  let inFlight = 0;
  let nextId = 0;
  let doneBytes = 0;
  let ended = false;
  const stream = createReadStream(afile, { encoding: "utf8", highWaterMark: 1 << 20 });

  await new Promise((resolve, reject) => {
    let failed = false;
    const fail = (e) => {
      if (failed) return;
      failed = true;
      stream.destroy();
      reject(e);
    };
    const finished = () => {
      if (ended && !queue.length && !inFlight && !failed) resolve();
    };
    const dispatch = () => {
      while (idle.length && queue.length) {
        const w = idle.pop();
        const batch = queue.shift();
        w.bytes = batch.bytes;
        w.postMessage(batch);
        inFlight++;
      }
      if (stream.isPaused() && queue.length < maxQueue && !ended) stream.resume();
      finished();
    };
    for (let i = 0; i < workers; i++) {
      const w = new Worker(new URL("./replay-worker.js", import.meta.url), { workerData: { old: a.text, new: b.text, keep } });
      w.on("message", ({ counts }) => {
        totals.add(counts);
        doneBytes += w.bytes;
        inFlight--;
        idle.push(w);
        progress.update(doneBytes, totals.applications);
        dispatch();
      });
      w.on("error", fail);
      pool.push(w);
      idle.push(w);
    }
    let pending = "";
    let line = 1;
    const enqueue = (lines, final = false) => {
      for (let i = 0; i < lines.length; i += BATCH_LINES) {
        const part = lines.slice(i, i + BATCH_LINES);
        const text = part.join("\n");
        // +1 per line for the newline the split removed (none after the very last line).
        const bytes = Buffer.byteLength(text) + part.length - (final && i + BATCH_LINES >= lines.length ? 1 : 0);
        queue.push({ id: nextId++, text, first: line + i, bytes });
      }
      line += lines.length;
    };
    let first = true;
    stream.on("data", (chunk) => {
      // A byte-order mark is not part of the first line.
      if (first && chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
      first = false;
      pending += chunk;
      const cut = pending.lastIndexOf("\n");
      if (cut < 0) return;
      const complete = pending.slice(0, cut);
      pending = pending.slice(cut + 1);
      enqueue(complete.split("\n"));
      if (queue.length >= maxQueue) stream.pause();
      dispatch();
    });
    stream.on("error", (e) => fail(new Unusable(afile, "io", { "zh-CN": `无法读取 \`${afile}\`：${e.message}`, en: `cannot read \`${afile}\`: ${e.message}` })));
    stream.on("end", () => {
      if (pending.length) enqueue([pending], true);
      pending = "";
      ended = true;
      dispatch();
    });
  }).finally(() => Promise.all(pool.map((w) => w.terminate())));

  progress.update(size, totals.applications, true);
  progress.end();
  const seconds = (performance.now() - started) / 1000;
  const r = report(totals, {
    ...info,
    seconds: Math.round(seconds * 100) / 100,
    per_second: seconds > 0 ? Math.round(totals.applications / seconds) : 0,
    workers,
  });
  out.replay = r;
  const malformed = r.malformed_lines.map((e) => ({
    file: afile, line: e.line, column: e.column ?? null, path: "", code: e.code, severity: "error", message: e.message,
  }));
  out.errors.push(...malformed);
  out.human.push(...humanLines(r, L));
  if (r.malformed) {
    out.human.push("", t(L, `格式有误的行：${num(r.malformed)}${r.malformed > malformed.length ? `（列出前 ${malformed.length} 行）` : ""}，其余各行已计入`,
      `malformed lines: ${num(r.malformed)}${r.malformed > malformed.length ? ` (first ${malformed.length} shown)` : ""}; every other line was counted`));
    out.human.push(...malformed.map((d) => `  ${render(d, L)}`));
  }
  return r.malformed ? 1 : 0;
}
