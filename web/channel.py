"""Routes under /webhooks/web/: CAPTCHA images and audio, summary PDFs.

The Rasa server serves them as a custom input channel; `python -m web` serves the same routes
alone, for `rasa shell`, which only runs its command-line channel. Rasa's token authentication
does not guard custom channel routes, so each route guards itself: challenge ids and summary
tokens are unguessable, and anything unknown gets a plain 404.
"""
from __future__ import annotations

from typing import Awaitable, Callable

from rasa.core.channels.channel import InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request

from bot.registration import configured_service as account_service


NO_STORE = {"Cache-Control": "no-store"}


def not_found() -> response.HTTPResponse:
    return response.text("Not found", status=404)


def private(data: bytes | None, content_type: str) -> response.HTTPResponse:
    """One user's bytes: never cached; an unknown or spent id gets a plain 404."""
    return not_found() if data is None else response.raw(data, content_type=content_type,
                                                         headers=NO_STORE)


def assets_blueprint() -> Blueprint:
    web = Blueprint("web_assets", __name__)

    @web.route("/captcha/<challenge_id>/image.png", methods=["GET"])
    async def captcha_image(request: Request, challenge_id: str):
        return private(account_service().captcha.image_png(challenge_id), "image/png")

    @web.route("/captcha/<challenge_id>/audio.wav", methods=["GET"])
    async def captcha_audio(request: Request, challenge_id: str):
        return private(account_service().captcha.audio_wav(challenge_id), "audio/wav")

    @web.route("/summary/<token>", methods=["GET"])
    async def summary(request: Request, token: str):
        path = account_service().summary_file(token)
        if path is None:
            return not_found()
        return await response.file(
            path, mime_type="application/pdf",
            headers={**NO_STORE, "Content-Disposition": f'attachment; filename="{path.name}"'})

    return web


class WebInput(InputChannel):
    @classmethod
    def name(cls) -> str:
        return "web"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[None]]) -> Blueprint:
        return assets_blueprint()
