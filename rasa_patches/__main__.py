"""Rasa's command line with this project's patches installed first.

Usage: python -m rasa_patches <rasa arguments>, from the project's root, e.g.
    python -m rasa_patches run -m models/assistant.tar.gz --credentials credentials.yml
    python -m rasa_patches shell -m models/assistant.tar.gz --endpoints endpoints.yml
    python -m rasa_patches test core --model models/assistant.tar.gz --stories tests/stories
    python -m rasa_patches --version
It is `rasa <rasa arguments>` after `rasa_patches.install()`, and logs one line naming the
installed patches. (`rasa run actions`, the action server, is rasa_sdk and needs none of them.)
"""

from __future__ import annotations

import logging
import sys

import rasa

import rasa_patches

logger = logging.getLogger("rasa_patches.main")  # its own handler: the start line alone


def log_to_stderr() -> None:
    """Our line before Rasa configures logging (Rasa's own handlers come later, on the root)."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)-8s %(name)s  - %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False


def main() -> None:
    installed = rasa_patches.install()
    log_to_stderr()
    logger.info(
        "Rasa %s patched: %s",
        rasa.__version__,
        ", ".join(f"{patch.name} ({patch.target})" for patch in installed),
    )
    from rasa.__main__ import main as rasa_main

    sys.argv = ["rasa", *sys.argv[1:]]
    rasa_main()


if __name__ == "__main__":
    main()
