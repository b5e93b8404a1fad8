"""Activation: code + login e-mail give a 14-digit subscriber number."""

from datetime import datetime, timezone

import pytest
from sqlalchemy import select

from account.activation import LOCK_MINUTES, MAX_WRONG_CODES
from account.i18n import Refused
from account.storage import Account, Registration

EMAIL = "lila.rosemonde@orange.fr"


def refusal(call):
    with pytest.raises(Refused) as refused:
        call()
    return refused.value.problem


def wrong_code_for(code: str) -> str:
    return code[:-1] + ("A" if code[-1] != "A" else "B")


def test_activation_gives_the_subscriber_number_of_the_seeds_scheme(service, make_form, last_code):
    service.pre_register(make_form())
    account = service.activate(last_code(), "Lila.Rosemonde@orange.fr")
    # 21 August 2023 is day 233: 2023 233 + 7-digit sequence, as in the seeds (20232330000101).
    assert account.subscriber_number == "20232330000001"
    assert len(account.subscriber_number) == 14 and account.subscriber_number.isdigit()
    assert account.registered_at == service.clock.now()
    assert (account.surname, account.first_name, account.email) == ("ROSEMONDE", "Lila", EMAIL)
    with service.sessions() as session:
        registration = session.scalar(select(Registration))
        assert registration.status == "activated" and registration.surname is None
        assert session.scalar(select(Account.password_hash)).startswith("$argon2id$")


def test_sequence_continues_within_a_day_and_restarts_the_next_day(
    service, make_form, last_code, clock
):
    numbers = []
    for n in range(3):
        service.pre_register(make_form(email=f"user{n}@exemple.fr"))
        numbers.append(service.activate(last_code(), f"user{n}@exemple.fr").subscriber_number)
    assert numbers == ["20232330000001", "20232330000002", "20232330000003"]
    clock.advance(days=1)
    service.pre_register(make_form(email="next@exemple.fr"))
    assert service.activate(last_code(), "next@exemple.fr").subscriber_number == "20232340000001"


def test_day_of_year_is_counted_in_paris_time(service, make_form, last_code, clock):
    clock.set(datetime(2023, 12, 31, 23, 30, tzinfo=timezone.utc))  # already 1 January in Paris
    service.pre_register(make_form())
    assert service.activate(last_code(), EMAIL).subscriber_number == "20240010000001"


def test_code_is_case_sensitive(service, make_form, last_code):
    service.pre_register(make_form())
    code = last_code()
    assert refusal(lambda: service.activate(code.swapcase(), EMAIL)).code == "activation.wrong_code"
    assert service.activate(code, EMAIL).subscriber_number


def test_code_must_match_that_email(service, make_form, last_code):
    service.pre_register(make_form())
    first = last_code()
    service.pre_register(make_form(email="other@exemple.fr"))
    problem = refusal(lambda: service.activate(first, "other@exemple.fr"))
    assert problem.code == "activation.wrong_code"
    assert "ne correspond pas à cette adresse électronique" in problem.text("fr")
    assert "does not match this email address" in problem.text("en")
    assert "4" in problem.text("fr")  # attempts left


@pytest.mark.parametrize("typed", ["", "abc", "mHPstewGkBY", "mHPstewGkBYj1", "mHPstewGkBY!"])
def test_malformed_code_is_explained_and_not_counted(service, make_form, typed):
    service.pre_register(make_form())
    for _ in range(MAX_WRONG_CODES + 1):
        problem = refusal(lambda: service.activate(typed, EMAIL))
        assert problem.code == "activation.code_format"
    assert "12 caractères" in problem.text("fr") and "pas de votre mot de passe" in problem.text(
        "fr"
    )
    assert "12 characters" in problem.text("en") and "not your password" in problem.text("en")


def test_invalid_email_at_activation(service):
    assert refusal(lambda: service.activate("mHPstewGkBYj", "nope")).code == "email.invalid"


def test_code_is_single_use(service, make_form, last_code):
    service.pre_register(make_form())
    code = last_code()
    service.activate(code, EMAIL)
    problem = refusal(lambda: service.activate(code, EMAIL))
    assert problem.code == "activation.used"
    assert "déjà été utilisé" in problem.text("fr") and "already been used" in problem.text("en")


def test_code_expires_after_48_hours(service, make_form, last_code, clock):
    service.pre_register(make_form())
    code = last_code()
    clock.advance(hours=48)
    problem = refusal(lambda: service.activate(code, EMAIL))
    assert problem.code == "activation.expired"
    assert "48 heures" in problem.text("fr") and "48-hour" in problem.text("en")
    assert refusal(lambda: service.activate(code, EMAIL)).code == "activation.expired"


def test_code_still_works_just_before_the_deadline(service, make_form, last_code, clock):
    service.pre_register(make_form())
    clock.advance(hours=47, minutes=59, seconds=59)
    assert service.activate(last_code(), EMAIL).subscriber_number


def test_five_wrong_codes_lock_the_address_for_15_minutes(service, make_form, last_code, clock):
    service.pre_register(make_form())
    code = last_code()
    for attempt in range(1, MAX_WRONG_CODES):
        problem = refusal(lambda: service.activate(wrong_code_for(code), EMAIL))
        assert problem.code == "activation.wrong_code"
        assert problem.params["remaining"] == MAX_WRONG_CODES - attempt
    locked = refusal(lambda: service.activate(wrong_code_for(code), EMAIL))
    assert locked.code == "activation.locked"
    # 10:00 UTC + 15 min = 12:15 in Paris
    assert "21/08/2023 à 12h15" in locked.text("fr") and "21/08/2023 at 12:15" in locked.text("en")
    # Even the right code is refused while locked: the lock is what stops guessing.
    assert refusal(lambda: service.activate(code, EMAIL)).code == "activation.locked"
    clock.advance(minutes=LOCK_MINUTES - 1)
    assert refusal(lambda: service.activate(code, EMAIL)).code == "activation.locked"
    clock.advance(minutes=1)
    assert service.activate(code, EMAIL).subscriber_number  # the lock ends: not blocked for good


def test_after_a_lock_ends_a_stranger_gets_five_more_tries_only(
    service, make_form, last_code, clock
):
    service.pre_register(make_form())
    code = last_code()
    for _ in range(MAX_WRONG_CODES):
        refusal(lambda: service.activate(wrong_code_for(code), EMAIL))
    clock.advance(minutes=LOCK_MINUTES)
    problem = refusal(lambda: service.activate(wrong_code_for(code), EMAIL))
    assert problem.code == "activation.wrong_code" and problem.params["remaining"] == 4


def test_a_right_code_clears_the_count_of_wrong_ones(service, make_form, last_code):
    service.pre_register(make_form())
    code = last_code()
    for _ in range(MAX_WRONG_CODES - 1):
        refusal(lambda: service.activate(wrong_code_for(code), EMAIL))
    service.activate(code, EMAIL)
    service.pre_register(make_form(email="second@exemple.fr"))
    problem = refusal(lambda: service.activate(wrong_code_for(last_code()), EMAIL))
    assert problem.params["remaining"] == MAX_WRONG_CODES - 1


def test_unknown_address_gets_the_same_answer_as_a_wrong_code(service):
    problem = refusal(lambda: service.activate("mHPstewGkBYj", "nobody@exemple.fr"))
    assert problem.code == "activation.wrong_code"


def test_activation_by_the_code_hash_only(service, make_form, last_code):
    from account.credentials import activation_code_hash

    service.pre_register(make_form())
    code_hash = activation_code_hash(last_code())
    assert (
        refusal(lambda: service.activate_by_code_hash("not-a-hash", EMAIL)).code
        == "activation.code_format"
    )
    assert (
        refusal(lambda: service.activate_by_code_hash(code_hash.upper(), EMAIL)).code
        == "activation.code_format"
    )
    assert service.activate_by_code_hash(code_hash, EMAIL).subscriber_number
    assert (
        refusal(lambda: service.activate_by_code_hash(code_hash, EMAIL)).code == "activation.used"
    )
