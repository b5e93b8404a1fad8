"""A typed yes or no, and a plain correction, override the model's guess
(pipeline/yes_no_answers.py, pipeline/corrections.py)."""

import pytest
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from pipeline.corrections import CorrectionsAsChanges
from pipeline.yes_no_answers import YesNoAnswers


def classified(text, intent="start_registration"):
    guess = {"name": intent, "confidence": 0.6}
    return Message({TEXT: text, INTENT: guess, INTENT_RANKING_KEY: [guess]})


@pytest.mark.parametrize(
    "text, intent",
    [
        ("oui je veux bien", "affirm"),
        ("sure, go ahead", "affirm"),
        ("pas maintenant", "deny"),
        ("no thanks", "deny"),
    ],
)
def test_a_typed_yes_or_no(text, intent):
    message = classified(text)
    YesNoAnswers(YesNoAnswers.get_default_config()).process([message])
    assert message.get(INTENT) == {"name": intent, "confidence": 1.0}
    assert [i["name"] for i in message.get(INTENT_RANKING_KEY)] == [intent, "start_registration"]


@pytest.mark.parametrize(
    "text", ["oui, mais combien de temps ?", "/affirm", "je veux créer mon espace"]
)
def test_anything_else_is_left_as_classified(text):
    message = classified(text, "faq")
    YesNoAnswers(YesNoAnswers.get_default_config()).process([message])
    CorrectionsAsChanges().process([message])
    assert message.get(INTENT)["name"] == "faq"


@pytest.mark.parametrize(
    "text",
    ["oups, le téléphone est faux", "I made a mistake in my surname", "wrong city, it's Lyon"],
)
def test_a_plain_correction(text):
    message = classified(text, "start_activation")
    CorrectionsAsChanges().process([message])
    assert message.get(INTENT) == {"name": "change_field", "confidence": 1.0}


@pytest.mark.parametrize("text", ["can I change my email later?", "hello my name is John"])
def test_questions_and_introductions_are_no_corrections(text):
    message = classified(text, "faq")
    CorrectionsAsChanges().process([message])
    assert message.get(INTENT)["name"] == "faq"
