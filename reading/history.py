"""What came before (and after) the latest message, read from the conversation's events: the one
place that answers "which question does this message answer?" for the answer-first reading
(rasa_patches/answer_first.py), the typed-answer policy (pipeline/typed_answers.py), the forms'
validation (actions/form_validation.py) and the repairs (actions/pending.py).

Events come newest first, as steps: ("user", None), ("action", its name) or ("bot", the response
that said it); the Rasa server's event objects and the action server's dictionaries each have
their adapter (`steps_of_events`, `steps_of_dicts`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable, Iterator, Mapping

Step = tuple[str, "str | None"]
LISTEN = "action_listen"


@dataclass(frozen=True)
class AroundTheMessage:
    """The assistant's turn before the latest user message, and what ran after it."""

    actions_before: tuple[str, ...]  # oldest first, listening left out
    responses_before: tuple[str, ...]  # the responses said (their utter_action), oldest first
    actions_after: tuple[str, ...]  # since the latest user message, oldest first
    message_seen: bool  # False: no user message yet

    @property
    def last_action_before(self) -> str | None:
        return self.actions_before[-1] if self.actions_before else None

    def last_response_among(self, responses: Iterable[str]) -> str | None:
        """The last response of the turn before the message that is one of `responses`."""
        wanted = set(responses)
        return next((r for r in reversed(self.responses_before) if r in wanted), None)


def around_latest_message(newest_first: Iterable[Step], message_logged: bool = True):
    """`message_logged`: False while the message is being parsed (the Rasa server's NLU), when
    the events end with the turn it answers."""
    after: list[str] = []
    before_actions: list[str] = []
    before_responses: list[str] = []
    seen = not message_logged
    for kind, name in newest_first:
        if kind == "user":
            if seen:
                break
            seen = True
        elif kind == "action" and name and name != LISTEN:
            (before_actions if seen else after).append(name)
        elif kind == "bot" and seen and name:
            before_responses.append(name)
    return AroundTheMessage(
        tuple(reversed(before_actions)),
        tuple(reversed(before_responses)),
        tuple(reversed(after)),
        seen,
    )


def steps_of_dicts(events: list[Mapping[str, Any]]) -> Iterator[Step]:
    """The action server's events (dictionaries), newest first."""
    for event in reversed(events):
        kind = event.get("event")
        if kind == "user":
            yield "user", None
        elif kind == "action":
            yield "action", event.get("name")
        elif kind == "bot":
            yield "bot", (event.get("metadata") or {}).get("utter_action")


def steps_of_events(events) -> Iterator[Step]:
    """The Rasa server's events (objects with a `type_name`), newest first."""
    for event in reversed(events):
        kind = event.type_name
        if kind == "user":
            yield "user", None
        elif kind == "action":
            yield "action", event.action_name
        elif kind == "bot":
            yield "bot", (event.metadata or {}).get("utter_action")
