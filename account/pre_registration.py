"""Pre-registration: a pending registration recorded and its activation code e-mailed at once."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Optional

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from account import rules
from account.activation_email import activation_email
from account.certificates import certificate_holders
from account.credentials import activation_code_hash, new_activation_code, token_digest
from account.expiry import HOUR, expire_due
from account.i18n import Checked, Problem, Refused
from account.mail import MailError
from account.registration_form import FORM_FIELDS, RegistrationForm, checked_form
from account.settings import Settings
from account.storage import PENDING, Account, PreRegistrationRecord, Registration


@dataclass(frozen=True)
class PendingRegistration:
    email: str
    surname: str
    first_name: str
    deadline: datetime
    language: str


class PreRegistrations:
    def __init__(self, settings: Settings, sessions: sessionmaker, clock, mailer):
        self.settings, self.sessions, self.clock, self.mailer = settings, sessions, clock, mailer

    @property
    def activation_ttl(self) -> timedelta:
        return timedelta(hours=self.settings.activation_ttl_hours)

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

    def pre_register(
        self, form: RegistrationForm, conversation_id: Optional[str] = None
    ) -> PendingRegistration:
        """Record a pending registration and e-mail its activation code at once.

        Raises `Refused` when the form is invalid, the conversation made too many
        pre-registrations in the last hour, the address is not free, or the e-mail could not be
        sent (then nothing is recorded, so the user can simply try again).
        """
        form, problems = checked_form(form)
        if problems:
            raise Refused.because("registration.incomplete", fields=", ".join(problems))
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
                expire_due(session, now)
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
            self._unrecord(registration, conversation_id, now)
            raise Refused.because("registration.mail_failed") from failure
        return PendingRegistration(
            form.email, form.surname, form.first_name, registration.expires_at, form.language
        )

    def _unrecord(self, registration: Registration, conversation_id: Optional[str], now) -> None:
        """The code could not be sent: the registration is deleted and not counted."""
        with self.sessions.begin() as session:
            session.execute(delete(Registration).where(Registration.id == registration.id))
            if conversation_id:
                session.execute(
                    delete(PreRegistrationRecord).where(
                        PreRegistrationRecord.conversation_hash == token_digest(conversation_id),
                        PreRegistrationRecord.created_at == now,
                    )
                )
