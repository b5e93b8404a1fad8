"""The sites allowed to embed the chat and call the assistant: one setting, followed by the chat
page's CSP, socket.io's origin check and the REST channel's CORS (no server started here)."""

import pytest

from account.settings import Settings
from web.channel import page_headers
from web.rest import cors_headers
from web.socketio import origin_check

SITE = "https://www.impots.gouv.fr"


def settings(origins: str) -> Settings:
    return Settings.from_mapping({"ALLOWED_ORIGINS": origins})


def test_origins_are_read_from_a_list_separated_by_spaces_or_commas():
    assert settings(f"{SITE}/, http://localhost:8080 {SITE}").allowed_origins == (
        SITE,
        "http://localhost:8080",
    )
    assert settings("").allowed_origins == () == Settings().allowed_origins


@pytest.mark.parametrize("wrong", ["*", "https://*.gouv.fr", "www.impots.gouv.fr", f"{SITE}/page"])
def test_anything_but_an_exact_origin_is_refused(wrong):
    with pytest.raises(ValueError, match="ALLOWED_ORIGINS"):
        settings(wrong)


def test_the_chat_page_may_be_framed_by_the_allowed_sites_only():
    assert "frame-ancestors 'self';" in page_headers(Settings())["Content-Security-Policy"]
    policy = page_headers(settings(SITE))["Content-Security-Policy"]
    assert f"frame-ancestors 'self' {SITE};" in policy and "*" not in policy


def test_socketio_accepts_its_own_origin_and_the_allowed_ones():
    allowed = origin_check(settings(SITE))
    behind_the_front = {
        "HTTP_HOST": "assistant.impots.gouv.fr",
        "wsgi.url_scheme": "http",
        "HTTP_X_FORWARDED_PROTO": "https",
    }
    assert allowed("https://assistant.impots.gouv.fr", behind_the_front)
    assert allowed(SITE, behind_the_front)
    assert not allowed("https://evil.example", behind_the_front)
    assert not allowed("https://www.impots.gouv.fr.evil.example", behind_the_front)
    assert not origin_check(Settings())(SITE, behind_the_front)


def test_the_rest_channel_answers_cors_to_the_allowed_origins_only():
    assert cors_headers(SITE, (SITE,))["Access-Control-Allow-Origin"] == SITE
    assert cors_headers("https://evil.example", (SITE,)) == {}
    assert cors_headers(None, (SITE,)) == {}
