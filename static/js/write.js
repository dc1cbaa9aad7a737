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

  // A search box over the category list: typing "sawah" or "pend" narrows the rubrics
  // and their sub-categories; a single match is chosen. The <select> stays the field.
  var select = form.querySelector("select[name=category]");
  if (select && form.dataset.categorySearch) {
    var search = document.createElement("input");
    search.type = "search";
    search.className = "category-search";
    search.setAttribute("aria-label", form.dataset.categorySearch);
    search.placeholder = form.dataset.categorySearch;
    search.setAttribute("aria-controls", select.id);
    select.before(search);
    var fold = function (text) {
      return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").trim();
    };
    search.addEventListener("input", function () {
      var query = fold(search.value);
      var matches = [];
      select.querySelectorAll("optgroup").forEach(function (group) {
        var whole = query && fold(group.label).indexOf(query) >= 0;
        var shown = 0;
        group.querySelectorAll("option").forEach(function (option) {
          var show = !query || whole || fold(option.textContent).indexOf(query) >= 0;
          option.hidden = !show;
          option.disabled = !show && option.value !== select.value;
          if (show) { shown += 1; matches.push(option); }
        });
        group.hidden = shown === 0;
      });
      if (query && matches.length === 1 && select.value !== matches[0].value) {
        select.value = matches[0].value;
        select.dispatchEvent(new Event("change", { bubbles: true }));
      }
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
