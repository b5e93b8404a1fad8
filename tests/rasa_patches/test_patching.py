"""Each patch matches the Rasa installed, and install() replaces each attribute, once."""

import dataclasses
import inspect

import pytest
from rasa.shared.core.events import Event, SlotSet

import rasa_patches
from rasa_patches import PATCHES, Patch, PatchMismatch, action_call, event_types
from rasa_patches.patching import fingerprint


@pytest.mark.parametrize("patch", PATCHES, ids=lambda patch: patch.name)
def test_the_patched_rasa_function_is_the_one_the_patch_was_written_against(patch):
    """Fails when a new Rasa changes a function we replace: read it and adapt the patch."""
    rasa_function = patch.original()
    assert rasa_function.__module__.startswith(("rasa.", "sanic.", "engineio."))
    assert fingerprint(rasa_function) == patch.original_sha256, (
        f"Rasa changed {patch.target} since Rasa {patch.rasa_version}: "
        f"adapt rasa_patches/{patch.name}.py"
    )


def test_every_patch_declares_what_it_replaces_and_why():
    assert len({(patch.owner, patch.attribute) for patch in PATCHES}) == len(PATCHES)
    for patch in PATCHES:
        assert patch.target.startswith(("rasa.", "sanic.", "engineio.")) and patch.target.endswith(
            "." + patch.attribute
        )
        assert len(patch.why.strip().splitlines()) >= 3
        assert len(patch.original_sha256) == 64 and patch.rasa_version


def test_a_wrong_fingerprint_refuses_and_installs_nothing(unpatched_afterwards):
    wrong = dataclasses.replace(action_call.PATCH, original_sha256="0" * 64)
    others = [patch for patch in PATCHES if patch is not action_call.PATCH]
    with pytest.raises(PatchMismatch) as refused:
        rasa_patches.install([*others, wrong])
    message = str(refused.value)
    assert "rasa.core.actions.action.RemoteAction._action_call_format" in message
    assert "rasa_patches/action_call.py" in message and "0" * 64 in message
    assert not any(patch.installed() for patch in PATCHES)


def test_a_function_rasa_no_longer_has_refuses(unpatched_afterwards):
    gone = Patch(
        name="gone",
        owner=Event,
        attribute="no_such_function",
        replacement=lambda: None,
        why="",
        rasa_version="3.6.21",
        original_sha256="0" * 64,
    )
    with pytest.raises(PatchMismatch, match="has no rasa.shared.core.events.Event.no_such"):
        rasa_patches.install([*PATCHES, gone])
    assert not any(patch.installed() for patch in PATCHES)


def test_install_replaces_each_attribute_once(unpatched_afterwards):
    assert not any(patch.installed() for patch in PATCHES)  # nothing installs on import
    assert rasa_patches.install() == list(PATCHES)
    installed = {}
    for patch in PATCHES:
        assert patch.installed()
        assert getattr(patch.owner, patch.attribute) is patch.replacement
        installed[patch.name] = inspect.getattr_static(patch.owner, patch.attribute)
    # Event.resolve_by_type stays a static method
    assert isinstance(installed["event_types"], staticmethod)
    assert Event.resolve_by_type is event_types.resolve_by_type
    assert isinstance(Event.from_parameters({"event": "slot", "name": "a", "value": 1}), SlotSet)

    rasa_patches.install()  # again: nothing changes, nothing is wrapped twice
    for patch in PATCHES:
        assert inspect.getattr_static(patch.owner, patch.attribute) is installed[patch.name]
        assert patch.original().__module__.startswith(("rasa.", "sanic.", "engineio."))
