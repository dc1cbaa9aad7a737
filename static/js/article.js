// Enhancements for the article page; reading needs none of this.
(function () {
  "use strict";
  // "Lihat foto": the full-size picture in a dialog instead of leaving the page.
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
  // Copy link.
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
