"""An FAQ answer is selected only for the messages that ask an FAQ question.

Rasa's ResponseSelector runs its model on every message and attaches its best answer, in both
languages (about 2 kB), to every stored user message, although only `utter_faq` reads it, after
a message classified as its retrieval intent (`faq`). This one runs the same model only on those
messages, and those where `faq` ranks among the first three (the answer-first reading may take
them for an FAQ question), with the same result; on the others (answers to the forms, most of a registration) it
saves a model call (11% of the Rasa server's time in a registration) and the stored 2 kB.
"""

import warnings
from typing import List

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.selectors.response_selector import ResponseSelector
from rasa.shared.nlu.constants import INTENT, INTENT_NAME_KEY, INTENT_RANKING_KEY
from rasa.shared.nlu.training_data.message import Message

# Rasa's recipe validator knows the ResponseSelector class only, not its subclasses, and would
# say at each training that the FAQ examples are used by no response selector.
warnings.filterwarnings(
    "ignore",
    message="You have defined training data with examples for training a response selector",
)


# The answer-first reading may take a message for an FAQ question when the FAQ is ranked among
# the first few with some confidence (bot/answer_first.py): its answer is selected for those too.
RANKED_AMONG = 3
LEAST_CONFIDENCE = 0.05


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class FaqResponseSelector(ResponseSelector):
    def _may_ask(self, message: Message) -> bool:
        intent = (message.get(INTENT) or {}).get(INTENT_NAME_KEY)
        ranking = (message.get(INTENT_RANKING_KEY) or [])[:RANKED_AMONG]
        return intent == self.retrieval_intent or any(
            item.get(INTENT_NAME_KEY) == self.retrieval_intent
            and (item.get("confidence") or 0) >= LEAST_CONFIDENCE
            for item in ranking
        )

    def process(self, messages: List[Message]) -> List[Message]:
        asked = [message for message in messages if self._may_ask(message)]
        if asked:
            super().process(asked)
        return messages
