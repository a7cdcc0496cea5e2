#!/usr/bin/env bash
# Runs every test: formatting and lints, Rust unit/integration/property tests, the CLI, wasm
# tests in headless Chromium, the page's end-to-end tests, and the page size budget.
# Installs what it needs first (scripts/setup.sh), so it works on a fresh Debian machine with
# Rust and Node. CI (.ci/run) runs exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$SECONDS
step() { printf '\n=== %s\n' "$*"; }

step "setup"
scripts/setup.sh --browser --npm

step "format and lints"
cargo fmt --all -- --check
cargo clippy --all-targets --quiet -- -D warnings

step "Rust tests (unit, fixtures, properties, CLI)"
cargo test

step "wasm tests in headless Chromium"
scripts/test-wasm.sh

step "build the page"
scripts/build-wasm.sh

step "end-to-end tests in headless Chromium"
node --test tests/e2e/

step "size budget"
node scripts/size.mjs --check

printf '\nall test suites passed in %ss\n' "$((SECONDS - started))"
