#!/usr/bin/env bash
# Configures and builds the one clang tree (build-san by default) that serves both the sanitizer
# test suite (scripts/test-sanitizers.sh) and the libFuzzer targets (scripts/fuzz-smoke.sh): the
# libraries are compiled once with AddressSanitizer, UBSan and fuzzing coverage, so CI pays for one
# extra build, not two. -O1 and line tables only keep that build quick while sanitizer reports
# still name file and line; assertions stay on (no NDEBUG).
#   bash scripts/sanitizer-build.sh [TARGET...]     build these targets (default: all)
# SANITIZE_BUILD_DIR picks the folder.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${SANITIZE_BUILD_DIR:-build-san}

if ! command -v clang++ >/dev/null || ! compgen -G "/usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a" >/dev/null; then
  # clang and its runtime libraries (libFuzzer, ASan): Debian 12 packages.
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends clang libclang-rt-dev
fi

if [ ! -f "$BUILD_DIR/CMakeCache.txt" ]; then
  flags="-O1 -gline-tables-only"
  CC=clang CXX=clang++ cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_C_FLAGS_RELWITHDEBINFO="$flags" -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="$flags" \
    -DPAMPHLET_SANITIZE=ON -DPAMPHLET_FUZZ=ON -DPAMPHLET_BUILD_TESTS=ON >/dev/null
fi
targets=()
for target in "$@"; do targets+=(--target "$target"); done
cmake --build "$BUILD_DIR" -j"$(nproc)" "${targets[@]}"
