"""Two costs of Rasa 3.6's server, removed without changing what it does.

Profiled with py-spy under load (the fuzz run, 2 cores), the Rasa server spent:
- 29% of its CPU checking the action server's answers: `jsonschema.validate` first checks the
  schema itself, on every call. The same check now runs with a validator built once.
- 8% finding the class of each event read from the tracker store: `Event.resolve_by_type` walks
  every subclass of Event for every event. The classes are now indexed by type name on first use.

Installed once, when the Rasa server loads its channels (web/channel.py), like web/outages.py.
"""
from __future__ import annotations

import functools

from jsonschema.exceptions import best_match
from jsonschema.validators import validator_for
from rasa.core.actions import action as rasa_actions
from rasa.shared.core.events import Event


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
        f"{rasa_actions.DOCS_BASE_URL}/custom-actions")
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


def install() -> None:
    rasa_actions.RemoteAction._validate_action_result = validate_action_result
    Event.resolve_by_type = staticmethod(resolve_by_type)

