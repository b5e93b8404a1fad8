"""A session the tracker store started expires like one Rasa started.

transcripts/sessions.py continues a long session in a new one that holds no user message yet.
Rasa's `MessageProcessor._has_session_expired` measures the time since the session's last user
message, so such a session would never expire and would keep the user's data. The check is
replaced: in a session without a user message it counts from the last message before the session
began (recorded on its SessionStarted event); anywhere else it is Rasa's.
"""

from __future__ import annotations

import time

from rasa.core.processor import MessageProcessor
from rasa.shared.core.events import UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from rasa_patches.patching import Patch
from transcripts.sessions import last_user_message_time


def has_session_expired(self: MessageProcessor, tracker: DialogueStateTracker) -> bool:
    """Rasa's check, which also counts the time since the last message of the session before."""
    if (
        tracker.get_last_event_for(UserUttered) is not None
        or not self.domain.session_config.are_sessions_enabled()
    ):
        return PATCH.original()(self, tracker)
    written_at = last_user_message_time(tracker)
    return (
        written_at is not None
        and (time.time() - written_at) / 60 > self.domain.session_config.session_expiration_time
    )


PATCH = Patch(
    name="session_expiry",
    owner=MessageProcessor,
    attribute="_has_session_expired",
    replacement=has_session_expired,
    why=__doc__,
    rasa_version="3.6.21",
    original_sha256="aa0e659a9cfa1f70616523da75045bd87d4424a03432726722c7dc80a9869200",
)
