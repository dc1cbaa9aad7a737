"""Wacana's one settings module, driven by environment variables (see README.md)."""

import os
import secrets
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import dj_database_url
import django_stubs_ext
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from wacana.lib import inline_css
from wacana.lib.env import env_bool, env_choice, env_int, env_list, env_str
from wacana.lib.ratelimit import parse_rate

# Django's generic classes (ModelAdmin[Article], ModelForm[User]) take type parameters at
# run time too, as django-stubs has them.
django_stubs_ext.monkeypatch()

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("WACANA_VAR_DIR", str(BASE_DIR / "var")))
VAR_DIR.mkdir(parents=True, exist_ok=True)

WACANA_ENV = env_choice("WACANA_ENV", ("development", "production"), "development")
PRODUCTION = WACANA_ENV == "production"
DEBUG = env_bool("DEBUG", False)
if PRODUCTION and DEBUG:
    raise ImproperlyConfigured("DEBUG must be off when WACANA_ENV=production")


def _secret_key() -> str:
    key = env_str("SECRET_KEY")
    if key:
        return key
    if PRODUCTION:
        raise ImproperlyConfigured("SECRET_KEY must be set when WACANA_ENV=production")
    # Generated once and kept, so sessions survive restarts on a development machine.
    path = VAR_DIR / "secret_key"
    if not path.exists():
        # Written aside, then linked into place: processes starting together (parallel
        # test workers, a server's workers) never read a half-written key, and the
        # first one's key wins.
        fresh = path.with_name(f"secret_key.{os.getpid()}")
        fresh.write_text(secrets.token_urlsafe(50))
        fresh.chmod(0o600)
        try:
            os.link(fresh, path)
        except FileExistsError:
            pass
        finally:
            fresh.unlink()
    return path.read_text().strip()


SECRET_KEY = _secret_key()

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
if PRODUCTION and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must be set when WACANA_ENV=production")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",  # for `clearsessions`; the table in use is accounts_session
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "template_partials",
    "ninja",
    "django_tasks",
    "django_tasks_db",
    "wacana.accounts",
    "wacana.articles",
    "wacana.discussion",
    "wacana.moderation",
    "wacana.topics",
    "wacana.points",
    "wacana.notifications",
    "wacana.pages",
    "wacana.discovery",
    "wacana.privacy",
    "wacana.operations",
    "wacana.worker",
]

MIDDLEWARE = [
    # First, so that every log line of the request carries its id.
    "wacana.lib.requestlog.RequestIdMiddleware",
    # Outside SecurityMiddleware: no COOP on public pages (see the module).
    "wacana.lib.security.PublicPagesMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Outside everything that writes a body, inside WhiteNoise (which serves static
    # files' own compressed copies); see wacana.lib.compression.
    "wacana.lib.compression.CompressionMiddleware",
    "wacana.lib.apierrors.ApiErrorShapeMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "wacana.lib.caching.CacheHeadersMiddleware",
    # Vary: Save-Data on HTML pages, and the reader's name for the service worker.
    "wacana.lib.savedata.SaveDataMiddleware",
    "wacana.lib.offline.OfflineReaderMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "wacana.lib.language.LanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "wacana.lib.uploads.RequestSizeLimitMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # Last, so it is the first to see what a view raised: a busy database becomes a 503.
    "wacana.lib.busy.BusyMiddleware",
]

ROOT_URLCONF = "wacana.urls"
WSGI_APPLICATION = "wacana.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "OPTIONS": {
            # django-template-partials' loader over Django's cached one (as the partials
            # app would set up itself), reading the site's own .html templates without their
            # source indentation (wacana/lib/templates.py: the pages' byte budget).
            "loaders": [
                (
                    "template_partials.loader.Loader",
                    [
                        (
                            "django.template.loaders.cached.Loader",
                            [
                                "wacana.lib.templates.FilesystemLoader",
                                "wacana.lib.templates.AppDirectoriesLoader",
                            ],
                        )
                    ],
                )
            ],
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
                "wacana.articles.navigation.rubric_nav",
                "wacana.lib.savedata.save_data",
            ],
            # {% inline_css %}: the small stylesheets in the page's head (issue 18).
            # {% reader_hole %}: what a kept page renders for each signed-in reader (issue 15).
            "libraries": {
                "wacana_css": "wacana.lib.inline_css",
                "wacana_holes": "wacana.lib.holes",
            },
        },
    }
]

# --- Database -----------------------------------------------------------------------
DATABASE_URL = env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'wacana.sqlite3'}")
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Django's, with writers queueing in order for the one write lock (see the module).
    DATABASES["default"]["ENGINE"] = "wacana.lib.sqlite"
    # Kept open between requests (each server thread its own): opening one and running the
    # PRAGMAs below cost 1.3 ms of CPU, more than a whole kept page (issue 15).
    DATABASES["default"]["CONN_MAX_AGE"] = 600
    DATABASES["default"]["OPTIONS"] = {
        # WAL lets readers go on while one writer writes; IMMEDIATE avoids the
        # "database is locked" upgrade deadlock between two writing transactions.
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;"
            " PRAGMA foreign_keys=ON;"
        ),
        "transaction_mode": "IMMEDIATE",
    }
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test.sqlite3")}
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
# A read replica (optional): listings, search and feeds read from it (wacana/lib/dbrouter.py).
REPLICA_URL = env_str("WACANA_DATABASE_REPLICA_URL")
if REPLICA_URL:
    _primary = DATABASES["default"]
    DATABASES["replica"] = dj_database_url.parse(REPLICA_URL, conn_max_age=60)
    for _option in ("OPTIONS", "CONN_HEALTH_CHECKS"):
        if _option in _primary and DATABASES["replica"]["ENGINE"] == _primary["ENGINE"]:
            DATABASES["replica"][_option] = _primary[_option]
    if _primary["ENGINE"] == "django.db.backends.sqlite3":
        DATABASES["replica"]["CONN_MAX_AGE"] = 0
    # Tests make no second database: the replica is the test database itself.
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
    DATABASE_ROUTERS = ["wacana.lib.dbrouter.ReplicaRouter"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache and rate limits ----------------------------------------------------------
REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "wacana.lib.rediscache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "wacana"),
        },
    }
    CACHES["limits"] = {**CACHES["default"], "KEY_PREFIX": CACHES["default"]["KEY_PREFIX"] + ":rl"}
else:
    # --- The one-machine cache (no Redis) ---------------------------------------------
    # Every process on the machine (granian workers, the task worker, the view flusher,
    # manage.py) must share one cache, kept on disk: view counts and "already seen"
    # marks, rate limits, and the versions that make a hidden article vanish from every
    # cached page at once. diskcache keeps each alias in SQLite files (WAL) under
    # WACANA_CACHE_DIR. "views" holds the buffered view counts: one shard, so that a
    # view is marked seen and counted in one transaction, and nothing in it is evicted
    # to make room (the "seen" marks still expire).
    CACHE_DIR = Path(env_str("WACANA_CACHE_DIR", str(VAR_DIR / "cache")))

    def _disk_cache(name: str, **options: Any) -> dict[str, Any]:
        return {
            "BACKEND": "wacana.lib.diskcache.DiskCache",
            "LOCATION": str(CACHE_DIR / name),
            "SHARDS": options.pop("shards", 4),
            # SQLite's busy wait before diskcache retries (writes) or misses (reads).
            "DATABASE_TIMEOUT": 0.05,
            "OPTIONS": {"size_limit": 2**30, **options},
        }

    CACHES = {
        "default": _disk_cache("default"),
        "limits": _disk_cache("limits", shards=2),
        "views": _disk_cache("views", shards=1, eviction_policy="none"),
    }
    # --------------------------------------------------------------------------------

# Background tasks (django-tasks), stored in the database and run by `manage.py db_worker`
# (`make run` starts it). Buffered view counts are flushed by `run_view_flusher`, through
# the worker (wacana.articles.tasks) or by itself when no worker takes the task.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
# A running task whose worker stopped beating this long ago (killed, machine lost) is
# queued again for another worker (`manage.py run_worker`, wacana.worker.lease).
TASK_LEASE_SECONDS = env_int("WACANA_TASK_LEASE_SECONDS", 60, minimum=15)
# How article views are counted (wacana/articles/counting.py). "on": by the article
# page's own request. "beacon": an anonymous reader's view by a tiny request the page
# makes (/artikel/<id>/dibaca), so that a caching proxy may serve article pages
# (deploy/nginx.conf); signed-in readers' by the page, as with "on". "off": not at all
# (the article page then buffers nothing), for measuring what counting costs
# (`make bench`), or a read-only mirror.
VIEW_COUNTING = env_choice("WACANA_VIEW_COUNTING", ("on", "beacon", "off"), "on")
VIEW_COUNTING_ENABLED = VIEW_COUNTING != "off"
VIEW_BEACON = VIEW_COUNTING == "beacon"

RATE_LIMITS_ENABLED = env_choice("WACANA_RATE_LIMITS", ("on", "off"), "on") == "on"
RATE_LIMITS = {
    # name: (requests, seconds); "5/h" means five per hour per client address.
    "signup": parse_rate(env_str("WACANA_RATE_SIGNUP", "10/h")),
    "login": parse_rate(env_str("WACANA_RATE_LOGIN", "20/m")),
    # Failed sign-ins (see accounts/signin.py): per account and address, per account
    # from all clients without a device cookie, and per device that signed in before.
    "login_account_address": parse_rate(env_str("WACANA_RATE_LOGIN_ACCOUNT_ADDRESS", "10/15m")),
    "login_account": parse_rate(env_str("WACANA_RATE_LOGIN_ACCOUNT", "50/h")),
    "login_device": parse_rate(env_str("WACANA_RATE_LOGIN_DEVICE", "10/15m")),
    "password_reset": parse_rate(env_str("WACANA_RATE_PASSWORD_RESET", "5/h")),
    # Per account, and stricter for accounts younger than a day; per address too.
    "comment": parse_rate(env_str("WACANA_RATE_COMMENT", "10/m")),
    "comment_new_account": parse_rate(env_str("WACANA_RATE_COMMENT_NEW", "3/m")),
    "comment_address": parse_rate(env_str("WACANA_RATE_COMMENT_ADDRESS", "30/m")),
    "report": parse_rate(env_str("WACANA_RATE_REPORT", "20/h")),
    "report_new_account": parse_rate(env_str("WACANA_RATE_REPORT_NEW", "5/h")),
    "report_address": parse_rate(env_str("WACANA_RATE_REPORT_ADDRESS", "60/h")),
    "search": parse_rate(env_str("WACANA_RATE_SEARCH", "60/m")),
    "article_write": parse_rate(env_str("WACANA_RATE_ARTICLE_WRITE", "30/m")),
    # Image uploads per account (avatar, featured and body images; page and API).
    "upload": parse_rate(env_str("WACANA_RATE_UPLOAD", "30/h")),
}
# Addresses (or CIDR networks) of reverse proxies whose X-Forwarded-For is believed.
TRUSTED_PROXIES = env_list("WACANA_TRUSTED_PROXIES")

WACANA_CONTACT_EMAIL = env_str("WACANA_CONTACT_EMAIL", "")

# --- Moderation ---------------------------------------------------------------------
# Promised response times (hours), and the automatic hide: content reported by this many
# distinct accounts within the window is hidden pending review.
MODERATION_RESPONSE_HOURS = env_int("WACANA_MODERATION_RESPONSE_HOURS", 24, minimum=1)
MODERATION_URGENT_RESPONSE_HOURS = env_int("WACANA_MODERATION_URGENT_HOURS", 4, minimum=1)
AUTO_HIDE_REPORTERS = env_int("WACANA_AUTO_HIDE_REPORTERS", 5, minimum=2)
AUTO_HIDE_WINDOW_HOURS = env_int("WACANA_AUTO_HIDE_WINDOW_HOURS", 24, minimum=1)

# --- Accounts -----------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
# ModelBackend, loading the signed-in reader with one plain query (issue 15).
AUTHENTICATION_BACKENDS = ["wacana.accounts.backends.AccountBackend"]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
SESSION_ENGINE = "wacana.accounts.sessions"
# An API token's "last used" moves at most this often (minutes): not a write per request.
API_TOKEN_LAST_USED_MINUTES = env_int("WACANA_TOKEN_LAST_USED_MINUTES", 15, minimum=1)
SESSION_COOKIE_AGE = 60 * 60 * 24 * 30
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24

# --- Language and time --------------------------------------------------------------
LANGUAGE_CODE = "id"
LANGUAGES = [("id", _("Indonesian")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["wacana.formats"]
TIME_ZONE = "Asia/Jakarta"
USE_I18N = True
USE_TZ = True

# --- Static and media files ---------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
# --- Media on object storage (optional) -----------------------------------------------
# With WACANA_S3_BUCKET set, uploads (avatars, article images, pending images) go to any
# S3-compatible store through django-storages instead of MEDIA_ROOT, so that several app
# servers see the same files. WACANA_S3_PUBLIC_URL (e.g. https://media.example.id, a CDN
# or the bucket's public address) makes plain public URLs; without it every media URL is
# a signed URL valid for WACANA_S3_URL_EXPIRE seconds (a private bucket).
S3_BUCKET = env_str("WACANA_S3_BUCKET")
if S3_BUCKET:
    _s3_public = env_str("WACANA_S3_PUBLIC_URL").rstrip("/")
    _s3_options: dict[str, Any] = {
        "bucket_name": S3_BUCKET,
        "endpoint_url": env_str("WACANA_S3_ENDPOINT_URL") or None,
        "access_key": env_str("WACANA_S3_ACCESS_KEY_ID") or None,
        "secret_key": env_str("WACANA_S3_SECRET_ACCESS_KEY") or None,
        "region_name": env_str("WACANA_S3_REGION") or None,
        "location": env_str("WACANA_S3_PREFIX", "").strip("/"),
        # Names stay what Wacana chose (random ones): never overwrite an existing object.
        "file_overwrite": False,
        "default_acl": None,
        "addressing_style": "path",
        "signature_version": "s3v4",
        "querystring_auth": not _s3_public,
        # Longer than any whole-page cache keeps a page that carries these URLs.
        "querystring_expire": env_int("WACANA_S3_URL_EXPIRE", 60 * 60 * 6, minimum=600),
        "object_parameters": {"CacheControl": "public, max-age=31536000, immutable"},
    }
    if _s3_public:
        _public = urlsplit(_s3_public)
        _s3_options.update(
            custom_domain=_public.netloc + _public.path, url_protocol=f"{_public.scheme}:"
        )
    _DEFAULT_STORAGE: dict[str, Any] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": _s3_options,
    }
    # Pages show these images: the Content-Security-Policy lets them in.
    _region = _s3_options["region_name"] or "us-east-1"
    _media_base = _s3_public or _s3_options["endpoint_url"] or f"https://s3.{_region}.amazonaws.com"
    _parts = urlsplit(_media_base)
    MEDIA_ORIGINS = [f"{_parts.scheme}://{_parts.netloc}"]
else:
    _DEFAULT_STORAGE = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    MEDIA_ORIGINS = []
STORAGES = {
    "default": _DEFAULT_STORAGE,
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG or env_bool("WACANA_PLAIN_STATIC", False)
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
WHITENOISE_MAX_AGE = 60 * 60 * 24 * 365 if not DEBUG else 0
# The request body is capped; uploads are checked further by their own rules.
# Form fields and JSON bodies (files not counted) are held in memory up to this.
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
# An uploaded file above this goes to a temporary file instead of memory.
FILE_UPLOAD_MAX_MEMORY_SIZE = 1024 * 1024
# The largest form has a few dozen fields (the admin's list of 100 rows a few more).
DATA_UPLOAD_MAX_NUMBER_FIELDS = 400
DATA_UPLOAD_MAX_NUMBER_FILES = 4
AVATAR_MAX_BYTES = 5 * 1024 * 1024
AVATAR_MAX_PIXELS = 25_000_000
ARTICLE_IMAGE_MAX_BYTES = 10 * 1024 * 1024
ARTICLE_IMAGE_MAX_PIXELS = 40_000_000
# Any request declaring a larger body is refused (413) before a byte of it is read:
# the largest image plus room for the other fields of the writing form.
MAX_REQUEST_BYTES = env_int(
    "WACANA_MAX_REQUEST_BYTES", ARTICLE_IMAGE_MAX_BYTES + 2 * 1024 * 1024, minimum=1024 * 1024
)

# --- Email --------------------------------------------------------------------------
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Wacana <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
EMAIL_HOST = env_str("EMAIL_HOST")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = env_int("EMAIL_PORT", 587, minimum=1)
    EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
    EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
    EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
elif env_str("EMAIL_BACKEND", "console") == "file":
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = str(VAR_DIR / "mail")
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

# --- Security -----------------------------------------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
# Not on public pages: wacana/lib/security.py says why.
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
if PRODUCTION:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365, minimum=0)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
    if env_bool("WACANA_BEHIND_TLS_PROXY", False):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        # The inlined stylesheets (wacana.lib.inline_css), each by its hash.
        "style-src": ["'self'", *inline_css.hashes()],
        # blob: shows a chosen photo on the writing page before it is uploaded.
        "img-src": ["'self'", "data:", "blob:", *MEDIA_ORIGINS],
        "font-src": ["'none'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}

# --- Operations ---------------------------------------------------------------------
# /healthz shows its details (not just ok/degraded/down) to a request bearing this token
# (`Authorization: Bearer …`) or made from this machine without a proxy in between.
HEALTH_TOKEN = env_str("WACANA_HEALTH_TOKEN", "")
# A job waiting longer than this (seconds), or a worker heartbeat older, is "degraded".
HEALTH_QUEUE_MAX_AGE = env_int("WACANA_HEALTH_QUEUE_MAX_AGE", 120, minimum=1)
# One line per request on the `wacana.access` logger (with its request id).
ACCESS_LOG = env_bool("WACANA_ACCESS_LOG", False)
# The task worker `manage.py serve` runs and restarts: a manage.py command and its arguments.
SERVE_WORKER_COMMAND = ["run_worker", "--no-reload"]

if REPLICA_URL:
    MIDDLEWARE.append("wacana.lib.dbrouter.ReplicaMiddleware")

# What a feed entry carries besides its summary: nothing (feeds stay small), or the
# article's first page (wacana/discovery/feeds.py).
FEED_CONTENT = env_choice("WACANA_FEED_CONTENT", ("summary", "first-page"), "summary")

# Kept pages answered before Django, from each process's memory (wacana/lib/front.py):
# for at most this many seconds past what the site's versions follow (0: off), in at
# most this much memory per process.
FRONT_SECONDS = env_int("WACANA_FRONT_SECONDS", 5, minimum=0)
FRONT_MEMORY_MB = env_int("WACANA_FRONT_MEMORY_MB", 32, minimum=1)

# Prometheus metrics at /metrics (wacana/operations/metrics.py), shown to the same callers
# as /healthz's detail. Off: nothing of it runs (no middleware, no wrapped cache).
METRICS_ENABLED = env_choice("WACANA_METRICS", ("on", "off"), "off") == "on"
if METRICS_ENABLED:
    MIDDLEWARE.insert(0, "wacana.operations.metrics.MetricsMiddleware")

# --- Logging ------------------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "wacana.lib.requestlog.RequestIdFilter"}},
    "formatters": {
        "wacana": {
            "format": "%(asctime)s %(levelname)s [%(request_id)s] %(name)s: %(message)s",
        },
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            "formatter": "wacana",
        },
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        "wacana.access": {"level": "INFO"},
    },
}
