"""Support: the hotline and the online form, and whether the hotline is open right now."""

from __future__ import annotations

from rasa_sdk import Action

from account.i18n import format_datetime
from account.support import hotline_is_open
from actions.service import account_service, language_of


class ActionExplainSupport(Action):
    def name(self) -> str:
        return "action_explain_support"

    async def run(self, dispatcher, tracker, domain):
        service = account_service()
        now = service.clock.now()
        dispatcher.utter_message(response="utter_support_hours")
        open_now = hotline_is_open(now, service.settings.zone)
        dispatcher.utter_message(
            response="utter_support_open_now" if open_now else "utter_support_closed_now",
            now=format_datetime(now, language_of(tracker), service.settings.zone),
        )
        return []
