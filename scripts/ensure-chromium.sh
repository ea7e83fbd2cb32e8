#!/usr/bin/env bash
# Installs Debian's Chromium for the end-to-end tests when it is missing. Tests never download a
# browser of their own (no `playwright install`).
set -euo pipefail
chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$chromium" ]; then
  exit 0
fi
echo "ensure-chromium: $chromium not found; installing Debian's chromium package"
if [ "$(id -u)" -eq 0 ]; then
  sudo=""
elif command -v sudo >/dev/null 2>&1; then
  sudo="sudo"
else
  echo "ensure-chromium: not root and no sudo: run 'apt-get install -y chromium' as root, or set CHROMIUM_PATH" >&2
  exit 1
fi
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
"$chromium" --version
