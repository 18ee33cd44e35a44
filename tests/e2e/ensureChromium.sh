#!/usr/bin/env bash
# End-to-end tests run in Debian's Chromium (Playwright cannot download browsers here).
# Installs it when missing; CI runs as root on a fresh machine.
set -euo pipefail
if command -v chromium >/dev/null 2>&1 || [ -x /usr/lib/chromium/chromium ]; then
  exit 0
fi
if [ "$(id -u)" -eq 0 ]; then
  echo "Installing Chromium from Debian's packages…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  chromium --version
else
  echo "Chromium is missing. Install it with: sudo apt-get install -y chromium" >&2
  exit 1
fi
