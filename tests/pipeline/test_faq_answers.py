"""Which messages get an FAQ answer selected (pipeline/faq_answers.py)."""

from types import SimpleNamespace

import pytest
from rasa.shared.nlu.training_data.message import Message

from pipeline.faq_answers import FaqAnswerSelector

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
    assert FaqAnswerSelector._may_ask(SELECTOR, parsed) is selected


def test_the_answer_chosen_is_written_where_rasa_reads_it():
    from pipeline.faq_answers import FaqAnswers
    from reading.text_model import TextClassifier

    questions = [
        *((q, "faq/deadline") for q in ["how long is the code valid", "le code expire quand"]),
        *((q, "faq/deadline") for q in ["48 hours to activate?", "combien de temps pour activer"]),
        *((q, "faq/empty_account") for q in ["why is my account empty", "espace vide, normal ?"]),
        *((q, "faq/empty_account") for q in ["where are my companies", "où sont mes dossiers"]),
    ]
    responses = {
        "utter_faq/deadline": [{"text": "48 h"}],
        "utter_faq/empty_account": [{"text": "vide"}],
    }
    selector = FaqAnswerSelector(
        {}, None, None, FaqAnswers(TextClassifier.fit(questions), responses)
    )
    asked = message("faq", ("faq", 0.9))
    asked.set("text", "how long does the code stay valid?")
    other = message("inform", ("inform", 0.99))
    other.set("text", "Dupuis")
    selector.process([asked, other])
    chosen = asked.get("response_selector")
    assert chosen["all_retrieval_intents"] == ["faq"]
    assert chosen["faq"]["response"]["utter_action"] == "utter_faq/deadline"
    assert chosen["faq"]["response"]["responses"] == [{"text": "48 h"}]
    assert chosen["faq"]["ranking"][0]["intent_response_key"] == "faq/deadline"
    assert other.get("response_selector") is None


class FixedRanking:
    """The answer model's ranking, as given: what the selector does with it is tested."""

    def __init__(self, *ranking):
        self._ranking = list(ranking)

    def ranking(self, text):
        return self._ranking


@pytest.mark.parametrize(
    "best, chosen",
    [
        (0.75, "faq/after_activation"),  # sure: it stands, though the clients are named
        (0.45, "faq/many_companies"),  # hesitating: the answer whose subject is named
    ],
)
def test_a_subject_named_decides_only_when_the_model_hesitates(best, chosen):
    from pipeline.faq_answers import FaqAnswers

    ranked = FixedRanking(
        ("faq/after_activation", best), ("faq/deadline", 0.15), ("faq/many_companies", 0.05)
    )
    selector = FaqAnswerSelector({}, None, None, FaqAnswers(ranked, {}))
    asked = message("faq", ("faq", 0.9))
    asked.set("text", "une fois activé, comment on rattache les dossiers de nos clients ?")
    selector.process([asked])
    assert asked.get("response_selector")["faq"]["response"]["intent_response_key"] == chosen
