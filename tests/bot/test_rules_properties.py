"""Properties of every field rule, on arbitrary text (hypothesis).

The form re-checks slots already filled each time it is re-activated (after a correction at the
summary), so a normalised value must pass its rule again unchanged; and no input may raise.
"""
from hypothesis import given, settings, strategies as st

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
