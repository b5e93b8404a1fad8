"""Pre-registration and activation of expert-mode professional accounts.

`AccountService` is the one entry point: the Rasa actions, the web page, the support command line
and the tests all go through it, so every rule of the procedure is written once.
"""

from __future__ import annotations

import dataclasses
import functools
import hmac
import os
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Optional

from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from account import rules
from account.activation_email import activation_email
from account.captcha_challenges import CaptchaService
from account.certificates import certificate_holders, load_certificate_accounts
from account.clock import SystemClock
from account.credentials import (
    activation_code_hash,
    is_activation_code_hash,
    is_password_hash,
    looks_like_activation_code,
    new_activation_code,
    token_digest,
)
from account.fields import FIELDS
from account.i18n import Checked, Problem, Refused, language_or_default
from account.mail import MailError, mailer_from_settings
from account.migrations import open_database
from account.settings import Settings
from account.storage import (
    ACTIVATED,
    EXPIRED,
    PENDING,
    Account,
    ActivationThrottle,
    PreRegistrationRecord,
    Registration,
)
from account.subscriber_numbers import next_subscriber_number
from account.summary_links import SummaryLinks
from account.summary_pdf import SummaryContent, render_summary_pdf
from account.support import HOTLINE

MAX_WRONG_CODES = 5
LOCK_MINUTES = 15
# How long a closed registration keeps its code's hash, to answer "expired" or "already used".
CLOSED_REGISTRATION_DAYS = 30
HOUR = timedelta(hours=1)


# Fields of the form, in the order of the procedure (account/fields.py declares them).
FORM_FIELDS = FIELDS.form_fields
# The fields without an asterisk on the form: they may be left empty.
OPTIONAL_FIELDS = FIELDS.optional_fields
# A complete pre-registration form. It carries the password's hash, never the password.
RegistrationForm = FIELDS.registration_form_class()


@dataclass(frozen=True)
class PendingRegistration:
    email: str
    surname: str
    first_name: str
    deadline: datetime
    language: str


ActivatedAccount = FIELDS.activated_account_class()


def activated_account(row: Account) -> ActivatedAccount:
    return ActivatedAccount(
        **{f.name: getattr(row, f.name) or "" for f in dataclasses.fields(ActivatedAccount)}
    )


def check_form_field(name: str, raw, country=rules.DEFAULT_COUNTRY) -> Checked:
    """The rule of one form field by its name. The postcode's rule depends on the country,
    given as typed or as its code."""
    country = rules.check_country(country).value or rules.DEFAULT_COUNTRY
    return FIELDS[name].check(raw, country)


def address_lines(account, language: str) -> tuple[str, ...]:
    street = " ".join(
        p for p in (account.street_number, account.street_type, account.street_name) if p
    )
    town = " ".join(p for p in (account.postcode, account.city) if p)
    lines = (street, account.complement, town, rules.country_name(account.country, language))
    return tuple(line for line in lines if line)


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
        self.summary_links = SummaryLinks(
            self.sessions, self.clock, settings.summary_link_ttl_minutes
        )

    @classmethod
    def from_environment(cls, **overrides) -> "AccountService":
        return cls(Settings.from_environment(), **overrides)

    @property
    def activation_ttl(self) -> timedelta:
        return timedelta(hours=self.settings.activation_ttl_hours)

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

    # Rules that need the database -----------------------------------------------------------

    def _email_problem(self, session: Session, key: str, now: datetime) -> Optional[Problem]:
        if session.scalar(select(Account.id).where(Account.email_key == key)) is not None:
            return Problem("email.in_use")
        holders = certificate_holders(session, key)
        if holders:
            return Problem("email.certificate_sole" if holders == 1 else "email.certificate_shared")
        pending = session.scalar(
            select(Registration).where(
                Registration.email_key == key,
                Registration.status == PENDING,
                Registration.expires_at > now,
            )
        )
        if pending is not None:
            return Problem("email.pending", {"deadline": pending.expires_at})
        return None

    def _conversation_problem(
        self, session: Session, conversation_id: Optional[str], now: datetime
    ) -> Optional[Problem]:
        """The limit of pre-registrations per conversation in any hour (none without an id)."""
        if not conversation_id:
            return None
        recent = session.scalars(
            select(PreRegistrationRecord.created_at)
            .where(
                PreRegistrationRecord.conversation_hash == token_digest(conversation_id),
                PreRegistrationRecord.created_at > now - HOUR,
            )
            .order_by(PreRegistrationRecord.created_at)
        ).all()
        limit = self.settings.pre_registrations_per_conversation_hour
        if len(recent) < limit:
            return None
        return Problem("registration.too_many", {"after": recent[len(recent) - limit] + HOUR})

    def check_login_email(self, raw) -> Checked[str]:
        """Syntax, then: not an active account, not a certificate account, not pending."""
        syntax = rules.check_email_syntax(raw)
        if not syntax.ok:
            return syntax
        with self.sessions() as session:
            problem = self._email_problem(session, rules.email_key(syntax.value), self.clock.now())
        return Checked(problem=problem) if problem else syntax

    def form_problems(self, form: RegistrationForm) -> dict[str, Problem]:
        """Every field of the form checked again: the service trusts no caller."""
        problems: dict[str, Problem] = {}
        email = rules.check_email_syntax(form.email)
        if not email.ok:
            problems["email"] = email.problem
        if not is_password_hash(form.password_hash):
            problems["password"] = Problem("password.required")
        for name in FORM_FIELDS:
            checked = check_form_field(name, getattr(form, name), form.country)
            if not checked.ok:
                problems[name] = checked.problem
        return problems

    def normalised(self, form: RegistrationForm) -> RegistrationForm:
        changes = {
            name: check_form_field(name, getattr(form, name), form.country).value
            for name in FORM_FIELDS
        }
        changes["email"] = rules.check_email_syntax(form.email).value
        changes["language"] = language_or_default(form.language)
        return dataclasses.replace(form, **changes)

    # Pre-registration ------------------------------------------------------------------------

    def pre_register(
        self, form: RegistrationForm, conversation_id: Optional[str] = None
    ) -> PendingRegistration:
        """Record a pending registration and e-mail its activation code at once.

        Raises `Refused` when the form is invalid, the conversation made too many
        pre-registrations in the last hour, the address is not free, or the e-mail could not be
        sent (then nothing is recorded, so the user can simply try again).
        """
        problems = self.form_problems(form)
        if problems:
            raise Refused.because("registration.incomplete", fields=", ".join(problems))
        form = self.normalised(form)
        key = rules.email_key(form.email)
        code = new_activation_code()
        now = self.clock.now()
        registration = Registration(
            **{
                name: getattr(form, name)
                for name in (*FORM_FIELDS, "email", "password_hash", "language")
            },
            email_key=key,
            status=PENDING,
            code_hash=activation_code_hash(code),
            created_at=now,
            expires_at=now + self.activation_ttl,
        )
        try:
            with self.sessions.begin() as session:
                self._expire_due(session, now)
                problem = self._conversation_problem(
                    session, conversation_id, now
                ) or self._email_problem(session, key, now)
                if problem:
                    raise Refused(problem)
                session.add(registration)
                if conversation_id:
                    session.add(
                        PreRegistrationRecord(
                            conversation_hash=token_digest(conversation_id), created_at=now
                        )
                    )
        except IntegrityError as race:  # a concurrent request won the race for this address
            with self.sessions() as session:
                raise Refused(
                    self._email_problem(session, key, now) or Problem("email.in_use")
                ) from race

        message = activation_email(
            sender=self.settings.mail_from,
            recipient=form.email,
            code=code,
            sent_at=now,
            deadline=registration.expires_at,
            ttl_hours=self.settings.activation_ttl_hours,
            language=form.language,
            zone=self.settings.zone,
        )
        try:
            self.mailer.send(message)
        except MailError as failure:
            with self.sessions.begin() as session:
                session.execute(delete(Registration).where(Registration.id == registration.id))
                if conversation_id:  # not sent, so not counted
                    session.execute(
                        delete(PreRegistrationRecord).where(
                            PreRegistrationRecord.conversation_hash
                            == token_digest(conversation_id),
                            PreRegistrationRecord.created_at == now,
                        )
                    )
            raise Refused.because("registration.mail_failed") from failure
        return PendingRegistration(
            form.email, form.surname, form.first_name, registration.expires_at, form.language
        )

    # Activation ------------------------------------------------------------------------------

    def activate(self, code: str, email: str) -> ActivatedAccount:
        """Turn the pending registration of `email` into an account, if `code` is its code.

        Raises `Refused` for a malformed, wrong, expired or used code, and while attempts for
        the address are locked after too many wrong codes.
        """
        code = "".join((code or "").split())
        if not looks_like_activation_code(code):
            raise Refused.because("activation.code_format")
        return self.activate_by_code_hash(activation_code_hash(code), email)

    def activate_by_code_hash(self, code_hash: str, email: str) -> ActivatedAccount:
        """The same, for callers that keep only the code's hash (the conversation's slots)."""
        if not is_activation_code_hash(code_hash):
            raise Refused.because("activation.code_format")
        address = rules.check_email_syntax(email)
        if not address.ok:
            raise Refused(address.problem)
        now = self.clock.now()
        try:
            with self.sessions.begin() as session:
                outcome = self._activate(session, code_hash, rules.email_key(address.value), now)
        except IntegrityError:  # the same registration activated concurrently
            raise Refused.because("activation.used") from None
        if isinstance(outcome, Problem):
            raise Refused(outcome)
        return outcome

    def _activate(self, session: Session, code_hash: str, key: str, now: datetime):
        """Returns the account or the problem; either way the transaction is committed, so that
        wrong codes are counted and expired registrations purged."""
        throttle = session.get(ActivationThrottle, key, with_for_update=True)
        if throttle and throttle.locked_until:
            if throttle.locked_until > now:
                return Problem("activation.locked", {"until": throttle.locked_until})
            throttle.failures, throttle.locked_until = 0, None

        candidates = session.scalars(
            select(Registration).where(Registration.email_key == key).with_for_update()
        ).all()
        registration = next(
            (r for r in candidates if hmac.compare_digest(r.code_hash, code_hash)), None
        )
        if registration is None:
            return self._count_wrong_code(session, throttle, key, now)
        if throttle:
            session.delete(throttle)
        if registration.status == ACTIVATED:
            return Problem("activation.used")
        if registration.status == EXPIRED or registration.expires_at <= now:
            self._close(registration, EXPIRED, now)
            # the deadline this registration was given, whatever the setting is now
            hours = round((registration.expires_at - registration.created_at) / HOUR)
            return Problem("activation.expired", {"hours": hours})

        day = now.astimezone(self.settings.zone).date()
        account = Account(
            subscriber_number=next_subscriber_number(session, day),
            email_key=key,
            registered_at=now,
            **{
                name: getattr(registration, name)
                for name in (*FORM_FIELDS, "email", "password_hash", "language")
            },
        )
        session.add(account)
        self._close(registration, ACTIVATED, now)
        session.flush()
        return activated_account(account)

    def _count_wrong_code(self, session, throttle, key, now) -> Problem:
        if throttle is None:
            throttle = ActivationThrottle(email_key=key, failures=0)
            session.add(throttle)
        throttle.failures += 1
        if throttle.failures >= MAX_WRONG_CODES:
            throttle.locked_until = now + timedelta(minutes=LOCK_MINUTES)
            return Problem("activation.locked", {"until": throttle.locked_until})
        return Problem(
            "activation.wrong_code",
            {"remaining": MAX_WRONG_CODES - throttle.failures, "minutes": LOCK_MINUTES},
        )

    # Expiry ----------------------------------------------------------------------------------

    @staticmethod
    def _close(registration: Registration, status: str, now: datetime) -> None:
        """Keep only what answers a late code (address key, code hash, dates); purge the rest."""
        registration.status, registration.closed_at = status, now
        for name in (*FORM_FIELDS, "email", "password_hash"):
            setattr(registration, name, None)

    def _expire_due(self, session: Session, now: datetime) -> int:
        purged = {name: None for name in (*FORM_FIELDS, "email", "password_hash")}
        expired = session.execute(
            update(Registration)
            .where(Registration.status == PENDING, Registration.expires_at <= now)
            .values(status=EXPIRED, closed_at=now, **purged)
            .execution_options(synchronize_session=False)
        ).rowcount
        session.execute(
            delete(Registration).where(
                Registration.status != PENDING,
                Registration.closed_at <= now - timedelta(days=CLOSED_REGISTRATION_DAYS),
            )
        )
        session.execute(
            delete(ActivationThrottle).where(
                ActivationThrottle.locked_until <= now - timedelta(days=1)
            )
        )
        session.execute(
            delete(PreRegistrationRecord).where(PreRegistrationRecord.created_at <= now - HOUR)
        )  # no longer counted
        return expired

    def expire_due_registrations(self) -> int:
        """Expire the pending registrations past their deadline and purge their personal data.
        Returns how many expired now."""
        with self.sessions.begin() as session:
            return self._expire_due(session, self.clock.now())

    # Accounts and their summary --------------------------------------------------------------

    def account(self, subscriber_number: str) -> Optional[ActivatedAccount]:
        with self.sessions() as session:
            row = session.scalar(
                select(Account).where(Account.subscriber_number == subscriber_number)
            )
            return activated_account(row) if row else None

    def summary_content(self, account: ActivatedAccount, language: str) -> SummaryContent:
        return SummaryContent(
            surname=account.surname,
            first_name=account.first_name,
            subscriber_number=account.subscriber_number,
            phone=rules.display_phone(account.phone),
            email=account.email,
            address_lines=address_lines(account, language),
            trust_question=rules.trust_question_label(account.trust_question, language),
            trust_answer=account.trust_answer,
        )

    def summary_pdf(self, account: ActivatedAccount, language: Optional[str] = None) -> bytes:
        language = language_or_default(language or account.language)
        return render_summary_pdf(
            self.summary_content(account, language), language, self.clock.now(), self.settings.zone
        )

    def save_summary_pdf(self, account: ActivatedAccount, language: Optional[str] = None) -> Path:
        """Write the summary PDF for a text channel (`rasa shell`), in a folder of its own named
        by a random token; return its path."""
        folder = self.settings.summary_dir / secrets.token_urlsafe(32)
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / summary_file_name(account)
        path.write_bytes(self.summary_pdf(account, language))
        written = self.clock.now().timestamp()  # on the service's clock, which purging reads
        os.utime(path, (written, written))
        return path.resolve()

    def purge_summary_files(self) -> int:
        """Delete the summary PDFs written for text channels once their link would have expired:
        they hold personal data and the trust answer. Returns how many were deleted."""
        if not self.settings.summary_dir.is_dir():
            return 0
        oldest = self.clock.now().timestamp() - self.settings.summary_link_ttl_minutes * 60
        deleted = 0
        for folder in self.settings.summary_dir.iterdir():
            files = [path for path in folder.iterdir()] if folder.is_dir() else [folder]
            if any(path.stat().st_mtime > oldest for path in files):
                continue
            for path in files:
                path.unlink(missing_ok=True)
                deleted += path.suffix == ".pdf"
            if folder.is_dir():
                folder.rmdir()
        return deleted

    def issue_summary_link(
        self, account: ActivatedAccount, language: str, conversation_id: str
    ) -> str:
        """A token for the web chat's download link, valid for that conversation only."""
        return self.summary_links.issue(account.subscriber_number, language, conversation_id)

    def summary_download(self, token: str, conversation_id: str) -> Optional[tuple[str, bytes]]:
        """(file name, PDF) for a live link presented by its own conversation, else None."""
        target = self.summary_links.target(token, conversation_id)
        account = self.account(target.subscriber_number) if target else None
        if account is None:
            return None
        return summary_file_name(account), self.summary_pdf(account, target.language)


def summary_file_name(account: ActivatedAccount) -> str:
    return f"recapitulatif-{account.subscriber_number}.pdf"


@functools.lru_cache(maxsize=1)
def configured_service() -> AccountService:
    """The service built from the settings, on first use (never at import time)."""
    return AccountService.from_environment()
