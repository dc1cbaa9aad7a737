"""`manage.py serve`: the site with its task worker and view flusher, supervised.

See wacana/operations/supervisor.py for what it does on a child's death and on SIGTERM.
"""

import logging
import os
import shlex
import shutil
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser
from django.db import connection

from wacana.articles import counting
from wacana.operations.supervisor import ChildSpec, Supervisor, granian_command, manage_command

logger = logging.getLogger("wacana.operations.supervisor")


def flush_views() -> None:
    """Write what the stopped server processes left buffered in a shared cache."""
    try:
        written = counting.flush()
        logger.info("Flushed %s buffered views", written)
    finally:
        connection.close()


def prometheus_folder() -> Path:
    """Where granian's workers (and the task worker) keep their metrics for
    prometheus_client's multiprocess mode: emptied at each start, as it requires (files
    of processes from an earlier run would be added up with the new ones)."""
    folder = Path(settings.VAR_DIR) / "prometheus"
    if folder.is_dir():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    return folder


class Command(BaseCommand):
    help = (
        "Serve the site with granian (or runserver with --dev), the task worker and the"
        " view flusher, restarting the worker and the flusher when they die."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
        parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
        parser.add_argument("--workers", type=int, default=int(os.environ.get("WORKERS", "2")))
        parser.add_argument("--threads", type=int, default=int(os.environ.get("THREADS", "8")))
        parser.add_argument(
            "--dev", action="store_true", help="Django's development server instead of granian"
        )
        parser.add_argument(
            "--worker-command",
            default=None,
            help="the task worker's manage.py command (default: the SERVE_WORKER_COMMAND setting)",
        )
        parser.add_argument(
            "--flush-interval",
            type=int,
            default=int(os.environ.get("WACANA_VIEW_FLUSH_SECONDS") or 30),
            help="seconds between flushes of buffered view counts",
        )
        parser.add_argument(
            "--grace", type=float, default=5.0, help="seconds the children get to stop"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        manage_py = Path(settings.BASE_DIR) / "manage.py"
        interval = max(1, options["flush_interval"])
        env = {**os.environ, "WACANA_VIEW_FLUSH_SECONDS": str(interval)}
        if settings.METRICS_ENABLED and not env.get("PROMETHEUS_MULTIPROC_DIR"):
            env["PROMETHEUS_MULTIPROC_DIR"] = str(prometheus_folder())
        if options["dev"]:
            env["DEBUG"] = "1"
            server = manage_command(
                manage_py, ["runserver", f"{options['host']}:{options['port']}"]
            )
        else:
            media = Path(settings.MEDIA_ROOT)
            media.mkdir(parents=True, exist_ok=True)
            server = granian_command(
                host=options["host"],
                port=options["port"],
                workers=options["workers"],
                threads=options["threads"],
            )
        worker = (
            shlex.split(options["worker_command"])
            if options["worker_command"]
            else list(settings.SERVE_WORKER_COMMAND)
        )
        flusher = ["run_view_flusher", "--interval", str(interval)]
        if options["dev"]:
            flusher.append("--direct")  # it needs no worker
        supervisor = Supervisor(
            [
                ChildSpec("server", server, restart=False),
                ChildSpec("worker", manage_command(manage_py, worker)),
                ChildSpec("flusher", manage_command(manage_py, flusher)),
            ],
            on_stopped=flush_views,
            grace=options["grace"],
            env=env,
        )
        # Nothing of ours should hold a database connection while the children run.
        connection.close()
        code = supervisor.run()
        if code:
            raise SystemExit(code)
