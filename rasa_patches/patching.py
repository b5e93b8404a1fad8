"""What a patch of Rasa is, and how one is checked and installed.

A patch replaces one attribute of one Rasa class. It records a fingerprint of the Rasa function
it replaces, as read when the patch was written: the sha256 of that function's source text
(`inspect.getsource`) and the Rasa version it came from. Before anything is replaced, the source
of the installed Rasa's function is hashed again; if it differs, Rasa changed the function the
patch was written against, and installing refuses with `PatchMismatch` instead of running a patch
that may no longer fit. (A new Rasa version whose function is unchanged passes: the source is what
the patch depends on.)
"""

from __future__ import annotations

import hashlib
import inspect
from dataclasses import dataclass
from typing import Any, Callable, Iterable

import rasa

# Rasa's own functions, as found before any patch replaced them: by (class, attribute).
_originals: dict[tuple[type, str], Any] = {}


class PatchMismatch(RuntimeError):
    """The installed Rasa's function is not the one a patch was written against."""


def _function(raw: Any) -> Callable:
    """The function behind a class attribute as stored (staticmethod, classmethod or plain)."""
    return raw.__func__ if isinstance(raw, (staticmethod, classmethod)) else raw


def fingerprint(function: Callable) -> str:
    """The sha256 of a function's source text."""
    return hashlib.sha256(inspect.getsource(function).encode()).hexdigest()


@dataclass(frozen=True)
class Patch:
    """`owner.attribute` replaced by `replacement`, for the reason given in `why`."""

    name: str
    owner: type
    attribute: str
    replacement: Callable
    why: str
    rasa_version: str  # the Rasa whose function was read when the patch was written
    original_sha256: str  # fingerprint() of that function

    @property
    def target(self) -> str:
        return f"{self.owner.__module__}.{self.owner.__qualname__}.{self.attribute}"

    def _raw_original(self) -> Any:
        key = (self.owner, self.attribute)
        if key not in _originals:
            try:
                raw = inspect.getattr_static(self.owner, self.attribute)
            except AttributeError:
                raise PatchMismatch(
                    f"rasa_patches.{self.name}: Rasa {rasa.__version__} has no {self.target}"
                ) from None
            if getattr(_function(raw), "rasa_patch", None) is not None:
                raise RuntimeError(f"{self.target} was replaced before its original was kept")
            _originals[key] = raw
        return _originals[key]

    def original(self) -> Callable:
        """Rasa's own function (called with `self` explicitly when it is a method)."""
        return _function(self._raw_original())

    def installed_sha256(self) -> str:
        return fingerprint(self.original())

    def installed(self) -> bool:
        current = inspect.getattr_static(self.owner, self.attribute, None)
        return _function(current) is self.replacement

    def check(self) -> None:
        """Raises PatchMismatch if the installed Rasa's function is not the one the patch read."""
        found = self.installed_sha256()
        if found != self.original_sha256:
            raise PatchMismatch(
                f"rasa_patches.{self.name} replaces {self.target}, written against Rasa "
                f"{self.rasa_version} (source sha256 {self.original_sha256}), but the installed "
                f"Rasa {rasa.__version__} has another version of it (sha256 {found}). Read the new "
                f"source, adapt or drop rasa_patches/{self.name}.py, then record the new "
                "fingerprint in it."
            )

    def install(self) -> None:
        """Replaces the attribute (once: nothing happens if it is already replaced)."""
        raw = self._raw_original()
        if self.installed():
            return
        self.replacement.rasa_patch = self.name  # type: ignore[attr-defined]
        installed: Any = self.replacement
        if isinstance(raw, (staticmethod, classmethod)):
            installed = type(raw)(self.replacement)
        setattr(self.owner, self.attribute, installed)


def install_all(patches: Iterable[Patch]) -> list[Patch]:
    """Checks every patch first, then installs them: all of them, or none if one does not match."""
    patches = list(patches)
    mismatches = []
    for patch in patches:
        try:
            patch.check()
        except PatchMismatch as mismatch:
            mismatches.append(str(mismatch))
    if mismatches:
        raise PatchMismatch(
            "Rasa was not patched, because the installed Rasa is not the one the patches were "
            "written against:\n- " + "\n- ".join(mismatches)
        )
    for patch in patches:
        patch.install()
    return patches
