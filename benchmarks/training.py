"""Training time of the full model: cold (an empty cache) and again with the cache unchanged."""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

from account.settings import PROJECT_ROOT
from harness.servers import BIN


def train(cache: Path, out: Path) -> float:
    env = {**os.environ, "RASA_CACHE_DIRECTORY": str(cache), "RASA_TELEMETRY_ENABLED": "false"}
    begin = time.perf_counter()
    subprocess.run(
        [str(BIN / "rasa"), "train", "--out", str(out), "--fixed-model-name", "bench"],
        cwd=PROJECT_ROOT,
        env=env,
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - begin


def measure(home: Path) -> dict[str, float]:
    cache = home / "cache"
    cold = train(cache, home / "cold")
    cached = train(cache, home / "cached")
    return {"cold": cold, "cached": cached}
