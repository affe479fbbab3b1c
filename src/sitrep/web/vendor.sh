#!/usr/bin/env bash
# Re-vendor the web UI's third-party files from npm into static/vendor/.
# The UI must work with no network (air-gapped analysis rooms), so nothing is loaded from a CDN:
# every file the browser needs is copied here and committed. Versions are pinned; bump them here
# and in VENDOR.md together.
set -euo pipefail

WORLD_ATLAS=2.0.2
TOPOJSON_CLIENT=3.1.0

here="$(cd "$(dirname "$0")" && pwd)"
target="$here/static/vendor"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

cd "$scratch"
npm init -y >/dev/null
npm install --no-audit --no-fund "world-atlas@$WORLD_ATLAS" "topojson-client@$TOPOJSON_CLIENT" >/dev/null

mkdir -p "$target"
cp node_modules/world-atlas/countries-110m.json "$target/countries-110m.json"
cp node_modules/world-atlas/LICENSE "$target/world-atlas.LICENSE"
cp node_modules/topojson-client/dist/topojson-client.min.js "$target/topojson-client.min.js"
cp node_modules/topojson-client/LICENSE "$target/topojson-client.LICENSE"
echo "vendored into $target:"
ls -l "$target"
