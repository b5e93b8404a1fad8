"""Cut over-long messages before the NLU reads them.

The NLU's cost grows with the number of words: a message of 5 000 words kept the Rasa server busy
for about 6 seconds, so anybody could stall the service for everyone. No answer of the procedure
is longer than 128 characters, so the first `max_characters` are enough to understand the
message, and the form's rules still refuse the value as too long.
"""

from typing import Any, Dict, List, Optional, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER], is_trainable=False)
class MessageLengthLimit(GraphComponent):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {"max_characters": 500}

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "MessageLengthLimit":
        return cls(config)

    def __init__(self, config: Optional[Dict[Text, Any]] = None) -> None:
        self.max_characters = int((config or {}).get("max_characters", 500))

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get(TEXT)
            if isinstance(text, str) and len(text) > self.max_characters:
                message.set(TEXT, text[: self.max_characters])
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data  # training examples are short; nothing to cut
