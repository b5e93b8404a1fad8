"""Alembic's environment of the accounts database. account/migrations/__init__.py configures it and
gives the connection: the revisions run in that connection's transaction."""

from alembic import context

from account.migrations import render_item
from account.storage import Base

connection = context.config.attributes.get("connection")
if context.is_offline_mode() or connection is None:
    raise SystemExit(
        "run the migrations with `python -m account init` (account/migrations/__init__.py)"
    )

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # an ALTER on SQLite: Alembic copies the table
    compare_type=True,
    render_item=render_item,
)
with context.begin_transaction():
    context.run_migrations()
