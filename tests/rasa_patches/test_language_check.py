"""After a message that leaves the language as it is, the action server is not called
(rasa_patches/language_check.py); when the language changes, it is, as before."""

import asyncio

import pytest
from rasa.core.actions.action import ActionExtractSlots
from rasa.core.channels import CollectingOutputChannel
from rasa.core.nlg import TemplatedNaturalLanguageGenerator
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

import rasa_patches
from account.settings import PROJECT_ROOT
from rasa_patches import language_check


@pytest.fixture(scope="module")
def domain():
    return Domain.load(PROJECT_ROOT / "domain.yml")


@pytest.fixture
def calls(monkeypatch):
    """The calls that would go to the action server, answered as ours would answer them."""
    made = []

    async def action_server(self, action_name, output_channel, nlg, tracker, domain):
        made.append(action_name)
        return [SlotSet("language", "en")]

    monkeypatch.setattr(ActionExtractSlots, "_run_custom_action", action_server)
    return made


def after(domain, text, language="fr", metadata=None):
    return DialogueStateTracker.from_events(
        "s",
        [
            SlotSet("language", language),
            ActionExecuted("action_listen"),
            UserUttered(text, {"name": "inform", "confidence": 1.0}, metadata=metadata),
        ],
        slots=domain.slots,
    )


def extract(domain, tracker):
    return asyncio.run(
        ActionExtractSlots(None).run(
            CollectingOutputChannel(),
            TemplatedNaturalLanguageGenerator(domain.responses),
            tracker,
            domain,
        )
    )


CASES = [
    ("quel est le délai pour recevoir le code ?", "fr", None, False),
    ("Dupont", "en", None, False),
    ("/affirm", "fr", None, False),
    ("I would like to create my professional account please", "fr", None, True),
    ("en français s'il vous plaît", "en", None, True),
    ("/switch_language", "fr", {"language": "en"}, True),
]


@pytest.mark.parametrize("text, language, metadata, changes", CASES)
def test_the_action_server_is_called_only_when_the_language_changes(
    domain, calls, unpatched_afterwards, text, language, metadata, changes
):
    rasa_patches.install([language_check.PATCH])
    events = extract(domain, after(domain, text, language, metadata))
    assert calls == (["action_validate_slot_mappings"] if changes else [])
    assert bool(events) is changes


@pytest.mark.parametrize("text, language, metadata, changes", CASES)
def test_without_the_patch_it_is_called_after_every_message(
    domain, calls, unpatched_afterwards, text, language, metadata, changes
):
    extract(domain, after(domain, text, language, metadata))
    assert calls == ["action_validate_slot_mappings"]
