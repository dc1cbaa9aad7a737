// Enhancements for the writing page; the form works without any of this. The body's
// editor is static/js/editor.js (built from assets/editor).
(function () {
  "use strict";
  var form = document.querySelector("form.write");
  if (!form) return;

  // Show a newly chosen featured image at once, before anything is uploaded.
  var picker = form.querySelector("input[name=image]");
  var thumb = null;
  if (picker && window.URL && URL.createObjectURL) {
    picker.addEventListener("change", function () {
      if (!picker.files.length) return;
      if (!thumb) {
        thumb = document.createElement("img");
        thumb.className = "featured-thumb";
        thumb.alt = "";
        picker.closest(".field").before(thumb);
      }
      thumb.src = URL.createObjectURL(picker.files[0]);
    });
  }

  // Warn before leaving with unsaved changes.
  var dirty = false;
  form.addEventListener("input", function () { dirty = true; });
  form.addEventListener("change", function () { dirty = true; });
  form.addEventListener("submit", function () { dirty = false; });
  window.addEventListener("beforeunload", function (event) {
    if (dirty) { event.preventDefault(); event.returnValue = form.dataset.unsaved; }
  });
})();
