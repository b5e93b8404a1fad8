"""The conversation's language is decided once per message, by the Rasa server
(rasa_patches/conversation_language.py): the action server is never called for it."""

import asyncio

import pytest
from rasa.core.actions.action import ActionExtractSlots
from rasa.core.channels import CollectingOutputChannel
from rasa.core.nlg import TemplatedNaturalLanguageGenerator
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

import rasa_patches
from account.i18n import render
from account.settings import PROJECT_ROOT
from rasa_patches import conversation_language


@pytest.fixture(scope="module")
def domain():
    return Domain.load(PROJECT_ROOT / "domain.yml")


@pytest.fixture
def calls(monkeypatch):
    """The calls that would go to the action server."""
    made = []

    async def action_server(self, action_name, output_channel, nlg, tracker, domain):
        made.append(action_name)
        return []

    monkeypatch.setattr(ActionExtractSlots, "_run_custom_action", action_server)
    return made


def after(domain, text, language="fr", metadata=None, requested=None, channel="rest"):
    return DialogueStateTracker.from_events(
        "s",
        [
            SlotSet("language", language),
            SlotSet("requested_slot", requested),
            ActionExecuted("action_listen"),
            UserUttered(
                text,
                {"name": "inform", "confidence": 1.0},
                metadata=metadata,
                input_channel=channel,
            ),
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


@pytest.fixture
def language_after(domain, calls, unpatched_afterwards):
    rasa_patches.install([conversation_language.PATCH])

    def run(text, current="fr", chosen_on_page=None, requested=None, channel="rest"):
        metadata = {"language": chosen_on_page} if chosen_on_page else None
        events = extract(domain, after(domain, text, current, metadata, requested, channel))
        assert calls == []  # never the action server
        slots = {e.key: e.value for e in events if isinstance(e, SlotSet)}
        said = [e for e in events if isinstance(e, BotUttered)]
        return slots, said

    return run


CASES = [
    ("quel est le délai pour recevoir le code ?", "fr", None, None),
    ("Dupont", "en", None, None),
    ("/affirm", "fr", None, None),
    ("I would like to create my professional account please", "fr", None, "en"),
    ("en français s'il vous plaît", "en", None, "fr"),
    ("/switch_language", "fr", {"language": "en"}, "en"),
]


@pytest.mark.parametrize("text, language, metadata, new", CASES)
def test_the_language_changes_only_when_the_message_says_so(
    language_after, text, language, metadata, new
):
    chosen = (metadata or {}).get("language")
    slots, _ = language_after(text, current=language, chosen_on_page=chosen)
    assert slots == ({"language": new} if new else {})


def test_the_page_language_switch_changes_the_language_silently(language_after):
    assert language_after("/switch_language", chosen_on_page="en") == ({"language": "en"}, [])
    # (the rule's utter_language_switched says it, in the new language)


def test_asking_for_a_language_switches_to_it(language_after):
    assert language_after("in English please") == ({"language": "en"}, [])
    assert language_after("in English please", current="en") == ({}, [])


def test_a_sentence_in_the_other_language_switches_and_says_so(language_after):
    slots, said = language_after("What is the difference with the basic mode?")
    assert slots == {"language": "en"}
    assert [e.text for e in said] == [render("language.switched_by_sentence", "en")]
    assert said[0].data == {}
    # the web chat also gets the new language, for the page to follow
    _, said = language_after("What is the difference with the basic mode?", channel="socketio")
    assert said[0].data == {"custom": {"data": {"language": "en"}}}


def test_free_answers_never_switch_the_language(language_after):
    sentence = "What is the difference with the basic mode?"
    assert language_after(sentence, requested="phone")[0] == {"language": "en"}
    # the same words as a trust answer, a name or a city are that answer, in no language
    for slot in ("trust_answer", "surname", "city"):
        assert language_after(sentence, requested=slot) == ({}, [])


def test_without_the_patch_the_language_never_changes(domain, calls, unpatched_afterwards):
    """Why Rasa must start through `python -m rasa_patches` (the policy says so loudly)."""
    events = extract(domain, after(domain, "I would like to create my professional account"))
    assert events == [] and calls == []
