/* The incident map: offline base (Natural Earth outlines + geoBoundaries provinces),
   clustered markers coloured by category, popups linking to the incident page; it opens
   on the Korean peninsula, "Fit all" shows every marker.
   Text from records is inserted with textContent only. */
(function () {
  "use strict";
  var el = document.getElementById("map");
  var status = document.getElementById("map-status");
  var colours = JSON.parse(document.getElementById("category-colours").textContent);
  var NEIGHBOURS = { "408": 1, "410": 1, "156": 1, "643": 1, "392": 1, "496": 1 };

  function colour(cat) { return colours[cat] || "#777777"; }

  var dark = window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches;
  // the map opens on the Korean peninsula (markers far away, in Moscow or Hokkaido, would
  // shrink Korea to a blob); "Fit all" shows every marker
  var KOREA = L.latLngBounds([[33.0, 124.2], [43.0, 130.9]]);
  var map = L.map(el, { preferCanvas: false, minZoom: 3, maxZoom: 14, zoomSnap: 0.5 });
  map.fitBounds(KOREA);
  var allBounds = null;
  var ViewControl = L.Control.extend({
    options: { position: "topleft" },
    onAdd: function () {
      var box = L.DomUtil.create("div", "leaflet-bar map-views");
      // not animated: a click while a zoom animates would be lost
      [["map-fit-all", "Fit all", "Zoom to show every marker", function () {
        if (allBounds) { map.fitBounds(allBounds, { maxZoom: 8, animate: false }); }
      }], ["map-korea", "Korea", "Back to the Korean peninsula", function () {
        map.fitBounds(KOREA, { animate: false });
      }]
      ].forEach(function (b) {
        var a = L.DomUtil.create("a", "", box);
        a.id = b[0]; a.href = "#"; a.textContent = b[1]; a.title = b[2]; a.setAttribute("role", "button");
        L.DomEvent.on(a, "click", function (e) { L.DomEvent.preventDefault(e); b[3](); });
      });
      L.DomEvent.disableClickPropagation(box);
      return box;
    }
  });
  map.addControl(new ViewControl());
  map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
  map.createPane("outline");
  map.getPane("outline").style.zIndex = 350;

  var countries = L.geoJSON(null, {
    pane: "outline", interactive: false,
    attribution: "Natural Earth (public domain) via world-atlas",
    style: function (f) {
      var kp = f.id === "408";
      var fill = dark ? (kp ? "#2b3036" : "#22272c") : (kp ? "#fbf7ec" : "#eeece6");
      return { color: dark ? "#5d6873" : "#8d99a6", weight: kp ? 1.4 : 0.8, fillColor: fill, fillOpacity: 1 };
    }
  }).addTo(map);
  // a compact credit on the map (the long one covered a sixth of it); the full attribution
  // line of the province data stands right under the map (#province-attribution)
  var provinces = L.geoJSON(null, {
    pane: "outline",
    attribution: 'Provinces: geoBoundaries gbOpen PRK ADM1, © <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors, Open Database License 1.0 (<a href="#province-attribution">full credit</a>)',
    style: { color: "#9a8f7a", weight: 1, dashArray: "3 3", fill: true, fillOpacity: 0 },
    onEachFeature: function (f, layer) {
      var p = f.properties || {};
      layer.bindTooltip(document.createTextNode((p.shapeName || "") + (p.shapeISO ? " (" + p.shapeISO + ")" : "")), { sticky: true, opacity: 0.85 });
    }
  }).addTo(map);
  var osm = L.tileLayer("https://tile.openstreetmap.org/{z}/{x}/{y}.png", {
    maxZoom: 19,
    attribution: '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors'
  });
  L.control.layers(null, {
    "Province boundaries (geoBoundaries, ODbL)": provinces,
    "OpenStreetMap tiles (online)": osm
  }, { collapsed: false, position: "topright" }).addTo(map);
  L.control.scale({ imperial: false }).addTo(map);
  osm.on("add", function () { countries.setStyle({ fillOpacity: 0 }); });
  osm.on("remove", function () { countries.setStyle(function (f) { return { fillOpacity: 1 }; }); });

  fetch("/static/vendor/world-atlas/countries-50m.json").then(function (r) { return r.json(); }).then(function (topo) {
    var fc = topojson.feature(topo, topo.objects.countries);
    countries.addData(fc.features.filter(function (f) { return NEIGHBOURS[f.id]; }));
  }).catch(function () { /* outlines are decoration: markers still work */ });
  fetch("/static/geo/kp-boundaries/geoBoundaries-PRK-ADM1_simplified.geojson").then(function (r) { return r.json(); })
    .then(function (gj) { provinces.addData(gj); }).catch(function () {});

  var onLoaded = null;
  var clusters = L.markerClusterGroup({
    chunkedLoading: true, showCoverageOnHover: false, maxClusterRadius: 45,
    chunkProgress: function (processed, total) {
      if (processed >= total && onLoaded) { var f = onLoaded; onLoaded = null; f(); }
    },
    iconCreateFunction: function (cluster) {
      var counts = {}, best = null, n = 0;
      cluster.getAllChildMarkers().forEach(function (m) {
        var c = m.options.category; counts[c] = (counts[c] || 0) + 1;
        if (best === null || counts[c] > counts[best]) best = c;
        n += 1;
      });
      var size = n < 10 ? 30 : n < 100 ? 36 : n < 1000 ? 42 : 48;
      var html = '<div style="background:' + colour(best) + '"><span>' + n + "</span></div>";
      return L.divIcon({ html: html, className: "yalu-cluster", iconSize: L.point(size, size) });
    }
  });
  map.addLayer(clusters);

  function popup(p) {
    var box = document.createElement("div");
    box.className = "map-popup";
    var head = document.createElement("div");
    head.className = "popup-type";
    head.textContent = (p.event_type || "").replace(/_/g, " ") + (p.date ? " · " + p.date : "");
    var a = document.createElement("a");
    a.href = "/incidents/" + encodeURIComponent(p.id);
    a.textContent = p.summary || p.id;
    var where = document.createElement("div");
    where.className = "popup-where";
    where.textContent = (p.location || "") + (p.review_status ? " · " + p.review_status : "");
    box.appendChild(head); box.appendChild(a); box.appendChild(where);
    return box;
  }

  fetch(el.dataset.api, { headers: { "Accept": "application/json" } }).then(function (r) {
    if (!r.ok) { throw new Error("HTTP " + r.status); }
    return r.json();
  }).then(function (fc) {
    var markers = fc.features.map(function (f) {
      var p = f.properties, c = f.geometry.coordinates;
      var m = L.circleMarker([c[1], c[0]], {
        radius: 7, color: "#ffffff", weight: 1.5, fillColor: colour(p.category), fillOpacity: 0.92,
        category: p.category
      });
      m.bindPopup(function () { return popup(p); });
      return m;
    });
    var n = markers.length, missing = fc.unlocated || 0;
    onLoaded = function () {
      el.dataset.markers = String(n);
      window.yaluMap = { map: map, clusters: clusters, markers: n, korea: KOREA };
      status.textContent = n.toLocaleString() + " incident" + (n === 1 ? "" : "s") + " on the map" +
        (fc.truncated ? " (the newest " + n.toLocaleString() + " of " + fc.located.toLocaleString() +
          " with coordinates: narrow the filters to see the rest)" : "");
      if (missing) {
        // the incidents that cannot be placed are one click away, in the list
        var params = new URLSearchParams(window.location.search);
        params.set("located", "no");
        params.delete("page");
        var link = document.createElement("a");
        link.id = "map-unlocated";
        link.href = "/?" + params.toString();
        link.title = "List the incidents of this filter that have no coordinates";
        link.textContent = missing.toLocaleString() + " without coordinates";
        status.appendChild(document.createTextNode(" · "));
        status.appendChild(link);
      }
    };
    if (n) {
      allBounds = L.latLngBounds(markers.map(function (m) { return m.getLatLng(); })).pad(0.2);
      status.textContent = "Placing " + n.toLocaleString() + " markers…";
      clusters.addLayers(markers);
    } else {
      var f = onLoaded; onLoaded = null; f();
    }
  }).catch(function (err) {
    status.textContent = "Could not load incidents: " + err.message;
  });
})();
