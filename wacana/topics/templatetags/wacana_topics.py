"""Topics' parts of pages owned by lower apps: the topic choice on the writing page, the
follow button of a rubric or tag page. Resolved when the page renders, so articles
never imports topics (docs/architecture.md, "hooks")."""

from typing import Any

from django import template
from django.urls import reverse
from django.utils import timezone

from wacana.articles.models import Article, Category, Tag
from wacana.topics import actions
from wacana.topics.models import Topic, TopicArticle

register = template.Library()


@register.inclusion_tag("topics/topic_choice.html", takes_context=True)
def topic_choice(context: Any, article: Article | None) -> dict[str, Any]:
    """A <select name="topic"> of the open topics (and the article's own, even closed),
    shown to the article's writer only."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or (article and article.author_id != user.pk):
        return {"show": False}
    now = timezone.now()
    current = None
    if article is not None:
        link = TopicArticle.objects.select_related("topic").filter(article=article).first()
        current = link.topic if link else None
    topics = list(Topic.objects.open(now).order_by("closes_at", "id")[:50])
    if current is not None and current not in topics:
        topics.insert(0, current)
    if not topics:
        return {"show": False}
    posted = request.POST.get("topic") if request.method == "POST" else None
    chosen = posted if posted is not None else (current.slug if current else "")
    return {
        "show": True,
        "topics": [
            {"topic": topic, "open": topic.is_open(now), "selected": topic.slug == chosen}
            for topic in topics
        ],
    }


@register.inclusion_tag("topics/follow_button.html", takes_context=True)
def follow_button(context: Any, target: Category | Tag | Topic | None) -> dict[str, Any]:
    """+ Ikuti / Berhenti mengikuti for a rubric, sub-category, tag or topic (None: the
    topics as a whole), a form that works without JavaScript."""
    request = context.get("request")
    user = getattr(request, "user", None)
    kind, _fields = actions.kind_and_filter(target)
    slug = getattr(target, "slug", "")
    return {
        "action": (
            reverse("topics:follow", kwargs={"kind": kind, "slug": slug})
            if slug
            else reverse("topics:follow_all", kwargs={"kind": kind})
        ),
        "request": request,
        "signed_in": bool(user and user.is_authenticated),
        "following": actions.is_following(user, target),
        "kind": kind,
        "csrf_token": context.get("csrf_token"),
    }


@register.inclusion_tag("topics/open_topics.html")
def open_topics() -> dict[str, Any]:
    """The open topics, for the home (inside its cached fragment)."""
    return {"topics": list(Topic.objects.open().order_by("closes_at", "id")[:6])}
