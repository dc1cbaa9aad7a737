"""What higher apps do when accounts change: the hooks the account actions call.

Called inside the action's transaction; receivers register in AppConfig.ready()
(wacana/lib/hooks.py says why hooks rather than imports).
"""

from wacana.accounts.models import User
from wacana.lib.hooks import Hook

# Someone started following a writer (called once per new follow, not on a repeat).
# Receives the follower and the followed. Notifications tells the followed.
followed: Hook[[User, User]] = Hook("accounts.followed")

ALL = (followed,)
