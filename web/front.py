"""`make run`'s layout: one one-worker Rasa process per core behind an nginx front.

Why not Sanic's own workers: they share one listening socket, so each request of a client may
reach either process, and a socket.io session polling over HTTP lives in the process that opened
it (another one answers 400, "unknown session"): rasa-webchat, which starts by polling, and any
polling-only client failed about half the time. nginx routes on what socket.io sends:
- a request carrying a session id (`?sid=`, every polling request after the first and the
  WebSocket upgrade) goes to the process whose route starts that id (rasa_patches/socketio_route.py
  makes each process start its ids with its route, `SOCKETIO_ROUTE`);
- anything else (the first request of a session, WebSocket-only clients, the REST channel, the
  chat page, CAPTCHA images, summary downloads) goes to the least busy process: a conversation's
  messages wait for each other in the lock store whichever process takes them.
It is also the scale-out layout (deploy/scale-out/), with the processes on one machine.

`python -m web.front --port 5005 --processes 2 --run-dir var/front -- <rasa run arguments>`
starts the processes (on free loopback ports), waits until each has loaded the model, then starts
nginx on the public port; Ctrl-C or SIGTERM stops them all, and the end of any one stops the rest.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import requests

START_TIMEOUT_S = 300
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
# How many WebSocket and polling connections the front holds at once.
FRONT_CONNECTIONS = 4096


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def nginx_config(port: int, process_ports: list[int], run_dir: Path, host: str = "") -> str:
    """nginx's configuration for the front; process i+1 listens on process_ports[i]."""
    listen = f"{host}:{port}" if host else str(port)
    routes = "\n".join(
        f"        ~^{route}\\. rasa_{route};" for route in range(1, len(process_ports) + 1)
    )
    upstreams = "\n".join(
        f"    upstream rasa_{route} {{ server 127.0.0.1:{p}; keepalive 8; }}"
        for route, p in enumerate(process_ports, start=1)
    )
    any_process = "\n".join(f"        server 127.0.0.1:{p};" for p in process_ports)
    temp = "\n".join(
        f"    {kind}_temp_path {run_dir / kind};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    # Given in each location: a location's own proxy_set_header drops the server's.
    forwarded = (
        "proxy_set_header Host $http_host;\n"
        "            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;\n"
        "            proxy_set_header X-Forwarded-Proto $scheme;"
    )
    return f"""# Written by web/front.py at each start; do not edit.
daemon off;
worker_processes 1;
pid {run_dir / "nginx.pid"};
error_log {run_dir / "error.log"} warn;
events {{ worker_connections {FRONT_CONNECTIONS}; }}
http {{
    access_log off;
    server_tokens off;
{temp}
    client_max_body_size 1m;
    client_body_buffer_size 1m;

    # socket.io's session id names the process holding the session; no id: any process.
    map $arg_sid $socketio_process {{
        default rasa_any;
{routes}
    }}
    map $http_upgrade $connection_upgrade {{
        default upgrade;
        "" "";
    }}
{upstreams}
    upstream rasa_any {{
        least_conn;
{any_process}
        keepalive 32;
    }}

    server {{
        listen {listen};
        proxy_http_version 1.1;
        # A turn may take a while under load; Rasa's own limit is longer.
        proxy_read_timeout 300s;

        location /socket.io/ {{
            proxy_pass http://$socketio_process;
            {forwarded}
            proxy_set_header Upgrade $http_upgrade;
            proxy_set_header Connection $connection_upgrade;
            # Long polling answers and WebSocket frames go through as they come.
            proxy_buffering off;
            # An idle chat is not cut after nginx's default 60 s.
            proxy_read_timeout 3600s;
        }}
        location / {{
            proxy_pass http://rasa_any;
            {forwarded}
            proxy_set_header Connection "";
        }}
    }}
}}
"""


@dataclass
class Front:
    """The Rasa processes and nginx, started and stopped together."""

    port: int
    processes: int
    run_dir: Path
    rasa_arguments: list[str]
    host: str = ""
    children: list[subprocess.Popen] = field(default_factory=list)

    def rasa_command(self, port: int) -> list[str]:
        command = [sys.executable, "-m", "rasa_patches", *self.rasa_arguments]
        # No `--cors`: the channels answer the origins of ALLOWED_ORIGINS themselves.
        return command + ["-p", str(port), "-i", "127.0.0.1"]

    def start(self) -> None:
        if self.processes < 1:
            raise ValueError("at least one Rasa process")
        self.run_dir.mkdir(parents=True, exist_ok=True)
        ports = [free_port() for _ in range(self.processes)]
        for route, port in enumerate(ports, start=1):
            env = {**os.environ, "SOCKETIO_ROUTE": str(route), "SANIC_WORKERS": "1"}
            self.children.append(subprocess.Popen(self.rasa_command(port), env=env))
        self._wait_for(ports)
        config = self.run_dir / "nginx.conf"
        config.write_text(nginx_config(self.port, ports, self.run_dir.resolve(), self.host))
        nginx = subprocess.Popen(
            [NGINX, "-e", str((self.run_dir / "error.log").resolve()), "-c", str(config.resolve())]
        )
        self.children.append(nginx)
        self._wait_for_front()

    def _wait_for(self, ports: list[int]) -> None:
        deadline = time.monotonic() + START_TIMEOUT_S
        waiting = set(ports)
        while waiting:
            if time.monotonic() > deadline or self.ended():
                raise RuntimeError("a Rasa process did not start (see its output above)")
            for port in list(waiting):
                # Rasa answers its root route once the model is loaded (it loads before
                # listening); /status needs --enable-api, which `make run` leaves off.
                try:
                    if requests.get(f"http://127.0.0.1:{port}/", timeout=2).ok:
                        waiting.discard(port)
                except requests.RequestException:
                    pass
            time.sleep(0.5)

    def _wait_for_front(self) -> None:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and not self.ended():
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError(f"nginx did not start: see {self.run_dir / 'error.log'}")

    def ended(self) -> bool:
        return any(child.poll() is not None for child in self.children)

    def stop(self) -> None:
        for child in self.children:
            if child.poll() is None:
                child.terminate()
        for child in self.children:
            try:
                child.wait(timeout=20)
            except subprocess.TimeoutExpired:
                child.kill()
                child.wait()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m web.front", description=__doc__)
    parser.add_argument("--port", type=int, default=5005, help="the public port")
    parser.add_argument("--host", default="", help="the address to listen on (default: all)")
    parser.add_argument("--processes", type=int, default=len(os.sched_getaffinity(0)))
    parser.add_argument("--run-dir", type=Path, default=Path("var/front"))
    parser.add_argument("rasa_arguments", nargs=argparse.REMAINDER)
    options = parser.parse_args(argv)
    arguments = options.rasa_arguments
    arguments = arguments[1:] if arguments[:1] == ["--"] else arguments
    front = Front(options.port, options.processes, options.run_dir, arguments, options.host)

    def stop(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    try:
        front.start()
        print(
            f"{options.processes} Rasa process(es) behind nginx on port {options.port}",
            flush=True,
        )
        while not front.ended():
            time.sleep(1)
        return 1  # one of them ended on its own
    except KeyboardInterrupt:
        return 0
    finally:
        front.stop()


if __name__ == "__main__":
    sys.exit(main())
