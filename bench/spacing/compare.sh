#!/bin/sh
# Inter-word spacing of pamphlet's PDF against pandoc + XeLaTeX on the same text, page and face.
#
#   bench/spacing/compare.sh [INPUT] [STYLE]
#
# Both PDFs are measured with measure_spacing.py (word positions from pdftotext -bbox-layout, on
# justified body lines only). The text reaches pandoc through pamphlet's own EPUB, so both
# engines set the same repaired words and paragraphs. The LaTeX side gets the default style's
# page (A5, margins 15/18 mm inner/outer, 15/18 mm top/bottom), Charis SIL at 10.5 pt and the
# same leading (1.3). Needs pandoc, xelatex (texlive-xetex), the KOMA classes and Charis SIL.
# Environment: PAMPHLET=path/to/pamphlet (default build/pamphlet, then build-*/pamphlet).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
input=${1:-$root/input/russian-question.txt}
style=${2:-default}
binary=${PAMPHLET:-}
if [ -z "$binary" ]; then
    for candidate in "$root"/build/pamphlet "$root"/build-*/pamphlet; do
        if [ -x "$candidate" ]; then binary=$candidate; break; fi
    done
fi
[ -n "$binary" ] || { echo "no pamphlet binary found; set PAMPHLET" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$binary" --style "$style" "$input" -o "$work/pamphlet.pdf" 2>/dev/null
"$binary" --style "$style" "$input" -o "$work/book.epub" 2>/dev/null

start=$(date +%s.%N)
pandoc "$work/book.epub" -o "$work/xelatex.pdf" --pdf-engine=xelatex --lua-filter "$here/drop_images.lua" \
    -V documentclass=scrartcl -V fontsize=10.5pt -V mainfont="Charis SIL" \
    -V geometry:paperwidth=148mm,paperheight=210mm,inner=15mm,outer=18mm,top=15mm,bottom=18mm,twoside \
    -V linestretch=1.083 -V indent=true 2>/dev/null
xelatex_seconds=$(echo "$(date +%s.%N) - $start" | bc)
start=$(date +%s.%N)
"$binary" --style "$style" "$input" -o "$work/again.pdf" 2>/dev/null
pamphlet_seconds=$(echo "$(date +%s.%N) - $start" | bc)

echo "engine    spaces  median_em  p95_em  max_em  seconds"
printf "pamphlet  %s  %.2f\n" "$(python3 "$here/measure_spacing.py" "$work/pamphlet.pdf" --size 10.5)" "$pamphlet_seconds"
printf "xelatex   %s  %.2f\n" "$(python3 "$here/measure_spacing.py" "$work/xelatex.pdf" --size 10.5)" "$xelatex_seconds"
