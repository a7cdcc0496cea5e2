#!/usr/bin/env bash
# Installs what presslens needs, idempotently: each step checks first and is skipped when done,
# so a second run takes seconds. Sourced by scripts/serve.sh and scripts/test.sh.
# Usage: scripts/setup.sh [--browser] [--npm]
#   always:    the wasm32 target and wasm-bindgen-cli (pinned to the crate's wasm-bindgen)
#   --browser: Debian's chromium and chromium-driver (for the browser tests)
#   --npm:     the npm dev dependencies (playwright-core, the peers for benchmarks)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

log() { printf 'setup: %s\n' "$*" >&2; }

want_browser=0
want_npm=0
for a in "$@"; do
  case "$a" in
    --browser) want_browser=1 ;;
    --npm) want_npm=1 ;;
    *) log "unknown option $a"; exit 2 ;;
  esac
done

command -v cargo >/dev/null || { log "Rust is required: https://rustup.rs"; exit 1; }

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  log "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

want_bindgen=$(sed -n 's/^wasm-bindgen = "=\(.*\)"/\1/p' Cargo.toml)
have_bindgen=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [[ "$have_bindgen" != "$want_bindgen" ]]; then
  log "installing wasm-bindgen-cli $want_bindgen (takes a few minutes once)"
  # --locked is preferred; some registry mirrors lack a locked dependency, so fall back.
  cargo install wasm-bindgen-cli --version "$want_bindgen" --locked --force \
    || cargo install wasm-bindgen-cli --version "$want_bindgen" --force
fi

if ((want_browser)); then
  if [[ ! -x /usr/bin/chromium || ! -x /usr/bin/chromedriver ]]; then
    log "installing Debian's chromium and chromium-driver"
    sudo=""
    [[ $(id -u) -ne 0 ]] && sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
fi

if ((want_npm)); then
  command -v npm >/dev/null || { log "Node.js and npm are required"; exit 1; }
  # Reinstall only when package-lock.json changed since the last install.
  stamp=node_modules/.presslens-lock
  if [[ ! -f "$stamp" ]] || ! cmp -s package-lock.json "$stamp"; then
    log "installing npm dev dependencies"
    npm ci --no-audit --no-fund --loglevel=error
    cp package-lock.json "$stamp"
  fi
fi
