"""A failed custom action gives an apology, once per turn (rasa_patches/action_failures.py); the
end-to-end behaviour is in tests/conversation/test_restarts.py."""

import asyncio

import pytest
from rasa.core.actions.action import ActionExecutionRejection, RemoteAction
from rasa.core.channels.channel import CollectingOutputChannel
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted,
    BotUttered,
    FollowupAction,
    SlotSet,
    UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.exceptions import RasaException

import rasa_patches
from account.settings import PROJECT_ROOT
from rasa_patches import patching
from rasa_patches.action_failures import APOLOGY, PATCH, SLOT_FILLING, apologised_this_turn

DOMAIN = Domain.load(str(PROJECT_ROOT / "domain.yml"))


def tracker(*events):
    return DialogueStateTracker.from_events(
        "s", [ActionExecuted("action_listen"), *events], DOMAIN.slots
    )


class Apologies:
    async def generate(self, response, tracker, channel, **kwargs):
        return {"text": "Désolé…"} if response == APOLOGY else None


def run(action_name, conversation):
    """The action run by Rasa with no action server to call (Rasa raises a RasaException)."""
    action = RemoteAction(action_name, None)
    return asyncio.run(action.run(CollectingOutputChannel(), Apologies(), conversation, DOMAIN))


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


def test_a_failed_action_apologises_and_ends_the_turn(unpatched_afterwards):
    rasa_patches.install()
    said, listen = run("action_pre_register", tracker(UserUttered("yes")))
    assert isinstance(said, BotUttered) and said.metadata["utter_action"] == APOLOGY
    assert listen == FollowupAction("action_listen")
    # already said this turn: not again
    again = run("action_pre_register", tracker(UserUttered("yes"), said))
    assert again == [FollowupAction("action_listen")]


def test_a_failed_form_validation_asks_the_same_question_again(unpatched_afterwards):
    rasa_patches.install()
    events = run(
        "validate_registration_form",
        tracker(SlotSet("requested_slot", "surname"), UserUttered("Dupont")),
    )
    assert events[1:] == [SlotSet("surname", None), SlotSet("requested_slot", "surname")]


def test_a_form_rejecting_a_message_is_no_failure(unpatched_afterwards, monkeypatch):
    async def rejects(self, *args):
        raise ActionExecutionRejection(self.name())

    rasa_patches.install()
    monkeypatch.setitem(patching._originals, (PATCH.owner, PATCH.attribute), rejects)
    with pytest.raises(ActionExecutionRejection):
        run("validate_registration_form", tracker(UserUttered("Dupont")))


def test_a_failed_slot_filling_stays_rasas(unpatched_afterwards):
    """Rasa only logs it; the next action that needs the action server apologises."""
    rasa_patches.install()
    with pytest.raises(RasaException, match="no endpoint"):
        run(SLOT_FILLING, tracker(UserUttered("Dupont")))
