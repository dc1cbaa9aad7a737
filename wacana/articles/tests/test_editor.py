"""The writing page around its editor: the featured image survives "Pratinjau" and form
errors, the editor bundle stays within its size budget and loads only on /tulis."""

import gzip
import io
import os
import re
import time
from pathlib import Path

from django.core import signing
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.test import Client

from wacana.accounts.models import User
from wacana.articles import pending
from wacana.articles.models import Article
from wacana.articles.tests.test_pages import form_data
from wacana.testing.content import draft
from wacana.testing.html import html
from wacana.testing.images import not_an_image, upload
from wacana.testing.personas import make_user, signed_in

ROOT = Path(__file__).resolve().parents[3]
BUNDLE = ROOT / "static/js/editor.js"
BUDGET = 120 * 1024


def pending_token(response: object) -> str:
    field = html(response).select("input[name=pending_image]")
    assert len(field) == 1, "the page does not carry the pending featured image"
    return field[0]["value"]


def pending_files() -> list[str]:
    if not default_storage.exists("pending"):
        return []
    return default_storage.listdir("pending")[1]


def test_the_featured_image_survives_preview_and_is_published_with_the_article(
    writer: User,
) -> None:
    client = signed_in(writer)
    response = client.post(
        "/tulis",
        form_data(intent="preview", image=upload(), image_caption="Sawah", image_source="Pribadi"),
    )
    assert response.status_code == 200
    token = pending_token(response)
    page = html(response)
    shown = page.one("fieldset.featured-edit img.featured-thumb")["src"]
    assert re.fullmatch(rf"/media/pending/{writer.pk}-[0-9a-f]+\.webp", shown), shown
    assert page.one("input[name=image_caption]")["value"] == "Sawah"
    assert not Article.objects.exists()
    assert len(pending_files()) == 1

    response = client.post(
        "/tulis",
        form_data(
            intent="publish", pending_image=token, image_caption="Sawah", image_source="Pribadi"
        ),
    )
    assert response.status_code == 302
    article = Article.objects.get()
    assert article.image and article.image_small and article.image_width == 1200
    assert (article.image_caption, article.image_source) == ("Sawah", "Pribadi")
    assert pending_files() == [], "the pending copy is removed once it is the featured image"


def test_the_featured_image_survives_a_form_error(writer: User) -> None:
    client = signed_in(writer)
    response = client.post("/tulis", form_data(title="", image=upload(size=(800, 600))))
    assert response.status_code == 400
    token = pending_token(response)

    response = client.post("/tulis", form_data(pending_image=token))
    assert response.status_code == 302
    article = Article.objects.get()
    assert article.image_width == 800


def test_an_edit_with_a_form_error_keeps_the_new_image_and_the_old_one_stays_until_saved(
    writer: User,
) -> None:
    article = draft(writer)
    client = signed_in(writer)
    response = client.post(
        f"/tulis/{article.pk}", form_data(category="", image=upload(size=(900, 600)))
    )
    assert response.status_code == 400
    token = pending_token(response)
    article.refresh_from_db()
    assert not article.image
    client.post(f"/tulis/{article.pk}", form_data(pending_image=token))
    article.refresh_from_db()
    assert article.image_width == 900


def test_a_pending_image_can_be_replaced_and_removed(writer: User) -> None:
    client = signed_in(writer)
    first = pending_token(client.post("/tulis", form_data(intent="preview", image=upload())))
    response = client.post(
        "/tulis",
        form_data(intent="preview", pending_image=first, image=upload(size=(640, 480))),
    )
    second = pending_token(response)
    assert second != first
    assert len(pending_files()) == 1, "the replaced copy is deleted"

    response = client.post("/tulis", form_data(pending_image=second, remove_image="1"))
    assert response.status_code == 302
    assert not Article.objects.get().image
    assert pending_files() == []


def test_another_writers_token_or_a_forged_one_is_ignored(writer: User) -> None:
    token = pending_token(
        signed_in(writer).post("/tulis", form_data(intent="preview", image=upload()))
    )
    other = make_user("lain.penulis")
    for forged in (token, token + "x", "pending/1-abc.webp", "x" * 5000, ""):
        response = signed_in(other).post("/tulis", form_data(pending_image=forged))
        assert response.status_code == 302
    assert not Article.objects.filter(image__gt="").exists()
    assert len(pending_files()) == 1, "another writer cannot delete it either"


def test_a_rejected_featured_image_on_preview_says_why(writer: User) -> None:
    response = signed_in(writer).post(
        "/tulis", form_data(intent="preview", image=upload(content=not_an_image()))
    )
    assert response.status_code == 400
    assert html(response).select(".form-errors")
    assert not html(response).select("input[name=pending_image]")
    assert pending_files() == []


def test_the_committed_editor_bundle_is_within_120_kb_gzip() -> None:
    size = len(gzip.compress(BUNDLE.read_bytes(), compresslevel=9, mtime=0))
    assert 10_000 < size <= BUDGET, f"static/js/editor.js is {size / 1024:.1f} KB gzip"


def test_the_editor_loads_only_on_the_writing_page(client: Client, writer: User) -> None:
    article = draft(writer)
    signed = signed_in(writer)
    write_page = signed.get("/tulis").content.decode()
    assert re.search(r'<script src="/static/js/editor\.js" defer>', write_page)
    assert "data-editor" in write_page
    assert "editor.js" in signed.get(f"/tulis/{article.pk}").content.decode()
    for url in ("/", "/dasbor", "/masuk"):
        assert "editor.js" not in signed.get(url).content.decode(), url


def test_pending_images_older_than_their_token_are_pruned(writer: User) -> None:
    client = signed_in(writer)
    old = pending_token(client.post("/tulis", form_data(intent="preview", image=upload())))
    fresh = pending_token(client.post("/tulis", form_data(intent="preview", image=upload())))
    old_name = signing.loads(old, salt=f"wacana.articles.pending-image.{writer.pk}")
    past = time.time() - pending.MAX_AGE - 60
    os.utime(default_storage.path(old_name), (past, past))

    out = io.StringIO()
    call_command("prune_pending_images", stdout=out)
    assert out.getvalue().strip() == "1 pending images deleted."
    assert not default_storage.exists(old_name)
    assert pending.find(writer, fresh) is not None


def test_without_javascript_a_body_image_takes_its_description_and_caption(
    client: Client, writer: User
) -> None:
    from wacana.articles.models import Image

    response = signed_in(writer).post(
        "/tulis",
        form_data(
            body="Paragraf pertama.",
            intent="publish",
            body_image=upload(size=(800, 600)),
            body_image_alt="Anak-anak [kelas 3] di *halaman*",
            body_image_caption='Upacara "Senin"\n pagi',
        ),
    )
    assert response.status_code == 302
    article = Article.objects.get()
    image = Image.objects.get()
    assert article.body.rstrip().endswith(
        "![Anak\\-anak \\[kelas 3\\] di \\*halaman\\*]"
        f'({image.file.url} "Upacara \\"Senin\\" pagi")'
    ), article.body
    page = html(client.get(article.get_absolute_url()))
    figure = page.one("div.body figure")
    assert figure.one("img")["alt"] == "Anak-anak [kelas 3] di *halaman*"
    assert figure.one("figcaption").text == 'Upacara "Senin" pagi'


def test_the_writing_page_asks_for_alt_text_and_caption_in_a_labelled_dialog(
    writer: User,
) -> None:
    page = html(signed_in(writer).get("/tulis"))
    dialog = page.one("dialog.image-dialog")
    assert dialog.one(f"h2#{dialog['aria-labelledby']}").text
    for field in ("#image-alt", "#image-caption"):
        assert page.one(f"label[for={field[1:]}]").text
        assert not dialog.one(field).get("name"), "the dialog's fields are not the article's"
    assert dialog.select("button[data-answer=insert]") and dialog.select(
        "button[data-answer=cancel]"
    )
    # The fallback without JavaScript asks the same two things.
    nojs = page.one("fieldset.body-image-nojs")
    assert nojs.select("input[name=body_image_alt]") and nojs.select(
        "input[name=body_image_caption]"
    )
