"""Field rules of the pre-registration form: one function per field.

Each returns `Checked`: the normalised value, or a `Problem` with a stable code and a message in
French and in English. Rules that need the database (is the e-mail free?) live in
`account.registration`; everything here is pure.
"""

from account.rules.address import (
    DEFAULT_COUNTRY,
    check_city,
    check_complement,
    check_country,
    check_postcode,
    check_street_name,
    check_street_number,
    check_street_type,
    country_name,
)
from account.rules.login import (
    EMAIL_MAX_LENGTH,
    PASSWORD_MIN_LENGTH,
    check_email_confirmation,
    check_email_syntax,
    check_password,
    email_key,
    password_strength,
)
from account.rules.person import check_first_name, check_phone, check_surname, display_phone
from account.rules.trust import (
    DEFAULT_TRUST_QUESTION,
    TRUST_QUESTIONS,
    check_trust_answer,
    check_trust_question,
    trust_question_label,
)

__all__ = [name for name in dir() if not name.startswith("_")]
