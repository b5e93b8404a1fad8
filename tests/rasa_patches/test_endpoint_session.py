"""Calls to an endpoint reuse one kept-alive connection (rasa_patches/endpoint_session.py)."""

import asyncio

from aiohttp import web
from rasa.utils.endpoints import EndpointConfig

import rasa_patches
from harness.servers import free_port
from rasa_patches import endpoint_session


async def call_a_server_five_times(restart_between: bool = False) -> dict:
    """A small HTTP server counting the connections it accepted and what it was sent."""
    seen = {"connections": set(), "headers": [], "params": [], "bodies": []}

    async def webhook(request: web.Request) -> web.Response:
        seen["connections"].add(request.transport.get_extra_info("peername"))
        seen["headers"].append(request.headers.get("X-Test"))
        seen["params"].append(request.query.get("token"))
        seen["bodies"].append(await request.json())
        return web.json_response({"events": [], "responses": []})

    app = web.Application()
    app.router.add_post("/webhook", webhook)
    port = free_port()
    runner = web.AppRunner(app)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    endpoint = EndpointConfig(
        f"http://127.0.0.1:{port}/webhook", headers={"X-Test": "kept"}, token="t0k"
    )
    answers = []
    try:
        for number in range(5):
            if restart_between and number == 3:
                await runner.cleanup()  # the action server restarts: its connections close
                runner = web.AppRunner(app)
                await runner.setup()
                await web.TCPSite(runner, "127.0.0.1", port).start()
            answers.append(await endpoint.request(json={"call": number}, method="post"))
    finally:
        await runner.cleanup()
    seen["answers"] = answers
    return seen


def test_without_the_patch_each_call_opens_a_connection(unpatched_afterwards):
    seen = asyncio.run(call_a_server_five_times())
    assert len(seen["connections"]) == 5


def test_with_it_the_calls_share_one_and_send_the_same(unpatched_afterwards):
    rasa_patches.install([endpoint_session.PATCH])
    seen = asyncio.run(call_a_server_five_times())
    assert len(seen["connections"]) == 1
    assert seen["headers"] == ["kept"] * 5 and seen["params"] == ["t0k"] * 5
    assert seen["bodies"] == [{"call": n} for n in range(5)]
    assert seen["answers"] == [{"events": [], "responses": []}] * 5


def test_a_restarted_server_gets_new_connections(unpatched_afterwards):
    rasa_patches.install([endpoint_session.PATCH])
    seen = asyncio.run(call_a_server_five_times(restart_between=True))
    assert len(seen["answers"]) == 5 and len(seen["connections"]) == 2
