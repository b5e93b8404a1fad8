"""Questions of the forms whose response needs something only known at run time: the trust
questions' buttons (their list is account/rules/trust.py's) and the web chat's masked input at the
password questions (a signal for the socket.io channel only; other channels show the text)."""

from __future__ import annotations

import json

from rasa_sdk import Action

from account import rules
from actions.service import language_of

# The web chat masks its input when a response carries this (web/static/chat.js).
SECRET_INPUT = {"data": {"input": "secret"}}


def trust_question_buttons(language: str) -> list[dict[str, str]]:
    return [
        {
            "title": rules.trust_question_label(code, language),
            "payload": "/choose_trust_question" + json.dumps({"trust_question": code}),
        }
        for code in rules.TRUST_QUESTIONS
    ]


class ActionAskTrustQuestion(Action):
    def name(self) -> str:
        return "action_ask_trust_question"

    async def run(self, dispatcher, tracker, domain):
        dispatcher.utter_message(
            response="utter_ask_trust_question",
            buttons=trust_question_buttons(language_of(tracker)),
        )
        return []


class AskSecret(Action):
    """Asks for a secret; the web chat masks what is typed in answer."""

    slot = ""

    def name(self) -> str:
        return f"action_ask_{self.slot}"

    async def run(self, dispatcher, tracker, domain):
        masked = tracker.get_latest_input_channel() == "socketio"
        dispatcher.utter_message(
            response=f"utter_ask_{self.slot}", json_message=SECRET_INPUT if masked else None
        )
        return []


class ActionAskPassword(AskSecret):
    slot = "password"


class ActionAskPasswordConfirmation(AskSecret):
    slot = "password_confirmation"
