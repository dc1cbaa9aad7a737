// Reading offline: registers the service worker (/sw.js, the whole site in scope);
// article.js does the same on the article page. Reading needs none of this.
(function () {
  "use strict";
  var worker = navigator.serviceWorker;
  if (!worker || !window.caches) return;
  // Once the page and its pictures are in: the worker's first install fetches five files,
  // which on a slow network would share the line with the page's pictures (issue 18).
  function register() {
    worker.register("/sw.js").catch(function () {});
  }
  if (document.readyState === "complete") register();
  else window.addEventListener("load", register);
  // The reading list names its articles, so that the worker keeps each of them.
  var list = document.querySelector("[data-offline-saved]");
  if (!list) return;
  worker.ready.then(function (registration) {
    var links = list.querySelectorAll(".card-title a");
    registration.active.postMessage({
      saved: Array.prototype.map.call(links, function (a) { return a.getAttribute("href"); }),
      complete: !document.querySelector("a[rel=next]")
    });
  });
})();
