"""A real S3 API server for tests and the cluster check: moto's standalone server.

Started as a child process on 127.0.0.1; `S3Server.stop()` ends it. moto keeps
everything in memory, so each run starts empty.
"""

import contextlib
import os
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
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
        import boto3

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
        import moto.server  # noqa: F401
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
