// The offline page (/offline): lists the pages this device keeps for reading offline
// (the service worker's cache of this reader). Without JavaScript the page says so.
(function () {
  "use strict";
  if (!window.caches) return;
  var shelf = document.getElementById("offline-list");
  if (!shelf) return;
  caches.keys().then(function (names) {
    var mine = names.filter(function (name) { return name.indexOf("wacana-pages-") === 0; })[0];
    return mine ? caches.open(mine) : null;
  }).then(function (cache) {
    if (!cache) return [];
    return cache.keys().then(function (requests) {
      return Promise.all(requests.map(function (request) {
        return cache.match(request, { ignoreVary: true }).then(function (response) {
          return response.text().then(function (html) {
            var page = new DOMParser().parseFromString(html, "text/html");
            var heading = page.querySelector("h1");
            return {
              url: request.url,
              kind: response.headers.get("X-Wacana-Offline"),
              title: (heading ? heading.textContent : page.title).trim()
            };
          });
        });
      }));
    });
  }).then(function (entries) {
    entries.reverse(); // the newest first
    entries.forEach(function (entry) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = entry.url;
      link.textContent = entry.title;
      item.appendChild(link);
      if (entry.kind !== "article") {
        var note = document.createElement("span");
        note.className = "offline-kind";
        note.textContent = " · " + shelf.dataset[entry.kind === "saved" ? "saved" : "list"];
        item.appendChild(note);
      }
      shelf.appendChild(item);
    });
    shelf.hidden = !entries.length;
    document.getElementById("offline-empty").hidden = !!entries.length;
  }).catch(function () {});
})();
