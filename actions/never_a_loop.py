"""Never a loop: a question not understood twice in a row is not simply asked a third time. The
assistant says what is expected with an example, offers the choices as buttons where there are
some, and offers a person (CALM's "cannot handle" escalation to the hotline).

The count lives in slot `unanswered` ("<question>:<times>"): the question's name (a form's slot or
the response that asked it) and how many answers to it were not understood or refused in a row.
"""

from __future__ import annotations

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from account.labels import field_label
from actions.questions import trust_question_buttons
from actions.service import language_of
from languages import words_of
from reading import dialogue

SLOT = "unanswered"
HELP_FROM = 2  # answers not understood in a row before the question is asked a third time
YES_NO = "yes_no"


def times_unanswered(tracker: Tracker, question: str) -> int:
    kept = tracker.get_slot(SLOT) or ""
    name, _, times = kept.rpartition(":")
    return int(times) if name == question and times.isdigit() else 0


def answered(question: str | None) -> list[dict]:
    """The question got its answer: the count starts again."""
    return [SlotSet(SLOT, None)] if question else []


def not_answered(dispatcher: CollectingDispatcher, tracker: Tracker, question: str) -> list[dict]:
    """One more answer to `question` not understood; from the second in a row, the help."""
    times = times_unanswered(tracker, question) + 1
    if times >= HELP_FROM:
        language = language_of(tracker)
        example_of = words_of(language).ANSWER_EXAMPLES
        yes_no = question in dialogue.YES_NO_QUESTIONS or question in dialogue.YES_NO_FIELDS
        example = example_of.get(question) or (example_of[YES_NO] if yes_no else "")
        if yes_no:
            dispatcher.utter_message(response="utter_stuck_yes_no", example=example)
        elif question == dialogue.WHICH_FIELD_QUESTION:
            dispatcher.utter_message(response="utter_stuck_which_field", example=example)
        elif question == "trust_question":
            dispatcher.utter_message(
                response="utter_stuck_choice",
                example=example,
                buttons=[*trust_question_buttons(language), *_person_button(language)],
            )
        else:
            dispatcher.utter_message(
                response="utter_stuck",
                field=field_label(question, language),
                example=example,
            )
    return [SlotSet(SLOT, f"{question}:{times}")]


def _person_button(language: str) -> list[dict[str, str]]:
    return [{"title": words_of(language).PERSON_BUTTON, "payload": "/ask_support"}]
