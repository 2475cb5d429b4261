#!/usr/bin/env bash
# Installs the Debian 12 packages pamphlet needs to build, run and test.
# Safe to run again: apt-get skips what is already installed.
set -euo pipefail

build_packages=(
  build-essential cmake pkg-config git
  libhpdf-dev libzip-dev libpugixml-dev libgtest-dev
  libcmark-gfm-dev libcmark-gfm-extensions-dev
  libharfbuzz-dev libfreetype-dev libfontconfig-dev
  libhyphen-dev libhunspell-dev libtomlplusplus-dev libcli11-dev
  libuchardet-dev libyaml-cpp-dev libqpdf-dev libgnutls28-dev libssl-dev nettle-dev zlib1g-dev libdeflate-dev
  libgmp-dev libtasn1-6-dev libidn2-dev libp11-kit-dev
  libmimalloc-dev
)
runtime_data_packages=(
  fonts-sil-charis fonts-dejavu-core
  hyphen-en-us hyphen-de hunspell-en-us hunspell-de-de wamerican
)
test_tool_packages=(
  qpdf poppler-utils epubcheck default-jre-headless
)

need=()
for p in "${build_packages[@]}" "${runtime_data_packages[@]}" "${test_tool_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || need+=("$p")
done
if ((${#need[@]})); then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}"
fi
