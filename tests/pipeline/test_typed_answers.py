"""Attempts at a password, code or CAPTCHA go to the form (pipeline/typed_answers.py)."""

from pathlib import Path

import pytest
import yaml
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, ActiveLoop, BotUttered, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from pipeline.typed_answers import TypedAnswerPolicy, reads_as_attempt

ROOT = Path(__file__).resolve().parents[2]
CONTROL = ["cancel", "faq", "new_captcha"]


@pytest.mark.parametrize(
    "text, intent, confidence",
    [
        ("has spaces in it 1234567890", "faq", 0.99),  # the message that was answered as an FAQ
        ("Kx8!vQ2#mB9$wL4&nR7pT", "faq", 0.95),
        ("abcdefghijklmnopqrstuvwxyz", "faq", 0.6),
        ("A7K2M9P4Q8R3", "inform", 0.4),
        ("annuler", "cancel", 0.5),  # one word the classifier is not sure of
        ("Abc?def1234567890xyzw", "faq", 0.99),  # a question mark inside one word
    ],
)
def test_attempts(text, intent, confidence):
    assert reads_as_attempt(text, intent, confidence, CONTROL, 0.9)


@pytest.mark.parametrize(
    "text, intent, confidence",
    [
        ("annuler", "cancel", 0.97),
        ("/new_captcha", "new_captcha", 1.0),
        ("conseils pour le mot de passe", "faq", 0.99),
        ("le code vaut 48 heures ?", "faq", 0.99),
        ("   ", None, 0.0),
    ],
)
def test_not_attempts(text, intent, confidence):
    assert not reads_as_attempt(text, intent, confidence, CONTROL, 0.9)


@pytest.fixture(scope="module")
def domain():
    return Domain.load(str(ROOT / "domain.yml"))


@pytest.fixture
def policy(tmp_path):
    policies = yaml.safe_load((ROOT / "config.yml").read_text())["policies"]
    config = {
        **TypedAnswerPolicy.get_default_config(),
        **next(p for p in policies if p["name"].endswith("TypedAnswerPolicy")),
    }
    return TypedAnswerPolicy(
        config,
        LocalModelStorage(tmp_path),
        Resource("typed_answers"),
        ExecutionContext(GraphSchema({}), "test"),
    )


def tracker_after(domain, requested, text, intent, confidence, asked_by="registration_form"):
    events = [
        ActionExecuted("action_listen"),
        UserUttered("/start_registration", {"name": "start_registration", "confidence": 1.0}),
        ActionExecuted("registration_form"),
        ActiveLoop("registration_form"),
        SlotSet("requested_slot", requested),
        BotUttered("question"),
        ActionExecuted(asked_by),
        ActionExecuted("action_listen"),
        UserUttered(text, {"name": intent, "confidence": confidence}),
    ]
    return DialogueStateTracker.from_events("someone", events, domain.slots)


def predicted(policy, domain, tracker):
    prediction = policy.predict_action_probabilities(tracker, domain)
    if prediction.max_confidence == 0.0:
        return None
    return domain.action_names_or_texts[prediction.max_confidence_index]


def test_a_password_attempt_read_as_a_question_goes_to_the_form(policy, domain):
    tracker = tracker_after(domain, "password", "has spaces in it 1234567890", "faq", 0.99)
    assert predicted(policy, domain, tracker) == "registration_form"
    assert policy.priority > 6  # above RulePolicy, whose FAQ rule would win otherwise


def test_questions_and_other_fields_are_left_to_the_rules(policy, domain):
    question = tracker_after(domain, "password", "conseils pour le mot de passe", "faq", 0.99)
    assert predicted(policy, domain, question) is None
    surname = tracker_after(domain, "surname", "Dupont", "inform", 0.99)
    assert predicted(policy, domain, surname) is None


def test_the_answer_to_another_question_is_left_to_the_rules(policy, domain):
    # after "do you really want to give up?", "oui" answers that question, not the password
    tracker = tracker_after(domain, "password", "oui", "affirm", 0.99, asked_by="utter_ask_cancel")
    assert predicted(policy, domain, tracker) is None
