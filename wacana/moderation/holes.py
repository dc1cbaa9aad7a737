"""The report links of a kept page, rendered for each signed-in reader (see
wacana/lib/holes.py): a signed-in reader's open the report dialog (data-report) and
bring its script, a writer gets none for their own writing."""

from django.http import HttpRequest
from django.template.loader import get_template

from wacana.accounts.models import User


def report_links(request: HttpRequest, args: dict[str, str]) -> str:
    return get_template("moderation/report_links.html").render(
        {
            "user": request.user,
            "request": request,
            "target": args["target"],
            "target_id": int(args["target_id"]),
            "person": User(pk=int(args["person"])),
        }
    )
