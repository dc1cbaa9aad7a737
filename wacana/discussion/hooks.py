"""What higher apps do when comments change: the hooks the comment actions call.

Called inside the action's transaction (wacana/discussion/actions.py); receivers
register in AppConfig.ready() (wacana/lib/hooks.py says why hooks rather than imports).
"""

from wacana.discussion.models import Comment
from wacana.lib.hooks import Hook

# A comment became visible: posted, or restored after a hide. Receives the comment with
# its article loaded. Points credits the article's writer.
comment_shown: Hook[[Comment]] = Hook("discussion.comment_shown")

# A comment stopped being visible to readers: deleted by its writer or staff, hidden by
# a moderator, or removed with its account. Receives the comment's id (the row may be
# gone). Points takes back what it earned.
comment_gone: Hook[[int]] = Hook("discussion.comment_gone")

ALL = (comment_shown, comment_gone)
