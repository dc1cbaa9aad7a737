"""Topic pages (/topik...), the follow buttons of rubrics, tags and topics, and the list
of everything one follows (/mengikuti/daftar)."""

import re
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from wacana.accounts.models import Follow as WriterFollow
from wacana.accounts.models import User
from wacana.accounts.roles import is_editor
from wacana.articles.models import Article, Category, Tag
from wacana.lib import cursor, refusal
from wacana.lib.images import ImageRejected
from wacana.topics import actions
from wacana.topics.forms import PictureForm, TopicForm
from wacana.topics.models import Follow, Kind, Topic

SLUG_RE = re.compile(r"^[-a-zA-Z0-9_]{1,100}$")
ORDERS = {"terbaru": ("published_at", "id"), "nilai": ("rating_score", "id")}


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user


def visible_topic(user: Any, slug: str) -> Topic:
    """A started topic for anyone; one still to come only for editors (404 to others)."""
    if not SLUG_RE.match(slug):
        # Checked before a lookup: nothing else can match, and PostgreSQL refuses a NUL.
        raise Http404
    topic = get_object_or_404(Topic, slug=slug)
    if topic.is_upcoming() and not is_editor(user):
        raise Http404
    return topic


def topic_articles(
    topic: Topic, order: str, after: str | None, limit: int | None = None
) -> cursor.Page:
    """A page of the topic's public articles, newest ("terbaru") or best rated ("nilai")
    first; raises cursor.BadCursor for a cursor we did not make."""
    time_field, id_field = ORDERS[order]
    articles = Article.objects.published().filter(topic_link__topic=topic).for_listing()
    return cursor.paginate(articles, after, limit, time_field=time_field, id_field=id_field)


@require_safe
def index(request: HttpRequest) -> HttpResponse:
    now = timezone.now()
    started = Topic.objects.started(now)
    try:
        page = cursor.paginate(started, request.GET.get("cursor"), time_field="opens_at")
    except cursor.BadCursor:
        raise cursor.no_such_page() from None
    upcoming = (
        list(Topic.objects.filter(opens_at__gt=now).order_by("opens_at", "id"))
        if is_editor(request.user)
        else []
    )
    return render(
        request,
        "topics/index.html",
        {"page": page, "upcoming": upcoming, "now": now, "may_edit": is_editor(request.user)},
    )


@require_safe
def detail(request: HttpRequest, slug: str) -> HttpResponse:
    topic = visible_topic(request.user, slug)
    order = request.GET.get("urut", "terbaru")
    if order not in ORDERS:
        order = "terbaru"
    try:
        page = topic_articles(topic, order, request.GET.get("cursor"))
    except cursor.BadCursor:
        raise cursor.no_such_page() from None
    user = request.user
    mine: list[Article] = []
    if isinstance(user, User) and topic.is_open():
        # The writer's own drafts and articles not on a topic yet: "join with one of yours".
        mine = list(
            Article.objects.by(user)
            .filter(topic_link__isnull=True)
            .exclude(status="hidden")
            .order_by("-changed_at", "-id")
            .only("id", "title", "status")[:20]
        )
    return render(
        request,
        "topics/detail.html",
        {
            "topic": topic,
            "page": page,
            "order": order,
            "mine": mine,
            "is_open": topic.is_open(),
            "may_edit": is_editor(user),
        },
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def edit(request: HttpRequest, slug: str | None = None) -> HttpResponse:
    """Create (no slug) or change a topic: editors only (403 to others)."""
    user = _user(request)
    if not is_editor(user):
        raise PermissionDenied(actions.NotAnEditor().message)
    topic = get_object_or_404(Topic, slug=slug[:100]) if slug else None
    form = TopicForm(request.POST or None, instance=topic)
    picture_form = PictureForm(files=request.FILES or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                topic = actions.save_topic(user, topic, form.cleaned_data)
                upload = request.FILES.get("picture")
                if upload is not None:
                    actions.set_picture(user, topic, upload)
                elif request.POST.get("remove_picture") and topic.picture:
                    actions.remove_picture(user, topic)
            except ImageRejected as rejected:
                # The topic is saved; only the picture was refused.
                messages.error(request, rejected.message)
                assert topic is not None
                return redirect("topics:edit", slug=topic.slug)
            except refusal.Refusal as refused:
                refusal.to_form(form, refused)
                status = refused.status
            else:
                messages.success(request, _("The topic is saved."))
                return redirect(topic)
        else:
            status = 400
    return render(
        request,
        "topics/edit.html",
        {"form": form, "picture_form": picture_form, "topic": topic},
        status=status,
    )


@login_required
@require_POST
def join(request: HttpRequest, slug: str) -> HttpResponse:
    """The topic page's "join with one of your articles" form (and leaving a topic)."""
    user = _user(request)
    topic = visible_topic(user, slug)
    raw = request.POST.get("article", "")
    if not (raw.isascii() and raw.isdigit() and len(raw) < 19):
        messages.error(request, _("Choose one of your articles."))
        return redirect(topic)
    article = Article.objects.filter(pk=int(raw)).first()
    if article is None:
        raise Http404
    leave = request.POST.get("action") == "leave"
    try:
        changed = actions.set_article_topic(user, article, None if leave else topic)
    except refusal.Refusal as refused:
        response = render(request, "refused.html", {"refusal": refused}, status=refused.status)
        return refusal.add_headers(response, refused)
    if changed:
        messages.success(
            request,
            _("Your article left the topic.") if leave else _("Your article joined the topic."),
        )
    return redirect(topic)


def _target(kind: str, slug: str) -> Category | Tag | Topic | None:
    slug = slug[:100]
    if kind == Kind.CATEGORY:
        return get_object_or_404(Category, slug=slug)
    if kind == Kind.TAG:
        return get_object_or_404(Tag, slug=slug)
    if kind == Kind.TOPIC:
        return get_object_or_404(Topic, slug=slug, opens_at__lte=timezone.now())
    if kind == Kind.TOPICS:
        return None
    raise Http404


def _next_url(request: HttpRequest) -> str | None:
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return None


@login_required
@require_POST
def follow(request: HttpRequest, kind: str, slug: str = "") -> HttpResponse:
    user = _user(request)
    target = _target(kind, slug)
    name = _name_of(target)
    if request.POST.get("action") == "unfollow":
        if actions.unfollow(user, target):
            messages.success(request, _("You no longer follow %(name)s.") % {"name": name})
    else:
        try:
            if actions.follow(user, target):
                messages.success(request, _("You now follow %(name)s.") % {"name": name})
        except actions.TooManyFollows as refused:
            refusal.to_messages(request, refused)
    if target is None:
        return redirect(_next_url(request) or "topics:index")
    return redirect(_next_url(request) or target.get_absolute_url())


def _name_of(target: Category | Tag | Topic | None) -> str:
    if target is None:
        return _("every new topic")
    if isinstance(target, Tag):
        return f"#{target.name}"
    if isinstance(target, Topic):
        return target.title
    return target.name


@login_required
@require_safe
def following_list(request: HttpRequest) -> HttpResponse:
    """Everything the signed-in person follows, grouped by kind, with unfollow buttons.
    A fixed number of queries, whatever the number of follows."""
    user = _user(request)
    writers = [
        row.followed
        for row in WriterFollow.objects.filter(follower=user, followed__is_active=True)
        .select_related("followed")
        .order_by("followed__display_name", "followed__username")
    ]
    rows = list(
        Follow.objects.filter(follower=user).select_related(
            "category", "category__parent", "tag", "topic"
        )
    )
    rubrics = sorted(
        (
            r.category
            for r in rows
            if r.kind == Kind.CATEGORY and r.category and r.category.is_rubric
        ),
        key=lambda c: c.name.lower(),
    )
    subcategories = sorted(
        (
            r.category
            for r in rows
            if r.kind == Kind.CATEGORY and r.category and not r.category.is_rubric
        ),
        key=lambda c: str(c).lower(),
    )
    tags = sorted(
        (r.tag for r in rows if r.kind == Kind.TAG and r.tag), key=lambda t: t.name.lower()
    )
    topics = sorted(
        (r.topic for r in rows if r.kind == Kind.TOPIC and r.topic), key=lambda t: t.title.lower()
    )
    return render(
        request,
        "topics/following_list.html",
        {
            "writers": writers,
            "rubrics": rubrics,
            "subcategories": subcategories,
            "tags": tags,
            "topics": topics,
            "all_topics": any(r.kind == Kind.TOPICS for r in rows),
            "empty": not (writers or rows),
        },
    )
