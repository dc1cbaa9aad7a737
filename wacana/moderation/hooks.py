"""What higher apps do when moderation decides: the hooks the decisions call.

Called inside the decision's transaction (wacana/moderation/actions.py); receivers
register in AppConfig.ready() (wacana/lib/hooks.py says why hooks rather than imports).
"""

from wacana.accounts.models import User
from wacana.lib.hooks import Hook

# A moderator hid an article or a comment by a decision (not the automatic hide that
# waits for review). Receives the owner, the target type ("article" or "comment") and
# its id. Points deducts from the owner.
content_hidden: Hook[[User, str, int]] = Hook("moderation.content_hidden")

# A moderator restored hidden content (a restore, or a granted appeal). Receives the
# owner, the target type and id. Points gives the deduction back.
content_restored: Hook[[User, str, int]] = Hook("moderation.content_restored")

# An account was suspended. Receives the account. Points takes back every point the
# account had given others (ratings, comments): a suspended account earns nobody points.
account_suspended: Hook[[User]] = Hook("moderation.account_suspended")

ALL = (content_hidden, content_restored, account_suspended)
