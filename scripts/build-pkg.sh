#!/usr/bin/env bash
# Builds pkg/: the npm package `intake-rules` (ES module for browsers and Node >= 20, no bundler).
#   pkg/         the full module (default features: the authoring tools too) — `intake-rules`
#   pkg/portal/  the portal module (`--no-default-features`: no loader — it loads published
#                policies only, `fromPublished` — and no lint, runCases, diff, builtinSource,
#                guide, guideHtml) — `intake-rules/portal`, what a portal's visitors download
#   pkg/published/  the built-in packs published (scripts/publish-packs.mjs)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

target_dir="${CARGO_TARGET_DIR:-target}"

# build <out dir> <cargo target dir> <cargo profile> <wasm-opt level> [cargo flags…]: wasm-bindgen
# and wasm-opt into <out dir>; sets `raw` to the module's size before wasm-opt.
build() {
  local out=$1 tdir=$2 profile=$3 level=$4
  shift 4
  cargo build --profile "$profile" -p intake-rules-wasm --lib --target wasm32-unknown-unknown --target-dir "$tdir" "$@"
  mkdir -p "$out"
  wasm-bindgen --target web --experimental-reset-state-function --out-dir "$out" --out-name intake_rules \
    "$tdir/wasm32-unknown-unknown/$profile/intake_rules_wasm.wasm"
  raw=$(stat -c %s "$out/intake_rules_bg.wasm")
  # wasm-opt from the npm package `binaryen` (Debian's 108 produces modules that fail to load).
  wasm-opt "$level" --strip-debug --strip-producers --enable-bulk-memory --enable-mutable-globals --enable-nontrapping-float-to-int \
    --enable-sign-ext --enable-reference-types --enable-multivalue \
    "$out/intake_rules_bg.wasm" -o "$out/intake_rules_bg.opt.wasm"
  mv "$out/intake_rules_bg.opt.wasm" "$out/intake_rules_bg.wasm"
  rm -f "$out/.gitignore"
}

# report <label> <out dir> <raw size before wasm-opt>
report() {
  local opt gz
  opt=$(stat -c %s "$2/intake_rules_bg.wasm")
  gz=$(gzip -9 -c "$2/intake_rules_bg.wasm" | wc -c)
  echo "$1: wasm ${3} B before wasm-opt, ${opt} B after, ${gz} B gzip -9"
}

rm -rf pkg && mkdir -p pkg
# The full module for speed (profile release-full: opt-level 3, wasm-opt -O3), the portal module
# for size (release: "s", -Os) — docs/performance.md has the measurements.
build pkg "$target_dir" release-full -O3
full_raw=$raw
# Its own target directory: switching features in one directory would rebuild the crate each time.
build pkg/portal "$target_dir/portal" release -Os --no-default-features
portal_raw=$raw

for f in cli.js cli-guide.js index.d.ts; do [ -f js/$f ] && cp js/$f pkg/; done
# The entry points, the same files next to each module's .wasm (docs/integration.md): Node ES
# module and CommonJS, browser (ready on import), init (no top-level await), typed errors.
# The CommonJS glue is generated from wasm-bindgen's ES module glue. wasm-url.js differs: it
# names its own module's .wasm by package path.
for dir in pkg pkg/portal; do
  cp js/node.js js/node.cjs js/browser.js js/init.js js/init-node.js js/init.cjs js/init.d.ts \
    js/errors.js js/errors.d.ts js/fetch-wasm.js js/runtime.js "$dir/"
  node js/tools/esm-to-cjs.mjs "$dir/intake_rules.js" "$dir/intake_rules.cjs"
  node js/tools/esm-to-cjs.mjs js/errors.js "$dir/errors.cjs"
  node js/tools/esm-to-cjs.mjs js/runtime.js "$dir/runtime.cjs"
  # wasm-bindgen's snippets (the glue imports them): CommonJS twins next to them.
  if [ -d "$dir/snippets" ]; then
    find "$dir/snippets" -name '*.js' | while read -r f; do node js/tools/esm-to-cjs.mjs "$f" "${f%.js}.cjs"; done
  fi
done
cp js/wasm-url.js pkg/
cp js/portal/wasm-url.js pkg/portal/
cp js/portal.d.ts pkg/portal/index.d.ts
# Form-library adapters and custom elements: plain JS over a Policy or a decision, for both modules.
mkdir -p pkg/adapters
cp js/adapters/async-validator.js js/adapters/async-validator.d.ts pkg/adapters/
cp js/elements.js js/elements.d.ts pkg/
cp js/package.json pkg/package.json
cp README.md pkg/README.md
cp LICENSE pkg/LICENSE
[ -f schema/policy.schema.json ] && cp schema/policy.schema.json pkg/policy.schema.json
# TypeScript: declarations that need neither the DOM lib nor esnext.disposable (init types
# dropped, Symbol.dispose only where the project's lib has it).
node scripts/post-dts.mjs pkg/intake_rules.d.ts
node scripts/post-dts.mjs pkg/portal/intake_rules.d.ts
# The policy-staff tools: the CLI's commands and replay worker, the workbench (page, scripts,
# the CodeMirror 6 editor bundled with esbuild so it works offline, the packs' case files) and
# the docs a user of the package reads.
cp js/cli-*.js js/replay-*.js js/workbench-server.js pkg/
mkdir -p pkg/workbench/packs pkg/docs
cp www/workbench.html www/workbench*.js pkg/workbench/
cp packs/*.cases.json pkg/workbench/packs/
esbuild www/workbench-editor.src.mjs --bundle --format=esm --minify --target=es2020 \
  --legal-comments=none --log-level=warning --outfile=pkg/workbench/editor.js
for f in docs/*.md; do [ "$(basename "$f")" = performance.md ] || cp "$f" pkg/docs/; done
# The built-in packs in their published form (pkg/published/): the portal module loads only
# published policies, so a portal serves these files (or its own, from `intake-rules publish`).
node scripts/publish-packs.mjs
report "pkg/ (intake-rules)" pkg "$full_raw"
report "pkg/portal/ (intake-rules/portal)" pkg/portal "$portal_raw"

# Let tests and tools import the package by its name, exactly as users do.
mkdir -p node_modules && ln -sfn ../pkg node_modules/intake-rules
