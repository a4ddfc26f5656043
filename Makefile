# intake-rules — every entry point a developer or CI needs.
#   make demo   build pkg/ and serve the demo portal on http://127.0.0.1:$(PORT)
#   make test   everything CI runs (installs what it needs on a fresh machine)
#   make pkg    build the npm package into pkg/
#   make bench  print benchmark figures as one JSON object
#   make fuzz   run every fuzz target for FUZZ_SECONDS each

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
PORT ?= 8080
WASM_BINDGEN_VERSION := 0.2.130
CARGO_BIN := $(HOME)/.cargo/bin
export PATH := $(CARGO_BIN):$(CURDIR)/node_modules/.bin:$(PATH)
FUZZ_SECONDS ?= 60

.PHONY: all demo test pkg tools rust-tools node-tools browser-tools lint test-native \
        test-wasm-node test-wasm-browser test-js test-ts test-browser bench fuzz clean types

all: pkg

## ---- tools: each step is skipped when already present --------------------------------------

rust-tools:
	@rustup target list --installed | grep -qx wasm32-unknown-unknown \
	  || rustup target add wasm32-unknown-unknown
	@if ! wasm-bindgen --version 2>/dev/null | grep -q " $(WASM_BINDGEN_VERSION)$$"; then \
	  echo "installing wasm-bindgen-cli $(WASM_BINDGEN_VERSION) (about 2 minutes)"; \
	  cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION) --force; \
	fi

node_modules/.stamp: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

node-tools: node_modules/.stamp

browser-tools:
	@if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ] || ! fc-list 2>/dev/null | grep -qi wenquanyi; then \
	  echo "installing Debian chromium and chromium-driver"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver fonts-wqy-microhei; \
	fi

tools: rust-tools node-tools

## ---- build ----------------------------------------------------------------------------------

pkg: tools
	bash scripts/build-pkg.sh

demo: pkg
	node scripts/serve.mjs --port $(PORT)

## ---- test -----------------------------------------------------------------------------------

lint: rust-tools
	cargo fmt --all --check
	cargo clippy --workspace --all-targets -- -D warnings
	cargo clippy -p intake-rules-wasm --all-targets --target wasm32-unknown-unknown -- -D warnings
	cargo clippy -p intake-rules-wasm --no-default-features --target wasm32-unknown-unknown -- -D warnings
	@# The core never names the binding's dependencies (the compiler enforces it: they are not
	@# its dependencies); this also keeps them out of its manifest.
	@! cargo tree -p intake-rules -e normal --prefix none | grep -E '^(wasm-bindgen|js-sys) '

test-native:
	cargo test --workspace

test-wasm-node: rust-tools
	cargo test -p intake-rules-wasm --target wasm32-unknown-unknown

test-wasm-browser: rust-tools browser-tools
	WASM_BINDGEN_USE_BROWSER=1 CHROMEDRIVER=/usr/bin/chromedriver cargo test -p intake-rules-wasm --target wasm32-unknown-unknown

test-js: pkg
	TZ=UTC node --test tests/js/
	TZ=America/New_York node --test tests/js/
	TZ=Asia/Shanghai node scripts/tz-identical.mjs

# The TypeScript declarations: js/generated/ is what the Rust types generate (`make types`
# rewrites it), and typed usage compiles under a browser, a Node-only, a CommonJS and a
# Symbol.dispose config, while misspelt codes and outcomes are rejected (tests/ts/rejects.mjs).
test-ts: pkg
	cargo test --features ts --test ts_types
	cargo clippy -p intake-rules --all-targets --features ts -- -D warnings
	for c in browser node commonjs disposable; do echo "tsc -p tests/ts/tsconfig.$$c.json"; tsc -p tests/ts/tsconfig.$$c.json; done
	node tests/ts/rejects.mjs

# Regenerate js/generated/*.d.ts from the Rust types and the policy schema (then review and commit).
types:
	UPDATE_SNAPSHOTS=1 cargo test --features ts --test ts_types

test-browser: pkg browser-tools
	node --test tests/browser/

test: tools lint test-native test-wasm-node test-wasm-browser test-js test-ts test-browser test-embed
	@echo "make test: all suites passed"

## ---- test-embed: the packed package in real projects (tests/embed, docs/integration.md) -----
# Fixture projects install the `npm pack` of pkg/ as users do and run it: Vite 5/6/7/8 dev and
# build, webpack 5, Rollup, esbuild, plain pages under a strict CSP, Node CommonJS (without
# require(esm)) and ESM, Express and NestJS back-ends, Vue 3 + Element Plus; pages in headless
# Chromium. npm's downloads are cached in .tools/npm-cache/ and each fixture's install in
# test-output/embed/ (both ignored; kept between runs, and worth caching in CI): `npm ci` runs
# again only when a fixture's lockfile changes.
.PHONY: test-embed
test-embed: pkg browser-tools
	node --test --test-concurrency=1 tests/embed/

# stdout is exactly one JSON object of figures; the build's output goes to stderr.
bench:
	@$(MAKE) --no-print-directory pkg >&2
	@node bench/run.mjs

fuzz:
	bash scripts/fuzz.sh $(FUZZ_SECONDS)

clean:
	rm -rf pkg target test-output
