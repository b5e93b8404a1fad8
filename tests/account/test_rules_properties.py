"""Properties of every field rule (hypothesis).

The form re-checks slots already filled each time it is re-activated (after a correction at the
summary), so a normalised value must pass its rule again unchanged; and no input may raise.

Arbitrary text almost never passes a rule (a random string is not an e-mail address, nor a
12-character code), so a property guarded by "if accepted" would hold vacuously. The strategies
below build values from each rule's grammar, with near misses and arbitrary text mixed in, and
label each example with `event()`: `pytest --hypothesis-show-statistics` shows how often the
asserting branch runs.
"""

import string
import unicodedata

import idna
from hypothesis import assume, event, given, settings
from hypothesis import strategies as st

from account.credentials import ACTIVATION_CODE_ALPHABET, ACTIVATION_CODE_LENGTH
from account.i18n import Checked
from account.registration_form import FORM_FIELDS, check_form_field
from account.rules import TRUST_QUESTIONS, check_email_syntax, check_password, trust_question_label
from languages import LANGUAGES

texts = st.text(max_size=120)
fields = st.sampled_from(FORM_FIELDS)
countries = st.sampled_from([None, "FR", "GB", "France", "Allemagne", "??"])


def reached(checked: Checked) -> Checked:
    """Label the example by the branch it takes, for the statistics."""
    event("accepted" if checked.ok else f"refused: {checked.problem.code}")
    return checked


def padded(values):
    """As typed: with white space around it, sometimes."""
    blanks = st.sampled_from(["", "", " ", "  ", "\t", "\n"])
    return st.tuples(blanks, values, blanks).map("".join)


# Field values from each field's grammar ---------------------------------------------------------

letters = st.characters(categories=["Lu", "Ll", "Lt", "Lo"])
words = st.text(letters, min_size=1, max_size=12)
names = st.lists(
    st.tuples(words, st.sampled_from([" ", "-", "'", "’", ". "])), min_size=1, max_size=4
).map(lambda parts: "".join(word + joint for word, joint in parts)[:-1].strip())
phones = st.one_of(
    st.from_regex(r"0[1-79]( ?[0-9]{2}){4}", fullmatch=True),
    st.from_regex(r"(\+|00)(33|44|49|32|1) ?[1-9]( ?[0-9]{2,3}){3,4}", fullmatch=True),
    st.sampled_from(["0590 27 12 34", "+44 20 7946 0958", "+1 202 555 0143", "06.11.22.33.44"]),
)
street_numbers = st.from_regex(r"[0-9]{1,5} ?(bis|ter|quater|BIS|[a-zA-Z])?", fullmatch=True)
street_types = st.sampled_from(["rue", "Avenue", "bd", "Bd.", "allée", "chemin", "place", "quai"])
postcodes = st.one_of(
    st.from_regex(r"[0-9]{4,6}", fullmatch=True),
    st.from_regex(r"[0-9]{2} ?[0-9]{3}", fullmatch=True),
    st.sampled_from(
        ["SW1A 2AA", "sw1a2aa", "D-10115", "CH-8001", "H2X 1Y4", "1012 AB", "20500-0001"]
    ),
)
country_names = st.sampled_from(
    "France FR fra GB uk Royaume-Uni Allemagne Deutschland Belgique Suisse Etats-Unis Canada "
    "Pays-Bas Guadeloupe Japon Irlande".split()
)
trust_questions = st.one_of(
    st.sampled_from(list(TRUST_QUESTIONS)),
    st.sampled_from(
        [trust_question_label(code, language) for code in TRUST_QUESTIONS for language in LANGUAGES]
    ),
    st.sampled_from(["1", "2", "3", "4", "5"]),
)
GRAMMARS = {
    "surname": names,
    "first_name": names,
    "phone": phones,
    "street_number": street_numbers,
    "street_type": street_types,
    "street_name": names,
    "complement": names,
    "postcode": postcodes,
    "city": names,
    "country": country_names,
    "trust_question": trust_questions,
    "trust_answer": names,
}


@st.composite
def field_values(draw):
    field = draw(fields)
    return field, draw(st.one_of(texts, padded(GRAMMARS[field])))


def test_every_form_field_has_a_grammar():
    assert set(GRAMMARS) == set(FORM_FIELDS)


@settings(max_examples=300, deadline=None)
@given(field_values(), countries)
def test_rules_never_raise_and_normalised_values_are_stable(field_and_raw, country):
    field, raw = field_and_raw
    checked = check_form_field(field, raw, country)
    assert isinstance(checked, Checked)
    assert checked.ok != (checked.problem is not None)
    event(f"{field}: {'accepted' if checked.ok else 'refused'}")
    if checked.ok:
        again = check_form_field(field, checked.value, country)
        assert again.ok and again.value == checked.value
    else:
        assert checked.problem.text("fr") and checked.problem.text("en")


# E-mail addresses --------------------------------------------------------------------------------

ATEXT = string.ascii_letters + string.digits + "!#$%&'*+/=?^_`{|}~-"
atoms = st.lists(
    st.sampled_from([*ATEXT, "é", "ü", "ß", "ø", "ı", "É", "e\u0301"]), min_size=1, max_size=20
).map("".join)
local_parts = st.lists(atoms, min_size=1, max_size=3).map(".".join)
short_labels = st.one_of(
    st.from_regex(r"[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?", fullmatch=True),
    st.sampled_from(["exemple", "orange", "bücher", "école", "straße", "xn--bcher-kva"]),
)
long_labels = st.text(st.sampled_from(string.ascii_lowercase), min_size=30, max_size=63)
top_levels = st.sampled_from(["fr", "com", "org", "de", "co.uk", "eu", "paris", "museum"])
cases = st.sampled_from([str, str, str.upper, str.lower, str.title, str.swapcase])


@st.composite
def addresses(draw, near_the_limit=True):
    """local@label(.label)*.tld: valid but for the length (the rule's limit is 100, which long
    labels cross)."""
    labels = short_labels | long_labels if near_the_limit else short_labels
    domain = ".".join([*draw(st.lists(labels, min_size=1, max_size=3)), draw(top_levels)])
    return draw(cases)(f"{draw(local_parts)}@{domain}")


# Typos people make in an address: (what, replaced by) once.
TYPOS = [("@", ""), ("@", "@@"), (".", ".."), ("@", " @ "), ("@", "@."), ("@", ".@"), (".", ",")]
TYPOS += [("", "."), ("", "@"), ("", "("), ("", "\x00"), ("", "\u200b")]  # in front


@st.composite
def typed_emails(draw):
    """What people type at the e-mail question: an address, a typo of one, or anything."""
    kind = draw(st.sampled_from(["address", "address", "typo", "text"]))
    if kind == "text":
        return draw(texts)
    address = draw(addresses())
    if kind == "typo":
        old, new = draw(st.sampled_from(TYPOS))
        address = address.replace(old, new, 1) if old else new + address
    return draw(padded(st.just(address)))


@settings(max_examples=200, deadline=None)
@given(typed_emails())
def test_email_rule_is_stable(raw):
    checked = reached(check_email_syntax(raw))
    if checked.ok:
        assert check_email_syntax(checked.value).value == checked.value
        assert len(checked.value) <= 100


@st.composite
def confirmations(draw):
    """The address the form holds (normalised) and a confirmation typed for it: the same one,
    in other capitals or padded, a typo of it, another address, or any text."""
    email = check_email_syntax(draw(addresses(near_the_limit=False))).value
    assume(email is not None)  # a generated address the rule refuses (rare)
    kind = draw(st.sampled_from(["same", "capitals", "ascii domain", "typo", "other", "text"]))
    if kind == "same":
        typed = draw(padded(st.just(email)))
    elif kind == "ascii domain":  # bücher.de typed as xn--bcher-kva.de
        local, _, domain = email.rpartition("@")
        typed = f"{local}@{idna.encode(domain, uts46=True).decode()}"
    elif kind == "capitals":
        typed = draw(padded(st.sampled_from([email.upper(), email.lower(), email.swapcase()])))
    elif kind == "typo":
        at = draw(st.integers(0, len(email) - 1))
        typed = email[:at] + draw(st.sampled_from(["", "x", "0", ".", "é"])) + email[at + 1 :]
    elif kind == "other":
        typed = draw(addresses())
    else:
        typed = draw(texts)
    return email, typed, kind


@settings(max_examples=200, deadline=None)
@given(confirmations())
def test_email_confirmation_accepts_only_the_same_address(case):
    from account.rules import check_email_confirmation

    email, typed, kind = case
    checked = check_email_confirmation(email, typed)
    event(f"{kind}: {'accepted' if checked.ok else 'refused'}")
    assert checked.ok != (checked.problem is not None)
    if checked.ok:
        assert same_address(typed, email)
        assert checked.value == email
    if kind in ("same", "ascii domain") or (kind == "capitals" and same_address(typed, email)):
        assert checked.ok  # the same address, however written, is always accepted


def same_address(typed: str, email: str) -> bool:
    """Whether two addresses are the same username as account.rules.email_key defines it (case does
    not matter, but ß is not ss), in any Unicode normal form, and with the domain written
    in Unicode or in its ASCII form (bücher.de, xn--bcher-kva.de)."""
    (typed_local, _, typed_domain), (local, _, domain) = (
        unicodedata.normalize("NFC", address.strip()).rpartition("@") for address in (typed, email)
    )
    try:
        typed_domain, domain = (
            idna.decode(idna.encode(d, uts46=True)) for d in (typed_domain, domain)
        )
    except idna.IDNAError:
        return False
    return f"{typed_local}@{typed_domain}".lower() == f"{local}@{domain}".lower()


# Passwords ---------------------------------------------------------------------------------------

# ASCII letters and digits, punctuation, and letters and digits of other scripts (Ω, 漢, ٣, ①).
password_characters = st.sampled_from(
    string.ascii_letters + string.digits + string.punctuation + "éàçßœ€£«»Ωжあ漢٣①Ⅻ"
)
letters_and_digits = st.tuples(
    st.sampled_from(string.ascii_letters + "éΩжあ"), st.sampled_from(string.digits + "٣①")
).map("".join)
blanks_and_controls = st.sampled_from([" ", "\t", "\n", "\x00", "\x7f", "\u200b", "\u00a0"])


@st.composite
def typed_passwords(draw):
    """Lengths around the limits (20 and 128), with or without letters or digits, and sometimes
    one white space or control character somewhere."""
    length = draw(st.one_of(st.integers(15, 30), st.integers(120, 135), st.integers(0, 135)))
    password = draw(st.text(password_characters, min_size=length, max_size=length))
    if draw(st.integers(0, 3)):  # mostly a letter and a digit somewhere
        at = draw(st.integers(0, len(password)))
        password = password[:at] + draw(letters_and_digits) + password[at:]
    if draw(st.integers(0, 4)) == 0:
        at = draw(st.integers(0, len(password)))
        password = password[:at] + draw(blanks_and_controls) + password[at:]
    return password


passwords = st.one_of(
    typed_passwords(),
    typed_passwords(),
    st.text(st.sampled_from(string.ascii_letters), min_size=18, max_size=30)
    | st.text(st.sampled_from(string.digits), min_size=18, max_size=30),
    st.text(max_size=200),
)


@settings(max_examples=300, deadline=None)
@given(passwords)
def test_accepted_passwords_follow_the_2023_rules(raw):
    checked = reached(check_password(raw))
    if checked.ok:
        assert len(checked.value) >= 20 and not any(c.isspace() for c in checked.value)
        assert any(c.isalpha() for c in checked.value) and any(c.isdigit() for c in checked.value)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_password_strength_is_one_of_three_levels(raw):
    from account.rules import password_strength

    assert password_strength(raw) in ("weak", "medium", "strong")


# Activation codes --------------------------------------------------------------------------------

codes = st.text(
    st.sampled_from(ACTIVATION_CODE_ALPHABET),
    min_size=ACTIVATION_CODE_LENGTH,
    max_size=ACTIVATION_CODE_LENGTH,
)
# Letters and digits of other scripts pass str.isalnum() but are not code characters; a trailing
# newline is left out here (see the test below).
strangers = st.sampled_from(["é", "ß", "Ω", "٣", "①", "Ａ", "-", "_", " ", "\t", "0\u0301"])


@st.composite
def code_like(draw):
    """A code, or a near miss: one character too many or too few, or a foreign one."""
    code = draw(codes)
    at = draw(st.integers(0, len(code)))
    kind = draw(st.sampled_from(["code", "code", "longer", "shorter", "foreign", "text"]))
    if kind == "longer":
        return code[:at] + draw(st.sampled_from(ACTIVATION_CODE_ALPHABET)) + code[at:]
    if kind == "shorter":
        return code[:at] + code[at + 1 :]
    if kind == "foreign":
        return code[:at] + draw(strangers) + code[at + 1 :]
    if kind == "text":
        return draw(st.text(max_size=40))
    return code


@settings(max_examples=300, deadline=None)
@given(code_like())
def test_activation_code_format_is_twelve_letters_or_digits(raw):
    from account.credentials import looks_like_activation_code

    looks = looks_like_activation_code(raw)
    event("looks like a code" if looks else "does not")
    if looks:
        assert len(raw) == 12 and raw.isascii() and raw.isalnum()
    else:
        assert not (len(raw) == 12 and all(c in ACTIVATION_CODE_ALPHABET for c in raw))


def test_a_code_followed_by_a_newline_is_not_a_code():
    from account.credentials import looks_like_activation_code

    assert not looks_like_activation_code("Ab3dEf7hJk9m\n")


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_free_text_readers_never_raise(raw):
    from reading.corrections import field_mentioned
    from reading.free_text import find_email, find_phone, is_skip, parse_details
    from reading.language import guess_language, requested_language

    details = parse_details(raw)
    assert all(isinstance(value, str) for value in details.values())
    find_email(raw), find_phone(raw), is_skip(raw), field_mentioned(raw)
    assert guess_language(raw) in (None, "fr", "en") and requested_language(raw) in (
        None,
        "fr",
        "en",
    )


# Any code point, unpaired surrogates included: JSON carries them, UTF-8 (the database) cannot.
any_character = st.characters(min_codepoint=0, max_codepoint=0x10FFFF, blacklist_categories=())
any_text = st.text(any_character, max_size=60)


@st.composite
def addresses_with_any_character(draw):
    """An address with one character of any kind somewhere (the e-mail rule accepts some)."""
    address = draw(addresses(near_the_limit=False))
    at = draw(st.integers(0, len(address)))
    return address[:at] + draw(any_character) + address[at:]


@settings(max_examples=400, deadline=None)
@given(fields, any_text | addresses_with_any_character())
def test_accepted_values_are_storable_text(field, raw):
    for rule, checked in (
        (field, check_form_field(field, raw)),
        ("email", check_email_syntax(raw)),
        ("password", check_password(raw + "Aa1" * 7)),
    ):
        if checked.ok and isinstance(checked.value, str):
            event(f"{rule}: accepted")
            checked.value.encode("utf-8")  # raises on an unpaired surrogate


def test_unpaired_surrogates_are_refused_and_never_crash_the_password_check():
    from account.credentials import hash_password, password_matches

    assert check_password("\ud800" + "Abcdefghij1234567890").problem.code == "password.unprintable"
    assert not check_form_field("surname", "Ro\udfffsemonde").ok
    assert password_matches(hash_password("Abcdefghij1234567890xyz"), "\ud800") is False
