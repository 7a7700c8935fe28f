#!/usr/bin/env bash
# Refresh the JavaScript libraries and map data the dashboard serves itself (no CDN, no tile
# server: it must work offline). Versions in use: chart.js 4.6.1, cytoscape 3.35.0 (MIT),
# d3 7.9.2, topojson-client 3.1.0 (ISC), world-atlas 2.0.2 (ISC; its countries-110m.json is
# Natural Earth, public domain); licences copied beside them. Then rebuild the map's
# numeric-id -> ISO3 table: scripts/build_world_codes.py.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
(cd "$work" && npm install --silent chart.js@4.6.1 cytoscape@3.35.0 d3@7.9.2 topojson-client@3.1.0 world-atlas@2.0.2)
dest=src/marsad/web/static/vendor
m="$work/node_modules"
cp "$m/chart.js/dist/chart.umd.min.js" "$dest/chart.umd.min.js"
cp "$m/chart.js/LICENSE.md" "$dest/chart.js.LICENSE.md"
cp "$m/cytoscape/dist/cytoscape.min.js" "$dest/cytoscape.min.js"
cp "$m/cytoscape/LICENSE" "$dest/cytoscape.LICENSE"
cp "$m/d3/dist/d3.min.js" "$dest/d3.min.js"
cp "$m/d3/LICENSE" "$dest/d3.LICENSE"
cp "$m/topojson-client/dist/topojson-client.min.js" "$dest/topojson-client.min.js"
cp "$m/topojson-client/LICENSE" "$dest/topojson-client.LICENSE"
cp "$m/world-atlas/countries-110m.json" "$dest/countries-110m.json"
{ cat "$m/world-atlas/LICENSE"; cat <<'NOTE'

---
countries-110m.json is world-atlas 2.0.2's redistribution of Natural Earth's Admin 0 country
boundaries at 1:110m (version 4.1.0). Natural Earth data is in the public domain:
https://www.naturalearthdata.com/about/terms-of-use/
NOTE
} > "$dest/world-atlas.LICENSE"
echo "vendored chart.js, cytoscape, d3, topojson-client and world-atlas into $dest"
