"""What one conversation tells the team, read from its stored events (Rasa's `events` rows):
how far it went, where it stopped, what was not understood at which question, the detours.

A journey holds no personal data (steps, counts, times, the language): it is what survives the
retention purge (transcripts/retention.py). The messages not understood are kept beside it, masked,
for the review list, and are deleted with the conversation. Rasa-free: events are plain dicts.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import Iterable

# The steps of the procedure, in order, as the funnel shows them; each form question (the
# `requested_slot` asked) belongs to one step.
STEPS = (
    "started",
    "terms",
    "captcha",
    "login_email",
    "password",
    "identity",
    "phone",
    "address",
    "trust_question",
    "summary",
    "pre_registered",
    "activation",
    "activated",
)
STEP_OF_QUESTION = {
    "terms_accepted": "terms",
    "captcha_answer": "captcha",
    "login_email": "login_email",
    "login_email_confirmation": "login_email",
    "password": "password",
    "password_confirmation": "password",
    "surname": "identity",
    "first_name": "identity",
    "phone": "phone",
    "street_number": "address",
    "street_type": "address",
    "street_name": "address",
    "complement": "address",
    "postcode": "address",
    "city": "address",
    "country": "address",
    "trust_question": "trust_question",
    "trust_answer": "trust_question",
    "activation_code": "activation",
    "activation_captcha": "activation",
    "activation_email": "activation",
}
OUTSIDE_FORMS = "outside_forms"
# The assistant did not understand: it said so in a form (its fallback rule utters this
# response, as the action does with a question pending), or this action answered (outside the
# forms: the question again, the close readings or what it can do).
NOT_UNDERSTOOD = "utter_default"
NOT_UNDERSTOOD_ACTION = "action_not_understood"
# Detours, by the action that answered them.
DETOURS = {
    "utter_faq": "question",
    "action_change_field": "correction",
    "action_explain_support": "person",
    "action_where_am_i": "where_am_i",
    "action_repeat_question": "repeat",
    "action_cancel": "cancel",
    "action_new_captcha": "new_captcha",
}
# Slots holding what a person typed about themselves: masked in the review list by their value.
PERSONAL_SLOTS = (
    "login_email",
    "login_email_confirmation",
    "surname",
    "first_name",
    "phone",
    "street_number",
    "street_name",
    "complement",
    "postcode",
    "city",
    "trust_answer",
    "activation_email",
    "registered_email",
)
EMAIL = re.compile(r"[^\s@]+@[^\s@]+\.[^\s@]+")
LONG_NUMBER = re.compile(r"(?:\+?\d[\d .-]{5,}\d)")


@dataclass
class Journey:
    """One conversation, without its words."""

    started_at: float | None = None  # the first user message (epoch seconds)
    last_at: float | None = None
    language: str | None = None
    steps: list[str] = field(default_factory=list)  # reached, in the order of STEPS
    stopped_at: str | None = None  # the step of the question left unanswered, if any
    not_understood: dict[str, int] = field(default_factory=dict)  # by step
    detours: dict[str, int] = field(default_factory=dict)  # by kind
    seconds_to_pre_register: float | None = None
    seconds_to_activate: float | None = None
    user_messages: int = 0

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, values: dict) -> "Journey":
        return cls(**{k: v for k, v in values.items() if k in cls.__dataclass_fields__})


@dataclass(frozen=True)
class NotUnderstood:
    """A message the assistant did not understand, masked, with the question it answered."""

    at: float
    step: str
    language: str | None
    text: str


def step_of(question: str | None) -> str:
    return STEP_OF_QUESTION.get(question or "", OUTSIDE_FORMS)


def masked(text: str, personal_values: Iterable[str]) -> str:
    """The text with the person's own values (their slots) and any e-mail address or long
    number replaced; a secret was already replaced in the store."""
    for value in sorted({v for v in personal_values if v and len(v) >= 2}, key=len, reverse=True):
        text = re.sub(re.escape(value), "[…]", text, flags=re.IGNORECASE)
    text = EMAIL.sub("[e-mail]", text)
    return LONG_NUMBER.sub("[n°]", text)


def _not_understood(event: dict) -> bool:
    kind = event.get("event")
    if kind == "action":
        return event.get("name") == NOT_UNDERSTOOD_ACTION
    return kind == "bot" and (event.get("metadata") or {}).get("utter_action") == NOT_UNDERSTOOD


def read_journey(events: Iterable[dict]) -> tuple[Journey, list[NotUnderstood]]:
    """The journey of one conversation and its messages not understood, from its events (the
    `data` of Rasa's event rows, in order)."""
    journey = Journey()
    reached: set[str] = set()
    question: str | None = None
    last_user: dict | None = None
    counted: set[int] = set()  # the user messages already counted as not understood
    personal: dict[str, str] = {}
    misunderstood: list[tuple[float, str, str]] = []  # (time, step, raw text)
    for event in events:
        kind, when = event.get("event"), event.get("timestamp")
        if kind == "user":
            if journey.started_at is None:
                journey.started_at = when
                reached.add("started")
            journey.user_messages += 1  # also the number of the last user message
            journey.last_at = when
            last_user = event
        elif kind == "slot":
            name, value = event.get("name"), event.get("value")
            if name == "requested_slot":
                question = value
                if value in STEP_OF_QUESTION:
                    reached.add(STEP_OF_QUESTION[value])
            elif name == "language" and value:
                journey.language = value
            elif name == "terms_accepted" and value is True:
                reached.add("terms")
            elif name == "registration_outcome" and value == "pre_registered":
                reached.add("pre_registered")
                if journey.started_at is not None and journey.seconds_to_pre_register is None:
                    journey.seconds_to_pre_register = when - journey.started_at
            elif name == "activation_outcome" and value == "activated":
                reached.update(("activation", "activated"))
                if journey.started_at is not None and journey.seconds_to_activate is None:
                    journey.seconds_to_activate = when - journey.started_at
            elif name in PERSONAL_SLOTS and isinstance(value, str):
                personal[name] = value
        elif kind == "action":
            name = event.get("name")
            if name == "action_show_summary":
                reached.add("summary")
            if name in DETOURS and last_user is not None:
                detour = DETOURS[name]
                journey.detours[detour] = journey.detours.get(detour, 0) + 1
        if _not_understood(event) and last_user and journey.user_messages not in counted:
            counted.add(journey.user_messages)
            step = step_of(question)
            journey.not_understood[step] = journey.not_understood.get(step, 0) + 1
            if last_user.get("text"):
                misunderstood.append((last_user.get("timestamp"), step, last_user["text"]))
    journey.steps = [step for step in STEPS if step in reached]
    finished = "pre_registered" in reached or "activated" in reached
    if question and not finished:
        journey.stopped_at = step_of(question)
    elif "activation" in reached and "activated" not in reached and question:
        journey.stopped_at = step_of(question)
    values = list(personal.values())
    return journey, [
        NotUnderstood(at, step, journey.language, masked(text, values))
        for at, step, text in misunderstood
    ]
