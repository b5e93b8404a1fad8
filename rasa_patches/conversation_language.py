"""The conversation's language, decided once per message, in the Rasa server.

After every user message Rasa 3.6's ActionExtractSlots calls `_execute_validation_action`, which
sent the slots it extracted to `action_validate_slot_mappings` on the action server. We had that
action decide the language: the Rasa server already read the message for it (to skip the call
when nothing changed), and the action server read it again. Now the Rasa server alone decides,
with `reading.language.language_for` on the language slot, the message's text and metadata and
the requested slot, and sets the slot itself before any response of the turn is rendered. A
switch the user did not ask for ("What is the difference...?" in a French conversation) is said
in one short line, with the new language for the web page to follow. The domain has no
validation action, so the extracted slots are returned as Rasa would return them.
"""

from __future__ import annotations

from rasa.core.actions.action import ActionExtractSlots
from rasa.shared.core.constants import REQUESTED_SLOT
from rasa.shared.core.events import BotUttered, SlotSet

from account.i18n import render
from rasa_patches.patching import Patch
from reading.language import LANGUAGE_SLOT, language_for, switch_is_announced


def language_events(tracker) -> list:
    """The language slot set when the latest message changes the language, and the line that
    says so when the user did not ask for it."""
    message = tracker.latest_message
    if message is None:
        return []
    # The parsed message: its text cut as the NLU cut it, its metadata.
    parsed = message.parse_data
    current = tracker.get_slot(LANGUAGE_SLOT)
    text = parsed.get("text")
    language = language_for(
        current,
        text,
        (parsed.get("metadata") or {}).get("language"),
        tracker.get_slot(REQUESTED_SLOT),
    )
    if language is None:
        return []
    events: list = [SlotSet(LANGUAGE_SLOT, language)]
    if switch_is_announced(current, text):
        web_page = tracker.get_latest_input_channel() == "socketio"
        data = {"custom": {"data": {"language": language}}} if web_page else {}
        events.append(BotUttered(render("language.switched_by_sentence", language), data))
    return events


async def execute_validation_action(
    self, extraction_events, output_channel, nlg, tracker, domain
) -> list:
    """ActionExtractSlots._execute_validation_action: the extracted slots, and the language."""
    slots = [event for event in extraction_events if isinstance(event, SlotSet)]
    return slots + language_events(tracker)


PATCH = Patch(
    name="conversation_language",
    owner=ActionExtractSlots,
    attribute="_execute_validation_action",
    replacement=execute_validation_action,
    why=__doc__,
    rasa_version="3.6.21",
    original_sha256="3f1249f61cf252e0dec3895a635d20822a110269c6f37c58ac501700a6a311f9",
)
