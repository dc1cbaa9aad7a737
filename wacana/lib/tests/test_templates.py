"""The site's templates are sent without their source layout, and render as before."""

from pathlib import Path

import django.contrib.admin
from django.conf import settings
from django.template.loader import get_template

from wacana.lib.templates import _is_project_template, compact


def test_line_start_indentation_goes_and_line_breaks_stay() -> None:
    source = "<p>\n  <span>\n    Satu\n    <strong>dua</strong>\n  </span>\n</p>\n"
    assert compact(source) == "<p><span>\nSatu\n<strong>dua</strong>\n</span></p>\n"


def test_the_breaks_just_inside_a_block_go_those_inside_an_inline_element_stay() -> None:
    source = "<ul>\n  <li>\n    Satu\n    <strong>dua</strong>\n  </li>\n</ul>\n<path\n d=''>\n"
    assert compact(source) == "<ul><li>Satu\n<strong>dua</strong></li></ul>\n<path d=''>\n"


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
        "{# a comment #}"
        '<input value="{% if a %}1{% else %}2{% endif %}" name="n">'
    )


def test_a_line_of_tags_that_print_nothing_and_an_empty_line_leave_no_line_break() -> None:
    source = (
        "{% load i18n %}\n<ul>\n  {% for x in xs %}\n\n    <li>{{ x }}</li>\n"
        "  {% endfor %} {# done #}\n</ul>\n"
        # A tag that prints, or a line with anything else on it, keeps its line break.
        '  {% translate "a" %}\n  {% include "b.html" %}\n'
        "{% block d %}{{ x }}{% endblock %}\n{% if a %}<b>{% endif %}\n"
        "  {% translate 'a' as label %}\n  {% url 'home' as home %}\n{% translate 'as' %}\n"
    )
    assert compact(source) == (
        "{% load i18n %}<ul>{% for x in xs %}<li>{{ x }}</li>\n{% endfor %}{# done #}</ul>\n"
        '{% translate "a" %}\n{% include "b.html" %}\n'
        "{% block d %}{{ x }}{% endblock %}\n{% if a %}<b>{% endif %}\n"
        "{% translate 'a' as label %}{% url 'home' as home %}{% translate 'as' %}\n"
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


def test_tags_kept_for_later_print_nothing_but_a_cycle_does() -> None:
    source = (
        "<p>\n  {% blocktranslate with n=x asvar heading %}More in {{ n }}{% endblocktranslate %}\n"
        "  {% report_href 'article' 1 as url %}\n  {% cycle 'a' 'b' as row %}\n"
        "  {% blocktranslate with n=x %}In {{ n }}{% endblocktranslate %}\n</p>\n"
    )
    assert compact(source) == (
        "<p>{% blocktranslate with n=x asvar heading %}More in {{ n }}{% endblocktranslate %}"
        "{% report_href 'article' 1 as url %}{% cycle 'a' 'b' as row %}\n"
        "{% blocktranslate with n=x %}In {{ n }}{% endblocktranslate %}</p>\n"
    )
