"""HTML pages for articles: reading, listings by category and tag, and writing."""

import base64
import functools
import hashlib
import re
import time
from typing import Any, NamedTuple

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db import connection, transaction
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from wacana.accounts import actions as account_actions
from wacana.accounts.models import User
from wacana.accounts.roles import is_editor
from wacana.articles import actions, counting, hooks, related, writing, writing_pages
from wacana.articles import holes as article_holes
from wacana.articles import pending as pending_images
from wacana.articles import series as series_actions
from wacana.articles.access import (
    Stamp,
    can_edit,
    get_article_for_edit,
    get_article_for_reading,
    public_author_id,
    public_stamp,
    stamp_holds,
)
from wacana.articles.forms import ArticleForm, ImageForm
from wacana.articles.limits import TooManyWrites, check_write_limit
from wacana.articles.models import (
    Article,
    ArticlePage,
    ArticleTag,
    Category,
    CategoryAlias,
    RatingKind,
    SiteSettings,
    Status,
    Tag,
)
from wacana.articles.seo import json_ld
from wacana.lib import cursor, offline, pagecache, refusal
from wacana.lib.busy import TryAgainLater
from wacana.lib.images import ImageRejected
from wacana.lib.markdown import image_markdown
from wacana.lib.refusal import NON_FIELD, Refusal
from wacana.lib.uploads import TooManyUploads, count_upload

PAGE_RE = re.compile(r"^[0-9]{1,4}$", re.ASCII)
PAGE_ID_RE = re.compile(r"^[0-9]{1,18}$", re.ASCII)


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user


def _page_param(request: HttpRequest, article: Article) -> int | None:
    """None for ?page=all; 404 for a page that does not exist."""
    all_pages = request.user.is_authenticated and getattr(request.user, "read_all_pages", False)
    return _page_number(request.GET.get("page"), article.page_count, all_pages=all_pages)


def _page_number(raw: str | None, page_count: int, *, all_pages: bool) -> int | None:
    if raw is None:
        return None if all_pages else 1
    if raw == "all":
        return None
    if not PAGE_RE.match(raw) or not 1 <= int(raw) <= page_count:
        raise Http404(_("This article has no such page."))
    return int(raw)


@require_safe
def detail(request: HttpRequest, username: str, pk: str, slug: str | None = None) -> HttpResponse:
    if pagecache.same_but_for_holes(request, ARTICLE_PARAMS):
        stamp = public_stamp(int(pk))
        if (
            stamp is not None
            and (stamp.username, stamp.slug) == (username, slug)
            and article_holes.fits(request.user, stamp)
        ):
            return _kept_detail(request, int(pk), stamp)
    article = get_article_for_reading(request.user, int(pk))
    if username != article.author.username or slug != article.slug:
        target = article.get_absolute_url()
        if request.GET.get("page"):
            target += "?page=" + request.GET["page"][:10]
        return redirect(target, permanent=True)
    number = _page_param(request, article)
    counting.record_page_view(request, article)
    response, saved = _render_detail(request, article, number)
    if article.is_public:
        # The service worker may keep it for reading offline (wacana/lib/offline.py).
        offline.mark(response, offline.SAVED if saved else offline.ARTICLE)
        _mark_counted(request, response)
    return response


def _mark_counted(request: HttpRequest, response: HttpResponse) -> None:
    """Tell a caching proxy that this page's request is what counts its view: it must
    reach Wacana each time, never be kept (deploy/nginx.conf reads this header, and
    hides it from readers)."""
    if not counting.by_beacon(request):
        response[COUNTED_HEADER] = "page"


COUNTED_HEADER = "X-Wacana-Views"


def _kept_detail(request: HttpRequest, pk: int, stamp: Stamp) -> HttpResponse:
    """A public article for a reader who shares the page with every other (see
    pagecache.same_for_everyone), or with their own holes filled (a signed-in reader,
    articles.holes.fits): the view is counted, then the kept page is served, or rendered
    and kept. The lookup costs one plain query (the stamp), not the ORM's."""
    number = _page_number(request.GET.get("page"), stamp.page_count, all_pages=False)
    # Counted before the kept page is looked up, so every view counts exactly once.
    counting.record_page_view(request, counting.Public(pk, stamp.author_id))
    if request.user.is_authenticated:
        article_holes.remember(request, pk, stamp)

    def render_page() -> HttpResponse:
        # Found again by the ORM: hidden meanwhile, it is a 404 (and nothing is kept).
        # Never saved: an anonymous reader has no reading list.
        return _render_detail(request, get_article_for_reading(request.user, pk), number).response

    parts = (
        pagecache.object_version("thread", pk),
        stamp.digest,
        SiteSettings.current().version,
        settings.VIEW_BEACON,  # the page carries a view beacon or not
    )
    before = functools.partial(_still_public_as_kept, pk, stamp.digest, stamp.author_id)
    response = pagecache.serve(request, parts, render_page, before=before)
    offline.mark(response, offline.SAVED if article_holes.saved(request) else offline.ARTICLE)
    _mark_counted(request, response)
    return response


def _still_public_as_kept(pk: int, digest: str, author_id: int, request: HttpRequest) -> bool:
    """Before the front answers an anonymous reader with this page (wacana/lib/front.py):
    what `detail` does before its kept page, the stamp read at most once a second. False
    when the article changed, so the page must be made again."""
    if not stamp_holds(pk, digest, STAMP_SECONDS):
        return False
    counting.record_page_view(request, counting.Public(pk, author_id))
    return True


# How long the front trusts an article's stamp without reading it again (see stamp_holds).
STAMP_SECONDS = 1.0


# A transparent GIF of one pixel: the smallest image every browser takes.
_PIXEL = base64.b64decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7")


@require_safe
def view_beacon(request: HttpRequest, pk: str) -> HttpResponse:
    """The view beacon of an anonymous reader's article page (WACANA_VIEW_COUNTING=beacon):
    the page may have come from a proxy's cache, so its image counts the view. Always
    the same pixel, whether it counted or not (an unknown or hidden article included)."""
    if counting.by_beacon(request):
        author_id = public_author_id(int(pk))
        if author_id is not None:
            counting.record_beacon_view(request, counting.Public(int(pk), author_id))
    response = HttpResponse(_PIXEL, content_type="image/gif")
    # Each view's beacon must reach Wacana: no browser or proxy may keep it.
    response["Cache-Control"] = "no-store"
    response["X-Robots-Tag"] = "noindex"
    return response


# The query parameters of the article page: its page, and the comment thread's page.
ARTICLE_PARAMS = ("page", "komentar")


class _Rendered(NamedTuple):
    """The article page, and whether the reader saved the article (its offline mark)."""

    response: HttpResponse
    saved: bool


def _render_detail(request: HttpRequest, article: Article, number: int | None) -> _Rendered:
    pages = ArticlePage.objects.filter(article=article).only("number", "html")
    if number is not None:
        pages = pages.filter(number=number)
    base_url = f"{request.scheme}://{request.get_host()}"
    canonical = base_url + article.get_absolute_url()
    if number and number > 1:
        canonical += f"?page={number}"
    prev_url = next_url = ""
    if number and number > 1:
        prev_url = article.page_url(number - 1)
    if number and number < article.page_count:
        next_url = article.page_url(number + 1)
    context = {
        "base_url": base_url,
        "canonical": canonical,
        "prev_url": prev_url,
        "next_url": next_url,
        "json_ld": json_ld(article, base_url),
        "share_text": article.title,
        "can_edit": can_edit(request.user, article),
        "may_curate": article.is_public and is_editor(request.user),
        "article": article,
        "pages": list(pages),
        "page_number": number,
        "page_range": range(1, article.page_count + 1),
        **related.for_article(article),
        "site": SiteSettings.current(),
        "current_rubric": article.rubric_id,
        "with_sidebar": True,
        **article_holes.reader_actions_context(request, article),
        **_threads(article),
        "view_beacon_url": (
            reverse("articles:view_beacon", args=[article.pk])
            if settings.VIEW_BEACON and article.is_public
            else ""
        ),
    }
    # What the anonymous readers' cached article block varies on (with the language and
    # saving data, in detail.html).
    context["main_version"] = (
        article.pk,
        number,
        article.status,
        article.updated_at,
        article.image.name,
        article.view_count,
        article.comment_count,
        article.picked_at,
        article.headline_at,
        context["site"].version,
        context["related_version"],
        context["threads_key"],
    )
    return _Rendered(render(request, "articles/detail.html", context), context["is_saved"])


RESPONSES_SHOWN = 5


def _threads(article: Article) -> dict[str, Any]:
    """What ties the article to others (issue 16): the article it responds to, its place
    in a series, and its public responses. A query for each only where there is one (an
    ordinary article costs none); `threads_key` is part of the cached block's key."""
    response_of: dict[str, str] | None = None
    if article.response_to_id:
        original = (
            Article.objects.published()
            .select_related("author")
            .only("pk", "title", "slug", "author__username")
            .filter(pk=article.response_to_id)
            .first()
        )
        if original is not None:
            response_of = {"title": original.title, "url": original.get_absolute_url()}
    navigation = series_actions.navigation(article)
    responses: list[Article] = []
    if article.response_count and article.is_public:
        responses = list(actions.public_responses(article)[:RESPONSES_SHOWN])
    key = repr((response_of, navigation))
    return {
        "response_of": response_of,
        "series_nav": navigation,
        "responses": responses,
        "more_responses": article.response_count > len(responses),
        "responses_url": reverse(
            "articles:responses",
            kwargs={
                "username": article.author.username,
                "pk": article.pk,
                "slug": article.slug or "-",
            },
        ),
        "threads_key": hashlib.blake2b(key.encode(), digest_size=8).hexdigest(),
    }


@require_safe
def responses(request: HttpRequest, username: str, pk: str, slug: str) -> HttpResponse:
    """Every public response to an article, newest first, page by page."""
    article = get_article_for_reading(request.user, int(pk))
    if username != article.author.username or slug != article.slug:
        return redirect(
            "articles:responses",
            username=article.author.username,
            pk=article.pk,
            slug=article.slug or "-",
            permanent=True,
        )
    page = _listing(request, actions.public_responses(article))
    return render(request, "articles/responses.html", {"article": article, "page": page})


def _unknown_action() -> HttpResponseBadRequest:
    """A form posted an action this view does not know (never from the site's own pages)."""
    return HttpResponseBadRequest(_("Unknown action."))


def _listing(request: HttpRequest, queryset: Any, **paginate: Any) -> cursor.Page:
    try:
        return cursor.paginate(queryset, request.GET.get("cursor"), **paginate)
    except cursor.BadCursor:
        raise cursor.no_such_page() from None


@require_safe
def category(request: HttpRequest, slug: str) -> HttpResponse:
    kept = pagecache.same_but_for_holes(request, LISTING_PARAMS)
    version = pagecache.version() if kept else ""
    found = _category(slug, version)
    if found is None:
        alias = get_object_or_404(CategoryAlias.objects.select_related("category"), slug=slug)
        return redirect(alias.category.get_absolute_url(), permanent=True)
    if kept:
        parts = (version, pagecache.row_version(found, found.parent))
        return pagecache.serve(request, parts, lambda: _render_category(request, found))
    return _render_category(request, found)


# Categories (with their rubric) by slug, found once in this process for the site's
# version, which an edit of a category moves (actions.save_category), and for a few
# seconds at most: on a kept page, finding the row cost more than the rest of the view.
_categories: dict[str, tuple[str, float, Category]] = {}
CATEGORY_SECONDS = 10


def _category(slug: str, version: str) -> Category | None:
    """The category `slug`; from this process's memory when `version` (the site's, from
    pagecache) is the one it was found under. "": asked of the database."""
    now = time.monotonic()
    known = _categories.get(slug)
    if version and known is not None and known[0] == version and known[1] > now:
        return known[2]
    found = Category.objects.select_related("parent").filter(slug=slug).first()
    if version and found is not None:
        if len(_categories) >= 1000:
            _categories.clear()
        _categories[slug] = (version, now + CATEGORY_SECONDS, found)
    return found


# The query parameters of a listing: its page.
LISTING_PARAMS = ("cursor",)


def _render_category(request: HttpRequest, found: Category) -> HttpResponse:
    page = _listing(request, Article.objects.published().in_category(found).for_listing())
    # A rubric shows its sub-categories as chips; a sub-category the same row, itself marked.
    children = list(Category.objects.filter(parent_id=found.rubric_id))
    return render(
        request,
        "articles/category.html",
        {
            "category": found,
            "children": children,
            "page": page,
            "current_rubric": found.rubric_id,
            "with_sidebar": True,
        },
    )


@require_safe
def tag(request: HttpRequest, slug: str) -> HttpResponse:
    found = next(iter(Tag.objects.raw(_public_tag_sql(connection.vendor), [slug, True])), None)
    if found is None:
        raise Http404
    if pagecache.same_but_for_holes(request, LISTING_PARAMS):
        parts = (pagecache.version(), pagecache.row_version(found))
        return pagecache.serve(request, parts, lambda: _render_tag(request, found))
    return _render_tag(request, found)


@functools.cache
def _public_tag_sql(vendor: str) -> str:
    """The public tag (Tag.objects.public()) of a slug, written once: on a kept page,
    composing the ORM's query cost 0.6 ms of CPU, ten times running this one."""
    quote = connection.ops.quote_name

    def column(model: Any, name: str) -> str:
        return str(quote(model._meta.get_field(name).column))

    columns = ", ".join(f"t.{quote(field.column)}" for field in Tag._meta.concrete_fields)
    return (
        f"SELECT {columns} FROM {quote(Tag._meta.db_table)} t"  # noqa: S608 - the models' names; values are parameters
        f" WHERE t.{column(Tag, 'slug')} = %s AND EXISTS (SELECT 1"
        f" FROM {quote(ArticleTag._meta.db_table)} a WHERE a.{column(ArticleTag, 'tag')}"
        f" = t.{column(Tag, 'id')} AND a.{column(ArticleTag, 'is_public')} = %s) LIMIT 1"
    )


def _render_tag(request: HttpRequest, found: Tag) -> HttpResponse:
    links = ArticleTag.objects.public_of(found).select_related(
        "article__author", "article__category"
    )
    page = _listing(request, links, id_field="article_id")
    page.items = [link.article for link in page.items]
    return render(request, "articles/tag.html", {"tag": found, "page": page})


@login_required
@require_safe
def dashboard(request: HttpRequest) -> HttpResponse:
    mine = Article.objects.by(_user(request)).select_related("category").defer("body")
    page = _listing(request, mine, time_field="changed_at")
    return render(request, "articles/dashboard.html", {"page": page})


def _initial(article: Article) -> dict[str, Any]:
    return {
        "title": article.title,
        "category": article.category.slug,
        "tags": ", ".join(tag["name"] for tag in article.tag_list),
        "body": article.body,
        "image_caption": article.image_caption,
        "image_source": article.image_source,
    }


def _write_context(user: User, article: Article | None, **extra: Any) -> dict[str, Any]:
    form = extra.get("form")
    if form is not None:
        # Suggestions from the tags already in use (the <datalist> in the page).
        form.fields["tags"].widget.attrs.update({"list": "tag-suggestions", "autocomplete": "off"})
    return {
        "article": article,
        "tag_suggestions": writing_pages.tag_suggestions(),
        "schedule_form": extra.pop("schedule_form", None)
        or writing_pages.ScheduleForm(
            initial={"publish_at": article.publish_at} if article and article.publish_at else None
        ),
        "version": article.version if article else "",
        "revision_count": article.revisions.count() if article else 0,
        "responding_to": extra.pop("responding_to", None) or _responding_to(article, form),
        **extra,
    }


def _write_response(request: HttpRequest, user: User) -> HttpResponse:
    """/tulis?tanggapan=<id>: the writing page for a response to that article ("Tulis
    tanggapan"). Only a published article takes responses; otherwise the page says why."""
    raw = request.GET["tanggapan"]
    try:
        original = actions.respondable(int(raw) if PAGE_ID_RE.match(raw) else None)
    except actions.NotRespondable as refused:
        refusal.to_messages(request, refused)
        form = ArticleForm()
        response = render(request, "articles/write.html", _write_context(user, None, form=form))
        response.status_code = refused.status
        return response
    form = ArticleForm(initial={"response_to": original.pk})
    return render(
        request,
        "articles/write.html",
        _write_context(user, None, form=form, responding_to=original),
    )


def _responding_to(article: Article | None, form: Any) -> Article | None:
    """The original a response answers, for the note at the top of the writing page."""
    if article is not None:
        return article.response_to if article.response_to_id else None
    if form is None:
        return None
    cleaned = getattr(form, "cleaned_data", {}).get("response_to")
    return cleaned if isinstance(cleaned, Article) else None


def _has_image(article: Article | None, data: Any, pending: Any, image_form: Any) -> bool:
    if image_form is not None and image_form.is_valid():
        return True
    if pending is not None:
        return True
    return bool(article and article.image and not data.get("remove_image"))


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def write(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    user = _user(request)
    article = get_article_for_edit(user, pk) if pk else None
    if request.method != "POST":
        if article is None and "tanggapan" in request.GET:
            return _write_response(request, user)
        form = ArticleForm(initial=_initial(article) if article else None)
        return render(request, "articles/write.html", _write_context(user, article, form=form))

    data = request.POST.copy()
    intent = data.get("intent", "save")
    image_form = ImageForm(files=request.FILES) if request.FILES.get("image") else None
    body_upload = request.FILES.get("body_image")
    preview = None
    if image_form is not None or body_upload:
        try:
            count_upload(user.pk)
        except TooManyUploads as limited:
            # Nothing is saved: the text comes back in the form, with the reason.
            form = ArticleForm(data)
            form.is_valid()
            refusal.to_form(form, limited, field=NON_FIELD)
            response = render(
                request,
                "articles/write.html",
                {"form": form, "article": article},
                status=limited.status,
            )
            return refusal.add_headers(response, limited)
    if body_upload:
        # Works without JavaScript: the picture is stored and its Markdown appended.
        try:
            picture = actions.upload_body_image(user, body_upload)
        except ImageRejected as rejected:
            refusal.to_messages(request, rejected)
        else:
            markdown = image_markdown(
                picture.file.url, data.get("body_image_alt", ""), data.get("body_image_caption", "")
            )
            data["body"] = data.get("body", "").rstrip() + f"\n\n{markdown}\n"
    form = ArticleForm(data)
    schedule_form = writing_pages.ScheduleForm(data if intent == "schedule" else None)
    # A featured image chosen before a preview or a form error comes back as a token.
    pending = pending_images.find(user, data.get("pending_image"))
    if pending is not None and data.get("remove_image"):
        pending.discard()
        pending = None
    valid = form.is_valid()
    if valid:
        try:
            check_write_limit(user)
        except TooManyWrites as limited:
            # The text stays in the form, so nothing typed is lost while waiting.
            refusal.to_form(form, limited)
            response = render(
                request,
                "articles/write.html",
                _write_context(
                    user,
                    article,
                    form=form,
                    pending_image=pending,
                    schedule_form=schedule_form,
                    posted_version=data.get("version", ""),
                ),
                status=limited.status,
            )
            return refusal.add_headers(response, limited)
    if valid and intent in ("publish", "schedule"):
        # The check before publishing: what is missing, said as form errors.
        for problem in writing.publish_problems(
            form.cleaned_data, has_image=_has_image(article, data, pending, image_form)
        ):
            form.add_error(None, problem)
        if intent == "schedule" and not schedule_form.is_valid():
            form.add_error(None, _("Choose when to publish the article."))
        valid = form.is_valid()
    conflict = None
    if intent == "preview" or not valid:
        if image_form is not None and image_form.is_valid():
            try:
                kept = pending_images.keep(user, image_form.cleaned_data["image"])
            except ImageRejected as rejected:
                refusal.to_form(form, rejected, field=NON_FIELD)
            else:
                if pending is not None:
                    pending.discard()
                pending = kept
        if form.is_valid():
            preview = writing_pages.preview_context(
                request, user, article, form.cleaned_data, pending=pending
            )
        status = 200 if intent == "preview" and form.is_valid() else 400
        if intent == "preview" and request.GET.get("fragment") == "1":
            # The page's own "Pratinjau" toggle: only the article as readers will see it.
            return render(
                request,
                "articles/preview_fragment.html",
                {"preview": preview, "form": form, "pending_image": pending},
                status=status,
            )
        return render(
            request,
            "articles/write.html",
            _write_context(
                user,
                article,
                form=form,
                preview=preview,
                pending_image=pending,
                schedule_form=schedule_form,
                posted_version=data.get("version", ""),
            ),
            status=status,
        )
    original = article
    # Rendered before the transaction: the database is not held while Markdown renders.
    body = form.cleaned_data["body"]
    rendered = actions.render_body(body) if article is None or body != article.body else None
    try:
        with transaction.atomic():
            article = writing.save_writing(
                user,
                article,
                form.cleaned_data,
                if_version=writing_pages.posted_version(data) if article else None,
                rendered=rendered,
            )
            if image_form is not None and image_form.is_valid():
                actions.set_featured_image(article, image_form.cleaned_data["image"])
            elif pending is not None:
                actions.set_featured_image(article, pending.open())
            elif data.get("remove_image") and article.image:
                actions.remove_featured_image(article)
            hooks.writing_saved(user, article, data)
    except ImageRejected as rejected:
        # Everything in the block was rolled back, a new article included.
        refusal.to_form(form, rejected, field=NON_FIELD)
        return render(
            request,
            "articles/write.html",
            _write_context(user, original, form=form, pending_image=pending),
            status=400,
        )
    except writing.VersionConflict as moved:
        # Nothing was saved. The writer's text stays in the form; saving again (with the
        # newer version now in the page) keeps theirs, reloading the page loads the other.
        conflict = moved.article
        if image_form is not None and image_form.is_valid():
            try:
                pending = pending_images.keep(user, image_form.cleaned_data["image"])
            except ImageRejected:
                pending = None
        return render(
            request,
            "articles/write.html",
            _write_context(user, conflict, form=form, pending_image=pending, conflict=conflict),
            status=409,
        )
    except Refusal as refused:
        # A higher app's part of the page refused (joining a closed topic): nothing was
        # saved, the text stays in the form with the reason.
        refusal.to_form(form, refused, field=NON_FIELD)
        response = render(
            request,
            "articles/write.html",
            _write_context(user, original, form=form, pending_image=pending),
            status=refused.status,
        )
        return refusal.add_headers(response, refused)
    if pending is not None:
        pending.discard()
    if intent == "publish":
        if article.publish_at:
            writing.schedule_publication(user, article, None)
        return _publish(request, article)
    if intent == "schedule":
        try:
            writing.schedule_publication(user, article, schedule_form.cleaned_data["publish_at"])
        except (writing.ScheduleRejected, actions.HiddenByModeration) as refused:
            refusal.to_messages(request, refused)
        else:
            messages.success(
                request,
                _("Saved. The article will be published on %(when)s.")
                % {"when": writing_pages.jakarta(article.publish_at)},
            )
        return redirect("articles:edit", pk=article.pk)
    messages.success(request, _("Saved."))
    return redirect("articles:edit", pk=article.pk)


def _publish(request: HttpRequest, article: Article) -> HttpResponse:
    try:
        actions.publish_article(_user(request), article)
    except (actions.HiddenByModeration, TryAgainLater) as refused:
        # The draft is saved; only the publishing was refused (or rolled back).
        refusal.to_messages(request, refused)
        return redirect("articles:edit", pk=article.pk)
    messages.success(request, _("Your article is published."))
    return redirect(article.get_absolute_url())


@login_required
@require_POST
def change_status(request: HttpRequest, pk: int) -> HttpResponse:
    user = _user(request)
    article = get_article_for_edit(user, pk)
    intent = request.POST.get("intent")
    if intent == "publish":
        return _publish(request, article)
    if intent == "unpublish":
        actions.unpublish_article(user, article)
        messages.success(request, _("The article is a draft again; only you can see it."))
        return redirect("articles:edit", pk=article.pk)
    return _unknown_action()


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def delete(request: HttpRequest, pk: int) -> HttpResponse:
    user = _user(request)
    article = get_article_for_edit(user, pk)
    if request.method == "POST":
        actions.delete_article(user, article)
        messages.success(request, _("The article has been deleted."))
        return redirect("articles:dashboard")
    return render(request, "articles/delete.html", {"article": article})


@login_required
@require_POST
def body_image(request: HttpRequest) -> HttpResponse:
    """Upload for the editor's JavaScript: answers the Markdown to insert."""
    form = ImageForm(files=request.FILES)
    if not form.is_valid():
        return JsonResponse({"detail": _("Choose an image to upload.")}, status=422)
    try:
        count_upload(_user(request).pk)
    except TooManyUploads as limited:
        return refusal.add_headers(
            JsonResponse({"detail": limited.message}, status=limited.status), limited
        )
    try:
        picture = actions.upload_body_image(_user(request), form.cleaned_data["image"])
    except ImageRejected as rejected:
        return JsonResponse({"detail": rejected.message}, status=rejected.status)
    return JsonResponse(
        {"url": picture.file.url, "markdown": f"![]({picture.file.url})", "width": picture.width}
    )


@login_required
@require_POST
def reading_preference(request: HttpRequest) -> HttpResponse:
    account_actions.set_reading_preference(_user(request), request.POST.get("all_pages") == "1")
    target = request.POST.get("next", "/")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = "/"
    return redirect(target)


def _back(request: HttpRequest, fallback: str) -> HttpResponse:
    target = request.POST.get("next", "")
    if not target or not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = fallback
    return redirect(target)


@require_http_methods(["GET", "HEAD", "POST"])
def rate(request: HttpRequest, pk: int) -> HttpResponse:
    """The "Beri Nilai" form without JavaScript: `kind`, or `withdraw`."""
    if request.method != "POST":
        # /nilai/<id> is also the short address of articles by a writer called "nilai".
        return detail(request, "nilai", str(pk))
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    user = _user(request)
    article = get_article_for_reading(user, pk)
    if article.status != Status.PUBLISHED:
        raise Http404
    if article.author_id == user.pk:
        raise PermissionDenied(actions.OwnArticle().message)
    fallback = article.get_absolute_url() + "#nilai"
    try:
        if request.POST.get("withdraw"):
            actions.withdraw_rating(user, article)
            messages.success(request, _("Your rating has been withdrawn."))
            return _back(request, fallback)
        kind = request.POST.get("kind", "")
        if kind not in RatingKind.values:
            return HttpResponseBadRequest(_("Choose one of the ratings."))
        actions.rate_article(user, article, kind)
    except actions.NotRateable:
        raise Http404 from None
    except actions.OwnArticle:
        raise PermissionDenied from None
    messages.success(request, _("Thank you for rating this article."))
    return _back(request, fallback)


@login_required
@require_POST
def save(request: HttpRequest, pk: int) -> HttpResponse:
    """Put an article on the reading list or take it off: `action` is "save", "remove",
    or missing for a toggle."""
    user = _user(request)
    article = get_article_for_reading(user, pk)
    action = request.POST.get("action", "")
    if action not in ("", "save", "remove"):
        return _unknown_action()
    if action == "remove" or (not action and actions.is_saved(user, article)):
        actions.remove_saved(user, article)
        messages.success(request, _("Removed from your reading list."))
    else:
        actions.save_for_later(user, article)
        messages.success(request, _("Saved to your reading list."))
    return _back(request, article.get_absolute_url())


@login_required
@require_safe
def reading_list(request: HttpRequest) -> HttpResponse:
    page = _listing(request, actions.reading_list(_user(request)), time_field="saved_at")
    response = render(request, "articles/reading_list.html", {"page": page})
    if not request.GET:
        # Its first page is kept for reading offline, in this reader's cache only.
        offline.mark(response, offline.LIST)
    return response


_CURATION_DONE = {
    (actions.PICK, True): gettext_lazy("The article is now an editor's pick."),
    (actions.PICK, False): gettext_lazy("The article is no longer an editor's pick."),
    (actions.HEADLINE, True): gettext_lazy("The article is now a headline."),
    (actions.HEADLINE, False): gettext_lazy("The article is no longer a headline."),
}


@login_required
@require_POST
def curate(request: HttpRequest, pk: str) -> HttpResponse:
    """The editors' forms on the article page: `kind` ("pick" or "headline") and
    `action` ("add" or "remove")."""
    user = _user(request)
    if not is_editor(user):
        raise PermissionDenied(actions.EditorsOnly().message)
    kind, action = request.POST.get("kind", ""), request.POST.get("action", "")
    if kind not in (actions.PICK, actions.HEADLINE) or action not in ("add", "remove"):
        return _unknown_action()
    article = get_article_for_reading(user, int(pk))
    try:
        actions.curate(user, article, kind, action == "add")
    except actions.NotPublic as refused:
        refusal.to_messages(request, refused)
    else:
        messages.success(request, _CURATION_DONE[(kind, action == "add")])
    return redirect(article.get_absolute_url())
