"""Discovery endpoints of the JSON API (/api/v1/docs)."""

from ninja import Router

router = Router(tags=["discovery"])

# Each discovery feature keeps its endpoints in its own module.
from wacana.discovery.api_search import router as search_router  # noqa: E402

router.add_router("", search_router)
