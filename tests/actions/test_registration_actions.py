"""The pre-registration's actions in-process (actions/registration.py, actions/language.py): a
tracker built here, the action run on the test's service (tmp SQLite file, file outbox), its
events and the names of its responses checked. Problems reach the user as texts in their
language; `problems_said` gives their codes."""

import re

import pytest

from account.credentials import is_password_hash, password_matches
from account.i18n import render
from actions.registration import (
    FORM,
    FORM_SLOTS,
    ActionChangeField,
    ActionPreRegister,
    ValidateRegistrationForm,
)
from tests.conftest import GOOD_PASSWORD, activation_code_in, read_messages

EMAIL = "lila.rosemonde@orange.fr"
# The first step done: what the form holds when it asks for the login e-mail.
FIRST_STEP = {"terms_accepted": True, "captcha_answer": "passed"}


@pytest.fixture
def complete(password_hash) -> dict:
    """Every slot of the form, as the form stores them (normalised, the password's hash)."""
    return {
        **FIRST_STEP,
        "login_email": EMAIL,
        "login_email_confirmation": EMAIL,
        "password": password_hash,
        "password_confirmation": "confirmed",
        "surname": "ROSEMONDE",
        "first_name": "Lila",
        "phone": "+33123456789",
        "street_number": "12",
        "street_type": "rue",
        "street_name": "de Longchamp",
        "complement": "",
        "postcode": "75016",
        "city": "Paris",
        "country": "FR",
        "trust_question": "partner_first_name",
        "trust_answer": "Paul",
    }


@pytest.fixture
def answer(actions_service, make_tracker, run_action):
    """The user's answer to the question of the registration form about `slot`."""

    def run(slot: str, text: str, filled: dict, intent: str = "inform", language: str = "fr"):
        tracker = make_tracker(
            text,
            intent,
            slots={**filled, "requested_slot": slot},
            form=FORM,
            language=language,
        )
        return run_action(ValidateRegistrationForm(), tracker)

    return run


# The form's validation: a valid answer is kept (normalised), an invalid one is emptied with the
# problem said, and the other slots are left as they are. -----------------------------------


def test_a_valid_email_is_kept(answer, problems_said):
    ran = answer("login_email", "Lila.Rosemonde@Orange.FR", FIRST_STEP)
    assert ran.slots == {"login_email": "Lila.Rosemonde@orange.fr"}
    assert ran.messages == [] and problems_said == []


def test_an_invalid_email_is_asked_again_and_the_rest_kept(answer, problems_said):
    ran = answer("login_email", "lila.rosemonde@orange", FIRST_STEP)
    assert ran.slots == {"login_email": None}  # terms and CAPTCHA untouched
    assert problems_said == ["email.invalid"]
    assert [m["text"] for m in ran.messages] == [
        render("email.invalid", "fr", {"value": "lila.rosemonde@orange"})
    ]


def test_an_email_already_pending_is_refused(answer, problems_said, actions_service, make_form):
    actions_service.pre_register(make_form(email=EMAIL))
    ran = answer("login_email", EMAIL, FIRST_STEP)
    assert ran.slots == {"login_email": None}
    assert problems_said == ["email.pending"]


def test_the_confirmation_must_be_the_same_address(answer, problems_said):
    filled = {**FIRST_STEP, "login_email": EMAIL}
    ran = answer("login_email_confirmation", "LILA.ROSEMONDE@orange.fr", filled)
    assert ran.slots == {"login_email_confirmation": EMAIL} and problems_said == []

    ran = answer("login_email_confirmation", "lila.rosemonde@orange.com", filled)
    assert ran.slots == {"login_email_confirmation": None}  # the address itself is kept
    assert problems_said == ["email.confirmation_mismatch"]


def test_a_password_is_kept_as_its_hash_with_its_strength_said(answer, problems_said):
    filled = {**FIRST_STEP, "login_email": EMAIL, "login_email_confirmation": EMAIL}
    ran = answer("password", GOOD_PASSWORD, filled)
    assert ran.responses == ["utter_password_strength_medium"] and problems_said == []
    assert set(ran.slots) == {"password", "password_confirmation"}
    assert is_password_hash(ran.slots["password"])
    assert password_matches(ran.slots["password"], GOOD_PASSWORD)
    assert ran.slots["password_confirmation"] is None

    ran = answer("password", "court1", filled)
    assert ran.slots == {"password": None} and ran.responses == []
    assert problems_said == ["password.too_short"]


def test_a_password_confirmation_mismatch_asks_both_again(answer, problems_said, password_hash):
    filled = {**FIRST_STEP, "login_email": EMAIL, "password": password_hash}
    ran = answer("password_confirmation", GOOD_PASSWORD, filled)
    assert ran.slots == {"password_confirmation": "confirmed"} and problems_said == []

    ran = answer("password_confirmation", GOOD_PASSWORD + "x", filled)
    assert ran.slots == {"password_confirmation": None, "password": None}
    assert problems_said == ["password.confirmation_mismatch"]


def test_a_phone_number_is_kept_in_international_form(answer, complete, problems_said):
    filled = {**complete, "phone": None}
    ran = answer("phone", "01 23 45 67 89", filled)
    assert ran.slots == {"phone": "+33123456789"} and problems_said == []

    ran = answer("phone", "01 23 45", filled)
    assert ran.slots == {"phone": None}
    assert problems_said == ["phone.invalid"]


def test_a_postcode_follows_the_country(answer, complete, problems_said):
    filled = {**complete, "postcode": None}
    ran = answer("postcode", "75 016", filled)
    assert ran.slots == {"postcode": "75016"} and problems_said == []

    ran = answer("postcode", "7501", filled)
    assert ran.slots == {"postcode": None}
    assert problems_said == ["postcode.invalid_france"]

    ran = answer("postcode", "sw1a 2aa", {**filled, "country": "GB"})
    assert ran.slots == {"postcode": "SW1A 2AA"}


def test_several_fields_in_one_message_are_shown_back(answer, complete):
    filled = {
        **complete,
        **dict.fromkeys(("street_number", "street_type", "street_name", "postcode", "city")),
    }
    ran = answer("street_number", "12 rue de Longchamp 75016 Paris", filled)
    assert ran.slots == {
        "street_number": "12",
        "street_type": "rue",
        "street_name": "de Longchamp",
        "postcode": "75016",
        "city": "Paris",
    }
    assert ran.responses == ["utter_noted"]


# "Valider": the pre-registration ----------------------------------------------------------------


def test_pre_registration_sends_the_code_and_forgets_the_form(
    actions_service, settings, make_tracker, run_action, complete
):
    ran = run_action(ActionPreRegister(), make_tracker("valider", "confirm", slots=complete))
    assert ran.responses == ["utter_pre_registered", "utter_offer_activation"]
    assert ran.messages[0]["first_name"] == "Lila" and ran.messages[0]["email"] == EMAIL
    assert ran.slots["registration_outcome"] == "pre_registered"
    assert ran.slots["registered_email"] == EMAIL
    assert all(ran.slots[slot] is None for slot in FORM_SLOTS)  # nothing kept in the tracker
    (mail,) = read_messages(settings.mail_outbox_dir)
    assert mail["To"] == EMAIL
    assert re.fullmatch(r"[A-Za-z0-9]{12}", activation_code_in(mail))
    assert actions_service.check_login_email(EMAIL).problem.code == "email.pending"


def test_pre_registration_of_an_address_taken_meanwhile_asks_for_another(
    actions_service, settings, make_tracker, run_action, complete, make_form, problems_said
):
    actions_service.pre_register(make_form(email=EMAIL))  # from another conversation
    ran = run_action(ActionPreRegister(), make_tracker("valider", "confirm", slots=complete))
    assert problems_said == ["email.pending"] and ran.responses == []
    assert ran.slots == {
        "login_email": None,
        "login_email_confirmation": None,
        "registration_outcome": "email_refused",
    }
    assert len(read_messages(settings.mail_outbox_dir)) == 1  # no second e-mail


def test_pre_registration_before_the_form_is_complete(
    actions_service, make_tracker, run_action, complete
):
    ran = run_action(
        ActionPreRegister(), make_tracker("valider", "confirm", slots={**complete, "city": None})
    )
    assert ran.events == [{"event": "followup", "timestamp": None, "name": FORM}]
    ran = run_action(ActionPreRegister(), make_tracker("valider", "confirm"))
    assert ran.responses == ["utter_nothing_to_confirm"] and ran.events == []


# Corrections at the summary ---------------------------------------------------------------------


def test_a_correction_in_words_sets_the_new_value_for_the_form_to_check(
    actions_service, make_tracker, run_action, complete
):
    tracker = make_tracker(
        "finalement mon téléphone c'est le 06 11 22 33 44", "change_field", slots=complete
    )
    ran = run_action(ActionChangeField(), tracker)
    assert ran.slots == {"phone": "06 11 22 33 44"} and ran.responses == []


def test_a_field_named_by_its_button_is_emptied_with_its_confirmation(
    actions_service, make_tracker, run_action, complete
):
    tracker = make_tracker(
        '/change_field{"field":"login_email"}',
        "change_field",
        slots=complete,
        entities={"field": "login_email"},
    )
    ran = run_action(ActionChangeField(), tracker)
    assert ran.slots == {"login_email": None, "login_email_confirmation": None}


def test_no_field_named_asks_which_one(actions_service, make_tracker, run_action, complete):
    ran = run_action(
        ActionChangeField(), make_tracker("je veux modifier", "change_field", slots=complete)
    )
    assert ran.responses == ["utter_ask_which_field"]
    assert ran.events == [{"event": "followup", "timestamp": None, "name": "action_listen"}]
    # words that change nothing, at the summary: not understood, and the question again
    ran = run_action(ActionChangeField(), make_tracker("hmm bof", "inform", slots=complete))
    assert ran.responses == ["utter_default", "utter_ask_summary_confirmation"]


def test_nothing_to_change_without_a_registration(actions_service, make_tracker, run_action):
    ran = run_action(ActionChangeField(), make_tracker("je veux modifier", "change_field"))
    assert ran.responses == ["utter_nothing_to_confirm"]
    ran = run_action(ActionChangeField(), make_tracker("Paris", "inform"))
    assert ran.responses == ["utter_what_i_can_do"]
