"""Every response of the domain exists in each language (French the default)."""

import re

import pytest
import yaml

from account.coverage import responses_without
from account.settings import PROJECT_ROOT
from languages import LANGUAGES

DOMAIN = yaml.safe_load((PROJECT_ROOT / "domain.yml").read_text(encoding="utf-8"))
ENGLISH = [{"type": "slot", "name": "language", "value": "en"}]


def variations(name):
    return DOMAIN["responses"][name]


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_response_has_a_variation_in_each_language(language):
    assert responses_without(DOMAIN, language) == []


def test_a_missing_variation_is_seen():
    domain = {"responses": {"utter_x": [{"text": "Bonjour"}], "utter_y": [{"text": "Oui"}]}}
    domain["responses"]["utter_y"].append({"condition": ENGLISH, "text": "Yes"})
    assert responses_without(domain, "en") == ["utter_x (any channel)"]


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


@pytest.mark.parametrize("slot", ["password", "password_confirmation"])
@pytest.mark.parametrize("channel", ["socketio", "rest", "cmdline"])
def test_the_web_chat_masks_its_input_for_the_password(slot, channel):
    import asyncio

    from rasa_sdk import Tracker
    from rasa_sdk.executor import CollectingDispatcher

    from actions.questions import ActionAskPassword, ActionAskPasswordConfirmation

    action = {"password": ActionAskPassword, "password_confirmation": ActionAskPasswordConfirmation}
    tracker = Tracker(
        "someone", {}, {}, [{"event": "user", "input_channel": channel}], False, None, {}, None
    )
    dispatcher = CollectingDispatcher()
    assert asyncio.run(action[slot]().run(dispatcher, tracker, DOMAIN)) == []
    [message] = dispatcher.messages
    assert message["response"] == f"utter_ask_{slot}"
    masked = {"data": {"input": "secret"}} if channel == "socketio" else None
    assert message["custom"] == (masked or {})
    assert all("custom" not in v for v in variations(message["response"]))


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


# Settings and rules reach the responses as values (slots set at session start), never literals.
QUOTED = ("activation_ttl_hours", "password_min_length", "hotline")


def every_variation_text(domain: dict):
    for name, variations in domain["responses"].items():
        for variation in variations:
            yield name, variation.get("text", "")


def test_no_response_writes_a_setting_as_a_literal():
    domain = yaml.safe_load((PROJECT_ROOT / "domain.yml").read_text())
    for name, text in every_variation_text(domain):
        for literal in ("48 h", "48-h", "20 caract", "20 char", "0809"):
            assert literal not in text, f"{name} writes {literal!r}"
    for slot in QUOTED:
        assert slot in domain["slots"]


def test_every_response_quotes_the_settings_it_is_given(tmp_path):
    """Every response, rendered as Rasa renders it with the values a 24-hour setting gives."""
    from rasa.core.nlg.interpolator import interpolate_text

    from account.service import AccountService
    from account.settings import Settings

    service = AccountService(
        Settings(activation_ttl_hours=24, database_url=f"sqlite:///{tmp_path / 'a.db'}")
    )
    values = service.response_values()
    assert values["activation_ttl_hours"] == "24" and values["password_min_length"] == "20"
    domain = yaml.safe_load((PROJECT_ROOT / "domain.yml").read_text())
    quoting = 0
    for name, text in every_variation_text(domain):
        placeholders = {name: "x" for name in re.findall(r"{(\w+)}", text)}
        rendered = interpolate_text(text, {**placeholders, **values})
        for slot in QUOTED:
            assert "{" + slot + "}" not in rendered, name
        if "{activation_ttl_hours}" in text:
            quoting += 1
            assert "24" in rendered and "48" not in rendered, name
    assert quoting >= 17  # the deadline is quoted in both languages of every response naming it


def test_trust_question_buttons_come_from_the_rule(caplog):
    from rasa.nlu.classifiers.regex_message_handler import RegexMessageHandler
    from rasa.shared.core.domain import Domain
    from rasa.shared.nlu.training_data.message import Message

    from account.rules.trust import TRUST_QUESTIONS, trust_question_label
    from actions.questions import trust_question_buttons

    domain = Domain.load(str(PROJECT_ROOT / "domain.yml"))
    for language in LANGUAGES:
        buttons = trust_question_buttons(language)
        assert [b["title"] for b in buttons] == [
            trust_question_label(code, language) for code in TRUST_QUESTIONS
        ]
        payloads = [button["payload"] for button in buttons]
        assert payloads[0] == '/choose_trust_question{"trust_question": "nickname"}'
        parsed = RegexMessageHandler().process([Message({"text": payloads[2]})], domain)[0]
        assert parsed.get("intent")["name"] == "choose_trust_question"
        assert parsed.get("entities")[0]["value"] == "pet_name"
