"""The yes/no model (reading/polarity.py), trained with the rest of the model and run on every message:
the parsed message carries `polarity`, the probabilities of a yes, a no and neither, which the
answer-first reading uses at a yes/no question (reading/answer_first.py)."""

from __future__ import annotations

from typing import List

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from pipeline.trained_model import TrainedModelComponent
from reading.polarity import PolarityModel

POLARITY = "polarity"


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True)
class PolarityReader(TrainedModelComponent):
    def fit(self, training_data: TrainingData) -> PolarityModel:
        return PolarityModel.fit(
            [
                (example.get(TEXT), example.get(INTENT))
                for example in training_data.intent_examples
                if example.get(TEXT)
            ]
        )

    def process(self, messages: List[Message]) -> List[Message]:
        if self.model is None:
            return messages
        for message in messages:
            text = message.get(TEXT)
            if isinstance(text, str) and text and not text.startswith("/"):
                message.set(POLARITY, self.model.probabilities(text), add_to_output=True)
        return messages
