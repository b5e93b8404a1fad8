"""Rasa's own functions in place for a test that installs patches, and again after it."""

import pytest

from rasa_patches import PATCHES


@pytest.fixture
def unpatched_afterwards(monkeypatch):
    for patch in PATCHES:
        # monkeypatch keeps what the class itself held (a staticmethod stays one) and puts it back
        monkeypatch.setattr(patch.owner, patch.attribute, patch._raw_original())
