"""The widget on another site's page, in Debian's Chromium: a host page served from another
origin (another port) includes web/static/widget.js with one tag, under a strict
Content-Security-Policy of its own, against the servers in `make run`'s layout (several Rasa
processes behind the nginx front) with that origin in ALLOWED_ORIGINS.

A whole French registration and an English activation go through the widget, with a reload of
the host page in the middle; its accessibility (axe-core on the host page and in the chat, with
the widget open), the keyboard (focus kept in the dialog, Escape, focus given back) and its
width at 360 px are checked, and the screenshots of README.md are taken here.
"""

from __future__ import annotations

import re
import threading
import time
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Iterator

import pytest
import requests

from harness.dialogue import PASSWORD
from harness.servers import MAKE_RUN_WORKERS, Assistant, free_port, running
from tests.conftest import activation_code_in, read_messages
from tests.web.chat_page import ChatPage
from tests.web.test_web_chat import (
    AXE,
    ENGLISH,
    FRENCH,
    MASK,
    SCREENSHOTS,
    pdf_text,
    tracker_bytes,
)

pytestmark = [pytest.mark.browser, pytest.mark.servers]

HOST_PAGE = """<!doctype html>
<html lang="{language}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>{title}</title>
</head>
<body>
  <header><a href="#content">{skip}</a></header>
  <main id="content">
    <h1>{title}</h1>
    <p>{text}</p>
    <p><a href="#aide">{help}</a> <button type="button">{button}</button></p>
  </main>
  <script src="{assistant}/webhooks/web/widget.js" data-language="{language}" async></script>
</body>
</html>
"""
HOST_TEXTS = {
    "fr": {
        "title": "Votre espace professionnel (page hôte de test)",
        "skip": "Aller au contenu",
        "text": "Page d'un autre site, qui accueille l'assistant avec une seule balise.",
        "help": "Aide",
        "button": "Un bouton de la page",
    },
    "en": {
        "title": "Your professional account (test host page)",
        "skip": "Skip to content",
        "text": "A page of another site, which hosts the assistant with a single tag.",
        "help": "Help",
        "button": "A button of the page",
    },
}
# Stricter than most sites: no inline script or style at all.
HOST_CSP = (
    "default-src 'self'; script-src {assistant}; frame-src {assistant}; style-src 'self'; "
    "img-src 'self'; connect-src 'self'"
)
HOST_CONTROLS = tuple(HOST_TEXTS["fr"][key] for key in ("skip", "help", "button"))


class HostPages(SimpleHTTPRequestHandler):
    """/ (French host page) and /en (English), nothing else."""

    def __init__(self, *args, assistant: str, **kwargs):
        self.assistant = assistant
        super().__init__(*args, **kwargs)

    def do_GET(self):  # noqa: N802 (http.server's name)
        language = {"/": "fr", "/en": "en"}.get(self.path.split("?")[0])
        if language is None:
            self.send_error(404)
            return
        texts = HOST_TEXTS[language]
        body = HOST_PAGE.format(assistant=self.assistant, language=language, **texts).encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Security-Policy", HOST_CSP.format(assistant=self.assistant))
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def host_port() -> int:
    return free_port()


@pytest.fixture(scope="module")
def host_origin(host_port) -> str:
    """Another origin of the same site, as a subdomain of the tax site would be."""
    return f"http://127.0.0.1:{host_port}"


@pytest.fixture(scope="module")
def other_site(host_port) -> str:
    """The same pages under another host name: another site, whose iframes browsers deny storage."""
    return f"http://localhost:{host_port}"


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, host_origin, other_site):
    with running(
        tmp_path_factory.mktemp("widget"),
        workers=MAKE_RUN_WORKERS,
        settings={"ALLOWED_ORIGINS": f"{host_origin} {other_site}"},
    ) as servers:
        yield servers


@pytest.fixture(scope="module")
def host_site(assistant, host_port, host_origin) -> Iterator[str]:
    handler = partial(HostPages, assistant=assistant.base_url)
    server = ThreadingHTTPServer(("127.0.0.1", host_port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield host_origin
    finally:
        server.shutdown()


class WidgetChat(ChatPage):
    """The chat inside the widget's iframe; `top` is the host page around it."""

    def __init__(self, top, database: Path, assistant: Assistant):
        self.top = top
        self.database = database
        self.assistant = assistant

    @property
    def page(self):  # the iframe's document, found again after a reload (waited for a while)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            for frame in self.top.frames:
                if frame.url.startswith(f"{self.assistant.base_url}/webhooks/web/?"):
                    return frame
            self.top.wait_for_timeout(100)
        raise AssertionError("the widget's chat is not open")

    def open(self) -> None:
        self.top.locator("button.launcher").click()
        self.top.locator("dialog iframe").wait_for()
        self.wait_until("() => document.querySelector('main.chat').dataset.transport")

    def dialog_open(self) -> bool:
        return self.top.evaluate(WIDGET_STATE)["open"]


WIDGET_STATE = """() => {
    const host = document.querySelector('[data-professional-account-chat]');
    const root = host.shadowRoot;
    const active = document.activeElement;
    return {
        open: root.querySelector('dialog').open,
        expanded: root.querySelector('.launcher').getAttribute('aria-expanded'),
        launcherLabel: root.querySelector('.launcher').textContent,
        hostFocused: active === host,
        focusedInShadow: root.activeElement ? root.activeElement.tagName : null,
        focusedOnPage: active && active !== host && active !== document.body
            ? (active.textContent || active.tagName).trim() : null,
    };
}"""


@contextmanager
def host_page(browser, site: str, assistant: Assistant, path: str = "/", **context_options):
    context = browser.new_context(
        viewport=context_options.pop("viewport", {"width": 1280, "height": 900}),
        accept_downloads=True,
    )
    top = context.new_page()
    errors: list[str] = []
    top.on("pageerror", lambda error: errors.append(str(error)))
    outside: list[str] = []
    context.on(
        "request",
        lambda request: (
            None
            if request.url.startswith((site, assistant.base_url))
            else outside.append(request.url)
        ),
    )
    top.goto(f"{site}{path}")
    top.locator("button.launcher").wait_for()
    try:
        yield WidgetChat(top, assistant.database, assistant)
    finally:
        context.close()
    assert not errors, errors  # no script error on the host page nor in the widget
    assert outside == []  # no request to a third party


def axe_violations(target) -> list[str]:
    """Serious and critical violations found by axe-core in a page or a frame."""
    target.evaluate(AXE.read_text(encoding="utf-8"))
    result = target.evaluate("() => axe.run(document, { iframes: false })")
    return [
        f"{v['id']} ({v['impact']}): {v['help']}"
        for v in result["violations"]
        if v["impact"] in ("critical", "serious")
    ]


def test_french_registration_then_english_activation_through_the_widget(
    browser, host_site, assistant, tmp_path
):
    with host_page(browser, host_site, assistant) as chat:
        top = chat.top
        assert chat.top.evaluate(WIDGET_STATE)["launcherLabel"].startswith("Créer votre espace")
        chat.open()
        chat.wait_for_reply(FRENCH.greeting, 0)
        assert chat.page.get_attribute("html", "lang") == "fr"
        assert chat.page.locator("#close-chat").is_visible()

        chat.say(*FRENCH.start)
        chat.click(*FRENCH.accept)
        assert chat.page.locator("img.captcha").get_attribute("alt").startswith("Image CAPTCHA")
        assert chat.page.locator("audio").count() >= 1  # the CAPTCHA's audio version
        assert axe_violations(top) == [] and axe_violations(chat.page) == []
        chat.say(chat.captcha_answer(), FRENCH.after_captcha)
        chat.say(FRENCH.email, FRENCH.confirm_email)
        chat.say(FRENCH.email, FRENCH.ask_password)
        for expected in (FRENCH.confirm_password, FRENCH.ask_surname):
            chat.page.wait_for_selector("#message[type=password]")
            chat.say(PASSWORD, expected)
            assert MASK in chat.user_messages()[-1]
        assert chat.page.get_attribute("#message", "type") == "text"
        chat.say(*FRENCH.details)
        chat.click(*FRENCH.trust_button)

        # The host page reloaded in the middle: the widget opens again on the same conversation.
        session_id = chat.session_id()
        said = chat.user_messages()
        top.reload()
        top.locator("dialog iframe").wait_for()
        chat.wait_until("() => document.querySelectorAll('.message').length > 0")
        assert chat.session_id() == session_id and chat.user_messages() == said
        chat.say(*FRENCH.trust_answer)
        chat.say(*FRENCH.confirm)
        mails = [m for m in read_messages(assistant.outbox) if m["To"] == FRENCH.email]
        code = activation_code_in(mails[-1])

        # The language switch of the chat, to English: the launcher follows.
        before = chat.bot_messages_with("Sure, I will continue in English.")
        chat.page.click("#language-switch")
        chat.wait_for_reply("Sure, I will continue in English.", before)
        assert chat.page.get_attribute("html", "lang") == "en"
        chat.top.wait_for_function(
            "() => document.querySelector('[data-professional-account-chat]').shadowRoot"
            ".querySelector('.launcher').textContent.startsWith('Create your')"
        )
        chat.click(*ENGLISH.activate_now)
        chat.say(code, ENGLISH.after_code)
        chat.say(chat.captcha_answer(), ENGLISH.ask_activation_email)
        chat.say(FRENCH.email, ENGLISH.activated)
        number = re.search(r"\b(\d{14})\b", chat.transcript_text()).group(1)

        # The summary PDF, downloaded from inside the widget.
        with top.expect_download() as download:
            chat.page.get_by_role("link", name=ENGLISH.download).click()
        saved = tmp_path / download.value.suggested_filename
        download.value.save_as(saved)
        assert saved.name == f"recapitulatif-{number}.pdf"
        text = pdf_text(saved.read_bytes())
        for value in (number, "ROSEMONDE", "01 23 45 67 89", "Paul"):
            assert value in text, value

        # And back to French, both ways.
        chat.page.click("#language-switch")
        chat.wait_until("() => document.documentElement.lang === 'fr'")
        assert axe_violations(top) == [] and axe_violations(chat.page) == []

        # No secret in the host page, in either document's storage, or in the tracker store.
        assert PASSWORD not in top.content() and PASSWORD not in chat.page.content()
        for target in (top, chat.page):
            stored = target.evaluate(
                "JSON.stringify(sessionStorage) + JSON.stringify(localStorage)"
            )
            assert PASSWORD not in stored
        assert "chat.transcript" not in top.evaluate("JSON.stringify(sessionStorage)")
        store = tracker_bytes(assistant)
        assert PASSWORD.encode() not in store and code.encode() not in store


def test_keyboard_focus_stays_in_the_dialog_escape_closes_and_focus_returns(
    browser, host_site, assistant
):
    with host_page(browser, host_site, assistant) as chat:
        top = chat.top
        launcher = top.locator("button.launcher")
        launcher.focus()
        top.keyboard.press("Enter")  # opened with the keyboard
        chat.wait_until("() => document.querySelector('main.chat').dataset.transport")
        chat.wait_until("() => document.activeElement && document.activeElement.id === 'message'")
        state = top.evaluate(WIDGET_STATE)
        assert state["open"] and state["expanded"] == "true" and state["hostFocused"]

        # Tab and Shift+Tab go round the chat's controls, never to the host page's.
        reached = set()
        for key in ["Tab"] * 14 + ["Shift+Tab"] * 14:
            top.keyboard.press(key)
            assert top.evaluate(WIDGET_STATE)["focusedOnPage"] not in HOST_CONTROLS
            reached.add(chat.page.evaluate("document.activeElement.id"))
        assert {"message", "send", "language-switch", "close-chat"} <= reached, reached

        # Escape inside the chat closes the dialog and gives the focus back to the launcher.
        chat.page.focus("#message")
        top.keyboard.press("Escape")
        top.wait_for_function(
            "() => !document.querySelector('[data-professional-account-chat]')"
            ".shadowRoot.querySelector('dialog').open"
        )
        state = top.evaluate(WIDGET_STATE)
        assert state["expanded"] == "false" and state["focusedInShadow"] == "BUTTON"

        # Opened again: the same conversation; the close button closes it too.
        top.keyboard.press("Enter")
        chat.wait_for_reply(FRENCH.greeting, 0)
        assert chat.dialog_open()
        assert chat.bot_messages_with(FRENCH.greeting) == 1  # not greeted twice
        chat.page.click("#close-chat")
        top.wait_for_function(
            "() => !document.querySelector('[data-professional-account-chat]')"
            ".shadowRoot.querySelector('dialog').open"
        )
        assert top.evaluate(WIDGET_STATE)["focusedInShadow"] == "BUTTON"


def test_the_widget_at_360_and_1280_pixels_on_an_english_host_page(browser, host_site, assistant):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with host_page(browser, host_site, assistant, "/en") as chat:
        top = chat.top
        top.screenshot(path=str(SCREENSHOTS / "widget-closed-1280.png"))
        chat.open()
        chat.wait_for_reply(ENGLISH.greeting, 0)  # the host page's language
        assert chat.page.get_attribute("html", "lang") == "en"
        chat.say(*ENGLISH.start)
        top.screenshot(path=str(SCREENSHOTS / "widget-1280.png"))
        top.set_viewport_size({"width": 360, "height": 740})
        box = top.locator("dialog").bounding_box()
        assert box["width"] <= 360 and box["x"] >= 0
        assert chat.page.evaluate("document.documentElement.scrollWidth") <= 360
        top.screenshot(path=str(SCREENSHOTS / "widget-360.png"))
        assert axe_violations(top) == [] and axe_violations(chat.page) == []


def test_only_the_allowed_origins_may_embed_the_chat_or_open_a_socket(assistant, host_origin):
    page = requests.get(f"{assistant.base_url}/webhooks/web/", timeout=10)
    policy = page.headers["Content-Security-Policy"]
    assert f"frame-ancestors 'self' {host_origin} http://localhost:" in policy
    assert "*" not in policy
    widget = requests.get(f"{assistant.base_url}/webhooks/web/widget.js", timeout=10)
    assert widget.status_code == 200 and "javascript" in widget.headers["Content-Type"]
    handshake = f"{assistant.base_url}/socket.io/?EIO=4&transport=polling"
    allowed = requests.get(handshake, headers={"Origin": host_origin}, timeout=10)
    assert allowed.status_code == 200
    assert allowed.headers["Access-Control-Allow-Origin"] == host_origin
    other = requests.get(handshake, headers={"Origin": "https://another.example"}, timeout=10)
    assert other.status_code == 400 and "Access-Control-Allow-Origin" not in other.headers
    # The REST channel: CORS for the allowed origin only.
    rest = f"{assistant.base_url}/webhooks/rest/webhook"
    for origin, expected in ((host_origin, host_origin), ("https://another.example", None)):
        preflight = requests.options(rest, headers={"Origin": origin}, timeout=10)
        assert preflight.headers.get("Access-Control-Allow-Origin") == expected
        said = requests.post(
            rest, json={"sender": "cors", "message": "bonjour"}, headers={"Origin": origin}
        )
        assert said.status_code == 200 and said.json()
        assert said.headers.get("Access-Control-Allow-Origin") == expected


def test_on_another_site_the_chat_works_without_storage(browser, host_site, other_site, assistant):
    """Browsers that block third-party storage deny it to the chat framed by another site: it
    keeps its state in memory and the conversation goes on (a reload starts a new one)."""
    with host_page(browser, other_site, assistant) as chat:
        chat.open()
        chat.wait_for_reply(FRENCH.greeting, 0)
        chat.say(*FRENCH.start)
        chat.click(*FRENCH.accept)
        assert chat.page.locator("img.captcha").count() == 1
