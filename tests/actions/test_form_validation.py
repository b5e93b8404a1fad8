"""Reading the tracker's events: is this validation answering the user's latest message?"""

from rasa_sdk import Tracker

from actions.form_validation import answers_cancel_question, follows_user_message


def tracker(*events) -> Tracker:
    return Tracker("t", {}, {"text": "x"}, list(events), False, None, {}, "action_listen")


def action(name):
    return {"event": "action", "name": name}


USER = {"event": "user", "text": "x"}


def test_validation_right_after_a_user_message():
    assert follows_user_message(
        tracker(
            action("action_listen"),
            USER,
            {"event": "slot", "name": "requested_slot", "value": "a"},
            action("registration_form"),
        ),
        "registration_form",
    )


def test_validation_of_prefilled_slots_after_a_correction():
    assert not follows_user_message(
        tracker(USER, action("action_change_field"), action("registration_form")),
        "registration_form",
    )


def test_answer_to_the_cancel_question():
    assert answers_cancel_question(
        tracker(
            action("utter_ask_cancel"), action("action_listen"), USER, action("registration_form")
        )
    )
    assert not answers_cancel_question(
        tracker(
            action("utter_ask_surname"), action("action_listen"), USER, action("registration_form")
        )
    )
