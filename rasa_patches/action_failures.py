"""An apology instead of silence when the action server, or the database behind it, fails.

Rasa 3.6 logs a failed custom action and goes on as if it had returned nothing: the user is left
without an answer, or gets "not understood", and Rasa offers no hook for this. `RemoteAction.run`
is wrapped: a failure gives the `utter_service_unavailable` response in the conversation's
language and ends the turn. Nothing already entered is lost: the failed action changed nothing,
and the user sends the message again.
"""

from __future__ import annotations

import logging

from rasa.core.actions import action as rasa_actions
from rasa.shared.core.events import BotUttered, FollowupAction, SlotSet, UserUttered
from rasa.shared.exceptions import RasaException

from rasa_patches.patching import Patch

APOLOGY = "utter_service_unavailable"
# Run by Rasa after every message to fill custom slots; its failure is only logged, and the next
# action that needs the action server apologises.
SLOT_FILLING = "action_validate_slot_mappings"

logger = logging.getLogger(__name__)


def apologised_this_turn(tracker) -> bool:
    for event in reversed(tracker.events):
        if isinstance(event, UserUttered):
            return False
        if isinstance(event, BotUttered) and event.metadata.get("utter_action") == APOLOGY:
            return True
    return False


async def apology(action_name: str, output_channel, nlg, tracker) -> list:
    logger.error("Action %s failed: the user was asked to try again.", action_name)
    events: list = []
    if not apologised_this_turn(tracker):
        message = await nlg.generate(APOLOGY, tracker, output_channel.name())
        if message:
            events.append(rasa_actions.create_bot_utterance({**message, "utter_action": APOLOGY}))
    requested = tracker.get_slot("requested_slot")
    if action_name.startswith("validate_") and requested:
        # A form's validation: the answer counts as not given and the same question is asked
        # again (returning nothing would make the form reject the message and lose the apology;
        # naming the question keeps the form from picking one its validator would have skipped).
        return events + [SlotSet(requested, None), SlotSet("requested_slot", requested)]
    return events + [FollowupAction("action_listen")]  # the turn ends here


async def run(self, output_channel, nlg, tracker, domain):
    """RemoteAction.run, with an apology instead of Rasa's exception when the action fails."""
    try:
        return await PATCH.original()(self, output_channel, nlg, tracker, domain)
    except rasa_actions.ActionExecutionRejection:
        raise  # a form declining a message: part of the dialogue, not a fault
    except RasaException:
        if self.name() == SLOT_FILLING:
            raise
        return await apology(self.name(), output_channel, nlg, tracker)


PATCH = Patch(
    name="action_failures",
    owner=rasa_actions.RemoteAction,
    attribute="run",
    replacement=run,
    why=__doc__,
    rasa_version="3.6.21",
    original_sha256="ccabf6f1160d527a157fad5bd285ce69e8221b1bcad23f8a61499b4360a1c17e",
)
