// The editor does not need to find bare URLs: they stay text in the editor, are written
// back unchanged, and the server's renderer turns them into links as before.
export default class NoLinkify {
  pretest() {
    return false;
  }
  test() {
    return false;
  }
  matchAtStart() {
    return null;
  }
  match() {
    return null;
  }
}
