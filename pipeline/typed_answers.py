"""At a question whose answer is a password, a code or a CAPTCHA, an attempt at it goes to the form.

Such answers are arbitrary strings, so the intent classifier reads them as anything: the password
"has spaces in it 1234567890" was once taken for a question about the code's validity, answered
as an FAQ, and never checked (the user did not learn why it would be refused). Placed above the
rules, this policy hands the message to the form, whose validation says what is wrong with it,
when the message reads as an attempt at the answer:
- one word (no answer of these questions has a space) with a digit, or without one unless the
  classifier is sure it is a control word such as "annuler", "skip" or "aide";
- several words with a digit and no question mark (passwords and codes all have digits; a
  question about them rarely does, and "conseils pour le mot de passe" goes to the rules).
Button payloads ("/intent") always go to the rules. Otherwise the policy abstains.
"""

import logging
from typing import Any, Dict, List, Optional, Text

from rasa.core.policies.policy import Policy, PolicyPrediction
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.shared.core.constants import ACTION_LISTEN_NAME, REQUESTED_SLOT
from rasa.shared.core.domain import Domain
from rasa.shared.core.generator import TrackerWithCachedStates
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import INTENT_NAME_KEY, PREDICTED_CONFIDENCE_KEY

from account.fields import FIELDS
from reading import dialogue
from reading.history import around_latest_message, steps_of_events


def reads_as_attempt(
    text: str,
    intent: Optional[str],
    confidence: float,
    control_intents: List[str],
    control_confidence: float,
) -> bool:
    text = text.strip()
    if not text or text.startswith("/"):
        return False
    has_digit = any(character.isdigit() for character in text)
    if not any(character.isspace() for character in text):
        return has_digit or not (intent in control_intents and confidence >= control_confidence)
    return has_digit and "?" not in text


def form_asked_last(tracker: DialogueStateTracker, form: str) -> bool:
    """Was the message typed just after the form asked its question (not, say, after "do you
    really want to give up?")?"""
    return around_latest_message(steps_of_events(tracker.events)).last_action_before == form


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT, is_trainable=True
)
class TypedAnswerPolicy(Policy):
    @classmethod
    def load(cls, *args: Any, **kwargs: Any) -> "TypedAnswerPolicy":
        """Loaded when a model is served: a Rasa started without our patches says so, loudly
        (plain `rasa run` would answer, badly)."""
        import rasa_patches

        missing = rasa_patches.not_installed()
        if missing:
            logging.getLogger(__name__).error(rasa_patches.UNPATCHED, ", ".join(missing))
        return super().load(*args, **kwargs)

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {
            "priority": 7,  # above RulePolicy (6), which would answer the message as a question
            # Declared once: the typed-answer fields (account/fields.py), the control words' intents
            # and their confidence (reading/dialogue.py).
            "slots": sorted(FIELDS.typed_answer_fields),
            "control_intents": sorted(dialogue.CONTROL_WORD_INTENTS),
            "control_confidence": dialogue.CONTROL_WORD_CONFIDENCE,
        }

    def train(
        self, training_trackers: List[TrackerWithCachedStates], domain: Domain, **kwargs: Any
    ) -> Resource:
        return self._resource  # nothing to learn: the slots and intents are configured

    def predict_action_probabilities(
        self,
        tracker: DialogueStateTracker,
        domain: Domain,
        rule_only_data: Optional[Dict[Text, Any]] = None,
        **kwargs: Any,
    ) -> PolicyPrediction:
        probabilities = self._default_predictions(domain)
        form = tracker.active_loop_name
        if form and self._answers_form(tracker, form):
            probabilities[domain.index_for_action(form)] = 1.0
        return self._prediction(probabilities)

    def _answers_form(self, tracker: DialogueStateTracker, form: str) -> bool:
        if tracker.latest_action_name != ACTION_LISTEN_NAME:
            return False
        if tracker.get_slot(REQUESTED_SLOT) not in self.config["slots"]:
            return False
        message = tracker.latest_message
        intent = message.intent or {}
        return form_asked_last(tracker, form) and reads_as_attempt(
            message.text or "",
            intent.get(INTENT_NAME_KEY),
            float(intent.get(PREDICTED_CONFIDENCE_KEY) or 0.0),
            self.config["control_intents"],
            self.config["control_confidence"],
        )
