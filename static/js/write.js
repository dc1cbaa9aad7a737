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
  // Once the server has everything (autosave below), leaving needs no warning.
  window.wacanaWriteClean = function () { dirty = false; };
  window.addEventListener("beforeunload", function (event) {
    if (dirty) { event.preventDefault(); event.returnValue = form.dataset.unsaved; }
  });
})();

// Nothing is ever lost (issue 13): a copy in this browser on every change, a draft on the
// server a few seconds after typing stops and when the page is left, a status line, and a
// choice instead of an overwrite when the article was saved elsewhere meanwhile. Also the
// title counter, tag suggestions, the check before publishing and the in-place preview.
(function () {
  "use strict";
  var form = document.querySelector("form.write");
  if (!form || !form.dataset.autosaveUrl) return;
  var text = form.dataset;
  var AUTOSAVE_DELAY = 3000;
  var csrf = form.querySelector("input[name=csrfmiddlewaretoken]").value;
  var versionInput = form.querySelector("input[name=version]");
  var statusLine = form.querySelector(".save-status");
  var check = form.querySelector(".publish-check");
  var articleId = text.articleId;
  var FIELDS = ["title", "category", "tags", "image_caption", "image_source"];

  function editor() {
    var shell = form.querySelector("[data-editor]");
    return shell && shell.wacanaEditor;
  }
  function bodyMarkdown() {
    var ed = editor();
    return ed ? ed.markdown() : form.elements.body.value;
  }
  function setBody(markdown) {
    var ed = editor();
    form.elements.body.value = markdown;
    if (ed && ed.load) ed.load(markdown);
  }
  function values() {
    var out = {};
    FIELDS.forEach(function (name) { if (form.elements[name]) out[name] = form.elements[name].value; });
    out.body = bodyMarkdown();
    return out;
  }
  function say(message) {
    statusLine.textContent = message;
    statusLine.hidden = !message;
  }
  function clock(date) {
    return String(date.getHours()).padStart(2, "0") + "." + String(date.getMinutes()).padStart(2, "0");
  }

  // The copy in this browser, per writer and article ("new" until the server has it).
  function keyFor(id) { return "wacana:tulis:" + text.user + ":" + id; }
  function readLocal(id) {
    try { return JSON.parse(localStorage.getItem(keyFor(id)) || "null"); } catch (e) { return null; }
  }
  function writeLocal() {
    try {
      var copy = values();
      copy.savedAt = Date.now();
      copy.version = versionInput.value;
      localStorage.setItem(keyFor(articleId), JSON.stringify(copy));
    } catch (e) { /* storage full or refused: the server copy still goes */ }
  }
  function dropLocal(id) {
    try { localStorage.removeItem(keyFor(id || articleId)); } catch (e) { /* nothing kept */ }
  }

  var timer = null, inflight = false, again = false, edits = 0, conflictBox = null;
  var submitting = false, heldSubmit = null;

  function payload() {
    var data = new URLSearchParams();
    var current = values();
    Object.keys(current).forEach(function (name) { data.append(name, current[name]); });
    data.append("version", versionInput.value);
    return data;
  }

  function afterSave(answer, sentAt) {
    versionInput.value = answer.version;
    if (articleId === "new") {
      // The draft exists now: later saves (and the form) change it instead of adding one.
      dropLocal("new");
      articleId = String(answer.id);
      form.action = answer.edit_url;
      form.dataset.autosaveUrl = answer.autosave_url;
      if (window.history && history.replaceState) history.replaceState(null, "", answer.edit_url);
    }
    if (edits === sentAt) { dropLocal(); window.wacanaWriteClean && window.wacanaWriteClean(); }
    say(text.saved.replace("{time}", answer.saved_at));
  }

  function saveNow(keepalive) {
    clearTimeout(timer);
    if (conflictBox) return;
    if (inflight) { again = true; return; }
    if (!navigator.onLine) { say(text.offline); return; }
    inflight = true;
    var sentAt = edits;
    say(text.saving);
    fetch(form.dataset.autosaveUrl, {
      method: "POST",
      body: payload(),
      credentials: "same-origin",
      keepalive: !!keepalive,
      headers: { "X-CSRFToken": csrf, Accept: "application/json" },
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (answer) {
        if (response.ok) afterSave(answer, sentAt);
        else if (response.status === 409) showConflict(answer);
        else if (response.status === 400 && articleId === "new") say(text.localOnly);
        else say(text.notSaved.replace("{detail}", answer.detail || ""));
      });
    }, function () {
      say(text.offline);
    }).then(function () {
      inflight = false;
      if (heldSubmit) {
        // The form waited for the first autosave: it now changes the draft that made.
        var button = heldSubmit;
        heldSubmit = null;
        form.requestSubmit(button);
        return;
      }
      if (again) { again = false; schedule(); }
    });
  }
  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(saveNow, AUTOSAVE_DELAY);
  }
  function changed() {
    edits += 1;
    writeLocal();
    if (!navigator.onLine) say(text.offline);
    schedule();
  }
  form.addEventListener("input", function (event) {
    if (event.target.type === "file") return;
    changed();
  });
  form.addEventListener("change", function (event) {
    if (event.target.tagName === "SELECT") changed();
  });
  window.addEventListener("offline", function () { say(text.offline); });
  window.addEventListener("online", function () { if (readLocal(articleId)) saveNow(); });
  function leaving() {
    if (readLocal(articleId) && !conflictBox && !submitting) saveNow(true);
  }
  window.addEventListener("pagehide", leaving);
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden") leaving();
  });
  form.addEventListener("submit", function (event) {
    clearTimeout(timer);
    if (inflight && articleId === "new") {
      // The first autosave is creating the draft: posting the form now would create a
      // second article. Wait for it (then the form goes to the draft's address).
      event.preventDefault();
      event.stopImmediatePropagation();
      heldSubmit = event.submitter || null;
      return;
    }
  }, true);
  form.addEventListener("submit", function (event) {
    // The form's own save goes now (nothing stopped it). The copy here stays until a page
    // shows the server has the same text (below): a submit lost on the way must not lose
    // it too.
    if (!event.defaultPrevented) submitting = true;
  });

  function box(className, message, choices) {
    var el = document.createElement("div");
    el.className = "notice " + className;
    el.setAttribute("role", "alert");
    var p = document.createElement("p");
    p.textContent = message;
    el.append(p);
    var row = document.createElement("p");
    choices.forEach(function (choice) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "button";
      button.textContent = choice[0];
      button.addEventListener("click", function () { el.remove(); choice[1](); });
      row.append(button, " ");
    });
    el.append(row);
    form.prepend(el);
    return el;
  }

  function showConflict(theirs) {
    say("");
    conflictBox = box("conflict", text.conflict, [
      [text.keepMine, function () {
        conflictBox = null;
        versionInput.value = theirs.version;
        saveNow();
      }],
      [text.loadTheirs, function () {
        conflictBox = null;
        versionInput.value = theirs.version;
        form.elements.title.value = theirs.title;
        setBody(theirs.body);
        dropLocal();
        say("");
      }],
    ]);
  }

  // After a crash, a closed tab or a lost connection: offer the copy kept here. A copy of
  // a new article that the form has since saved as this one is done with.
  var fresh = articleId !== "new" && readLocal("new");
  if (fresh) {
    var shown = values();
    if (fresh.title === shown.title && fresh.body === shown.body) dropLocal("new");
  }
  var kept = readLocal(articleId);
  if (kept) {
    var now = values();
    var differs = FIELDS.concat(["body"]).some(function (name) {
      return kept[name] !== undefined && kept[name] !== now[name];
    });
    if (!differs) dropLocal();
    else {
      box("restore-local", text.restore.replace("{time}", clock(new Date(kept.savedAt))), [
        [text.restoreYes, function () {
          FIELDS.forEach(function (name) {
            if (form.elements[name] && kept[name] !== undefined) form.elements[name].value = kept[name];
          });
          setBody(kept.body || "");
          if (kept.version && articleId !== "new") versionInput.value = kept.version;
          changed();
        }],
        [text.restoreNo, function () { dropLocal(); }],
      ]);
    }
  }

  // Title length.
  var title = form.elements.title;
  if (title && title.maxLength > 0) {
    var count = document.createElement("p");
    count.className = "help title-count";
    count.setAttribute("aria-live", "polite");
    title.after(count);
    var show = function () {
      count.textContent = text.titleCount.replace("{count}", title.value.length).replace("{max}", title.maxLength);
    };
    title.addEventListener("input", show);
    show();
  }

  // Tag suggestions: the <datalist> offers whole values, so each option becomes the tags
  // typed so far plus one suggestion.
  var tags = form.elements.tags;
  var list = document.getElementById("tag-suggestions");
  if (tags && list) {
    var names = Array.prototype.map.call(list.options, function (o) { return o.value; });
    tags.addEventListener("input", function () {
      var parts = tags.value.split(",");
      var last = parts.pop().trim().toLowerCase();
      var before = parts.map(function (p) { return p.trim(); }).filter(Boolean);
      list.textContent = "";
      names.filter(function (name) {
        return name.indexOf(last) === 0 && before.indexOf(name) < 0;
      }).slice(0, 12).forEach(function (name) {
        var option = document.createElement("option");
        option.value = before.concat([name]).join(", ");
        list.append(option);
      });
    });
  }

  // The check before publishing (the server checks the same and says so too).
  function hasImage() {
    var picker = form.elements.image;
    var remove = form.elements.remove_image;
    if (picker && picker.files && picker.files.length) return true;
    if (remove && remove.checked) return false;
    return !!form.querySelector("input[name=pending_image], .featured-thumb");
  }
  function problems() {
    var found = [];
    var v = values();
    if (!v.title.trim()) found.push(text.checkTitle);
    if (!v.category) found.push(text.checkCategory);
    var prose = v.body.replace(/^[ \t]*<!--nextpage-->[ \t]*$/gm, "").replace(/!\[[^\]]*\]\([^)]*\)/g, "");
    if (!/[\p{L}\p{N}]/u.test(prose)) found.push(text.checkBody);
    if (hasImage() && !v.image_caption.trim()) found.push(text.checkCaption);
    if (hasImage() && !v.image_source.trim()) found.push(text.checkSource);
    return found;
  }
  form.addEventListener("submit", function (event) {
    var intent = event.submitter && event.submitter.value;
    if (intent !== "publish" && intent !== "schedule") return;
    var found = problems();
    if (!found.length) { check.hidden = true; return; }
    event.preventDefault();
    event.stopImmediatePropagation();
    check.textContent = "";
    var intro = document.createElement("p");
    intro.textContent = text.checkIntro;
    var ul = document.createElement("ul");
    found.forEach(function (problem) {
      var li = document.createElement("li");
      li.textContent = problem;
      ul.append(li);
    });
    check.append(intro, ul);
    check.hidden = false;
    check.setAttribute("tabindex", "-1");
    check.focus();
  }, true);

  // "Pratinjau" / "Sunting": the article as readers will see it, in place of the form.
  var pane = document.querySelector(".preview-pane");
  var previewButton = form.querySelector("button[name=intent][value=preview]");
  if (pane && previewButton && window.fetch && window.FormData) {
    var switcher = document.createElement("div");
    switcher.className = "mode-switch";
    var editBtn = document.createElement("button");
    var viewBtn = document.createElement("button");
    [[editBtn, text.edit], [viewBtn, text.preview]].forEach(function (pair) {
      pair[0].type = "button";
      pair[0].className = "button";
      pair[0].textContent = pair[1];
      switcher.append(pair[0]);
    });
    form.before(switcher);
    var setMode = function (previewing) {
      form.hidden = previewing;
      pane.hidden = !previewing;
      editBtn.setAttribute("aria-pressed", previewing ? "false" : "true");
      viewBtn.setAttribute("aria-pressed", previewing ? "true" : "false");
      switcher.scrollIntoView({ block: "start" });
    };
    var showPreview = function () {
      var data = new FormData(form);
      data.set("body", bodyMarkdown());
      data.set("intent", "preview");
      data.delete("body_image");
      var url = (form.getAttribute("action") || location.pathname) + "?fragment=1";
      viewBtn.disabled = true;
      fetch(url, {
        method: "POST", body: data, credentials: "same-origin", headers: { "X-CSRFToken": csrf },
      }).then(function (response) {
        return response.text();
      }).then(function (html) {
        pane.innerHTML = html;
        var pending = pane.querySelector("template[data-pending-token]");
        if (pending) {
          var input = form.querySelector("input[name=pending_image]");
          if (!input) {
            input = document.createElement("input");
            input.type = "hidden";
            input.name = "pending_image";
            form.append(input);
          }
          input.value = pending.dataset.pendingToken;
          if (form.elements.image) form.elements.image.value = "";
        }
        setMode(true);
      }, function () {
        say(text.previewFailed);
      }).then(function () { viewBtn.disabled = false; });
    };
    previewButton.addEventListener("click", function (event) { event.preventDefault(); showPreview(); });
    viewBtn.addEventListener("click", showPreview);
    editBtn.addEventListener("click", function () { setMode(false); });
    editBtn.setAttribute("aria-pressed", "true");
    viewBtn.setAttribute("aria-pressed", "false");
    if (pane.querySelector(".preview")) pane.hidden = false;
  }
})();
