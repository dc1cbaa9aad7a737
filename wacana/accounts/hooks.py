"""What higher apps do when accounts change: the hooks the account actions call.

Called inside the action's transaction; receivers register in AppConfig.ready()
(wacana/lib/hooks.py says why hooks rather than imports).
"""

from wacana.accounts.models import User
from wacana.lib.hooks import Hook

# Someone started following a writer (called once per new follow, not on a repeat).
# Receives the follower and the followed. Notifications tells the followed.
followed: Hook[[User, User]] = Hook("accounts.followed")

# A new account was created by signing up (page or API; not the admin or a shell).
# Receives the new account, saved. Points credits the sign-up.
signed_up: Hook[[User]] = Hook("accounts.signed_up")

ALL = (followed, signed_up)
