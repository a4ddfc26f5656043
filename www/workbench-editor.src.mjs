// The workbench's code editor: CodeMirror 6 with JSON highlighting, completion and hover help
// from the policy's JSON Schema, and the module's diagnostics as inline markers. Bundled by
// esbuild into the package (pkg/workbench/editor.js, scripts/build-pkg.sh), so the workbench
// needs no network.
import { EditorState } from "@codemirror/state";
import {
  EditorView, keymap, lineNumbers, highlightActiveLine, highlightActiveLineGutter, drawSelection,
  hoverTooltip, highlightSpecialChars, rectangularSelection,
} from "@codemirror/view";
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import {
  syntaxTree, ensureSyntaxTree, syntaxHighlighting, defaultHighlightStyle, bracketMatching, foldGutter, foldKeymap,
  indentOnInput,
} from "@codemirror/language";
import { autocompletion, completionKeymap, closeBrackets, closeBracketsKeymap } from "@codemirror/autocomplete";
import { setDiagnostics, lintGutter, lintKeymap } from "@codemirror/lint";
import { searchKeymap, highlightSelectionMatches } from "@codemirror/search";
import { json } from "@codemirror/lang-json";

// ---- the schema -------------------------------------------------------------------------------

function deref(schema, node) {
  let n = node;
  for (let i = 0; n && n.$ref && i < 20; i++) {
    const parts = n.$ref.replace(/^#\//, "").split("/");
    n = parts.reduce((x, k) => x?.[k], schema);
  }
  return n ?? null;
}

/** The alternatives of a schema node (oneOf / anyOf flattened), each dereferenced. */
function variants(schema, node) {
  const n = deref(schema, node);
  if (!n) return [];
  const alts = n.oneOf ?? n.anyOf;
  if (alts) return alts.flatMap((a) => variants(schema, a)).concat([n]);
  return [n];
}

/** The schema node at a JSON path (`[{key}|{index}]`), or null. */
export function schemaAt(schema, path) {
  let nodes = variants(schema, schema);
  for (const seg of path) {
    const next = [];
    for (const n of nodes) {
      if ("key" in seg) {
        if (n.properties?.[seg.key]) next.push(n.properties[seg.key]);
        else if (n.additionalProperties && typeof n.additionalProperties === "object" && seg.key !== "$comment") next.push(n.additionalProperties);
      } else if (n.items && typeof n.items === "object") next.push(n.items);
    }
    nodes = next.flatMap((x) => variants(schema, x));
    if (!nodes.length) return null;
  }
  return nodes;
}

const keyText = (state, node) => {
  const raw = state.sliceDoc(node.from, node.to);
  try {
    return JSON.parse(raw);
  } catch {
    return raw.replace(/^"|"$/g, "");
  }
};

/** The JSON path of a value node (an Object, Array or scalar) in the syntax tree. */
function pathOf(state, node) {
  const segs = [];
  for (let n = node; n?.parent; n = n.parent) {
    const p = n.parent;
    if (p.name === "Property") {
      const name = p.getChild("PropertyName");
      if (name && name.from !== n.from) segs.unshift({ key: keyText(state, name) });
    } else if (p.name === "Array") {
      let i = 0;
      for (let c = p.firstChild; c && c.from < n.from; c = c.nextSibling) if (!["[", "]", ",", "⚠"].includes(c.name)) i++;
      segs.unshift({ index: i });
    }
  }
  return segs;
}

/** The innermost Object or Array around `pos`. */
function container(tree, pos) {
  for (let n = tree.resolveInner(pos, -1); n; n = n.parent) {
    if ((n.name === "Object" || n.name === "Array") && n.from < pos && (n.to > pos || !n.lastChild || !["}", "]"].includes(n.lastChild.name) || n.lastChild.from >= pos)) return n;
  }
  return null;
}

const describe = (n) => n?.description ?? "";

function typeText(n) {
  if (!n) return "";
  if (n.enum) return n.enum.map((v) => JSON.stringify(v)).join(" | ");
  if (n.$ref) return n.$ref.split("/").pop();
  if (n.oneOf || n.anyOf) return (n.oneOf ?? n.anyOf).map((a) => a.type ?? a.$ref?.split("/").pop() ?? "…").join(" | ");
  return Array.isArray(n.type) ? n.type.join(" | ") : n.type ?? "";
}

/** Replaces the typed key, with its quotes (and a closing quote closeBrackets added), by `"key": `. */
function applyKey(key, quoted) {
  return (view, completion, from, to) => {
    const start = quoted ? from - 1 : from;
    const end = view.state.sliceDoc(to, to + 1) === '"' ? to + 1 : to;
    const insert = `"${key}": `;
    view.dispatch({ changes: { from: start, to: end, insert }, selection: { anchor: start + insert.length } });
  };
}

export function schemaCompletion(getSchema) {
  return (ctx) => {
    const schema = getSchema();
    if (!schema) return null;
    const { state, pos } = ctx;
    // The whole tree (parsing is lazy; a key far down may not be parsed yet).
    const tree = ensureSyntaxTree(state, state.doc.length, 1000) ?? syntaxTree(state);
    const word = ctx.matchBefore(/"?[\w$.-]*"?$/);
    const from = word ? word.from : pos;
    // The last significant character before the word decides: `{` or `,` → a key, `:` → a value.
    const before = state.sliceDoc(Math.max(0, from - 200), from).replace(/\s+$/, "");
    const last = before.slice(-1);
    const box = container(tree, from);
    if (!box) return null;
    const quoted = state.sliceDoc(from, from + 1) === '"';
    if (box.name === "Object" && (last === "{" || last === ",")) {
      const nodes = schemaAt(schema, pathOf(state, box)) ?? [];
      const present = new Set();
      for (let c = box.firstChild; c; c = c.nextSibling) {
        if (c.name === "Property") {
          const k = c.getChild("PropertyName");
          if (k && !(k.from <= pos && pos <= k.to)) present.add(keyText(state, k));
        }
      }
      const options = [];
      const seen = new Set();
      for (const n of nodes) {
        for (const [k, v] of Object.entries(n.properties ?? {})) {
          if (seen.has(k) || present.has(k)) continue;
          seen.add(k);
          const d = deref(schema, v);
          const required = (n.required ?? []).includes(k);
          options.push({
            label: k,
            type: "property",
            detail: `${typeText(v)}${required ? " (required)" : ""}`,
            info: describe(v) || describe(d),
            apply: applyKey(k, quoted),
            boost: required ? 1 : 0,
          });
        }
      }
      // Match the typed letters after the opening quote against the key names.
      return options.length ? { from: quoted ? from + 1 : from, options, validFor: /^[\w$.-]*$/ } : null;
    }
    if (last === ":" || (box.name === "Array" && (last === "[" || last === ","))) {
      let nodes;
      if (box.name === "Object") {
        const m = /"((?:[^"\\]|\\.)*)"\s*:$/.exec(before);
        if (!m) return null;
        nodes = schemaAt(schema, [...pathOf(state, box), { key: JSON.parse(`"${m[1]}"`) }]);
      } else {
        nodes = schemaAt(schema, [...pathOf(state, box), { index: 0 }]);
      }
      const options = [];
      const seen = new Set();
      const add = (label, detail, info = "") => {
        if (seen.has(label)) return;
        seen.add(label);
        options.push({ label, type: "constant", detail, info });
      };
      for (const n of nodes ?? []) {
        for (const v of n.enum ?? []) add(JSON.stringify(v), "enum", describe(n));
        if (n.const !== undefined) add(JSON.stringify(n.const), "const", describe(n));
        if (n.type === "boolean" || (Array.isArray(n.type) && n.type.includes("boolean"))) {
          add("true", "boolean", describe(n));
          add("false", "boolean", describe(n));
        }
        if (n.type === "object" || n.properties) add("{}", "object", describe(n));
        if (n.type === "array") add("[]", "array", describe(n));
      }
      return options.length ? { from, options } : null;
    }
    return null;
  };
}

function schemaHover(getSchema) {
  return hoverTooltip((view, pos, side) => {
    const schema = getSchema();
    if (!schema) return null;
    const node = (ensureSyntaxTree(view.state, pos + 1, 100) ?? syntaxTree(view.state)).resolveInner(pos, side);
    if (node.name !== "PropertyName") return null;
    const prop = node.parent;
    const obj = prop?.parent;
    if (!obj) return null;
    const key = keyText(view.state, node);
    const nodes = schemaAt(schema, [...pathOf(view.state, obj), { key }]);
    const n = nodes?.find((x) => x.description) ?? nodes?.[0];
    if (!n) return null;
    return {
      pos: node.from,
      end: node.to,
      above: true,
      create() {
        const dom = document.createElement("div");
        dom.className = "cm-schema-hover";
        const head = document.createElement("div");
        head.className = "cm-schema-hover-head";
        head.textContent = `${key}: ${typeText(nodes[0])}`;
        const body = document.createElement("div");
        body.textContent = describe(n) || "—";
        dom.append(head, body);
        return { dom };
      },
    };
  });
}

// ---- the editor -------------------------------------------------------------------------------

/** The offset of a 1-based line and UTF-16 column, clamped to the document. */
function offsetOf(doc, line, column) {
  const l = doc.line(Math.max(1, Math.min(line ?? 1, doc.lines)));
  return Math.min(l.to, l.from + Math.max(0, (column ?? 1) - 1));
}

/** The end of the token that starts at `from` (a string, a word, or one character). */
function tokenEnd(doc, from) {
  const line = doc.lineAt(from);
  const rest = doc.sliceString(from, line.to);
  if (!rest.length) return from;
  if (rest[0] === '"') {
    const m = /^"(?:[^"\\]|\\.)*"?/.exec(rest);
    return from + m[0].length;
  }
  const m = /^[\w$.+-]+/.exec(rest);
  return from + (m ? m[0].length : 1);
}

/**
 * Creates the editor in `parent`. `onChange(text)` runs on every edit; `getSchema()` returns
 * the JSON Schema (or null) for completion and hover.
 */
export function createEditor({ parent, doc = "", onChange = () => {}, getSchema = () => null, label = "policy JSON" }) {
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc,
      extensions: [
        lineNumbers(),
        highlightActiveLineGutter(),
        highlightSpecialChars(),
        history(),
        foldGutter(),
        drawSelection(),
        indentOnInput(),
        syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
        bracketMatching(),
        closeBrackets(),
        rectangularSelection(),
        highlightActiveLine(),
        highlightSelectionMatches(),
        json(),
        lintGutter(),
        autocompletion({ override: [schemaCompletion(getSchema)], icons: false }),
        schemaHover(getSchema),
        keymap.of([indentWithTab, ...closeBracketsKeymap, ...defaultKeymap, ...searchKeymap, ...historyKeymap, ...foldKeymap, ...completionKeymap, ...lintKeymap]),
        EditorState.tabSize.of(2),
        EditorView.contentAttributes.of({ "aria-label": label }),
        EditorView.updateListener.of((u) => {
          if (u.docChanged) onChange(u.state.doc.toString());
        }),
      ],
    }),
  });
  return {
    view,
    getText: () => view.state.doc.toString(),
    setText(text) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text }, selection: { anchor: 0 }, scrollIntoView: true });
    },
    /** Diagnostics `{line, column, severity, code, message}` as inline markers. */
    setDiagnostics(list) {
      const d = view.state.doc;
      const marks = list.filter((x) => x.line != null).map((x) => {
        const from = offsetOf(d, x.line, x.column);
        return { from, to: Math.max(from, tokenEnd(d, from)), severity: x.severity === "info" ? "info" : x.severity, source: x.code, message: x.message };
      }).sort((a, b) => a.from - b.from);
      view.dispatch(setDiagnostics(view.state, marks));
    },
    /** Select and scroll to a 1-based line and UTF-16 column (horizontally too). */
    jumpTo(line, column) {
      const pos = offsetOf(view.state.doc, line, column);
      view.dispatch({ selection: { anchor: pos }, effects: EditorView.scrollIntoView(pos, { y: "center", x: "center" }) });
      view.focus();
    },
    /** The 1-based line and column of the cursor. */
    cursor() {
      const pos = view.state.selection.main.head;
      const l = view.state.doc.lineAt(pos);
      return { line: l.number, column: pos - l.from + 1 };
    },
  };
}
