// JSON path → line and UTF-16 column, shared by the CLI and the workbench page (lint findings
// and case-file errors come with a path only; editors and compilers want a position).

/** Every key and array element of a JSON text by path (`a.b[2].c`), with its 1-based line and
 * UTF-16 column (an object member: its key's quote; an array element: its value). */
export function positions(text) {
  const out = new Map();
  let i = 0, line = 1, col = 1;
  const peek = () => text[i];
  const bump = () => {
    const c = text[i++];
    if (c === "\n") { line++; col = 1; } else { col++; }
    return c;
  };
  const ws = () => { while (i < text.length && " \t\r\n".includes(text[i])) bump(); };
  const str = () => {
    let s = "";
    bump();
    while (i < text.length) {
      const c = bump();
      if (c === '"') break;
      if (c === "\\") {
        const e = bump();
        if (e === "u") { let h = ""; for (let k = 0; k < 4; k++) h += bump() ?? ""; s += String.fromCharCode(parseInt(h, 16)); }
        else s += { n: "\n", t: "\t", r: "\r", b: "\b", f: "\f" }[e] ?? e;
      } else s += c;
    }
    return s;
  };
  const join = (p, k) => (p === "" ? k : `${p}.${k}`);
  const value = (path, depth) => {
    if (depth > 256) { i = text.length; return; }
    const c = peek();
    if (c === "{") {
      bump(); ws();
      while (peek() === '"') {
        const at = [line, col];
        const p = join(path, str());
        if (!out.has(p)) out.set(p, at);
        ws(); if (peek() === ":") bump(); ws();
        value(p, depth + 1); ws();
        if (peek() === ",") { bump(); ws(); }
      }
      if (peek() === "}") bump();
    } else if (c === "[") {
      bump(); ws();
      let n = 0;
      while (i < text.length && peek() !== "]") {
        const p = `${path}[${n}]`;
        if (!out.has(p)) out.set(p, [line, col]);
        const before = i;
        value(p, depth + 1); ws();
        if (peek() === ",") { bump(); ws(); }
        if (i === before) bump();
        n++;
      }
      bump();
    } else if (c === '"') {
      str();
    } else {
      while (i < text.length && !",}] \t\r\n".includes(text[i])) bump();
    }
  };
  ws();
  value("", 0);
  return out;
}

/** The position of a path, or of its nearest enclosing path that has one. */
export function locate(pos, path) {
  let p = path ?? "";
  for (;;) {
    if (pos.has(p)) return pos.get(p);
    const cut = Math.max(p.lastIndexOf("."), p.lastIndexOf("["));
    if (cut <= 0) return null;
    p = p.slice(0, cut);
  }
}
