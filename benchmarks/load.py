"""Simulated users over the REST channel: each runs complete dialogues, sending the next message
as soon as the answer arrives (no pause), and every turn's latency is recorded with its index in
its conversation."""

from __future__ import annotations

import statistics
import threading
import time
from dataclasses import dataclass, field
from typing import Callable

import requests

# A dialogue gets `say(text) -> messages` and its number, and raises DialogueFailed when an
# answer is not the expected one.
Dialogue = Callable[[Callable[[str], list], str], None]


class DialogueFailed(Exception):
    pass


@dataclass
class LoadResult:
    users: int
    seconds: float = 0.0
    latencies: list[float] = field(default_factory=list)  # seconds, one per answered turn
    by_turn: dict[int, list[float]] = field(default_factory=dict)
    dialogues: int = 0
    errors: list[str] = field(default_factory=list)

    def percentile(self, p: float) -> float:
        ordered = sorted(self.latencies)
        if not ordered:
            return float("nan")
        return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]

    @property
    def turns_per_second(self) -> float:
        return len(self.latencies) / self.seconds if self.seconds else 0.0

    def median_by_turn(self, width: int) -> dict[int, float]:
        """Median latency over turns 1..width, width+1..2*width, ... (key: the bucket's first turn)."""
        buckets: dict[int, list[float]] = {}
        for turn, values in self.by_turn.items():
            buckets.setdefault((turn - 1) // width * width + 1, []).extend(values)
        return {start: statistics.median(values) for start, values in sorted(buckets.items())}


def run_users(
    base_url: str,
    dialogue: Dialogue,
    users: int,
    duration: float,
    prefix: str,
    keep_alive: bool = True,
) -> LoadResult:
    """`users` threads start dialogues until `duration` seconds have passed, and finish them.
    `keep_alive=False`: a new connection for each message, which any worker may accept (kept-alive
    connections stay with the worker that accepted them)."""
    result = LoadResult(users)
    lock = threading.Lock()
    started = time.perf_counter()
    deadline = started + duration

    def user(number: int) -> None:
        session = requests.Session()
        dialogues = 0
        while time.perf_counter() < deadline or dialogues == 0:
            sender = f"{prefix}-{users}u-{number}-{dialogues}"
            turn = 0

            def say(text: str, sender: str = sender) -> list:
                nonlocal turn
                turn += 1
                begin = time.perf_counter()
                reply = session.post(
                    f"{base_url}/webhooks/rest/webhook",
                    json={"sender": sender, "message": text},
                    timeout=120,
                    headers=None if keep_alive else {"Connection": "close"},
                )
                elapsed = time.perf_counter() - begin
                if reply.status_code != 200:
                    raise DialogueFailed(f"HTTP {reply.status_code} at turn {turn}")
                messages = reply.json()
                if not messages:
                    raise DialogueFailed(f"no answer at turn {turn} ({text[:30]!r})")
                with lock:
                    result.latencies.append(elapsed)
                    result.by_turn.setdefault(turn, []).append(elapsed)
                return messages

            try:
                dialogue(say, sender)
                with lock:
                    result.dialogues += 1
            except (DialogueFailed, requests.RequestException, ValueError) as error:
                with lock:
                    result.errors.append(f"{sender}: {error}")
            dialogues += 1

    threads = [threading.Thread(target=user, args=(n,)) for n in range(users)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    result.seconds = time.perf_counter() - started
    return result
