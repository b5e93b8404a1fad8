"""The last tracker of each conversation this process saved, kept in memory.

Rasa reads the current session back from the store and rebuilds the tracker from its events on
every message (15% of the server's time with 10 users). When this process wrote the
conversation's last events, the tracker it saved is that same tracker: it is handed out again
after one small query has checked that the store's last event of the conversation is still the
one this process wrote. Another worker or another instance that handled a message since has
written later events, and the tracker is read from the store as before.

A tracker is handed out once: it is taken out of the cache, and only saving it puts it back, so a
turn that failed before saving never leaves a tracker holding unsaved events.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass

from rasa.shared.core.events import SessionStarted
from rasa.shared.core.trackers import DialogueStateTracker

DEFAULT_CACHED_CONVERSATIONS = 500


@dataclass
class Saved:
    tracker: DialogueStateTracker
    last_event_id: int  # the store's id of the tracker's last event


class RecentTrackers:
    """At most `size` conversations, the least recently saved dropped first."""

    def __init__(self, size: int = DEFAULT_CACHED_CONVERSATIONS) -> None:
        self.size = size
        self._saved: OrderedDict[str, Saved] = OrderedDict()

    def take(self, sender_id: str) -> Saved | None:
        return self._saved.pop(sender_id, None)

    def put(self, tracker: DialogueStateTracker, last_event_id: int) -> None:
        if self.size <= 0 or not holds_one_session(tracker):
            self._saved.pop(tracker.sender_id, None)
            return
        self._saved[tracker.sender_id] = Saved(tracker, last_event_id)
        self._saved.move_to_end(tracker.sender_id)
        while len(self._saved) > self.size:
            self._saved.popitem(last=False)

    def __len__(self) -> int:
        return len(self._saved)


def holds_one_session(tracker: DialogueStateTracker) -> bool:
    """A tracker read from the store holds the current session only; one that went on into a new
    session (Rasa's session expiry, or transcripts/sessions.py) still holds the previous one,
    which the store would not give back: it is read again."""
    return sum(isinstance(event, SessionStarted) for event in tracker.events) <= 1
