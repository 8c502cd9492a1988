# Single entry point. `make demo` builds the package and serves the demo;
# `make test` runs every test. Both install what they need first (make setup).
SHELL := /bin/bash
WASM_BINDGEN_VERSION := 0.2.130
CRATE := yeastar_extension_update
WASM := target/wasm32-unknown-unknown/release/$(CRATE).wasm
BIN := node_modules/.bin

.PHONY: setup setup-rust setup-node setup-browser pkg demo test

setup: setup-rust setup-node

setup-rust:
	@rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
	@wasm-bindgen --version 2>/dev/null | grep -q " $(WASM_BINDGEN_VERSION)$$" || cargo install wasm-bindgen-cli --version =$(WASM_BINDGEN_VERSION)

setup-node:
	@[ -x $(BIN)/wasm-opt ] && [ node_modules/.package-lock.json -nt package-lock.json ] || npm ci --no-audit --no-fund

setup-browser:
	@[ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] || { apt-get update && apt-get install -y chromium chromium-driver; }

pkg: setup
	cargo build --release --target wasm32-unknown-unknown --lib
	rm -rf build && mkdir -p build
	wasm-bindgen $(WASM) --target web --out-dir build/web --out-name wasm --no-typescript
	wasm-bindgen $(WASM) --target nodejs --out-dir build/node --out-name wasm --no-typescript
	$(BIN)/wasm-opt -Oz --strip-debug --strip-producers build/web/wasm_bg.wasm -o build/web/wasm_bg.wasm
	$(BIN)/wasm-opt -Oz --strip-debug --strip-producers build/node/wasm_bg.wasm -o build/node/wasm_bg.wasm
	node scripts/build-pkg.mjs
