"""A throw-away Redis server (Debian's redis-server) for the tests that share a lock store.

It listens on loopback only and keeps nothing on disk (no snapshot, no append-only file).
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import threading
import time
from pathlib import Path

import redis


class RedisServer:
    def __init__(self, port: int):
        if shutil.which("redis-server") is None:
            raise RuntimeError("Redis is not installed: `make test` installs Debian's redis-server")
        self.port = port
        self.home = Path(tempfile.mkdtemp(prefix="redis-test-"))
        self.process: subprocess.Popen | None = None

    def start(self) -> "RedisServer":
        self.process = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.home),
                "--logfile",
                str(self.home / "log"),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                if self.client().ping():
                    return self
            except redis.ConnectionError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError("redis-server did not start")

    def client(self, **options) -> redis.Redis:
        """An administrator's connection (the default user)."""
        return redis.Redis(host="127.0.0.1", port=self.port, decode_responses=True, **options)

    def add_lock_store_user(self, name: str, password: str) -> None:
        """A user that can only do what the lock store does (transcripts/locks.py): select its
        database, and read, write and delete `lock:` keys in transactions."""
        self.client().acl_setuser(
            name,
            enabled=True,
            passwords=[f"+{password}"],
            keys=["lock:*"],
            commands=[
                "+select",
                "+get",
                "+set",
                "+del",
                "+watch",
                "+unwatch",
                "+multi",
                "+exec",
                "+discard",
            ],
        )

    def monitor(self) -> list[dict]:
        """Every command the server receives from now on (Redis MONITOR), appended as it comes:
        dicts with `client_address`, `client_port` and `command` ("SET lock:... ...")."""
        seen: list[dict] = []
        listening = threading.Event()

        def listen() -> None:
            try:
                with self.client().monitor() as monitor:
                    listening.set()
                    for command in monitor.listen():
                        seen.append(command)
            except redis.ConnectionError:
                pass  # the server stopped

        threading.Thread(target=listen, daemon=True).start()
        if not listening.wait(10):
            raise RuntimeError("MONITOR did not start")
        return seen

    def users_by_client(self) -> dict[str, str]:
        """Each open connection's "address:port", and the user it logged in as."""
        return {client["addr"]: client["user"] for client in self.client().client_list()}

    def stop(self) -> None:
        try:
            if self.process and self.process.poll() is None:
                self.process.terminate()
                self.process.wait(timeout=20)
        finally:
            shutil.rmtree(self.home, ignore_errors=True)
