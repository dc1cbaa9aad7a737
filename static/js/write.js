// Enhancements for the writing page; the form works without any of this.
(function () {
  "use strict";
  var form = document.querySelector("form.write");
  if (!form) return;
  var body = form.querySelector("textarea[name=body]");
  var toolbar = form.querySelector(".toolbar");
  toolbar.hidden = false;
  form.querySelectorAll(".nojs-only").forEach(function (el) { el.hidden = true; });

  function insert(text) {
    var start = body.selectionStart, end = body.selectionEnd;
    body.value = body.value.slice(0, start) + text + body.value.slice(end);
    body.selectionStart = body.selectionEnd = start + text.length;
    body.focus();
    dirty = true;
  }
  toolbar.querySelector(".insert-break").addEventListener("click", function () {
    insert("\n\n<!--nextpage-->\n\n");
  });
  var picker = toolbar.querySelector(".body-image-js");
  picker.addEventListener("change", function () {
    if (!picker.files.length) return;
    var data = new FormData();
    data.append("image", picker.files[0]);
    data.append("csrfmiddlewaretoken", form.querySelector("[name=csrfmiddlewaretoken]").value);
    fetch(picker.dataset.url, { method: "POST", body: data, credentials: "same-origin" })
      .then(function (response) { return response.json(); })
      .then(function (answer) {
        if (answer.markdown) insert("\n\n" + answer.markdown + "\n\n");
        else alert(answer.detail);
      });
    picker.value = "";
  });

  // Warn before leaving with unsaved changes.
  var dirty = false;
  form.addEventListener("input", function () { dirty = true; });
  form.addEventListener("submit", function () { dirty = false; });
  window.addEventListener("beforeunload", function (event) {
    if (dirty) { event.preventDefault(); event.returnValue = form.dataset.unsaved; }
  });
})();
