"""The words of postal addresses: street types and months of every language (languages/), the
other orders people write (German street endings, directions, US states), and the labels that
introduce a value. Read by reading/addresses.py."""

from account.rules.text import fold
from languages import all_languages

# Street types written before the name ("rue de la Paix") and after it ("Baker Street").
TYPES_BEFORE_NAME = all_languages("STREET_TYPES_BEFORE_NAME")
TYPES_AFTER_NAME = all_languages("STREET_TYPES_AFTER_NAME")
# A street named in one word, as in German, Swiss, Dutch or Scandinavian addresses.
GERMANIC_ENDINGS = tuple(
    """
    strasse str weg platz allee gasse damm ufer steig ring markt graben straat laan gracht plein
    kade dijk vej gade gatan gata veien vegen
""".split()
)
DIRECTIONS = frozenset("n s e w ne nw se sw north south east west".split())
MONTHS = frozenset(fold(month) for month in all_languages("MONTHS"))
US_STATES = frozenset(
    """
    AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM
    NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY PR GU VI AS MP
""".split()
)
# Words that label a value ("tél", "email"): never a city nor a name.
LABELS = all_languages("VALUE_LABELS")
