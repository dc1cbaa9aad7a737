import re

from django.urls import URLPattern, URLResolver, path, re_path

from wacana.accounts.validators import RESERVED_USERNAMES
from wacana.discovery import feeds, sitemaps, views

app_name = "discovery"

# "<username>/feed" must not swallow other two-segment paths such as /kategori/feed or
# /tag/feed (a category or tag whose slug is "feed"): no writer can have a reserved
# name, so those prefixes are left to the apps that own them.
_NOT_RESERVED = "(?!(?:{})/)".format(
    "|".join(re.escape(name) for name in sorted(RESERVED_USERNAMES))
)

urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.home, name="home"),
    path("cari", views.search_page, name="search"),
    path("pilihan", views.picks, name="picks"),
    path("mengikuti", views.following, name="following"),
    path("feed", feeds.site_feed, name="feed"),
    path("kategori/<slug:slug>/feed", feeds.category_feed, name="category_feed"),
    path("tag/<slug:slug>/feed", feeds.tag_feed, name="tag_feed"),
    re_path(
        rf"^{_NOT_RESERVED}(?P<username>[A-Za-z0-9_.]{{3,30}})/feed$",
        feeds.writer_feed,
        name="writer_feed",
    ),
    path("sitemap.xml", sitemaps.index, name="sitemap_index"),
    path("sitemap-<slug:section>.xml", sitemaps.section, name="sitemap_section"),
]
