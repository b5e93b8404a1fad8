"""After 48 h a pending registration expires, its data are purged and the address is free."""

from sqlalchemy import select

from account.storage import Registration

EMAIL = "lila.rosemonde@orange.fr"


def test_expired_registration_is_purged_and_the_address_freed(service, make_form, clock, last_code):
    service.pre_register(make_form())
    clock.advance(hours=47)
    assert service.expire_due_registrations() == 0
    assert service.check_login_email(EMAIL).problem.code == "email.pending"
    clock.advance(hours=1)
    assert service.check_login_email(EMAIL).ok  # free again, even before any purge
    assert service.expire_due_registrations() == 1
    with service.sessions() as session:
        row = session.scalar(select(Registration))
    assert row.status == "expired"
    for field in (
        "email",
        "surname",
        "first_name",
        "phone",
        "city",
        "trust_answer",
        "password_hash",
    ):
        assert getattr(row, field) is None


def test_a_new_registration_after_expiry_gets_a_new_code_that_works(
    service, make_form, clock, last_code
):
    service.pre_register(make_form())
    old_code = last_code()
    clock.advance(hours=49)
    service.pre_register(make_form(first_name="Lilas"))
    new_code = last_code()
    assert new_code != old_code
    import pytest

    from account.i18n import Refused

    with pytest.raises(Refused) as refused:
        service.activate(old_code, EMAIL)
    assert refused.value.problem.code == "activation.expired"
    assert service.activate(new_code, EMAIL).first_name == "Lilas"


def test_closed_registrations_are_forgotten_after_30_days(service, make_form, clock):
    service.pre_register(make_form())
    clock.advance(hours=49)
    service.expire_due_registrations()
    clock.advance(days=30)
    service.expire_due_registrations()
    with service.sessions() as session:
        assert session.scalar(select(Registration)) is None
