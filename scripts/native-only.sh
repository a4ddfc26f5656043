#!/usr/bin/env bash
# Marks every integration test file except tests/wasm.rs as native-only (plain #[test]s do not
# run on wasm32, and proptest does not build there). Idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."
for f in tests/*.rs; do
  [ "$f" = tests/wasm.rs ] && continue
  grep -q '^#!\[cfg(not(target_arch = "wasm32"))\]' "$f" || sed -i '0,/^#!\[/s//#![cfg(not(target_arch = "wasm32"))]\n#![/' "$f"
  grep -q '^#!\[cfg(not(target_arch = "wasm32"))\]' "$f" || sed -i '1i #![cfg(not(target_arch = "wasm32"))]' "$f"
done
