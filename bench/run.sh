#!/usr/bin/env bash
# The speed benchmark, in one command:  bash bench/run.sh [run_bench.py options] [DOCUMENT...]
#
# Builds pamphlet and the stage benchmark in build-bench/ (Release, no tests), then measures
# (bench/run_bench.py): time per stage, whole runs with peak memory, typst and pandoc side by side
# where installed (bench/install-tools.sh installs them), the scaling curve, and the targets of
# issue 7. Prints the report and writes bench/results/latest.md, bench/results/scaling.csv and
# bench/scaling.svg.  Options: --runs N, --min-time S, --no-others, --timeout S (see --help).
set -euo pipefail
bench_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source_dir="$(dirname "$bench_dir")"
build_dir="${PAMPHLET_BENCH_BUILD_DIR:-$source_dir/build-bench}"

# The top-level project builds the benchmark itself once it has the PAMPHLET_BENCH option;
# until then bench/standalone/ wraps it.
if grep -q "PAMPHLET_BENCH" "$source_dir/CMakeLists.txt"; then
    project_dir="$source_dir"
else
    project_dir="$bench_dir/standalone"
fi
if [[ -f "$build_dir/CMakeCache.txt" ]] && ! grep -q "CMAKE_HOME_DIRECTORY:INTERNAL=$project_dir\$" "$build_dir/CMakeCache.txt"; then
    rm -rf "$build_dir"  # configured from the other project: start over
fi
echo "building pamphlet and bench_stages in $build_dir (Release)…"
mkdir -p "$build_dir"
log="$build_dir/bench-build.log"
if ! { cmake -S "$project_dir" -B "$build_dir" -DCMAKE_BUILD_TYPE=Release -DPAMPHLET_BUILD_TESTS=OFF \
             -DPAMPHLET_BENCH=ON &&
       cmake --build "$build_dir" -j"$(nproc)" --target pamphlet bench_stages; } >"$log" 2>&1; then
    grep -E "error|Error" "$log" | head -20 >&2
    echo "run.sh: the build failed; the whole log is $log" >&2
    exit 1
fi

exec python3 "$bench_dir/run_bench.py" --build-dir "$build_dir" "$@"
