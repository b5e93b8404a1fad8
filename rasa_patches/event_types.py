"""Event classes found by type name through an index instead of a walk of every subclass.

Profiled with py-spy under load (the fuzz run, 2 cores), the Rasa server spent 8% of its CPU in
`Event.resolve_by_type`, which walks every subclass of Event for every event read from the
tracker store. The classes are now indexed by type name on first use; the answers (and the error
for an unknown name) are Rasa's.
"""

from __future__ import annotations

from rasa.shared.core.events import Event

from rasa_patches.patching import Patch

_event_classes: dict[str, type] = {}


def resolve_by_walking(type_name: str, default: type | None = None) -> type | None:
    """Rasa's own Event.resolve_by_type."""
    return PATCH.original()(type_name, default)


def resolve_by_type(type_name: str, default: type | None = None) -> type | None:
    known = _event_classes.get(type_name)
    if known is not None:
        return known
    found = resolve_by_walking(type_name, default)  # raises for an unknown name, as before
    if found is not None and getattr(found, "type_name", None) == type_name:
        _event_classes[type_name] = found
    return found


PATCH = Patch(
    name="event_types",
    owner=Event,
    attribute="resolve_by_type",
    replacement=resolve_by_type,
    why=__doc__,
    rasa_version="3.6.21",
    original_sha256="b5cf570fa7f286c7059ec73d8880528d03a78b28cf4e80285a46079c0fa65968",
)
