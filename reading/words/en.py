"""English words of the readers (folded: lower case, no accents)."""

# A message starting with these (and of three words or more) asks something, even without "?".
QUESTION_OPENERS = frozenset("how why when what which who whom whose where".split())
# Two-word openers, written with a space: an auxiliary and its subject.
QUESTION_OPENING_PAIRS = frozenset(
    """can i|can we|can you|could i|could you|do i|do you|do we|does it|does the|did i|did you|
    is it|is there|is the|are there|are you|should i|will i|will it|will the|would it|may i|
    have i|has the|i wonder""".replace("\n", "").split("|")
)
QUESTION_CLOSERS: frozenset[str] = frozenset()  # English asks with its first words

# Greetings, thanks and farewells: a message of these words alone is courtesy, not an answer.
SOCIAL_WORDS = frozenset(
    """hello hi hey good morning afternoon evening thanks thank you very much a lot so cheers bye goodbye see later have nice day please sir madam""".split()
)

# A value followed by a remark on how it is written ("Mac Donald - two words, capital D"): the
# remark's words, and the words that open one without a comma.
SPELLING_WORDS = frozenset(
    """hyphen hyphens hyphenated dash space spaces word words letter letters capital capitals
    uppercase lowercase apostrophe accent accents together separate separately spelled spelt
    spelling e h l""".split()
)
REMARK_OPENERS = frozenset("without with in all no spelled spelt as like".split())

# What a value looks like, said when a question was not understood twice (never a loop).
ANSWER_EXAMPLES = {
    "yes_no": '"yes" or "no"',
    "terms_accepted": '"yes, I accept" or "no"',
    "captcha_answer": 'the 6 characters of the image, for example "K7P2XQ"',
    "login_email": 'an address such as "first.last@example.com"',
    "login_email_confirmation": 'the same address, for example "first.last@example.com"',
    "password": "at least 20 characters, letters and digits, no spaces",
    "password_confirmation": "the same password",
    "surname": '"Smith" or "de La Fontaine"',
    "first_name": '"Mary" or "Jean-Pierre"',
    "phone": '"+44 20 7946 0958" or "06 12 34 56 78"',
    "street_number": '"12 rue de Longchamp" or "skip"',
    "street_type": '"street", "road" or "avenue"',
    "street_name": '"Baker"',
    "complement": '"Flat 2" or "none"',
    "postcode": '"SW1A 2AA" or "75016"',
    "city": '"London"',
    "country": '"United Kingdom" or "France"',
    "utter_ask_which_field": '"the city" or "change my phone to 06 12 34 56 78"',
    "trust_question": 'the number of the question (1 to 5) or its words, for example "my town of birth"',
    "trust_answer": 'the answer to the question chosen, for example "Rex"',
    "activation_code": 'the 12 characters of the email, for example "Ab3dEf7hJk9m"',
    "activation_captcha": "the 6 characters of the image",
    "activation_email": 'your login address, for example "first.last@example.com"',
}
PERSON_BUTTON = "Talk to a person"

# "X, not Y", "not Y but X": a correction that gives the new value and the old one.
NOT_WORDS = ("and not", "instead of", "rather than", "not")
BUT_WORDS = ("but",)
IT_IS_WORDS = (
    "it's",
    "it is",
    "its",
    "it should be",
    "should be",
    "it must be",
    "must be",
    "please put",
    "put",
    "make it",
)

# Countries whose national phone numbers are read when a number is not French (account/rules/person.py):
# those of the people who write in this language, most often.
PHONE_REGIONS = tuple("GB IE US CA AU NZ".split())

# "surname first: Smith John": the surname comes first in the words that follow.
SURNAME_FIRST = (
    "surname first",
    "family name first",
    "last name first",
    "surname then first name",
    "last name then first name",
    "surname followed by first name",
)
# Words that make a sentence negative ("I haven't received", "still nothing").
NEGATIONS = frozenset(
    "not no never nothing didn't haven't hasn't don't doesn't isn't n't nope yet".split()
)
# "I received my code": words saying the e-mail came.
RECEIVED_WORDS = frozenset("received got have arrived came".split())
# "Fiona as first name, Hargreaves as surname", "Kessler (last) Tobias (first)".
FIRST_NAME_LABELS = ("first name", "given name", "forename", "first")
SURNAME_LABELS = ("family name", "last name", "surname", "last")
LABEL_LINKS = ("as my", "as the", "as", "for the", "for my", "for", "is my", "is the")

# "I need to register an account", "we'd like our business space": a wish for an account (the
# words that say it is wanted, the words for the account, and what makes it another request).
# A wish for the account: wanting it, asking for help with it, or told to get it.
WANT_PHRASES = (
    "i'd like", "i would like", "i want", "want to", "wanna", "looking to", "trying to",
    "help me", "help us", "guide me", "we'd like", "we would like", "we want", "here to",
    "i'm after", "told to", "asked to", "sent here", "sent me", "says to", "say me to",
)  # fmt: skip
# Needing it: a wish when stated ("we need an account"), a question when asked ("I have to
# open a new one?").
NEED_PHRASES = (
    "i need", "i have to", "i must", "i've got to", "i got to", "i gotta", "need to", "needs to",
    "we need", "we have to", "we must", "supposed to", "meant to", "must", "been told",
    "i'm told", "need one", "need a", "need an", "needs a", "needs an",
)  # fmt: skip
# "Can I ...", "can you ...": a wish only for creating it ("can I open an account"), not for what
# it allows or another request ("can you validate the registration").
CAN_PHRASES = (
    "can i", "could i", "may i", "can you", "could you", "would you", "will you", "can we",
    "could we", "shall we", "let's",
)  # fmt: skip
# The code has come: "I received the code", "the email came through" (said, not asked).
CODE_CAME_PHRASES = (
    "received", "got", "arrived", "came", "have the code", "have my code", "have the email",
)  # fmt: skip
CREATE_WORDS = (
    "create", "open", "set up", "setup", "sign up", "register", "make", "get",
    "start", "begin", "launch",
)  # fmt: skip
ACCOUNT_WORDS = (
    "account", "accounts", "espace", "space", "spaces", "register", "registration", "sign up",
    "signup",
)  # fmt: skip
OTHER_REQUEST_WORDS = (
    "activate", "activation", "code", "log in", "login", "sign in", "password", "delete",
    "close", "cancel", "person", "human", "agent", "change", "modify",
)  # fmt: skip
# A question asking for information ("how", "what is"), not for the account itself.
INFORMATION_WORDS = frozenset("how what why which when difference mean means meaning".split())
# "Do I need an expert account?": whether one needs it, a question, not the wish itself.
NEED_QUESTION_PHRASES = (
    "do i need", "do we need", "do i have to", "do we have to", "should i", "should we",
    "must i", "am i required", "are we required", "is it required", "is it mandatory",
)  # fmt: skip
# "The code has arrived, can we activate it?": activation named, and the code has come or is wanted.
ACTIVATION_WORDS = ("activate", "activation", "activating")
EXPIRY_WORDS = ("expired", "expire", "expires", "too late", "no longer valid", "out of date")
# "Just give me a number I can call", "I'd rather speak to someone": a person asked for.
PERSON_PHRASES = (
    "talk to someone", "speak to someone", "talk to somebody", "speak to somebody",
    "talk with someone", "speak with someone", "talk with somebody", "speak with somebody",
    "someone real", "somebody real", "number for assistance", "assistance number",
    "talk to a person", "speak to a person", "a real person", "a human", "an agent",
    "an advisor", "an adviser", "someone i can call", "a number i can call", "number to call",
    "number i could call", "call someone", "call you", "phone you", "helpline", "hotline",
    "support line", "customer service",
)  # fmt: skip
# "Bertie, my spaniel": an aside that says what the value is opens with one of these.
POSSESSIVES = frozenset("my our".split())
# Words said before a question without changing it ("wait, what's ...", "sorry, how ...").
INTERJECTIONS = frozenset(
    "wait sorry ok okay so um umm hmm oh ah hey also and but btw just".split()
)
# "Can we activate it?": asking to do it (the activation follows); "after I activate, ...": what
# comes after it.
ASKING_TO_WORDS = ("can", "could", "shall", "may", "let's")
AFTER_WORDS = ("after", "once", "when")
# What each FAQ answer is about, in the words of its answer (domain.yml, from the seeds): when the
# answer selector hesitates, the one answer whose subject the message names is chosen
# (reading/faq_topics.py). Phrases shared by two subjects name neither.
FAQ_TOPIC_PHRASES = {
    "expert_mode": ("expert mode", "expert-mode", "expert one", "expert kind"),
    "basic_vs_expert": ("basic mode", "simplified", "difference", "rather than", "instead of"),
    "many_companies": (
        "several companies", "many companies", "multiple companies", "each company",
        "per company", "every company", "my clients", "our clients", "portfolio", "subsidiaries",
        "how many companies", "100 companies", "hundred companies", "same account",
        "one account", "single account", "same space", "one space",
    ),
    # "Une fois activé", "after I activate" set a time, not a subject: any answer may follow them.
    "after_activation": (
        "what next", "then what", "sign up for", "online services", "alternate administrator",
        "delegatee", "co-manage",
    ),
    "efi_edi": ("efi", "edi", "sepa", "b2b", "direct debit", "data interchange"),
    "trust_question": ("trust question", "security question", "secret question", "my answer", "nickname"),
    "password_advice": ("password", "passphrase", "characters"),
    "deadline": (
        "48 hours", "48h", "48 h", "deadline", "how long", "until when", "time limit",
        "still valid", "valid for",
    ),
    "empty_account": (
        "empty", "not listed", "don't see my", "can't see my", "no companies", "appear", "show up",
    ),
    "data_protection": (
        "my data", "personal data", "gdpr", "privacy", "confidential", "right of access",
        "unsubscribe", "data protection",
    ),
    "certificate": ("certificate", "already linked", "already associated", "already used"),
}  # fmt: skip
