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

# argon2id with the library's defaults (RFC 9106 low-memory profile).
_hasher = PasswordHasher()


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def password_matches(password_hash: str, candidate: str) -> bool:
    try:
        return _hasher.verify(password_hash, candidate)
    except (VerificationError, InvalidHashError):
        return False


def is_password_hash(value: str) -> bool:
    """True for an argon2id hash: what a registration form must carry instead of a password."""
    return isinstance(value, str) and value.startswith("$argon2id$")


def new_activation_code() -> str:
    """12 case-sensitive letters and digits (about 71 bits), as in the seeds' e-mail."""
    return "".join(secrets.choice(ACTIVATION_CODE_ALPHABET) for _ in range(ACTIVATION_CODE_LENGTH))


def looks_like_activation_code(value: str) -> bool:
    return bool(_ACTIVATION_CODE.match(value or ""))


def activation_code_hash(code: str) -> str:
    """SHA-256 is enough here: the code is random with ~71 bits, not chosen by a person."""
    return hashlib.sha256(code.encode("ascii")).hexdigest()


def is_activation_code_hash(value: str) -> bool:
    return bool(re.fullmatch(r"[0-9a-f]{64}", value or ""))
