"""What the readers of typed answers (yes_no_answers.py, corrections.py) share: setting the
intent a message plainly has, whatever the model guessed, at full confidence and first in the
ranking (the others keep their order, for the clarification of close readings)."""

from rasa.shared.nlu.constants import (
    INTENT,
    INTENT_NAME_KEY,
    INTENT_RANKING_KEY,
    PREDICTED_CONFIDENCE_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message


def typed_text(message: Message) -> str | None:
    """The text of a message the user typed (button payloads say what they mean)."""
    text = message.get(TEXT)
    return text if isinstance(text, str) and not text.startswith("/") else None


def set_intent(message: Message, name: str) -> None:
    intent = {INTENT_NAME_KEY: name, PREDICTED_CONFIDENCE_KEY: 1.0}
    ranking = [
        item for item in message.get(INTENT_RANKING_KEY) or [] if item.get(INTENT_NAME_KEY) != name
    ]
    message.set(INTENT, intent, add_to_output=True)
    message.set(INTENT_RANKING_KEY, [intent, *ranking], add_to_output=True)
