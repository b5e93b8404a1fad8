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
