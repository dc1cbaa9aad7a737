"""Seed the first rubrics and sub-categories (wacana/articles/taxonomy.py).

Later changes to the taxonomy are made in the admin or by new migrations; this one
only ever creates the first set, and its reverse removes exactly what it made.
"""

from django.db import migrations


def seed(apps, schema_editor):
    from wacana.articles import taxonomy

    taxonomy.seed(apps.get_model("articles", "Category"))


def unseed(apps, schema_editor):
    from wacana.articles.taxonomy import RUBRICS

    Category = apps.get_model("articles", "Category")
    children = [slug for _, _, subs in RUBRICS for slug, _ in subs]
    Category.objects.filter(slug__in=children).delete()
    Category.objects.filter(slug__in=[slug for slug, _, _ in RUBRICS]).delete()


class Migration(migrations.Migration):
    dependencies = [("articles", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]
