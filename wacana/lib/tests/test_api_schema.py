"""The OpenAPI document and the server's validation agree (issue 17).

The API's input constraints are pydantic declarations built from the models' and
forms' constants (wacana.lib.apischema); these tests walk the served document and prove
each limit is the one the form or model enforces, that every text a client sends is
bounded, and that the not-blank pattern is exactly what the forms' cleaning keeps.
"""

import re
from typing import Any

import pytest
from django.conf import settings
from django.contrib.auth import password_validation
from django.test import Client

from wacana.accounts.forms import ProfileForm, SignupForm
from wacana.accounts.models import ApiToken
from wacana.accounts.validators import PASSWORD_MIN
from wacana.articles.forms import ArticleForm
from wacana.articles.models import TAG_MAX, TAGS_MAX, RatingKind
from wacana.articles.models import Status as ArticleStatus
from wacana.discussion.forms import CommentForm
from wacana.discussion.models import CommentStatus
from wacana.lib.apischema import NOT_BLANK, not_blank
from wacana.lib.cursor import MAX_LIMIT
from wacana.lib.text import xml_safe_value
from wacana.moderation.forms import AppealForm, DecisionForm, ReportForm
from wacana.moderation.models import AppealStatus, Reason, ReportStatus, Target
from wacana.moderation.rules import RULES


@pytest.fixture(scope="module")
def document() -> dict[str, Any]:
    response = Client().get("/api/v1/openapi.json")
    assert response.status_code == 200
    return dict(response.json())


def _schema(document: dict[str, Any], name: str) -> dict[str, Any]:
    return dict(document["components"]["schemas"][name])


def _prop(document: dict[str, Any], name: str, field: str) -> dict[str, Any]:
    prop = _schema(document, name)["properties"][field]
    if "$ref" in prop:
        prop = {**prop, **_schema(document, prop["$ref"].rsplit("/", 1)[-1])}
    return dict(prop)


def _form_max(form: Any, field: str) -> int:
    return int(form.base_fields[field].max_length)


FORM_LIMITS = [
    ("ArticleIn", "title", ArticleForm, "title"),
    ("ArticleIn", "category", ArticleForm, "category"),
    ("ArticleIn", "body", ArticleForm, "body"),
    ("ArticleIn", "image_caption", ArticleForm, "image_caption"),
    ("ArticleIn", "image_source", ArticleForm, "image_source"),
    ("ArticlePatch", "title", ArticleForm, "title"),
    ("ArticlePatch", "body", ArticleForm, "body"),
    ("SignupIn", "username", SignupForm, "username"),
    ("SignupIn", "email", SignupForm, "email"),
    ("SignupIn", "password", SignupForm, "password"),
    ("SignupIn", "display_name", SignupForm, "display_name"),
    ("ProfilePatch", "display_name", ProfileForm, "display_name"),
    ("ProfilePatch", "tagline", ProfileForm, "tagline"),
    ("ProfilePatch", "bio", ProfileForm, "bio"),
    ("CommentIn", "body", CommentForm, "body"),
    ("CommentPatch", "body", CommentForm, "body"),
    ("ReportIn", "detail", ReportForm, "detail"),
    ("ResolveIn", "note", DecisionForm, "note"),
    ("RestoreIn", "note", DecisionForm, "note"),
    ("AppealDecisionIn", "note", DecisionForm, "note"),
    ("AppealIn", "statement", AppealForm, "statement"),
]


@pytest.mark.parametrize(("schema", "field", "form", "form_field"), FORM_LIMITS)
def test_each_length_is_the_forms(
    document: dict[str, Any], schema: str, field: str, form: Any, form_field: str
) -> None:
    assert _prop(document, schema, field)["maxLength"] == _form_max(form, form_field)


def test_the_other_limits_are_the_models(document: dict[str, Any]) -> None:
    tags = _prop(document, "ArticleIn", "tags")
    assert (tags["maxItems"], tags["items"]["maxLength"]) == (TAGS_MAX, TAG_MAX)
    name = ApiToken._meta.get_field("name")
    assert _prop(document, "TokenIn", "name")["maxLength"] == name.max_length
    days = _prop(document, "TokenIn", "expires_in_days")["anyOf"][0]
    assert (days["minimum"], days["maximum"]) == (1, ApiToken.EXPIRY_DAYS_MAX)
    assert _prop(document, "SignupIn", "password")["minLength"] == PASSWORD_MIN
    minimum = [
        v.min_length
        for v in password_validation.get_default_password_validators()
        if isinstance(v, password_validation.MinimumLengthValidator)
    ]
    assert minimum == [PASSWORD_MIN]
    assert settings.AUTH_PASSWORD_VALIDATORS


def test_each_choice_is_the_models(document: dict[str, Any]) -> None:
    assert _prop(document, "RatingIn", "kind")["enum"] == list(RatingKind.values)
    assert _prop(document, "ReportIn", "reason")["enum"] == list(Reason.values)
    assert _prop(document, "ReportIn", "target")["enum"] == list(Target.values)
    assert _prop(document, "RestoreIn", "target")["enum"] == list(Target.values)
    assert _prop(document, "ResolveIn", "rule")["enum"] == ["", *RULES]
    assert set(_prop(document, "ArticleIn", "status")["enum"]) <= set(ArticleStatus.values)
    assert _prop(document, "ArticleSummary", "status")["enum"] == list(ArticleStatus.values)
    assert _prop(document, "CommentOut", "status")["enum"] == list(CommentStatus.values)
    assert _prop(document, "ReportOut", "status")["enum"] == list(ReportStatus.values)
    assert _prop(document, "AppealOut", "status")["enum"] == list(AppealStatus.values)
    parameters = {
        (path, p["name"]): p["schema"]
        for path, methods in document["paths"].items()
        for operation in methods.values()
        for p in operation.get("parameters", [])
    }
    assert parameters[("/api/v1/moderation/reports", "status")]["enum"] == list(ReportStatus.values)
    assert set(parameters[("/api/v1/moderation/appeals", "status")]["enum"]) == set(
        AppealStatus.values
    )
    limits = [schema for (_, name), schema in parameters.items() if name == "limit"]
    assert len(limits) >= 9
    assert all((s["minimum"], s["maximum"]) == (1, MAX_LIMIT) for s in limits)


# Texts a client sends that need no bound of their own: signing in checks them against
# the stored account (a wrong one is 401), whatever their length.
UNBOUNDED = {("TokenIn", "username"), ("TokenIn", "password")}


def _strings(node: Any) -> list[dict[str, Any]]:
    if not isinstance(node, dict):
        return []
    if node.get("type") == "string":
        return [node]
    found: list[dict[str, Any]] = []
    for key in ("anyOf", "oneOf"):
        for variant in node.get(key, []):
            found += _strings(variant)
    if node.get("type") == "array":
        found += _strings(node.get("items"))
    return found


def test_every_text_a_client_sends_is_bounded(document: dict[str, Any]) -> None:
    bodies = {
        content["schema"]["$ref"].rsplit("/", 1)[-1]
        for methods in document["paths"].values()
        for operation in methods.values()
        for content in operation.get("requestBody", {}).get("content", {}).values()
        if "$ref" in content.get("schema", {})
    }
    unbounded = []
    for name in sorted(bodies):
        for field, prop in _schema(document, name).get("properties", {}).items():
            for text in _strings(prop):
                bounded = {"maxLength", "enum", "format"} & set(text)
                if not bounded and (name, field) not in UNBOUNDED:
                    unbounded.append(f"{name}.{field}")
    assert unbounded == []


def _kept(value: str, dropped: str = "") -> bool:
    cleaned = xml_safe_value(value)
    if dropped:
        cleaned = re.sub(f"[{dropped}]", "", cleaned)
    return bool(cleaned.strip()) and "\x00" not in value


def test_not_blank_is_exactly_what_the_forms_keep() -> None:
    pattern, comments = re.compile(NOT_BLANK), re.compile(not_blank(r"\x7f"))
    for code in range(0x10000):
        char = chr(code)
        if 0xD800 <= code <= 0xDFFF:
            continue  # never reaches a form: the parser refuses lone surrogates
        assert bool(pattern.search(char)) == _kept(char), hex(code)
        assert bool(comments.search(char)) == _kept(char, r"\x7f"), hex(code)


def test_public_reads_take_a_token_a_session_or_nobody(document: dict[str, Any]) -> None:
    paths = document["paths"]
    optional: list[dict[str, list[str]]] = [{"TokenAuth": []}, {"SessionCookieAuth": []}, {}]
    for path in (
        "/api/v1/articles/{article_id}",
        "/api/v1/articles/{article_id}/comments",
        "/api/v1/comments/{comment_id}",
    ):
        assert paths[path]["get"]["security"] == optional, path
        assert "401" not in paths[path]["get"]["responses"]
    assert paths["/api/v1/articles"]["get"]["security"] == []
    assert paths["/api/v1/articles"]["post"]["security"] == [
        {"TokenAuth": []},
        {"SessionCookieAuth": []},
    ]
    schemes = document["components"]["securitySchemes"]
    assert schemes["TokenAuth"]["scheme"] == "bearer"
    assert (schemes["SessionCookieAuth"]["in"], schemes["SessionCookieAuth"]["name"]) == (
        "cookie",
        settings.SESSION_COOKIE_NAME,
    )


def test_creating_operations_link_to_those_that_use_what_they_made(
    document: dict[str, Any],
) -> None:
    paths = document["paths"]
    made = paths["/api/v1/articles"]["post"]["responses"]["201"]["links"]
    patch = paths["/api/v1/articles/{article_id}"]["patch"]["operationId"]
    assert any(
        link["operationId"] == patch and link["parameters"] == {"article_id": "$response.body#/id"}
        for link in made.values()
    )
    for path, method in (
        ("/api/v1/articles/{article_id}/comments", "post"),
        ("/api/v1/accounts", "post"),
        ("/api/v1/reports", "post"),
        ("/api/v1/appeals", "post"),
    ):
        assert paths[path][method]["responses"]["201"]["links"], path
    ids = {o["operationId"] for m in paths.values() for o in m.values()}
    for methods in paths.values():
        for operation in methods.values():
            for answer in operation["responses"].values():
                for link in answer.get("links", {}).values():
                    assert link["operationId"] in ids


def test_every_error_answer_has_the_error_shape(document: dict[str, Any]) -> None:
    for methods in document["paths"].values():
        for operation in methods.values():
            for code, answer in operation["responses"].items():
                if int(code) >= 400:
                    schema = answer["content"]["application/json"]["schema"]
                    assert schema == {"$ref": "#/components/schemas/ErrorOut"}
            assert {"422", "429", "503"} <= set(operation["responses"])


def test_every_operation_is_summarised_in_both_languages(document: dict[str, Any]) -> None:
    for path, methods in document["paths"].items():
        for method, operation in methods.items():
            indonesian, english = operation["summary"].split(" · ")
            assert indonesian and english, (method, path)
    info = document["info"]
    assert "Bahasa Indonesia" in info["description"] and "English" in info["description"]


@pytest.mark.django_db
def test_the_docs_page_shows_the_document() -> None:
    response = Client().get("/api/v1/docs")
    assert response.status_code == 200
    assert b"Wacana API" in response.content
