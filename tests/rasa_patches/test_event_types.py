"""Event classes are found by type name as Rasa finds them (rasa_patches/event_types.py)."""

import pytest
from rasa.shared.core import events as rasa_events
from rasa.shared.core.events import Event
from rasa.shared.utils.common import all_subclasses

import rasa_patches
from rasa_patches import event_types


def test_every_event_type_resolves_to_the_same_class():
    walked = {cls.type_name: cls for cls in all_subclasses(Event) if hasattr(cls, "type_name")}
    for type_name in walked:
        assert event_types.resolve_by_type(type_name) is event_types.resolve_by_walking(type_name)
    assert (
        event_types.resolve_by_type("no such event", default=rasa_events.UserUttered)
        is rasa_events.UserUttered
    )
    with pytest.raises(ValueError):
        event_types.resolve_by_type("no such event")


def test_installed_events_still_deserialise(unpatched_afterwards):
    rasa_patches.install()
    assert Event.resolve_by_type is event_types.resolve_by_type
    event = Event.from_parameters({"event": "slot", "name": "surname", "value": "Dupont"})
    assert isinstance(event, rasa_events.SlotSet) and event.value == "Dupont"
    assert isinstance(
        Event.from_parameters({"event": "action", "name": "action_listen"}),
        rasa_events.ActionExecuted,
    )
