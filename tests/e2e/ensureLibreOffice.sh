#!/usr/bin/env bash
# tests/e2e/exports.spec.ts opens the app's exports in real LibreOffice (Debian's headless
# packages) under a Vietnamese and an English locale. Installs it when missing and makes sure
# both locales exist; CI runs as root on a fresh Debian machine with only npm and Debian's
# packages reachable. Measured on a 2-core Debian 12 machine: 64 packages, 97 MB downloaded in
# under 2 s from the Debian mirror here, about 16 s to unpack; both locales about 2 s.
set -euo pipefail

needed_locales=(vi_VN.UTF-8 en_US.UTF-8)
# Without recommends (no Math, Python or dictionaries); Liberation Serif stands in for the
# report's Times New Roman, with every Vietnamese letter.
packages="libreoffice-calc-nogui libreoffice-writer-nogui fonts-liberation2 locales"

has_locale() {
  # `locale -a` spells them vi_VN.utf8.
  locale -a 2>/dev/null | grep -qix "${1%%.*}.utf-\?8"
}

missing=()
for name in "${needed_locales[@]}"; do has_locale "$name" || missing+=("$name"); done
has_soffice=0
command -v soffice >/dev/null 2>&1 && has_soffice=1

if [ "$has_soffice" -eq 1 ] && [ "${#missing[@]}" -eq 0 ]; then
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "LibreOffice or a locale is missing. Install them with:" >&2
  [ "$has_soffice" -eq 0 ] &&
    echo "  sudo apt-get install -y --no-install-recommends $packages" >&2
  for name in "${missing[@]}"; do echo "  sudo localedef -i ${name%%.*} -f UTF-8 $name" >&2; done
  exit 1
fi

# The locales' sources come with the `locales` package.
if [ "$has_soffice" -eq 0 ] || [ ! -f /usr/share/i18n/locales/vi_VN ] || [ ! -f /usr/share/i18n/locales/en_US ]; then
  echo "Installing LibreOffice (Calc and Writer, headless) and the locales from Debian's packages…"
  apt-get update -qq
  # shellcheck disable=SC2086 # a list of package names
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $packages >/dev/null
  soffice --version
fi

for name in "${missing[@]}"; do
  base="${name%%.*}"
  echo "Generating the $name locale…"
  # Listed in /etc/locale.gen so that a later `locale-gen` (run by upgrades of `locales`) keeps it.
  if [ -f /etc/locale.gen ]; then
    sed -i -E "s/^#[[:space:]]*${base}\.UTF-8 UTF-8$/$name UTF-8/" /etc/locale.gen
    grep -qx "$name UTF-8" /etc/locale.gen || echo "$name UTF-8" >>/etc/locale.gen
  fi
  localedef -i "$base" -c -f UTF-8 -A /usr/share/locale/locale.alias "$name" || true
  has_locale "$name" || {
    echo "Could not generate the $name locale." >&2
    exit 1
  }
done
