"""A person with a little of everything the privacy policy says Wacana holds."""

from dataclasses import dataclass

from django.test import Client

from wacana.accounts import actions as account_actions
from wacana.accounts.models import User
from wacana.articles import actions as article_actions
from wacana.articles.models import Article, Image
from wacana.discussion import actions as discussion_actions
from wacana.moderation import actions as moderation_actions
from wacana.moderation.models import Appeal, ModerationAction, Report
from wacana.testing.content import draft, file_report, publish
from wacana.testing.images import upload
from wacana.testing.personas import PASSWORD, make_user, with_role

DEVICE = "Mozilla/5.0 (Linux; Android 14) Peramban-Uji/1.0"
WORD = "qoxtrafulvensi"  # in no dictionary: if it is in the index, it came from here


@dataclass
class Life:
    person: User
    friend: User
    moderator: User
    published: Article
    draft: Article
    body_image: Image
    report: Report
    decision: ModerationAction
    appeal: Appeal
    client: Client
    token: str


def a_life() -> Life:
    person = make_user("warga", display_name="Warga Teladan")
    friend = make_user("sahabat", display_name="Sahabat Lama")
    other = make_user("lainnya", display_name="Orang Lain")
    moderator = with_role(make_user("moderator9", display_name="Moderator Sembilan"), "moderator")

    client = Client(HTTP_USER_AGENT=DEVICE)
    assert client.post("/masuk", {"username": "warga", "password": PASSWORD}).status_code == 302
    token = account_actions.issue_token(person)
    account_actions.set_avatar(person, upload())

    published = publish(person, f"Catatan {WORD} dari pesisir")
    article_actions.set_featured_image(published, upload())
    unfinished = draft(person, "Draf yang belum selesai")
    body_image = article_actions.upload_body_image(person, upload())

    account_actions.follow(person, friend)
    account_actions.follow(friend, person)  # a notice for the person, naming the friend
    friends_article = publish(friend, "Tulisan sahabat")
    discussion_actions.post_comment(person, friends_article, "Setuju sekali.")
    article_actions.rate_article(person, friends_article, "inspiratif")
    article_actions.save_for_later(person, friends_article)

    others_article = publish(other, "Iklan terselubung")
    report = file_report(person, "article", others_article.pk, "spam", "Ini jelas iklan obat.")

    hidden = publish(person, "Tulisan yang disembunyikan")
    decision = moderation_actions.decide(
        moderator, "article", hidden.pk, "hide", "Melanggar pedoman.", "spam"
    )
    appeal = moderation_actions.file_appeal(person, decision, "Tulisan ini bukan iklan.")
    return Life(
        person,
        friend,
        moderator,
        published,
        unfinished,
        body_image,
        report,
        decision,
        appeal,
        client,
        token,
    )
