// The live ticker: new and updated incidents arrive over Server-Sent Events and are put
// at the top of the list without a reload.
(function () {
  "use strict";
  var ticker = document.getElementById("ticker");
  if (!ticker || !window.EventSource) return;
  var lang = ticker.dataset.lang || "en";
  var source = new EventSource("/api/v1/events");
  source.addEventListener("incident", function (message) {
    var event = JSON.parse(message.data);
    var i = event.incident;
    var old = ticker.querySelector('li[data-id="' + i.id + '"]');
    if (old) old.remove();
    var li = document.createElement("li");
    li.dataset.id = i.id;
    li.dataset.event = event.type;
    var a = document.createElement("a");
    a.href = "/incidents/" + encodeURIComponent(i.id) + (lang === "ar" ? "?lang=ar" : "");
    a.textContent = i.id;
    li.appendChild(a);
    var place = lang === "ar" && i.place_ar ? i.place_ar : (i.place || "?");
    var deaths = (i.civilian_deaths_min == null ? "?" : i.civilian_deaths_min) + "–" + (i.civilian_deaths_max == null ? "?" : i.civilian_deaths_max);
    li.appendChild(document.createTextNode(" · " + (i.date || "?") + " · " + place + " · " + deaths + " (" + event.type + ")"));
    ticker.insertBefore(li, ticker.firstChild);
    while (ticker.children.length > 20) ticker.removeChild(ticker.lastChild);
  });
})();
