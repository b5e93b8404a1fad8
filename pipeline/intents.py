"""What a message asks for: our intent classifier (reading/text_model.py, a linear SVM on
character n-grams and words), in place of Rasa's DIET. On messages written blind, far from every
training example, it reads more of them right than DIET did, in both languages
(docs/evaluation.md); it trains in seconds.

Each FAQ answer is a class of its own while training (the eleven questions are not one blob of
examples); the message's intent is `faq`, with the probability of all of them together. Which
answer is given is chosen by pipeline/faq_answers.py."""

from __future__ import annotations

import collections
from typing import Dict, List

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
from reading.text_model import MarginClassifier


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True)
class IntentClassifier(TrainedModelComponent):
    def fit(self, training_data: TrainingData) -> MarginClassifier:
        return MarginClassifier.fit(
            [
                (example.get(TEXT), example.get_full_intent())
                for example in training_data.intent_examples
                if example.get(TEXT) and example.get(INTENT)
            ]
        )

    def process(self, messages: List[Message]) -> List[Message]:
        if self.model is None:
            return messages
        for message in messages:
            ranking = intent_ranking(self.model.ranking(message.get(TEXT) or ""))
            message.set(INTENT, ranking[0], add_to_output=True)
            message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)
        return messages


def intent_ranking(labels: list[tuple[str, float]]) -> list[dict]:
    """Rasa's intent ranking from the classifier's: the FAQ answers summed into `faq`."""
    summed: Dict[str, float] = collections.defaultdict(float)
    for label, probability in labels:
        summed[label.partition("/")[0]] += probability
    ranked = sorted(summed.items(), key=lambda pair: -pair[1])
    return [{INTENT_NAME_KEY: name, PREDICTED_CONFIDENCE_KEY: p} for name, p in ranked]
