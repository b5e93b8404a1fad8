"""Costs of Rasa 3.6's server, removed without changing what it does.

Profiled with py-spy under load (the fuzz run, 2 cores), the Rasa server spent:
- 29% of its CPU checking the action server's answers: `jsonschema.validate` first checks the
  schema itself, on every call. The same check now runs with a validator built once.
- 8% finding the class of each event read from the tracker store: `Event.resolve_by_type` walks
  every subclass of Event for every event. The classes are now indexed by type name on first use.

- Every call to the action server carried the session's whole tracker as JSON, 2 to 3 times per
  turn, a cost that grew with the conversation. Our actions and rasa_sdk's form validation read
  no further back than the user message before the latest one, so the events start there (the
  slots, latest message and active form are sent whole, as before). The domain went with each
  call too, its responses in both languages making 44 of its 50 kB; they are left out.

Installed once, when the Rasa server loads its channels (web/channel.py), like web/outages.py.
"""

from __future__ import annotations

import functools
from collections import deque

import rasa
from jsonschema.exceptions import best_match
from jsonschema.validators import validator_for
from rasa.core.actions import action as rasa_actions
from rasa.shared.core.events import Event, UserUttered
from rasa.shared.core.trackers import EventVerbosity


@functools.lru_cache(maxsize=1)
def action_result_validator():
    schema = rasa_actions.RemoteAction.action_response_format_spec()
    validator_class = validator_for(schema)
    validator_class.check_schema(schema)  # what jsonschema.validate did on every call
    return validator_class(schema)


def validate_action_result(self, result: dict) -> bool:
    """RemoteAction._validate_action_result, with the same error and message."""
    error = best_match(action_result_validator().iter_errors(result))
    if error is None:
        return True
    error.message += (
        ". Failed to validate Action server response from API, make sure your response from the "
        f"Action endpoint is valid. For more information about the format visit "
        f"{rasa_actions.DOCS_BASE_URL}/custom-actions"
    )
    raise error


_resolve_by_walking = Event.resolve_by_type
_event_classes: dict[str, type] = {}


def resolve_by_type(type_name: str, default: type | None = None) -> type | None:
    known = _event_classes.get(type_name)
    if known is not None:
        return known
    found = _resolve_by_walking(type_name, default)  # raises for an unknown name, as before
    if found is not None and getattr(found, "type_name", None) == type_name:
        _event_classes[type_name] = found
    return found


def events_for_actions(events: list) -> list:
    """The events from the user message before the latest one on (all of them if fewer)."""
    users = [index for index, event in enumerate(events) if isinstance(event, UserUttered)]
    return events[users[-2] :] if len(users) >= 2 else list(events)


_call_format = rasa_actions.RemoteAction._action_call_format  # Rasa's own, for comparison
_domain_for_actions: tuple[object, dict] | None = None  # the domain, and what is sent of it


def domain_for_actions(domain) -> dict:
    """The domain as the action server reads it, built once per loaded domain: without the
    responses (44 of its 50 kB, both languages), which only the Rasa server renders."""
    global _domain_for_actions
    if _domain_for_actions is None or _domain_for_actions[0] is not domain:
        # a copy: Domain.as_dict() hands out the domain's own dictionary
        trimmed = {key: value for key, value in domain.as_dict().items() if key != "responses"}
        _domain_for_actions = (domain, trimmed)
    return _domain_for_actions[1]


def action_call_format(self, tracker, domain) -> dict:
    """RemoteAction._action_call_format, with the events cut to what the actions read and the
    domain without its responses (rasa_sdk 3.6 reads its forms and slots, never its responses)."""
    events = tracker.events
    tracker.events = deque(events_for_actions(list(events)))  # read by current_state()
    try:
        state = tracker.current_state(EventVerbosity.ALL)
    finally:
        tracker.events = events
    return {
        "next_action": self._name,
        "sender_id": tracker.sender_id,
        "tracker": state,
        "version": rasa.__version__,
        "domain": domain_for_actions(domain),
    }


def install() -> None:
    rasa_actions.RemoteAction._action_call_format = action_call_format
    rasa_actions.RemoteAction._validate_action_result = validate_action_result
    Event.resolve_by_type = staticmethod(resolve_by_type)
