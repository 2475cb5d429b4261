#!/bin/sh
# Inter-word spacing of pamphlet's PDF against pandoc + XeLaTeX on the same text, page and face
# (issue 5): a shell entry point for compare_spacing.py (see README.md there).
#
#   bench/spacing/compare.sh [INPUT...]     default: the seed essay and the Bakunin text
#
# Environment: PAMPHLET=path/to/pamphlet (default build/pamphlet, then build-*/pamphlet).
# Exit status as compare_spacing.py: 1 when pamphlet's p95 or maximum gap exceeds XeLaTeX's.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
binary=${PAMPHLET:-}
if [ -z "$binary" ]; then
    for candidate in "$root"/build/pamphlet "$root"/build-*/pamphlet; do
        if [ -x "$candidate" ]; then binary=$candidate; break; fi
    done
fi
[ -n "$binary" ] || { echo "no pamphlet binary found; set PAMPHLET" >&2; exit 2; }
if [ $# -eq 0 ]; then
    set -- "$root/input/russian-question.txt" "$root/../shared/corpus/bakunin-god-and-the-state.txt"
fi
exec python3 "$here/compare_spacing.py" --pamphlet "$binary" "$@"
