#!/usr/bin/env bash
# What each dependency adds to the wasm: builds the wasm exactly as scripts/build-pkg.sh does
# (wasm-bindgen, then wasm-opt: -O3 for the full module, -Os for the portal) but keeps the
# function names (-g), then groups twiggy's
# per-item sizes by crate and prints the largest items.
#
#   bash scripts/size-report.sh [N]     N: how many of the largest items to list (default 30)
#   PORTAL=1 bash scripts/size-report.sh [N]   the same for the portal module (pkg/portal/:
#                                              built with --no-default-features)
#
# Needs twiggy (`cargo install twiggy`; installed here when missing) and wasm-opt from the npm
# package binaryen (`npm ci`). Sizes are of the code and data as shipped; the name section that
# makes the attribution possible is not counted.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
TOP="${1:-30}"
TARGET_DIR="${CARGO_TARGET_DIR:-target}"
OUT="$TARGET_DIR/size-report"
FEATURES=()
# As scripts/build-pkg.sh builds them: the full module for speed, the portal module for size.
PROFILE=release-full
LEVEL=-O3
if [ -n "${PORTAL:-}" ]; then
  PROFILE=release
  LEVEL=-Os
  # Its own target directory, as scripts/build-pkg.sh does, so the features do not flip-flop.
  TARGET_DIR="$TARGET_DIR/portal"
  OUT="$TARGET_DIR/size-report"
  FEATURES=(--no-default-features)
fi

command -v twiggy >/dev/null || cargo install twiggy --locked
CARGO_TARGET_DIR="$TARGET_DIR" cargo build --profile "$PROFILE" -p intake-rules-wasm --lib --target wasm32-unknown-unknown --quiet "${FEATURES[@]}"
rm -rf "$OUT" && mkdir -p "$OUT"
wasm-bindgen --target web --out-dir "$OUT" --out-name intake_rules \
  "$TARGET_DIR/wasm32-unknown-unknown/$PROFILE/intake_rules_wasm.wasm"
wasm-opt "$LEVEL" -g --strip-producers --enable-bulk-memory --enable-mutable-globals \
  --enable-nontrapping-float-to-int --enable-sign-ext --enable-reference-types --enable-multivalue \
  "$OUT/intake_rules_bg.wasm" -o "$OUT/named.wasm"
twiggy top -n 100000 --format json "$OUT/named.wasm" > "$OUT/top.json"

node --input-type=module - "$OUT/top.json" "$TOP" <<'EOF'
import { readFileSync } from "node:fs";
const [file, topArg] = process.argv.slice(2);
const parsed = JSON.parse(readFileSync(file, "utf8"));
const items = Array.isArray(parsed) ? parsed : parsed.items;
// The crate of an item: the first path segment of its (demangled) name, looking through
// `<T as Trait>` and `&`; data segments, the name section and wasm-bindgen's glue apart.
function crateOf(name) {
  if (/^data segment|^data\[\d+\]$/.test(name)) return "(data: strings, tables, embedded packs and calendar)";
  if (/names" subsection|^"name"|^custom section/.test(name)) return "(name section, not shipped)";
  if (/shim|^__wbg|wasm_bindgen|__wbindgen|__externref/.test(name)) return "wasm_bindgen (glue, shims)";
  if (/^(type|table|elem|memory|global|export|import|code)\[|^"|section headers|^table\b|^elem\b/.test(name)) return "(wasm structure)";
  const n = name.replace(/^[<&\s]+/, "").replace(/^(dyn |mut |impl )/, "").replace(/\[[0-9a-f]{16}\]/g, "");
  const m = n.match(/^([A-Za-z_][A-Za-z0-9_]*)::/);
  if (m) return m[1];
  if (/^(dlmalloc|memcpy|memmove|memset|memcmp|__rust|rust_|__rdl|__rg)/.test(n)) return "std (runtime, allocator)";
  return "(unnamed)";
}
const shipped = items.filter((i) => crateOf(i.name) !== "(name section, not shipped)");
const total = shipped.reduce((s, i) => s + i.shallow_size, 0);
const by = new Map();
for (const i of shipped) {
  let c = crateOf(i.name);
  if (c === "alloc" || c === "core" || c === "std") c = "std/core/alloc";
  by.set(c, (by.get(c) || 0) + i.shallow_size);
}
const kb = (b) => (b / 1024).toFixed(1).padStart(7) + " KB";
const pct = (b) => ((100 * b) / total).toFixed(1).padStart(5) + "%";
console.log(`wasm after wasm-opt, without the name section: ${total} bytes (${kb(total).trim()})\n`);
console.log("by crate (shallow sizes):");
for (const [c, b] of [...by].sort((a, b) => b[1] - a[1])) console.log(`${kb(b)} ${pct(b)}  ${c}`);
console.log(`\nlargest ${topArg} items:`);
for (const i of shipped.slice().sort((a, b) => b.shallow_size - a.shallow_size).slice(0, +topArg)) {
  const n = i.name.length > 110 ? i.name.slice(0, 107) + "..." : i.name;
  console.log(`${kb(i.shallow_size)} ${pct(i.shallow_size)}  ${n}`);
}
EOF
