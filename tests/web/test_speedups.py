"""web/speedups.py changes the cost of two Rasa steps, never their results."""

import pytest
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction
from rasa.shared.core import events as rasa_events
from rasa.shared.core.events import Event
from rasa.shared.utils.common import all_subclasses

from web import speedups

VALID = {
    "events": [{"event": "slot", "name": "surname", "value": "Dupont"}],
    "responses": [{"response": "utter_ask_surname"}],
}
INVALID = {"events": [{"name": "no event type"}], "responses": []}


def test_action_results_are_judged_as_rasa_judges_them():
    action = RemoteAction("validate_registration_form", None)
    assert speedups.validate_action_result(action, VALID) is True
    with pytest.raises(ValidationError) as ours:
        speedups.validate_action_result(action, INVALID)
    with pytest.raises(ValidationError) as rasas:
        RemoteAction._validate_action_result(action, INVALID)
    assert ours.value.message == rasas.value.message
    assert "Failed to validate Action server response" in ours.value.message


def test_every_event_type_resolves_to_the_same_class():
    walked = {cls.type_name: cls for cls in all_subclasses(Event) if hasattr(cls, "type_name")}
    for type_name in walked:
        assert speedups.resolve_by_type(type_name) is speedups._resolve_by_walking(type_name)
    assert (
        speedups.resolve_by_type("no such event", default=rasa_events.UserUttered)
        is rasa_events.UserUttered
    )
    with pytest.raises(ValueError):
        speedups.resolve_by_type("no such event")


def test_installed_events_still_deserialise(monkeypatch):
    monkeypatch.setattr(
        RemoteAction, "_validate_action_result", RemoteAction._validate_action_result
    )
    monkeypatch.setattr(RemoteAction, "_action_call_format", RemoteAction._action_call_format)
    monkeypatch.setattr(Event, "resolve_by_type", Event.__dict__["resolve_by_type"])
    speedups.install()
    assert RemoteAction._validate_action_result is speedups.validate_action_result
    event = Event.from_parameters({"event": "slot", "name": "surname", "value": "Dupont"})
    assert isinstance(event, rasa_events.SlotSet) and event.value == "Dupont"
    assert isinstance(
        Event.from_parameters({"event": "action", "name": "action_listen"}),
        rasa_events.ActionExecuted,
    )


def test_the_action_server_gets_the_events_from_the_previous_user_message_on():
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.events import ActionExecuted, SlotSet, UserUttered
    from rasa.shared.core.trackers import DialogueStateTracker

    from bot.settings import PROJECT_ROOT

    domain = Domain.load(str(PROJECT_ROOT / "domain.yml"))
    events = [SlotSet("language", "fr")]
    for turn in range(1, 31):
        events += [
            ActionExecuted("action_listen"),
            UserUttered(f"message {turn}"),
            SlotSet("surname", f"Dupont{turn}"),
            ActionExecuted("registration_form"),
        ]
    tracker = DialogueStateTracker.from_events("someone", events, domain.slots)
    call = speedups.action_call_format(
        RemoteAction("validate_registration_form", None), tracker, domain
    )
    sent = call["tracker"]["events"]
    assert [e["text"] for e in sent if e["event"] == "user"] == ["message 29", "message 30"]
    assert sent[0]["event"] == "user"
    assert call["tracker"]["slots"]["language"] == "fr"  # slots whole, set long before
    assert call["tracker"]["latest_message"]["text"] == "message 30"
    assert len(tracker.events) == len(events)  # the tracker itself is untouched
    full = speedups._call_format(
        RemoteAction("validate_registration_form", None), tracker, domain
    )  # Rasa's own
    assert len(full["tracker"]["events"]) == len(events)
    assert {k: v for k, v in full["tracker"].items() if k != "events"} == {
        k: v for k, v in call["tracker"].items() if k != "events"
    }
    # The domain without the responses, which the action server never reads.
    assert "responses" not in call["domain"] and "utter_greet" in full["domain"]["responses"]
    assert call["domain"] == {k: v for k, v in full["domain"].items() if k != "responses"}
    assert {k: v for k, v in call.items() if k not in ("tracker", "domain")} == {
        k: v for k, v in full.items() if k not in ("tracker", "domain")
    }
