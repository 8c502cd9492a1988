# One entry point. `make demo` builds the npm package and serves the demo page;
# `make test` runs every test. Both install what they need first.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
WASM_BINDGEN_VERSION := 0.2.130
CRATE := yeastar_extension_update
WASM := target/wasm32-unknown-unknown/release/$(CRATE).wasm
BIN := node_modules/.bin
CHROMEDRIVER ?= /usr/bin/chromedriver
PORT ?= 8080
FUZZ_SECONDS ?= 60

.PHONY: setup setup-rust setup-node setup-browser pkg demo test test-native test-js test-wasm test-browser \
	fuzz fuzz-smoke check-panics bench bench-linear clean

## Install: the wasm target, the wasm-bindgen CLI matching Cargo.lock, npm packages.
setup: setup-rust setup-node

setup-rust:
	@rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
	@# Not --locked: one locked dependency of the CLI is gone from the registry.
	@wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $(WASM_BINDGEN_VERSION)" || cargo install wasm-bindgen-cli --version =$(WASM_BINDGEN_VERSION)
	@grep -A1 '^name = "wasm-bindgen"$$' Cargo.lock | grep -q '"$(WASM_BINDGEN_VERSION)"' || { echo "Cargo.lock's wasm-bindgen is not $(WASM_BINDGEN_VERSION): update WASM_BINDGEN_VERSION"; exit 1; }

setup-node:
	@[ -x $(BIN)/wasm-opt ] && [ node_modules/.package-lock.json -nt package-lock.json ] || npm ci --no-audit --no-fund

## Debian's Chromium and its driver (needs root, as on CI); nothing is downloaded from elsewhere.
setup-browser:
	@[ -x /usr/bin/chromium ] && [ -x $(CHROMEDRIVER) ] || { export DEBIAN_FRONTEND=noninteractive; apt-get update && apt-get install -y --no-install-recommends chromium chromium-driver; }

## The npm package in pkg/: release wasm, wasm-bindgen (web + nodejs glue), wasm-opt, assembly.
pkg: setup
	cargo build --release --target wasm32-unknown-unknown --lib
	rm -rf build && mkdir -p build
	wasm-bindgen $(WASM) --target web --out-dir build/web --out-name wasm --no-typescript --omit-default-module-path
	wasm-bindgen $(WASM) --target nodejs --out-dir build/node --out-name wasm --no-typescript
	$(BIN)/wasm-opt -Oz --strip-debug --strip-producers build/web/wasm_bg.wasm -o build/web/wasm_bg.wasm
	$(BIN)/wasm-opt -Oz --strip-debug --strip-producers build/node/wasm_bg.wasm -o build/node/wasm_bg.wasm
	node scripts/build-pkg.mjs

## Build the package and serve www/ (and pkg/ at /pkg/) at http://127.0.0.1:$(PORT)/
demo: pkg
	node scripts/serve.mjs --port $(PORT)

## Every test: native (with property tests), clippy, JS (Node, CJS and ESM), types, wasm-bindgen
## (Node, Chromium), browser, a short fuzz of each target, and the panic-path check of the wasm.
test: setup setup-browser test-native pkg test-js test-wasm test-browser fuzz-smoke check-panics

test-native:
	cargo test
	cargo clippy --all-targets -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --lib --tests -- -D warnings
	RUSTDOCFLAGS="-D warnings" cargo doc --no-deps

test-js:
	node --test tests/js/
	$(BIN)/tsc -p tests/types

test-wasm:
	cargo test --target wasm32-unknown-unknown --test wasm
	WASM_BINDGEN_USE_BROWSER=1 CHROMEDRIVER=$(CHROMEDRIVER) cargo test --target wasm32-unknown-unknown --test wasm

test-browser:
	node --test tests/browser/

## Fuzz each target for FUZZ_SECONDS (nightly toolchain; cargo-fuzz is installed when missing).
fuzz:
	scripts/fuzz.sh $(FUZZ_SECONDS)

fuzz-smoke:
	scripts/fuzz.sh --smoke

## No panic path in the release wasm that input can reach (only allocation failure remains).
check-panics: pkg
	scripts/check-panics.sh

## Linear-cost benchmark up to 10 MB inputs: native core, then the npm package (no assertions).
bench-linear: pkg
	cargo run --release --manifest-path bench/linear/Cargo.toml
	node bench/linear/linear.mjs

## Benchmarks (never part of `make test`): native Criterion, then Node against ajv/zod/valibot/plain JS
## (after the agreement check), then bundle sizes; one combined table at the end (build/bench.json).
bench: pkg
	cargo bench --bench core
	node bench/run.mjs
	node bench/size.mjs
	node bench/report.mjs

clean:
	rm -rf build pkg target
