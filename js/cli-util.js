// Shared helpers of the command line (cli.js and its commands): reading files, placing and
// printing diagnostics in the chosen locale, small text tables.
import { readFileSync } from "node:fs";
import { locate } from "./node.js";

/** The command could not run (exit 2): a file that cannot be read, bad arguments. */
export class Unusable extends Error {
  constructor(file, code, message) {
    super(typeof message === "string" ? message : message.en);
    this.file = file;
    this.code = code;
    this.messages = typeof message === "string" ? { "zh-CN": message, en: message } : message;
  }
}

export const isEn = (locale) => String(locale).toLowerCase().startsWith("en");

/** The text in the locale: `t(locale, "中文", "English")`. */
export const t = (locale, zh, en) => (isEn(locale) ? en : zh);

export function msg(m, locale) {
  if (!m) return "";
  if (typeof m === "string") return m;
  return isEn(locale) ? (m.en ?? m["zh-CN"]) : (m["zh-CN"] ?? m.en);
}

export function readText(file) {
  try {
    return readFileSync(file, "utf8");
  } catch (e) {
    const why = e.code === "ENOENT" ? { zh: "文件不存在", en: "no such file" } : { zh: e.message, en: e.message };
    throw new Unusable(file, "io", { "zh-CN": `无法读取 \`${file}\`：${why.zh}`, en: `cannot read \`${file}\`: ${why.en}` });
  }
}

/** A diagnostic with its file and a position (located from its path when it has none). */
export function placed(file, text, d) {
  let { line, column } = d;
  if ((line == null || column == null) && text != null) {
    [[line, column]] = locate(text, [d.path ?? ""]);
  }
  return { file, ...d, line: line ?? null, column: column ?? null, severity: d.severity ?? "error" };
}

/** A diagnostic's message with its did-you-mean `help`, if any: `message (help)`. */
export function diagText(d, locale) {
  const text = msg(d.message, locale);
  if (!d.help) return text;
  return isEn(locale) ? `${text} (${msg(d.help, locale)})` : `${text}（${msg(d.help, locale)}）`;
}

/** `file:line:column: severity[code]: path: message (help)` */
export function render(d, locale) {
  const where = d.file == null ? "" : d.line != null ? `${d.file}:${d.line}:${d.column}: ` : `${d.file}: `;
  const path = d.path ? `${d.path}: ` : "";
  return `${where}${d.severity}[${d.code}]: ${path}${diagText(d, locale)}`;
}

/** The issues of an error the module threw (PolicyError, RequestError …), placed in `text`. */
export function thrownIssues(file, text, e) {
  if (!e || typeof e !== "object" || !Array.isArray(e.issues)) throw e;
  return e.issues.map((d) => placed(file, text, d));
}

export const plural = (n, word, locale, zhWord = "") => (isEn(locale) ? `${n} ${word}${n === 1 ? "" : "s"}` : `${n} ${zhWord}`);

export const pct = (count, of) => (of ? `${((100 * count) / of).toFixed(1)}%` : "—");

export const num = (n) => Number(n).toLocaleString("en-US");

/** Rows of cells as aligned columns (CJK characters count double). */
export function table(rows, indent = "  ") {
  const width = (s) => [...String(s)].reduce((w, c) => w + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(c) ? 2 : 1), 0);
  const cols = Math.max(0, ...rows.map((r) => r.length));
  const w = Array.from({ length: cols }, (_, i) => Math.max(0, ...rows.map((r) => width(r[i] ?? ""))));
  return rows.map((r) => indent + r.map((c, i) => {
    const s = String(c ?? "");
    if (i === r.length - 1) return s;
    const pad = " ".repeat(w[i] - width(s));
    return typeof c === "number" ? pad + s : s + pad;
  }).join("  ").trimEnd());
}

/** Days between two `YYYY-MM-DD` dates (b − a), calendar days. */
export function daysBetween(a, b) {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}
