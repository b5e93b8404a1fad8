"""A session's start, in the language the web page asks for. After each message, the language
is decided by the Rasa server (rasa_patches/conversation_language.py), once."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActionExecuted, SessionStarted, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.service import account_service
from languages import LANGUAGES


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
