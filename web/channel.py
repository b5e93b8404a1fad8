"""The assistant's own routes under /webhooks/web/: the web chat page and its files, the widget
script that other sites include (widget.js), CAPTCHA images and audio, summary PDF downloads.

The Rasa server serves them as a custom input channel (the page talks to Rasa's socket.io
channel); `python -m web` serves the CAPTCHA routes alone, for `rasa shell`, which only runs its
command-line channel. Rasa's token authentication does not guard custom channel routes, so each
route guards itself: challenge ids and summary tokens are unguessable, a summary link works only
for the conversation it was issued to, and anything unknown gets a plain 404.
"""

from __future__ import annotations

from pathlib import Path
from typing import Awaitable, Callable

from rasa.core.channels.channel import InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request

from account.service import configured_service as account_service
from account.settings import Settings
from web.team import team_routes

WEB = Path(__file__).resolve().parent
# The only files the page may load, by name (nothing else on disk is reachable).
PAGE_FILES = {
    "chat.js": (WEB / "static" / "chat.js", "text/javascript; charset=utf-8"),
    "chat.css": (WEB / "static" / "chat.css", "text/css; charset=utf-8"),
    "team.css": (WEB / "static" / "team.css", "text/css; charset=utf-8"),
    "socket.io.min.js": (
        WEB / "node_modules" / "socket.io-client" / "dist" / "socket.io.min.js",
        "text/javascript; charset=utf-8",
    ),
}
WIDGET = WEB / "static" / "widget.js"
NO_STORE = {"Cache-Control": "no-store"}


def page_headers(settings: Settings) -> dict[str, str]:
    """Everything comes from this server; no inline script, no referrer leaks; framed only by
    this server's own pages and the sites of ALLOWED_ORIGINS (the widget)."""
    ancestors = " ".join(("'self'", *settings.allowed_origins))
    return {
        **NO_STORE,
        "Content-Security-Policy": "default-src 'self'; connect-src 'self' ws: wss:; "
        "img-src 'self'; media-src 'self'; object-src 'none'; base-uri 'none'; "
        f"frame-ancestors {ancestors}; form-action 'none'",
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
    }


# The widget script is included by other sites' pages: loadable from any origin (it holds
# nothing personal and only opens the chat page in an iframe, which CSP restricts), revalidated
# so that a new version is taken at once.
WIDGET_HEADERS = {
    "Cache-Control": "no-cache",
    "Cross-Origin-Resource-Policy": "cross-origin",
    "X-Content-Type-Options": "nosniff",
}
# The web chat sends the conversation id with a download, so that a copied link is useless.
CONVERSATION_HEADER = "X-Conversation-Id"


def not_found() -> response.HTTPResponse:
    return response.text("Not found", status=404)


def private(
    data: bytes | None, content_type: str, headers: dict | None = None
) -> response.HTTPResponse:
    """One user's bytes: never cached; an unknown or spent id gets a plain 404."""
    if data is None:
        return not_found()
    return response.raw(data, content_type=content_type, headers={**NO_STORE, **(headers or {})})


def assets_blueprint(name: str = "web_assets") -> Blueprint:
    """CAPTCHA images and audio."""
    web = Blueprint(name, __name__)

    @web.route("/captcha/<challenge_id>/image.png", methods=["GET"])
    async def captcha_image(request: Request, challenge_id: str):
        return private(account_service().captcha.image_png(challenge_id), "image/png")

    @web.route("/captcha/<challenge_id>/audio.wav", methods=["GET"])
    async def captcha_audio(request: Request, challenge_id: str):
        return private(account_service().captcha.audio_wav(challenge_id), "audio/wav")

    return web


def chat_blueprint() -> Blueprint:
    """CAPTCHA routes, plus the page, its files and the summary downloads."""
    web = assets_blueprint("web_chat")
    headers = page_headers(Settings.from_environment())

    @web.route("/", methods=["GET"])
    async def page(request: Request):
        return await response.file(
            WEB / "static" / "index.html", headers=headers, mime_type="text/html; charset=utf-8"
        )

    @web.route("/widget.js", methods=["GET"])
    async def widget(request: Request):
        return await response.file(
            WIDGET, headers=WIDGET_HEADERS, mime_type="text/javascript; charset=utf-8"
        )

    @web.route("/static/<name>", methods=["GET"])
    async def page_file(request: Request, name: str):
        if name not in PAGE_FILES or not PAGE_FILES[name][0].is_file():
            return not_found()
        path, mime_type = PAGE_FILES[name]
        return await response.file(
            path, mime_type=mime_type, headers={"X-Content-Type-Options": "nosniff"}
        )

    team_routes(web, stylesheet="../static/team.css")

    @web.route("/summary/<token>", methods=["GET"])
    async def summary(request: Request, token: str):
        download = account_service().summary_download(
            token, request.headers.get(CONVERSATION_HEADER, "")
        )
        if download is None:
            return not_found()
        file_name, pdf = download
        return private(
            pdf, "application/pdf", {"Content-Disposition": f'attachment; filename="{file_name}"'}
        )

    return web


class WebInput(InputChannel):
    @classmethod
    def name(cls) -> str:
        return "web"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[None]]) -> Blueprint:
        return chat_blueprint()
