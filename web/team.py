"""The team's page: what the conversations teach (transcripts/team_report.py), at
/webhooks/web/team/, behind HTTP Basic authentication (user "team", TEAM_PAGE_PASSWORD).

Not public: without the setting the route answers 404, and a wrong password 401. Over a period
of days (?since=YYYY-MM-DD&until=YYYY-MM-DD, default the last 30), read from the tracker store the
Rasa server uses; the page carries its plots as PNG images inside it and loads nothing else but
its stylesheet.
"""

from __future__ import annotations

import asyncio
import base64
import hmac
from datetime import date

from sanic import Blueprint, response
from sanic.request import Request

from account.settings import Settings
from transcripts.database import JOURNEYS
from transcripts.team_report import build_report, period_bounds, render_html

USER = "team"
HEADERS = {
    "Cache-Control": "no-store",
    "Content-Security-Policy": "default-src 'none'; img-src data:; style-src 'self'; "
    "base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}
CHALLENGE = {"WWW-Authenticate": 'Basic realm="assistant team", charset="UTF-8"'}


def authorised(request: Request, password: str) -> bool:
    scheme, _, encoded = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "basic":
        return False
    try:
        raw = base64.b64decode(encoded, validate=True)
    except ValueError:
        return False
    try:  # browsers send UTF-8 (the challenge asks for it); some clients Latin-1
        user, _, given = raw.decode("utf-8").partition(":")
    except UnicodeDecodeError:
        user, _, given = raw.decode("latin-1").partition(":")
    return hmac.compare_digest(user.encode(), USER.encode()) & hmac.compare_digest(
        given.encode(), password.encode()
    )


def tracker_engine_of(app):
    """The engine of the SQL tracker store the server runs with (wrapped by Rasa)."""
    store = app.ctx.agent.tracker_store
    while not hasattr(store, "engine") and hasattr(store, "_tracker_store"):
        store = store._tracker_store
    return store.engine


def period(request: Request, zone) -> tuple[float, float]:
    def day(name: str) -> date | None:
        try:
            return date.fromisoformat(request.args.get(name, ""))
        except ValueError:
            return None

    return period_bounds(day("since"), day("until"), zone)


def team_routes(web: Blueprint, stylesheet: str) -> None:
    settings = Settings.from_environment()

    @web.route("/team/", methods=["GET"])
    async def team_page(request: Request):
        if not settings.team_page_password:
            return response.text("Not found", status=404)
        if not authorised(request, settings.team_page_password):
            return response.text("Authentication required", status=401, headers=CHALLENGE)
        engine = tracker_engine_of(request.app)
        since, until = period(request, settings.zone)

        def build() -> str:
            JOURNEYS.create(engine, checkfirst=True)
            return render_html(build_report(engine, since, until), stylesheet)

        page = await asyncio.get_running_loop().run_in_executor(None, build)
        return response.html(page, headers=HEADERS)
