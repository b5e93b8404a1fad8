"""The action server's answers are judged as Rasa judges them (rasa_patches/action_results.py)."""

import pytest
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction

from rasa_patches import action_results

VALID = {
    "events": [{"event": "slot", "name": "surname", "value": "Dupont"}],
    "responses": [{"response": "utter_ask_surname"}],
}
INVALID = {"events": [{"name": "no event type"}], "responses": []}


def test_action_results_are_judged_as_rasa_judges_them():
    action = RemoteAction("validate_registration_form", None)
    assert action_results.validate_action_result(action, VALID) is True
    with pytest.raises(ValidationError) as ours:
        action_results.validate_action_result(action, INVALID)
    with pytest.raises(ValidationError) as rasas:
        action_results.PATCH.original()(action, INVALID)
    assert ours.value.message == rasas.value.message
    assert "Failed to validate Action server response" in ours.value.message
