#!/usr/bin/env bash
# What CI runs (.ci/run): installs what is missing, then
#   1. builds everything (build/) and runs the whole test suite;
#   2. builds the clang sanitizer tree (build-san) and runs the suite again under ASan + UBSan +
#      LeakSanitizer (scripts/test-sanitizers.sh);
#   3. replays every fuzz regression input and fuzzes each target for FUZZ_SECONDS (default 10)
#      from the same tree (scripts/fuzz-smoke.sh).
# Fails on the first failing step. Prints the time each step took.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
if [ -f scripts/install-ace.sh ]; then bash scripts/install-ace.sh; fi

times=()
step() {  # step NAME COMMAND...: runs the command and records its wall time
  local name=$1 started
  shift
  started=$(date +%s)
  "$@"
  times+=("$name: $(( $(date +%s) - started )) s")
}

step "build" bash -c 'cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null && cmake --build build -j"$(nproc)"'
step "tests" ctest --test-dir build --output-on-failure -j"$(nproc)"
step "sanitizer build and tests" bash scripts/test-sanitizers.sh
step "fuzz regressions and runs" env FUZZ_SECONDS="${FUZZ_SECONDS:-10}" bash scripts/fuzz-smoke.sh
printf '%s\n' "${times[@]}"
