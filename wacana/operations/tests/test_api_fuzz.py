"""The served OpenAPI document, fuzzed against a live site (issue 17).

schemathesis reads /api/v1/openapi.json from granian on a fresh SQLite database, and
sends what the document allows (positive data) and what it forbids (negative data),
with every check: no 5xx, each answer's status, headers and body as documented, valid
input accepted, invalid input refused, and the stateful phase following the document's
links (create an article, then read, change, rate, comment on and report it). The
number of examples is bounded so that the run takes a few minutes on two cores.

The seed is printed: `WACANA_FUZZ_SEED=<seed> pytest -m fuzz ...` replays a run.
"""

import json
import os
import random
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from wacana.testing.apiserver import LiveSite

pytestmark = pytest.mark.fuzz

MAX_EXAMPLES = int(os.environ.get("WACANA_FUZZ_EXAMPLES", "12"))
MAX_SECONDS = int(os.environ.get("WACANA_FUZZ_SECONDS", "170"))

# Operations left out: they end the fuzzer's own credentials, after which every other
# request would only be answered 401. Their rules are covered by the accounts tests.
EXCLUDED = [
    "DELETE /api/v1/auth/token",
    "DELETE /api/v1/me/tokens",
    "DELETE /api/v1/me/tokens/{token_id}",
]

# Valid-looking input that only the site's data can refuse, with 422 and a message
# naming the field: no document can list which categories exist, which usernames are
# taken or reserved, which passwords are too common, or which words the search
# ignores. Each reason is also in the operation's description.
DATA_DEPENDENT_422 = {
    "POST /api/v1/accounts": "username reserved, password too common or like the username",
    "POST /api/v1/articles": (
        "the category must exist and be a sub-category; response_to a published article"
    ),
    "PATCH /api/v1/articles/{article_id}": "the category must exist and be a sub-category",
    "GET /api/v1/articles": "the category, author and tag filters must exist",
    "GET /api/v1/search": "category and author must exist; q must hold a searchable word",
    "POST /api/v1/articles/{article_id}/comments": "parent_id must be a comment there",
    "PUT /api/v1/users/{username}/follow": "you cannot follow yourself",
    "POST /api/v1/reports": "the reason and target must fit together",
    "POST /api/v1/moderation/reports/{report_id}/resolve": "the rule and action must fit",
    "POST /api/v1/moderation/restore": "only hidden things can be restored",
    "POST /api/v1/appeals": "only decisions about you can be appealed",
    "POST /api/v1/moderation/appeals/{appeal_id}/decide": "decided appeals stay decided",
    "PUT /api/v1/series/{series_id}/articles": "the caller's own articles, in no other series",
    "POST /api/v1/topics": "the slug must be free; it closes after it opens, within a year",
    "PATCH /api/v1/topics/{slug}": "the slug must be free; it closes after it opens, within a year",
    "POST /api/v1/me/follows": "a slug for every kind but topics, none for topics",
    "PUT /api/v1/articles/{article_id}/topic": "the topic must exist",
    "GET /api/v1/leaderboards": "the rubric must exist",
}
# A cursor is opaque: one the server did not make (any the fuzzer writes) is 422.
for _listing in (
    "GET /api/v1/articles/{article_id}/comments",
    "GET /api/v1/articles/{article_id}/responses",
    "GET /api/v1/me/feed",
    "GET /api/v1/me/series",
    "GET /api/v1/me/reading-list",
    "GET /api/v1/moderation/appeals",
    "GET /api/v1/moderation/log",
    "GET /api/v1/moderation/reports",
    "GET /api/v1/notifications",
    "GET /api/v1/topics",
    "GET /api/v1/topics/{slug}/articles",
    "GET /api/v1/me/follows",
    "GET /api/v1/me/points",
):
    DATA_DEPENDENT_422.setdefault(_listing, "a cursor the server did not make")
# Whether a file is a picture only its bytes say: 415 (a picture too large: 413; an
# empty file, which the generator may send whatever minLength says, 422).
UPLOADS = [
    "POST /api/v1/articles/{article_id}/image",
    "POST /api/v1/me/avatar",
    "POST /api/v1/topics/{slug}/picture",
]


def _config(path: Path) -> None:
    lines = [
        "[generation]",
        # The API refuses NUL in any text (the document's description says so): 422.
        "allow-x00 = false",
        "",
        # Invalid input is refused with a 4xx; a body too large for the site is 413.
        "[checks.negative_data_rejection]",
        "expected-statuses = "
        + json.dumps(["400", "401", "403", "404", "405", "409", "413", "415", "422", "429"]),
        "",
    ]
    for name in [*DATA_DEPENDENT_422, *UPLOADS]:
        statuses = ["2xx", "401", "403", "404", "409", "429"]
        statuses += ["422"] if name in DATA_DEPENDENT_422 or name in UPLOADS else []
        statuses += ["413", "415"] if name in UPLOADS else []
        lines += [
            "[[operations]]",
            f'include-name = "{name}"',
            f"checks.positive_data_acceptance.expected-statuses = {json.dumps(statuses)}",
            "",
        ]
    path.write_text("\n".join(lines))


@pytest.fixture
def site(tmp_path: Path) -> Iterator[LiveSite]:
    running = LiveSite(tmp_path)
    try:
        running.start()
        yield running
    finally:
        running.stop()


@pytest.mark.process
@pytest.mark.skipif(
    os.environ.get("DATABASE_URL", "").startswith("postgres"),
    reason="the fuzzer runs its own SQLite site: once, in the SQLite run",
)
def test_the_openapi_document_holds_against_the_live_site(site: LiveSite, tmp_path: Path) -> None:
    seed = int(os.environ.get("WACANA_FUZZ_SEED") or random.randrange(2**31))
    print(f"\nschemathesis seed: {seed} (replay: WACANA_FUZZ_SEED={seed})")
    config = tmp_path / "schemathesis.toml"
    _config(config)
    report = tmp_path / "report"
    command = [
        str(Path(sys.executable).parent / "schemathesis"),
        "--config-file",
        str(config),
        "run",
        f"{site.base_url}/api/v1/openapi.json",
        "--checks=all",
        "--mode=all",
        "--phases=examples,coverage,fuzzing,stateful",
        f"--max-examples={MAX_EXAMPLES}",
        f"--seed={seed}",
        "--workers=1",
        "--no-color",
        "--suppress-health-check=all",
        "--request-timeout=30",
        f"--header=Authorization: Bearer {site.token}",
        "--report=ndjson",
        f"--report-dir={report}",
        "--generation-database=none",
    ]
    for name in EXCLUDED:
        command.append(f"--exclude-name={name}")
    env = {k: v for k, v in os.environ.items() if not k.startswith("SCHEMATHESIS_")}
    try:
        finished = subprocess.run(
            command,
            cwd=tmp_path,  # its cache (.schemathesis/) stays out of the work tree
            env=env,
            capture_output=True,
            text=True,
            timeout=MAX_SECONDS + 120,
            check=False,
        )
    finally:
        site.stop()
    output = finished.stdout + finished.stderr
    print(output[-20000:])
    summary = [line for line in output.splitlines() if "operations" in line.lower()]
    print("\n".join(summary[-5:]))
    assert "Traceback" not in site.log(), site.log()
    assert finished.returncode == 0, f"seed {seed}:\n{output[-20000:]}"
