// Markdown <-> ProseMirror document, matching the server's renderer (wacana/lib/markdown.py):
// markdown-it, CommonMark with tables, strikethrough and linkify, raw HTML off; a line
// holding only <!--nextpage--> separates pages.
import MarkdownIt from "markdown-it";
import {
  MarkdownParser,
  MarkdownSerializer,
  defaultMarkdownParser,
  defaultMarkdownSerializer,
  schema as commonmark,
} from "prosemirror-markdown";
import { Schema } from "prosemirror-model";

export const PAGE_BREAK_RE = /^[ \t]*<!--nextpage-->[ \t]*$/m;
const BARE_URL = /(?:https?:\/\/|www\.)[^\s<]+/gi;
const PAGE_BREAK_SPLIT = /^[ \t]*<!--nextpage-->[ \t]*$/gm;

const nodes = commonmark.spec.nodes
  // The article's title is the page's only h1: body headings show one level down, as
  // the server renders them.
  .update("heading", {
    ...commonmark.spec.nodes.get("heading"),
    toDOM(node) {
      return ["h" + Math.min(6, node.attrs.level + 1), 0];
    },
  })
  .update("bullet_list", {
    ...commonmark.spec.nodes.get("bullet_list"),
    // The writer's own bullet ("-", "*" or "+") is kept, so an edit changes few lines.
    attrs: { tight: { default: true }, bullet: { default: "-" } },
  })
  .update("ordered_list", {
    ...commonmark.spec.nodes.get("ordered_list"),
    attrs: { order: { default: 1 }, tight: { default: true } },
  })
  .update("doc", { content: "(block | page_break)+" })
  .addToEnd("page_break", {
    // Only between top-level blocks: a page cannot start inside a quote or a list.
    atom: true,
    selectable: true,
    parseDOM: [{ tag: "div.page-break" }],
    toDOM() {
      return ["div", { class: "page-break", contenteditable: "false" }];
    },
  })
  .addToEnd("raw_block", {
    // Markdown the editor does not model (tables) is kept as its source text, editable
    // as text and written back byte for byte.
    content: "text*",
    group: "block",
    code: true,
    defining: true,
    marks: "",
    parseDOM: [{ tag: "pre.raw-markdown", preserveWhitespace: "full" }],
    toDOM() {
      return ["pre", { class: "raw-markdown" }, ["code", 0]];
    },
  });

const marks = commonmark.spec.marks.addToEnd("strike", {
  parseDOM: [{ tag: "s" }, { tag: "del" }, { style: "text-decoration=line-through" }],
  toDOM() {
    return ["s"];
  },
});

export const schema = new Schema({ nodes, marks });

export function tokenizer() {
  const md = MarkdownIt("commonmark", { html: false, linkify: true, typographer: false });
  md.enable(["table", "strikethrough", "linkify"]);
  return md;
}

// As prosemirror-markdown decides it: a list is tight when its items' paragraphs are hidden.
function listIsTight(tokens, i) {
  while (++i < tokens.length) if (tokens[i].type !== "list_item_open") return tokens[i].hidden;
  return false;
}

function rawTables(md) {
  // Top-level tables become one raw_block token holding their source lines; a table
  // nested in a quote or list is left alone and fails the round-trip check instead.
  md.core.ruler.push("wacana_raw_tables", (state) => {
    const lines = state.src.split("\n");
    const out = [];
    for (let i = 0; i < state.tokens.length; i++) {
      const token = state.tokens[i];
      if (token.type === "table_open" && token.level === 0 && token.map) {
        let j = i;
        while (j < state.tokens.length && state.tokens[j].type !== "table_close") j++;
        const raw = new state.Token("raw_block", "pre", 0);
        raw.content = lines.slice(token.map[0], token.map[1]).join("\n");
        raw.block = true;
        raw.map = token.map;
        out.push(raw);
        i = j;
      } else {
        out.push(token);
      }
    }
    state.tokens = out;
  });
  return md;
}

const parser = new MarkdownParser(schema, rawTables(tokenizer()), {
  ...defaultMarkdownParser.tokens,
  bullet_list: {
    block: "bullet_list",
    getAttrs: (token, tokens, i) => ({ tight: listIsTight(tokens, i), bullet: token.markup || "-" }),
  },
  s: { mark: "strike" },
  raw_block: { block: "raw_block", noCloseToken: true },
});

// A caption is one line of plain text.
export function imageTitle(text) {
  return String(text || "").replace(/\s+/g, " ").trim();
}

const serializer = new MarkdownSerializer(
  {
    ...defaultMarkdownSerializer.nodes,
    page_break(state, node) {
      state.write("<!--nextpage-->");
      state.closeBlock(node);
    },
    text(state, node) {
      // The server links bare addresses (linkify); an escape inside one would become
      // part of the link, so addresses are written as they are and the rest escaped.
      if (state.inAutolink) {
        state.text(node.text, false);
        return;
      }
      let last = 0;
      for (const match of node.text.matchAll(BARE_URL)) {
        if (match.index > last) state.text(node.text.slice(last, match.index), true);
        state.text(match[0], false);
        last = match.index + match[0].length;
      }
      if (last < node.text.length) state.text(node.text.slice(last), true);
    },
    raw_block(state, node) {
      state.text(node.textContent, false);
      state.closeBlock(node);
    },
    image(state, node) {
      // The title is the picture's caption: written so that markdown-it reads back the
      // same text (a backslash, a quote or an entity-like "&" escaped).
      const title = node.attrs.title
        ? ' "' + node.attrs.title.replace(/[\\"]|&(?=#?[A-Za-z0-9]+;)/g, "\\$&") + '"'
        : "";
      state.write(
        "![" + state.esc(node.attrs.alt || "") + "](" + node.attrs.src.replace(/[()]/g, "\\$&") + title + ")",
      );
    },
  },
  {
    ...defaultMarkdownSerializer.marks,
    strike: { open: "~~", close: "~~", mixable: true, expelEnclosingWhitespace: true },
  },
  {
    // "<" before a letter would start an autolink, and "<!" a typed <!--nextpage-->
    // line would become a page break; "&" could start an entity; "|" a table row.
    escapeExtraCharacters: /<(?=[A-Za-z!])|&(?=#?[A-Za-z0-9]+;)|\|/g,
  },
);

export function splitPages(markdown) {
  const pages = markdown
    .replace(/\r\n/g, "\n")
    .split(PAGE_BREAK_SPLIT)
    .map((page) => page.replace(/^\n+|\n+$/g, ""));
  const kept = pages.filter((page) => page.trim());
  return kept.length ? kept : [""];
}

export function parse(markdown) {
  const content = [];
  splitPages(markdown).forEach((page, index) => {
    if (index) content.push(schema.nodes.page_break.create());
    const doc = parser.parse(page);
    doc.forEach((child) => content.push(child));
  });
  if (!content.length || content[content.length - 1].type === schema.nodes.page_break) {
    content.push(schema.nodes.paragraph.create());
  }
  return schema.nodes.doc.create(null, content);
}

export function serialize(doc) {
  // Empty paragraphs (a writer's extra Enter) write nothing.
  return serializer.serialize(doc, { tightLists: true }).replace(/\n{3,}/g, "\n\n").trim() + "\n";
}

const checker = tokenizer();

// True when the editor would keep this Markdown's meaning: every page renders the same
// before and after a trip through the editor. Otherwise the page opens in Markdown mode.
export function roundTrips(markdown) {
  let again;
  try {
    again = serialize(parse(markdown));
  } catch {
    return false;
  }
  const before = splitPages(markdown).map((page) => checker.render(page));
  const after = splitPages(again).map((page) => checker.render(page));
  return before.length === after.length && before.every((html, i) => html === after[i]);
}
