"""A message is read once: the readers that parse a whole message (its details, the field a
correction names) remember what they read of it, and what the Rasa server read travels with the
message to the action server, which takes it instead of reading the text again.

The Rasa server reads a message as it parses it (pipeline/corrections.py, the answer-first
reading of rasa_patches/answer_first.py) and writes what it read into the message's parse data
(`READING_KEY`: the text and each reader's result); the action server gives that back to the
readers (`take_over`) before its actions read the message (actions/service.py: read_message).
Nothing is kept of a secret's answer: the Rasa server writes no reading at a secret question.
"""

from __future__ import annotations

import copy
import functools
from collections import OrderedDict
from typing import Any, Callable, Mapping

READING_KEY = "reading"
_REMEMBERED = 64  # messages per reader (the turn's, a few times over)
_readers: dict[str, OrderedDict[str, Any]] = {}


def read_once(name: str, restore: Callable[[Any], Any] = lambda value: value) -> Callable:
    """Remembers a reader's result for its last messages, and hands each caller its own copy.
    The result travels as JSON: `restore` gives it back its type (a tuple, read as a list)."""

    def decorate(reader: Callable[[str | None], Any]) -> Callable[[str | None], Any]:
        remembered = _readers.setdefault(name, OrderedDict())

        @functools.wraps(reader)
        def read(text: str | None) -> Any:
            key = "" if text is None else str(text)
            if key not in remembered:
                remembered[key] = reader(text)
                while len(remembered) > _REMEMBERED:
                    remembered.popitem(last=False)
            remembered.move_to_end(key)
            return restore(copy.deepcopy(remembered[key]))

        return read

    return decorate


def what_was_read(text: str) -> dict[str, Any]:
    """Each reader's result for this message, as far as this process read it."""
    return {
        name: copy.deepcopy(remembered[text])
        for name, remembered in _readers.items()
        if text in remembered
    }


def reading_data(text: str) -> dict[str, Any]:
    """What goes into the message's parse data."""
    return {"text": text, "read": what_was_read(text)}


def take_over(message: Mapping[str, Any]) -> None:
    """The readings the Rasa server wrote into this message, given to this process's readers."""
    reading = message.get(READING_KEY) or {}
    text = message.get("text")
    if not isinstance(reading, Mapping) or reading.get("text") != text or text is None:
        return
    for name, value in (reading.get("read") or {}).items():
        if name in _readers:
            _readers[name][text] = value
