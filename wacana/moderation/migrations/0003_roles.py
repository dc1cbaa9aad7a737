"""The staff roles as groups: moderator, editor and administrator.

The reverse removes the groups (and with them who was in them); it is meant for
rolling back a fresh deployment, not for a site in use.
"""

from django.db import migrations

ROLES = ("moderator", "editor", "administrator")


def create_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name in ROLES:
        Group.objects.get_or_create(name=name)


def remove_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("moderation", "0002_append_only_log"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
