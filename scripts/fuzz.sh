#!/usr/bin/env bash
# Runs every fuzz target for $1 seconds (default 60) with cargo-fuzz (libFuzzer). The machine
# has only a stable toolchain; RUSTC_BOOTSTRAP lets cargo-fuzz use its sanitizer flags on it.
set -euo pipefail
cd "$(dirname "$0")/.."
secs="${1:-60}"
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz
export RUSTC_BOOTSTRAP=1
for t in policy_load condition evaluate calendar policy_set object_inputs large_lists published; do
  echo "== fuzz target $t for ${secs}s"
  (cd fuzz && cargo fuzz run "$t" "corpus/$t" -- -max_total_time="$secs" -max_len=65536 2>&1 | tail -n 4)
  echo "corpus/$t: $(ls fuzz/corpus/$t | wc -l) files"
done
