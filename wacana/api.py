"""The JSON API, version 1, assembled from each app's router; served with its OpenAPI
document at /api/v1/openapi.json and /api/v1/docs.

The document is ninja's, completed here with what ninja cannot infer from a handler:
who may call each operation (public, optional or required sign-in), the links from an
operation that creates something to those that use it, and the error answers every
operation can give (429 and 503 included).
"""

import copy
from typing import Any

from django.conf import settings
from ninja import NinjaAPI

from wacana.accounts.api import router as accounts_router
from wacana.accounts.auth import Anyone, SessionCookieAuth, TokenAuth
from wacana.articles.api import router as articles_router
from wacana.discovery.api import router as discovery_router
from wacana.discussion.api import router as discussion_router
from wacana.lib import apierrors
from wacana.moderation.api import router as moderation_router
from wacana.notifications.api import router as notifications_router
from wacana.points.api import router as points_router
from wacana.privacy.api import router as privacy_router
from wacana.topics.api import router as topics_router

DESCRIPTION = """\
**Bahasa Indonesia.** API JSON Wacana, platform blog komunitas untuk Indonesia: daftar
akun, tulis dan terbitkan artikel, beri nilai, tanggapi, ikuti penulis, simpan bacaan,
laporkan pelanggaran. Masuk dengan token (`POST /api/v1/auth/token`, lalu header
`Authorization: Bearer <token>`) atau dengan sesi peramban (cookie `sessionid`, dengan
header `X-CSRFToken` untuk permintaan yang mengubah data). Setiap galat berbentuk
`{"detail": "<kalimat>", "errors": {"<kolom>": ["..."]}}`; bahasanya mengikuti
`Accept-Language` (`id` atau `en`).

**English.** The JSON API of Wacana, a community blogging platform for Indonesia: sign
up, write and publish articles, rate, comment, follow writers, keep a reading list,
report abuse. Sign in with a token (`POST /api/v1/auth/token`, then the header
`Authorization: Bearer <token>`) or with the browser's session (the `sessionid` cookie,
with an `X-CSRFToken` header on requests that change data). Every error has the shape
`{"detail": "<sentence>", "errors": {"<field>": ["..."]}}`, in the language of
`Accept-Language` (`id` or `en`).

Rules: every limit a field has is in this document (lengths, patterns, ranges, choices);
what only the site's data decides (a category that exists, a username already taken, a
password too common) is said in the field's description and answered 422 or 409. Text
never holds U+0000 (422). Lists are paged with `cursor` and `limit`: send back the
`next_cursor` of a page for the next one. Too many requests: 429 with `Retry-After`; the
site momentarily busy: 503 with `Retry-After` (nothing was changed, try again).
"""

TOKEN = "TokenAuth"  # noqa: S105 - a security scheme's name
SESSION = "SessionCookieAuth"
SECURITY_SCHEMES = {
    TOKEN: {
        "type": "http",
        "scheme": "bearer",
        "description": (
            "A token from POST /api/v1/auth/token (shown once). / Token dari "
            "POST /api/v1/auth/token (ditampilkan sekali)."
        ),
    },
    SESSION: {
        "type": "apiKey",
        "in": "cookie",
        "name": "sessionid",
        "description": (
            "The browser's session after signing in on the site; requests that change data "
            "also send the CSRF token (header X-CSRFToken), else 403. / Sesi peramban "
            "setelah masuk di situs; permintaan yang mengubah data juga mengirim token CSRF."
        ),
    },
}

ERROR_MEANINGS = {
    "400": "The request could not be understood (e.g. the body is not a JSON object).",
    "401": "Sign in first: send a valid token or a session cookie.",
    "403": "Signed in, but not allowed to do this.",
    "404": "Not found, or not visible to the caller.",
    "409": "In conflict with the current state (taken, already done, changed meanwhile).",
    "413": "The request (or the uploaded file) is too large.",
    "415": "Send the body as JSON; or the uploaded file is not a picture we accept.",
    "422": "Some fields are not valid: `errors` says which, and why.",
    "429": "Too many requests: wait the seconds of Retry-After.",
    "503": "Busy for a moment; nothing was changed: try again after Retry-After.",
}
RETRY_AFTER = {
    "Retry-After": {
        "description": "Seconds to wait before trying again.",
        "schema": {"type": "integer"},
    }
}

# Each operation's summary on the docs page: Indonesian first, then English.
SUMMARIES = {
    ("post", "/api/v1/accounts"): "Daftar akun baru · Sign up",
    ("post", "/api/v1/auth/token"): "Minta token API · Get an API token",
    ("delete", "/api/v1/auth/token"): "Cabut token ini · Revoke this token",
    ("get", "/api/v1/me/tokens"): "Token saya · My tokens",
    ("delete", "/api/v1/me/tokens"): "Cabut semua token saya · Revoke all my tokens",
    ("delete", "/api/v1/me/tokens/{token_id}"): "Cabut satu token · Revoke one token",
    ("get", "/api/v1/me"): "Profil saya · My profile",
    ("patch", "/api/v1/me"): "Sunting profil saya · Edit my profile",
    ("delete", "/api/v1/me"): "Hapus akun saya · Delete my account",
    ("post", "/api/v1/me/avatar"): "Ganti foto profil · Change my avatar",
    ("get", "/api/v1/me/export"): "Unduh data pribadi saya · Export my personal data",
    ("get", "/api/v1/me/feed"): "Artikel dari yang saya ikuti · Following feed",
    ("get", "/api/v1/users/{username}"): "Profil penulis · A writer's profile",
    ("put", "/api/v1/users/{username}/follow"): "Ikuti penulis · Follow a writer",
    ("delete", "/api/v1/users/{username}/follow"): "Berhenti mengikuti · Unfollow",
    ("get", "/api/v1/articles"): "Daftar artikel · List articles",
    ("get", "/api/v1/topics"): "Topik Pilihan · Chosen topics",
    ("post", "/api/v1/topics"): "Buat topik · Create a topic",
    ("get", "/api/v1/topics/{slug}"): "Satu topik · A topic",
    ("patch", "/api/v1/topics/{slug}"): "Sunting topik · Edit a topic",
    ("post", "/api/v1/topics/{slug}/picture"): "Gambar topik · A topic's picture",
    ("get", "/api/v1/topics/{slug}/articles"): "Artikel dalam topik · A topic's articles",
    ("get", "/api/v1/articles/{article_id}/topic"): "Topik artikel · An article's topic",
    ("put", "/api/v1/articles/{article_id}/topic"): "Ikutkan ke topik · Join a topic",
    ("delete", "/api/v1/articles/{article_id}/topic"): "Keluarkan dari topik · Leave a topic",
    ("get", "/api/v1/me/follows"): "Yang saya ikuti · What I follow",
    ("post", "/api/v1/me/follows"): "Ikuti rubrik, tag atau topik · Follow",
    ("delete", "/api/v1/me/follows/{kind}/{slug}"): "Berhenti mengikuti · Unfollow",
    ("delete", "/api/v1/me/follows/topics"): "Berhenti mengikuti topik baru · Unfollow new topics",
    ("get", "/api/v1/notifications/preferences"): "Pengaturan notifikasi · Notification settings",
    ("put", "/api/v1/notifications/preferences"): "Ubah pengaturan notifikasi · Change them",
    ("post", "/api/v1/articles"): "Tulis artikel · Write an article",
    ("get", "/api/v1/articles/{article_id}"): "Baca artikel · Read an article",
    ("patch", "/api/v1/articles/{article_id}"): "Sunting artikel · Edit an article",
    ("delete", "/api/v1/articles/{article_id}"): "Hapus artikel · Delete an article",
    ("post", "/api/v1/articles/{article_id}/image"): "Gambar utama · Featured image",
    ("get", "/api/v1/categories"): "Rubrik dan kategori · Categories",
    ("get", "/api/v1/tags/{slug}"): "Tag · A tag",
    ("get", "/api/v1/ratings/kinds"): "Jenis nilai · Rating kinds",
    ("put", "/api/v1/articles/{article_id}/rating"): "Beri nilai · Rate an article",
    ("delete", "/api/v1/articles/{article_id}/rating"): "Tarik nilai · Withdraw a rating",
    ("get", "/api/v1/me/reading-list"): "Daftar bacaan · My reading list",
    ("put", "/api/v1/me/reading-list/{article_id}"): "Simpan artikel · Save an article",
    ("delete", "/api/v1/me/reading-list/{article_id}"): "Hapus dari bacaan · Unsave",
    ("put", "/api/v1/articles/{article_id}/pick"): "Jadikan Pilihan · Make an editor's pick",
    ("delete", "/api/v1/articles/{article_id}/pick"): "Batalkan Pilihan · Unpick",
    ("put", "/api/v1/articles/{article_id}/headline"): "Jadikan Artikel Utama · Headline",
    ("delete", "/api/v1/articles/{article_id}/headline"): "Lepas Artikel Utama · Unheadline",
    ("get", "/api/v1/articles/{article_id}/responses"): "Tanggapan atas artikel · Responses",
    ("get", "/api/v1/me/series"): "Seri saya · My series",
    ("post", "/api/v1/series"): "Buat seri · Create a series",
    ("get", "/api/v1/series/{series_id}"): "Lihat seri · Read a series",
    ("patch", "/api/v1/series/{series_id}"): "Sunting seri · Edit a series",
    ("delete", "/api/v1/series/{series_id}"): "Hapus seri · Delete a series",
    ("put", "/api/v1/series/{series_id}/articles"): "Atur isi seri · Set a series' parts",
    ("get", "/api/v1/articles/{article_id}/comments"): "Komentar artikel · Comments",
    ("post", "/api/v1/articles/{article_id}/comments"): "Tulis komentar · Comment",
    ("get", "/api/v1/comments/{comment_id}"): "Satu komentar · A comment",
    ("patch", "/api/v1/comments/{comment_id}"): "Sunting komentar · Edit a comment",
    ("delete", "/api/v1/comments/{comment_id}"): "Hapus komentar · Delete a comment",
    ("get", "/api/v1/reports/reasons"): "Alasan laporan · Report reasons",
    ("post", "/api/v1/reports"): "Laporkan · Report",
    ("get", "/api/v1/moderation/reports"): "Antrean laporan · Report queue",
    ("post", "/api/v1/moderation/reports/{report_id}/resolve"): "Putuskan laporan · Resolve",
    ("post", "/api/v1/moderation/restore"): "Pulihkan · Restore",
    ("get", "/api/v1/moderation/log"): "Catatan moderasi · Moderation log",
    ("post", "/api/v1/appeals"): "Ajukan banding · Appeal a decision",
    ("get", "/api/v1/moderation/appeals"): "Daftar banding · Appeals",
    ("post", "/api/v1/moderation/appeals/{appeal_id}/decide"): "Putuskan banding · Decide",
    ("get", "/api/v1/notifications"): "Notifikasi · Notifications",
    ("post", "/api/v1/notifications/read"): "Tandai sudah dibaca · Mark read",
    ("get", "/api/v1/search"): "Cari artikel · Search",
    ("get", "/api/v1/points/rules"): "Aturan poin dan peringkat · Point rules and ranks",
    ("get", "/api/v1/me/points"): "Poin saya · How my points are counted",
    ("get", "/api/v1/leaderboards"): "Papan peringkat · Leaderboards",
}

SIGN_IN = "/api/v1/auth/token"
IMAGE_TYPES = ("image/jpeg", "image/png", "image/webp", "image/gif")
UPLOADS = {
    "/api/v1/me/avatar": (settings.AVATAR_MAX_BYTES, settings.AVATAR_MAX_PIXELS),
    "/api/v1/articles/{article_id}/image": (
        settings.ARTICLE_IMAGE_MAX_BYTES,
        settings.ARTICLE_IMAGE_MAX_PIXELS,
    ),
    "/api/v1/topics/{slug}/picture": (
        settings.ARTICLE_IMAGE_MAX_BYTES,
        settings.ARTICLE_IMAGE_MAX_PIXELS,
    ),
}

# (from method, from path, status) -> links to the operations that use what it made.
ARTICLE = "/api/v1/articles/{article_id}"
COMMENT = "/api/v1/comments/{comment_id}"
USES_ARTICLE = [
    ("get", ARTICLE),
    ("patch", ARTICLE),
    ("delete", ARTICLE),
    ("post", ARTICLE + "/image"),
    ("get", ARTICLE + "/comments"),
    ("post", ARTICLE + "/comments"),
    ("put", ARTICLE + "/rating"),
    ("delete", ARTICLE + "/rating"),
    ("put", "/api/v1/me/reading-list/{article_id}"),
    ("delete", "/api/v1/me/reading-list/{article_id}"),
    ("put", ARTICLE + "/pick"),
    ("delete", ARTICLE + "/pick"),
    ("put", ARTICLE + "/headline"),
    ("delete", ARTICLE + "/headline"),
    ("get", ARTICLE + "/responses"),
    ("get", ARTICLE + "/topic"),
    ("delete", ARTICLE + "/topic"),
]
SERIES = "/api/v1/series/{series_id}"
USES_SERIES = [
    ("get", SERIES),
    ("patch", SERIES),
    ("delete", SERIES),
    ("put", SERIES + "/articles"),
]
TOPIC = "/api/v1/topics/{slug}"
USES_TOPIC = [
    ("get", TOPIC),
    ("patch", TOPIC),
    ("post", TOPIC + "/picture"),
    ("get", TOPIC + "/articles"),
]
USES_COMMENT = [("get", COMMENT), ("patch", COMMENT), ("delete", COMMENT)]
USES_USER = [
    ("get", "/api/v1/users/{username}"),
    ("put", "/api/v1/users/{username}/follow"),
    ("delete", "/api/v1/users/{username}/follow"),
]
Link = tuple[str, str, dict[str, Any], dict[str, Any] | None]


def _links() -> dict[tuple[str, str, str], list[Link]]:
    article_id = {"article_id": "$response.body#/id"}
    comment_id = {"comment_id": "$response.body#/id"}
    username = {"username": "$response.body#/username"}

    def report(target: str, value: str = "$response.body#/id") -> Link:
        body = {"target": target, "id": value, "reason": "spam"}
        return ("post", "/api/v1/reports", {}, body)

    return {
        ("post", "/api/v1/articles", "201"): [
            *[(m, p, article_id, None) for m, p in USES_ARTICLE],
            report("article"),
        ],
        ("patch", ARTICLE, "200"): [(m, p, article_id, None) for m, p in USES_ARTICLE[:7]],
        ("post", ARTICLE + "/comments", "201"): [
            *[(m, p, comment_id, None) for m, p in USES_COMMENT],
            (
                "post",
                ARTICLE + "/comments",
                {"article_id": "$response.body#/article_id"},
                {"body": "Balasan.", "parent_id": "$response.body#/id"},
            ),
            report("comment"),
        ],
        ("post", "/api/v1/series", "201"): [
            (m, p, {"series_id": "$response.body#/id"}, None) for m, p in USES_SERIES
        ],
        ("post", "/api/v1/accounts", "201"): [
            *[(m, p, username, None) for m, p in USES_USER],
            report("account", "$response.body#/username"),
        ],
        ("post", "/api/v1/topics", "201"): [
            *[(m, p, {"slug": "$response.body#/slug"}, None) for m, p in USES_TOPIC],
            ("post", "/api/v1/me/follows", {}, {"kind": "topic", "slug": "$response.body#/slug"}),
        ],
        ("post", "/api/v1/reports", "201"): [
            (
                "post",
                "/api/v1/moderation/reports/{report_id}/resolve",
                {"report_id": "$response.body#/id"},
                None,
            ),
        ],
        ("post", "/api/v1/moderation/reports/{report_id}/resolve", "200"): [
            (
                "post",
                "/api/v1/appeals",
                {},
                {"action_id": "$response.body#/id", "statement": "Mohon ditinjau ulang."},
            ),
        ],
        ("post", "/api/v1/appeals", "201"): [
            (
                "post",
                "/api/v1/moderation/appeals/{appeal_id}/decide",
                {"appeal_id": "$response.body#/id"},
                None,
            ),
        ],
    }


def _security(auth: list[Any] | None) -> list[dict[str, list[str]]]:
    """Public: []; optional (a token, a session or nobody): the schemes and {}; required:
    the schemes that fit (a token only, for revoking the token in use)."""
    if not auth:
        return []
    found: list[dict[str, list[str]]] = []
    for callback in auth:
        if isinstance(callback, TokenAuth):
            found.append({TOKEN: []})
        elif isinstance(callback, SessionCookieAuth):
            found.append({SESSION: []})
        elif isinstance(callback, Anyone):
            # Anyone lets the browser's session through as well as nobody.
            found += [{SESSION: []}, {}]
    return found


class WacanaApi(NinjaAPI):
    def get_openapi_schema(self, **kwargs: Any) -> Any:
        schema = super().get_openapi_schema(**kwargs)
        complete(self, schema)
        return schema


def _operations(api: NinjaAPI) -> dict[tuple[str, str], Any]:
    found: dict[tuple[str, str], Any] = {}
    prefix = "/api/v1/"
    for bound in api._get_bound_routers():
        for path, view in bound.path_operations.items():
            for operation in view.operations:
                for method in operation.methods:
                    found[(method.lower(), prefix + path.lstrip("/"))] = operation
    return found


def complete(api: NinjaAPI, schema: dict[str, Any]) -> None:
    """What the document needs beyond what ninja writes (see the module's docstring)."""
    components = schema.setdefault("components", {})
    components["securitySchemes"] = copy.deepcopy(SECURITY_SCHEMES)
    error_ref = {"$ref": "#/components/schemas/ErrorOut"}
    operations = _operations(api)
    ids = {
        (method, path): operation["operationId"]
        for path, methods in schema["paths"].items()
        for method, operation in methods.items()
    }
    links = _links()
    for path, methods in schema["paths"].items():
        for method, operation in methods.items():
            if (method, path) in SUMMARIES:
                operation["summary"] = SUMMARIES[(method, path)]
            handler = operations.get((method, path))
            auth = handler.auth_callbacks if handler is not None else None
            security = _security(auth)
            if security:
                operation["security"] = security
            else:
                operation.pop("security", None)
                operation["security"] = []  # public: no credentials needed
            # ninja keys some answers by int, JSON by text: one key each, as text.
            responses = {str(k): v for k, v in operation.get("responses", {}).items()}
            operation["responses"] = responses
            for code, meaning in ERROR_MEANINGS.items():
                if code == "401" and (not security or {} in security) and path != SIGN_IN:
                    # Public and optional operations never answer 401, but for a wrong
                    # password when asking for a token.
                    responses.pop(code, None)
                    continue
                if code in ("400", "415") and method == "get":
                    responses.pop(code, None)  # no body to misread
                    continue
                if code == "413" and method in ("get", "delete"):
                    responses.pop(code, None)
                    continue
                answer = responses.setdefault(code, {})
                answer["description"] = meaning
                answer["content"] = {"application/json": {"schema": error_ref}}
                if code in ("429", "503"):
                    answer["headers"] = copy.deepcopy(RETRY_AFTER)
            body = operation.get("requestBody")
            if body is not None and path in UPLOADS:
                _describe_upload(body, *UPLOADS[path])
            if body is not None:
                for content in body.get("content", {}).values():
                    variants = content.get("schema", {}).get("anyOf")
                    if variants and {"type": "null"} in variants and len(variants) == 2:
                        # An optional body is left out, never sent as JSON null (400).
                        content["schema"] = next(v for v in variants if v != {"type": "null"})
            for status, targets in links.items():
                if status[:2] != (method, path):
                    continue
                answer = responses.get(status[2])
                if answer is None:
                    continue
                made = answer.setdefault("links", {})
                for to_method, to_path, parameters, request_body in targets:
                    target = ids.get((to_method, to_path))
                    if target is None:
                        continue
                    link: dict[str, Any] = {"operationId": target}
                    if parameters:
                        link["parameters"] = parameters
                    if request_body is not None:
                        link["requestBody"] = request_body
                    made[_link_name(to_method, target)] = link
    if "ErrorOut" not in components.get("schemas", {}):
        components.setdefault("schemas", {})["ErrorOut"] = ERROR_SCHEMA


def _describe_upload(body: dict[str, Any], max_bytes: int, max_pixels: int) -> None:
    form = body.get("content", {}).get("multipart/form-data")
    if form is None:
        return
    form["encoding"] = {"file": {"contentType": ", ".join(IMAGE_TYPES)}}
    prop = form.get("schema", {}).get("properties", {}).get("file")
    if prop is not None:
        prop["minLength"] = 1  # an empty file is 422
        prop["description"] = (
            f"A JPEG, PNG, WebP or GIF picture of at most {max_bytes // (1024 * 1024)} MB and "
            f"{max_pixels:,} pixels: larger is 413, another kind of file 415."
        )


def _link_name(method: str, operation_id: str) -> str:
    short = operation_id.rsplit("_api_", 1)[-1]
    return "".join(part.capitalize() for part in f"{method}_{short}".split("_"))


ERROR_SCHEMA = {
    "title": "ErrorOut",
    "type": "object",
    "properties": {
        "detail": {"type": "string", "description": "A sentence for people."},
        "errors": {
            "anyOf": [
                {
                    "type": "object",
                    "additionalProperties": {"type": "array", "items": {"type": "string"}},
                },
                {"type": "null"},
            ],
            "description": "The fields at fault, each with its messages.",
        },
    },
    "required": ["detail"],
}

api = WacanaApi(
    title="Wacana API",
    version="1",
    description=DESCRIPTION,
    urls_namespace="api",
    parser=apierrors.JsonParser(),
)
apierrors.install(api)
api.add_router("", accounts_router)
api.add_router("", privacy_router)
api.add_router("", articles_router)
api.add_router("", discussion_router)
api.add_router("", moderation_router)
api.add_router("", notifications_router)
api.add_router("", points_router)
api.add_router("", discovery_router)
api.add_router("", topics_router)
