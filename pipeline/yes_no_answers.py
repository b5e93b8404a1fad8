"""A typed yes or no is read as such, whatever the classifier made of it.

"oui je veux bien", "ouais", "sure, go ahead", "non merci" or "pas maintenant" are answers to the
yes/no question just asked; the intent model, trained on short phrases, sometimes read them as a
request to start the registration or as out of scope, and the user was stuck at the question.
When `reading.yes_no.read_yes_no` reads the whole message as a yes (or a no), the intent becomes
`affirm` (or `deny`) with full confidence; the conversation then interprets it against the
question that was asked (actions/pending.py). Anything else is left as the classifier made it.
"""

from typing import Any, Dict, List, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from pipeline.intent_override import set_intent, typed_text
from reading.yes_no import read_yes_no


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class YesNoAnswers(GraphComponent):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {"yes_intent": "affirm", "no_intent": "deny"}

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "YesNoAnswers":
        return cls(config)

    def __init__(self, config: Dict[Text, Any]) -> None:
        self.intents = {True: config["yes_intent"], False: config["no_intent"]}

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            answer = read_yes_no(typed_text(message))
            if answer is not None:
                set_intent(message, self.intents[answer])
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data
