"""The action server is sent the recent events only, and the domain without its responses.

Rasa 3.6 sends the session's whole tracker as JSON with every call to the action server, 2 to 3
times per turn, a cost that grows with the conversation, and the whole domain, whose responses in
both languages are 44 of its 50 kB. `RemoteAction._action_call_format` is replaced: the events
start at the user message before the latest one (`events_for_actions`; the slots, latest message
and active form are sent whole, as before) and the domain goes without its responses, which only
the Rasa server renders. So no custom action can read further back than that (actions/__init__.py).
"""

from __future__ import annotations

from collections import deque

import rasa
from rasa.core.actions import action as rasa_actions
from rasa.shared.core.events import UserUttered
from rasa.shared.core.trackers import EventVerbosity

from rasa_patches.patching import Patch

_domain_for_actions: tuple[object, dict] | None = None  # the domain, and what is sent of it


def events_for_actions(events: list) -> list:
    """The events from the user message before the latest one on (all of them if fewer).

    Our actions and rasa_sdk 3.6's form validation read no further back than that."""
    users = [index for index, event in enumerate(events) if isinstance(event, UserUttered)]
    return events[users[-2] :] if len(users) >= 2 else list(events)


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


PATCH = Patch(
    name="action_call",
    owner=rasa_actions.RemoteAction,
    attribute="_action_call_format",
    replacement=action_call_format,
    why=__doc__,
    rasa_version="3.6.21",
    original_sha256="428795b944f22edba142d278ec47a30098975b01463ba337ec447dade52a0492",
)
