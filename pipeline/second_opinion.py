"""A second reading for the messages DIET is not sure of: when DIET's best intent is below the
fallback threshold, or hardly above its second (the message would be "not understood" either
way, as Rasa's FallbackClassifier decides), the intent our text classifier
(reading/text_model.py) gives it is taken if that one is sure. Messages DIET is sure of are left as
they are, so the conversation's other thresholds, set on DIET's confidences, still hold.

Measured on the blind evaluation sets (docs/evaluation.md): most of the messages DIET did not
understand were understood, few were misread."""

from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import (
    INTENT,
    INTENT_NAME_KEY,
    INTENT_RANKING_KEY,
    PREDICTED_CONFIDENCE_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from pipeline.trained_model import TrainedModelComponent
from reading.text_model import TextClassifier


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True)
class SecondOpinion(TrainedModelComponent):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        # below, ambiguity: the FallbackClassifier's own; sure: the least probability of ours taken
        return {"below": 0.45, "ambiguity": 0.05, "sure": 0.5}

    def fit(self, training_data: TrainingData) -> TextClassifier:
        return TextClassifier.fit(
            [
                (example.get(TEXT), example.get(INTENT))
                for example in training_data.intent_examples
                if example.get(TEXT) and example.get(INTENT)
            ]
        )

    def process(self, messages: List[Message]) -> List[Message]:
        if self.model is None:
            return messages
        for message in messages:
            text = message.get(TEXT)
            if (
                self._unsure(message)
                and isinstance(text, str)
                and text
                and not text.startswith("/")
            ):
                self._reread(message, text)
        return messages

    def _unsure(self, message: Message) -> bool:
        ranking = [
            item.get(PREDICTED_CONFIDENCE_KEY) or 0.0
            for item in message.get(INTENT_RANKING_KEY) or []
        ]
        if not ranking:
            return False
        best, second = ranking[0], (ranking[1] if len(ranking) > 1 else 0.0)
        return best < self.config["below"] or best - second < self.config["ambiguity"]

    def _reread(self, message: Message, text: str) -> None:
        intent, probability = self.model.ranking(text)[0]
        if probability < self.config["sure"]:
            return
        chosen = {INTENT_NAME_KEY: intent, PREDICTED_CONFIDENCE_KEY: probability}
        others = [
            item
            for item in message.get(INTENT_RANKING_KEY) or []
            if item.get(INTENT_NAME_KEY) != intent
        ]
        message.set(INTENT, chosen, add_to_output=True)
        message.set(INTENT_RANKING_KEY, [chosen, *others], add_to_output=True)
