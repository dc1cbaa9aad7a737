// Builds static/js/editor.js from src/ (or into the folder given as the first argument,
// which scripts/check_assets.sh uses to compare). esbuild's output depends only on its
// version (pinned in package-lock.json) and the sources: no timestamps, no absolute paths.
import { build } from "esbuild";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const outdir = resolve(process.argv[2] || resolve(here, "../../static/js"));

await build({
  entryPoints: [resolve(here, "src/editor.js")],
  outfile: resolve(outdir, "editor.js"),
  bundle: true,
  minify: true,
  format: "iife",
  // parse/serialize/roundTrips, for the round-trip tests in real Chromium.
  globalName: "WacanaEditor",
  target: "es2020",
  legalComments: "none",
  charset: "utf8",
  sourcemap: false,
  absWorkingDir: here,
  banner: {
    js: "/* Wacana editor, built by `make assets` from assets/editor (ProseMirror, prosemirror-markdown, markdown-it: MIT licence). */",
  },
  // Smaller stand-ins for three of markdown-it's dependencies (see each file's comment).
  alias: {
    entities: "./src/shims/entities.js",
    "linkify-it": "./src/shims/linkify-it.js",
    "punycode.js": "./src/shims/punycode.js",
  },
  logLevel: "warning",
});
