"""The question being answered and the repairs around it (actions/pending.py), in-process: a
tracker built here, the action run, its events and responses checked."""

import asyncio

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.pending import (
    ActionAnswerYesNo,
    ActionAskAgain,
    ActionAskPending,
    ActionNotUnderstood,
    ActionRepeatQuestion,
    close_readings,
    last_question,
    yes_no_meaning,
)


def bot(response):
    return {"event": "bot", "text": "…", "metadata": {"utter_action": response}}


def user(text, intent="inform", ranking=None, confidence=0.9):
    return {
        "event": "user",
        "text": text,
        "parse_data": {
            "intent": {"name": intent, "confidence": confidence},
            "intent_ranking": ranking or [],
        },
    }


def tracker(*events, loop=None):
    latest = next(e for e in reversed(events) if e["event"] == "user")
    message = {"text": latest["text"], **latest["parse_data"]}
    return Tracker(
        "t",
        {"language": "en"},
        message,
        list(events),
        False,
        None,
        {"name": loop} if loop else {},
        "action_listen",
    )


def run(action, tracker_):
    dispatcher = CollectingDispatcher()
    events = asyncio.run(action.run(dispatcher, tracker_, {}))
    return events, [m.get("response") for m in dispatcher.messages]


def test_the_question_is_the_last_one_asked_before_the_answer():
    asked = tracker(
        user("valider", "confirm"),
        bot("utter_pre_registered"),
        bot("utter_offer_activation"),
        user("oui", "affirm"),
    )
    assert last_question(asked) == "utter_offer_activation"


def test_no_question_when_the_last_turn_asked_none():
    assert (
        last_question(
            tracker(user("merci", "thank"), bot("utter_you_are_welcome"), user("oui", "affirm"))
        )
        is None
    )
    # a question of an earlier turn is not the one being answered
    assert (
        last_question(
            tracker(
                bot("utter_offer_activation"),
                user("hello", "greet"),
                bot("utter_greet"),
                user("oui", "affirm"),
            )
        )
        is None
    )


@pytest.mark.parametrize(
    "question, yes, meaning",
    [
        ("utter_offer_activation", True, "start_activation"),
        ("utter_offer_activation", False, "activate_later"),
        ("utter_ask_cancel", True, "cancel"),
        ("utter_ask_cancel", False, "keep_going"),
        ("utter_summary", True, "pre_register"),
        ("utter_ask_summary_confirmation", False, "change_field"),
        ("utter_nothing_to_confirm", True, "start_registration"),
        (None, True, "what_next"),
    ],
)
def test_a_yes_or_a_no_means_what_the_question_asked(question, yes, meaning):
    assert yes_no_meaning(question, yes) == meaning


def test_a_guessed_no_from_other_words_is_not_understood():
    events, said = run(
        ActionAnswerYesNo(),
        tracker(bot("utter_summary"), user("hmm bof zzz", "deny", confidence=0.56)),
    )
    assert said == ["utter_default", "utter_ask_summary_confirmation"]
    assert events[0]["value"] == "answered"


def test_yes_to_activating_now_lets_the_rule_start_the_activation():
    events, said = run(
        ActionAnswerYesNo(), tracker(bot("utter_offer_activation"), user("sure", "affirm"))
    )
    assert (
        events
        == [
            {
                "event": "slot",
                "timestamp": None,
                "name": "answer_meaning",
                "value": "start_activation",
            }
        ]
        and said == []
    )


def test_no_to_activating_now_is_activating_later():
    events, said = run(
        ActionAnswerYesNo(), tracker(bot("utter_offer_activation"), user("pas maintenant", "deny"))
    )
    assert said == ["utter_activate_later"] and events[0]["value"] == "answered"


def test_a_yes_to_nothing_asks_what_the_user_wants():
    _, said = run(ActionAnswerYesNo(), tracker(user("ok", "affirm")))
    assert said == ["utter_ask_what_next"]


def test_an_interruption_then_the_question_again():
    _, said = run(
        ActionAskAgain(),
        tracker(
            bot("utter_summary"),
            user("how long is the code valid?", "faq"),
            bot("utter_faq/deadline"),
        ),
    )
    assert said == ["utter_ask_summary_confirmation"]


def test_repeat_outside_and_inside_a_form():
    _, said = run(
        ActionRepeatQuestion(), tracker(bot("utter_ask_cancel"), user("sorry?", "repeat_question"))
    )
    assert said == ["utter_ask_cancel"]
    _, said = run(
        ActionRepeatQuestion(),
        tracker(
            bot("utter_ask_phone"), user("sorry?", "repeat_question"), loop="registration_form"
        ),
    )
    assert said == []  # the form asks its own question next


def test_not_understood_with_a_question_pending_asks_it_again_without_the_menu():
    _, said = run(
        ActionNotUnderstood(), tracker(bot("utter_offer_activation"), user("hmm", "nlu_fallback"))
    )
    assert said == ["utter_default", "utter_offer_activation"]
    events, said = run(ActionNotUnderstood(), tracker(user("asdf", "nlu_fallback")))
    assert said == ["utter_what_i_can_do"]
    # Rasa's fallback when no rule applies: the user answers next, or it would loop
    assert events == [{"event": "followup", "timestamp": None, "name": "action_listen"}]


def test_close_readings_are_offered_as_a_choice():
    ranking = [
        {"name": "nlu_fallback", "confidence": 0.5},
        {"name": "start_registration", "confidence": 0.41},
        {"name": "explain_procedure", "confidence": 0.38},
        {"name": "greet", "confidence": 0.1},
    ]
    assert close_readings({"intent_ranking": ranking}) == [
        "start_registration",
        "explain_procedure",
    ]
    events, said = run(
        ActionNotUnderstood(), tracker(user("expert space", "nlu_fallback", ranking))
    )
    assert said == ["utter_clarify"]
    # with a question pending, the question again says what is expected
    _, said = run(
        ActionNotUnderstood(),
        tracker(bot("utter_offer_activation"), user("expert space", "nlu_fallback", ranking)),
    )
    assert said == ["utter_default", "utter_offer_activation"]
    far = [
        {"name": "start_registration", "confidence": 0.8},
        {"name": "explain_procedure", "confidence": 0.1},
    ]
    assert close_readings({"intent_ranking": far}) == []


def test_where_am_i_at_the_terms_is_step_one_not_nothing(make_tracker, run_action, actions_service):
    from actions.pending import ActionWhereAmI

    tracker = make_tracker(
        "on en est où ?", "where_am_i", form="registration_form",
        slots={"requested_slot": "terms_accepted"},
    )  # fmt: skip
    ran = run_action(ActionWhereAmI(), tracker)
    assert ran.responses == ["utter_progress"]
    assert "étape 1" in ran.messages[0]["step"]


def test_a_thank_you_at_a_question_is_followed_by_the_question_again():
    # "That all looks in order, thanks": welcomed, and the summary's question is not lost.
    _, said = run(
        ActionAskPending(),
        tracker(
            bot("utter_summary"),
            user("that all looks in order, thanks", "thank"),
            bot("utter_you_are_welcome"),
        ),
    )
    assert said == ["utter_ask_summary_confirmation"]


def test_a_thank_you_with_nothing_pending_is_only_welcomed():
    _, said = run(
        ActionAskPending(),
        tracker(
            bot("utter_pdf_saved"), user("merci beaucoup", "thank"), bot("utter_you_are_welcome")
        ),
    )
    assert said == []
