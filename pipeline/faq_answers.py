"""The FAQ answer to a question: chosen by a model of ours (reading/text_model.py), written where Rasa's
ResponseSelector writes it (the parsed message's `response_selector`, read by `utter_faq` and by
the processor for the full retrieval intent), so that the rest of Rasa works unchanged.

It runs only on the messages classified as `faq`, and on those where `faq` ranks among the first
three (the answer-first reading may take them for an FAQ question); the rest of a registration
(answers to the forms) carries no answer. When the model hesitates, the answer among its first
three whose subject the message names is chosen ("et si j'oublie ma réponse ?" is about the trust
question): reading/faq_topics.py.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from typing import Any, Dict, List, Text

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.constants import (
    RESPONSE_SELECTOR_PREDICTION_KEY,
    RESPONSE_SELECTOR_PROPERTY_NAME,
    RESPONSE_SELECTOR_RANKING_KEY,
    RESPONSE_SELECTOR_RESPONSES_KEY,
    RESPONSE_SELECTOR_RETRIEVAL_INTENTS,
    RESPONSE_SELECTOR_UTTER_ACTION_KEY,
)
from rasa.shared.nlu.constants import (
    INTENT,
    INTENT_NAME_KEY,
    INTENT_RANKING_KEY,
    INTENT_RESPONSE_KEY,
    PREDICTED_CONFIDENCE_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from rasa.shared.nlu.training_data.util import intent_response_key_to_template_key

from pipeline.trained_model import TrainedModelComponent
from reading.faq_topics import named_among
from reading.text_model import TextClassifier

# Rasa's recipe validator knows its own ResponseSelector only, and would say at each training
# that the FAQ examples are used by no response selector.
warnings.filterwarnings(
    "ignore",
    message="You have defined training data with examples for training a response selector",
)

# The answer-first reading may take a message for an FAQ question when the FAQ is ranked among
# the first few with some confidence (reading/answer_first.py): its answer is selected for those too.
RANKED_AMONG = 3
LEAST_CONFIDENCE = 0.05
# The answers among which the one whose subject the message names may be chosen, when the
# model hesitates: its best below this probability (set on the older held-out FAQ questions,
# tests/nlu_heldout/: from 0.6 to 0.8 all of them right; a sure choice stands, "après
# l'activation, comment rattacher nos clients ?" names the clients but asks what comes next).
TOPIC_CANDIDATES = 3
HESITATING_BELOW = 0.6


@dataclass
class FaqAnswers:
    classifier: TextClassifier  # FAQ question -> answer key ("faq/deadline")
    responses: Dict[Text, List[Dict[Text, Any]]]  # the answers' responses, by template key


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True)
class FaqAnswerSelector(TrainedModelComponent):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {"retrieval_intent": "faq"}

    @property
    def retrieval_intent(self) -> str:
        return self.config["retrieval_intent"]

    def fit(self, training_data: TrainingData) -> FaqAnswers:
        questions = [
            (example.get(TEXT), example.get_full_intent())
            for example in training_data.intent_examples
            if example.get(INTENT) == self.retrieval_intent and example.get(TEXT)
        ]
        prefix = f"utter_{self.retrieval_intent}/"
        responses = {k: v for k, v in training_data.responses.items() if k.startswith(prefix)}
        return FaqAnswers(TextClassifier.fit(questions), responses)

    def _may_ask(self, message: Message) -> bool:
        intent = (message.get(INTENT) or {}).get(INTENT_NAME_KEY)
        ranking = (message.get(INTENT_RANKING_KEY) or [])[:RANKED_AMONG]
        return intent == self.retrieval_intent or any(
            item.get(INTENT_NAME_KEY) == self.retrieval_intent
            and (item.get(PREDICTED_CONFIDENCE_KEY) or 0) >= LEAST_CONFIDENCE
            for item in ranking
        )

    def process(self, messages: List[Message]) -> List[Message]:
        if self.model is None:
            return messages
        for message in messages:
            if self._may_ask(message):
                self._select(message)
        return messages

    def _select(self, message: Message) -> None:
        text = message.get(TEXT) or ""
        ranking = self.model.classifier.ranking(text)
        keys = [key.partition("/")[2] for key, _ in ranking[:TOPIC_CANDIDATES]]
        named = named_among(text, keys) if ranking[0][1] < HESITATING_BELOW else None
        if named is not None:
            chosen = ranking[keys.index(named)]
            ranking = [chosen, *(pair for pair in ranking if pair is not chosen)]
        key, confidence = ranking[0]
        template = intent_response_key_to_template_key(key)
        properties = message.get(RESPONSE_SELECTOR_PROPERTY_NAME) or {}
        properties[RESPONSE_SELECTOR_RETRIEVAL_INTENTS] = [self.retrieval_intent]
        properties[self.retrieval_intent] = {
            RESPONSE_SELECTOR_PREDICTION_KEY: {
                RESPONSE_SELECTOR_RESPONSES_KEY: self.model.responses.get(template, []),
                PREDICTED_CONFIDENCE_KEY: confidence,
                INTENT_RESPONSE_KEY: key,
                RESPONSE_SELECTOR_UTTER_ACTION_KEY: template,
            },
            RESPONSE_SELECTOR_RANKING_KEY: [
                {PREDICTED_CONFIDENCE_KEY: p, INTENT_RESPONSE_KEY: k} for k, p in ranking
            ],
        }
        message.set(RESPONSE_SELECTOR_PROPERTY_NAME, properties, add_to_output=True)
