"""Passwords and activation codes: how they are made, hashed and checked. Never stored in clear."""

from __future__ import annotations

import hashlib
import re
import secrets
import string

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

ACTIVATION_CODE_LENGTH = 12
ACTIVATION_CODE_ALPHABET = string.ascii_letters + string.digits
_ACTIVATION_CODE = re.compile(rf"^[A-Za-z0-9]{{{ACTIVATION_CODE_LENGTH}}}$")

# argon2id with OWASP's first recommended setting (19 MiB, 2 passes, 1 lane). The library's
# default (64 MiB, 3 passes, 4 lanes) took 5 times longer on 2 cores, and every conversation that
# reached the password question waited behind it. Hashes keep their own parameters, so those made
# with the earlier setting still verify.
_hasher = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def password_matches(password_hash: str, candidate: str) -> bool:
    try:
        return _hasher.verify(password_hash, candidate)
    except (VerificationError, InvalidHashError, UnicodeEncodeError):  # not even valid text
        return False


def is_password_hash(value: str) -> bool:
    """True for an argon2id hash: what a registration form must carry instead of a password."""
    return isinstance(value, str) and value.startswith("$argon2id$")


def new_activation_code() -> str:
    """12 case-sensitive letters and digits (about 71 bits), as in the seeds' e-mail."""
    return "".join(secrets.choice(ACTIVATION_CODE_ALPHABET) for _ in range(ACTIVATION_CODE_LENGTH))


def looks_like_activation_code(value: str) -> bool:
    return bool(_ACTIVATION_CODE.fullmatch(value or ""))


def find_activation_code(text: str) -> str | None:
    """The code in "voici mon code : Ab3dEf7hJk9m" (a word of the code's shape), else None."""
    words = [word.strip(".,;:!?«»\"'()") for word in (text or "").split()]
    found = [word for word in words if looks_like_activation_code(word)]
    return found[-1] if len(found) >= 1 else None


def activation_code_hash(code: str) -> str:
    """SHA-256 is enough here: the code is random with ~71 bits, not chosen by a person."""
    return hashlib.sha256(code.encode("ascii")).hexdigest()


def is_activation_code_hash(value: str) -> bool:
    return bool(re.fullmatch(r"[0-9a-f]{64}", value or ""))


def token_digest(value: str) -> str:
    """SHA-256 of a random token or a conversation id: stored in their place, so the database
    never holds a usable link nor says which conversation did what."""
    return hashlib.sha256(value.encode("utf-8")).hexdigest()


def looks_like_secret(text: str | None) -> bool:
    """Whether a message could be a password or an activation code typed in the wrong place:
    one word of letters and digits, code-shaped (12 characters) or password-long (20 or more).
    Such a value is never repeated back to the user, and the transcript store checks it."""
    value = (text or "").strip()
    if any(c.isspace() for c in value) or "@" in value:
        return False
    if looks_like_activation_code(value):
        # Random case or digits, unlike a word such as "Villeurbanne" or "ROSEMONDEDUP".
        return not (value.isalpha() and (value.islower() or value.isupper() or value.istitle()))
    return len(value) >= 20 and any(c.isalpha() for c in value) and any(c.isdigit() for c in value)
