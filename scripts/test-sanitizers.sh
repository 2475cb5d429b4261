#!/usr/bin/env bash
# Runs the whole ctest suite under AddressSanitizer + UBSan (no recovery) with LeakSanitizer on,
# from the clang tree scripts/sanitizer-build.sh builds (build-san, shared with the fuzz targets).
# The pamphlet binary the CLI tests run is built the same way, so they check it too. Sanitizer
# reports exit with status 86, never with the 1 or 2 that tests expect for bad input or bad usage,
# so a finding cannot pass for a refusal.
#
# Tests excluded by default (SANITIZE_EXCLUDE, a ctest -E regex; set it empty to run all):
# - those whose time goes to an external tool rather than our code: DAISY Ace on Chromium (Ace.*
#   and CorpusEpub.AceFindsNoViolation), the headless-browser phone check, epubcheck's small tests
#   on the JVM. Our code that writes those EPUBs runs under the sanitizers in other tests, and the
#   normal suite runs the validators;
# - the two bad-input tests that typeset thousands of pages (100,000 paragraphs, 10,000 notes),
#   which take many minutes under ASan and run in the normal suite.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${SANITIZE_BUILD_DIR:-build-san}
EXCLUDE=${SANITIZE_EXCLUDE-'^(Ace|Epubcheck|PhoneBrowser)\.|CorpusEpub\.AceFindsNoViolation|HundredThousandParagraphs|TenThousandFootnotes'}

start=$(date +%s)
SANITIZE_BUILD_DIR=$BUILD_DIR bash scripts/sanitizer-build.sh
built=$(date +%s)

# Leaks inside system libraries we only call (fontconfig's cache, libhyphen's own) are theirs, not
# ours. Both are linked from their static archives (PAMPHLET_STATIC_ARCHIVES), so they are known
# by their functions' prefixes, not by a shared library's name.
cat >"$BUILD_DIR/lsan-suppressions.txt" <<'SUPPRESSIONS'
leak:libfontconfig.so
leak:libhyphen.so
leak:^Fc
leak:^hnj_
SUPPRESSIONS

export ASAN_OPTIONS="detect_leaks=1:exitcode=86:halt_on_error=1:strict_string_checks=1:check_initialization_order=1:detect_invalid_pointer_pairs=0"
export LSAN_OPTIONS="exitcode=86:suppressions=$PWD/$BUILD_DIR/lsan-suppressions.txt:print_suppressions=0"
export UBSAN_OPTIONS="exitcode=86:halt_on_error=1:print_stacktrace=1"

ctest --test-dir "$BUILD_DIR" --output-on-failure -j"$(nproc)" --timeout 900 ${EXCLUDE:+-E "$EXCLUDE"}
echo "sanitizer suite: build $(( built - start )) s, tests $(( $(date +%s) - built )) s"
