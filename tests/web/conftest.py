"""Debian's Chromium, driven by Playwright, for each browser test module."""

import pytest
from playwright.sync_api import sync_playwright

from tests.web.chat_page import CHROMIUM, CHROMIUM_FLAGS


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()
