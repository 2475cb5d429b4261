#!/usr/bin/env bash
# Installs what is missing, builds pamphlet, and exports every document in input/ to out/:
# NAME.epub, NAME.pdf (A5) and NAME-booklet.pdf (imposed for A4, ready to fold and staple).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)" --target pamphlet
mkdir -p out
shopt -s nullglob
inputs=(input/*.txt input/*.md input/*.muse)
build/pamphlet "${inputs[@]}" --out-dir out --report out/report.json
echo "Exported ${#inputs[@]} document(s) to out/:"
ls -l out
