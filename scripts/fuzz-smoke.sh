#!/usr/bin/env bash
# Runs the libFuzzer targets (clang, ASan+UBSan) for a bounded time each: first on every committed
# regression input, then fuzzing from the seed corpus. Fails on any finding.
#   bash scripts/fuzz-smoke.sh                        every target, FUZZ_SECONDS (default 25) each
#   FUZZ_SECONDS=1800 bash scripts/fuzz-smoke.sh markdown   one target, longer
# The targets are built in the tree scripts/sanitizer-build.sh makes (build-san, shared with the
# sanitizer test suite); FUZZ_BUILD_DIR picks another (a fuzz-only tree works too).
# New findings are written to BUILD_DIR/findings/<target>/; add a minimal reproducer to
# tests/data/fuzz-regressions/<target>/ (tests/cli/bad_input_fuzz_regressions_test.cpp runs it).
set -euo pipefail
cd "$(dirname "$0")/.."
SOURCE_DIR=$PWD
BUILD_DIR=${FUZZ_BUILD_DIR:-$SOURCE_DIR/build-san}
SECONDS_PER_TARGET=${FUZZ_SECONDS:-25}
TARGETS=("$@")
[ ${#TARGETS[@]} -eq 0 ] && TARGETS=(plain_text markdown muse style pipeline)

SANITIZE_BUILD_DIR=$BUILD_DIR bash scripts/sanitizer-build.sh $(printf 'fuzz_%s ' "${TARGETS[@]}")
python3 fuzz/make-seed-corpus.py "$BUILD_DIR/seeds" >/dev/null

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:symbolize=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
status=0
for target in "${TARGETS[@]}"; do
  binary="$BUILD_DIR/fuzz/fuzz_$target"
  regressions="tests/data/fuzz-regressions/$target"
  dictionary=()
  [ -f "fuzz/$target.dict" ] && dictionary=(-dict="fuzz/$target.dict")
  # The pipeline target typesets and writes two files per input: keep its inputs small.
  max_len=8192
  [ "$target" = pipeline ] && max_len=2048
  started=$(date +%s)
  if compgen -G "$regressions/*" >/dev/null; then
    echo "== fuzz_$target: regression inputs"
    "$binary" -rss_limit_mb=4096 -timeout=60 "$regressions"/* || status=1
  fi
  corpus="$BUILD_DIR/corpus/$target"  # grows across runs; the seeds are re-added every time
  findings="$BUILD_DIR/findings/$target"
  mkdir -p "$corpus" "$findings"
  echo "== fuzz_$target: ${SECONDS_PER_TARGET}s"
  log="$BUILD_DIR/fuzz-$target.log"
  if ! "$binary" "${dictionary[@]}" -max_total_time="$SECONDS_PER_TARGET" -max_len=$max_len -timeout=30 \
      -rss_limit_mb=4096 -print_final_stats=1 -artifact_prefix="$findings/" \
      "$corpus" "$BUILD_DIR/seeds/$target" >"$log" 2>&1; then
    echo "fuzz_$target: FINDING, see $log and $findings/"
    status=1
  fi
  grep -E '^(#[0-9]+ +(INITED|DONE)|stat::(number_of_executed_units|average_exec_per_sec)|==[0-9]+==ERROR|\*\*\* pamphlet|SUMMARY)' "$log" || true
  echo "fuzz_$target: $(( $(date +%s) - started )) s"
done
exit $status
