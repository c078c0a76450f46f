/* Weekly counts by category as a stacked bar chart (Chart.js). A click on a bar opens the
   incident list for that week and category, keeping the other filters. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("timeline-data").textContent);
  var canvas = document.getElementById("timeline-chart");
  var datasets = data.categories.map(function (c) {
    return { label: c, data: data.series[c], backgroundColor: data.colours[c] || "#777777", borderWidth: 0 };
  });
  function addDays(iso, n) {
    var d = new Date(iso + "T00:00:00Z"); d.setUTCDate(d.getUTCDate() + n);
    return d.toISOString().slice(0, 10);
  }
  var chart = new Chart(canvas, {
    type: "bar",
    data: { labels: data.weeks, datasets: datasets },
    options: {
      responsive: true, maintainAspectRatio: false, animation: false,
      interaction: { mode: "index", intersect: false },
      scales: {
        x: { stacked: true, ticks: { maxRotation: 0, autoSkip: true, autoSkipPadding: 12 }, grid: { display: false } },
        y: { stacked: true, beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: "incidents per week" } }
      },
      plugins: {
        legend: { position: "bottom" },
        tooltip: { callbacks: { title: function (items) { return "week of " + items[0].label; } } }
      },
      onClick: function (evt, elements) {
        if (!elements.length) { return; }
        var el = elements[0];
        var week = data.weeks[el.index];
        var params = new URLSearchParams(window.location.search);
        params.set("date_from", week); params.set("date_to", addDays(week, 6));
        params.set("category", datasets[el.datasetIndex].label);
        params.set("dated", "week");  // what the chart counts: not the month- or year-long records
        params.delete("page");
        window.location.href = "/?" + params.toString();
      }
    }
  });
  canvas.dataset.rendered = "1";
  window.yaluTimeline = chart;
})();
