"""A throw-away PostgreSQL server (Debian's postgresql) for the tests that must run on it.

initdb and pg_ctl run as the `postgres` system user when the tests run as root (PostgreSQL
refuses root); the server listens on a Unix socket only, in a private temporary folder.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from sqlalchemy import create_engine, text


def postgres_binaries() -> Path | None:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
    return found[-1].parent if found else None


class PostgresServer:
    def __init__(self, port: int):
        binaries = postgres_binaries()
        if binaries is None:
            raise RuntimeError(
                "PostgreSQL is not installed: `make test` installs Debian's postgresql"
            )
        self.binaries = binaries
        self.port = port
        self.home = Path(tempfile.mkdtemp(prefix="pg-test-"))
        self.data = self.home / "data"
        self._options = (
            f"-p {port} -k {self.home} -c listen_addresses='' -c max_connections=200 -c fsync=off"
        )
        self._as_postgres = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        if self._as_postgres:
            shutil.chown(self.home, "postgres", "postgres")

    def _run(self, *command: str) -> None:
        subprocess.run(
            [*self._as_postgres, *command], check=True, capture_output=True, cwd=self.home
        )

    def start(self) -> "PostgresServer":
        self._run(
            str(self.binaries / "initdb"),
            "-D",
            str(self.data),
            "-U",
            "postgres",
            "--auth=trust",
            "-E",
            "UTF8",
            "--locale=C",
        )
        self.resume()
        return self

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg2://postgres@/{database}?host={self.home}&port={self.port}"

    def new_database(self, name: str) -> str:
        engine = create_engine(self.url(), isolation_level="AUTOCOMMIT", future=True)
        with engine.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
            connection.execute(text(f'CREATE DATABASE "{name}"'))
        engine.dispose()
        return self.url(name)

    def pause(self) -> None:
        """The database goes down (the data stay)."""
        self._run(str(self.binaries / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop")

    def resume(self) -> None:
        self._run(
            str(self.binaries / "pg_ctl"),
            "-D",
            str(self.data),
            "-l",
            str(self.home / "log"),
            "-w",
            "-o",
            self._options,
            "start",
        )

    def stop(self) -> None:
        try:
            self._run(
                str(self.binaries / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop"
            )
        finally:
            shutil.rmtree(self.home, ignore_errors=True)
