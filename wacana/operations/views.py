import hmac
import ipaddress

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from wacana.operations import health

_FORWARDING_HEADERS = ("HTTP_X_FORWARDED_FOR", "HTTP_FORWARDED", "HTTP_X_REAL_IP")


def may_see_detail(request: HttpRequest) -> bool:
    """The token from WACANA_HEALTH_TOKEN as `Authorization: Bearer …`, or a request made
    on this machine itself. A request relayed by a proxy on this machine also comes from
    127.0.0.1, so any forwarding header makes it a public one."""
    token = settings.HEALTH_TOKEN
    header = request.META.get("HTTP_AUTHORIZATION", "")
    if token and header.startswith("Bearer "):
        return hmac.compare_digest(header[7:].strip().encode(), token.encode())
    if any(request.META.get(name) for name in _FORWARDING_HEADERS):
        return False
    try:
        return ipaddress.ip_address(request.META.get("REMOTE_ADDR", "")).is_loopback
    except ValueError:
        return False


@never_cache
@require_safe
def healthz(request: HttpRequest) -> JsonResponse:
    report = health.run_checks()
    body: dict[str, object] = {"status": report.status}
    if may_see_detail(request):
        body["checks"] = report.checks
    return JsonResponse(body, status=503 if report.status == health.DOWN else 200)


@never_cache
@require_safe
def metrics(request: HttpRequest) -> HttpResponse:
    """Prometheus's scrape (WACANA_METRICS=on); 404 when off, 403 to the public."""
    if not settings.METRICS_ENABLED:
        raise Http404
    if not may_see_detail(request):
        return HttpResponse(
            _("Metrics are shown only with the health token or from this machine.") + "\n",
            status=403,
            content_type="text/plain; charset=utf-8",
        )
    from wacana.operations.metrics import exposition  # noqa: PLC0415 - loaded only when WACANA_METRICS is on

    body, content_type = exposition()
    return HttpResponse(body, content_type=content_type)
