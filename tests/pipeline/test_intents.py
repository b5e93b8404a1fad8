"""Our intent classifier (pipeline/intents.py, reading/text_model.py MarginClassifier), with a real
model trained on a few examples of our own."""

import pytest
from rasa.shared.nlu.training_data.message import Message

from pipeline.intents import IntentClassifier, intent_ranking
from reading.text_model import MarginClassifier

EXAMPLES = [
    *((t, "greet") for t in ["bonjour", "salut", "hello", "hi there", "bonsoir madame", "hey"]),
    *((t, "cancel") for t in ["annule tout", "stop, j'abandonne", "cancel it", "I give up"]),
    *((t, "cancel") for t in ["laisse tomber", "forget the whole thing"]),
    *((t, "faq/deadline") for t in ["le code vaut combien de temps", "how long is the code valid"]),
    *((t, "faq/deadline") for t in ["48 heures pour activer ?", "until when can I activate"]),
    *((t, "faq/deadline") for t in ["délai pour activer", "is there a time limit"]),
    *((t, "faq/empty_account") for t in ["mon espace est vide", "why is my account empty"]),
    *((t, "faq/empty_account") for t in ["je ne vois pas mes sociétés", "no companies shown"]),
    *((t, "faq/empty_account") for t in ["rien dans mon espace", "where are my companies"]),
]


@pytest.fixture(scope="module")
def model():
    return MarginClassifier.fit(EXAMPLES)


def test_probabilities_follow_the_margins_and_add_up(model):
    ranking = model.ranking("how long is my code valid for?")
    assert ranking[0][0] == "faq/deadline"
    assert sum(p for _, p in ranking) == pytest.approx(1.0)
    margins = model.pipeline.decision_function(["how long is my code valid for?"])[0]
    by_margin = [label for _, label in sorted(zip(-margins, model.pipeline.classes_, strict=True))]
    assert [label for label, _ in ranking] == by_margin
    assert 0.01 <= model.temperature <= 2.0


def test_the_faq_answers_are_one_intent_for_rasa():
    ranking = intent_ranking([("faq/deadline", 0.5), ("greet", 0.3), ("faq/empty_account", 0.2)])
    assert [item["name"] for item in ranking] == ["faq", "greet"]
    assert ranking[0]["confidence"] == pytest.approx(0.7)


def test_the_component_sets_the_intent_and_its_ranking(model):
    component = IntentClassifier({}, None, None, model)
    message = Message(data={"text": "laisse tomber, j'arrête"})
    component.process([message])
    assert message.get("intent")["name"] == "cancel"
    names = [item["name"] for item in message.get("intent_ranking")]
    assert names[0] == "cancel" and sorted(names) == ["cancel", "faq", "greet"]


def test_without_a_model_messages_are_left_as_they_are():
    message = Message(data={"text": "bonjour", "intent": {"name": "greet", "confidence": 1.0}})
    IntentClassifier({}, None, None, None).process([message])
    assert message.get("intent") == {"name": "greet", "confidence": 1.0}
