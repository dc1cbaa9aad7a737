"""The supervisor's rules, with small stand-in children (no Django server)."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from wacana.operations import supervisor
from wacana.operations.supervisor import ChildSpec, Supervisor

SLEEPER = [sys.executable, "-c", "import time; time.sleep(60)"]
# Ignores SIGTERM, as a worker busy with a long job would.
STUBBORN = [
    sys.executable,
    "-c",
    "import signal, time; signal.signal(signal.SIGTERM, signal.SIG_IGN); time.sleep(60)",
]
FAILING = [sys.executable, "-c", "import sys; sys.exit(3)"]


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _wait_dead(process: subprocess.Popen[bytes] | None) -> None:
    assert process is not None
    process.wait(timeout=10)


def test_a_dying_worker_is_restarted_after_a_growing_pause() -> None:
    clock = Clock()
    sup = Supervisor([ChildSpec("worker", FAILING)], clock=clock)
    [child] = sup.children
    pauses = []
    try:
        sup.start_all()
        for _ in range(4):
            _wait_dead(child.process)
            sup.poll()
            assert child.process is None and child.restart_at is not None
            pauses.append(child.restart_at - clock.now)
            sup.poll()  # the pause is not over: not yet
            assert child.process is None
            clock.now = child.restart_at
            sup.poll()
            assert child.process is not None
        assert pauses == [1.0, 2.0, 4.0, 8.0]
        assert child.restarts == 4
        # After a minute up, a death starts the pauses again from one second.
        clock.now += supervisor.STABLE_AFTER + 1
        _wait_dead(child.process)
        sup.poll()
        assert child.restart_at == clock.now + 1.0
        assert not sup.stop_requested
    finally:
        sup.stop()


def test_the_pause_is_capped() -> None:
    sup = Supervisor([ChildSpec("worker", FAILING)])
    [child] = sup.children
    child.quick_failures = 20
    assert sup.backoff(child) == supervisor.BACKOFF_MAX


def test_the_server_dying_stops_everything() -> None:
    stopped = []
    sup = Supervisor(
        [ChildSpec("server", FAILING, restart=False), ChildSpec("worker", SLEEPER)],
        on_stopped=lambda: stopped.append(True),
        poll_interval=0.05,
    )
    started = time.monotonic()
    assert sup.run() == 1
    assert time.monotonic() - started < 5
    assert stopped == [True]
    assert all(child.process is None for child in sup.children)


def test_stop_ends_every_child_then_flushes() -> None:
    seen_alive: list[bool] = []
    sup = Supervisor(
        [ChildSpec("server", SLEEPER, restart=False), ChildSpec("worker", STUBBORN)],
        grace=1.0,
    )
    processes: list[subprocess.Popen[bytes]] = []

    def on_stopped() -> None:
        # The flush comes after the server is down, so that no view arrives after it.
        seen_alive.extend(process.poll() is None for process in processes)

    sup.on_stopped = on_stopped
    sup.start_all()
    processes = [child.process for child in sup.children if child.process]
    time.sleep(0.3)  # let the stubborn one install its handler
    started = time.monotonic()
    sup.stop()
    assert time.monotonic() - started < 3  # the grace, then SIGKILL
    assert seen_alive == [False, False]
    assert processes[1].returncode == -signal.SIGKILL


def test_a_signal_asks_for_the_stop_and_a_second_one_hurries_it() -> None:
    sup = Supervisor([])
    sup.request_stop(signal.SIGTERM)
    assert sup.stop_requested and not sup.hurry
    sup.request_stop(signal.SIGINT)
    assert sup.hurry


def test_a_failing_flush_does_not_keep_the_supervisor_alive(
    caplog: pytest.LogCaptureFixture,
) -> None:
    def broken() -> None:
        raise RuntimeError("database is locked")

    sup = Supervisor([ChildSpec("worker", SLEEPER)], on_stopped=broken, grace=1.0)
    sup.start_all()
    sup.stop()
    assert "The last step before exiting failed" in caplog.text


def test_granian_leaves_media_to_the_application() -> None:
    argv = supervisor.granian_command(host="127.0.0.1", port=8001, workers=2, threads=4)
    # /media is answered by wacana.wsgi (with nosniff and a CSP), never by granian's own
    # static route, which cannot add those headers.
    assert "--static-path-route" not in argv
    assert argv[argv.index("--port") + 1] == "8001"
    assert "--no-access-log" in argv
    assert Path(argv[argv.index("--log-config") + 1]).is_file()


def test_children_do_not_outlive_a_killed_supervisor() -> None:
    # The supervisor itself SIGKILLed (no chance to stop anything): its children follow.
    script = (
        "import sys, time\n"
        "from wacana.operations.supervisor import ChildSpec, Supervisor\n"
        f"sup = Supervisor([ChildSpec('worker', {SLEEPER!r})])\n"
        "sup.start_all()\n"
        "print(sup.children[0].process.pid, flush=True)\n"
        "time.sleep(60)\n"
    )
    parent = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert parent.stdout is not None
    child = int(parent.stdout.readline())
    parent.kill()
    parent.wait()
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        try:
            os.kill(child, 0)
        except ProcessLookupError:
            return
        time.sleep(0.05)
    os.kill(child, signal.SIGKILL)
    raise AssertionError("the child outlived its supervisor")
