"""Settings from the environment, with an optional `.env` file (python-dotenv), read without
changing the process environment.

Every setting and its embedded default is listed in `.env.example` at the project root;
`VARIABLES` (below) names the variable of each setting.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple
from zoneinfo import ZoneInfo

from dotenv import dotenv_values

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def _flag(value: str) -> bool:
    return value.strip().lower() in {"1", "true", "yes", "on"}


@dataclass(frozen=True)
class Settings:
    database_url: str = "sqlite:///var/accounts.db"
    mail_backend: str = "file"  # "file" (RFC 822 files in an outbox folder) or "smtp"
    mail_outbox_dir: Path = Path("var/outbox")
    mail_from: str = "ne-pas-repondre@dgfip.finances.gouv.fr"
    smtp_host: str = "localhost"
    smtp_port: int = 25
    smtp_user: str = ""
    smtp_password: str = ""
    smtp_starttls: bool = False
    activation_ttl_hours: int = 48
    captcha_enabled: bool = True
    captcha_ttl_minutes: int = 10
    time_zone: str = "Europe/Paris"
    certificate_accounts_csv: str = "fixtures/certificate_accounts.csv"
    public_base_url: str = "http://localhost:5005"
    summary_dir: Path = Path("var/summaries")
    summary_link_ttl_minutes: int = 30
    pre_registrations_per_conversation_hour: int = 3
    # Origins (scheme://host[:port]) of the sites allowed to embed the web chat and to call the
    # assistant from their pages; none by default: the assistant's own origin only.
    allowed_origins: tuple[str, ...] = ()
    # Days a conversation is kept after its last message (`python -m account purge`).
    conversation_retention_days: int = 30
    # Password of the team's page (/webhooks/web/team/, HTTP Basic, user "team"); empty: no page.
    team_page_password: str = ""

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.time_zone)

    @classmethod
    def from_mapping(cls, values: Mapping[str, str | None]) -> "Settings":
        """The settings from variables by name; a variable absent (or without a value) keeps
        the embedded default."""
        given = {}
        for variable in VARIABLES:
            raw = values.get(variable.name)
            if raw is None:
                continue
            try:
                given[variable.field] = variable.parse(raw)
            except ValueError as error:
                raise ValueError(f"{variable.name}={raw!r}: {error}") from None
        return cls(**given)

    @classmethod
    def from_environment(
        cls, env_file: str | os.PathLike | None = None, environ: Mapping[str, str] | None = None
    ) -> "Settings":
        """The settings from `environ` (default: the process environment) and the `.env` file
        (default: the project's), the environment winning. Nothing is written to os.environ."""
        file_values = dotenv_values(env_file or PROJECT_ROOT / ".env")
        return cls.from_mapping({**file_values, **(os.environ if environ is None else environ)})


class Variable(NamedTuple):
    field: str  # of Settings
    name: str  # of the environment variable
    parse: Callable[[str], object]


def _lowercase(value: str) -> str:
    return value.strip().lower()


def _without_final_slash(value: str) -> str:
    return value.rstrip("/")


_ORIGIN = re.compile(r"https?://[a-z0-9.-]+(:[0-9]{1,5})?")


def _origins(value: str) -> tuple[str, ...]:
    """Origins separated by spaces or commas; each exactly scheme://host[:port], never `*`."""
    origins = tuple(dict.fromkeys(o.rstrip("/").lower() for o in re.split(r"[\s,]+", value) if o))
    wrong = [o for o in origins if not _ORIGIN.fullmatch(o)]
    if wrong:
        raise ValueError(f"not an origin (scheme://host[:port], no path, no *): {', '.join(wrong)}")
    return origins


# The one list of the settings' variables (`.env.example` documents each one).
VARIABLES = (
    Variable("database_url", "DATABASE_URL", str),
    Variable("mail_backend", "MAIL_BACKEND", _lowercase),
    Variable("mail_outbox_dir", "MAIL_OUTBOX_DIR", Path),
    Variable("mail_from", "MAIL_FROM", str),
    Variable("smtp_host", "SMTP_HOST", str),
    Variable("smtp_port", "SMTP_PORT", int),
    Variable("smtp_user", "SMTP_USER", str),
    Variable("smtp_password", "SMTP_PASSWORD", str),
    Variable("smtp_starttls", "SMTP_STARTTLS", _flag),
    Variable("activation_ttl_hours", "ACTIVATION_TTL_HOURS", int),
    Variable("captcha_enabled", "CAPTCHA_ENABLED", _flag),
    Variable("captcha_ttl_minutes", "CAPTCHA_TTL_MINUTES", int),
    Variable("time_zone", "TIME_ZONE", str),
    Variable("certificate_accounts_csv", "CERTIFICATE_ACCOUNTS_CSV", str),
    Variable("public_base_url", "PUBLIC_BASE_URL", _without_final_slash),
    Variable("summary_dir", "SUMMARY_DIR", Path),
    Variable("summary_link_ttl_minutes", "SUMMARY_LINK_TTL_MINUTES", int),
    Variable(
        "pre_registrations_per_conversation_hour", "PRE_REGISTRATIONS_PER_CONVERSATION_HOUR", int
    ),
    Variable("allowed_origins", "ALLOWED_ORIGINS", _origins),
    Variable("conversation_retention_days", "CONVERSATION_RETENTION_DAYS", int),
    Variable("team_page_password", "TEAM_PAGE_PASSWORD", str),
)
