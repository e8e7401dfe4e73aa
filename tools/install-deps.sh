#!/usr/bin/env bash
# Installs the Debian 12 packages raml needs to build, test, benchmark and serve.
# Idempotent; run as root (or with sudo available).
set -euo pipefail
PKGS=(build-essential cmake pkg-config clang libclang-rt-14-dev
      libutf8proc-dev libsqlite3-dev libcjson-dev libmicrohttpd-dev libpq-dev
      sqlite3 postgresql python3 time curl chromium nodejs)
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}"
fi
