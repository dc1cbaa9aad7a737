// What survives a paste from Word, Google Docs or a web page: headings, paragraphs, lists,
// bold, italic and links (http, https, mailto). Everything else (styles, classes, fonts,
// colours, images, tables' structure, scripts, Word's and Docs' own markup) is dropped
// before ProseMirror reads the HTML; the text inside is kept.

const BLOCKS = new Set(["p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote"]);
// Dropped with everything inside them.
const DROP = new Set([
  "script", "style", "meta", "link", "title", "head", "template", "noscript", "img", "picture",
  "svg", "math", "iframe", "object", "embed", "video", "audio", "canvas", "button", "input",
  "select", "textarea", "o:p", "xml",
]);
// Blocks whose text is kept, each as a paragraph (divs, table cells, figures…).
const AS_PARAGRAPH = new Set([
  "div", "section", "article", "header", "footer", "main", "aside", "figure", "figcaption",
  "td", "th", "dt", "dd", "pre", "address", "center",
]);
const SAFE_HREF = /^(https?:|mailto:)/i;

// The style attribute is read as text: under the page's Content-Security-Policy the
// browser does not apply inline styles, so el.style would be empty.
function styleOf(el, property) {
  const found = new RegExp("(?:^|;)\\s*" + property + "\\s*:\\s*([^;]+)", "i").exec(
    el.getAttribute("style") || "",
  );
  return found ? found[1].trim().toLowerCase() : "";
}
function bold(el) {
  const weight = styleOf(el, "font-weight");
  // Google Docs wraps everything it copies in <b style="font-weight:normal">.
  if (weight === "normal" || weight === "lighter" || (Number(weight) > 0 && Number(weight) < 600)) return false;
  if (el.localName === "b" || el.localName === "strong") return true;
  return weight === "bold" || weight === "bolder" || Number(weight) >= 600;
}
function italic(el) {
  const style = styleOf(el, "font-style");
  if (style === "normal") return false;
  return el.localName === "i" || el.localName === "em" || style === "italic" || style === "oblique";
}

// Word marks list items as paragraphs ("MsoListParagraph…", style mso-list) whose bullet
// or number is a span styled mso-list:Ignore, and the nesting as "mso-list:l0 level2
// lfo1"; consecutive ones become one real list, nested as they were.
function wordListItem(el) {
  if (el.localName !== "p") return null;
  const style = el.getAttribute("style") || "";
  if (!/mso-list\s*:/i.test(style) && !/MsoListParagraph/i.test(el.className)) return null;
  const ignore = Array.from(el.querySelectorAll("span")).find((span) =>
    /mso-list\s*:\s*ignore/i.test(span.getAttribute("style") || ""),
  );
  const marker = ignore ? ignore.textContent.trim() : "";
  const level = /mso-list\s*:[^;]*\blevel(\d+)/i.exec(style);
  return {
    kind: /^\(?[0-9a-zA-Z]{1,4}[.)]$/.test(marker) ? "ol" : "ul",
    level: Math.min(Math.max(level ? Number(level[1]) : 1, 1), 9),
  };
}

function lastElement(parent, names) {
  let node = parent.lastChild;
  // Word puts a line break (a text node) between the paragraphs of one list.
  while (node && node.nodeType === 3 && !node.data.trim()) node = node.previousSibling;
  return node && node.nodeType === 1 && names.includes(node.localName) ? node : null;
}

// The list a Word item of `level` belongs in: the open list at each level above it is
// the last item's own list; a missing one (or one of the other kind) is started.
function wordListFor(into, { kind, level }, doc) {
  let parent = into;
  let list = null;
  for (let depth = 1; depth <= level; depth++) {
    const want = depth === level ? kind : null;
    list = lastElement(parent, ["ul", "ol"]);
    if (list && !list.dataset.word) list = null;
    if (!list || (want && list.localName !== want)) {
      list = doc.createElement(want || "ul");
      list.dataset.word = "1";
      parent.append(list);
    }
    if (depth === level) break;
    let item = lastElement(list, ["li"]);
    if (!item) {
      item = doc.createElement("li");
      list.append(item);
    }
    parent = item;
  }
  return list;
}

function convert(from, into, doc) {
  for (let child = from.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3) {
      into.append(doc.createTextNode(child.data));
      continue;
    }
    if (child.nodeType !== 1) continue; // comments, Word's <![if …]>
    const name = child.localName;
    if (DROP.has(name) || name.includes(":")) continue; // <o:p>, <v:shape>, <w:…>
    if (/mso-list\s*:\s*ignore/i.test(child.getAttribute("style") || "")) continue;
    const wordItem = wordListItem(child);
    if (wordItem) {
      const item = doc.createElement("li");
      convert(child, item, doc);
      wordListFor(into, wordItem, doc).append(item);
      continue;
    }
    let target = into;
    let made = null;
    if (BLOCKS.has(name)) made = doc.createElement(name);
    else if (AS_PARAGRAPH.has(name)) made = doc.createElement("div");
    else if (name === "br") {
      into.append(doc.createElement("br"));
      continue;
    } else if (name === "a") {
      const href = (child.getAttribute("href") || "").trim();
      if (SAFE_HREF.test(href)) {
        made = doc.createElement("a");
        made.setAttribute("href", href);
      }
    }
    if (made) {
      into.append(made);
      target = made;
    }
    // Formatting may sit on any element (Docs: <span style="font-weight:700">).
    if (bold(child)) {
      const strong = doc.createElement("strong");
      target.append(strong);
      target = strong;
    }
    if (italic(child)) {
      const em = doc.createElement("em");
      target.append(em);
      target = em;
    }
    convert(child, target, doc);
  }
}

export function cleanPastedHTML(html) {
  const source = new DOMParser().parseFromString(html, "text/html");
  const out = document.implementation.createHTMLDocument("");
  const root = out.createElement("div");
  convert(source.body, root, out);
  root.querySelectorAll("[data-word]").forEach((list) => list.removeAttribute("data-word"));
  // Google Docs and some pages nest a list directly in a list (<ul><li>a</li><ul>…):
  // it belongs to the item before it.
  root.querySelectorAll("ul > ul, ul > ol, ol > ul, ol > ol").forEach((list) => {
    let item = list.previousElementSibling;
    if (!item || item.localName !== "li") {
      item = out.createElement("li");
      list.before(item);
    }
    item.append(list);
  });
  // Pasted lists are tight (no blank line between items), as people mean them.
  root.querySelectorAll("ul, ol").forEach((list) => list.setAttribute("data-tight", "true"));
  return root.innerHTML;
}
