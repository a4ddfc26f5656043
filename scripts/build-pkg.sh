#!/usr/bin/env bash
# Builds pkg/: the npm package `intake-rules` (ES module for browsers and Node >= 20, no bundler).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

cargo build --release --lib --target wasm32-unknown-unknown
target_dir="${CARGO_TARGET_DIR:-target}"
rm -rf pkg && mkdir -p pkg
wasm-bindgen --target web --out-dir pkg --out-name intake_rules \
  "$target_dir/wasm32-unknown-unknown/release/intake_rules.wasm"

# wasm-opt from the npm package `binaryen` (Debian's 108 produces modules that fail to load).
raw=$(stat -c %s pkg/intake_rules_bg.wasm)
wasm-opt -Os --strip-debug --strip-producers --enable-bulk-memory --enable-mutable-globals --enable-nontrapping-float-to-int \
  --enable-sign-ext --enable-reference-types --enable-multivalue \
  pkg/intake_rules_bg.wasm -o pkg/intake_rules_bg.opt.wasm
mv pkg/intake_rules_bg.opt.wasm pkg/intake_rules_bg.wasm

for f in node.js browser.js cli.js cli-guide.js json-positions.js index.d.ts; do [ -f js/$f ] && cp js/$f pkg/; done
cp js/package.json pkg/package.json
cp README.md pkg/README.md
cp LICENSE pkg/LICENSE
[ -f schema/policy.schema.json ] && cp schema/policy.schema.json pkg/policy.schema.json
rm -f pkg/.gitignore
opt=$(stat -c %s pkg/intake_rules_bg.wasm)
gz=$(gzip -9 -c pkg/intake_rules_bg.wasm | wc -c)
echo "pkg/: wasm ${raw} B before wasm-opt, ${opt} B after, ${gz} B gzip -9"

# Let tests and tools import the package by its name, exactly as users do.
mkdir -p node_modules && ln -sfn ../pkg node_modules/intake-rules
