"""The yes/no model (bot/polarity.py), trained with the rest of the model and run on every message:
the parsed message carries `polarity`, the probabilities of a yes, a no and neither, which the
answer-first reading uses at a yes/no question (bot/answer_first.py)."""

from __future__ import annotations

import pickle
from typing import Any, Dict, List, Optional, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.polarity import PolarityModel

POLARITY = "polarity"
_FILE = "polarity.pkl"


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True)
class PolarityReader(GraphComponent):
    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "PolarityReader":
        return cls(model_storage, resource)

    def __init__(
        self,
        model_storage: ModelStorage,
        resource: Resource,
        model: Optional[PolarityModel] = None,
    ) -> None:
        self._model_storage = model_storage
        self._resource = resource
        self.model = model

    def train(self, training_data: TrainingData) -> Resource:
        examples = [
            (example.get(TEXT), example.get(INTENT))
            for example in training_data.intent_examples
            if example.get(TEXT)
        ]
        self.model = PolarityModel.fit(examples)
        with self._model_storage.write_to(self._resource) as directory:
            (directory / _FILE).write_bytes(pickle.dumps(self.model))
        return self._resource

    @classmethod
    def load(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> "PolarityReader":
        try:
            with model_storage.read_from(resource) as directory:
                model = pickle.loads((directory / _FILE).read_bytes())
        except (ValueError, FileNotFoundError):
            model = None  # not trained (a model without NLU data)
        return cls(model_storage, resource, model)

    def process(self, messages: List[Message]) -> List[Message]:
        if self.model is None:
            return messages
        for message in messages:
            text = message.get(TEXT)
            if isinstance(text, str) and text and not text.startswith("/"):
                message.set(POLARITY, self.model.probabilities(text), add_to_output=True)
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data
