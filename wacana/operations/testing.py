"""A real S3 API server for tests and the cluster check: moto's standalone server.

Started as a child process on 127.0.0.1; `S3Server.stop()` ends it. moto keeps
everything in memory, so each run starts empty.
"""

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ACCESS_KEY = "wacana-test"
SECRET_KEY = "wacana-test-secret"  # noqa: S105 (moto accepts any key)
REGION = "us-east-1"


class S3Unavailable(RuntimeError):
    """moto is not installed or its server did not answer: the caller skips."""


@dataclass
class S3Server:
    port: int
    process: subprocess.Popen[bytes]

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def env(self, bucket: str, *, public: bool = False) -> dict[str, str]:
        """The WACANA_S3_* variables for a site using `bucket` on this server."""
        variables = {
            "WACANA_S3_BUCKET": bucket,
            "WACANA_S3_ENDPOINT_URL": self.endpoint,
            "WACANA_S3_ACCESS_KEY_ID": ACCESS_KEY,
            "WACANA_S3_SECRET_ACCESS_KEY": SECRET_KEY,
            "WACANA_S3_REGION": REGION,
        }
        if public:
            variables["WACANA_S3_PUBLIC_URL"] = f"{self.endpoint}/{bucket}"
        return variables

    def client(self) -> Any:
        import boto3  # noqa: PLC0415 - an optional test dependency, loaded only when object storage is tested

        return boto3.client(
            "s3",
            endpoint_url=self.endpoint,
            aws_access_key_id=ACCESS_KEY,
            aws_secret_access_key=SECRET_KEY,
            region_name=REGION,
        )

    def create_bucket(self, bucket: str, *, public: bool = False) -> None:
        client = self.client()
        client.create_bucket(Bucket=bucket)
        if public:
            policy = (
                '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*",'
                f'"Action":"s3:GetObject","Resource":"arn:aws:s3:::{bucket}/*"}}]}}'
            )
            client.put_bucket_policy(Bucket=bucket, Policy=policy)

    def keys(self, bucket: str) -> list[str]:
        listing = self.client().list_objects_v2(Bucket=bucket)
        return sorted(item["Key"] for item in listing.get("Contents", []))

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def _answers(port: int) -> bool:
    with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.2):
        return True
    return False


def start_s3_server(port: int, *, timeout: float = 20.0) -> S3Server:
    try:
        import moto.server  # noqa: F401, PLC0415 - an optional test dependency, loaded only when object storage is tested
    except ImportError as error:
        raise S3Unavailable(f"moto[server] is not installed ({error})") from error
    if _answers(port):
        raise S3Unavailable(f"port {port} is in use already")
    process = subprocess.Popen(  # noqa: S603 (our own command line)
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "MOTO_ALLOW_NONEXISTENT_REGION": "true"},
    )
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise S3Unavailable(f"moto's server exited with code {process.returncode}")
        if _answers(port):
            return S3Server(port, process)
        time.sleep(0.1)
    process.kill()
    process.wait()
    raise S3Unavailable(f"moto's server did not answer on port {port} in {timeout:.0f} s")


# --- App servers (manage.py serve) ------------------------------------------------------

ROOT = Path(__file__).resolve().parents[2]


def site_env(var_dir: Any, **extra: str) -> dict[str, str]:
    """The environment of a site of its own in `var_dir` (SQLite unless DATABASE_URL is
    given in `extra`), for manage.py and servers started as children."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DATABASE_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE", "MEDIA_ROOT")
        and not key.startswith("WACANA_")
        and not key.startswith("PYTEST")
    }
    env.update(
        DJANGO_SETTINGS_MODULE="wacana.settings",
        WACANA_VAR_DIR=str(var_dir),
        WACANA_PLAIN_STATIC="1",
        PYTHONUNBUFFERED="1",
    )
    env.update(extra)
    return env


def manage(env: dict[str, str], *args: str, timeout: float = 300) -> str:
    done = subprocess.run(  # noqa: S603 (our own command line)
        [sys.executable, str(ROOT / "manage.py"), *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    if done.returncode:
        raise RuntimeError(f"manage.py {' '.join(args)} failed: {done.stderr[-3000:]}")
    return done.stdout


def python(env: dict[str, str], code: str, *args: str, timeout: float = 300) -> str:
    """Run `code` with Django set up in the site of `env`; its last line of output."""
    done = subprocess.run(  # noqa: S603 (our own command line)
        [sys.executable, "-c", "import django; django.setup()\n" + code, *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    if done.returncode:
        raise RuntimeError(f"the script failed: {done.stderr[-3000:]}")
    return done.stdout.strip().splitlines()[-1] if done.stdout.strip() else ""


@dataclass
class AppServer:
    port: int
    process: subprocess.Popen[bytes]
    log: Any

    def stop(self, timeout: float = 15) -> int:
        """SIGTERM to the supervisor (it stops granian and flushes the views)."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, 9)
                self.process.wait()
        return self.process.returncode

    def kill(self) -> None:
        """The whole server at once, as a crashed machine: no flush, no goodbye."""

        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
        # granian's workers are in their own session (the supervisor starts it so).
        for line in self.log.read_text().splitlines():
            if "Started server (pid" in line:
                pid = int(line.rsplit("(pid ", 1)[1].rstrip(")"))
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(pid, signal.SIGKILL)
        self.process.wait()


def start_app_server(
    env: dict[str, str],
    port: int,
    log: Any,
    *,
    workers: int = 1,
    threads: int = 4,
    timeout: float = 60,
) -> AppServer:
    """`manage.py serve` (granian, task worker, view flusher) on 127.0.0.1:`port`,
    once /healthz answers."""

    handle = open(log, "ab")  # noqa: SIM115 (the child writes to it until it stops)
    process = subprocess.Popen(  # noqa: S603 (our own command line)
        [sys.executable, str(ROOT / "manage.py"), "serve", "--host", "127.0.0.1",
         "--port", str(port), "--workers", str(workers), "--threads", str(threads)],
        env=env, cwd=ROOT, stdout=handle, stderr=subprocess.STDOUT, start_new_session=True,
    )  # fmt: skip
    handle.close()
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the app server exited: {log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as response:
                if response.status == 200:
                    return AppServer(port, process, log)
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError(f"the app server did not answer in {timeout:.0f} s")
