"""Schema migrations of the accounts database (Alembic), configured in code: no alembic.ini.

The revisions are in `versions/`; `env.py` runs them with `render_as_batch=True`, so that a
revision that alters a table works on SQLite too (Alembic copies the table there).

- `upgrade(url)`, run by `python -m account init`: an empty database is built by the revisions; a
  database created before the migrations existed (the baseline's tables, no `alembic_version`
  table) is recognised and stamped at the baseline; then every revision not applied yet is
  applied. All in one transaction, under a lock on PostgreSQL, so that several machines may run
  it at once.
- `create_if_empty(engine)`, run by the account service when it opens a database: an empty
  one (a test's, a first run's) gets today's tables at once (`create_all`) and is stamped at the
  latest revision; the schema of any other one is left to `upgrade`.
- `new_revision(message)`, run by `python -m account revision MESSAGE`: a new revision written by
  comparing the models of account/storage.py with a throw-away database at the latest revision.
"""

from __future__ import annotations

import functools
import importlib.util
import logging
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.orm import sessionmaker

from account.storage import Base, UTCDateTime, database_engine

MIGRATIONS_DIR = Path(__file__).resolve().parent
VERSION_TABLE = "alembic_version"
# The first revision: the schema as `create_all` made it before the migrations existed.
BASELINE = "0001"
BASELINE_TABLES = frozenset(
    {
        "registrations",
        "accounts",
        "subscriber_sequences",
        "activation_throttles",
        "captcha_challenges",
        "pre_registration_records",
        "summary_links",
        "certificate_accounts",
    }
)
# Key of the PostgreSQL advisory lock held while the schema is created or upgraded.
SCHEMA_LOCK = 0x626F742D6462  # "bot-db"

log = logging.getLogger(__name__)


class UnknownSchema(RuntimeError):
    """Tables of ours without an `alembic_version` table, but not the baseline's."""


@dataclass(frozen=True)
class Upgrade:
    """What `upgrade` did: revisions before and after, and whether it recognised a database
    created before the migrations (then stamped at the baseline)."""

    before: tuple[str, ...]
    after: tuple[str, ...]
    recognised: bool = False

    def __str__(self) -> str:
        after = ", ".join(self.after)
        if self.recognised:
            start = f"tables created before the migrations recognised as revision {BASELINE}"
            return start + ("" if self.after == (BASELINE,) else f", upgraded to {after}")
        if not self.before:
            return f"schema created by the migrations, at revision {after}"
        if self.before == self.after:
            return f"schema up to date, at revision {after}"
        return f"schema upgraded from revision {', '.join(self.before)} to {after}"


def alembic_config(
    connection: Connection | None = None, versions: str | Path | None = None
) -> Config:
    """Alembic's configuration without an ini file. The migrations run on `connection`, in its
    transaction; `versions`: another folder of revisions (the tests use a copy)."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("path_separator", "os")
    config.set_main_option("file_template", "%%(rev)s_%%(slug)s")
    if versions is not None:
        config.set_main_option("version_locations", str(versions).replace("%", "%%"))
    config.attributes["connection"] = connection
    return config


@functools.lru_cache(maxsize=1)
def _scripts() -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config())


def _lock(connection: Connection) -> None:
    """On PostgreSQL, one schema change at a time, until the transaction ends (on SQLite the
    transaction's BEGIN IMMEDIATE already serialises them)."""
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": SCHEMA_LOCK})


def current_revisions(connection: Connection) -> tuple[str, ...]:
    return tuple(sorted(MigrationContext.configure(connection).get_current_heads()))


def upgrade(url: str, versions: str | Path | None = None, target: str = "head") -> Upgrade:
    """Bring the database at `url` to the latest revision, or to `target` (see the module's
    description)."""
    engine = database_engine(url)
    try:
        with engine.begin() as connection:
            _lock(connection)
            config = alembic_config(connection, versions)
            before = current_revisions(connection)
            recognised = False
            if not before:
                present = BASELINE_TABLES & set(inspect(connection).get_table_names())
                if present == BASELINE_TABLES:
                    scripts = ScriptDirectory.from_config(config)
                    MigrationContext.configure(connection).stamp(scripts, BASELINE)
                    recognised = True
                elif present:
                    raise UnknownSchema(
                        f"the database has the tables {sorted(present)} but not "
                        f"{sorted(BASELINE_TABLES - present)} and no {VERSION_TABLE} table: "
                        "it was not made by this project's code; nothing changed"
                    )
            command.upgrade(config, target)
            return Upgrade(before, current_revisions(connection), recognised)
    finally:
        engine.dispose()


def create_if_empty(engine: Engine) -> bool:
    """Today's tables in a database without any table of ours, stamped at the latest revision
    (quicker than running every revision: tests open many fresh databases). True if done."""
    with engine.begin() as connection:
        _lock(connection)
        tables = set(inspect(connection).get_table_names())
        if tables & {*Base.metadata.tables, VERSION_TABLE}:
            current = current_revisions(connection)
            if current != tuple(sorted(_scripts().get_heads())):
                log.warning(
                    "accounts database at revision %s, not the latest: run `python -m account init`",
                    ", ".join(current) or "(none)",
                )
            return False
        Base.metadata.create_all(connection)
        MigrationContext.configure(connection).stamp(_scripts(), "head")
        return True


def render_item(type_: str, item, autogen_context) -> str | bool:
    """Our column types as plain SQLAlchemy ones in the revisions (UTC is kept by the models)."""
    if type_ == "type" and isinstance(item, UTCDateTime):
        return "sa.DateTime()"
    return False


def _next_revision_id(scripts: ScriptDirectory) -> str:
    numbers = [int(s.revision) for s in scripts.walk_revisions() if s.revision.isdigit()]
    return f"{max(numbers, default=0) + 1:04d}"


def _skip_when_unchanged(context, revision, directives) -> None:
    if directives and directives[0].upgrade_ops.is_empty():
        directives[:] = []


def new_revision(
    message: str, autogenerate: bool = True, versions: str | Path | None = None
) -> Path | None:
    """Write the next revision (numbered 0002, 0003...) and return its file, to be reviewed.
    Autogenerated: the operations that bring a database at the latest revision to the models
    (None when there is no difference); otherwise an empty revision to write by hand (data
    migrations, changes autogenerate does not see)."""
    with tempfile.TemporaryDirectory(prefix="account-revision-") as folder:
        engine = database_engine(f"sqlite:///{Path(folder) / 'head.db'}")
        try:
            with engine.begin() as connection:
                config = alembic_config(connection, versions)
                command.upgrade(config, "head")
                script = command.revision(
                    config,
                    message,
                    autogenerate=autogenerate,
                    rev_id=_next_revision_id(ScriptDirectory.from_config(config)),
                    process_revision_directives=_skip_when_unchanged if autogenerate else None,
                )
        finally:
            engine.dispose()
    if isinstance(script, list):  # none when the autogenerated one was empty
        script = script[0] if script else None
    if script is None:
        return None
    _format(Path(script.path))
    return Path(script.path)


def _format(path: Path) -> None:
    """The project's formatting and import order, when ruff is installed (a dev dependency)."""
    if importlib.util.find_spec("ruff") is not None:
        for arguments in (["check", "--fix", "--select", "I", "--quiet"], ["format", "--quiet"]):
            subprocess.run([sys.executable, "-m", "ruff", *arguments, str(path)], check=False)


def open_database(url: str) -> sessionmaker:
    """Create the engine, and the tables in an empty database; return a session factory.

    The schema of an existing database is changed only by the migrations (`python -m account init`,
    `upgrade`)."""
    engine = database_engine(url)
    create_if_empty(engine)
    return sessionmaker(engine, future=True, expire_on_commit=False)
