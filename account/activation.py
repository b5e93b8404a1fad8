"""Activation: a pending registration and its code become an account with a subscriber number;
wrong codes are counted and lock the address for a while."""

from __future__ import annotations

import dataclasses
import hmac
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from account import rules
from account.credentials import (
    activation_code_hash,
    is_activation_code_hash,
    looks_like_activation_code,
)
from account.expiry import HOUR, close
from account.fields import FIELDS
from account.i18n import Problem, Refused
from account.registration_form import FORM_FIELDS
from account.settings import Settings
from account.storage import ACTIVATED, EXPIRED, Account, ActivationThrottle, Registration
from account.subscriber_numbers import next_subscriber_number

MAX_WRONG_CODES = 5
LOCK_MINUTES = 15

ActivatedAccount = FIELDS.activated_account_class()


def activated_account(row: Account) -> ActivatedAccount:
    return ActivatedAccount(
        **{f.name: getattr(row, f.name) or "" for f in dataclasses.fields(ActivatedAccount)}
    )


class Activations:
    def __init__(self, settings: Settings, sessions: sessionmaker, clock):
        self.settings, self.sessions, self.clock = settings, sessions, clock

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
            close(registration, EXPIRED, now)
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
        close(registration, ACTIVATED, now)
        session.flush()
        return activated_account(account)

    @staticmethod
    def _count_wrong_code(session, throttle, key, now) -> Problem:
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

    def account(self, subscriber_number: str) -> ActivatedAccount | None:
        with self.sessions() as session:
            row = session.scalar(
                select(Account).where(Account.subscriber_number == subscriber_number)
            )
            return activated_account(row) if row else None
