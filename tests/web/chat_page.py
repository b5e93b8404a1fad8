"""Drive the web chat in Debian's Chromium with Playwright (no browser download)."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from playwright.sync_api import Page

CHROMIUM = "/usr/bin/chromium"
# The flags that work on this closed network (see the machine's notes): no background requests.
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
REPLY_TIMEOUT_S = 60
COUNT_BOT_MESSAGES_WITH = """(text) => [...document.querySelectorAll('.message.bot')]
    .filter(node => node.textContent.includes(text)).length"""


class ChatPage:
    """The page, as a user sees it: a transcript, an input, buttons."""

    def __init__(self, page: Page, database: Path):
        self.page = page
        self.database = database

    def bot_messages_with(self, text: str) -> int:
        return self.page.evaluate(COUNT_BOT_MESSAGES_WITH, text)

    def wait_until(self, function: str, arg=None) -> None:
        """Poll a JavaScript function until it returns true. (Playwright's wait_for_function
        evaluates strings in the page, which the page's Content-Security-Policy forbids.)"""
        deadline = time.monotonic() + REPLY_TIMEOUT_S
        while not self.page.evaluate(function, arg):
            if time.monotonic() > deadline:
                raise TimeoutError(f"{function} still false after {REPLY_TIMEOUT_S} s ({arg!r})")
            self.page.wait_for_timeout(100)

    def wait_for_reply(self, expected: str, before: int) -> None:
        self.wait_until(f"(text) => ({COUNT_BOT_MESSAGES_WITH})(text) > {before}", expected)

    def say(self, text: str, expected: str) -> None:
        """Type `text`, press Enter, and wait for a reply containing `expected`."""
        before = self.bot_messages_with(expected)
        self.page.fill("#message", text)
        self.page.press("#message", "Enter")
        self.wait_for_reply(expected, before)

    def click(self, button: str, expected: str) -> None:
        before = self.bot_messages_with(expected)
        self.page.locator(".choices button:enabled", has_text=button).last.click()
        self.wait_for_reply(expected, before)

    def user_messages(self) -> list[str]:
        return self.page.locator(".message.user").all_inner_texts()

    def last_bot_text(self) -> str:
        return self.page.locator(".message.bot").last.inner_text()

    def transcript_text(self) -> str:
        return self.page.locator("#transcript").inner_text()

    def captcha_answer(self) -> str:
        """What an operator could read in the database for the image on screen."""
        image = self.page.locator("img.captcha").last
        image.wait_for(timeout=REPLY_TIMEOUT_S * 1000)
        self.wait_until("(img) => img.complete && img.naturalWidth > 0", image.element_handle())
        challenge_id = image.get_attribute("src").split("/")[-2]
        with sqlite3.connect(self.database) as db:
            return db.execute(
                "select answer from captcha_challenges where id = ?", (challenge_id,)
            ).fetchone()[0]

    def session_id(self) -> str:
        return self.page.evaluate("sessionStorage.getItem('chat.session')")
