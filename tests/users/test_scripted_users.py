"""Simulated users against the real servers (REST): every one of them must reach the 14-digit
subscriber number, with a summary showing exactly what they meant. Completion and user turns
are written to results/scripted-users.json."""

from __future__ import annotations

import dataclasses
import json
import re

import pytest

from account.rules.text import fold
from account.settings import PROJECT_ROOT
from harness.dialogue import PASSWORD
from harness.servers import MAKE_RUN_WORKERS, running
from tests.conftest import activation_code_in, read_messages
from tests.users.personas import personas
from tests.users.simulator import SimulatedUser

pytestmark = pytest.mark.servers
PEOPLE = personas()
# Opening, terms, CAPTCHA, e-mail twice, password twice, the one message, trust question,
# answer, confirm (issue "Users' own words").
EXPERT_MESSAGES_TO_PRE_REGISTER = 11


@pytest.fixture(scope="module")
def assistant(tmp_path_factory):
    with running(
        tmp_path_factory.mktemp("users"), captcha_enabled=True, workers=MAKE_RUN_WORKERS
    ) as servers:
        yield servers


@pytest.fixture(scope="module")
def outcomes():
    found = {}
    yield found
    results = PROJECT_ROOT / "results"
    results.mkdir(exist_ok=True)
    report = {
        name: {
            "completed": o.completed,
            "turns": o.turns,
            "language": o.persona.language,
            "expert": o.persona.expert,
        }
        for name, o in found.items()
    }
    (results / "scripted-users.json").write_text(json.dumps(report, indent=1))


def words(value: str) -> set[str]:
    return set(fold(value).replace(",", " ").split())


def expected_summary(user: SimulatedUser) -> dict[str, str]:
    identity, language = user.persona.identity, user.language
    return {
        "surname": identity.surname.upper(),
        "first_name": identity.first_name,
        "phone": identity.phone_shown,
        "postcode": identity.postcode.upper(),
        "city": identity.city,
        "country": identity.country_shown[language],
        "login_email": user.persona.email,
        "trust_answer": user.persona.trust_answer,
    }


@pytest.mark.parametrize("persona", PEOPLE, ids=[p.name for p in PEOPLE])
def test_the_user_completes_with_what_they_meant(assistant, outcomes, persona):
    def code_for(email: str) -> str:
        mails = [m for m in read_messages(assistant.outbox) if m["To"] == email]
        return activation_code_in(mails[-1])

    user = SimulatedUser(persona, assistant.say, assistant.captcha_answer, code_for, PASSWORD)
    try:
        outcome = user.run()
    finally:  # the whole conversation, to read when a user did not finish
        transcripts = PROJECT_ROOT / "results" / "scripted-users"
        transcripts.mkdir(parents=True, exist_ok=True)
        (transcripts / f"{persona.name}.txt").write_text(user.transcript_text(last=None))
        outcomes[persona.name] = user.outcome
    assert outcome.completed and re.fullmatch(r"\d{14}", outcome.subscriber_number)
    shown = outcome.summary
    for field_name, value in expected_summary(user).items():
        assert shown.get(field_name) == value, (field_name, shown, user.transcript_text())
    street = " ".join(shown.get(k, "") for k in ("street_number", "street_type", "street_name"))
    assert words(street) == words(persona.identity.street), (street, persona.identity.street)


def test_the_expert_pre_registers_in_eleven_messages(assistant):
    first = next(p for p in PEOPLE if p.expert and not p.detours and not p.wrong_first)
    expert = dataclasses.replace(
        first, name=f"{first.name}-counted", email=f"counted.{first.email}"
    )
    turns_to_pre_register = []

    def say(sender, text):
        reply = assistant.say(sender, text)
        turns_to_pre_register.append(text)
        if any(
            "activer votre espace maintenant" in (m.get("text") or "")
            or "activate your account now" in (m.get("text") or "")
            for m in reply
        ):
            raise StopIteration
        return reply

    user = SimulatedUser(expert, say, assistant.captcha_answer, lambda email: "", PASSWORD)
    with pytest.raises(StopIteration):
        user.run()
    assert len(turns_to_pre_register) <= EXPERT_MESSAGES_TO_PRE_REGISTER, turns_to_pre_register
