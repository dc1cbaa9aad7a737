"""deploy/nginx.conf, run by the tests, `make bench` and `make cluster-test`: the shipped
file with its ADAPT values replaced, inside a minimal main configuration of our own
(prefix, pid, logs and temp folders in one folder), as a foreground process.
"""

import os
import pwd
import shutil
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SITE_CONF = ROOT / "deploy" / "nginx.conf"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


class NginxUnavailable(RuntimeError):
    """nginx is not installed or did not start: the caller skips, saying why."""


def render(
    *,
    listen: int,
    app_ports: list[int],
    static_root: Path,
    media_root: Path,
    cache_dir: Path,
    text: str | None = None,
    extra_headers: dict[str, str] | None = None,
) -> str:
    """The site configuration with this machine's values in place of the ADAPT ones."""
    text = SITE_CONF.read_text() if text is None else text
    servers = "\n    ".join(
        f"server 127.0.0.1:{port} max_fails=1 fail_timeout=10s;" for port in app_ports
    )
    replacements = {
        "server 127.0.0.1:8000 max_fails=1 fail_timeout=10s;": servers,
        "/var/cache/nginx/wacana": str(cache_dir),
        "listen 80;": f"listen 127.0.0.1:{listen};",
        "alias /srv/wacana/staticfiles/;": f"alias {static_root}/;",
        "alias /srv/wacana/var/media/;": f"alias {media_root}/;",
    }
    marker = "add_header X-Cache-Status $upstream_cache_status always;"
    added = "".join(
        f"\n        add_header {name} {value} always;"
        for name, value in (extra_headers or {}).items()
    )
    replacements[marker] = marker + added
    for old, new in replacements.items():
        if old not in text:
            raise ValueError(f"deploy/nginx.conf no longer holds {old!r}")
        text = text.replace(old, new)
    return text


def main_conf(folder: Path, site: Path) -> str:
    user = pwd.getpwuid(os.getuid()).pw_name
    temp = "\n    ".join(
        f"{kind}_temp_path {folder / kind};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    return f"""
daemon off;
{"user " + user + ";" if os.getuid() == 0 else ""}
worker_processes 1;
pid {folder / "nginx.pid"};
error_log {folder / "error.log"} warn;
events {{ worker_connections 1024; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    sendfile on;
    keepalive_requests 100000;
    {temp}
    include {site};
}}
"""


@dataclass
class Nginx:
    port: int
    folder: Path
    process: subprocess.Popen[bytes]

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()  # fast shutdown of the master and its worker
            try:
                self.process.wait(5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def errors(self) -> str:
        log = self.folder / "error.log"
        return log.read_text()[-3000:] if log.exists() else ""


def start_nginx(
    folder: Path,
    *,
    listen: int,
    app_ports: list[int],
    static_root: Path,
    media_root: Path,
    timeout: float = 10.0,
    extra_headers: dict[str, str] | None = None,
) -> Nginx:
    if not Path(NGINX).exists():
        raise NginxUnavailable("nginx is not installed (apt-get install nginx)")
    folder.mkdir(parents=True, exist_ok=True)
    cache = folder / "cache"
    # Pages an earlier run kept (another app, another configuration) are not this one's.
    shutil.rmtree(cache, ignore_errors=True)
    cache.mkdir()
    site = folder / "wacana.conf"
    site.write_text(
        render(
            listen=listen,
            app_ports=app_ports,
            static_root=static_root,
            media_root=media_root,
            cache_dir=cache,
            extra_headers=extra_headers,
        )
    )
    conf = folder / "nginx.conf"
    conf.write_text(main_conf(folder, site))
    argv = [NGINX, "-p", str(folder), "-c", str(conf), "-e", str(folder / "error.log")]
    check = subprocess.run([*argv, "-t"], capture_output=True, text=True, check=False)  # noqa: S603
    if check.returncode:
        raise NginxUnavailable(f"nginx refused the configuration: {check.stderr[-2000:]}")
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # noqa: S603
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise NginxUnavailable(f"nginx exited: {(folder / 'error.log').read_text()[-2000:]}")
        try:
            with socket.create_connection(("127.0.0.1", listen), 0.2):
                return Nginx(listen, folder, process)
        except OSError:
            time.sleep(0.05)
    process.kill()
    process.wait()
    raise NginxUnavailable(f"nginx did not listen on {listen} in {timeout:.0f} s")
