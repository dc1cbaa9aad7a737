"""Background tasks for accounts (django-tasks; `db_worker` runs them)."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation
from django_tasks import task

from wacana.accounts.models import User


@task()
def tell_owner_of_signup(owner_id: int, reset_url: str) -> bool:
    """Tell an address's owner that someone tried to sign up with it; True if mailed."""

    owner = User.objects.filter(pk=owner_id).exclude(email="").first()
    if owner is None:
        return False
    context = {"user": owner, "reset_url": reset_url}
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string("accounts/email/signup_attempt_subject.txt", context).strip()
        body = render_to_string("accounts/email/signup_attempt.txt", context)
    send_mail(subject, body, None, [owner.email])
    return True
