from typing import Any

from django import forms
from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wacana.accounts.models import User
from wacana.accounts.roles import is_editor, may_act_on, protected_from
from wacana.articles import actions
from wacana.articles import series as series_actions
from wacana.articles.forms import checked_body
from wacana.articles.models import (
    Article,
    Category,
    CategoryAlias,
    Image,
    Series,
    SiteSettings,
    Tag,
)
from wacana.lib import pagecache
from wacana.lib.text import XmlSafeInput


def _staff(request: HttpRequest) -> User:
    """The signed-in staff member (the admin lets no one else in)."""
    assert isinstance(request.user, User)
    return request.user


def _curation_action(kind: str, on: bool, description: Any) -> Any:
    """An admin action running the curation action on each selected article."""

    def run(
        modeladmin: admin.ModelAdmin[Article], request: HttpRequest, queryset: QuerySet[Article]
    ) -> None:
        if not is_editor(request.user):
            modeladmin.message_user(request, actions.EditorsOnly().message, messages.ERROR)
            return
        changed = skipped = 0
        for article in queryset:
            try:
                changed += actions.curate(_staff(request), article, kind, on)
            except actions.NotPublic:
                skipped += 1
        modeladmin.message_user(
            request, _("Articles changed: %(n)d.") % {"n": changed}, messages.SUCCESS
        )
        if skipped:
            modeladmin.message_user(
                request,
                _("Articles skipped, as only published articles can be curated: %(n)d.")
                % {"n": skipped},
                messages.WARNING,
            )

    run.__name__ = f"{'add' if on else 'remove'}_{kind}"
    return admin.action(description=description)(run)


class AliasInline(admin.TabularInline[CategoryAlias, Category]):
    model = CategoryAlias
    extra = 0


class CleanTextForm(XmlSafeInput, forms.ModelForm[Any]):
    """The admin builds each model's form on this one (its fields come from the admin)."""


class ArticleForm(CleanTextForm):
    """Staff edits obey the writers' rules: clean text, a body that renders quickly."""

    def clean_body(self) -> str:
        return checked_body(self.cleaned_data["body"])


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin[Category]):
    form = CleanTextForm
    list_display = ("name", "slug", "parent", "position")
    list_filter = ("parent",)
    search_fields = ("name", "slug")
    ordering = ("parent__position", "position")
    inlines = [AliasInline]

    def save_model(self, request: HttpRequest, obj: Category, form: Any, change: bool) -> None:
        # Renames and moves go through the action, so old URLs and copied rubrics follow.
        actions.save_category(obj)


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin[Tag]):
    form = CleanTextForm
    list_display = ("name", "slug", "article_count")
    search_fields = ("name", "slug")
    readonly_fields = ("article_count",)

    # A tag's name is on the cards and chips of kept pages: every kept page, and each
    # process's copy of one (wacana/lib/front.py), is made afresh at once.
    def save_model(self, request: HttpRequest, obj: Tag, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        pagecache.forget()

    def delete_model(self, request: HttpRequest, obj: Tag) -> None:
        super().delete_model(request, obj)
        pagecache.forget()


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin[Article]):
    form = ArticleForm
    list_display = (
        "title",
        "author",
        "category",
        "status",
        "published_at",
        "view_count",
        "picked_at",
        "headline_at",
    )
    list_filter = ("status", "category__parent")
    actions = [
        _curation_action(actions.PICK, True, gettext_lazy("Mark as editor's pick")),
        _curation_action(actions.PICK, False, gettext_lazy("Remove from editor's picks")),
        _curation_action(actions.HEADLINE, True, gettext_lazy("Make headline")),
        _curation_action(actions.HEADLINE, False, gettext_lazy("Remove from headlines")),
    ]
    search_fields = ("title", "author__username")
    raw_id_fields = ("author",)
    list_select_related = ("author", "category")
    readonly_fields = (
        "slug",
        "published_at",
        "updated_at",
        "view_count",
        "comment_count",
        "page_count",
        "picked_at",
        "picked_by",
        "headline_at",
        "headline_by",
    )
    fields = (
        "title",
        "slug",
        "author",
        "category",
        "status",
        "body",
        "image_caption",
        "image_source",
        "published_at",
        "updated_at",
        "page_count",
        "view_count",
        "comment_count",
        "picked_at",
        "picked_by",
        "headline_at",
        "headline_by",
    )
    show_full_result_count = False

    def changeform_view(
        self,
        request: HttpRequest,
        object_id: str | None = None,
        form_url: str = "",
        extra_context: dict[str, Any] | None = None,
    ) -> Any:
        # Without the admin's transaction around the whole request: the edit action
        # renders the body first and then opens its own, so the database is not held
        # (SQLite: locked for every writer) while Markdown renders.
        return self._changeform_view(  # type: ignore[attr-defined]  # Django's, not in django-stubs
            request, object_id, form_url, extra_context
        )

    def save_model(self, request: HttpRequest, obj: Article, form: Any, change: bool) -> None:
        # Staff edits go through the same action as the writer's, so pages re-render.
        data = {
            name: form.cleaned_data[name] for name in form.changed_data if name in form.cleaned_data
        }
        if not change:
            super().save_model(request, obj, form, change)
            return
        fresh = Article.objects.get(pk=obj.pk)
        status = data.pop("status", None)
        data.pop("author", None)
        # The action logs an edit of someone else's article and tells its writer.
        actions.update_article(_staff(request), fresh, data)
        if status == "published":
            actions.publish_article(_staff(request), fresh)
        elif status == "draft":
            actions.unpublish_article(_staff(request), fresh)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # articles are written on the "Tulis" page or through the API

    # Not an administrator's article for a moderator or editor (accounts.roles).
    def has_change_permission(self, request: HttpRequest, obj: Article | None = None) -> bool:
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or may_act_on(request.user, obj.author))

    def has_delete_permission(self, request: HttpRequest, obj: Article | None = None) -> bool:
        allowed = super().has_delete_permission(request, obj)
        return allowed and (obj is None or may_act_on(request.user, obj.author))

    def delete_model(self, request: HttpRequest, obj: Article) -> None:
        actions.delete_article(_staff(request), obj)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Article]) -> None:
        # Through the action (counts, search index), and not others' above the staff member.
        allowed = queryset.exclude(
            author__in=User.objects.filter(protected_from(request.user)).values("pk")
        )
        for article in allowed:
            self.delete_model(request, article)


@admin.register(Image)
class ImageAdmin(admin.ModelAdmin[Image]):
    list_display = ("file", "owner", "width", "height", "created_at")
    raw_id_fields = ("owner",)


@admin.register(SiteSettings)
class SiteSettingsAdmin(admin.ModelAdmin[SiteSettings]):
    list_display = ("__str__", "promo_text")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return not SiteSettings.objects.exists()


@admin.register(Series)
class SeriesAdmin(admin.ModelAdmin[Series]):
    """Staff look; the writer sets a series' name and parts (wacana.articles.series)."""

    list_display = ["name", "owner", "updated_at"]
    search_fields = ["name", "owner__username"]
    readonly_fields = ["owner", "name", "slug", "description", "created_at", "updated_at"]
    raw_id_fields = ["owner"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Series | None = None) -> bool:
        return False

    def delete_model(self, request: HttpRequest, obj: Series) -> None:
        series_actions.delete_series(obj)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Series]) -> None:
        for series in queryset:
            series_actions.delete_series(series)
