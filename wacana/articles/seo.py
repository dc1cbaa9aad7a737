"""Structured data for search engines (schema.org Article as JSON-LD)."""

import json

from django.utils.safestring import SafeString, mark_safe

from wacana.articles.models import Article


def json_ld(article: Article, base_url: str) -> SafeString:
    # The description is the page's <meta name="description"> (and og:description), and the
    # url its canonical address: not repeated here.
    data: dict[str, object] = {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": article.title,
        "url": base_url + article.get_absolute_url(),
        "inLanguage": "id",
        "articleSection": article.category.name,
        "keywords": [tag["name"] for tag in article.tag_list],
        "wordCount": article.word_count,
        "author": {
            "@type": "Person",
            "name": article.author.name,
            "url": base_url + article.author.get_absolute_url(),
        },
        "publisher": {"@type": "Organization", "name": "Wacana"},
    }
    if article.published_at:
        data["datePublished"] = article.published_at.isoformat()
        if article.updated_at and article.shows_update:  # as the page says "Updated:"
            data["dateModified"] = article.updated_at.isoformat()
    if article.image:
        data["image"] = {
            "@type": "ImageObject",
            "url": base_url + article.image.url,
            "width": article.image_width,
            "height": article.image_height,
        }
    # "<" escaped so that no text in the data can close the script element.
    text = (
        json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
    )
    return mark_safe(text)  # noqa: S308 - escaped above
