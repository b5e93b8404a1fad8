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
        french = [v for v in variations(name) if v.get("channel") == channel and "condition" not in v]
        english = [v for v in variations(name) if v.get("channel") == channel and v.get("condition") == ENGLISH]
        assert french and english, f"{name} ({channel or 'any channel'})"
        assert len(french) == len(english)
        for fr, en in zip(french, english):
            assert fr["text"] != en["text"]
            assert [b["payload"] for b in fr.get("buttons", [])] == [b["payload"] for b in en.get("buttons", [])]
            assert ("image" in fr) == ("image" in en)


@pytest.mark.parametrize("name", ["utter_ask_password", "utter_ask_password_confirmation"])
def test_the_web_chat_masks_its_input_for_the_password(name):
    web = [v for v in variations(name) if v.get("channel") == "socketio"]
    assert len(web) == 2 and all(v["custom"] == {"data": {"input": "secret"}} for v in web)
    assert all("custom" not in v for v in variations(name) if v.get("channel") != "socketio")


def test_the_activation_code_is_not_masked():
    assert all("custom" not in v for v in variations("utter_ask_activation_code"))


def test_the_web_page_follows_a_language_switch():
    web = {v.get("condition") is None: v["custom"] for v in variations("utter_language_switched")
           if v.get("channel") == "socketio"}
    assert web == {True: {"data": {"language": "fr"}}, False: {"data": {"language": "en"}}}


def test_the_web_chat_shows_the_captcha_without_bare_addresses():
    for variation in variations("utter_captcha"):
        if variation.get("channel") == "socketio":
            assert "{captcha_url}" not in variation["text"] and variation["image"] == "{captcha_url}"
            assert "]({captcha_audio_url})" in variation["text"]
