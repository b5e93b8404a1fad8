"""The apology for a failed action is said once per turn (web/outages.py); the end-to-end
behaviour is in tests/conversation/test_restarts.py."""

from rasa.shared.core.events import ActionExecuted, BotUttered, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from web.outages import APOLOGY, apologised_this_turn


def tracker(*events):
    return DialogueStateTracker.from_events("s", [ActionExecuted("action_listen"), *events])


def test_the_apology_is_said_once_per_turn():
    apology = BotUttered("Désolé…", metadata={"utter_action": APOLOGY})
    assert not apologised_this_turn(tracker(UserUttered("Ann")))
    assert apologised_this_turn(tracker(UserUttered("Ann"), apology))
    assert not apologised_this_turn(
        tracker(UserUttered("Ann"), apology, ActionExecuted("action_listen"), UserUttered("Ann"))
    )  # a new turn: say it again
    assert not apologised_this_turn(
        tracker(UserUttered("Ann"), BotUttered("Quel est votre prénom ?"))
    )
