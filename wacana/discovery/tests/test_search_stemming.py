"""Indonesian stemming, end to end: a word finds its other forms, in index and query alike."""

import pytest

from wacana.accounts.models import User
from wacana.discovery.stemming import distinct_stems, stem, stems
from wacana.testing.content import found, publish

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("bermain", "permainan"),
        ("memainkan", "bermain"),
        ("pendidikan", "mendidik"),
        ("ekonomi", "perekonomian"),
    ],
)
def test_a_word_and_its_derived_form_share_a_stem(one: str, other: str) -> None:
    assert stem(one) == stem(other) != ""


def test_tokens_are_lower_cased_unicode_aware_and_keep_digits() -> None:
    assert stems("Anak-anak BERMAIN di Kafé 2024!") == [
        "anak",
        "anak",
        "main",
        "di",
        "kafe",
        "2024",
    ]
    assert stems("🙂 ??? ---") == []
    assert distinct_stems("main bermain permainan") == ["main"]
    assert stems("COVID19 12e3abc") == ["covid", "19", "12", "e", "3", "abc"]


@pytest.mark.parametrize(
    ("written", "query"),
    [
        ("Anak-anak desa menyukai permainan tradisional", "bermain"),
        ("Mereka bermain bola di lapangan", "memainkan"),
        ("Guru yang sabar mendidik murid", "pendidikan"),
        ("Perekonomian warga pulih setelah panen", "ekonomi"),
    ],
)
def test_search_finds_other_forms_of_the_word_in_titles_and_bodies(
    writer: User, written: str, query: str
) -> None:
    in_title = publish(writer, written, "Isi catatan pendek.")
    in_body = publish(writer, "Catatan sore", f"Pagi itu. {written}.")
    publish(writer, "Tulisan lain", "Tidak ada hubungannya sama sekali.")
    assert found(query) == [in_title.pk, in_body.pk]


def test_tags_are_searchable(writer: User) -> None:
    tagged = publish(writer, "Catatan", "Isi.", tags="Pertanian Organik")
    assert found("organik") == [tagged.pk]


def test_the_snippet_marks_the_first_match_deep_in_a_long_body() -> None:
    from wacana.discovery.search import snippet

    body = (
        "Pembuka cerita. "
        + "Kalimat pengisi yang panjang. " * 400
        + "Ibu MENULIS surat [di sini](https://contoh.id/tulis)."
    )
    found = str(snippet(body, {"tulis"}))
    assert found.startswith("… ")
    assert "<mark>MENULIS</mark>" in found and found.count("<mark>") == 1
    assert "https" not in found and found.endswith("di sini.")


def test_without_a_body_match_the_snippet_is_the_opening_and_escaped() -> None:
    from wacana.discovery.search import highlight, snippet

    assert str(snippet("Kopi & <teh> manis.", {"gula"})) == "Kopi &amp; manis."
    assert str(highlight("Bermain <i>bola</i>", {"main"})) == (
        "<mark>Bermain</mark> &lt;i&gt;bola&lt;/i&gt;"
    )


def test_letters_and_digits_written_together_are_found_on_every_database(writer: User) -> None:
    article = publish(writer, "Vaksin COVID19 dan kode 12e3abc", "Isi.")
    for q in ("covid19", "COVID 19", "12e3abc", "abc"):
        assert found(q) == [article.pk], q
