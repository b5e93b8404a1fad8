"""The action server gets the recent events and the domain without its responses, the rest as
Rasa sends it (rasa_patches/action_call.py)."""

from rasa.core.actions.action import RemoteAction
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

import rasa_patches
from account.settings import PROJECT_ROOT
from rasa_patches import action_call

DOMAIN = Domain.load(str(PROJECT_ROOT / "domain.yml"))


def long_tracker() -> tuple[DialogueStateTracker, list]:
    events = [SlotSet("language", "fr")]
    for turn in range(1, 31):
        events += [
            ActionExecuted("action_listen"),
            UserUttered(f"message {turn}"),
            SlotSet("surname", f"Dupont{turn}"),
            ActionExecuted("registration_form"),
        ]
    return DialogueStateTracker.from_events("someone", events, DOMAIN.slots), events


def test_the_action_server_gets_the_events_from_the_previous_user_message_on():
    tracker, events = long_tracker()
    action = RemoteAction("validate_registration_form", None)
    call = action_call.action_call_format(action, tracker, DOMAIN)
    sent = call["tracker"]["events"]
    assert [e["text"] for e in sent if e["event"] == "user"] == ["message 29", "message 30"]
    assert sent[0]["event"] == "user"
    assert call["tracker"]["slots"]["language"] == "fr"  # slots whole, set long before
    assert call["tracker"]["latest_message"]["text"] == "message 30"
    assert len(tracker.events) == len(events)  # the tracker itself is untouched
    full = action_call.PATCH.original()(action, tracker, DOMAIN)  # Rasa's own
    assert len(full["tracker"]["events"]) == len(events)
    assert {k: v for k, v in full["tracker"].items() if k != "events"} == {
        k: v for k, v in call["tracker"].items() if k != "events"
    }
    # The domain without the responses, which the action server never reads.
    assert "responses" not in call["domain"] and "utter_greet" in full["domain"]["responses"]
    assert call["domain"] == {k: v for k, v in full["domain"].items() if k != "responses"}
    assert {k: v for k, v in call.items() if k not in ("tracker", "domain")} == {
        k: v for k, v in full.items() if k not in ("tracker", "domain")
    }


def test_fewer_than_two_user_messages_send_every_event():
    events = [ActionExecuted("action_listen"), UserUttered("hi"), ActionExecuted("utter_greet")]
    assert action_call.events_for_actions(events) == events


def test_installed_rasa_calls_the_action_server_with_the_cut(unpatched_afterwards):
    rasa_patches.install()
    tracker, _ = long_tracker()
    call = RemoteAction("validate_registration_form", None)._action_call_format(tracker, DOMAIN)
    assert [e["text"] for e in call["tracker"]["events"] if e["event"] == "user"] == [
        "message 29",
        "message 30",
    ]
