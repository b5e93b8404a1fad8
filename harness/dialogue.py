"""Dialogue steps shared by the conversation tests."""

from __future__ import annotations

from typing import Protocol

PASSWORD = "Mphbawgsf25ynLitbm2023!"


class Chat(Protocol):
    """One Rasa server (`servers.Assistant`), or several taking turns."""

    def say(self, sender: str, text: str) -> list[dict]: ...

    def captcha_answer(self, messages: list[dict]) -> str: ...


def pre_register(
    assistant: Chat, sender: str, email: str, opening: str, details: str, *answers: str
) -> list[dict]:
    """Greeting to summary: terms, CAPTCHA, e-mail and password twice, the details in one
    message, then `answers` to the questions still open."""
    say = lambda text: assistant.say(sender, text)  # noqa: E731
    say(opening)
    captcha = say("/affirm")
    say(assistant.captcha_answer(captcha))
    for typed in (email, email, PASSWORD, PASSWORD, details):
        say(typed)
    for typed in answers[:-1]:
        say(typed)
    return say(answers[-1])
