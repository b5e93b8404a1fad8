"""Which messages get an FAQ answer selected (pipeline/faq_answers.py)."""

from types import SimpleNamespace

import pytest
from rasa.shared.nlu.training_data.message import Message

from pipeline.faq_answers import FaqResponseSelector

SELECTOR = SimpleNamespace(retrieval_intent="faq")


def message(intent: str, *ranking: tuple[str, float]) -> Message:
    ranked = [{"name": name, "confidence": confidence} for name, confidence in ranking]
    return Message(data={"intent": {"name": intent}, "intent_ranking": ranked})


@pytest.mark.parametrize(
    "parsed, selected",
    [
        (message("faq", ("faq", 0.9)), True),
        # "c'est quoi le mode expert ? je n'y connais rien" taken for a no: the answer-first
        # reading may make it the FAQ question it is
        (message("deny", ("deny", 0.85), ("faq", 0.13), ("where_am_i", 0.01)), True),
        (message("start_registration", ("start_registration", 0.99), ("faq", 0.001)), False),
        (message("inform", ("inform", 0.7), ("deny", 0.2), ("affirm", 0.05), ("faq", 0.05)), False),
    ],
)
def test_an_answer_is_selected_where_the_faq_may_be_asked(parsed, selected):
    assert FaqResponseSelector._may_ask(SELECTOR, parsed) is selected
