"""Every key page at 320, 390 and 1,366 px in real Chromium, anonymous, as a writer and as
a moderator: no sideways scrolling, a one-row header of at most 56 px whose parts do not
overlap, tap targets of at least 44 px, body text of at least 16 px, images with their
dimensions, and no serious axe finding. Screenshots land in test-artifacts/frame/ for a
person to look at.

One browser page per role is reused for all its pages and widths; axe runs once per page
(at 390 px), the geometry checks at every width.
"""

import io
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from playwright.sync_api import Page

from wacana.accounts import actions as account_actions
from wacana.articles import actions
from wacana.articles.models import Article, Category
from wacana.notifications import actions as notices
from wacana.testing.axe import serious_violations
from wacana.testing.browser import ARTIFACTS, sign_in
from wacana.testing.content import publish
from wacana.testing.personas import make_moderator, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = (320, 390, 1366)
AXE_WIDTH = 390
SHOTS = ARTIFACTS / "frame"

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
    for n in range(6):
        publish(
            writer if n % 2 else reader, f"Catatan pendek nomor {n} dari kampung", category="bisnis"
        )
    account_actions.follow(reader, writer)
    actions.save_for_later(reader, article)
    for n in range(3):
        notices.notify(writer, "moderation", f"Catatan {n}", target_url="/")
    article.refresh_from_db()
    return {"writer": writer, "reader": reader, "moderator": moderator, "article": article}


def _visit(page: Page, role: str, paths: list[str]) -> list[str]:
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
            if width == AXE_WIDTH:
                problems += [f"{path}: {problem}" for problem in serious_violations(page)]
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
        "/cari?q=sawah",
        site["writer"].get_absolute_url(),
        "/pilihan",
        "/masuk",
        "/daftar",
        "/pedoman",
    ]
    problems = _visit(page, "anonim", paths)
    assert not problems, "\n".join(problems)


def test_the_frame_holds_for_a_writer(page: Page) -> None:
    site = _site()
    sign_in(page, "sekar")
    paths = ["/", site["article"].get_absolute_url(), "/dasbor", "/notifikasi", "/akun/profil"]
    problems = _visit(page, "penulis", paths)
    assert not problems, "\n".join(problems)


def test_the_frame_holds_for_a_reader_and_a_moderator(page: Page, browser: Any) -> None:
    site = _site()
    sign_in(page, "raka")
    problems = _visit(page, "pembaca", ["/mengikuti", "/bacaan"])
    page.context.clear_cookies()
    sign_in(page, "penjaga")
    problems += _visit(page, "moderator", ["/moderasi", site["article"].get_absolute_url()])
    assert not problems, "\n".join(problems)
