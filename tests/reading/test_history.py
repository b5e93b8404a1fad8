"""What came before and after the latest message (reading/history.py), the one helper the
answer-first reading, the typed-answer policy, the forms and the repairs ask."""

from reading.history import around_latest_message, steps_of_dicts

EVENTS = [
    {"event": "user", "text": "bonjour"},
    {"event": "action", "name": "utter_greet"},
    {"event": "bot", "metadata": {"utter_action": "utter_greet"}},
    {"event": "action", "name": "action_listen"},
    {"event": "user", "text": "je veux créer mon espace"},
    {"event": "action", "name": "utter_offer_registration"},
    {"event": "bot", "metadata": {"utter_action": "utter_offer_registration"}},
    {"event": "action", "name": "registration_form"},
    {"event": "bot", "metadata": {"utter_action": "utter_ask_terms_accepted"}},
    {"event": "action", "name": "action_listen"},
]


def test_the_turn_before_a_message_and_what_ran_since():
    around = around_latest_message(
        steps_of_dicts([*EVENTS, {"event": "user"}, {"event": "action", "name": "f"}])
    )
    assert around.actions_before == ("utter_offer_registration", "registration_form")
    assert around.last_action_before == "registration_form"
    assert around.last_response_among({"utter_offer_registration", "utter_greet"}) == (
        "utter_offer_registration"
    )
    assert around.actions_after == ("f",) and around.message_seen


def test_while_the_message_is_parsed_it_is_not_in_the_events_yet():
    around = around_latest_message(steps_of_dicts(EVENTS), message_logged=False)
    assert around.responses_before == ("utter_offer_registration", "utter_ask_terms_accepted")
    assert around_latest_message(steps_of_dicts(EVENTS[:1])).responses_before == ()


def test_before_any_message():
    around = around_latest_message(steps_of_dicts([{"event": "action", "name": "x"}]))
    assert not around.message_seen and around.last_action_before is None
