"""Socket.io session ids that name the Rasa process holding the session, for the front to route on.

`make run` starts one one-worker Rasa process per core behind an nginx front (web/front.py). A
socket.io session polling over HTTP lives in the process that opened it, and each of its requests
must reach that process (another one answers 400, unknown session). The first request of a
session carries no id; every later one carries it in the query (`?sid=...`), the WebSocket
upgrade included. python-engineio makes the id in `BaseServer.generate_id` (random, URL-safe);
here it starts with the process's route, `SOCKETIO_ROUTE` from its environment ("2" gives
"2.xxxx"), so that nginx sends each later request straight to that process. Without the
variable (one process, `rasa shell`, the tests' single server) the id is python-engineio's own.
"""

from __future__ import annotations

import os
import re

from engineio.base_server import BaseServer

from rasa_patches.patching import Patch

ROUTE_VARIABLE = "SOCKETIO_ROUTE"
ROUTE = re.compile(r"[0-9]{1,3}")


def route() -> str | None:
    """This process's route, or None. Anything but 1 to 3 digits is refused (it goes in URLs
    and in nginx's routing table)."""
    value = os.environ.get(ROUTE_VARIABLE, "").strip()
    if not value:
        return None
    if not ROUTE.fullmatch(value):
        raise ValueError(f"{ROUTE_VARIABLE}={value!r}: 1 to 3 digits expected")
    return value


def generate_id(self: BaseServer) -> str:
    own = PATCH.original()(self)
    prefix = route()
    return f"{prefix}.{own}" if prefix else own


PATCH = Patch(
    name="socketio_route",
    owner=BaseServer,
    attribute="generate_id",
    replacement=generate_id,
    why=__doc__,
    rasa_version="3.6.21 (python-engineio 4.15.1)",
    original_sha256="b6a591454237c0bb4e57dfef897c3d1f45477d0582474a4f48df35d12a552c25",
)
