"""What the two forms' validation actions share: extract only from the message that answers the
form, say each problem in the conversation's language, and ask for CAPTCHAs."""

from __future__ import annotations

import functools
from abc import abstractmethod
from typing import Any, Callable

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import FormValidationAction

from account.fields import FIELDS, FieldRegistry
from account.i18n import Checked, Problem
from account.registration_form import check_form_field
from actions import never_a_loop
from actions.service import account_service, captcha_links, say_problem
from reading.history import around_latest_message, steps_of_dicts
from reading.yes_no import read_yes_no

CAPTCHA_PASSED = "passed"


def follows_user_message(tracker: Tracker, form_name: str) -> bool:
    """True when this validation answers the user's latest message, False when the form was
    (re)activated by an action with slots already filled, e.g. after a correction."""
    around = around_latest_message(steps_of_dicts(tracker.events))
    # Nothing ran since the message but the form itself (its run is logged before the candidates).
    return around.message_seen and around.actions_after in ((), (form_name,))


def answers_cancel_question(tracker: Tracker) -> bool:
    """Is the latest message the answer to "do you really want to give up?" (a rule's business,
    not an answer to the form)?"""
    around = around_latest_message(steps_of_dicts(tracker.events))
    return around.last_action_before == "utter_ask_cancel"


# Below this, a yes or a no guessed by the model from words that are neither is not trusted.
SURE_YES_NO = 0.8


def is_yes_no_answer(message: dict[str, Any]) -> bool:
    """A button, a typed yes or no (reading/yes_no.py), or the model quite sure of one."""
    text = message.get("text") or ""
    intent = message.get("intent") or {}
    if intent.get("name") not in ("affirm", "deny", "confirm"):
        return False
    return (
        text.startswith("/")
        or read_yes_no(text) is not None
        or float(intent.get("confidence") or 0) >= SURE_YES_NO
    )


def typed_now(tracker: Tracker, form_name: str, value: Any) -> bool:
    """Was `value` typed in the message being answered (rather than a stored hash or marker)?"""
    text = (tracker.latest_message.get("text") or "").strip()
    return follows_user_message(tracker, form_name) and value == text


def keep_cleared(validate):
    """A slot emptied by a correction stays empty (the form asks it again), unchecked."""

    @functools.wraps(validate)
    def wrapper(self, value, dispatcher, tracker, domain):
        slot = validate.__name__.removeprefix("validate_")
        return {slot: None} if value is None else validate(self, value, dispatcher, tracker, domain)

    return wrapper


def field_validators(fields: FieldRegistry, form: str) -> dict[str, Callable]:
    """validate_<field> for each field of the form with a rule (account/fields.py): the value
    checked by its rule, its problem said in the conversation's language. rasa_sdk skips a slot
    without one silently: tests/actions/test_form_validation.py checks that every slot has one."""

    def validator(name: str) -> Callable:
        def validate(self, value, dispatcher, tracker, domain):
            country = tracker.get_slot("country")
            return self.outcome(
                dispatcher, tracker, name, check_form_field(name, value, country, fields)
            )

        validate.__name__ = f"validate_{name}"
        return keep_cleared(validate)

    return {
        f"validate_{name}": validator(name)
        for name in fields.required_slots(form)
        if fields[name].rule is not None
    }


class FormValidator(FormValidationAction):
    """Base of the forms' validation actions: one `answers` method decides what a message fills.
    Each field of the form (`FORM`) is checked by its own `validate_<field>` method when the
    subclass has one, else by the field's rule."""

    FORM: str

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        for name, method in field_validators(FIELDS, cls.FORM).items():
            if name not in cls.__dict__:
                setattr(cls, name, method)

    def name(self) -> str:
        return f"validate_{self.FORM}"

    @abstractmethod
    def answers(self, tracker: Tracker, requested: str | None) -> dict[str, Any]:
        """The slots the latest message fills, given the slot the form asked for."""

    async def run(self, dispatcher, tracker, domain):
        events = await super().run(dispatcher, tracker, domain)
        return events + self.progress(dispatcher, tracker, events)

    def progress(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, events: list[dict[str, Any]]
    ) -> list[dict[str, Any]]:
        """Never a loop: an answer to the question asked that fills nothing counts, and the
        second in a row brings the help (actions/never_a_loop.py)."""
        requested = tracker.get_slot("requested_slot")
        if not requested or not follows_user_message(tracker, self.form_name()):
            return []
        if answers_cancel_question(tracker):
            return []
        final = {
            e["name"]: e.get("value")
            for e in events
            if e.get("event") == "slot" and e["name"] not in ("requested_slot", never_a_loop.SLOT)
        }
        if not final:
            # Nothing read from the message: the form rejects it and the rules answer it (a
            # question, "not understood", which counts there). A slot set here would keep the
            # form from rejecting it.
            return []
        if any(value is not None for value in final.values()):
            return never_a_loop.answered(tracker.get_slot(never_a_loop.SLOT))
        return never_a_loop.not_answered(dispatcher, tracker, requested)

    async def get_extraction_events(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        if not follows_user_message(tracker, self.form_name()):
            return []
        if answers_cancel_question(tracker) and is_yes_no_answer(tracker.latest_message):
            return []  # a yes or a no to "do you really want to give up?" is for the rules
        # Anything else after that question answers the form: the user goes on.
        values = self.answers(tracker, tracker.get_slot("requested_slot"))
        return [SlotSet(slot, value) for slot, value in values.items()]

    async def required_slots(self, domain_slots, dispatcher, tracker, domain) -> list[str]:
        """The form's fields, its CAPTCHA's only when CAPTCHAs are on."""
        if account_service().settings.captcha_enabled:
            return domain_slots
        return [slot for slot in domain_slots if slot not in FIELDS.captcha_fields]

    @staticmethod
    def refuse(
        dispatcher: CollectingDispatcher, tracker: Tracker, slot: str, problem: Problem
    ) -> dict[str, Any]:
        say_problem(dispatcher, tracker, problem)
        return {slot: None}

    def outcome(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, slot: str, checked: Checked
    ) -> dict[str, Any]:
        if checked.ok:
            return {slot: checked.value}
        return self.refuse(dispatcher, tracker, slot, checked.problem)

    def check_captcha(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, slot: str, value: Any
    ) -> dict[str, Any]:
        if value == CAPTCHA_PASSED and not typed_now(tracker, self.form_name(), value):
            return {slot: value}
        checked = account_service().captcha.check(tracker.get_slot("captcha_id"), value)
        if checked.ok:
            return {slot: CAPTCHA_PASSED}
        return self.refuse(dispatcher, tracker, slot, checked.problem)


def ask_captcha(dispatcher: CollectingDispatcher) -> list[dict[str, Any]]:
    """Show a new challenge: an image in the web chat, a link to it in text channels."""
    challenge = account_service().captcha.new_challenge()
    dispatcher.utter_message(response="utter_captcha", **captcha_links(challenge))
    return [SlotSet("captcha_id", challenge)]
