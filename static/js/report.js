// "Laporkan Konten" / "Laporkan Akun" in a dialog. Without JavaScript (or <dialog>)
// the links open the report page itself, which works the same.
(function () {
  "use strict";
  if (window.wacanaReport) return; // included once per report link; run once
  window.wacanaReport = true;
  if (!window.fetch || typeof HTMLDialogElement !== "function") return;
  var dialog = null;

  function ensureDialog() {
    if (dialog) return dialog;
    dialog = document.createElement("dialog");
    dialog.className = "report-dialog";
    document.body.appendChild(dialog);
    dialog.addEventListener("click", function (event) {
      if (event.target === dialog) dialog.close();
    });
    dialog.addEventListener("submit", function (event) {
      var form = event.target;
      var submitter = event.submitter;
      if (form.getAttribute("method") === "dialog") return;
      if (submitter && submitter.getAttribute("formmethod") === "dialog") return;
      event.preventDefault();
      if (submitter) submitter.disabled = true;
      send(form.action, { method: "POST", body: new FormData(form) }, null);
    });
    return dialog;
  }

  function show(html) {
    dialog.innerHTML = html;
    var title = dialog.querySelector(".report-title");
    if (title) {
      title.id = "report-dialog-title";
      dialog.setAttribute("aria-labelledby", title.id);
    }
    if (!dialog.open) dialog.showModal();
    var first = dialog.querySelector("[role=alert]") ? title : dialog.querySelector("input[type=radio]");
    (first || title || dialog).focus();
  }

  function send(url, options, fallback) {
    options.headers = { "X-Wacana-Fragment": "1" };
    options.credentials = "same-origin";
    fetch(url, options)
      .then(function (response) {
        // Signed out meanwhile, or nothing to report: the page itself explains.
        if (response.redirected || response.status === 404 || response.status >= 500) {
          throw new Error("page");
        }
        return response.text();
      })
      .then(show)
      .catch(function () {
        window.location.href = fallback || url;
      });
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a[data-report]") : null;
    if (!link || event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    ensureDialog();
    send(link.href, { method: "GET" }, link.href);
  });
})();
