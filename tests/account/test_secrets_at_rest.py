"""No plaintext password or activation code anywhere in the database files."""

from account.credentials import hash_password
from tests.conftest import GOOD_PASSWORD


def database_bytes(settings) -> bytes:
    """The database file and its WAL and shared-memory companions, as stored on disk."""
    path = settings.database_url.removeprefix("sqlite:///")
    files = [p for p in __import__("pathlib").Path(path).parent.glob("accounts.db*")]
    assert any(p.name == "accounts.db" for p in files)
    return b"".join(p.read_bytes() for p in files)


def test_no_plaintext_secret_in_the_database_file(service, settings, make_form, last_code):
    service.pre_register(make_form(password_hash=hash_password(GOOD_PASSWORD)))
    code = last_code()
    before_activation = database_bytes(settings)
    account = service.activate(code, "lila.rosemonde@orange.fr")
    service.sessions.kw["bind"].dispose()  # close connections so the WAL is checkpointed too
    after_activation = database_bytes(settings)
    for stored in (before_activation, after_activation):
        for secret in (GOOD_PASSWORD, code):
            for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
                assert secret.encode(encoding) not in stored
        assert b"$argon2id$" in stored  # the hash is there, so the search looked at real data
    assert account.subscriber_number.encode() in after_activation


def test_passwords_are_hashed_with_argon2id_at_owasp_strength_or_more():
    from argon2 import PasswordHasher, Type, extract_parameters

    from account.credentials import password_matches

    hashed = hash_password(GOOD_PASSWORD)
    parameters = extract_parameters(hashed)
    assert parameters.type is Type.ID
    # OWASP Password Storage Cheat Sheet, argon2id: at least 19 MiB of memory and 2 passes.
    assert parameters.memory_cost >= 19 * 1024 and parameters.time_cost >= 2
    assert password_matches(hashed, GOOD_PASSWORD) and not password_matches(
        hashed, GOOD_PASSWORD + "x"
    )
    # A hash made with the former setting (the library's default) still verifies.
    legacy = PasswordHasher(time_cost=3, memory_cost=64 * 1024, parallelism=4).hash(GOOD_PASSWORD)
    assert password_matches(legacy, GOOD_PASSWORD)
