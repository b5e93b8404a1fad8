"""The web chat in a real browser (Debian's Chromium driven by Playwright), against the real
Rasa server and action server: a whole registration and activation in French and in English."""

from __future__ import annotations

import io
import re
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import pytest
import requests
from pypdf import PdfReader

from account.settings import PROJECT_ROOT
from harness.dialogue import PASSWORD
from harness.servers import Assistant, running
from tests.conftest import activation_code_in, read_messages
from tests.web.chat_page import ChatPage

pytestmark = [pytest.mark.browser, pytest.mark.servers]

AXE = PROJECT_ROOT / "web" / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = PROJECT_ROOT / "docs" / "screenshots"
MASK = "••••••••"


@dataclass(frozen=True)
class Script:
    """What a user types and reads, in one language."""

    language: str
    email: str
    greeting: str
    start: tuple[str, str]
    accept: tuple[str, str]
    after_captcha: str
    confirm_email: str
    ask_password: str
    confirm_password: str
    ask_surname: str
    details: tuple[str, str]
    answers: tuple[tuple[str, str], ...]
    trust_button: tuple[str, str]
    trust_answer: tuple[str, str]
    correction: tuple[str, str]
    confirm: tuple[str, str]
    activate_now: tuple[str, str]
    after_code: str
    ask_activation_email: str
    activated: str
    download: str
    in_pdf: tuple[str, ...]


FRENCH = Script(
    "fr",
    "lila.rosemonde@orange.fr",
    "Je peux vous expliquer la démarche",
    ("Je veux créer mon espace professionnel", "conditions générales"),
    ("J'accepte", "Recopiez les 6 caractères"),
    "identifiants",
    "Confirmez l'adresse",
    "Choisissez votre mot de passe",
    "Confirmez votre mot de passe",
    "Quel est votre nom",
    (
        "Lila Rosemonde, 01 23 45 67 89, 12 rue de Longchamp 75016 Paris",
        "Choisissez votre question de confiance",
    ),
    (),  # a whole French address: neither the complement nor the country is asked
    ("Le prénom de votre conjoint(e) ?", "Votre réponse à la question"),
    ("Paul", "Récapitulatif de votre inscription"),
    ("mon téléphone est 06 12 34 56 78", "Téléphone : 06 12 34 56 78"),
    ("valider", "Le code d'activation vient d'être envoyé"),
    ("Activer maintenant", "Saisissez le code d'activation"),
    "Recopiez les 6 caractères",
    "Saisissez votre adresse électronique de connexion",
    "sous le numéro",
    "Télécharger le récapitulatif (PDF)",
    ("RECAPITULATIF DE VOS DONNEES PERSONNELLES", "ROSEMONDE", "06 12 34 56 78", "Paul"),
)
ENGLISH = Script(
    "en",
    "ann.smith@example.co.uk",
    "I am the assistant",
    ("I want to set up a professional account", "Do you acknowledge"),
    ("I accept", "Type the 6 characters"),
    "login details",
    "Please confirm the login email",
    "Choose your login password",
    "Please confirm your password",
    "What is your surname",
    ("SMITH Ann, +44 20 7946 0958, 3 Baker Street, London", "address complement"),
    (
        ("skip", "What is your postcode"),
        ("SW1A 1AA", "What is your country"),
        ("United Kingdom", "Choose your trust question"),
    ),
    ("Your spouse's or partner's first name?", "Your answer to the question"),
    ("Max", "Summary of your registration"),
    ("my city is Manchester", "City: Manchester"),
    ("confirm", "The activation code has just been sent"),
    ("Activate now", "Enter the activation code"),
    "Type the 6 characters",
    "Enter your login email address",
    "under the number",
    "Download the summary (PDF)",
    ("SUMMARY OF YOUR PERSONAL DATA", "SMITH", "Manchester", "UNITED KINGDOM", "Max"),
)


@pytest.fixture(scope="module")
def assistant(tmp_path_factory):
    with running(tmp_path_factory.mktemp("web-chat")) as servers:
        yield servers


@contextmanager
def chat_page(assistant, browser, init_script: str | None = None) -> Iterator[ChatPage]:
    """The chat page in a new browser context (with `init_script` run before the page's own)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    if init_script:
        context.add_init_script(init_script)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{assistant.base_url}/webhooks/web/")
    try:
        yield ChatPage(page, assistant.database)
    finally:
        context.close()
    assert not errors, errors  # no script error in the page


@pytest.fixture
def chat(assistant, browser):
    with chat_page(assistant, browser) as page:
        yield page


def transport(chat: ChatPage) -> str | None:
    """The socket.io transport the page is connected through (set by the page on connection)."""
    return chat.page.get_attribute("main.chat", "data-transport")


def serious_accessibility_violations(chat: ChatPage) -> list[str]:
    chat.page.evaluate(
        AXE.read_text(encoding="utf-8")
    )  # not a <script>: the page's CSP forbids inline ones
    result = chat.page.evaluate("() => axe.run(document)")
    return [
        f"{v['id']} ({v['impact']}): {v['help']}"
        for v in result["violations"]
        if v["impact"] in ("critical", "serious")
    ]


def tracker_bytes(assistant: Assistant) -> bytes:
    files = assistant.tracker_database.parent.glob(assistant.tracker_database.name + "*")
    return b"".join(f.read_bytes() for f in files)  # the database and its WAL


def pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def register_and_activate(
    chat: ChatPage, assistant: Assistant, script: Script, tmp_path: Path
) -> None:
    page = chat.page
    chat.say(*script.start)
    chat.click(*script.accept)
    assert not serious_accessibility_violations(chat)  # with the CAPTCHA image and buttons
    chat.say(chat.captcha_answer(), script.after_captcha)
    chat.say(script.email, script.confirm_email)
    chat.say(script.email, script.ask_password)

    # The password: a masked field, dots in the transcript, twice.
    for expected in (script.confirm_password, script.ask_surname):
        page.wait_for_selector("#message[type=password]")
        assert page.locator("#message-label").inner_text() != ""
        chat.say(PASSWORD, expected)
        assert MASK in chat.user_messages()[-1]
    assert page.get_attribute("#message", "type") == "text"  # back to normal afterwards

    chat.say(*script.details)  # several fields in one message
    for answer in script.answers:
        chat.say(*answer)
    chat.click(*script.trust_button)
    chat.say(*script.trust_answer)

    # A reload keeps the conversation: same id, same transcript, and it goes on.
    session_id = chat.session_id()
    said, summary = chat.user_messages(), chat.last_bot_text()
    page.reload()
    chat.wait_until("() => document.querySelectorAll('.message').length > 0")
    assert chat.session_id() == session_id
    assert chat.user_messages() == said and chat.last_bot_text() == summary
    spent = {"fr": "(image utilisée ou expirée)", "en": "(image used or expired)"}[script.language]
    assert spent in chat.transcript_text()  # the CAPTCHA of step 1 was single use

    chat.say(*script.correction)
    chat.say(*script.confirm)
    mails = [m for m in read_messages(assistant.outbox) if m["To"] == script.email]
    code = activation_code_in(mails[-1])
    chat.click(*script.activate_now)
    chat.say(code, script.after_code)
    assert code in chat.user_messages()[-1]  # the activation code is not masked
    chat.say(chat.captcha_answer(), script.ask_activation_email)
    chat.say(script.email, script.activated)
    number = re.search(r"\b(\d{14})\b", chat.last_bot_text() + chat.transcript_text()).group(1)

    # The summary PDF: downloaded by the page, for this conversation only.
    link = page.get_by_role("link", name=script.download)
    with page.expect_download() as download:
        link.click()
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    assert saved.name == f"recapitulatif-{number}.pdf"
    text = pdf_text(saved.read_bytes())
    for value in (number, *script.in_pdf):
        assert value in text, value
    url = f"{assistant.base_url}{link.get_attribute('href')}"
    assert requests.get(url, timeout=10).status_code == 404  # a copied link alone
    assert (
        requests.get(url, headers={"X-Conversation-Id": "someone-else"}, timeout=10).status_code
        == 404
    )
    assert (
        requests.get(url, headers={"X-Conversation-Id": session_id}, timeout=10).status_code == 200
    )

    # The password is nowhere in the page nor in the tracker store.
    assert PASSWORD not in page.content()
    assert PASSWORD not in page.evaluate(
        "JSON.stringify(sessionStorage) + JSON.stringify(localStorage)"
    )
    stored = tracker_bytes(assistant)
    assert session_id.encode() in stored  # the right store
    assert PASSWORD.encode() not in stored and PASSWORD.encode("utf-16-le") not in stored
    assert code.encode() not in stored
    assert not serious_accessibility_violations(chat)


def test_french_registration_and_activation_in_the_browser(chat, assistant, tmp_path):
    chat.wait_for_reply(FRENCH.greeting, 0)  # the page opens with the assistant's greeting
    assert transport(chat) == "websocket"
    assert chat.page.get_attribute("html", "lang") == "fr"
    assert chat.page.locator("#message-label").inner_text() == "Votre message"
    register_and_activate(chat, assistant, FRENCH, tmp_path)
    assert transport(chat) == "websocket"  # after a reload too, and to the end


def test_english_registration_and_activation_in_the_browser(chat, assistant, tmp_path):
    chat.wait_for_reply(FRENCH.greeting, 0)
    before = chat.bot_messages_with("Sure, I will continue in English.")
    chat.page.click("#language-switch")
    assert chat.page.get_attribute("html", "lang") == "en"
    assert chat.page.locator("#message-label").inner_text() == "Your message"
    assert chat.page.locator("#language-switch").inner_text() == "Français"
    chat.wait_for_reply("Sure, I will continue in English.", before)
    register_and_activate(chat, assistant, ENGLISH, tmp_path)


# Where WebSocket cannot be used, as the page meets it: the upgrade refused on the way (a proxy
# answering it with an error: here the browser's WebSocket is sent to a path that answers 404),
# or no WebSocket in the browser at all.
WEBSOCKET_BLOCKED = {
    "refused": """(() => {
        const RealWebSocket = window.WebSocket;
        window.WebSocket = function (url, protocols) {
            return new RealWebSocket(String(url).replace("/socket.io/", "/no-websocket/"), protocols);
        };
        window.WebSocket.prototype = RealWebSocket.prototype;
        Object.assign(window.WebSocket, { CONNECTING: 0, OPEN: 1, CLOSING: 2, CLOSED: 3 });
    })();""",
    "absent": "delete window.WebSocket;",
}


@pytest.mark.parametrize("blocked", WEBSOCKET_BLOCKED)
def test_without_websocket_the_page_talks_by_long_polling(assistant, browser, blocked):
    with chat_page(assistant, browser, WEBSOCKET_BLOCKED[blocked]) as chat:
        chat.wait_for_reply(FRENCH.greeting, 0)
        assert transport(chat) == "polling"
        chat.say(*FRENCH.start)
        chat.click(*FRENCH.accept)
        chat.say(chat.captcha_answer(), FRENCH.after_captcha)
        chat.say(f"sans.websocket.{blocked}@exemple.fr", FRENCH.confirm_email)
        assert transport(chat) == "polling"  # no upgrade got through either


def test_the_assistant_language_switch_moves_the_page_too(chat):
    chat.wait_for_reply(FRENCH.greeting, 0)
    chat.say("in English please", "Sure, I will continue in English.")
    chat.wait_until("() => document.documentElement.lang === 'en'")
    assert chat.page.locator("#send").inner_text() == "Send"
    chat.page.click("#language-switch")  # and back, from the page
    chat.wait_for_reply("Très bien, je continue en français.", 0)
    assert chat.page.get_attribute("html", "lang") == "fr"


def test_every_control_is_reached_and_used_with_the_keyboard(chat):
    chat.wait_for_reply(FRENCH.greeting, 0)
    focused = []
    for _ in range(12):
        chat.page.keyboard.press("Tab")
        focused.append(
            chat.page.evaluate(
                "document.activeElement.id || document.activeElement.textContent.trim()"
            )
        )
    for control in (
        "language-switch",
        "new-conversation",
        "transcript",
        "Créer mon espace",
        "message",
        "send",
    ):
        assert control in focused, (control, focused)
    # A suggested answer chosen with the keyboard alone.
    before = chat.bot_messages_with("conditions générales")
    chat.page.locator(".choices button", has_text="Créer mon espace").focus()
    chat.page.keyboard.press("Enter")
    chat.wait_for_reply("conditions générales", before)


def test_screenshots_at_1280_and_360_pixels(chat):
    chat.wait_for_reply(FRENCH.greeting, 0)
    chat.say(*FRENCH.start)
    chat.click(*FRENCH.accept)
    chat.captcha_answer()  # the image has loaded
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    chat.page.screenshot(path=str(SCREENSHOTS / "web-chat-1280.png"))
    chat.page.set_viewport_size({"width": 360, "height": 740})
    assert chat.page.evaluate("document.documentElement.scrollWidth") <= 360  # no sideways scroll
    chat.page.screenshot(path=str(SCREENSHOTS / "web-chat-360.png"))
    assert not serious_accessibility_violations(chat)


def test_the_page_and_its_files_and_nothing_else(assistant):
    base = f"{assistant.base_url}/webhooks/web"
    page = requests.get(f"{base}/", timeout=10)
    assert page.status_code == 200 and "text/html" in page.headers["Content-Type"]
    assert "default-src 'self'" in page.headers["Content-Security-Policy"]
    for name in ("chat.js", "chat.css", "socket.io.min.js"):
        assert requests.get(f"{base}/static/{name}", timeout=10).status_code == 200
    for name in ("../channel.py", "index.html", "..%2Fchannel.py", "package.json"):
        assert requests.get(f"{base}/static/{name}", timeout=10).status_code == 404
