"""The published `rasa-webchat` widget (npm, botfront) against the real Rasa server and action
server, in Debian's Chromium driven by Playwright: a whole French registration and activation
through the widget, as a deployer who plugs it in instead of our page would see it.

The test page (tests/web/rasa_webchat/index.html) and the widget's standalone bundle are served
by the browser context itself under a path of the Rasa server's origin that the server does not
have (Playwright answers those requests from the files), so the widget talks to Rasa's socket.io
channel from the same origin, with the servers exactly as the other tests start them (they pass
no `--cors`). README.md, "Using rasa-webchat instead of our page", relies on what is checked here.
"""

from __future__ import annotations

import io
import json
import re
from urllib.parse import urlparse

import pytest
import requests
from playwright.sync_api import BrowserContext, Page, Route
from pypdf import PdfReader

from account.settings import PROJECT_ROOT
from harness.dialogue import PASSWORD
from harness.servers import MAKE_RUN_WORKERS, Assistant, running
from tests.conftest import activation_code_in, read_messages

pytestmark = [pytest.mark.browser, pytest.mark.servers]

PAGE_DIR = PROJECT_ROOT / "tests" / "web" / "rasa_webchat"
BUNDLE = PROJECT_ROOT / "web" / "node_modules" / "rasa-webchat" / "lib" / "index.js"
# Not a route of the Rasa server: the browser context answers it from these files.
PAGE_PATH = "/rasa-webchat-test/"
FILES = {
    "index.html": (PAGE_DIR / "index.html", "text/html; charset=utf-8"),
    "webchat.js": (BUNDLE, "text/javascript; charset=utf-8"),
}
STORAGE_KEY = "chat_session"  # the widget's key in the storage chosen by params.storage
REPLY_TIMEOUT_MS = 60_000
EMAIL = "lila.rosemonde@orange.fr"
# The widget's own bubbles only (its launcher repeats the last ones as a tooltip when closed).
IMAGES = ".rw-conversation-container img.rw-image-frame"
COUNT_BOT_MESSAGES_WITH = """([text]) => [...document.querySelectorAll(
    '.rw-conversation-container .rw-response')].filter(n => n.textContent.includes(text)).length"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory):
    # CAPTCHA enabled, as in production; the layout `make run` starts (several Rasa processes
    # behind the nginx front): the widget's default transports begin with long polling.
    with running(tmp_path_factory.mktemp("rasa-webchat"), workers=MAKE_RUN_WORKERS) as servers:
        yield servers


class Widget:
    """The widget as a user sees it: its bubbles, its text area, its quick replies."""

    def __init__(self, context: BrowserContext, page: Page, assistant: Assistant):
        self.context = context
        self.page = page
        self.assistant = assistant
        self.outside: list[str] = []  # requests to anything but the Rasa server
        self.images_seen = 0
        context.on("request", self._note_outside)

    def _note_outside(self, request) -> None:
        if not request.url.startswith(self.assistant.base_url):
            self.outside.append(request.url)

    def open(self) -> None:
        self.page.goto(f"{self.assistant.base_url}{PAGE_PATH}index.html")
        # The launcher shows once the socket is connected (hideWhenNotConnected).
        self.page.locator("button.rw-launcher").click(timeout=REPLY_TIMEOUT_MS)
        self.page.locator(".rw-conversation-container").wait_for()

    def bot_messages_with(self, text: str) -> int:
        return self.page.evaluate(COUNT_BOT_MESSAGES_WITH, [text])

    def wait_for_reply(self, expected: str, before: int) -> None:
        self.page.wait_for_function(
            f"([text, before]) => ({COUNT_BOT_MESSAGES_WITH})([text]) > before",
            arg=[expected, before],
            timeout=REPLY_TIMEOUT_MS,
        )

    def say(self, text: str, expected: str) -> None:
        """Type `text` in the widget's text area, press Enter, wait for `expected`."""
        before = self.bot_messages_with(expected)
        self.page.fill(".rw-new-message", text)
        self.page.press(".rw-new-message", "Enter")
        self.wait_for_reply(expected, before)

    def replies(self):
        return self.page.locator(".rw-conversation-container .rw-reply")

    def click(self, reply: str, expected: str) -> None:
        """Click one of the quick replies under the last message."""
        before = self.bot_messages_with(expected)
        self.replies().filter(has_text=reply).last.click()
        self.wait_for_reply(expected, before)

    def user_messages(self) -> list[str]:
        return self.page.locator(".rw-conversation-container .rw-client").all_inner_texts()

    def bot_text(self) -> str:
        return "\n".join(
            self.page.locator(".rw-conversation-container .rw-response").all_inner_texts()
        )

    def captcha_answer(self) -> str:
        """The widget shows the CAPTCHA as an image; its answer is read in the database."""
        # The image comes as a message of its own after the text that asks for it.
        self.page.wait_for_function(
            f"(n) => document.querySelectorAll('{IMAGES}').length > n",
            arg=self.images_seen,
            timeout=REPLY_TIMEOUT_MS,
        )
        self.images_seen = self.page.locator(IMAGES).count()
        image = self.page.locator(IMAGES).last
        self.page.wait_for_function(
            "(img) => img.complete && img.naturalWidth > 0", arg=image.element_handle()
        )
        src = image.get_attribute("src")
        assert src.startswith(f"{self.assistant.base_url}/webhooks/web/captcha/"), src
        return self.assistant.captcha_answer([{"image": src}])

    def stored(self, storage: str) -> str:
        return self.page.evaluate(f"JSON.stringify({storage})")

    def session_id(self) -> str:
        return json.loads(self.page.evaluate(f"sessionStorage.getItem('{STORAGE_KEY}')"))[
            "session_id"
        ]


def serve_test_page(route: Route) -> None:
    name = urlparse(route.request.url).path.rsplit("/", 1)[-1]
    if name not in FILES:
        route.fulfill(status=404, body="Not found")
        return
    path, content_type = FILES[name]
    route.fulfill(status=200, body=path.read_bytes(), content_type=content_type)


@pytest.fixture
def widget(assistant, browser):
    assert BUNDLE.is_file(), "web/node_modules is missing: `npm ci --prefix web`"
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.route(f"{assistant.base_url}{PAGE_PATH}*", serve_test_page)
    # The bundle's stylesheet imports a Google Fonts stylesheet: refused here (closed network).
    context.route("https://fonts.googleapis.com/**", lambda route: route.abort())
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    chat = Widget(context, page, assistant)
    chat.open()
    yield chat
    context.close()
    assert not errors, errors  # no script error in the page


def pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def test_french_registration_and_activation_through_rasa_webchat(widget, assistant):
    page = widget.page
    widget.wait_for_reply("Je peux vous expliquer la démarche", 0)  # initPayload "/greet"
    widget.say("Je veux créer mon espace professionnel", "conditions générales")

    # Our buttons are the widget's quick replies: clickable <div>s, not buttons (no Tab stop).
    accept = widget.replies().filter(has_text="J'accepte")
    assert accept.count() == 1
    assert accept.evaluate("(node) => [node.tagName, node.tabIndex]") == ["DIV", -1]
    widget.click("J'accepte", "Recopiez les 6 caractères")

    # The CAPTCHA: an image in the widget (with no text alternative), the audio version a link.
    answer = widget.captcha_answer()
    image = page.locator(IMAGES).last
    assert image.get_attribute("alt") is None
    # Its "Changer l'image" button is lost: the widget shows quick replies under the last
    # message only, and the image comes after the text that carries the button.
    assert widget.replies().count() == 0
    audio = page.locator(".rw-conversation-container .rw-response a", has_text="version audio")
    assert audio.last.get_attribute("href").endswith("/audio.wav")
    widget.say(answer, "identifiants")

    widget.say(EMAIL, "Confirmez l'adresse")
    widget.say(EMAIL, "Choisissez votre mot de passe")
    # Our masking signal (custom {input: secret}) is not shown and changes nothing: the password
    # is typed in the same plain text area and stays in the transcript as typed.
    for expected in ("Confirmez votre mot de passe", "Quel est votre nom"):
        assert page.evaluate("document.querySelector('.rw-new-message').tagName") == "TEXTAREA"
        widget.say(PASSWORD, expected)
        assert widget.user_messages()[-1] == PASSWORD

    widget.say(
        "Lila Rosemonde, 01 23 45 67 89, 12 rue de Longchamp 75016 Paris",
        "Choisissez votre question de confiance",
    )
    widget.click("Le prénom de votre conjoint(e) ?", "Votre réponse à la question")
    widget.say("Paul", "Récapitulatif de votre inscription")

    # A reload keeps the conversation (the widget's sessionStorage, Rasa's session_persistence).
    session_id = widget.session_id()
    said = widget.user_messages()
    page.reload()
    page.locator(".rw-conversation-container").wait_for(timeout=REPLY_TIMEOUT_MS)
    page.wait_for_function(
        "(n) => document.querySelectorAll('.rw-conversation-container .rw-client').length >= n",
        arg=len(said),
    )
    assert widget.session_id() == session_id
    assert widget.user_messages() == said
    widget.say("mon téléphone est 06 12 34 56 78", "Téléphone : 06 12 34 56 78")
    widget.say("valider", "Le code d'activation vient d'être envoyé")

    mails = [m for m in read_messages(assistant.outbox) if m["To"] == EMAIL]
    code = activation_code_in(mails[-1])
    widget.click("Activer maintenant", "Saisissez le code d'activation")
    widget.say(code, "Recopiez les 6 caractères")
    widget.say(widget.captcha_answer(), "Saisissez votre adresse électronique de connexion")
    widget.say(EMAIL, "sous le numéro")
    number = re.search(r"\b(\d{14})\b", widget.bot_text()).group(1)

    # The summary link is a link in the widget, opened in a new tab: without our page's
    # X-Conversation-Id header the server answers 404, as for any copied link.
    link = page.locator(
        ".rw-conversation-container .rw-response a", has_text="Télécharger le récapitulatif (PDF)"
    ).last
    href = link.get_attribute("href")
    assert href.startswith(f"{assistant.base_url}/webhooks/web/summary/"), href
    assert link.get_attribute("target") == "_blank"
    with widget.context.expect_event(
        "response", lambda response: "/webhooks/web/summary/" in response.url
    ) as opened:
        link.click()
    assert opened.value.status == 404
    # The same link with the conversation header, as our page fetches it: the PDF.
    download = requests.get(href, headers={"X-Conversation-Id": session_id}, timeout=30)
    assert download.status_code == 200 and download.content.startswith(b"%PDF")
    text = pdf_text(download.content)
    for value in (number, "ROSEMONDE", "06 12 34 56 78", "Paul"):
        assert value in text, value

    # The widget keeps the transcript as shown, password and activation code included, in this
    # tab's sessionStorage (params.storage "session"), and nothing of it in localStorage.
    session_storage, local_storage = widget.stored("sessionStorage"), widget.stored("localStorage")
    assert session_id in session_storage
    assert PASSWORD in session_storage and code in session_storage
    assert session_id not in local_storage and PASSWORD not in local_storage
    # Nothing but the Rasa server, except the Google Fonts stylesheet the widget's CSS imports.
    assert {urlparse(url).hostname for url in widget.outside} == {"fonts.googleapis.com"}


def test_the_assistant_switches_language_in_words_but_the_widget_stays_french(widget):
    widget.wait_for_reply("Je peux vous expliquer la démarche", 0)
    widget.say("in English please", "Sure, I will continue in English.")
    widget.say("I want to set up a professional account", "Do you acknowledge")
    assert widget.replies().filter(has_text="I accept").count() == 1
    # The widget's own texts are set once by the deployer: they do not follow.
    assert widget.page.get_attribute(".rw-new-message", "placeholder") == "Votre message"
    assert widget.page.get_attribute("html", "lang") == "fr"
