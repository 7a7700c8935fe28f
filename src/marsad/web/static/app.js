// marsad dashboard: charts (Chart.js) and the network view (Cytoscape.js), drawn from JSON
// embedded in the page as <script type="application/json"> (data, never code).
(function () {
  "use strict";
  var RTL = document.documentElement.dir === "rtl";

  function data(id) {
    var el = document.getElementById(id);
    return el ? JSON.parse(el.textContent) : null;
  }

  // Types, their labels and chart colours come with the data (from the event vocabulary).
  function stacked(canvas, rows, labels, colours) {
    var periods = Array.from(new Set(rows.map(function (r) { return r.period; }))).sort();
    var types = Object.keys(colours);
    var datasets = types.map(function (t) {
      return {
        label: labels[t] || t, backgroundColor: colours[t],
        data: periods.map(function (p) {
          var hit = rows.find(function (r) { return r.period === p && r.type === t; });
          return hit ? hit.events : 0;
        })
      };
    });
    return new Chart(canvas, {
      type: "bar", data: { labels: periods, datasets: datasets },
      options: { animation: false, responsive: true, maintainAspectRatio: false,
                 plugins: { legend: { rtl: RTL }, tooltip: { rtl: RTL } },
                 scales: { x: { stacked: true, reverse: RTL },
                           y: { stacked: true, beginAtZero: true, position: RTL ? "right" : "left", ticks: { precision: 0 } } } }
    });
  }

  var timeline = data("timeline-data");
  if (timeline) {
    var chart = stacked(document.getElementById("timeline-chart"), timeline.rows, timeline.labels, timeline.colours);
    document.getElementById("timeline-chart").dataset.ready = String(chart.data.labels.length);
  }

  var country = data("country-data");
  if (country) {
    var partners = new Chart(document.getElementById("partners-chart"), {
      type: "bar",
      data: { labels: country.partners.map(function (p) { return p.country; }),
              datasets: [{ label: "", backgroundColor: "#2ca02c", data: country.partners.map(function (p) { return p.events; }) }] },
      options: { animation: false, indexAxis: "y", responsive: true, maintainAspectRatio: false,
                 plugins: { legend: { display: false }, tooltip: { rtl: RTL } },
                 scales: { x: { reverse: RTL, beginAtZero: true, ticks: { precision: 0 } }, y: { position: RTL ? "right" : "left" } },
                 onClick: function (evt, items) {
                   if (items.length) { window.location.href = "/countries/" + country.partners[items[0].index].country; }
                 } }
    });
    document.getElementById("partners-chart").dataset.ready = String(partners.data.labels.length);
    var countryTimeline = stacked(document.getElementById("country-timeline"), country.timeline, country.labels, country.colours);
    document.getElementById("country-timeline").dataset.ready = String(countryTimeline.data.labels.length);
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
                                      "width": "mapData(degree, 1, 20, 10, 30)", "height": "mapData(degree, 1, 20, 10, 30)",
                                      "color": "#222", "text-background-color": "#fff", "text-background-opacity": 0.85,
                                      "text-background-padding": 2, "text-valign": "bottom", "text-margin-y": 3 } },
        { selector: "edge", style: { "width": "mapData(weight, 1, " + max + ", 1, 10)", "line-color": "#aab",
                                      "opacity": 0.7, "curve-style": "haystack" } }
      ],
      layout: { name: "cose", animate: false, randomize: true, nodeRepulsion: 20000, idealEdgeLength: 110,
                nodeOverlap: 40, componentSpacing: 120 }
    });
    cy.nodes().forEach(function (n) { n.data("degree", n.degree()); });
    cy.on("tap", "node", function (evt) {
      var id = evt.target.id();
      window.location.href = box.dataset.kind === "persons" ? "/actors/" + id.slice(1) : "/countries/" + id;
    });
    box.dataset.nodes = String(cy.nodes().length);
    window.marsadNetwork = cy;
  }
})();
