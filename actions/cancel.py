"""Cancellation confirmed: both forms forget what was not confirmed (the one module that knows
both, so that neither form's module imports the other's)."""

from __future__ import annotations

from rasa_sdk import Action
from rasa_sdk.events import ActiveLoop, SlotSet

from actions.activation import ACTIVATION_SLOTS
from actions.registration import FORM_SLOTS, forget
from actions.service import account_service


class ActionCancel(Action):
    """Cancellation confirmed: forget every unconfirmed value of both forms."""

    def name(self) -> str:
        return "action_cancel"

    async def run(self, dispatcher, tracker, domain):
        dispatcher.utter_message(response="utter_cancelled")
        account_service().captcha.discard(tracker.get_slot("captcha_id"))
        return [ActiveLoop(None), SlotSet("requested_slot", None)] + forget(
            (
                *FORM_SLOTS,
                *ACTIVATION_SLOTS,
                "captcha_id",
                "registration_outcome",
                "activation_outcome",
            )
        )
