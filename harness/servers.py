"""Start the real action server and Rasa server (REST channel) for conversation tests."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

import requests
from sqlalchemy import create_engine, text

from account.settings import PROJECT_ROOT

MODEL = PROJECT_ROOT / "models" / "assistant.tar.gz"
BIN = Path(sys.executable).parent
# The Rasa server as `make run` starts it: Rasa's command line with rasa_patches installed.
RASA = [sys.executable, "-m", "rasa_patches"]
START_TIMEOUT = 240
# `make run` starts one Rasa process per core (nproc) behind its nginx front; tests of that layout
# run at least two.
MAKE_RUN_WORKERS = max(2, len(os.sched_getaffinity(0)))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def running(home: Path, **options) -> Iterator["Assistant"]:
    """Both servers for the time of a `with` block (a module's fixture), stopped whatever happens."""
    servers = Assistant(home, **options).start()
    try:
        yield servers
    finally:
        servers.stop()


@dataclass
class Assistant:
    """Both servers, with their own database, outbox and summary folder under `home`."""

    home: Path
    captcha_enabled: bool = True
    database_url: str | None = None  # default: SQLite under `home`; several may share one
    # endpoints.yml lines for `tracker_store` (and `lock_store`); default: SQLite under `home`
    stores: str | None = None
    settings: dict[str, str] = field(default_factory=dict)  # more settings (.env.example's names)
    # Rasa server processes; more than one: behind the nginx front, as `make run` starts one per
    # core (web/front.py).
    workers: int = 1
    processes: dict[str, subprocess.Popen] = field(default_factory=dict)

    def __post_init__(self):
        self.rasa_port, self.actions_port = free_port(), free_port()
        self.database = self.home / "accounts.db"
        self.tracker_database = self.home / "tracker.db"
        self.lock_database = self.home / "locks.db"
        self.outbox = self.home / "outbox"
        self.base_url = f"http://127.0.0.1:{self.rasa_port}"
        self.env = {
            **os.environ,
            "DATABASE_URL": self.database_url or f"sqlite:///{self.database}",
            "MAIL_BACKEND": "file",
            "MAIL_OUTBOX_DIR": str(self.outbox),
            "SUMMARY_DIR": str(self.home / "summaries"),
            "CAPTCHA_ENABLED": str(self.captcha_enabled).lower(),
            "PUBLIC_BASE_URL": self.base_url,
            "RASA_TELEMETRY_ENABLED": "false",
            "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
            "SANIC_WORKERS": "1",
            **self.settings,
        }

    def start(self) -> "Assistant":
        self.init_database()
        return self.launch()

    def init_database(self) -> None:
        """Prepared as `make run` prepares it (tables, legacy certificate accounts); once for a
        database that several instances share."""
        subprocess.run(
            [sys.executable, "-m", "account", "init"],
            cwd=PROJECT_ROOT,
            env=self.env,
            check=True,
            capture_output=True,
        )

    def launch(self) -> "Assistant":
        """Both servers, on a database already prepared."""
        if not MODEL.is_file():
            raise RuntimeError(f"{MODEL} is missing: `make test` trains it first")
        endpoints = self.home / "endpoints.yml"
        stores = self.stores or (
            "tracker_store:\n  type: transcripts.store.RedactingSQLTrackerStore\n"
            f"  dialect: sqlite\n  db: {self.tracker_database}\n"
            "lock_store:\n  type: transcripts.locks.SQLiteLockStore\n"
            f"  db: {self.lock_database}\n"
        )
        endpoints.write_text(
            f'action_endpoint:\n  url: "http://127.0.0.1:{self.actions_port}/webhook"\n{stores}'
        )
        self.start_actions()
        arguments = ["run", "-m", str(MODEL), "--enable-api", "--credentials", "credentials.yml"]
        arguments += ["--endpoints", str(endpoints)]
        if self.workers > 1:
            front = [sys.executable, "-m", "web.front", "--port", str(self.rasa_port)]
            front += ["--processes", str(self.workers), "--run-dir", str(self.home / "front")]
            self._spawn("rasa", [*front, "--", *arguments])
        else:
            self._spawn("rasa", [*RASA, *arguments, "-p", str(self.rasa_port)])
        self._wait_until_ready()
        return self

    def start_actions(self) -> None:
        self._spawn(
            "actions",
            [
                str(BIN / "rasa"),
                "run",
                "actions",
                "--actions",
                "actions",
                "-p",
                str(self.actions_port),
            ],
        )

    def restart_actions(self) -> None:
        self.stop("actions")
        self.start_actions()
        self._wait_until_ready()

    def restart(self) -> None:
        """Both servers stopped and started again, on the same stores."""
        self.stop()
        self.start()

    def _wait_until_ready(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self._ready():
                return
            if any(p.poll() is not None for p in self.processes.values()):
                break
            time.sleep(1)
        self.stop()
        logs = "\n".join(self.log(name)[-3000:] for name in ("actions", "rasa"))
        raise RuntimeError(f"the servers did not start:\n{logs}")

    def log(self, name: str) -> str:
        """Everything a server printed, over all its starts."""
        return (self.home / f"{name}.log").read_text(errors="replace")

    def _spawn(self, name: str, command: list[str]) -> None:
        log = open(self.home / f"{name}.log", "a")
        self.processes[name] = subprocess.Popen(
            command,
            cwd=PROJECT_ROOT,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def _ready(self) -> bool:
        try:
            actions = requests.get(f"http://127.0.0.1:{self.actions_port}/health", timeout=2)
            rasa = requests.get(f"{self.base_url}/status", timeout=2)
            return actions.ok and rasa.ok and rasa.json().get("model_file")
        except requests.RequestException:
            return False

    def stop(self, *names: str) -> None:
        """Stop the named servers ("actions", "rasa"), or all of them."""
        chosen = [
            self.processes.pop(n) for n in (names or list(self.processes)) if n in self.processes
        ]
        for process in chosen:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for process in chosen:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()

    # Talking to it -------------------------------------------------------------------------

    def say(self, sender: str, text: str, metadata: dict | None = None) -> list[dict]:
        payload = {"sender": sender, "message": text}
        if metadata:
            payload["metadata"] = metadata
        reply = requests.post(f"{self.base_url}/webhooks/rest/webhook", json=payload, timeout=60)
        assert reply.status_code == 200, reply.text
        return reply.json()

    def tracker(self, sender: str) -> dict:
        return requests.get(f"{self.base_url}/conversations/{sender}/tracker", timeout=30).json()

    def captcha_answer(self, messages: list[dict]) -> str:
        """What an operator could read in the database for the challenge just shown."""
        url = next(m["image"] for m in messages if m.get("image"))
        challenge_id = url.rstrip("/").split("/")[-2]
        engine = create_engine(self.env["DATABASE_URL"])
        try:
            with engine.connect() as db:
                return db.execute(
                    text("select answer from captcha_challenges where id = :id"),
                    {"id": challenge_id},
                ).scalar_one()
        finally:
            engine.dispose()


def summary_pdf(text: str, sender: str) -> bytes:
    """What a remote client gets from the summary link it was given: it knows nothing but the
    link and its own conversation id (no file system of the server)."""
    link = re.search(r"(https?://\S+/webhooks/web/summary/[\w-]+)", text).group(1)
    download = requests.get(link, headers={"X-Conversation-Id": sender}, timeout=30)
    assert download.status_code == 200 and download.content.startswith(b"%PDF"), (
        download.status_code
    )
    return download.content


def text_of(messages: list[dict]) -> str:
    return "\n".join(m.get("text", "") for m in messages)


def buttons_of(messages: list[dict]) -> list[str]:
    return [b["title"] for m in messages for b in m.get("buttons", [])]
