"""Never a loop (actions/never_a_loop.py): the second answer in a row that is not understood at
the same question brings what is expected, with an example, the choices and a person; an answer
understood starts the count again. In-process, with the forms' and the repairs' own actions."""

from __future__ import annotations

import asyncio

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.never_a_loop import SLOT, answered, not_answered, times_unanswered
from actions.pending import ActionNotUnderstood


def a_tracker(
    unanswered=None,
    language="fr",
    requested=None,
    loop=None,
    text="zzz",
    asked="utter_offer_activation",
):
    slots = {"language": language, SLOT: unanswered, "requested_slot": requested}
    message = {"text": text, "intent": {"name": "nlu_fallback", "confidence": 0.4}}
    events = [
        {"event": "bot", "text": "…", "metadata": {"utter_action": asked}},
        {"event": "user", "text": text, "parse_data": message},
    ]
    return Tracker(
        "t", slots, message, events, False, None, {"name": loop} if loop else {}, "action_listen"
    )


def said(dispatcher: CollectingDispatcher) -> list[str]:
    return [m.get("response") for m in dispatcher.messages]


def test_the_first_miss_is_counted_without_help():
    dispatcher = CollectingDispatcher()
    events = not_answered(dispatcher, a_tracker(), "surname")
    assert events == [{"event": "slot", "timestamp": None, "name": SLOT, "value": "surname:1"}]
    assert said(dispatcher) == []


def test_the_second_miss_in_a_row_says_what_is_expected_and_offers_a_person():
    for language, example in (("fr", "Dupont"), ("en", "Smith")):
        dispatcher = CollectingDispatcher()
        not_answered(dispatcher, a_tracker("surname:1", language), "surname")
        (message,) = dispatcher.messages
        assert message["response"] == "utter_stuck"
        assert example in message["example"] and message["field"]


def test_a_miss_at_another_question_starts_a_new_count():
    assert times_unanswered(a_tracker("surname:1"), "phone") == 0
    dispatcher = CollectingDispatcher()
    not_answered(dispatcher, a_tracker("surname:1"), "phone")
    assert said(dispatcher) == []


def test_the_trust_question_offers_its_choices_and_a_person():
    dispatcher = CollectingDispatcher()
    not_answered(dispatcher, a_tracker("trust_question:1", "en"), "trust_question")
    (message,) = dispatcher.messages
    titles = [button["title"] for button in message["buttons"]]
    assert "Your pet's name?" in titles and titles[-1] == "Talk to a person"
    assert message["buttons"][-1]["payload"] == "/ask_support"


def test_an_answer_understood_starts_the_count_again():
    assert answered("surname:1") == [
        {"event": "slot", "timestamp": None, "name": SLOT, "value": None}
    ]
    assert answered(None) == []


def test_a_yes_no_question_not_understood_twice_offers_yes_no_and_a_person():
    action = ActionNotUnderstood()
    first, second = CollectingDispatcher(), CollectingDispatcher()
    events = asyncio.run(action.run(first, a_tracker(), {}))
    assert "utter_stuck_yes_no" not in said(first)
    count = next(e["value"] for e in events if e.get("name") == SLOT)
    asyncio.run(action.run(second, a_tracker(count), {}))
    assert said(second) == ["utter_default", "utter_stuck_yes_no", "utter_offer_activation"]


def test_inside_a_form_the_fallback_counts_for_the_question_asked():
    action = ActionNotUnderstood()
    dispatcher = CollectingDispatcher()
    tracker = a_tracker("city:1", requested="city", loop="registration_form")
    events = asyncio.run(action.run(dispatcher, tracker, {}))
    assert said(dispatcher) == ["utter_default", "utter_stuck"]
    assert {"event": "followup", "timestamp": None, "name": "registration_form"} in events


def test_the_field_to_change_not_understood_twice_is_no_yes_no_question():
    action = ActionNotUnderstood()
    for language, example in (("fr", "la ville"), ("en", "the city")):
        count = None
        for _ in range(2):
            dispatcher = CollectingDispatcher()
            tracker = a_tracker(count, language, asked="utter_ask_which_field")
            events = asyncio.run(action.run(dispatcher, tracker, {}))
            count = next(e["value"] for e in events if e.get("name") == SLOT)
        assert said(dispatcher) == [
            "utter_default",
            "utter_stuck_which_field",
            "utter_ask_which_field",
        ]
        assert example in dispatcher.messages[1]["example"]
