"""Racing requests on a real SQLite file and on a real PostgreSQL server: one pending
registration per address, unique subscriber numbers, a code used once."""

import dataclasses
import re
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import func, select

from account.i18n import Refused
from account.service import AccountService
from account.storage import Registration
from tests.conftest import activation_code_in, read_messages

pytestmark = pytest.mark.servers  # PostgreSQL

RACERS = 50


@pytest.fixture(params=["sqlite", "postgresql"])
def service(request, settings, clock):
    """The account service on each database (the shared fixture's is SQLite only)."""
    if request.param == "postgresql":
        name = re.sub(r"\W", "_", request.node.name.lower())[:60]
        settings = dataclasses.replace(
            settings, database_url=request.getfixturevalue("postgres_server").new_database(name)
        )
    service = AccountService(settings, clock=clock)
    yield service
    service.sessions.kw["bind"].dispose()


def test_fifty_concurrent_pre_registrations_for_one_address_give_one_success(service, make_form):
    def attempt(n):
        try:
            service.pre_register(make_form(first_name=f"Racer{'x' * (n % 5)}"))
            return "ok"
        except Refused as refused:
            return refused.problem.code

    with ThreadPoolExecutor(max_workers=RACERS) as pool:
        outcomes = list(pool.map(attempt, range(RACERS)))
    assert outcomes.count("ok") == 1
    assert set(outcomes) - {"ok"} == {"email.pending"}
    with service.sessions() as session:
        assert session.scalar(select(func.count()).select_from(Registration)) == 1


def test_concurrent_activations_never_share_a_subscriber_number(service, settings, make_form):
    emails = [f"user{n}@exemple.fr" for n in range(30)]
    for address in emails:
        service.pre_register(make_form(email=address))
    codes = {m["To"]: activation_code_in(m) for m in read_messages(settings.mail_outbox_dir)}
    with ThreadPoolExecutor(max_workers=15) as pool:
        numbers = list(pool.map(lambda a: service.activate(codes[a], a).subscriber_number, emails))
    assert len(set(numbers)) == len(emails)
    assert sorted(numbers) == [f"2023233{n:07d}" for n in range(1, len(emails) + 1)]


def test_the_same_code_raced_activates_once(service, make_form, last_code):
    service.pre_register(make_form())
    code = last_code()

    def attempt(_):
        try:
            return service.activate(code, "lila.rosemonde@orange.fr").subscriber_number
        except Refused as refused:
            return refused.problem.code

    with ThreadPoolExecutor(max_workers=10) as pool:
        outcomes = list(pool.map(attempt, range(10)))
    assert sum(o.isdigit() for o in outcomes) == 1
    assert set(o for o in outcomes if not o.isdigit()) == {"activation.used"}
