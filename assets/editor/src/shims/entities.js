// markdown-it decodes entities such as &amp; with the `entities` package, whose full
// table is a quarter of the bundle; the browser already knows every HTML entity.
// A <textarea> parses its content as text: nothing in it can run or load.
const box = document.createElement("textarea");

// markdown-it passes one whole entity, "&name;". Browsers also decode a legacy prefix
// ("&ampx;" as "&x;"); CommonMark does not, so such an answer counts as not decoded.
export function decodeHTMLStrict(entity) {
  box.innerHTML = entity;
  const decoded = box.value;
  return decoded.length > 2 && decoded.endsWith(";") ? entity : decoded;
}

export const decodeHTML = decodeHTMLStrict;
