"""Throughput of the account service alone: pre-registrations (password hashing included) and
activations per second, on SQLite and the file outbox (`make run`'s defaults), one thread."""

from __future__ import annotations

import time
from pathlib import Path

from account.credentials import hash_password
from account.registration_form import RegistrationForm
from account.service import AccountService
from account.settings import Settings
from benchmarks.dialogues import PASSWORD, activation_code


def measure(home: Path, count: int = 40) -> dict[str, float]:
    settings = Settings(
        database_url=f"sqlite:///{home / 'accounts.db'}",
        mail_outbox_dir=home / "outbox",
        summary_dir=home / "summaries",
    )
    service = AccountService(settings)
    addresses = [f"debit.{n}@exemple.fr" for n in range(count)]

    begin = time.perf_counter()
    for address in addresses:
        service.pre_register(
            RegistrationForm(
                email=address,
                password_hash=hash_password(PASSWORD),
                surname="Rosemonde",
                first_name="Lila",
                phone="0123456789",
                city="Paris",
                trust_answer="Bibi",
            )
        )
    pre_registrations = count / (time.perf_counter() - begin)

    codes = {address: activation_code(home / "outbox", address) for address in addresses}
    begin = time.perf_counter()
    for address, code in codes.items():
        service.activate(code, address)
    activations = count / (time.perf_counter() - begin)
    return {
        "pre-registrations per second": pre_registrations,
        "activations per second": activations,
        "operations": count,
    }
