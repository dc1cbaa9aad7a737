from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from wacana.articles import actions
from wacana.articles.models import Article, Category, CategoryAlias, Image, SiteSettings, Tag
from wacana.moderation.actions import log_staff_edit, staff_changes


class AliasInline(admin.TabularInline):
    model = CategoryAlias
    extra = 0


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ("name", "slug", "parent", "position")
    list_filter = ("parent",)
    search_fields = ("name", "slug")
    ordering = ("parent__position", "position")
    inlines = [AliasInline]

    def save_model(self, request: HttpRequest, obj: Category, form: Any, change: bool) -> None:
        # Renames and moves go through the action, so old URLs and copied rubrics follow.
        actions.save_category(obj)


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ("name", "slug", "article_count")
    search_fields = ("name", "slug")
    readonly_fields = ("article_count",)


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ("title", "author", "category", "status", "published_at", "view_count")
    list_filter = ("status", "category__parent")
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
    )
    show_full_result_count = False

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
        changes = staff_changes(request.user, fresh, data)  # type: ignore[arg-type]
        actions.update_article(request.user, fresh, data)  # type: ignore[arg-type]
        if changes:
            log_staff_edit(request.user, fresh, changes)  # type: ignore[arg-type]
        if status == "published":
            actions.publish_article(request.user, fresh)  # type: ignore[arg-type]
        elif status == "draft":
            actions.unpublish_article(request.user, fresh)  # type: ignore[arg-type]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # articles are written on the "Tulis" page or through the API

    def delete_model(self, request: HttpRequest, obj: Article) -> None:
        actions.delete_article(request.user, obj)  # type: ignore[arg-type]


@admin.register(Image)
class ImageAdmin(admin.ModelAdmin):
    list_display = ("file", "owner", "width", "height", "created_at")
    raw_id_fields = ("owner",)


@admin.register(SiteSettings)
class SiteSettingsAdmin(admin.ModelAdmin):
    list_display = ("__str__", "promo_text")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return not SiteSettings.objects.exists()
