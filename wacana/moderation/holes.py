"""The report links of a kept page, rendered for each signed-in reader (see
wacana/lib/holes.py): a signed-in reader's open the report dialog (data-report) and
bring its script, a writer gets none for their own writing."""

from types import SimpleNamespace

from django.http import HttpRequest

from wacana.accounts.models import User
from wacana.lib import holes
from wacana.moderation.templatetags.moderation_tags import script_once, script_tag


def report_links(request: HttpRequest, args: dict[str, str]) -> str:
    person = User(pk=int(args["person"]))
    own = request.user.pk == person.pk
    target, target_id = args["target"], int(args["target_id"])
    # The links show only these (rendered once per process: holes.once_template), with the
    # dialog's script, which a response carries once: left out where it already has it.
    key = ("report_links", target, target_id, person.pk, own)
    context = {"target": target, "target_id": target_id, "person": person}
    # As on a page without the script yet: this render's request is not the reader's.
    context["request"] = SimpleNamespace()
    links = holes.once_template(request, key, "moderation/report_links.html", context)
    if own or script_once(request):
        return links
    return links.replace(script_tag(), "")
