"""Real-browser journeys through the account pages, in the Indonesian interface.

Form fields are found by their `name`, so that these tests do not depend on how a
label is translated; messages that the server writes are compared with the Indonesian
text that Django itself would render.
"""

import re
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from playwright.sync_api import Locator, Page, expect

from wacana.accounts import actions
from wacana.accounts.forms import LoginForm
from wacana.testing.browser import sign_in
from wacana.testing.images import image_bytes
from wacana.testing.language import indonesian
from wacana.testing.personas import PASSWORD, make_user

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

WEBP_SRC = re.compile(r"\.webp$")


def loaded(image: Locator) -> None:
    """Assert that `image` shows a WebP file that the browser has decoded."""
    expect(image).to_have_attribute("src", WEBP_SRC)
    expect(image).to_have_js_property("complete", True)
    assert image.evaluate("img => img.naturalWidth") > 0, image.get_attribute("src")


def account_menu(page: Page) -> Locator:
    return page.locator("header details.menu")


def open_account_menu(page: Page) -> Locator:
    menu = account_menu(page)
    if menu.get_attribute("open") is None:
        menu.locator("summary").click()
    expect(menu).to_have_attribute("open", "")
    return menu


def switch_language(page: Page, code: str) -> None:
    form = page.locator("footer form:has(select[name=language])")
    form.locator("select[name=language]").select_option(code)
    form.get_by_role("button").click()
    expect(page.locator("html")).to_have_attribute("lang", code)


def test_sign_up_edit_profile_upload_photo_and_switch_language(
    page: Page, live_server: Any, tmp_path: Path
) -> None:
    username, name = "sari.wulandari", "Sari Wulandari"
    tagline = "Guru SD di Kupang"
    bio = "Menulis tentang sekolah di pulau.\nDan kopi dari Bajawa."

    # Sign up: the new person lands on the edit-profile page, signed in.
    page.goto("/daftar")
    expect(page.locator("html")).to_have_attribute("lang", "id")
    form = page.locator("main form")
    form.locator("input[name=username]").fill(username)
    form.locator("input[name=display_name]").fill(name)
    form.locator("input[name=email]").fill("sari@example.com")
    form.locator("input[name=password]").fill(PASSWORD)
    form.get_by_role("button").click()
    expect(page).to_have_url(f"{live_server.url}/akun/profil")
    expect(page.get_by_role("status")).to_have_text(
        indonesian("Welcome to Wacana! Tell readers a little about yourself.")
    )
    expect(account_menu(page).locator("summary")).to_contain_text(name)

    # Tagline and bio.
    profile_form = page.locator("main form:has(textarea[name=bio])")
    expect(profile_form.locator("input[name=display_name]")).to_have_value(name)
    profile_form.locator("input[name=tagline]").fill(tagline)
    profile_form.locator("textarea[name=bio]").fill(bio)
    profile_form.get_by_role("button").click()
    expect(page.get_by_role("status")).to_have_text(indonesian("Your profile has been saved."))
    expect(page.locator("input[name=tagline]")).to_have_value(tagline)
    expect(page.locator("textarea[name=bio]")).to_have_value(bio)

    # A photo: a real PNG, re-encoded by the site as WebP.
    photo = tmp_path / "foto-sari.png"
    photo.write_bytes(image_bytes("PNG", (400, 300)))
    avatar_form = page.locator("main form[action='/akun/foto']:has(input[type=file])")
    avatar_form.locator("input[name=avatar]").set_input_files(photo)
    avatar_form.locator("button[type=submit]").click()
    expect(page).to_have_url(f"{live_server.url}/akun/profil")
    expect(page.get_by_role("status")).to_have_text(
        indonesian("Your profile photo has been updated.")
    )
    loaded(page.locator("main .avatar-edit img.avatar"))
    loaded(account_menu(page).locator("summary img.avatar"))

    # Sign out through the account menu, then back in through /masuk.
    open_account_menu(page).locator("form[action='/keluar']").get_by_role("button").click()
    expect(page).to_have_url(f"{live_server.url}/")
    expect(account_menu(page)).to_have_count(0)
    expect(page.locator("header a[href='/masuk']")).to_be_visible()

    sign_in(page, username)
    expect(page).to_have_url(f"{live_server.url}/")
    expect(account_menu(page).locator("summary")).to_contain_text(name)

    # The public profile shows what was written, the photo and the date joined.
    page.goto(f"/{username}")
    expect(page.get_by_role("heading", level=1)).to_have_text(name)
    profile = page.locator("main section.profile")
    expect(profile.locator(".handle")).to_have_text(f"@{username}")
    expect(profile.locator(".tagline")).to_have_text(tagline)
    expect(profile.locator(".bio")).to_have_text(bio, use_inner_text=True)
    loaded(profile.locator("img.avatar"))
    joined = profile.locator(".joined")
    expect(joined).to_contain_text("Bergabung")
    expect(joined.locator("time")).to_have_attribute("datetime", re.compile(r"^\d{4}-\d\d-\d\d"))

    # English through the footer, on the same page, and back to Indonesian.
    switch_language(page, "en")
    expect(page).to_have_url(f"{live_server.url}/{username}")
    expect(joined).to_contain_text("Joined")
    expect(open_account_menu(page).get_by_role("button", name="Sign out")).to_be_visible()

    switch_language(page, "id")
    expect(page).to_have_url(f"{live_server.url}/{username}")
    expect(joined).to_contain_text("Bergabung")
    expect(open_account_menu(page).get_by_role("button", name="Sign out")).to_have_count(0)
    # What the writer wrote is never translated.
    expect(profile.locator(".tagline")).to_have_text(tagline)


def test_wrong_password_shows_an_error_and_stays_on_sign_in(page: Page, live_server: Any) -> None:
    make_user("budi.santoso", display_name="Budi Santoso")

    sign_in(page, "budi.santoso", "bukan-sandinya-123", expect_signed_in=False)

    expect(page).to_have_url(f"{live_server.url}/masuk")
    with translation.override("id"):
        expected = str(LoginForm.error_messages["invalid_login"])
    assert expected == "Nama pengguna atau kata sandi salah."
    expect(page.get_by_role("alert")).to_have_text(expected)
    expect(page.locator("input[name=username]")).to_have_value("budi.santoso")
    expect(page.locator("input[name=password]")).to_have_value("")
    expect(account_menu(page)).to_have_count(0)


def test_a_file_that_is_not_an_image_is_refused_and_the_old_photo_stays(
    page: Page, live_server: Any, tmp_path: Path
) -> None:
    user = make_user("dewi.lestari", display_name="Dewi Lestari")
    actions.set_avatar(user, SimpleUploadedFile("lama.png", image_bytes(), "image/png"))
    old_avatar = user.avatar.name
    sign_in(page, "dewi.lestari")
    expect(account_menu(page)).to_be_visible()

    page.goto("/akun/profil")
    current = page.locator("main .avatar-edit img.avatar")
    loaded(current)
    old_src = current.get_attribute("src")
    assert old_src is not None

    fake = tmp_path / "bukan-gambar.png"
    fake.write_text("Ini catatan belanja, bukan foto.\n")
    avatar_form = page.locator("main form[action='/akun/foto']:has(input[type=file])")
    avatar_form.locator("input[name=avatar]").set_input_files(fake)
    avatar_form.locator("button[type=submit]").click()

    expect(page).to_have_url(f"{live_server.url}/akun/foto")
    error = page.locator("main .field.has-error #id_avatar_error")
    expect(error).to_have_text(indonesian("The file is not an image we can read."))
    expect(page.get_by_role("status")).to_have_count(0)
    # The photo on the page and in the database is still the old one.
    expect(current).to_have_attribute("src", old_src)
    loaded(current)
    user.refresh_from_db()
    assert user.avatar.name == old_avatar
    assert user.avatar.storage.exists(old_avatar)
