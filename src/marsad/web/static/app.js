// marsad dashboard: charts (Chart.js) and the network view (Cytoscape.js), drawn from JSON
// embedded in the page as <script type="application/json"> (data, never code).
(function () {
  "use strict";
  var COLORS = { PHONE_CALL: "#1f77b4", MEETING: "#2ca02c", VISIT: "#ff7f0e", MESSAGE: "#9467bd", AGREEMENT: "#d62728" };

  function data(id) {
    var el = document.getElementById(id);
    return el ? JSON.parse(el.textContent) : null;
  }

  function stacked(canvas, rows, labels) {
    var periods = Array.from(new Set(rows.map(function (r) { return r.period; }))).sort();
    var types = Object.keys(COLORS);
    var datasets = types.map(function (t) {
      return {
        label: labels[t] || t, backgroundColor: COLORS[t],
        data: periods.map(function (p) {
          var hit = rows.find(function (r) { return r.period === p && r.type === t; });
          return hit ? hit.events : 0;
        })
      };
    });
    return new Chart(canvas, {
      type: "bar", data: { labels: periods, datasets: datasets },
      options: { animation: false, responsive: true, maintainAspectRatio: false,
                 scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true } } }
    });
  }

  var timeline = data("timeline-data");
  if (timeline) {
    var chart = stacked(document.getElementById("timeline-chart"), timeline.rows, timeline.labels);
    document.getElementById("timeline-chart").dataset.ready = String(chart.data.labels.length);
  }

  var country = data("country-data");
  if (country) {
    new Chart(document.getElementById("partners-chart"), {
      type: "bar",
      data: { labels: country.partners.map(function (p) { return p.country; }),
              datasets: [{ label: "", backgroundColor: "#2ca02c", data: country.partners.map(function (p) { return p.events; }) }] },
      options: { animation: false, indexAxis: "y", responsive: true, maintainAspectRatio: false,
                 plugins: { legend: { display: false } },
                 onClick: function (evt, items) {
                   if (items.length) { window.location.href = "/countries/" + country.partners[items[0].index].country; }
                 } }
    });
    stacked(document.getElementById("country-timeline"), country.timeline, country.labels);
  }

  var graph = data("graph-data");
  var box = document.getElementById("network");
  if (graph && box) {
    var max = Math.max.apply(null, [1].concat(graph.edges.map(function (e) { return e.weight; })));
    var elements = graph.nodes.map(function (n) { return { data: { id: n.id, label: n.label } }; })
      .concat(graph.edges.map(function (e, i) {
        return { data: { id: "e" + i, source: e.source, target: e.target, weight: e.weight } };
      }));
    var cy = cytoscape({
      container: box, elements: elements, wheelSensitivity: 0.3,
      style: [
        { selector: "node", style: { "label": "data(label)", "font-size": 10, "background-color": "#1f77b4",
                                      "width": 14, "height": 14, "color": "#222" } },
        { selector: "edge", style: { "width": "mapData(weight, 1, " + max + ", 1, 10)", "line-color": "#aab",
                                      "opacity": 0.7, "curve-style": "haystack" } }
      ],
      layout: { name: "cose", animate: false, randomize: false, nodeRepulsion: 9000, idealEdgeLength: 90 }
    });
    cy.on("tap", "node", function (evt) {
      var id = evt.target.id();
      window.location.href = box.dataset.kind === "persons" ? "/actors/" + id.slice(1) : "/countries/" + id;
    });
    box.dataset.nodes = String(cy.nodes().length);
    window.marsadNetwork = cy;
  }
})();
