// Comments in place. Every form and link of the thread works without this file; here
// they are sent with fetch, and the comment the server renders is put into the page.
(function () {
  "use strict";
  var thread = document.getElementById("komentar");
  if (!thread || !window.fetch || !window.FormData) return;
  var main = thread.querySelector("form.comment-form");
  var JSON_ONLY = { Accept: "application/json" };

  function token() {
    var input = thread.querySelector("input[name=csrfmiddlewaretoken]");
    if (input) return input.value;
    var found = document.cookie.match(/(?:^|; )csrftoken=([^;]+)/);
    return found ? decodeURIComponent(found[1]) : "";
  }

  function post(url, body) {
    return fetch(url, { method: "POST", body: body, headers: JSON_ONLY, credentials: "same-origin" })
      .then(function (response) {
        return response.json().then(function (data) {
          data.ok = response.ok;
          return data;
        });
      });
  }

  function element(html) {
    var box = document.createElement("template");
    box.innerHTML = html.trim();
    return box.content.firstElementChild;
  }

  function setCount(count) {
    var shown = thread.querySelector(".comment-count");
    if (shown && typeof count === "number") shown.textContent = "(" + count + ")";
  }

  function showError(form, data) {
    var box = form.querySelector(".form-error");
    var lines = [];
    Object.keys(data.errors || {}).forEach(function (name) {
      lines = lines.concat(data.errors[name]);
    });
    box.textContent = lines.length ? lines.join(" ") : data.detail || thread.dataset.failed;
    box.hidden = false;
  }

  // Sends the form; on anything but an answer we understand, the page does it the old way.
  function submit(form, done) {
    var button = form.querySelector("button[type=submit]");
    button.disabled = true;
    post(form.action, new FormData(form))
      .then(function (data) {
        button.disabled = false;
        if (!data.ok) return showError(form, data);
        done(data);
      })
      .catch(function () {
        button.disabled = false;
        form.submit();
      });
  }

  function list(parent, className, before) {
    var found = parent.querySelector(":scope > ol." + className);
    if (!found) {
      found = document.createElement("ol");
      found.className = className;
      parent.insertBefore(found, before || null);
    }
    return found;
  }

  function placed(data) {
    if (thread.dataset.more) {
      window.location.href = data.url; // the newest comments are on a later page
      return;
    }
    var item = element(data.html);
    if (data.parent_id) {
      list(document.getElementById("komentar-" + data.parent_id), "replies").appendChild(item);
    } else {
      var empty = thread.querySelector("p.empty");
      if (empty) empty.remove();
      list(thread, "comments", main).appendChild(item);
    }
    setCount(data.count);
    item.tabIndex = -1;
    item.focus();
  }

  function openReply(link) {
    var entry = link.closest(".comment-entry");
    var next = entry.nextElementSibling;
    if (next && next.classList.contains("reply-form")) return next.querySelector("textarea").focus();
    var id = link.closest("li.comment").id.replace("komentar-", "");
    var form = main.cloneNode(true);
    var area = form.querySelector("textarea");
    var label = form.querySelector("label");
    form.classList.add("reply-form");
    area.id = "balas-" + id;
    area.value = "";
    label.htmlFor = area.id;
    label.textContent = link.textContent;
    form.querySelector("input[name=parent_id]").value = id;
    form.querySelector(".form-error").hidden = true;
    entry.after(form);
    area.focus();
  }

  function openEdit(link) {
    var entry = link.closest(".comment-entry");
    fetch(link.href, { headers: JSON_ONLY, credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.json();
      })
      .then(function (data) {
        var form = document.createElement("form");
        form.className = "edit-form";
        form.method = "post";
        form.action = link.href;
        form.innerHTML = '<input type="hidden" name="csrfmiddlewaretoken"><textarea name="body" rows="4" required></textarea><p class="form-error" role="alert" hidden></p><button type="submit"></button> <button type="button"></button>';
        form.elements.csrfmiddlewaretoken.value = token();
        var area = form.querySelector("textarea");
        var buttons = form.querySelectorAll("button");
        area.value = data.body;
        area.setAttribute("aria-label", link.textContent);
        buttons[0].textContent = thread.dataset.save;
        buttons[1].textContent = thread.dataset.cancel;
        buttons[1].addEventListener("click", function () {
          form.remove();
          entry.hidden = false;
        });
        entry.hidden = true;
        entry.after(form);
        area.focus();
      })
      .catch(function () {
        window.location.href = link.href;
      });
  }

  function remove(link) {
    if (!window.confirm(thread.dataset.confirm)) return;
    var entry = link.closest(".comment-entry");
    var item = link.closest("li.comment");
    var body = new FormData();
    body.append("csrfmiddlewaretoken", token());
    post(link.href, body)
      .then(function (data) {
        if (!data.ok) throw new Error(data.detail);
        setCount(data.count);
        if (!data.removed) return entry.replaceWith(element(data.html));
        var replies = item.parentNode;
        item.remove();
        if (replies.children.length) return;
        var top = replies.closest("li.comment");
        replies.remove();
        // A placeholder with no replies left is gone on the server too.
        if (top && top.querySelector(":scope > .comment-entry > .comment-gone")) top.remove();
      })
      .catch(function () {
        window.location.href = link.href;
      });
  }

  thread.addEventListener("click", function (event) {
    var link = event.target.closest("a.reply-link, a.edit-link, a.delete-link");
    if (!link || (!main && link.classList.contains("reply-link"))) return;
    event.preventDefault();
    if (link.classList.contains("reply-link")) openReply(link);
    else if (link.classList.contains("edit-link")) openEdit(link);
    else remove(link);
  });

  thread.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.classList.contains("comment-form")) {
      event.preventDefault();
      submit(form, function (data) {
        if (form === main) form.querySelector("textarea").value = "";
        else form.remove();
        placed(data);
      });
    } else if (form.classList.contains("edit-form")) {
      event.preventDefault();
      submit(form, function (data) {
        form.previousElementSibling.replaceWith(element(data.html));
        form.remove();
      });
    }
  });
})();
