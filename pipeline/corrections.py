"""A message that plainly corrects a field is read as a correction, whatever the model made of it.

"error in the zip code", "oups, le téléphone est faux" or "I made a mistake in my surname" were
read by the intent model as a question about the code, a new activation or nothing at all, and
the user's correction was lost. When the message has a word that marks a correction ("erreur",
"faux", "trompé", "mistake", "wrong", "actually"...) and names a field (`reading.free_text`), and is
not a question, the intent becomes `change_field`; the actions apply it only to a field already
given (actions/extraction.py), so an answer is never lost to it.
"""

import re
from typing import Any, Dict, List, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from account.rules.text import fold
from pipeline.intent_override import set_intent, typed_text
from reading.corrections import field_mentioned

CORRECTION_WORDS = re.compile(
    r"\b(?:chang\w*|modifi\w*|corrig\w*|correct\w*|remplac\w*|replac\w*|fix\w*|updat\w*|wrong|"
    r"trompe\w*|erreur|error|mistake|faux|fausse|incorrect\w*|errone\w*|typo|coquille|"
    r"misspel\w*|oups|oops|finalement|actually|plutot)\b"
)
INTENT_NAME = "change_field"


def reads_as_correction(text: str) -> bool:
    return (
        "?" not in text
        and bool(CORRECTION_WORDS.search(fold(text)))
        and field_mentioned(text) is not None
    )


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class CorrectionsAsChanges(GraphComponent):
    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "CorrectionsAsChanges":
        return cls()

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = typed_text(message)
            if text and len(text) <= 300 and reads_as_correction(text):
                set_intent(message, INTENT_NAME)
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data
