"""The words of postal addresses, both languages' and the other orders people write (street
types, German street endings, directions, months, US states), and the labels that introduce a
value. Read by reading/addresses.py."""

FRENCH_TYPES = frozenset(
    """
    rue avenue av ave boulevard bd bld blvd place pl allee chemin impasse imp quai route rte cours
    square sq passage voie sentier esplanade rond-point faubourg fbg parvis hameau lieu-dit lieudit
    cite promenade villa mail montee rampe ruelle carrefour clos domaine lotissement traverse
    chaussee drève dreve venelle sente galerie
""".split()
)
ENGLISH_TYPES = frozenset(
    """
    street st road rd lane ln drive dr way court ct terrace crescent close avenue ave av boulevard
    blvd place pl square sq parkway pkwy highway hwy row mews gardens grove hill walk park circle cir
    plaza alley
""".split()
)
# A street named in one word, as in German, Swiss, Dutch or Scandinavian addresses.
GERMANIC_ENDINGS = tuple(
    """
    strasse str weg platz allee gasse damm ufer steig ring markt graben straat laan gracht plein
    kade dijk vej gade gatan gata veien vegen
""".split()
)
DIRECTIONS = frozenset("n s e w ne nw se sw north south east west".split())
MONTHS = frozenset(
    """
    janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre january
    february march april may june july august september october november december
""".split()
)
US_STATES = frozenset(
    """
    AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM
    NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY PR GU VI AS MP
""".split()
)
# Words that label a value ("tél", "email"): never a city nor a name.
LABELS = frozenset(
    """
    tel tel. telephone phone cell mobile portable gsm fixe numero number no n° email e-mail mail
    courriel perso pro work home domicile bureau office
""".split()
)
