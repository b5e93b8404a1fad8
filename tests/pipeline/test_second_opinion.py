"""A second reading where DIET is not sure (pipeline/second_opinion.py), with a real classifier
trained on a few examples of our own."""

import pytest
from rasa.shared.nlu.training_data.message import Message

from pipeline.second_opinion import SecondOpinion
from reading.text_model import TextClassifier

EXAMPLES = [
    *((text, "cancel") for text in ["annule tout", "stop, j'abandonne", "cancel everything"]),
    *((text, "cancel") for text in ["I give up", "laisse tomber", "forget the whole thing"]),
    *((text, "greet") for text in ["bonjour", "hello", "salut", "hi there", "bonsoir", "hey"]),
]
OURS = TextClassifier.fit(EXAMPLES)


def component(sure: float = 0.5) -> SecondOpinion:
    return SecondOpinion({"sure": sure}, None, None, OURS)


def parsed(text: str, *ranking: tuple[str, float]) -> Message:
    ranked = [{"name": name, "confidence": confidence} for name, confidence in ranking]
    return Message(data={"text": text, "intent": ranked[0], "intent_ranking": ranked})


@pytest.mark.parametrize(
    "ranking",
    [
        (("thank", 0.30), ("cancel", 0.25)),  # below the fallback threshold
        (("thank", 0.50), ("goodbye", 0.48)),  # hardly above its second
    ],
)
def test_a_message_diet_is_unsure_of_takes_our_reading_when_ours_is_sure(ranking):
    message = parsed("cancel everything please", *ranking)
    component(sure=0.4).process([message])
    assert message.get("intent")["name"] == "cancel"
    assert [item["name"] for item in message.get("intent_ranking")][:2] == ["cancel", "thank"]


def test_a_message_diet_is_sure_of_is_left_as_it_is():
    message = parsed("cancel everything please", ("thank", 0.9), ("cancel", 0.05))
    component(sure=0.0).process([message])
    assert message.get("intent")["name"] == "thank"


def test_our_reading_is_not_taken_when_ours_is_unsure_too():
    message = parsed("cancel everything please", ("thank", 0.3), ("cancel", 0.25))
    component(sure=1.0).process([message])
    assert message.get("intent")["name"] == "thank"


def test_a_button_is_never_read_again():
    message = parsed("/greet", ("thank", 0.3), ("cancel", 0.25))
    component(sure=0.0).process([message])
    assert message.get("intent")["name"] == "thank"
