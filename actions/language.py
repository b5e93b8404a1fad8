"""The conversation's language, set before any response of the turn is rendered.

action_validate_slot_mappings runs after every user message, before the next action, so a
language set here applies to every reply of that turn. It is set by the web page's session
metadata, by the first real sentence, and afterwards only when the user asks for a language.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActionExecuted, SessionStarted, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import ValidationAction

from account.i18n import LANGUAGES, render
from actions.service import account_service
from reading.language import LANGUAGE_SLOT, language_for, requested_language


class ValidateSlotMappings(ValidationAction):
    def name(self) -> str:
        return "action_validate_slot_mappings"

    def domain_slots(self, domain: dict[str, Any]) -> list[str]:
        # The form slots are handled by the forms' own validation actions. Only the language: the
        # Rasa server calls this action only when language_for changes it (rasa_patches/language_check.py).
        return [LANGUAGE_SLOT]

    async def extract_language(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> dict[str, Any]:
        message = tracker.latest_message
        current = tracker.get_slot("language")
        text = message.get("text")
        language = language_for(
            current,
            text,
            (message.get("metadata") or {}).get("language"),
            tracker.get_slot("requested_slot"),
        )
        if not language:
            return {}
        if current and not requested_language(text) and not (text or "").startswith("/"):
            # Switched because the user wrote in the other language: said in one short line
            # (the web page follows, as when the switch is asked for).
            custom = (
                {"data": {"language": language}}
                if tracker.get_latest_input_channel() == "socketio"
                else None
            )
            dispatcher.utter_message(
                text=render("language.switched_by_sentence", language), json_message=custom
            )
        return {"language": language}


def asked_by_hand(tracker: Tracker) -> bool:
    """A session started by the user's own "/session_start", not by Rasa for a new conversation
    or after the session expired (the message that caused those is not logged yet)."""
    return (tracker.latest_message.get("intent") or {}).get("name") == "session_start"


class ActionSessionStart(Action):
    """Starts a session, in the language the web page asks for (metadata "language")."""

    def name(self) -> str:
        return "action_session_start"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        events: list[dict[str, Any]] = [SessionStarted()]
        # The figures the responses quote (deadline, password length, hotline), from the settings.
        events += [
            SlotSet(name, value) for name, value in account_service().response_values().items()
        ]
        metadata = tracker.get_slot("session_started_metadata") or {}
        if metadata.get("language") in LANGUAGES:
            events.append(SlotSet("language", metadata["language"]))
        elif asked_by_hand(tracker) and tracker.get_slot("language") in LANGUAGES:
            events.append(SlotSet("language", tracker.get_slot("language")))
        if asked_by_hand(
            tracker
        ):  # "/session_start" typed: say what happened, in the same language
            dispatcher.utter_message(response="utter_restart")
        events.append(ActionExecuted("action_listen"))
        return events
