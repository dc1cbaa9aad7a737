// Article page extras; reading needs none. The worker: see offline.js.
(function () {
  "use strict";
  // The worker once the page and its pictures are in: its first install fetches five files,
  // which on a slow network would share the line with the featured image (issue 18).
  function register() {
    if (navigator.serviceWorker) navigator.serviceWorker.register("/sw.js").catch(function () {});
  }
  if (document.readyState === "complete") register();
  else window.addEventListener("load", register);
  // "Lihat foto" in a dialog.
  var viewer = document.querySelector("dialog.viewer");
  var link = document.querySelector("a.view-photo");
  if (viewer && link && viewer.showModal) {
    link.addEventListener("click", function (event) {
      event.preventDefault();
      viewer.querySelector("img").src = link.href;
      viewer.showModal();
    });
    viewer.addEventListener("click", function (event) {
      if (event.target === viewer) viewer.close();
    });
  }
  document.querySelectorAll("a.copy-link").forEach(function (copy) {
    copy.addEventListener("click", function (event) {
      if (!navigator.clipboard) return;
      event.preventDefault();
      navigator.clipboard.writeText(copy.href).then(function () {
        copy.textContent = copy.dataset.copied;
      });
    });
  });
})();
