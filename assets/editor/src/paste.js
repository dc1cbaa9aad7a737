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
// or number is a span styled mso-list:Ignore; consecutive ones become one real list.
function wordListMarker(el) {
  if (el.localName !== "p") return null;
  const style = el.getAttribute("style") || "";
  if (!/mso-list\s*:/i.test(style) && !/MsoListParagraph/i.test(el.className)) return null;
  const ignore = Array.from(el.querySelectorAll("span")).find((span) =>
    /mso-list\s*:\s*ignore/i.test(span.getAttribute("style") || ""),
  );
  const marker = ignore ? ignore.textContent.trim() : "";
  return /^\(?[0-9a-zA-Z]{1,3}[.)]$/.test(marker) ? "ol" : "ul";
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
    const listKind = wordListMarker(child);
    if (listKind) {
      let list = into.lastChild;
      // Word puts a line break (a text node) between the paragraphs of one list.
      while (list && list.nodeType === 3 && !list.data.trim()) list = list.previousSibling;
      if (!list || list.nodeType !== 1 || list.localName !== listKind || !list.dataset.word) {
        list = doc.createElement(listKind);
        list.dataset.word = "1";
        into.append(list);
      }
      const item = doc.createElement("li");
      convert(child, item, doc);
      list.append(item);
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
  // Pasted lists are tight (no blank line between items), as people mean them.
  root.querySelectorAll("ul, ol").forEach((list) => list.setAttribute("data-tight", "true"));
  return root.innerHTML;
}
