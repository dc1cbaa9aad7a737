// Link addresses keep their Unicode host names in the editor; the server encodes them.
function same(value) {
  return value;
}
export default { toASCII: same, toUnicode: same };
export const toASCII = same;
export const toUnicode = same;
