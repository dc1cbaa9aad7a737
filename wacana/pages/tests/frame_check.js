// Runs in the page (test_frame_browser.py): everything measurable about the frame,
// returned as a list of problems.
(() => {
  const problems = [];
  const width = window.innerWidth;
  const visible = (el) => { const r = el.getBoundingClientRect(); const s = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none'; };
  const label = (el) => (el.getAttribute('aria-label') || el.textContent || el.className || el.tagName).trim().slice(0, 40);
  if (document.documentElement.scrollWidth > width)
    problems.push(`page is ${document.documentElement.scrollWidth}px wide`);
  const header = document.querySelector('header.site-header');
  const height = header.getBoundingClientRect().height;
  if (height > 56) problems.push(`header is ${height}px tall`);
  const parts = [...header.querySelectorAll('.bar > *, .account > *')]
    .filter((el) => visible(el) && !el.classList.contains('account') && getComputedStyle(el).position !== 'absolute');
  for (let i = 0; i < parts.length; i++) for (let j = i + 1; j < parts.length; j++) {
    const a = parts[i].getBoundingClientRect(), b = parts[j].getBoundingClientRect();
    if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5)
      problems.push(`header parts overlap: ${label(parts[i])} / ${label(parts[j])}`);
  }
  const badge = header.querySelector('.notif-link .count');
  if (badge) { const b = badge.getBoundingClientRect(), box = badge.parentElement.getBoundingClientRect();
    if (b.left < box.left - 0.5 || b.right > box.right + 0.5 || b.top < box.top - 0.5 || b.bottom > box.bottom + 0.5)
      problems.push('the unread badge leaves its button'); }
  const targets = 'header a, header button, header summary, .rubric-bar a, main button:not(.linklike), main a.button, main summary, .pager a, .chips a, .follow-btn';
  for (const el of document.querySelectorAll(targets)) {
    if (!visible(el) || el.closest('.menu ul, dialog')) continue;
    const r = el.getBoundingClientRect();
    if (r.height < 43.5 || r.width < 43.5) problems.push(`tap target ${Math.round(r.width)}x${Math.round(r.height)}: ${label(el)}`);
  }
  const text = ['body', 'main .body p', '.comment-body p', '.card-title', 'main .lead', '.bio'];
  for (const selector of text) for (const el of document.querySelectorAll(selector)) {
    const size = parseFloat(getComputedStyle(el).fontSize);
    if (visible(el) && size < 16) problems.push(`${selector} text is ${size}px`);
  }
  // An <img> without a source (the writing page's picture dialog, filled when a picture
  // is chosen) loads nothing and shifts nothing: only images that load need dimensions.
  for (const img of document.images)
    if (img.getAttribute('src') && (!img.getAttribute('width') || !img.getAttribute('height')))
      problems.push(`image without dimensions: ${img.getAttribute('src')}`);
  return problems;
})
