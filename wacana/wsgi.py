import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wacana.settings")
application = get_wsgi_application()

from wacana.lib import front  # noqa: E402 (needs the settings configured)
from wacana.lib.media import with_media  # noqa: E402

# Uploaded media is served here, with nosniff and a CSP (see wacana.lib.media).
application = with_media(application)
# Kept pages for anonymous readers, answered before Django (see wacana.lib.front).
application = front.wrap(application)
