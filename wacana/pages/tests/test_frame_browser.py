"""Every key page at 320, 390 and 1,366 px in real Chromium, anonymous, as a writer and as
a moderator: no sideways scrolling, a one-row header of at most 56 px whose parts do not
overlap, tap targets of at least 44 px, body text of at least 16 px, images with their
dimensions, and no serious axe finding. Screenshots land in test-artifacts/frame/ for a
person to look at.

One browser page per role is reused for all its pages and widths; axe and the geometry
checks run at every width. The report dialog is checked open, at every width.
"""

import io
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from playwright.sync_api import Page

from wacana.accounts import actions as account_actions
from wacana.articles import actions
from wacana.articles.models import Article, Category, DailyViews
from wacana.discovery import home, popular
from wacana.notifications import actions as notices
from wacana.testing.axe import serious_violations
from wacana.testing.browser import ARTIFACTS, sign_in
from wacana.testing.content import publish
from wacana.testing.personas import make_editor, make_moderator, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = (320, 390, 1366)
SHOTS = ARTIFACTS / "frame"

TAGS = ("pendidikan", "sawah", "ende")
CHECK = (Path(__file__).parent / "frame_check.js").read_text()


def _picture(colour: tuple[int, int, int]) -> Any:
    from django.core.files.uploadedfile import SimpleUploadedFile

    data = io.BytesIO()
    Image.new("RGB", (1200, 800), colour).save(data, "PNG")
    return SimpleUploadedFile("gambar.png", data.getvalue(), "image/png")


def _site() -> dict[str, Any]:
    writer = make_user(
        "sekar",
        display_name="Sekar Ayu Lestari Wulandari",
        tagline="Guru SD di Ende, menulis tentang sekolah",
        bio="Sekar mengajar di sebuah sekolah dasar di Ende sejak 2015. " * 4,
    )
    account_actions.set_avatar(writer, _picture((180, 120, 60)))
    reader = make_user("raka", display_name="Raka Pembaca")
    moderator = make_moderator("penjaga", display_name="Penjaga Ruang")
    body = "\n\n".join(
        f"Paragraf {n}: pagi itu sawah di Ende masih berkabut dan anak-anak berangkat "
        "sekolah lewat pematang, membawa buku yang dibungkus plastik."
        for n in range(12)
    )
    article = publish(writer, "Sekolah di Ujung Pematang Sawah yang Berkabut", body=body)
    actions.set_featured_image(article, _picture((40, 110, 160)))
    others = [
        publish(
            writer if n % 2 else reader, f"Catatan pendek nomor {n} dari kampung", category="bisnis"
        )
        for n in range(6)
    ]
    # Content for the wide screens' sidebar: popular this week, editor's picks, tags.
    editor = make_editor("redaksi")
    for n, item in enumerate([article, *others]):
        actions.update_article(
            item.author,
            item,
            {"tags": [{"slug": slug, "name": slug.title()} for slug in TAGS[: 1 + n % 3]]},
        )
        DailyViews.objects.create(article=item, day=popular.today(), views=100 - n)
        if n < 3:
            actions.curate(editor, item, actions.PICK, True)
    popular.refresh_week()
    home.forget()
    account_actions.follow(reader, writer)
    actions.save_for_later(reader, article)
    for n in range(3):
        notices.notify(writer, "moderation", f"Catatan {n}", target_url="/")
    article.refresh_from_db()
    return {"writer": writer, "reader": reader, "moderator": moderator, "article": article}


def _axe(page: Page, where: str) -> list[str]:
    return [f"{where}: axe {problem}" for problem in serious_violations(page)]


# The article body's paragraphs: how many, and the smallest font size among them.
BODY_TEXT = """() => { const ps = [...document.querySelectorAll('main .body p')];
  return [ps.length, Math.min(...ps.map((p) => parseFloat(getComputedStyle(p).fontSize)))]; }"""


def _visit(page: Page, role: str, paths: list[str], article: str | None = None) -> list[str]:
    SHOTS.mkdir(parents=True, exist_ok=True)
    problems: list[str] = []
    for path in paths:
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 800})
            response = page.goto(path)
            assert response is not None and response.status == 200, path
            name = path.strip("/").replace("/", "_").replace("?", "_")[:40] or "beranda"
            page.screenshot(path=str(SHOTS / f"{role}-{name}-{width}.png"))
            problems += [f"{path} @{width}: {p}" for p in page.evaluate(CHECK)]
            problems += _axe(page, f"{path} @{width}")
            if path == article:
                count, smallest = page.evaluate(BODY_TEXT)
                assert count >= 10, f"{path}: {count} body paragraphs"
                if smallest < 16:
                    problems.append(f"{path} @{width}: article body text is {smallest}px")
    return problems


# The open report dialog: inside the viewport, its heading inside its box, its send
# button in sight as it opens (no scrolling, neither the dialog nor the page).
DIALOG = """() => { const d = document.querySelector('dialog.report-dialog[open]');
  if (!d) return ['the report dialog did not open'];
  const problems = [], box = d.getBoundingClientRect();
  if (box.left < 0 || box.right > innerWidth + 0.5)
    problems.push(`dialog ${box.left}..${box.right}`);
  const title = d.querySelector('.report-title');
  if (title) { const t = title.getBoundingClientRect();
    if (t.left < box.left || t.right > box.right + 0.5)
      problems.push('heading leaves the dialog'); }
  const send = d.querySelector('button[type=submit]:not([formmethod=dialog])');
  if (!send) problems.push('no send button');
  else { const b = send.getBoundingClientRect();
    if (b.bottom > innerHeight + 0.5 || b.top < 0)
      problems.push(`send button at ${b.top}..${b.bottom}`);
    if (b.height < 43.5) problems.push(`send button ${b.height}px high`); }
  return problems; }"""


def _report_dialog(page: Page, path: str) -> list[str]:
    problems: list[str] = []
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 800})
        page.goto(path)
        page.locator("a.report-link[data-report]").first.click()
        page.wait_for_selector("dialog.report-dialog[open] .report-title")
        page.screenshot(path=str(SHOTS / f"laporan-dialog-{width}.png"))
        problems += [f"report dialog @{width}: {p}" for p in page.evaluate(DIALOG)]
        problems += _axe(page, f"report dialog @{width}")
    return problems


def test_the_frame_holds_for_anonymous_readers(page: Page) -> None:
    site = _site()
    article: Article = site["article"]
    sub = Category.objects.get(slug="sekolah")
    assert sub.parent is not None
    paths = [
        "/",
        article.get_absolute_url(),
        sub.parent.get_absolute_url(),
        sub.get_absolute_url(),
        "/tag/sawah",
        "/cari?q=sawah",
        site["writer"].get_absolute_url(),
        "/pilihan",
        "/masuk",
        "/daftar",
        "/pedoman",
    ]
    problems = _visit(page, "anonim", paths, article.get_absolute_url())
    assert not problems, "\n".join(problems)


def test_the_frame_holds_for_a_writer(page: Page) -> None:
    site = _site()
    sign_in(page, "sekar")
    paths = [
        "/",
        site["article"].get_absolute_url(),
        "/tulis",
        f"/tulis/{site['article'].pk}",
        "/dasbor",
        "/notifikasi",
        "/akun/profil",
    ]
    problems = _visit(page, "penulis", paths)
    assert not problems, "\n".join(problems)


def test_the_frame_holds_for_a_reader_and_a_moderator(page: Page, browser: Any) -> None:
    site = _site()
    sign_in(page, "raka")
    problems = _visit(page, "pembaca", ["/mengikuti", "/bacaan"])
    problems += _report_dialog(page, site["article"].get_absolute_url())
    page.context.clear_cookies()
    sign_in(page, "penjaga")
    problems += _visit(page, "moderator", ["/moderasi", site["article"].get_absolute_url()])
    assert not problems, "\n".join(problems)


# Runs in the page: the main column's and the sidebar's boxes, and how many characters
# fit on one line of the article body (its width over the width of an average character
# of the paragraph's own text in its own font, measured on a canvas).
LAYOUT = """() => {
  const box = (el) => { if (!el) return null; const r = el.getBoundingClientRect();
    return {left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width}; };
  const p = document.querySelector('main .body p');
  let perLine = null;
  if (p) {
    const style = getComputedStyle(p);
    const context = document.createElement('canvas').getContext('2d');
    context.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const text = p.textContent.trim();
    const average = context.measureText(text).width / text.length;
    perLine = p.getBoundingClientRect().width / average;
  }
  return {main: box(document.querySelector('.main-col') || document.querySelector('main')),
          side: box(document.querySelector('aside.sidebar')),
          links: document.querySelectorAll('aside.sidebar a').length,
          headings: [...document.querySelectorAll('aside.sidebar h2')].map((h) => h.textContent),
          perLine};
}"""


def test_wide_screens_show_a_sidebar_beside_a_70_character_column(page: Page) -> None:
    site = _site()
    article: Article = site["article"]
    rubric = Category.objects.get(slug="sekolah").parent
    assert rubric is not None
    paths = ["/", rubric.get_absolute_url(), article.get_absolute_url()]
    SHOTS.mkdir(parents=True, exist_ok=True)
    for width in (1024, 1366):
        page.set_viewport_size({"width": width, "height": 900})
        for path in paths:
            page.goto(path)
            layout = page.evaluate(LAYOUT)
            main, side = layout["main"], layout["side"]
            assert side is not None, f"{path} @{width}: no sidebar"
            # The home shows its picks in its own section, so its sidebar leaves them out.
            picks = [] if path == "/" else ["Pilihan"]
            assert layout["headings"] == ["Terpopuler", *picks, "Tag populer"], layout
            assert layout["links"] >= 7, layout
            # Side by side: the sidebar starts right of the main column and they share rows.
            assert side["left"] >= main["right"], f"{path} @{width}: {layout}"
            assert side["top"] < main["bottom"] and main["top"] < side["bottom"], layout
            assert main["width"] >= 560, f"{path} @{width}: main column {main['width']}px"
        page.goto(article.get_absolute_url())
        per_line = page.evaluate(LAYOUT)["perLine"]
        assert 60 <= per_line <= 80, f"@{width}: {per_line:.0f} characters a line"
        print(f"@{width}: {per_line:.0f} characters a line")
        page.screenshot(path=str(SHOTS / f"lebar-artikel-{width}.png"))
    page.set_viewport_size({"width": 390, "height": 800})
    for path in paths:
        page.goto(path)
        layout = page.evaluate(LAYOUT)
        main, side = layout["main"], layout["side"]
        # One column: whatever of the sidebar shows sits below the main column.
        assert side is None or side["top"] >= main["bottom"] - 0.5, f"{path} @390: {layout}"
        assert main["width"] <= 390
    per_line = page.evaluate(LAYOUT)["perLine"]
    assert per_line <= 60, f"@390: {per_line:.0f} characters a line"
    print(f"@390: {per_line:.0f} characters a line")
    page.screenshot(path=str(SHOTS / "lebar-artikel-390.png"))


# The rubric bar's scroller: whether it overflows, its mask, and where the last rubric ends
# (relative to the scroller's right edge) once scrolled all the way.
RUBRIC_BAR = """() => { const bar = document.querySelector('.rubric-bar div');
  const overflows = bar.scrollWidth > bar.clientWidth + 1;
  const mask = getComputedStyle(bar).maskImage || getComputedStyle(bar).webkitMaskImage;
  bar.scrollLeft = bar.scrollWidth;
  const last = [...bar.querySelectorAll('a')].pop();
  const gap = bar.getBoundingClientRect().right - last.getBoundingClientRect().right;
  return {overflows, mask, gap}; }"""


def test_the_rubric_bar_fades_at_its_overflowing_edge_and_scrolls_clear_of_it(
    page: Page,
) -> None:
    _site()
    SHOTS.mkdir(parents=True, exist_ok=True)
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 800})
        page.goto("/")
        bar = page.evaluate(RUBRIC_BAR)
        # Every width has more rubrics than fit: a hint that the bar scrolls.
        assert bar["overflows"], f"@{width}: {bar}"
        assert "linear-gradient" in bar["mask"], f"@{width}: {bar}"
        # Scrolled to its end, the last rubric stands clear of the faded 2.5rem (but 0.5).
        assert bar["gap"] >= 31, f"@{width}: {bar}"
        page.screenshot(
            path=str(SHOTS / f"rubrik-ujung-{width}.png"),
            clip={"x": 0, "y": 0, "width": width, "height": 130},
        )
