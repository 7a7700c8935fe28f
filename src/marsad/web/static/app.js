// marsad dashboard: charts (Chart.js), the network view (Cytoscape.js) and the world map
// (D3 over Natural Earth shapes served by this server), drawn from JSON embedded in the
// page as <script type="application/json"> (data, never code).
(function () {
  "use strict";
  var RTL = document.documentElement.dir === "rtl";

  function data(id) {
    var el = document.getElementById(id);
    return el ? JSON.parse(el.textContent) : null;
  }

  // Types, their labels and chart colours come with the data (from the event vocabulary).
  // `periods`: every month of the axis, those without events included, so time runs evenly.
  function stacked(canvas, periods, rows, labels, colours) {
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
    var chart = stacked(document.getElementById("timeline-chart"), timeline.periods, timeline.rows, timeline.labels, timeline.colours);
    document.getElementById("timeline-chart").dataset.ready = String(chart.data.labels.length);
  }

  var country = data("country-data");
  if (country) {
    var partners = new Chart(document.getElementById("partners-chart"), {
      type: "bar",
      data: { labels: country.partners.map(function (p) { return p.name; }),
              datasets: [{ label: "", backgroundColor: "#2ca02c", data: country.partners.map(function (p) { return p.events; }) }] },
      options: { animation: false, indexAxis: "y", responsive: true, maintainAspectRatio: false,
                 plugins: { legend: { display: false }, tooltip: { rtl: RTL } },
                 scales: { x: { reverse: RTL, beginAtZero: true, ticks: { precision: 0 } }, y: { position: RTL ? "right" : "left" } },
                 onClick: function (evt, items) {
                   if (items.length) { window.location.href = "/countries/" + country.partners[items[0].index].country; }
                 } }
    });
    document.getElementById("partners-chart").dataset.ready = String(partners.data.labels.length);
    var countryTimeline = stacked(document.getElementById("country-timeline"), country.periods, country.timeline, country.labels, country.colours);
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

  var world = data("map-data");
  var svgNode = document.getElementById("world-map");
  if (world && svgNode && window.d3 && window.topojson) {
    Promise.all([
      fetch("/static/vendor/countries-110m.json").then(function (r) { return r.json(); }),
      fetch("/static/world-codes.json").then(function (r) { return r.json(); })
    ]).then(function (loaded) { drawMap(svgNode, world, loaded[0], loaded[1]); });
  }

  // Countries shaded by their number of events, the busiest pairs as great-circle arcs
  // between the countries' centres, event places as points; a click opens the page.
  function drawMap(svgNode, spec, atlas, codes) {
    var m = spec.world, lang = spec.lang;
    var width = svgNode.clientWidth || 960, height = svgNode.clientHeight || 500;
    var svg = d3.select(svgNode).attr("viewBox", [0, 0, width, height]);
    var shapes = topojson.feature(atlas, atlas.objects.countries).features;
    shapes.forEach(function (f) { f.code = codes.by_id[f.id] || codes.by_name[f.properties.name] || null; });
    shapes = shapes.filter(function (f) { return f.code !== "ATA"; });  // Antarctica: room for the rest
    var projection = d3.geoNaturalEarth1().fitSize([width, height], { type: "FeatureCollection", features: shapes });
    var path = d3.geoPath(projection);
    var max = d3.max(Object.keys(m.countries).filter(function (c) { return c !== m.focus; }),
                     function (c) { return m.countries[c]; }) || 1;  // the focus has its own colour
    var shade = d3.scaleSequentialLog(d3.interpolateYlGnBu).domain([1, Math.max(2, max)]);
    function name(code) {
      var n = m.names[code];
      return n ? n[lang] + " (" + code + ")" : code;
    }
    var countries = svg.append("g").attr("class", "countries").selectAll("path").data(shapes).join("path")
      .attr("d", path).attr("data-code", function (f) { return f.code; })
      .attr("class", function (f) { return "land" + (m.focus && f.code === m.focus ? " focus" : "") + (m.countries[f.code] ? " engaged" : ""); })
      .attr("fill", function (f) { var n = m.countries[f.code]; return m.focus && f.code === m.focus ? "#e4572e" : n ? shade(n) : "#e9ecef"; })
      .on("click", function (evt, f) { if (f.code) { window.location.href = "/countries/" + f.code; } });
    countries.append("title").text(function (f) {
      var n = m.countries[f.code] || 0;
      return (f.code ? name(f.code) : f.properties.name) + ": " + n + " " + spec.events;
    });
    var centre = {};
    shapes.forEach(function (f) { if (f.code) { centre[f.code] = d3.geoCentroid(f); } });
    var heaviest = d3.max(m.pairs, function (p) { return p.weight; }) || 1;
    svg.append("g").attr("class", "arcs").selectAll("path")
      .data(m.pairs.filter(function (p) { return centre[p.source] && centre[p.target]; })).join("path")
      .attr("d", function (p) { return path({ type: "LineString", coordinates: [centre[p.source], centre[p.target]] }); })
      .attr("stroke-width", function (p) { return 1 + 5 * p.weight / heaviest; })
      .append("title").text(function (p) { return name(p.source) + " – " + name(p.target) + ": " + p.weight; });
    var points = svg.append("g").attr("class", "points").selectAll("circle")
      .data(m.points.filter(function (p) { return projection([p.lon, p.lat]); })).join("circle")
      .attr("cx", function (p) { return projection([p.lon, p.lat])[0]; })
      .attr("cy", function (p) { return projection([p.lon, p.lat])[1]; })
      .attr("r", 4).attr("fill", function (p) { return spec.colours[p.type] || "#333"; })
      .on("click", function (evt, p) { window.location.href = "/events/" + p.id; });
    points.append("title").text(function (p) {
      return (lang === "en" && p.name_en ? p.name_en : p.name_ar || "") + " · " + (spec.labels[p.type] || p.type) + " " + (p.date || "");
    });
    var legend = document.getElementById("map-legend");
    if (legend) {
      legend.textContent = "";
      [1, Math.round(Math.sqrt(max)), max].filter(function (v, i, a) { return a.indexOf(v) === i; }).forEach(function (v) {
        var item = document.createElement("span");
        var swatch = document.createElement("i");
        swatch.className = "swatch";
        swatch.dataset.value = String(v);
        item.appendChild(swatch);
        item.appendChild(document.createTextNode(" " + v));
        legend.appendChild(item);
        swatch.style.background = shade(v);  // CSSOM, which the Content-Security-Policy allows
      });
    }
    svgNode.dataset.shapes = String(shapes.length);
    svgNode.dataset.points = String(points.size());
    svgNode.dataset.ready = "1";
  }
})();
