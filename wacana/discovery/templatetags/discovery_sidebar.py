"""The wide screens' sidebar as a tag, so any page can show it by setting `with_sidebar`
in its context: the apps below discovery (the article page) need not import it."""

from typing import Any

from django import template

from wacana.discovery import sidebar

register = template.Library()


@register.inclusion_tag("includes/sidebar.html", takes_context=True)
def site_sidebar(context: template.Context) -> dict[str, Any]:
    return {"sidebar": sidebar.sidebar(), "hide_picks": context.get("hide_picks", False)}
