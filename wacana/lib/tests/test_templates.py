"""The site's templates are sent without their source layout, and render as before."""

from pathlib import Path

import django.contrib.admin
from django.conf import settings
from django.template.loader import get_template

from wacana.lib.templates import _is_project_template, compact


def test_line_start_indentation_goes_and_line_breaks_stay() -> None:
    source = "<ul>\n  <li>\n    Satu\n    <strong>dua</strong>\n  </li>\n</ul>\n"
    assert compact(source) == "<ul>\n<li>\nSatu\n<strong>dua</strong>\n</li>\n</ul>\n"


def test_a_tag_laid_out_over_lines_is_one_tag_again() -> None:
    source = (
        '<a class="button"\n   rel="next"\n   href="?cursor={{ c|urlencode }}"'
        '{% if x %} data-x{% endif %}>Lagi</a>\n<img src="a.png"\n     alt="" />'
    )
    assert compact(source) == (
        '<a class="button" rel="next" href="?cursor={{ c|urlencode }}"'
        '{% if x %} data-x{% endif %}>Lagi</a>\n<img src="a.png" alt="" />'
    )


def test_quoted_values_and_django_syntax_are_left_as_written() -> None:
    source = (
        '<p title="a\n  b">{% translate "x" %}</p>\n'
        "  {# a comment #}\n"
        '<input value="{% if a %}1{% else %}2{% endif %}"\n       name="n">'
    )
    assert compact(source) == (
        '<p title="a\n  b">{% translate "x" %}</p>\n'
        "{# a comment #}\n"
        '<input value="{% if a %}1{% else %}2{% endif %}" name="n">'
    )


def test_raw_text_elements_and_untrimmed_translations_keep_their_whitespace() -> None:
    source = (
        "<pre>\n  kode\n    menjorok\n</pre>\n"
        "<textarea name=body>\n  teks\n</textarea>\n"
        "<script>\n  const a = `\n    b`;\n</script>\n"
        "{% blocktranslate %}Halo\n  dunia{% endblocktranslate %}\n"
        "  {% blocktranslate trimmed %}\n    Halo\n  {% endblocktranslate %}"
    )
    assert compact(source) == (
        "<pre>\n  kode\n    menjorok\n</pre>\n"
        "<textarea name=body>\n  teks\n</textarea>\n"
        "<script>\n  const a = `\n    b`;\n</script>\n"
        "{% blocktranslate %}Halo\n  dunia{% endblocktranslate %}\n"
        "{% blocktranslate trimmed %}\nHalo\n{% endblocktranslate %}"
    )


def test_only_the_sites_own_html_templates_are_compacted() -> None:
    base = Path(settings.BASE_DIR)
    assert _is_project_template(base / "templates" / "base.html")
    assert _is_project_template(base / "wacana" / "pages" / "templates" / "pages" / "x.html")
    admin = Path(django.contrib.admin.__file__).parent
    assert not _is_project_template(admin / "templates" / "admin" / "base.html")
    rendered = get_template("includes/verified.html").render({"person": None})
    assert rendered.strip() == ""
