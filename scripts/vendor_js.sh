#!/usr/bin/env bash
# Refresh the JavaScript libraries the dashboard serves itself (no CDN: it must work offline).
# Versions in use: chart.js 4.6.1, cytoscape 3.35.0 (both MIT; licences copied beside them).
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
(cd "$work" && npm install --silent chart.js@4.6.1 cytoscape@3.35.0)
dest=src/marsad/web/static/vendor
cp "$work/node_modules/chart.js/dist/chart.umd.min.js" "$dest/chart.umd.min.js"
cp "$work/node_modules/chart.js/LICENSE.md" "$dest/chart.js.LICENSE.md"
cp "$work/node_modules/cytoscape/dist/cytoscape.min.js" "$dest/cytoscape.min.js"
cp "$work/node_modules/cytoscape/LICENSE" "$dest/cytoscape.LICENSE"
echo "vendored chart.js 4.6.1 and cytoscape 3.35.0 into $dest"
