"""Properties of every field rule, on arbitrary text (hypothesis).

The form re-checks slots already filled each time it is re-activated (after a correction at the
summary), so a normalised value must pass its rule again unchanged; and no input may raise.
"""

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.i18n import Checked
from bot.registration import FORM_FIELDS, check_form_field
from bot.rules import check_email_syntax, check_password

texts = st.text(max_size=120)
fields = st.sampled_from(FORM_FIELDS)
countries = st.sampled_from([None, "FR", "GB", "France", "Allemagne", "??"])


@settings(max_examples=400, deadline=None)
@given(fields, texts, countries)
def test_rules_never_raise_and_normalised_values_are_stable(field, raw, country):
    checked = check_form_field(field, raw, country)
    assert isinstance(checked, Checked)
    assert checked.ok != (checked.problem is not None)
    if checked.ok:
        again = check_form_field(field, checked.value, country)
        assert again.ok and again.value == checked.value
    else:
        assert checked.problem.text("fr") and checked.problem.text("en")


@settings(max_examples=300, deadline=None)
@given(texts)
def test_email_rule_is_stable(raw):
    checked = check_email_syntax(raw)
    if checked.ok:
        assert check_email_syntax(checked.value).value == checked.value
        assert len(checked.value) <= 100


@settings(max_examples=300, deadline=None)
@given(st.text(min_size=0, max_size=200))
def test_accepted_passwords_follow_the_2023_rules(raw):
    checked = check_password(raw)
    if checked.ok:
        assert len(checked.value) >= 20 and not any(c.isspace() for c in checked.value)
        assert any(c.isalpha() for c in checked.value) and any(c.isdigit() for c in checked.value)


@settings(max_examples=300, deadline=None)
@given(texts, texts)
def test_email_confirmation_accepts_only_the_same_address(email, typed):
    from bot.rules import check_email_confirmation

    checked = check_email_confirmation(email, typed)
    assert checked.ok != (checked.problem is not None)
    if checked.ok:
        assert email_key_of(typed) == email_key_of(email)


def email_key_of(raw):
    from bot.rules import email_key

    return email_key(raw.strip())


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_password_strength_is_one_of_three_levels(raw):
    from bot.rules import password_strength

    assert password_strength(raw) in ("weak", "medium", "strong")


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
def test_activation_code_format_is_twelve_letters_or_digits(raw):
    from bot.credentials import looks_like_activation_code

    if looks_like_activation_code(raw):
        assert len(raw) == 12 and raw.isascii() and raw.isalnum()


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_free_text_readers_never_raise(raw):
    from bot.free_text import field_mentioned, find_email, find_phone, is_skip, parse_details
    from bot.language import guess_language, requested_language

    details = parse_details(raw)
    assert all(isinstance(value, str) for value in details.values())
    find_email(raw), find_phone(raw), is_skip(raw), field_mentioned(raw)
    assert guess_language(raw) in (None, "fr", "en") and requested_language(raw) in (
        None,
        "fr",
        "en",
    )


# Any code point, unpaired surrogates included: JSON carries them, UTF-8 (the database) cannot.
any_text = st.text(
    st.characters(min_codepoint=0, max_codepoint=0x10FFFF, blacklist_categories=()), max_size=60
)


@settings(max_examples=400, deadline=None)
@given(fields, any_text)
def test_accepted_values_are_storable_text(field, raw):
    for checked in (
        check_form_field(field, raw),
        check_email_syntax(raw),
        check_password(raw + "Aa1" * 7),
    ):
        if checked.ok and isinstance(checked.value, str):
            checked.value.encode("utf-8")  # raises on an unpaired surrogate


def test_unpaired_surrogates_are_refused_and_never_crash_the_password_check():
    from bot.credentials import hash_password, password_matches

    assert check_password("\ud800" + "Abcdefghij1234567890").problem.code == "password.unprintable"
    assert not check_form_field("surname", "Ro\udfffsemonde").ok
    assert password_matches(hash_password("Abcdefghij1234567890xyz"), "\ud800") is False
