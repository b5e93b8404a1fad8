"""Every message is read first as an answer to the question pending (bot/answer_first.py).

Rasa 3.6's NLU reads a message alone; the question it answers is in the tracker, which the NLU
components do not receive. `MessageProcessor.parse_message`, given the conversation's tracker,
now applies the answer-first reading once: from the message's text, the classifier's ranking and
the question pending (the last response that asked one since the previous message, or the active
form's requested slot), it sets the intent the message has there ("Fine. Go on." is a yes at the
summary, "de la Tour" a value at the surname), before any rule, policy or form sees it. Without a
tracker (`/model/parse`, `rasa test nlu`) the classifier's reading is left as it is.
"""

from __future__ import annotations

from rasa.core.processor import MessageProcessor
from rasa.shared.core.constants import REQUESTED_SLOT
from rasa.shared.core.events import BotUttered, UserUttered
from rasa.shared.nlu.constants import (
    INTENT,
    INTENT_NAME_KEY,
    INTENT_RANKING_KEY,
    PREDICTED_CONFIDENCE_KEY,
    TEXT,
)

from bot.answer_first import Classified, pending_question, read_answer
from bot.dialogue import ASKING_RESPONSES
from pipeline.polarity import POLARITY
from rasa_patches.patching import Patch


def last_asked(tracker) -> str | None:
    """The last response that asked a question since the user's previous message."""
    for event in reversed(tracker.events):
        if isinstance(event, UserUttered):
            return None
        if isinstance(event, BotUttered):
            asked = (event.metadata or {}).get("utter_action")
            if asked in ASKING_RESPONSES:
                return asked
    return None


def classified(parse_data: dict) -> Classified:
    intent = parse_data.get(INTENT) or {}
    ranking = tuple(
        (item.get(INTENT_NAME_KEY), float(item.get(PREDICTED_CONFIDENCE_KEY) or 0.0))
        for item in parse_data.get(INTENT_RANKING_KEY) or []
    )
    return Classified(
        intent.get(INTENT_NAME_KEY),
        float(intent.get(PREDICTED_CONFIDENCE_KEY) or 0.0),
        ranking,
        parse_data.get(POLARITY),
    )


def read_against_pending(parse_data: dict, tracker) -> None:
    pending = pending_question(
        last_asked(tracker), tracker.active_loop_name, tracker.get_slot(REQUESTED_SLOT)
    )
    intent = read_answer(parse_data.get(TEXT), classified(parse_data), pending)
    if intent is None:
        return
    chosen = {INTENT_NAME_KEY: intent, PREDICTED_CONFIDENCE_KEY: 1.0}
    others = [
        item
        for item in parse_data.get(INTENT_RANKING_KEY) or []
        if item.get(INTENT_NAME_KEY) != intent
    ]
    parse_data[INTENT] = chosen
    parse_data[INTENT_RANKING_KEY] = [chosen, *others]


async def parse_message(self, message, tracker=None, only_output_properties=True):
    """MessageProcessor.parse_message, then the answer-first reading when a tracker is given."""
    parse_data = await PATCH.original()(self, message, tracker, only_output_properties)
    if tracker is not None:
        read_against_pending(parse_data, tracker)
    return parse_data


PATCH = Patch(
    name="answer_first",
    owner=MessageProcessor,
    attribute="parse_message",
    replacement=parse_message,
    why=__doc__,
    rasa_version="3.6.21",
    original_sha256="b98d8e49b9f2c433040af62752212dc374600d50cd21deec82386642b64d30dc",
)
