// The writing page's rich-text editor. Progressive enhancement: the form posts the
// textarea `body` as before; this script edits a ProseMirror document and writes its
// Markdown back into that textarea. Every string comes from the page (translated there).
import { baseKeymap, chainCommands, exitCode, setBlockType, toggleMark, wrapIn, lift } from "prosemirror-commands";
import { history, redo, undo } from "prosemirror-history";
import { inputRules, textblockTypeInputRule, wrappingInputRule } from "prosemirror-inputrules";
import { keymap } from "prosemirror-keymap";
import { liftListItem, sinkListItem, splitListItem, wrapInList } from "prosemirror-schema-list";
import { EditorState, TextSelection } from "prosemirror-state";
import { EditorView } from "prosemirror-view";
import { imageTitle, parse, roundTrips, schema, serialize } from "./markdown.js";
import { cleanPastedHTML } from "./paste.js";
import { prepareImage, upload } from "./upload.js";

export { parse, roundTrips, serialize };

const N = schema.nodes;

// Any ASCII punctuation may be backslash-escaped in CommonMark: in a description none of
// it is markup (the server's image_markdown does the same).
function escapeAlt(alt) {
  return (alt || "").replace(/[!-\/:-@\[-`{-~]/g, "\\$&");
}
const M = schema.marks;

function markActive(state, type) {
  const { from, $from, to, empty } = state.selection;
  if (empty) return !!type.isInSet(state.storedMarks || $from.marks());
  return state.doc.rangeHasMark(from, to, type);
}

function parentIs(state, type, attrs) {
  const { $from } = state.selection;
  for (let d = $from.depth; d > 0; d--) {
    const node = $from.node(d);
    if (node.type === type && (!attrs || Object.keys(attrs).every((k) => node.attrs[k] === attrs[k])))
      return true;
  }
  return false;
}

function toggleHeading(state, dispatch) {
  if (parentIs(state, N.heading)) return setBlockType(N.paragraph)(state, dispatch);
  return setBlockType(N.heading, { level: 1 })(state, dispatch);
}

function toggleQuote(state, dispatch) {
  if (parentIs(state, N.blockquote)) return lift(state, dispatch);
  return wrapIn(N.blockquote)(state, dispatch);
}

function toggleList(type) {
  return (state, dispatch) => {
    if (parentIs(state, type)) return liftListItem(N.list_item)(state, dispatch);
    return wrapInList(type)(state, dispatch);
  };
}

function insertPageBreak(state, dispatch) {
  // A page break sits between top-level blocks: split out of whatever holds the cursor.
  const { $to } = state.selection;
  const after = $to.depth ? $to.after(1) : $to.pos;
  if (dispatch) {
    const block = $to.depth ? $to.node(1) : null;
    // On an empty top-level paragraph (below a picture, say) the break takes its place.
    const empty = block && block.type === N.paragraph && block.content.size === 0;
    const at = empty ? $to.before(1) : after;
    const tr = state.tr.replaceWith(at, empty ? after : at, [N.page_break.create(), N.paragraph.create()]);
    tr.setSelection(TextSelection.create(tr.doc, at + 2));
    dispatch(tr.scrollIntoView());
  }
  return true;
}

function buildKeymap() {
  const keys = {
    "Mod-z": undo,
    "Shift-Mod-z": redo,
    "Mod-y": redo,
    "Mod-b": toggleMark(M.strong),
    "Mod-i": toggleMark(M.em),
    "Mod-Alt-1": toggleHeading,
    "Mod-Shift-9": toggleQuote,
    "Mod-Shift-8": toggleList(N.bullet_list),
    "Mod-Shift-7": toggleList(N.ordered_list),
    "Mod-Enter": insertPageBreak,
    "Shift-Enter": chainCommands(exitCode, (state, dispatch) => {
      if (dispatch) dispatch(state.tr.replaceSelectionWith(N.hard_break.create()).scrollIntoView());
      return true;
    }),
    Enter: splitListItem(N.list_item),
    "Mod-[": liftListItem(N.list_item),
    "Mod-]": sinkListItem(N.list_item),
  };
  return keys;
}

function rules() {
  return inputRules({
    rules: [
      wrappingInputRule(/^\s*>\s$/, N.blockquote),
      wrappingInputRule(/^\s*([-+*])\s$/, N.bullet_list),
      wrappingInputRule(/^(\d+)\.\s$/, N.ordered_list, (m) => ({ order: +m[1] }),
        (m, node) => node.childCount + node.attrs.order === +m[1]),
      textblockTypeInputRule(/^(#{1,6})\s$/, N.heading, (m) => ({ level: m[1].length })),
    ],
  });
}

function wordCount(doc) {
  const text = doc.textBetween(0, doc.content.size, " ", " ");
  return text.split(/\s+/).filter(Boolean).length;
}

function start(shell) {
  const form = shell.closest("form");
  const textarea = form.querySelector("textarea[name=body]");
  const mount = shell.querySelector(".rich-body-mount");
  const toolbar = shell.querySelector("[role=toolbar]");
  const status = shell.querySelector(".editor-status");
  const counter = form.querySelector(".word-count");
  const notice = shell.querySelector(".editor-notice");
  const picker = shell.querySelector("input.body-image-js");
  const markdownHelp = form.querySelectorAll(".markdown-help");
  const text = shell.dataset;
  const labelId = shell.dataset.labelledby;

  let view = null;
  let original = textarea.value;
  let changed = false;

  function setMode(rich) {
    shell.classList.toggle("is-rich", rich);
    textarea.hidden = rich;
    mount.hidden = !rich;
    markdownHelp.forEach((el) => (el.hidden = rich));
    const toggle = toolbar.querySelector("[data-cmd=markdown]");
    toggle.setAttribute("aria-pressed", rich ? "false" : "true");
    toolbar.querySelectorAll("[data-rich-only]").forEach((button) => (button.disabled = !rich));
  }

  function createView(markdown) {
    const state = EditorState.create({
      doc: parse(markdown),
      plugins: [rules(), keymap(buildKeymap()), keymap(baseKeymap), history()],
    });
    view = new EditorView(mount, {
      state,
      attributes: {
        class: "rich-body",
        role: "textbox",
        "aria-multiline": "true",
        "aria-labelledby": labelId,
        spellcheck: "true",
        lang: document.documentElement.lang || "id",
      },
      nodeViews: {
        // A picture shows with its caption under it, as readers will see it.
        // A button changes its description and caption (the same dialog as at insertion).
        image(node, editorView, getPos) {
          const dom = document.createElement("span");
          dom.className = "image-edit";
          dom.contentEditable = "false";
          const img = document.createElement("img");
          img.src = node.attrs.src;
          img.alt = node.attrs.alt || "";
          dom.append(img);
          if (node.attrs.title) {
            const caption = document.createElement("span");
            caption.className = "image-caption";
            caption.textContent = node.attrs.title;
            dom.append(caption);
          }
          const change = document.createElement("button");
          change.type = "button";
          change.className = "button image-change";
          change.textContent = text.changeImage;
          change.addEventListener("click", (event) => {
            event.preventDefault();
            const at = getPos();
            const { alt, title } = node.attrs;
            ask({ src: node.attrs.src, alt, caption: title }).then((answer) => {
              editorView.focus();
              if (!answer) return;
              const attrs = { ...node.attrs, alt: answer.alt, title: answer.caption || null };
              editorView.dispatch(editorView.state.tr.setNodeMarkup(at, null, attrs));
            });
          });
          dom.append(change);
          return {
            dom,
            stopEvent: (event) => !!(event.target.closest && event.target.closest("button")),
            ignoreMutation: () => true,
          };
        },
        page_break() {
          const dom = document.createElement("div");
          dom.className = "page-break";
          dom.contentEditable = "false";
          // "Page 2": the number is a CSS counter, so it follows every insertion.
          const label = document.createElement("span");
          label.textContent = text.pageLabel;
          dom.append(label);
          return { dom };
        },
      },
      handlePaste: (view, event) => takeImage(view, event, event.clipboardData),
      transformPastedHTML: cleanPastedHTML,
      handleDrop: (view, event) => takeImage(view, event, event.dataTransfer),
      dispatchTransaction(tr) {
        view.updateState(view.state.apply(tr));
        if (tr.docChanged) {
          changed = true;
          textarea.dispatchEvent(new Event("input", { bubbles: true }));
        }
        refresh();
      },
    });
    refresh();
  }

  function currentMarkdown() {
    if (!view || mount.hidden) return textarea.value;
    return changed ? serialize(view.state.doc) : original;
  }

  function refresh() {
    if (counter) {
      const words = view && !mount.hidden ? wordCount(view.state.doc) : textarea.value.split(/\s+/).filter(Boolean).length;
      const minutes = Math.max(1, Math.ceil(words / 200));
      counter.textContent = text.wordCount.replace("{words}", words).replace("{minutes}", minutes);
    }
    if (!view || mount.hidden) return;
    const state = view.state;
    const pressed = {
      bold: markActive(state, M.strong),
      italic: markActive(state, M.em),
      heading: parentIs(state, N.heading),
      quote: parentIs(state, N.blockquote),
      bullets: parentIs(state, N.bullet_list),
      numbers: parentIs(state, N.ordered_list),
    };
    Object.keys(pressed).forEach((cmd) => {
      const button = toolbar.querySelector(`[data-cmd=${cmd}]`);
      if (button) button.setAttribute("aria-pressed", pressed[cmd] ? "true" : "false");
    });
  }

  function toRich() {
    const markdown = textarea.value;
    if (!roundTrips(markdown)) {
      notice.textContent = text.keptMarkdown;
      notice.hidden = false;
      return false;
    }
    notice.hidden = true;
    original = markdown;
    changed = false;
    if (view) view.destroy();
    createView(markdown);
    setMode(true);
    return true;
  }

  function toMarkdown() {
    textarea.value = currentMarkdown();
    original = textarea.value;
    changed = false;
    setMode(false);
    textarea.focus();
  }

  function insertText(markdown) {
    const startAt = textarea.selectionStart, end = textarea.selectionEnd;
    textarea.value = textarea.value.slice(0, startAt) + markdown + textarea.value.slice(end);
    textarea.selectionStart = textarea.selectionEnd = startAt + markdown.length;
    textarea.dispatchEvent(new Event("input", { bubbles: true }));
    textarea.focus();
  }

  function insertImage(url, alt, caption) {
    if (view && !mount.hidden) {
      const node = N.image.create({ src: url, alt: alt || null, title: caption || null });
      const para = N.paragraph.create(null, node);
      const { $to } = view.state.selection;
      const at = $to.depth ? $to.after(1) : $to.pos;
      // The writer goes on below the picture, in an empty paragraph (an empty paragraph
      // writes no Markdown).
      const tr = view.state.tr.insert(at, [para, N.paragraph.create()]);
      tr.setSelection(TextSelection.create(tr.doc, at + para.nodeSize + 1));
      view.dispatch(tr.scrollIntoView());
      view.focus();
    } else {
      const title = caption ? ` "${caption.replace(/[\\"]|&(?=#?[A-Za-z0-9]+;)/g, "\\$&")}"` : "";
      insertText(`\n\n![${escapeAlt(alt)}](${url}${title})\n\n`);
    }
  }

  // A modal <dialog> (focus kept inside, Esc cancels) whose fields `read` checks: it
  // answers what `read` returns, or null when the writer cancels.
  function modal(box, first, read, done) {
    box.showModal();
    first.focus();
    return new Promise((resolve) => {
      function finish(answer) {
        box.removeEventListener("click", onClick);
        box.removeEventListener("keydown", onKey);
        box.removeEventListener("cancel", onCancel);
        if (box.open) box.close();
        if (done) done();
        resolve(answer);
      }
      function confirm() {
        const answer = read();
        if (answer) finish(answer);
      }
      function onClick(event) {
        const button = event.target.closest("button[data-answer]");
        if (!button) return;
        if (button.dataset.answer === "insert") confirm();
        else finish(null);
      }
      function onKey(event) {
        if (event.key === "Enter" && event.target.localName === "input") {
          event.preventDefault();
          confirm();
        }
      }
      function onCancel(event) {
        event.preventDefault();
        finish(null);
      }
      box.addEventListener("click", onClick);
      box.addEventListener("keydown", onKey);
      box.addEventListener("cancel", onCancel);
    });
  }
  function invalid(field, error, bad) {
    error.hidden = !bad;
    if (bad) {
      field.setAttribute("aria-invalid", "true");
      field.focus();
    } else field.removeAttribute("aria-invalid");
    return bad;
  }

  const linkDialog = shell.querySelector("dialog.link-dialog");
  if (linkDialog) document.body.append(linkDialog);
  function askLink() {
    if (!linkDialog || typeof linkDialog.showModal !== "function") {
      const href = window.prompt(text.linkPrompt, "https://");
      return Promise.resolve(href && href !== "https://" ? href.trim() : null);
    }
    const field = linkDialog.querySelector(".link-href");
    const error = linkDialog.querySelector(".link-error");
    field.value = "";
    invalid(field, error, false);
    return modal(linkDialog, field, () => {
      let href = field.value.trim();
      // "contoh.id/pasar" is meant as a web address.
      if (/^[\w-]+(\.[\w-]+)+(\/\S*)?$/.test(href)) href = "https://" + href;
      if (invalid(field, error, !/^(https?:\/\/[^\s/]+\S*|mailto:[^\s@]+@\S+)$/i.test(href))) return null;
      return href;
    });
  }
  function link() {
    const focusBack = () => view.focus();
    askLink().then((href) => {
      focusBack();
      if (!href) return;
      const state = view.state;
      const { empty, from, to } = state.selection;
      if (empty) {
        view.dispatch(state.tr.insert(from, schema.text(href, [M.link.create({ href })])));
      } else {
        view.dispatch(state.tr.addMark(from, to, M.link.create({ href })));
      }
    });
    return true;
  }

  // Pictures: scaled on the phone, uploaded with progress, a message and a retry on failure.
  let pending = null;
  function sendImage() {
    const { file, alt, caption } = pending;
    status.hidden = false;
    status.className = "editor-status";
    status.innerHTML = "";
    const label = document.createElement("span");
    label.textContent = text.uploading;
    const bar = document.createElement("progress");
    bar.max = 100;
    bar.value = 0;
    bar.setAttribute("aria-label", text.uploading);
    status.append(label, " ", bar);
    prepareImage(file)
      .then((prepared) => upload(picker.dataset.url, prepared, form, (percent) => (bar.value = percent)))
      .then((answer) => {
        status.hidden = true;
        pending = null;
        insertImage(answer.url, alt, caption);
      })
      .catch((error) => {
        status.className = "editor-status is-error";
        status.textContent = (error && error.detail) || text.uploadFailed;
        const retry = document.createElement("button");
        retry.type = "button";
        retry.className = "button";
        retry.textContent = text.retry;
        retry.addEventListener("click", sendImage);
        status.append(" ", retry);
      });
  }
  // Before anything is sent, the writer describes the picture (alt text, required) and
  // may give it a caption, in a modal dialog (<dialog>: focus kept inside, Esc cancels).
  const dialog = shell.querySelector("dialog.image-dialog");
  // Out of the form: its fields are not the article's, and Enter must not submit it.
  if (dialog) document.body.append(dialog);
  // `picture` is a chosen File, or {src, alt, caption} of a picture already in the text.
  function ask(picture) {
    const known = !(picture instanceof Blob);
    if (!dialog || typeof dialog.showModal !== "function") {
      const alt = window.prompt(text.altPrompt, known ? picture.alt || "" : "");
      if (alt === null) return Promise.resolve(null);
      const caption = window.prompt(text.captionPrompt, known ? picture.caption || "" : "");
      return Promise.resolve({ alt, caption: imageTitle(caption) });
    }
    const altField = dialog.querySelector(".image-alt");
    const captionField = dialog.querySelector(".image-caption-field");
    const error = dialog.querySelector(".image-alt-error");
    const thumb = dialog.querySelector("img");
    const address = known ? picture.src : URL.createObjectURL(picture);
    thumb.src = address;
    altField.value = known ? picture.alt || "" : "";
    captionField.value = known ? picture.caption || "" : "";
    invalid(altField, error, false);
    return modal(
      dialog,
      altField,
      () => {
        const alt = altField.value.replace(/\s+/g, " ").trim();
        if (invalid(altField, error, !alt)) return null;
        return { alt, caption: imageTitle(captionField.value) };
      },
      () => {
        thumb.removeAttribute("src");
        if (!known) URL.revokeObjectURL(address);
      },
    );
  }
  function chooseImage(file) {
    const focusBack = view && !mount.hidden ? () => view.focus() : () => textarea.focus();
    ask(file).then((answer) => {
      focusBack();
      if (!answer) return;
      pending = { file, alt: answer.alt, caption: answer.caption };
      sendImage();
    });
  }
  picker.addEventListener("change", () => {
    if (!picker.files.length) return;
    const file = picker.files[0];
    picker.value = "";
    chooseImage(file);
  });
  // A picture pasted or dropped into the text goes the same way as a chosen one.
  function imageIn(transfer) {
    const files = transfer ? Array.from(transfer.files || []) : [];
    return files.find((file) => /^image\//.test(file.type));
  }
  function takeImage(view, event, transfer) {
    const file = imageIn(transfer);
    if (!file) return false;
    event.preventDefault();
    chooseImage(file);
    return true;
  }
  // The Markdown mode takes pasted and dropped pictures too.
  textarea.addEventListener("paste", (event) => takeImage(null, event, event.clipboardData));
  textarea.addEventListener("dragover", (event) => {
    if (event.dataTransfer && Array.from(event.dataTransfer.types || []).includes("Files")) event.preventDefault();
  });
  textarea.addEventListener("drop", (event) => takeImage(null, event, event.dataTransfer));

  const commands = {
    bold: toggleMark(M.strong),
    italic: toggleMark(M.em),
    heading: toggleHeading,
    quote: toggleQuote,
    bullets: toggleList(N.bullet_list),
    numbers: toggleList(N.ordered_list),
    link,
    undo,
    redo,
  };
  toolbar.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-cmd]");
    if (!button) return;
    const cmd = button.dataset.cmd;
    if (cmd === "markdown") {
      if (mount.hidden) toRich();
      else toMarkdown();
      return;
    }
    if (cmd === "image") {
      picker.click();
      return;
    }
    if (cmd === "page") {
      if (view && !mount.hidden) {
        insertPageBreak(view.state, view.dispatch);
        view.focus();
      } else insertText("\n\n<!--nextpage-->\n\n");
      return;
    }
    if (!view || mount.hidden) return;
    commands[cmd](view.state, view.dispatch);
    view.focus();
  });
  textarea.addEventListener("input", refresh);

  // On a phone the toolbar is one row that scrolls: fade its edge while buttons are hidden
  // there, so nobody takes the first five for all of them.
  function edge() {
    const more = toolbar.scrollLeft + toolbar.clientWidth < toolbar.scrollWidth - 2;
    toolbar.classList.toggle("has-more", more);
  }
  toolbar.addEventListener("scroll", edge, { passive: true });
  window.addEventListener("resize", edge);

  // The form posts the textarea: fill it with the editor's Markdown first. An untouched
  // document posts exactly what the page was given.
  form.addEventListener("submit", () => {
    textarea.value = currentMarkdown();
  });

  shell.hidden = false;
  if (counter) counter.hidden = false;
  form.querySelectorAll(".nojs-only").forEach((el) => (el.hidden = true));
  if (!toRich()) {
    setMode(false);
    refresh();
  }
  edge();
  // Another text for the body (a copy kept in this browser, or the version saved
  // elsewhere), in whichever mode the writer is.
  function load(markdown) {
    textarea.value = markdown;
    original = markdown;
    changed = false;
    if (!mount.hidden && !toRich()) setMode(false);
    refresh();
  }
  shell.wacanaEditor = { markdown: currentMarkdown, toRich, toMarkdown, load };
}

document.querySelectorAll("[data-editor]").forEach(start);
