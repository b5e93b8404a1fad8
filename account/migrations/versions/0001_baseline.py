"""Baseline: the schema as `create_all` made it before the migrations (commit 12e14f2).

A database created by that code has these tables and no `alembic_version` table: `python -m account
init` recognises it and stamps it at this revision instead of running it.

Revision ID: 0001
Revises:
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def personal_details() -> list[sa.Column]:
    """The columns of the registration form, shared by registrations and accounts."""
    return [
        sa.Column("email", sa.String(100)),
        sa.Column("surname", sa.String(50)),
        sa.Column("first_name", sa.String(50)),
        sa.Column("phone", sa.String(20)),
        sa.Column("street_number", sa.String(12)),
        sa.Column("street_type", sa.String(30)),
        sa.Column("street_name", sa.String(100)),
        sa.Column("complement", sa.String(100)),
        sa.Column("postcode", sa.String(10)),
        sa.Column("city", sa.String(60)),
        sa.Column("country", sa.String(2)),
        sa.Column("trust_question", sa.String(30)),
        sa.Column("trust_answer", sa.String(100)),
        sa.Column("password_hash", sa.Text()),
        sa.Column("language", sa.String(2), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "registrations",
        *personal_details(),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("email_key", sa.String(100), nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("code_hash", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.Column("closed_at", sa.DateTime()),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_registrations_email_key", "registrations", ["email_key"])
    # At most one pending registration per address, even under racing requests.
    op.create_index(
        "one_pending_registration_per_email",
        "registrations",
        ["email_key"],
        unique=True,
        sqlite_where=sa.text("status = 'pending'"),
        postgresql_where=sa.text("status = 'pending'"),
    )

    op.create_table(
        "accounts",
        *personal_details(),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("subscriber_number", sa.String(14), nullable=False),
        sa.Column("email_key", sa.String(100), nullable=False),
        sa.Column("registered_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("subscriber_number"),
        sa.UniqueConstraint("email_key"),
    )

    op.create_table(
        "subscriber_sequences",
        sa.Column("day", sa.String(7), nullable=False),
        sa.Column("last_value", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("day"),
    )

    op.create_table(
        "activation_throttles",
        sa.Column("email_key", sa.String(100), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("locked_until", sa.DateTime()),
        sa.PrimaryKeyConstraint("email_key"),
    )

    op.create_table(
        "captcha_challenges",
        sa.Column("id", sa.String(43), nullable=False),
        sa.Column("answer", sa.String(6), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.Column("used_at", sa.DateTime()),
        sa.PrimaryKeyConstraint("id"),
    )

    op.create_table(
        "pre_registration_records",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("conversation_hash", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        "ix_pre_registration_records_conversation_hash",
        "pre_registration_records",
        ["conversation_hash"],
    )
    op.create_index(
        "ix_pre_registration_records_created_at", "pre_registration_records", ["created_at"]
    )

    op.create_table(
        "summary_links",
        sa.Column("token_hash", sa.String(64), nullable=False),
        sa.Column("conversation_hash", sa.String(64), nullable=False),
        sa.Column("subscriber_number", sa.String(14), nullable=False),
        sa.Column("language", sa.String(2), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("token_hash"),
    )
    op.create_index("ix_summary_links_expires_at", "summary_links", ["expires_at"])

    op.create_table(
        "certificate_accounts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("email_key", sa.String(100), nullable=False),
        sa.Column("holder", sa.String(120), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("email_key", "holder"),
    )
    op.create_index("ix_certificate_accounts_email_key", "certificate_accounts", ["email_key"])


def downgrade() -> None:
    for table in (
        "certificate_accounts",
        "summary_links",
        "pre_registration_records",
        "captcha_challenges",
        "activation_throttles",
        "subscriber_sequences",
        "accounts",
        "registrations",
    ):
        op.drop_table(table)  # with its indexes
