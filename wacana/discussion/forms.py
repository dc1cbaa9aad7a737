"""Validation for comments, shared by the pages and the JSON API: one rule, one place."""

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wacana.articles.models import Article
from wacana.discussion.actions import InvalidParent
from wacana.discussion.models import COMMENT_MAX, Comment, CommentStatus, seen_by
from wacana.discussion.text import CONTROL_RE
from wacana.lib.text import NOT_ALLOWED_CHARACTERS, XmlSafeInput

BIGINT_MAX = 2**63 - 1


def _no_surrogates(value: str) -> None:
    if any("\ud800" <= ch <= "\udfff" for ch in value):
        raise ValidationError(NOT_ALLOWED_CHARACTERS, code="invalid")


class CommentBodyField(forms.CharField):
    """1 to 5,000 characters once trimmed; line breaks count as one character."""

    widget = forms.Textarea

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(
            max_length=COMMENT_MAX,
            strip=True,
            label=_("Your comment"),
            error_messages={
                "required": _("Write your comment first."),
                "max_length": _(
                    "A comment has at most %(limit_value)d characters (this one has "
                    "%(show_value)d)."
                ),
            },
            validators=[_no_surrogates],
            **kwargs,
        )

    def to_python(self, value: Any) -> str:
        if isinstance(value, str):
            value = CONTROL_RE.sub("", value.replace("\r\n", "\n").replace("\r", "\n"))
        return str(super().to_python(value))

    def widget_attrs(self, widget: forms.Widget) -> dict[str, Any]:
        # Browsers count maxlength in UTF-16 units (an emoji is two): the server decides.
        attrs = super().widget_attrs(widget)
        attrs.pop("maxlength", None)
        return {**attrs, "rows": 5}


class CommentEditForm(XmlSafeInput, forms.Form):
    body = CommentBodyField()


class CommentForm(XmlSafeInput, forms.Form):
    """A new comment on `article` by `user`; `parent_id` names the comment replied to."""

    body = CommentBodyField()
    parent_id = forms.IntegerField(
        required=False,
        min_value=1,
        max_value=BIGINT_MAX,
        widget=forms.HiddenInput,
        error_messages={"invalid": _("This must be the id of a comment.")},
    )

    def __init__(self, *args: Any, article: Article, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.article = article
        self.user = user

    def clean_parent_id(self) -> Comment | None:
        """The comment replied to (the actions attach the reply to its top comment)."""
        pk = self.cleaned_data.get("parent_id")
        return None if pk is None else find_parent(self.article, self.user, pk)


def find_parent(article: Article, user: Any, pk: int) -> Comment:
    """A comment of `article` that `user` may reply to, else ValidationError."""
    parent = (
        Comment.objects.filter(seen_by(user), pk=pk, article=article)
        .select_related("author", "parent")
        .first()
    )
    if parent is None:
        raise ValidationError(
            _("The comment you are replying to does not exist (any more)."), code="missing"
        )
    top = parent.parent or parent
    if parent.status != CommentStatus.VISIBLE or top.status == CommentStatus.HIDDEN:
        raise ValidationError(InvalidParent().message, code="closed")
    return parent
