"""The JSON API, version 1, assembled from each app's router."""

from ninja import NinjaAPI

from wacana.accounts.api import router as accounts_router
from wacana.accounts.feed_api import router as feed_router
from wacana.articles.api import router as articles_router
from wacana.discovery.api import router as discovery_router
from wacana.discussion.api import router as discussion_router
from wacana.lib import apierrors
from wacana.moderation.api import router as moderation_router
from wacana.notifications.api import router as notifications_router
from wacana.privacy.api import router as privacy_router

api = NinjaAPI(
    title="Wacana API",
    version="1",
    description="The JSON API of Wacana, a community blogging platform for Indonesia.",
    urls_namespace="api",
    parser=apierrors.JsonParser(),
)
apierrors.install(api)
api.add_router("", accounts_router)
api.add_router("", privacy_router)
api.add_router("", feed_router)
api.add_router("", articles_router)
api.add_router("", discussion_router)
api.add_router("", moderation_router)
api.add_router("", notifications_router)
api.add_router("", discovery_router)
