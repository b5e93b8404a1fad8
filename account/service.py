"""`AccountService`, the one entry point of the procedure: the Rasa actions, the web page, the
support command line and the tests all go through it. A thin front over one object per concern:
pre-registration, activation, expiry, summaries, CAPTCHA."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Optional

from sqlalchemy.orm import sessionmaker

from account import rules
from account.activation import ActivatedAccount, Activations
from account.captcha_challenges import CaptchaService
from account.certificates import load_certificate_accounts
from account.clock import SystemClock
from account.expiry import expire_due
from account.mail import mailer_from_settings
from account.migrations import open_database
from account.pre_registration import PendingRegistration, PreRegistrations
from account.registration_form import RegistrationForm
from account.settings import Settings
from account.summaries import Summaries
from account.summary_pdf import SummaryContent
from account.support import HOTLINE


class AccountService:
    def __init__(
        self,
        settings: Settings,
        *,
        clock=None,
        mailer=None,
        sessions: Optional[sessionmaker] = None,
    ):
        self.settings = settings
        self.clock = clock or SystemClock()
        self.sessions = sessions or open_database(settings.database_url)
        self.mailer = mailer or mailer_from_settings(settings)
        self.captcha = CaptchaService(self.sessions, self.clock, settings.captcha_ttl_minutes)
        self.pre_registrations = PreRegistrations(settings, self.sessions, self.clock, self.mailer)
        self.activations = Activations(settings, self.sessions, self.clock)
        self.summaries = Summaries(settings, self.sessions, self.clock, self.activations.account)

    @classmethod
    def from_environment(cls, **overrides) -> "AccountService":
        return cls(Settings.from_environment(), **overrides)

    def response_values(self) -> dict[str, str]:
        """The settings and rules the assistant's responses quote (domain.yml `{…}`): set as
        slots when a conversation starts, so no figure is written into a response."""
        return {
            "activation_ttl_hours": str(self.settings.activation_ttl_hours),
            "password_min_length": str(rules.PASSWORD_MIN_LENGTH),
            "hotline": HOTLINE,
        }

    def load_certificate_accounts(self, csv_path: Path | str | None = None) -> int:
        path = Path(csv_path or self.settings.certificate_accounts_csv)
        return load_certificate_accounts(self.sessions, path) if path.is_file() else 0

    # Pre-registration
    def check_login_email(self, raw):
        return self.pre_registrations.check_login_email(raw)

    def pre_register(
        self, form: RegistrationForm, conversation_id: Optional[str] = None
    ) -> PendingRegistration:
        return self.pre_registrations.pre_register(form, conversation_id)

    # Activation
    def activate(self, code: str, email: str) -> ActivatedAccount:
        return self.activations.activate(code, email)

    def activate_by_code_hash(self, code_hash: str, email: str) -> ActivatedAccount:
        return self.activations.activate_by_code_hash(code_hash, email)

    def account(self, subscriber_number: str) -> Optional[ActivatedAccount]:
        return self.activations.account(subscriber_number)

    # Expiry
    def expire_due_registrations(self) -> int:
        """Expire the pending registrations past their deadline and purge their personal data.
        Returns how many expired now."""
        with self.sessions.begin() as session:
            return expire_due(session, self.clock.now())

    # The summary
    def summary_content(self, account: ActivatedAccount, language: str) -> SummaryContent:
        return self.summaries.content(account, language)

    def summary_pdf(self, account: ActivatedAccount, language: Optional[str] = None) -> bytes:
        return self.summaries.pdf(account, language)

    def save_summary_pdf(self, account: ActivatedAccount, language: Optional[str] = None) -> Path:
        return self.summaries.save_pdf(account, language)

    def purge_summary_files(self) -> int:
        return self.summaries.purge_files()

    def issue_summary_link(
        self, account: ActivatedAccount, language: str, conversation_id: str
    ) -> str:
        return self.summaries.issue_link(account, language, conversation_id)

    def summary_download(self, token: str, conversation_id: str) -> Optional[tuple[str, bytes]]:
        return self.summaries.download(token, conversation_id)


@functools.lru_cache(maxsize=1)
def configured_service() -> AccountService:
    """The service built from the settings, on first use (never at import time)."""
    return AccountService.from_environment()
