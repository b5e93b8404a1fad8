"""The Rasa server reads each message first as an answer to the question pending
(rasa_patches/answer_first.py): from the conversation's tracker, the question asked (a form's
requested slot, or the last response that asked one) and the parsed message."""

import asyncio

import pytest
from rasa.core.processor import MessageProcessor
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, ActiveLoop, BotUttered, SlotSet
from rasa.shared.core.trackers import DialogueStateTracker

import rasa_patches
from account.settings import PROJECT_ROOT
from rasa_patches import answer_first


@pytest.fixture(scope="module")
def domain():
    return Domain.load(PROJECT_ROOT / "domain.yml")


def at_question(domain, *, asked=None, requested=None):
    events = [ActionExecuted("action_listen")]
    if requested:
        events += [ActiveLoop("registration_form"), SlotSet("requested_slot", requested)]
    if asked:
        events.append(BotUttered("…", metadata={"utter_action": asked}))
    events.append(ActionExecuted("action_listen"))
    return DialogueStateTracker.from_events("s", events, slots=domain.slots)


def parsed(text, intent, confidence=0.9, polarity=None, **ranking):
    return {
        "text": text,
        "intent": {"name": intent, "confidence": confidence},
        "intent_ranking": [
            {"name": intent, "confidence": confidence},
            *({"name": n, "confidence": c} for n, c in ranking.items()),
        ],
        **({"polarity": polarity} if polarity else {}),
    }


def test_a_value_at_its_question_is_read_as_the_answer(domain):
    data = parsed("de la Fontaine", "out_of_scope", 0.8, inform=0.1)
    answer_first.read_against_pending(
        data, answer_first.pending_in(at_question(domain, requested="surname"))
    )
    assert data["intent"] == {"name": "inform", "confidence": 1.0}
    assert data["intent_ranking"][0]["name"] == "inform"
    assert [i["name"] for i in data["intent_ranking"]].count("inform") == 1


def test_a_yes_in_other_words_at_the_summary(domain):
    data = parsed("Rien à redire, enregistrez", "clear_form", 0.7, polarity={"yes": 0.5})
    tracker = at_question(domain, asked="utter_ask_summary_confirmation")
    answer_first.read_against_pending(data, answer_first.pending_in(tracker))
    assert data["intent"]["name"] == "affirm"


def test_with_nothing_pending_the_classifier_reading_stays(domain):
    data = parsed("de la Fontaine", "out_of_scope", 0.8)
    answer_first.read_against_pending(data, answer_first.pending_in(at_question(domain)))
    assert data["intent"] == {"name": "out_of_scope", "confidence": 0.8}


def test_the_patch_reads_after_rasa_parsed(domain, monkeypatch):
    async def rasa_parse(self, message, tracker=None, only_output_properties=True):
        return parsed(message, "out_of_scope", 0.8)

    # Rasa's own parse (the NLU model) stands in for the original the patch calls first.
    monkeypatch.setitem(
        rasa_patches.patching._originals, (MessageProcessor, "parse_message"), rasa_parse
    )
    tracker = at_question(domain, requested="city")
    data = asyncio.run(answer_first.parse_message(None, "Monaco", tracker))
    assert data["intent"]["name"] == "inform"
    data = asyncio.run(answer_first.parse_message(None, "Monaco"))  # /model/parse: no tracker
    assert data["intent"]["name"] == "out_of_scope"


def test_an_faq_question_read_here_names_its_answer(domain, monkeypatch):
    """ "C'est quoi le mode expert ? je n'y connais rien" at the terms, which the classifier took
    for a no: read as the FAQ question, with the answer the selector chose (utter_faq needs it)."""

    async def rasa_parse(self, message, tracker=None, only_output_properties=True):
        data = parsed(getattr(message, "text", message), "deny", 0.85, faq=0.13)
        data["response_selector"] = {
            "all_retrieval_intents": ["faq"],
            "faq": {"response": {"intent_response_key": "faq/expert_mode"}},
        }
        return data

    monkeypatch.setitem(
        rasa_patches.patching._originals, (MessageProcessor, "parse_message"), rasa_parse
    )
    tracker = at_question(domain, requested="terms_accepted")
    text = "c'est quoi le mode expert ? je n'y connais rien"
    data = asyncio.run(answer_first.parse_message(None, text, tracker))
    assert data["intent"]["name"] == "faq"
    assert data["intent"]["full_retrieval_intent_name"] == "faq/expert_mode"


def test_the_question_sentence_of_a_longer_message_is_classified_alone(domain, monkeypatch):
    """ "Pardon, c'est quoi le mode expert ? Je n'y connais rien", which the classifier reads as a
    no at the terms: its question sentence alone is an FAQ question, and gets that answer."""
    seen = []

    async def rasa_parse(self, message, tracker=None, only_output_properties=True):
        text = getattr(message, "text", message)
        seen.append(text)
        if text.endswith("?"):
            data = parsed(text, "faq", 0.9)
            data["response_selector"] = {
                "all_retrieval_intents": ["faq"],
                "faq": {"response": {"intent_response_key": "faq/expert_mode"}},
            }
            return data
        return parsed(text, "deny", 0.93, where_am_i=0.03, faq=0.02)

    monkeypatch.setitem(
        rasa_patches.patching._originals, (MessageProcessor, "parse_message"), rasa_parse
    )
    tracker = at_question(domain, requested="terms_accepted")
    text = "Pardon, c'est quoi le mode expert ? Je n'y connais rien"
    data = asyncio.run(answer_first.parse_message(None, text, tracker))
    assert seen == [text, "Pardon, c'est quoi le mode expert ?"]
    assert data["intent"]["name"] == "faq"
    assert data["intent"]["full_retrieval_intent_name"] == "faq/expert_mode"


def test_a_secret_is_never_split_into_sentences(domain, monkeypatch):
    """A password with "?" and "." in it is read once, as typed: no sentence of it is parsed."""
    seen = []

    async def rasa_parse(self, message, tracker=None, only_output_properties=True):
        seen.append(getattr(message, "text", message))
        return parsed(seen[-1], "deny", 0.9)

    monkeypatch.setitem(
        rasa_patches.patching._originals, (MessageProcessor, "parse_message"), rasa_parse
    )
    password = "Abcdefghij?Klmnop.Qrstu42"
    asyncio.run(
        answer_first.parse_message(None, password, at_question(domain, requested="password"))
    )
    assert seen == [password]


def test_what_was_read_goes_with_the_message_but_never_a_secrets(domain, monkeypatch):
    async def rasa_parse(self, message, tracker=None, only_output_properties=True):
        return parsed(getattr(message, "text", message), "change_field", 0.8)

    monkeypatch.setitem(
        rasa_patches.patching._originals, (MessageProcessor, "parse_message"), rasa_parse
    )
    text = "le téléphone est faux, c'est 06 12 34 56 78"
    summary = at_question(domain, asked="utter_ask_summary_confirmation")
    data = asyncio.run(answer_first.parse_message(None, text, summary))
    assert data["reading"] == {
        "text": text,
        "read": {"field_mentioned": ("phone", "06 12 34 56 78")},
    }
    password = "le-telephone-est-faux-c-est-0612345678"
    data = asyncio.run(
        answer_first.parse_message(None, password, at_question(domain, requested="password"))
    )
    assert "reading" not in data
