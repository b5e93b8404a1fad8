"""Schema migrations (account/migrations): the models and the revisions agree, a database created
before the migrations is upgraded by `python -m account init` with its rows, and a later revision
that changes a table keeps them (on SQLite, where Alembic copies the table, and PostgreSQL)."""

from __future__ import annotations

import contextlib
import dataclasses
import re
import shutil
import sqlite3
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Column, Integer, String, Table, create_engine, insert, inspect, text
from sqlalchemy.exc import IntegrityError

from account.migrations import (
    BASELINE,
    MIGRATIONS_DIR,
    UnknownSchema,
    alembic_config,
    current_revisions,
    new_revision,
    open_database,
    upgrade,
)
from account.service import AccountService
from account.settings import PROJECT_ROOT, Settings
from account.storage import Base, Registration
from tests.conftest import activation_code_in, read_messages

pytestmark = pytest.mark.servers  # PostgreSQL

BEFORE_MIGRATIONS = Path(__file__).with_name("schema_before_migrations.sql")
HEADS = tuple(sorted(ScriptDirectory.from_config(alembic_config()).get_heads()))
NOW = datetime(2023, 8, 21, 10, 0, tzinfo=timezone.utc)


@pytest.fixture(params=["sqlite", "postgresql"])
def database(request, tmp_path) -> str:
    """The URL of an empty database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'accounts.db'}"
    name = "migrations_" + re.sub(r"\W", "_", request.node.name.lower())[:50]
    return request.getfixturevalue("postgres_server").new_database(name)


@contextlib.contextmanager
def connected(url: str):
    engine = create_engine(url, future=True)
    try:
        with engine.begin() as connection:
            yield connection
    finally:
        engine.dispose()


def differences(connection) -> list:
    context = MigrationContext.configure(
        connection, opts={"compare_type": True, "compare_server_default": True}
    )
    return compare_metadata(context, Base.metadata)


def pending_registration(email_key: str, status: str = "pending") -> dict:
    return dict(
        email_key=email_key,
        status=status,
        code_hash="0" * 64,
        created_at=NOW,
        expires_at=NOW,
        language="fr",
    )


def assert_one_pending_registration_per_address(url: str) -> None:
    """The partial unique index: one pending registration per address, any number closed."""
    table = Registration.__table__
    with connected(url) as connection:
        connection.execute(insert(table), pending_registration("index@example.fr", "expired"))
        connection.execute(insert(table), pending_registration("index@example.fr", "expired"))
        connection.execute(insert(table), pending_registration("index@example.fr"))
    with pytest.raises(IntegrityError), connected(url) as connection:
        connection.execute(insert(table), pending_registration("index@example.fr"))


def test_the_models_and_the_migrations_agree(database):
    """A column added to account/storage.py without its revision fails here."""
    assert str(upgrade(database)) == f"schema created by the migrations, at revision {HEADS[0]}"
    with connected(database) as connection:
        assert differences(connection) == []
        assert current_revisions(connection) == HEADS
    assert_one_pending_registration_per_address(database)
    assert str(upgrade(database)) == f"schema up to date, at revision {HEADS[0]}"


def normalised_statements(sql: str) -> list[str]:
    sql = "\n".join(line for line in sql.splitlines() if not line.startswith("--"))
    return [re.sub(r"\s+", " ", s).replace("( ", "(").strip() for s in sql.split(";") if s.strip()]


def test_the_baseline_is_the_schema_created_before_the_migrations(tmp_path):
    url = f"sqlite:///{tmp_path / 'baseline.db'}"
    upgrade(url, target=BASELINE)
    with contextlib.closing(sqlite3.connect(tmp_path / "baseline.db")) as connection:
        made = connection.execute(
            "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name != 'alembic_version'"
            " ORDER BY rowid"
        ).fetchall()
    assert normalised_statements(";".join(sql for (sql,) in made)) == normalised_statements(
        BEFORE_MIGRATIONS.read_text()
    )


def database_before_migrations(path: Path) -> None:
    """A database as the previous code left it: its schema, a registration closed by its
    activation, a pending one, the account, a certificate account, a sequence."""
    moment = "2023-08-21 10:00:00.000000"
    with contextlib.closing(sqlite3.connect(path)) as connection:
        connection.executescript(BEFORE_MIGRATIONS.read_text())
        connection.executemany(
            "INSERT INTO registrations (email_key, status, code_hash, created_at, expires_at,"
            " closed_at, email, surname, first_name, city, country, language)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'fr')",
            [
                ("lila@orange.fr", "activated", "a" * 64, moment, moment, moment) + (None,) * 5,
                ("ann@example.co.uk", "pending", "b" * 64, moment, "2023-08-23 10:00:00.000000")
                + (None, "ann@example.co.uk", "SMITH", "Ann", "London", "GB"),
            ],
        )
        connection.execute(
            "INSERT INTO accounts (subscriber_number, email_key, registered_at, email, surname,"
            " first_name, phone, city, country, trust_question, trust_answer, password_hash,"
            " language) VALUES ('20232330000001', 'lila@orange.fr', ?, 'lila@orange.fr',"
            " 'ROSEMONDE', 'Lila', '+33123456789', 'Paris', 'FR', 'partner_first_name', 'Paul',"
            " '$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA', 'fr')",
            (moment,),
        )
        connection.execute("INSERT INTO subscriber_sequences VALUES ('2023233', 1)")
        connection.execute(
            "INSERT INTO certificate_accounts (email_key, holder)"
            " VALUES ('ancien.certificat@cabinet-exemple.fr', 'Jean MARTIN')"
        )
        connection.commit()


def init(url: str, tmp_path: Path) -> subprocess.CompletedProcess:
    env = {
        "DATABASE_URL": url,
        "MAIL_OUTBOX_DIR": str(tmp_path / "outbox"),
        "SUMMARY_DIR": str(tmp_path / "summaries"),
        "PATH": "/usr/bin:/bin",
    }
    return subprocess.run(
        [sys.executable, "-m", "account", "init"],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_init_upgrades_a_database_created_before_the_migrations_with_its_rows(tmp_path):
    path = tmp_path / "before.db"
    database_before_migrations(path)
    url = f"sqlite:///{path}"

    first = init(url, tmp_path)
    assert first.returncode == 0, first.stderr
    assert f"recognised as revision {BASELINE}" in first.stdout
    assert "3 certificate account(s) added" in first.stdout  # Jean MARTIN was there

    with connected(url) as connection:
        assert current_revisions(connection) == HEADS
        assert differences(connection) == []
        registrations = connection.execute(
            text("SELECT email_key, status, surname FROM registrations ORDER BY id")
        ).all()
        assert [tuple(r) for r in registrations] == [
            ("lila@orange.fr", "activated", None),
            ("ann@example.co.uk", "pending", "SMITH"),
        ]
        assert connection.scalar(text("SELECT count(*) FROM certificate_accounts")) == 4
        assert connection.scalar(text("SELECT last_value FROM subscriber_sequences")) == 1
    service = AccountService(Settings(database_url=url, mail_outbox_dir=tmp_path / "outbox"))
    account = service.account("20232330000001")
    assert (account.email, account.first_name, account.trust_answer) == (
        "lila@orange.fr",
        "Lila",
        "Paul",
    )
    assert account.registered_at == NOW
    service.sessions.kw["bind"].dispose()

    again = init(url, tmp_path)
    assert again.returncode == 0, again.stderr
    assert "schema up to date" in again.stdout and "0 certificate account(s)" in again.stdout


def test_a_database_created_before_the_migrations_is_recognised(database):
    upgrade(database, target=BASELINE)
    with connected(database) as connection:
        connection.execute(text("DROP TABLE alembic_version"))
        connection.execute(text("INSERT INTO subscriber_sequences VALUES ('2023233', 7)"))
    report = upgrade(database)
    assert report.recognised and report.before == () and report.after == HEADS
    with connected(database) as connection:
        assert connection.scalar(text("SELECT last_value FROM subscriber_sequences")) == 7
        assert differences(connection) == []


def test_other_tables_without_a_revision_are_not_touched(tmp_path):
    path = tmp_path / "other.db"
    with contextlib.closing(sqlite3.connect(path)) as connection:
        connection.execute("CREATE TABLE accounts (id INTEGER PRIMARY KEY, name TEXT)")
    with pytest.raises(UnknownSchema, match="registrations"):
        upgrade(f"sqlite:///{path}")
    with contextlib.closing(sqlite3.connect(path)) as connection:
        tables = connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        assert [name for (name,) in tables] == ["accounts"]


def test_the_service_builds_an_empty_database_at_the_latest_revision(tmp_path):
    url = f"sqlite:///{tmp_path / 'service.db'}"
    open_database(url).kw["bind"].dispose()
    with connected(url) as connection:
        assert current_revisions(connection) == HEADS
        assert differences(connection) == []
    assert not upgrade(url).recognised and upgrade(url).before == HEADS


def copy_of_versions(tmp_path: Path) -> Path:
    versions = tmp_path / "versions"
    shutil.copytree(
        MIGRATIONS_DIR / "versions", versions, ignore=shutil.ignore_patterns("__pycache__")
    )
    return versions


# A later revision: a nullable column, and a longer column in the table with the partial index
# (on SQLite Alembic rebuilds that table: a copy, then a move).
LATER_REVISION = """
import sqlalchemy as sa
from alembic import op

revision = "later"
down_revision = {head!r}


def upgrade():
    with op.batch_alter_table("accounts") as batch:
        batch.add_column(sa.Column("fax", sa.String(20), nullable=True))
    with op.batch_alter_table("registrations") as batch:
        batch.alter_column("city", type_=sa.String(80), existing_type=sa.String(60))


def downgrade():
    with op.batch_alter_table("registrations") as batch:
        batch.alter_column("city", type_=sa.String(60), existing_type=sa.String(80))
    with op.batch_alter_table("accounts") as batch:
        batch.drop_column("fax")
"""


def test_a_later_revision_changes_the_tables_and_keeps_the_rows(
    database, tmp_path, clock, make_form, settings
):
    upgrade(database)
    settings = dataclasses.replace(settings, database_url=database)
    service = AccountService(settings, clock=clock)
    service.pre_register(make_form())
    service.pre_register(make_form(email="ann.smith@example.co.uk", surname="Smith"))
    codes = {m["To"]: activation_code_in(m) for m in read_messages(settings.mail_outbox_dir)}
    account = service.activate(codes["lila.rosemonde@orange.fr"], "lila.rosemonde@orange.fr")
    service.sessions.kw["bind"].dispose()

    versions = copy_of_versions(tmp_path)
    (versions / "later_revision.py").write_text(LATER_REVISION.format(head=HEADS[0]))
    report = upgrade(database, versions=versions)
    assert report.before == HEADS and report.after == ("later",)

    with connected(database) as connection:
        columns = {c["name"]: c for c in inspect(connection).get_columns("accounts")}
        assert columns["fax"]["nullable"] is True
        city = next(
            c for c in inspect(connection).get_columns("registrations") if c["name"] == "city"
        )
        assert city["type"].length == 80
        accounts = connection.execute(
            text("SELECT subscriber_number, email, fax FROM accounts")
        ).all()
        assert [tuple(a) for a in accounts] == [
            (account.subscriber_number, "lila.rosemonde@orange.fr", None)
        ]
        statuses = connection.execute(
            text("SELECT status, surname FROM registrations ORDER BY id")
        ).all()
        assert [tuple(s) for s in statuses] == [("activated", None), ("pending", "SMITH")]
    assert_one_pending_registration_per_address(database)  # the index survived the copy

    # The models do not know the column: the service works on as before.
    service = AccountService(settings, clock=clock)
    assert service.account(account.subscriber_number).city == "Paris"
    service.sessions.kw["bind"].dispose()


def test_the_revision_command_writes_the_changes_of_the_models(tmp_path):
    versions = copy_of_versions(tmp_path)
    before = sorted(p.name for p in versions.glob("*.py"))
    assert new_revision("nothing changed", versions=versions) is None
    assert sorted(p.name for p in versions.glob("*.py")) == before

    notes = Table(
        "throwaway_notes",
        Base.metadata,
        Column("id", Integer, primary_key=True),
        Column("note", String(50), nullable=False),
    )
    try:
        path = new_revision("add throwaway notes", versions=versions)
        number = int(HEADS[0]) + 1
        assert path.parent == versions and path.name == f"{number:04d}_add_throwaway_notes.py"
        assert 'op.create_table(\n        "throwaway_notes"' in path.read_text()
        url = f"sqlite:///{tmp_path / 'notes.db'}"
        assert upgrade(url, versions=versions).after == (f"{number:04d}",)
        with connected(url) as connection:
            assert differences(connection) == []
    finally:
        Base.metadata.remove(notes)
