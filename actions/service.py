"""What every action needs: the account service (built on first use, never at import time), the
conversation's language, and a way to say a problem in that language."""

from __future__ import annotations

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from account.i18n import Problem, language_or_default
from account.service import configured_service as account_service
from reading.message_reading import take_over


def language_of(tracker: Tracker) -> str:
    return language_or_default(tracker.get_slot("language"))


def say_problem(dispatcher: CollectingDispatcher, tracker: Tracker, problem: Problem) -> None:
    service = account_service()
    dispatcher.utter_message(text=problem.text(language_of(tracker), service.settings.zone))


def captcha_links(challenge_id: str) -> dict[str, str]:
    """Where the assistant's own server shows this challenge (see web/channel.py)."""
    base = account_service().settings.public_base_url
    return {
        "captcha_url": f"{base}/webhooks/web/captcha/{challenge_id}/image.png",
        "captcha_audio_url": f"{base}/webhooks/web/captcha/{challenge_id}/audio.wav",
    }


def summary_link(token: str) -> str:
    """Where the web chat downloads a summary PDF (see web/channel.py)."""
    return f"{account_service().settings.public_base_url}/webhooks/web/summary/{token}"


def read_message(tracker: Tracker) -> dict:
    """The latest message, with what the Rasa server read of it handed to the readers, so that
    the action server does not read it again (reading/message_reading.py)."""
    message = tracker.latest_message
    take_over(message)
    return message
