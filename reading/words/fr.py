"""French words of the readers (folded: lower case, no accents)."""

# A message starting with these (and of three words or more) asks something, even without "?".
QUESTION_OPENERS = frozenset(
    """comment pourquoi quand combien quel quelle quels quelles qui est-ce qu'est-ce
    puis-je peut-on dois-je faut-il est-il a-t-on avez-vous pouvez-vous existe-t-il
    sommes-nous suis-je""".split()
)
# Two-word openers, written with a space.
QUESTION_OPENING_PAIRS = frozenset("est ce|qu est|c est quoi|a quoi|je me demande".split("|"))
# Spoken French asks with its last word too: "et maintenant je fais quoi", "on fait comment".
QUESTION_CLOSERS = frozenset("quoi comment combien pourquoi".split())

# Greetings, thanks and farewells: a message of these words alone is courtesy, not an answer.
SOCIAL_WORDS = frozenset(
    """bonjour bonsoir salut coucou merci beaucoup bien infiniment madame monsieur au revoir bonne journee soiree a plus tard bientot svp stp s'il vous te plait""".split()
)

# A value followed by a remark on how it is written ("Van den Bossche, en trois mots", "Jordan
# sans e à la fin"): the remark's words, and the words that open one without a comma.
SPELLING_WORDS = frozenset(
    """tiret tirets trait union apostrophe accent accents espace espaces mot mots lettre lettres
    majuscule majuscules minuscule minuscules cedille trema attache attaches separe separes
    colle colles orthographe ecrit s'ecrit e h l""".split()
)
REMARK_OPENERS = frozenset("sans avec en tout comme ca s'ecrit ecrit".split())

# What a value looks like, said when a question was not understood twice (never a loop).
ANSWER_EXAMPLES = {
    "yes_no": "« oui » ou « non »",
    "terms_accepted": "« oui, j'accepte » ou « non »",
    "captcha_answer": "les 6 caractères de l'image, par exemple « K7P2XQ »",
    "login_email": "une adresse comme « prenom.nom@exemple.fr »",
    "login_email_confirmation": "la même adresse, par exemple « prenom.nom@exemple.fr »",
    "password": "au moins 20 caractères, lettres et chiffres, sans espace",
    "password_confirmation": "le même mot de passe",
    "surname": "« Dupont » ou « de La Fontaine »",
    "first_name": "« Marie » ou « Jean-Pierre »",
    "phone": "« 06 12 34 56 78 » ou « +32 2 512 34 56 »",
    "street_number": "« 12 rue de Longchamp » ou « passer »",
    "street_type": "« rue », « avenue » ou « boulevard »",
    "street_name": "« de Longchamp »",
    "complement": "« Bâtiment B » ou « aucun »",
    "postcode": "« 75016 »",
    "city": "« Paris »",
    "country": "« France » ou « Belgique »",
    "utter_ask_which_field": "« la ville » ou « mon téléphone est 06 12 34 56 78 »",
    "trust_question": "le numéro de la question (1 à 5) ou ses mots, par exemple « ma ville de naissance »",
    "trust_answer": "la réponse à la question choisie, par exemple « Rex »",
    "activation_code": "les 12 caractères du courriel, par exemple « Ab3dEf7hJk9m »",
    "activation_captcha": "les 6 caractères de l'image",
    "activation_email": "l'adresse de connexion, par exemple « prenom.nom@exemple.fr »",
}
PERSON_BUTTON = "Parler à une personne"

# "X, pas Y", "X et non Y", "pas Y mais X": a correction that gives the new value and the old one.
NOT_WORDS = (
    "et non pas",
    "et non",
    "et pas",
    "non pas",
    "au lieu de",
    "à la place de",
    "pas",
    "non",
)
BUT_WORDS = ("mais",)
IT_IS_WORDS = ("c'est", "cest", "c est", "ce sera", "il faut", "mettez", "écrivez", "plutôt")

# Countries whose national phone numbers are read when a number is not French (account/rules/person.py):
# those of the people who write in this language, most often.
PHONE_REGIONS = tuple("BE CH CA LU MC MA DZ TN SN CI CM".split())

# "nom d'abord : Dupont Marie": the surname comes first in the words that follow.
SURNAME_FIRST = (
    "nom d'abord",
    "nom de famille d'abord",
    "nom en premier",
    "nom de famille en premier",
    "nom puis prénom",
    "nom puis le prénom",
    "nom suivi du prénom",
    "dans l'ordre nom prénom",
)
# Words that make a sentence negative ("je n'ai pas reçu", "toujours rien").
NEGATIONS = frozenset("ne n pas jamais rien aucun aucune toujours-pas non plus-rien".split())
# "J'ai reçu mon code": words saying the e-mail came.
RECEIVED_WORDS = frozenset("recu recus reçu reçus arrive arrivé ai".split())
# "Fiona pour le prénom, Hargreaves pour le nom": labels said after the value.
FIRST_NAME_LABELS = ("prénom", "prenom")
SURNAME_LABELS = ("nom de famille", "nom")
LABEL_LINKS = ("pour le", "pour la", "comme", "en", "c'est le", "c'est mon")

# "Il me faut un espace professionnel", "je dois créer mon compte": a wish for an account (the
# words that say it is wanted, the words for the account, and what makes it another request).
# A wish for the account: wanting it, asking for help with it, or told to get it.
WANT_PHRASES = (
    "je veux", "je voudrais", "je souhaite", "je souhaiterais", "j'aimerais", "je vais",
    "nous allons", "m'aider a", "nous aider a", "m'accompagner", "m'aider", "aidez-moi",
    "me guider", "je cherche a", "je suis la pour", "je viens pour", "on m'a demande", "m'a dit de",
    "me dit de", "m'a envoye", "m'a envoyee", "envoye ici", "envoyee ici", "suis charge de",
    "suis chargee de", "on commence", "allons-y", "on y va",
)  # fmt: skip
# Needing it: a wish when stated ("il me faut un espace"), a question when asked ("je dois en
# créer un nouveau ?").
NEED_PHRASES = (
    "j'ai besoin", "aurait besoin", "avons besoin", "besoin d'un", "besoin d'une", "il me faut",
    "il nous faut", "faut que je", "faut que nous", "je dois", "nous devons", "on doit",
    "fallait que je", "faudrait que je", "il faudrait", "on m'a dit",
)  # fmt: skip
# "Puis-je ...", "vous pouvez ...": a wish only for creating it ("puis-je créer mon espace"), not
# for what it allows or another request ("vous pouvez valider l'inscription").
CAN_PHRASES = (
    "puis-je", "je peux", "vous pouvez", "pouvez-vous", "pourriez-vous", "on peut", "on pourrait",
    "pourrions-nous", "voulez-vous",
)  # fmt: skip
# The code has come: "j'ai reçu le code", "le code est arrivé" (said, not asked).
CODE_CAME_PHRASES = (
    "recu", "recus", "recue", "arrive", "arrivee", "j'ai le code", "j'ai mon code", "j'ai bien le code",
)  # fmt: skip
CREATE_WORDS = (
    "creer", "cree", "creation", "ouvrir", "ouvre", "faire", "fasse", "m'inscrire", "inscrire",
    "commencer", "demarrer", "lancer", "debuter",
)  # fmt: skip
ACCOUNT_WORDS = ("espace", "espaces", "compte", "comptes", "inscription", "inscrire", "m'inscrire")
OTHER_REQUEST_WORDS = (
    "activer", "activation", "code", "connecter", "connexion", "mot de passe", "supprimer",
    "fermer", "annuler", "personne", "conseiller", "changer", "modifier",
)  # fmt: skip
# A question asking for information ("comment", "c'est quoi"), not for the account itself.
INFORMATION_WORDS = frozenset(
    "comment pourquoi combien quel quelle quels quelles quoi difference quand signifie veut-dire".split()
)
# "Est-ce que je dois créer un espace ?": whether one needs it, a question, not the wish itself.
NEED_QUESTION_PHRASES = (
    "est-ce que je dois", "est-ce qu'il faut", "est ce que je dois", "dois-je", "faut-il",
    "ai-je besoin", "est-ce que j'ai besoin",
)  # fmt: skip
# "Le code est arrivé, on peut activer ?": activation named, and the code has come or is wanted.
ACTIVATION_WORDS = ("activer", "activation", "active", "j'active", "activons")
EXPIRY_WORDS = ("expire", "expiree", "perime", "perimee", "plus valable", "trop tard", "depasse")
# "Donnez-moi un numéro à appeler", "je préfère parler à un conseiller": a person asked for.
PERSON_PHRASES = (
    "parler a quelqu'un", "parler a une personne", "parler a un humain", "un humain",
    "parler avec quelqu'un", "parler avec une personne", "quelqu'un de reel",
    "numero d'assistance", "numero pour l'assistance",
    "une vraie personne", "une personne reelle", "un conseiller", "une conseillere", "un agent",
    "appeler quelqu'un", "joindre quelqu'un", "un numero a appeler", "numero pour appeler",
    "un numero que je peux appeler", "numero de telephone a appeler", "la hotline",
    "assistance telephonique", "le service client", "vous appeler", "vous telephoner",
)  # fmt: skip
# "Bertie, my spaniel": an aside that says what the value is opens with one of these.
POSSESSIVES = frozenset("mon ma mes notre nos".split())
# Words said before a question without changing it ("attendez, c'est quoi ...", "au fait, comment ...").
INTERJECTIONS = frozenset(
    "attendez attends pardon euh hum bon alors ah oh et mais au fait dites sinon ok".split()
)
# "On peut activer ?": asking to do it (the activation follows); "une fois activé, ...": what
# comes after it.
ASKING_TO_WORDS = ("peut", "peux", "pouvons", "pourrait", "pourrais", "puis")
AFTER_WORDS = ("apres", "une fois", "quand", "lorsque", "des que")
# What each FAQ answer is about, in the words of its answer (domain.yml, from the seeds): when the
# answer selector hesitates, the one answer whose subject the message names is chosen
# (reading/faq_topics.py). Phrases shared by two subjects name neither.
FAQ_TOPIC_PHRASES = {
    "expert_mode": ("mode expert", "en expert", "version expert"),
    "basic_vs_expert": ("simplifie", "mode simple", "basique", "difference", "plutot que"),
    "many_companies": (
        "plusieurs entreprises", "plusieurs societes", "chaque entreprise", "chaque societe",
        "par entreprise", "par societe", "mes clients", "nos clients", "portefeuille", "filiales",
        "combien d'entreprises", "combien de societes", "100 entreprises", "cent entreprises",
        "meme espace", "un seul espace", "meme compte", "un seul compte",
    ),
    # "Une fois activé", "after I activate" set a time, not a subject: any answer may follow them.
    "after_activation": (
        "et apres", "ensuite je", "adherer", "services en ligne", "suppleant", "delegue",
        "co-gerer",
    ),
    "efi_edi": ("efi", "edi", "sepa", "b2b", "prelevement", "echange de donnees"),
    "trust_question": ("question de confiance", "question secrete", "ma reponse", "surnom"),
    "password_advice": ("mot de passe", "mdp", "caracteres"),
    "deadline": (
        "48 heures", "48h", "48 h", "delai", "combien de temps", "jusqu'a quand", "valable",
        "encore valide", "reste valide",
    ),
    "empty_account": (
        "vide", "n'apparait", "n'apparaissent", "apparaitront", "apparaissent", "apparaitre",
        "aucun dossier", "mes dossiers",
    ),
    "data_protection": (
        "mes donnees", "vos donnees", "donnees personnelles", "rgpd", "cnil", "vie privee",
        "confidentialite", "droit d'acces", "rectification", "desabonner", "desabonnement",
    ),
    "certificate": ("certificat", "deja associee", "deja associe", "deja utilisee", "deja liee"),
}  # fmt: skip
