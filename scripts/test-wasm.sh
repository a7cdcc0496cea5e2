#!/usr/bin/env bash
# Runs tests/wasm.rs in headless Chromium: the wasm boundary as the page sees it (JS strings,
# UTF-16 spans, JS errors). Needs the wasm32 target, wasm-bindgen-cli matching the wasm-bindgen
# crate version, chromium and chromedriver. Browser flags are in webdriver.json at the repo root.
# Usage: scripts/test-wasm.sh [extra cargo test args]
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
want_bindgen=$(sed -n 's/^wasm-bindgen = "=\(.*\)"/\1/p' Cargo.toml)
if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  missing+=("the wasm32 target: rustup target add wasm32-unknown-unknown")
fi
if ! command -v wasm-bindgen-test-runner >/dev/null; then
  missing+=("wasm-bindgen-test-runner: cargo install wasm-bindgen-cli --version ${want_bindgen} --locked")
else
  have=$(wasm-bindgen-test-runner --version | awk '{print $2}')
  if [[ -n "$want_bindgen" && "$have" != "$want_bindgen" ]]; then
    missing+=("wasm-bindgen-test-runner ${want_bindgen} (found ${have}): cargo install wasm-bindgen-cli --version ${want_bindgen} --locked --force")
  fi
fi
CHROMEDRIVER=${CHROMEDRIVER:-/usr/bin/chromedriver}
if [[ ! -x "$CHROMEDRIVER" ]]; then
  missing+=("chromedriver at $CHROMEDRIVER: apt-get install chromium-driver (or set CHROMEDRIVER)")
fi
if ! command -v chromium >/dev/null && ! command -v chromium-browser >/dev/null \
  && ! command -v google-chrome >/dev/null; then
  missing+=("a Chromium browser: apt-get install chromium")
fi
if ((${#missing[@]})); then
  echo "test-wasm: cannot run the browser tests; missing:" >&2
  printf '  - %s\n' "${missing[@]}" >&2
  exit 2
fi

export CHROMEDRIVER
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
# Chromium may take a while to start on a busy machine; the runner's default is 20 s.
export WASM_BINDGEN_TEST_TIMEOUT=${WASM_BINDGEN_TEST_TIMEOUT:-120}
exec cargo test --target wasm32-unknown-unknown --test wasm "$@"
