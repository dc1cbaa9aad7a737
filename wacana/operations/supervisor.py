"""One process that runs the site: the web server, the task worker and the view flusher.

`manage.py serve` (what `make run` and `make dev` exec) starts each as a child in its own
process group, so a Ctrl-C in the terminal reaches only the supervisor, which then stops
them in order. It:

- restarts the worker and the flusher when they die, after a pause that doubles with
  each quick failure (1 s, 2 s, 4 s … 30 s) and starts again at 1 s once a child has
  stayed up for a minute; each death and restart is logged;
- stops everything when the web server itself dies (a port in use, a bad setting: a
  restart would fail the same way), exiting non-zero;
- on SIGTERM or SIGINT sends SIGTERM to each child (granian stops its own workers),
  waits up to `grace` seconds, SIGKILLs what is left of each process group, then
  writes the buffered view counts to the database (once the server is down no view can
  arrive after the flush) and exits 0. A second signal during the stop skips the wait.
"""

import contextlib
import ctypes
import logging
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType

logger = logging.getLogger(__name__)

BACKOFF_FIRST = 1.0
BACKOFF_MAX = 30.0
STABLE_AFTER = 60.0
GRANIAN_LOG_CONFIG = Path(__file__).with_name("granian_logging.json")


@dataclass
class ChildSpec:
    name: str
    argv: list[str]
    # False for the web server: its death stops everything.
    restart: bool = True


@dataclass
class Child:
    spec: ChildSpec
    process: subprocess.Popen[bytes] | None = None
    started_at: float = 0.0
    quick_failures: int = 0
    restart_at: float | None = None
    restarts: int = field(default=0)


def granian_command(
    *,
    host: str,
    port: int,
    workers: int,
    threads: int,
) -> list[str]:
    """The production server's command line, in one place."""
    return [
        sys.executable,
        "-m",
        "granian",
        "--interface",
        "wsgi",
        "wacana.wsgi:application",
        "--host",
        host,
        "--port",
        str(port),
        "--workers",
        str(workers),
        "--blocking-threads",
        str(threads),
        # No --static-path-route for /media: the WSGI application serves it (wacana.lib.media)
        # with nosniff and a restrictive Content-Security-Policy, which granian cannot add.
        # Our own access log (WACANA_ACCESS_LOG) carries request ids; granian's would not.
        "--no-access-log",
        # Granian's own lines with a time, like ours.
        "--log-config",
        str(GRANIAN_LOG_CONFIG),
        "--respawn-failed-workers",
        "--workers-kill-timeout",
        "3",
    ]


def manage_command(manage_py: Path, args: Sequence[str]) -> list[str]:
    return [sys.executable, str(manage_py), *args]


class Supervisor:
    def __init__(
        self,
        specs: Sequence[ChildSpec],
        *,
        on_stopped: Callable[[], None] = lambda: None,
        grace: float = 5.0,
        poll_interval: float = 0.2,
        clock: Callable[[], float] = time.monotonic,
        env: dict[str, str] | None = None,
    ) -> None:
        self.children = [Child(spec) for spec in specs]
        self.on_stopped = on_stopped
        self.grace = grace
        self.poll_interval = poll_interval
        self.clock = clock
        self.env = env
        self.stop_requested = False
        self.hurry = False
        self.exit_code = 0

    # --- Starting and watching ---------------------------------------------------------

    def start(self, child: Child) -> None:
        child.process = subprocess.Popen(  # noqa: S603 (our own command lines)
            child.spec.argv,
            start_new_session=True,
            env=self.env,
            preexec_fn=_die_with_parent,
        )
        child.started_at = self.clock()
        child.restart_at = None
        logger.info("Started %s (pid %s)", child.spec.name, child.process.pid)

    def start_all(self) -> None:
        for child in self.children:
            self.start(child)

    def backoff(self, child: Child) -> float:
        return min(BACKOFF_FIRST * 2.0 ** max(0, child.quick_failures - 1), BACKOFF_MAX)

    def poll(self) -> None:
        """One look at every child: note deaths, restart those whose pause is over."""
        now = self.clock()
        for child in self.children:
            if child.process is None:
                if child.restart_at is not None and now >= child.restart_at:
                    child.restarts += 1
                    self.start(child)
                continue
            code = child.process.poll()
            if code is None:
                continue
            _kill_group(child.process.pid, signal.SIGKILL)  # what it left behind
            child.process = None
            if not child.spec.restart:
                logger.error("%s exited (code %s): stopping everything", child.spec.name, code)
                self.exit_code = 1
                self.stop_requested = True
                return
            if now - child.started_at >= STABLE_AFTER:
                child.quick_failures = 0
            child.quick_failures += 1
            pause = self.backoff(child)
            child.restart_at = now + pause
            logger.error(
                "%s exited (code %s); restarting it in %.0f s", child.spec.name, code, pause
            )

    # --- Stopping ----------------------------------------------------------------------

    def request_stop(self, signum: int, frame: FrameType | None = None) -> None:
        if self.stop_requested:
            self.hurry = True
            return
        logger.info("Received %s: stopping", signal.strsignal(signum))
        self.stop_requested = True

    def stop(self) -> None:
        running = [child for child in self.children if child.process is not None]
        for child in running:
            assert child.process is not None
            # To the leader only: granian stops its own workers gracefully (finishing the
            # requests in flight); whatever is left of a group is SIGKILLed below.
            with contextlib.suppress(ProcessLookupError):
                child.process.send_signal(signal.SIGTERM)
        deadline = self.clock() + self.grace
        for child in running:
            assert child.process is not None
            while child.process.poll() is None and self.clock() < deadline and not self.hurry:
                time.sleep(0.05)
            if child.process.poll() is None:
                logger.warning("%s did not stop in time: killing it", child.spec.name)
            _kill_group(child.process.pid, signal.SIGKILL)
            child.process.wait()
            child.process = None
        try:
            self.on_stopped()
        except Exception:
            logger.exception("The last step before exiting failed")
        logger.info("Stopped")

    def run(self) -> int:
        previous = {
            sig: signal.signal(sig, self.request_stop) for sig in (signal.SIGTERM, signal.SIGINT)
        }
        try:
            self.start_all()
            while not self.stop_requested:
                self.poll()
                time.sleep(self.poll_interval)
        finally:
            # Also on an error here: the children live in their own process groups and
            # would outlive us.
            self.stop()
            for sig, handler in previous.items():
                signal.signal(sig, handler)
        return self.exit_code


def _die_with_parent() -> None:
    """In the child, before exec: SIGTERM when the supervisor dies, even by SIGKILL, since
    a child in its own session would otherwise live on (and keep serving on the port)."""
    if sys.platform.startswith("linux"):
        pr_set_pdeathsig = 1
        ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGTERM)


def _kill_group(pid: int, sig: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pid, sig)
