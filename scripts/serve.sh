#!/usr/bin/env bash
# Builds the wasm core and serves the page on http://127.0.0.1:${PORT:-8080}/
# Usage: scripts/serve.sh [--dev]   (--dev: faster unoptimized build)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build-wasm.sh "$@"
exec node scripts/serve.mjs --port "${PORT:-8080}"
