"""The servers measured: ours (the Rasa server and the action server, as the conversation tests
start them) and `rasa init`'s bot, created, trained and started the same way."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

import requests

from harness.servers import BIN, Assistant, free_port

REFERENCE_START_TIMEOUT = 240


def our_assistant(home: Path, workers: int) -> Assistant:
    """Both servers with the CAPTCHA on, SQLite, the file outbox and `workers` Rasa processes:
    `make run`'s defaults (one worker per core)."""
    return Assistant(home, captcha_enabled=True, workers=workers).start()


class ReferenceBot:
    """`rasa init --no-prompt` in `home` (which trains its model), then `rasa run` on REST."""

    def __init__(self, home: Path):
        self.home = home
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen | None = None
        self.env = {**os.environ, "RASA_TELEMETRY_ENABLED": "false"}

    def create(self) -> float:
        """Seconds `rasa init` took (mostly the training of its model)."""
        begin = time.perf_counter()
        subprocess.run(
            [str(BIN / "rasa"), "init", "--no-prompt", "--init-dir", str(self.home)],
            cwd=self.home,
            env=self.env,
            check=True,
            capture_output=True,
        )
        return time.perf_counter() - begin

    def start(self) -> "ReferenceBot":
        log = open(self.home / "rasa.log", "a")
        self.process = subprocess.Popen(
            # Rasa as it comes, without rasa_patches (ours runs with them, as `make run` does).
            [str(BIN / "rasa"), "run", "--enable-api", "-p", str(self.port)],
            cwd=self.home,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + REFERENCE_START_TIMEOUT
        while time.monotonic() < deadline:
            try:
                if requests.get(f"{self.base_url}/status", timeout=2).json().get("model_file"):
                    return self
            except (requests.RequestException, ValueError):
                pass
            if self.process.poll() is not None:
                break
            time.sleep(1)
        raise RuntimeError("rasa init's bot did not start: see " + str(self.home / "rasa.log"))

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=30)
