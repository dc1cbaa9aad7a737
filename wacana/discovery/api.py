"""Discovery endpoints of the JSON API (see API.md, "Discovery and the rest")."""

from ninja import Router

router = Router(tags=["discovery"])
