"""The action server is not called after a message when the conversation's language stays.

After every user message Rasa 3.6 calls `action_validate_slot_mappings` on the action server
(ActionExtractSlots, `_execute_validation_action`) when the domain lists it. Ours sets only the
`language` slot (actions/language.py), and for most messages it leaves the language as it is and
returns nothing: one of the two or three calls of a form turn, for nothing. The Rasa server now
asks `reading.language.language_for` itself, with what the action would read (the language slot,
the message's text and metadata, the requested slot), and makes the call only when no slot was
extracted and the answer is "no change". When the language changes, the action is called as
before and says so in the conversation. Same function, same inputs: the same decisions.
"""

from __future__ import annotations

from rasa.core.actions.action import ActionExtractSlots
from rasa.shared.core.constants import REQUESTED_SLOT
from rasa.shared.core.events import SlotSet

from rasa_patches.patching import Patch
from reading.language import LANGUAGE_SLOT, language_for


def language_may_change(tracker) -> bool:
    message = tracker.latest_message
    if message is None:
        return True
    # What the action reads: the parsed message (its text cut as the NLU cut it, its metadata).
    parsed = message.parse_data
    return (
        language_for(
            tracker.get_slot(LANGUAGE_SLOT),
            parsed.get("text"),
            (parsed.get("metadata") or {}).get("language"),
            tracker.get_slot(REQUESTED_SLOT),
        )
        is not None
    )


async def execute_validation_action(
    self, extraction_events, output_channel, nlg, tracker, domain
) -> list:
    """ActionExtractSlots._execute_validation_action, skipped when it would change nothing."""
    extracted = [event for event in extraction_events if isinstance(event, SlotSet)]
    if not extracted and not language_may_change(tracker):
        return []
    return await PATCH.original()(self, extraction_events, output_channel, nlg, tracker, domain)


PATCH = Patch(
    name="language_check",
    owner=ActionExtractSlots,
    attribute="_execute_validation_action",
    replacement=execute_validation_action,
    why=__doc__,
    rasa_version="3.6.21",
    original_sha256="3f1249f61cf252e0dec3895a635d20822a110269c6f37c58ac501700a6a311f9",
)
