"""Every message is read first as an answer to the question pending (reading/answer_first.py).

Rasa 3.6's NLU reads a message alone; the question it answers is in the tracker, which the NLU
components do not receive. `MessageProcessor.parse_message`, given the conversation's tracker,
now applies the answer-first reading once: from the message's text, the classifier's ranking and
the question pending (the last response that asked one since the previous message, or the active
form's requested slot), it sets the intent the message has there ("Fine. Go on." is a yes at the
summary, "de la Tour" a value at the surname), before any rule, policy or form sees it. Without a
tracker (`/model/parse`, `rasa test nlu`) the classifier's reading is left as it is.
"""

from __future__ import annotations

from rasa.core.channels.channel import UserMessage
from rasa.core.processor import MessageProcessor
from rasa.shared.core.constants import REQUESTED_SLOT
from rasa.shared.nlu.constants import (
    INTENT,
    INTENT_NAME_KEY,
    INTENT_RANKING_KEY,
    PREDICTED_CONFIDENCE_KEY,
    RESPONSE_SELECTOR,
    TEXT,
)

from pipeline.polarity import POLARITY
from rasa_patches.patching import Patch
from reading.answer_first import (
    SECRET,
    Classified,
    Pending,
    pending_question,
    question_sentence,
    read_answer,
)
from reading.dialogue import ASKING_RESPONSES, QUESTIONS, REPAIRS
from reading.history import around_latest_message, steps_of_events
from reading.message_reading import READING_KEY, reading_data


def last_asked(tracker) -> str | None:
    """The last response that asked a question since the user's previous message (the message
    being parsed is not in the events yet)."""
    around = around_latest_message(steps_of_events(tracker.events), message_logged=False)
    return around.last_response_among(ASKING_RESPONSES)


def classified(parse_data: dict, question: dict | None = None) -> Classified:
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
        classified(question) if question else None,
    )


def pending_in(tracker) -> Pending | None:
    return pending_question(
        last_asked(tracker), tracker.active_loop_name, tracker.get_slot(REQUESTED_SLOT)
    )


def read_against_pending(
    parse_data: dict, pending: Pending | None, question: dict | None = None
) -> None:
    """`question`: the parse of the message's question sentence alone, when it has one."""
    intent = read_answer(parse_data.get(TEXT), classified(parse_data, question), pending)
    if intent is None:
        return
    if question and intent == (question.get(INTENT) or {}).get(INTENT_NAME_KEY):
        # The answer chosen for the question sentence is the one given (utter_faq)
        parse_data[RESPONSE_SELECTOR] = question.get(RESPONSE_SELECTOR, {})
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
        sentence = question_sentence(parse_data.get(TEXT) or "")
        intent = (parse_data.get(INTENT) or {}).get(INTENT_NAME_KEY)
        question = None
        pending = pending_in(tracker)
        secret = pending is not None and pending.expects == SECRET  # a password is never split
        if sentence and not secret and intent not in QUESTIONS | REPAIRS:
            # "Sorry, what is expert mode? I'm no expert at all", read as a no: the question
            # sentence is classified alone too (a second model call, for such messages only).
            alone = UserMessage(sentence, sender_id=getattr(message, "sender_id", None))
            question = await PATCH.original()(self, alone, None, only_output_properties)
        read_against_pending(parse_data, pending, question)
        if not secret:  # what was read of it, for the action server (never a secret's)
            parse_data[READING_KEY] = reading_data(parse_data.get(TEXT) or "")
        # An FAQ read here names its answer as Rasa does for the classifier's own (utter_faq)
        MessageProcessor._update_full_retrieval_intent(self, parse_data)
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
