#!/bin/sh
# Installs what the EPUB accessibility and browser tests need: Debian's chromium, and the node
# packages named in the top-level package.json (DAISY Ace, puppeteer-core) into node_modules/.
# Idempotent: safe to run again; does nothing that is already done.
#
# Ace's default `ace` command drives Electron, which cannot be downloaded here, so the download
# is skipped and the tests run `ace-puppeteer` with Debian's chromium instead (see NOTES.md).
set -eu

repo_root=$(cd "$(dirname "$0")/.." && pwd)

if ! command -v chromium >/dev/null 2>&1; then
    if [ "$(id -u)" -eq 0 ]; then apt_get="apt-get"; else apt_get="sudo apt-get"; fi
    $apt_get update
    DEBIAN_FRONTEND=noninteractive $apt_get install -y --no-install-recommends chromium
fi

if [ ! -x "$repo_root/node_modules/.bin/ace-puppeteer" ] || [ ! -d "$repo_root/node_modules/puppeteer-core" ]; then
    cd "$repo_root"
    PUPPETEER_SKIP_DOWNLOAD=1 ELECTRON_SKIP_BINARY_DOWNLOAD=1 npm ci --no-audit --no-fund \
        || PUPPETEER_SKIP_DOWNLOAD=1 ELECTRON_SKIP_BINARY_DOWNLOAD=1 npm install --no-audit --no-fund
fi

echo "ace-puppeteer: $repo_root/node_modules/.bin/ace-puppeteer"
echo "chromium: $(command -v chromium)"
