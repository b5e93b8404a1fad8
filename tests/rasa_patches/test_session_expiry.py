"""A session the tracker store started expires like one Rasa started
(rasa_patches/session_expiry.py, transcripts/sessions.py)."""

import time
from types import SimpleNamespace

import pytest
from rasa.core.processor import MessageProcessor
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, SessionStarted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

import rasa_patches
from account.settings import PROJECT_ROOT
from rasa_patches.session_expiry import has_session_expired
from transcripts import sessions

DOMAIN = Domain.load(PROJECT_ROOT / "domain.yml")
EXPIRY_MINUTES = DOMAIN.session_config.session_expiration_time


def tracker_of(events):
    return DialogueStateTracker.from_events("s", events, DOMAIN.slots)


def waiting_after(minutes_ago):
    message = UserUttered("Hello", timestamp=time.time() - minutes_ago * 60)
    return tracker_of([ActionExecuted("action_listen"), message, ActionExecuted("action_listen")])


@pytest.mark.parametrize("minutes_ago, expired", [(1, False), (EXPIRY_MINUTES + 1, True)])
def test_a_carried_over_session_expires_from_the_last_user_message(minutes_ago, expired):
    after = tracker_of(sessions.carried_over_session(waiting_after(minutes_ago)))
    assert after.get_last_event_for(UserUttered) is None
    assert has_session_expired(SimpleNamespace(domain=DOMAIN), after) is expired


@pytest.mark.parametrize("minutes_ago, expired", [(1, False), (EXPIRY_MINUTES + 1, True)])
def test_a_session_with_a_user_message_is_judged_by_rasa(minutes_ago, expired):
    processor = SimpleNamespace(domain=DOMAIN)
    assert has_session_expired(processor, waiting_after(minutes_ago)) is expired


def test_a_fresh_session_without_messages_does_not_expire():
    fresh = tracker_of(
        [ActionExecuted("action_session_start"), SessionStarted(), ActionExecuted("action_listen")]
    )
    assert has_session_expired(SimpleNamespace(domain=DOMAIN), fresh) is False


def test_the_installed_processor_uses_it(unpatched_afterwards):
    rasa_patches.install()
    old = tracker_of(sessions.carried_over_session(waiting_after(EXPIRY_MINUTES + 1)))
    assert MessageProcessor._has_session_expired(SimpleNamespace(domain=DOMAIN), old) is True
