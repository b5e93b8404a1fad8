"""Pre-registrations per conversation and per hour are limited."""

import pytest

from account.i18n import Refused
from account.storage import PreRegistrationRecord


def test_a_conversation_pre_registers_at_most_three_times_an_hour(service, make_form, clock):
    for n in range(3):
        service.pre_register(make_form(email=f"user{n}@exemple.fr"), conversation_id="conv-1")
        clock.advance(minutes=10)
    with pytest.raises(Refused) as refused:
        service.pre_register(make_form(email="user3@exemple.fr"), conversation_id="conv-1")
    assert refused.value.problem.code == "registration.too_many"
    # The first one was at 12:00 in Paris: a new one is possible after 13:00.
    assert "après le 21/08/2023 à 13h00" in refused.value.problem.text("fr")
    assert "after 21/08/2023 at 13:00" in refused.value.problem.text("en")
    # Another conversation is not affected.
    service.pre_register(make_form(email="user4@exemple.fr"), conversation_id="conv-2")
    # An hour after the first one, the conversation may pre-register again.
    clock.advance(minutes=31)
    service.pre_register(make_form(email="user3@exemple.fr"), conversation_id="conv-1")


def test_refused_or_unsent_pre_registrations_are_not_counted(service, make_form):
    service.pre_register(make_form(), conversation_id="conv-1")
    for _ in range(5):  # the same address again: refused, not counted
        with pytest.raises(Refused) as refused:
            service.pre_register(make_form(), conversation_id="conv-1")
        assert refused.value.problem.code == "email.pending"
    service.pre_register(make_form(email="other@exemple.fr"), conversation_id="conv-1")


def test_the_records_hold_no_conversation_id_and_are_purged(service, make_form, clock):
    service.pre_register(make_form(), conversation_id="conv-secret")
    with service.sessions() as session:
        record = session.query(PreRegistrationRecord).one()
        assert "conv-secret" not in record.conversation_hash and len(record.conversation_hash) == 64
    clock.advance(hours=1)
    service.expire_due_registrations()
    with service.sessions() as session:
        assert session.query(PreRegistrationRecord).count() == 0
