"""The team's report page in Chromium: behind its password, with its plots and tables, readable
(axe-core), after real conversations."""

from __future__ import annotations

import pytest

from harness.servers import running
from tests.web.test_web_chat import AXE, SCREENSHOTS

pytestmark = [pytest.mark.browser, pytest.mark.servers]

PASSWORD = "mot-de-passe-équipe"


@pytest.fixture(scope="module")
def assistant(tmp_path_factory):
    with running(
        tmp_path_factory.mktemp("team-page"),
        captcha_enabled=False,
        settings={"TEAM_PAGE_PASSWORD": PASSWORD},
    ) as servers:
        for sender in ("team-1", "team-2"):
            servers.say(sender, "Je veux créer mon espace professionnel")
            servers.say(sender, "oui j'accepte")
        servers.say("team-3", "xqzw plorf vbnm")
        yield servers


def test_the_page_shows_the_funnel_plots_and_review_list(browser, assistant):
    context = browser.new_context(http_credentials={"username": "team", "password": PASSWORD})
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    try:
        shown = page.goto(f"{assistant.base_url}/webhooks/web/team/")
        assert shown.status == 200
        assert page.locator("h1").inner_text().startswith("What the conversations teach")
        assert page.locator("text=3 conversation(s) in the period").count() == 1
        images = page.locator("img")
        assert images.count() == 3
        for index in range(3):
            assert images.nth(index).evaluate("(img) => img.complete && img.naturalWidth > 100")
        funnel = page.locator("table").first.inner_text()
        assert "started / commencé\t3" in funnel and "login e-mail / adresse\t2" in funnel
        assert "xqzw plorf vbnm" in page.locator("ul").inner_text()
        page.evaluate(AXE.read_text(encoding="utf-8"))
        result = page.evaluate("() => axe.run(document)")
        serious = [v["id"] for v in result["violations"] if v["impact"] in ("serious", "critical")]
        assert serious == []
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / "team-page.png"), full_page=True)
        assert errors == []  # the stylesheet loaded under the page's CSP, nothing refused
    finally:
        context.close()


def test_without_the_password_there_is_no_page(browser, assistant):
    context = browser.new_context()
    try:
        # (a navigation would show the browser's own sign-in prompt)
        answer = context.request.get(f"{assistant.base_url}/webhooks/web/team/")
        assert answer.status == 401 and "Basic" in answer.headers["www-authenticate"]
    finally:
        context.close()
