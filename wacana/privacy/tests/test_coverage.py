"""Every table that points at a person is in the export, or says why not."""

from django.apps import apps
from django.contrib.auth import get_user_model

from wacana.privacy.parts import NOT_EXPORTED, parts


def keys_to_the_user() -> set[str]:
    """Every foreign key and one-to-one field to the user model, in every installed app
    (the many-to-many tables Django makes, such as the user's groups, included)."""
    user_model = get_user_model()
    found = set()
    for model in apps.get_models(include_auto_created=True):
        for field in model._meta.get_fields():
            if (
                (field.many_to_one or field.one_to_one)
                and field.concrete
                and field.related_model is user_model
            ):
                found.add(f"{model._meta.label}.{field.name}")
    return found


def test_every_key_to_the_user_is_exported_or_explained() -> None:
    covered = {key for part in parts() for key in part.COVERS}
    missing = keys_to_the_user() - covered - NOT_EXPORTED.keys()
    assert not missing, (
        f"{sorted(missing)} point at the user but no app's privacy module exports them: "
        "add them to its personal_data_of and COVERS (and to remove_all_of), or explain "
        "in privacy.parts.NOT_EXPORTED why not"
    )


def test_no_part_claims_a_key_that_does_not_exist() -> None:
    real = keys_to_the_user()
    claimed = [key for part in parts() for key in part.COVERS] + list(NOT_EXPORTED)
    assert sorted(set(claimed) - real) == []
    assert len(claimed) == len(set(claimed)), "a key is claimed twice"


def test_the_walk_finds_keys_at_all() -> None:
    # A walk that found nothing would make the tests above pass vacuously.
    assert {"articles.Article.author", "accounts.Follow.follower"} <= keys_to_the_user()
