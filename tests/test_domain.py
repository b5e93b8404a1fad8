"""Every response of the domain exists in French (the default) and in English."""

import pytest
import yaml

from bot.settings import PROJECT_ROOT

DOMAIN = yaml.safe_load((PROJECT_ROOT / "domain.yml").read_text(encoding="utf-8"))
ENGLISH = [{"type": "slot", "name": "language", "value": "en"}]


def variations(name):
    return DOMAIN["responses"][name]


@pytest.mark.parametrize("name", sorted(DOMAIN["responses"]))
def test_each_response_has_a_french_default_and_an_english_variation(name):
    channels = {v.get("channel") for v in variations(name)}
    for channel in channels:  # web chat variations too
        french = [
            v for v in variations(name) if v.get("channel") == channel and "condition" not in v
        ]
        english = [
            v
            for v in variations(name)
            if v.get("channel") == channel and v.get("condition") == ENGLISH
        ]
        assert french and english, f"{name} ({channel or 'any channel'})"
        assert len(french) == len(english)
        for fr, en in zip(french, english, strict=True):
            assert fr["text"] != en["text"]
            assert [b["payload"] for b in fr.get("buttons", [])] == [
                b["payload"] for b in en.get("buttons", [])
            ]
            assert ("image" in fr) == ("image" in en)


@pytest.mark.parametrize("name", ["utter_ask_password", "utter_ask_password_confirmation"])
def test_the_web_chat_masks_its_input_for_the_password(name):
    web = [v for v in variations(name) if v.get("channel") == "socketio"]
    assert len(web) == 2 and all(v["custom"] == {"data": {"input": "secret"}} for v in web)
    assert all("custom" not in v for v in variations(name) if v.get("channel") != "socketio")


def test_the_activation_code_is_not_masked():
    assert all("custom" not in v for v in variations("utter_ask_activation_code"))


def test_the_web_page_follows_a_language_switch():
    web = {
        v.get("condition") is None: v["custom"]
        for v in variations("utter_language_switched")
        if v.get("channel") == "socketio"
    }
    assert web == {True: {"data": {"language": "fr"}}, False: {"data": {"language": "en"}}}


def test_the_web_chat_shows_the_captcha_without_bare_addresses():
    for variation in variations("utter_captcha"):
        if variation.get("channel") == "socketio":
            assert (
                "{captcha_url}" not in variation["text"] and variation["image"] == "{captcha_url}"
            )
            assert "]({captcha_audio_url})" in variation["text"]


@pytest.mark.parametrize("language", ["fr", "en"])
def test_trust_question_buttons_reach_the_user_as_payloads_rasa_can_parse(language, caplog):
    import asyncio
    import logging

    from rasa.core.nlg import TemplatedNaturalLanguageGenerator
    from rasa.nlu.classifiers.regex_message_handler import RegexMessageHandler
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.events import SlotSet
    from rasa.shared.core.trackers import DialogueStateTracker
    from rasa.shared.nlu.training_data.message import Message

    domain = Domain.load(str(PROJECT_ROOT / "domain.yml"))
    tracker = DialogueStateTracker.from_events(
        "someone",
        [SlotSet("language", language), SlotSet("login_email", "lila@orange.fr")],
        domain.slots,
    )
    with caplog.at_level(logging.ERROR):
        message = asyncio.run(
            TemplatedNaturalLanguageGenerator(domain.responses).generate(
                "utter_ask_trust_question", tracker, "rest"
            )
        )
    payloads = [button["payload"] for button in message["buttons"]]
    assert payloads[0] == '/choose_trust_question{"trust_question": "nickname"}'
    parsed = RegexMessageHandler().process([Message({"text": payloads[2]})], domain)[0]
    assert parsed.get("intent")["name"] == "choose_trust_question"
    assert parsed.get("entities")[0]["value"] == "pet_name"
    assert not caplog.records  # Rasa logged an error, with every slot's value, for each button
