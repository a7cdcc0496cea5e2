#!/usr/bin/env bash
# One md5 over the CLI's output on a fixed set of inputs: run it before and after a change that
# is meant to change speed or size only; the two must be equal. (The helpers' rounds in
# docs/performance.md checked their changes this way.)
# Inputs: tests/fixtures/*.txt and www/sample-article.txt; with ../shared also the seed article,
# every Wikinews document on its own, and the VOA sentences in 4 parts of 4,000 lines.
# Usage: scripts/same-output.sh            prints the md5 (and how many inputs)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet --bin presslens
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp tests/fixtures/*.txt www/sample-article.txt "$tmp/"
shared=../shared
if [[ -d "$shared/data/text" ]]; then
  cp "$shared/seed/kabul-airport-article.txt" "$tmp/" 2>/dev/null || true
  awk -v dir="$tmp" '/^### /{n++; next} n{print > (dir "/wn" n ".txt")}' "$shared/data/text/wikinews-docs.txt"
  for i in 0 1 2 3; do
    sed -n "$((i * 4000 + 1)),$(((i + 1) * 4000))p" "$shared/data/text/voa-sentences.txt" > "$tmp/voa$i.txt"
  done
else
  echo "same-output: ../shared absent: the repository's own inputs only" >&2
fi
n=$(ls "$tmp" | wc -l)
for f in $(ls "$tmp" | sort); do
  "${CARGO_TARGET_DIR:-target}/release/presslens" analyze --compact --reference-date 2021-08-27 "$tmp/$f"
done | md5sum | cut -d' ' -f1
echo "($n inputs)" >&2
