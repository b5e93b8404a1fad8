"""The activation's actions in-process (actions/activation.py): the code typed in the form is
kept as its hash, then `action_activate` turns the pending registration into an account. The
registration is made on the test's service (tmp SQLite file, file outbox, movable clock)."""

import re
from pathlib import Path

import pytest

from account.credentials import activation_code_hash, is_activation_code_hash
from actions.activation import ACTIVATION_FORM, ActionActivate, ValidateActivationForm

EMAIL = "lila.rosemonde@orange.fr"
WRONG_CODE = "Zz9Yy8Xx7Ww6"


@pytest.fixture
def code(actions_service, make_form, last_code) -> str:
    """The code e-mailed for a pending registration of EMAIL."""
    actions_service.pre_register(make_form(email=EMAIL))
    return last_code()


@pytest.fixture
def activate(actions_service, make_tracker, run_action):
    """`action_activate` after the form was filled with `code` (kept as its hash) and `email`."""

    def run(code: str, email: str = EMAIL, channel: str = "rest", language: str = "fr"):
        slots = {
            "activation_code": activation_code_hash(code),
            "activation_captcha": "passed",
            "activation_email": email,
            "captcha_id": "challenge-1",
        }
        tracker = make_tracker(email, "inform", slots=slots, channel=channel, language=language)
        return run_action(ActionActivate(), tracker)

    return run


FORGOTTEN = {
    "activation_code": None,
    "activation_captcha": None,
    "activation_email": None,
    "captcha_id": None,
}


def test_the_code_typed_is_kept_as_its_hash(
    actions_service, make_tracker, run_action, code, problems_said
):
    tracker = make_tracker(
        f"voici mon code : {code}",
        "inform",
        slots={"requested_slot": "activation_code"},
        form=ACTIVATION_FORM,
    )
    ran = run_action(ValidateActivationForm(), tracker)
    assert ran.slots == {"activation_code": activation_code_hash(code)}
    assert is_activation_code_hash(ran.slots["activation_code"]) and problems_said == []
    assert code not in str(ran.events)  # never in clear in the tracker


def test_a_code_of_the_wrong_shape_is_asked_again(
    actions_service, make_tracker, run_action, problems_said
):
    tracker = make_tracker(
        "ABC123",
        "inform",
        slots={"requested_slot": "activation_code", "activation_email": EMAIL},
        form=ACTIVATION_FORM,
    )
    ran = run_action(ValidateActivationForm(), tracker)
    assert ran.slots == {"activation_code": None}  # the e-mail is kept
    assert problems_said == ["activation.code_format"]


def test_a_wrong_code_then_the_right_one(activate, code, problems_said, actions_service):
    ran = activate(WRONG_CODE)
    assert problems_said == ["activation.wrong_code"]
    assert ran.responses == ["utter_activation_retry"]
    assert ran.slots == {**FORGOTTEN, "activation_outcome": "retry"}  # the form asks again

    ran = activate(code)
    assert ran.responses == ["utter_activated", "utter_summary_pdf"]
    activated, pdf = ran.messages
    assert re.fullmatch(r"\d{14}", activated["subscriber_number"])
    assert activated["first_name"] == "Lila" and activated["surname"] == "ROSEMONDE"
    assert activated["date"] == "21 août 2023"
    # the web chat and REST get a link for this conversation only
    assert "/webhooks/web/summary/" in pdf["pdf"]
    assert ran.slots == {**FORGOTTEN, "activation_outcome": "activated"}
    assert actions_service.check_login_email(EMAIL).problem.code == "email.in_use"

    ran = activate(code)  # the code works once
    assert ran.slots["activation_outcome"] == "refused" and ran.responses == []
    assert problems_said[-1] == "activation.used"


def test_in_a_terminal_the_summary_is_a_file(activate, code, settings):
    ran = activate(code, channel="cmdline", language="en")
    pdf = Path(ran.messages[1]["pdf"])
    assert pdf.is_file() and pdf.is_relative_to(settings.summary_dir.resolve())
    assert pdf.read_bytes().startswith(b"%PDF")
    assert ran.messages[0]["date"] == "21 August 2023"


def test_an_expired_code_says_what_to_do(activate, code, clock, problems_said):
    clock.advance(hours=49)
    ran = activate(code)
    assert problems_said == ["activation.expired"]
    assert ran.responses == ["utter_code_expired_help"]
    assert ran.slots == {**FORGOTTEN, "activation_outcome": "refused"}


def test_another_address_than_the_registrations_is_a_wrong_code(activate, code, problems_said):
    ran = activate(code, email="paul.rosemonde@orange.fr")
    assert problems_said == ["activation.wrong_code"]
    assert ran.slots["activation_outcome"] == "retry"
