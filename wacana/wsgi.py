import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wacana.settings")
application = get_wsgi_application()

from wacana.lib.media import with_media  # noqa: E402 (needs the settings configured)

# Uploaded media is served here, with nosniff and a CSP (see wacana.lib.media).
application = with_media(application)
