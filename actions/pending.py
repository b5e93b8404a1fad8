"""The question the user is answering, and the repairs around it (outside the forms, whose own
question is asked again by the form itself):
- a yes or a no is read against the question that was asked;
- a message not understood gets a short "not understood" and the question again (or, when two
  readings are close, "did you mean A or B?");
- "can you repeat?" asks it again; an interruption (a question, chitchat, support) is answered,
  then the question is asked again;
- "where am I?" says the step, what is filled and what is missing.

The question is the last one the assistant asked before the latest user message: each response
that asks one names itself in its event's metadata (`utter_action`), which the action server
receives with the events since the previous user message.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from account.fields import FIELDS
from account.labels import STEPS, TOPICS, field_list, step_label, topic_label
from actions.form_validation import is_yes_no_answer
from actions.never_a_loop import not_answered
from actions.registration import registration_complete, registration_in_progress
from actions.service import account_service, language_of
from reading.history import around_latest_message, steps_of_dicts

# Responses that ask a question outside the forms -> the response that asks it again.
QUESTIONS = {
    "utter_offer_activation": "utter_offer_activation",
    "utter_ask_cancel": "utter_ask_cancel",
    "utter_summary": "utter_ask_summary_confirmation",
    "utter_ask_summary_confirmation": "utter_ask_summary_confirmation",
    "utter_ask_which_field": "utter_ask_which_field",
    "utter_nothing_to_confirm": "utter_nothing_to_confirm",
    "utter_offer_registration": "utter_offer_registration",
}
SUMMARY_QUESTIONS = ("utter_summary", "utter_ask_summary_confirmation")
# What a yes or a no leads to, when a rule carries on (slot `answer_meaning`).
ANSWERED = "answered"  # the action said all there was to say
# Two intents this close (difference of confidence) are worth a "did you mean A or B?".
CLARIFY_MARGIN = 0.2
CLARIFY_MINIMUM = 0.2


def last_question(tracker: Tracker) -> str | None:
    """The response that asked what the latest user message answers, if the assistant asked a
    question (of those above) in its last turn."""
    return around_latest_message(steps_of_dicts(tracker.events)).last_response_among(QUESTIONS)


def ask_again(dispatcher: CollectingDispatcher, tracker: Tracker, question: str | None) -> bool:
    """Ask `question` again; False when there is none to ask."""
    if question is None:
        return False
    dispatcher.utter_message(response=QUESTIONS[question])
    return True


def yes_no_meaning(question: str | None, yes: bool) -> str:
    """What a yes or a no means after `question` (the values of slot `answer_meaning`)."""
    if question == "utter_offer_activation":
        return "start_activation" if yes else "activate_later"
    if question == "utter_ask_cancel":
        return "cancel" if yes else "keep_going"
    if question in SUMMARY_QUESTIONS:
        return "pre_register" if yes else "change_field"
    if question in ("utter_nothing_to_confirm", "utter_offer_registration"):
        return "start_registration" if yes else "what_next"
    return "what_next"


class ActionAnswerYesNo(Action):
    """A yes or a no outside the forms, read against the question that was asked."""

    def name(self) -> str:
        return "action_answer_yes_no"

    async def run(self, dispatcher, tracker, domain):
        message = tracker.latest_message
        intent = message.get("intent") or {}
        yes = intent.get("name") in ("affirm", "confirm")
        question = last_question(tracker)
        if not is_yes_no_answer(message):
            # "hmm bof zzz" guessed as a no: not understood, and the question again
            dispatcher.utter_message(response="utter_default")
            helped = not_answered(dispatcher, tracker, question) if question else []
            if not ask_again(dispatcher, tracker, question):
                dispatcher.utter_message(response="utter_ask_what_next")
            return [SlotSet("answer_meaning", ANSWERED), *helped]
        meaning = yes_no_meaning(question, yes)
        if meaning in ("start_activation", "cancel", "pre_register", "start_registration"):
            return [SlotSet("answer_meaning", meaning)]  # a rule carries on
        if meaning == "activate_later":
            dispatcher.utter_message(response="utter_activate_later")
        elif meaning == "keep_going":
            dispatcher.utter_message(response="utter_continue")
            if registration_complete(tracker, account_service().settings.captcha_enabled):
                dispatcher.utter_message(response="utter_ask_summary_confirmation")
        elif meaning == "change_field":
            dispatcher.utter_message(response="utter_ask_which_field")
        elif question == "utter_ask_which_field":
            dispatcher.utter_message(response="utter_ask_which_field")
        else:
            dispatcher.utter_message(response="utter_ask_what_next")
        return [SlotSet("answer_meaning", ANSWERED)]


class ActionAskAgain(Action):
    """After an interruption outside the forms: the pending question, asked again. With none
    pending and nothing in progress, the next step is offered (a question answered at the start
    leaves the user knowing what to do next)."""

    def name(self) -> str:
        return "action_ask_again"

    async def run(self, dispatcher, tracker, domain):
        if ask_again(dispatcher, tracker, last_question(tracker)):
            return []
        if not tracker.active_loop.get("name") and not registration_in_progress(tracker):
            dispatcher.utter_message(response="utter_offer_registration")
        return []


class ActionAskPending(Action):
    """After a thank-you outside the forms: the question pending, if any, asked again ("That all
    seems in order, thank you" at the summary must not leave the user with no question); with
    none pending, nothing more (a thank-you at the end needs no offer)."""

    def name(self) -> str:
        return "action_ask_pending"

    async def run(self, dispatcher, tracker, domain):
        ask_again(dispatcher, tracker, last_question(tracker))
        return []


class ActionRepeatQuestion(Action):
    """ "Pouvez-vous répéter ?": outside a form, the last question; inside, the form asks its
    own again next (a rule), so nothing is said here."""

    def name(self) -> str:
        return "action_repeat_question"

    async def run(self, dispatcher, tracker, domain):
        if tracker.active_loop.get("name"):
            return []
        if not ask_again(dispatcher, tracker, last_question(tracker)):
            dispatcher.utter_message(response="utter_ask_what_next")
        return []


def close_readings(message: dict[str, Any]) -> list[str]:
    """The two intents of a message whose confidences are close, best first, if any."""
    ranking = [item for item in message.get("intent_ranking") or [] if item.get("name") in TOPICS]
    if len(ranking) < 2:
        return []
    first, second = ranking[0], ranking[1]
    if (
        second["confidence"] >= CLARIFY_MINIMUM
        and first["confidence"] - second["confidence"] <= CLARIFY_MARGIN
    ):
        return [first["name"], second["name"]]
    return []


class ActionNotUnderstood(Action):
    """Also Rasa's fallback when no rule applies (config.yml). Outside the forms: "not
    understood" and the pending question again; with none pending,
    "did you mean A or B?" when two readings are close, otherwise what the assistant can do."""

    def name(self) -> str:
        return "action_not_understood"

    async def run(self, dispatcher, tracker, domain):
        form = tracker.active_loop.get("name")
        if form:  # Rasa's fallback inside a form: said briefly, then the form asks again
            dispatcher.utter_message(response="utter_default")
            requested = tracker.get_slot("requested_slot")
            helped = not_answered(dispatcher, tracker, requested) if requested else []
            return [*helped, FollowupAction(form)]
        language = language_of(tracker)
        question = last_question(tracker)
        readings = close_readings(tracker.latest_message)
        if readings and question is None:
            # With a question pending, asking it again says what is expected; without one,
            # the two close readings are offered.
            dispatcher.utter_message(
                response="utter_clarify",
                buttons=[
                    {"title": topic_label(intent, language), "payload": f"/{intent}"}
                    for intent in readings
                ],
            )
            return [FollowupAction("action_listen")]
        if question is None:
            dispatcher.utter_message(response="utter_what_i_can_do")
        else:
            dispatcher.utter_message(response="utter_default")
            helped = not_answered(dispatcher, tracker, question)
            ask_again(dispatcher, tracker, question)
            return [*helped, FollowupAction("action_listen")]
        # As Rasa's fallback, no rule follows it: the user answers next (else it loops).
        return [FollowupAction("action_listen")]


def progress(tracker: Tracker) -> tuple[str, list[str], list[str]]:
    """(step, fields filled, fields missing) of what is in progress."""
    form = tracker.active_loop.get("name")
    captcha = account_service().settings.captcha_enabled
    if form == "activation_form":
        fields = FIELDS.asked(form, captcha)
        filled = [s for s in fields if tracker.get_slot(s) is not None]
        return "activation", filled, [s for s in fields if s not in filled]
    if form != "registration_form" and not registration_in_progress(tracker):
        return "none", [], []  # at the terms, the form is under way though nothing is filled
    fields = FIELDS.asked("registration_form", captcha)
    filled = [s for s in fields if tracker.get_slot(s) is not None]
    missing = [s for s in fields if s not in filled]
    if not missing:
        return "summary", filled, []
    step = next(name for name, slots in STEPS if missing[0] in slots)
    return step, filled, missing


class ActionWhereAmI(Action):
    """ "Où en suis-je ?": the step, what is filled, what is missing (the form then asks its
    question again; outside a form, the pending question is asked again)."""

    def name(self) -> str:
        return "action_where_am_i"

    async def run(self, dispatcher, tracker, domain):
        language = language_of(tracker)
        step, filled, missing = progress(tracker)
        if step == "none":
            dispatcher.utter_message(response="utter_progress_nothing")
            return []
        # The password and secrets are named, never shown.
        dispatcher.utter_message(
            response="utter_progress",
            step=step_label(step, language),
            filled=field_list([s for s in filled if not s.endswith("_confirmation")], language),
            missing=field_list([s for s in missing if not s.endswith("_confirmation")], language),
        )
        if not tracker.active_loop.get("name"):
            ask_again(dispatcher, tracker, last_question(tracker))
        return []
