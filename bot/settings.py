"""Settings from the environment, with an optional `.env` file (python-dotenv).

Every setting and its embedded default is listed in `.env.example` at the project root.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

from dotenv import load_dotenv

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

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.time_zone)

    @classmethod
    def from_environment(cls, env_file: str | os.PathLike | None = None) -> "Settings":
        """Read the settings; variables already in the environment win over the `.env` file."""
        load_dotenv(env_file or PROJECT_ROOT / ".env", override=False)
        env = os.environ
        defaults = cls()
        return cls(
            database_url=env.get("DATABASE_URL", defaults.database_url),
            mail_backend=env.get("MAIL_BACKEND", defaults.mail_backend).strip().lower(),
            mail_outbox_dir=Path(env.get("MAIL_OUTBOX_DIR", str(defaults.mail_outbox_dir))),
            mail_from=env.get("MAIL_FROM", defaults.mail_from),
            smtp_host=env.get("SMTP_HOST", defaults.smtp_host),
            smtp_port=int(env.get("SMTP_PORT", defaults.smtp_port)),
            smtp_user=env.get("SMTP_USER", defaults.smtp_user),
            smtp_password=env.get("SMTP_PASSWORD", defaults.smtp_password),
            smtp_starttls=_flag(env.get("SMTP_STARTTLS", str(defaults.smtp_starttls))),
            activation_ttl_hours=int(
                env.get("ACTIVATION_TTL_HOURS", defaults.activation_ttl_hours)
            ),
            captcha_enabled=_flag(env.get("CAPTCHA_ENABLED", str(defaults.captcha_enabled))),
            captcha_ttl_minutes=int(env.get("CAPTCHA_TTL_MINUTES", defaults.captcha_ttl_minutes)),
            time_zone=env.get("TIME_ZONE", defaults.time_zone),
            certificate_accounts_csv=env.get(
                "CERTIFICATE_ACCOUNTS_CSV", defaults.certificate_accounts_csv
            ),
            public_base_url=env.get("PUBLIC_BASE_URL", defaults.public_base_url).rstrip("/"),
            summary_dir=Path(env.get("SUMMARY_DIR", str(defaults.summary_dir))),
            summary_link_ttl_minutes=int(
                env.get("SUMMARY_LINK_TTL_MINUTES", defaults.summary_link_ttl_minutes)
            ),
            pre_registrations_per_conversation_hour=int(
                env.get(
                    "PRE_REGISTRATIONS_PER_CONVERSATION_HOUR",
                    defaults.pre_registrations_per_conversation_hour,
                )
            ),
        )
