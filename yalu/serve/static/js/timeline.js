/* Weekly counts by category as a stacked bar chart (Chart.js). A click on a bar opens the
   incident list for that week and category, keeping the other filters. The chart opens
   on the last 12 months of data (a few records from 1945 would squeeze the rest into a
   sliver); the range control shows a longer span, ending at a chosen month. */
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
  if (window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches) {
    Chart.defaults.color = "#c4ccd4"; Chart.defaults.borderColor = "#39434d";
  }
  var span = document.getElementById("timeline-span");
  var end = document.getElementById("timeline-end");
  var shown = document.getElementById("timeline-window");
  var last = data.weeks[data.weeks.length - 1];
  end.min = data.weeks[0].slice(0, 7); end.max = last.slice(0, 7);
  if (!end.value) { end.value = end.max; }
  var offset = 0;  // index in data.weeks of the first week shown

  function monthsBefore(month, n) {  // "YYYY-MM" n months earlier, as its first day
    var y = +month.slice(0, 4), m = +month.slice(5, 7) - n;
    var d = new Date(Date.UTC(y, m - 1, 1));
    return d.toISOString().slice(0, 10);
  }
  function windowed() {
    var stop = end.value && end.value >= end.min ? end.value : end.max;
    var lastDay = addDays(monthsBefore(stop, -1), -1);  // the end month's last day
    var first = span.value === "all" ? "" : monthsBefore(stop, +span.value - 1);
    var from = 0, to = data.weeks.length;
    while (from < to && data.weeks[from] < first) { from += 1; }
    while (to > from && data.weeks[to - 1] > lastDay) { to -= 1; }
    return [from, to];
  }
  var chart = new Chart(canvas, {
    type: "bar",
    data: { labels: [], datasets: datasets.map(function (d) { return Object.assign({}, d, { data: [] }); }) },
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
        var week = data.weeks[offset + el.index];
        var params = new URLSearchParams(window.location.search);
        params.set("date_from", week); params.set("date_to", addDays(week, 6));
        params.set("category", datasets[el.datasetIndex].label);
        params.set("dated", "week");  // what the chart counts: not the month- or year-long records
        params.delete("page");
        window.location.href = "/?" + params.toString();
      }
    }
  });
  function show() {
    var range = windowed();
    offset = range[0];
    chart.data.labels = data.weeks.slice(range[0], range[1]);
    chart.data.datasets.forEach(function (d, i) { d.data = datasets[i].data.slice(range[0], range[1]); });
    chart.update();
    var n = range[1] - range[0];
    shown.textContent = n ? "Showing " + n.toLocaleString() + " of " + data.weeks.length.toLocaleString() +
      " weeks: " + data.weeks[range[0]] + " to " + addDays(data.weeks[range[1] - 1], 6) : "No week in this range.";
    canvas.dataset.first = n ? data.weeks[range[0]] : "";
    canvas.dataset.last = n ? data.weeks[range[1] - 1] : "";
  }
  span.addEventListener("change", show);
  end.addEventListener("change", show);
  show();
  canvas.dataset.rendered = "1";
  window.yaluTimeline = chart;
})();
