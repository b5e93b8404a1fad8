"""Texts of every problem the account service can report, in French and in English.

Codes are stable (the conversation and the tests rely on them); wording follows the reference
documents where they have one. Placeholders are filled by `account.i18n.render`.
"""

CATALOGUE = {
    # The conversation follows the language the user writes in (actions/language.py).
    "language.switched_by_sentence": {
        "fr": "Vous écrivez en français : je continue en français.",
        "en": "You are writing in English: I will continue in English.",
    },
    # Login e-mail
    "email.required": {
        "fr": "L'adresse électronique de connexion est obligatoire.",
        "en": "The login email address is required.",
    },
    "email.invalid": {
        "fr": "« {value} » n'est pas une adresse électronique valide (exemple : utilisateur@domaine.fr).",
        "en": "“{value}” is not a valid email address (for example: user@domain.com).",
    },
    "email.too_long": {
        "fr": "L'adresse électronique ne doit pas dépasser {max} caractères.",
        "en": "The email address must not be longer than {max} characters.",
    },
    "email.confirmation_mismatch": {
        "fr": "La confirmation ne correspond pas à l'adresse électronique saisie ({email}).",
        "en": "The confirmation does not match the email address you entered ({email}).",
    },
    "email.in_use": {
        "fr": "Cette adresse électronique est déjà associée à un autre espace professionnel, "
        "veuillez en saisir une autre ou vous mettre en relation avec le détenteur de cet espace. "
        "L'adresse électronique est l'identifiant unique de l'espace : une adresse ne peut être "
        "associée qu'à un seul espace.",
        "en": "This email address is already linked to another professional account: please enter "
        "another one or contact the holder of that account. The email address is the only "
        "username for an account: an address can only be linked to one account.",
    },
    "email.pending": {
        "fr": "Une création d'espace est déjà en attente d'activation pour cette adresse. Pendant le "
        "délai d'activation, il est impossible de redemander un code d'activation avec la même "
        "adresse électronique. Utilisez le code reçu avant le {deadline} ; passé ce délai, "
        "l'adresse sera de nouveau disponible.",
        "en": "An account set-up is already pending activation for this address. During the "
        "activation period you cannot request another activation code for the same email "
        "address. Use the code you received before {deadline}; after that, the address will be "
        "free again.",
    },
    "email.certificate_sole": {
        "fr": "Cette adresse électronique est associée à un espace avec certificat (nécessairement "
        "invalide) : la création d'un nouvel espace n'est pas possible. Vous en êtes le seul "
        "détenteur : optez pour l'accès sans certificat, qui vous permettra de conserver votre "
        "adresse électronique habituelle et de retrouver votre espace avec tous vos dossiers et "
        "services (fiche FOCUS « Opter pour l'accès avec une adresse électronique et un mot de "
        "passe »). Si vous ne déteniez aucun espace, choisissez une autre adresse électronique.",
        "en": "This email address is linked to an account with a certificate (necessarily invalid): "
        "a new account cannot be set up with it. You are its sole holder: opt for an account "
        "accessible without a certificate, which lets you keep your regular email address and "
        "all your company details and services (FOCUS Guide “Opting for an Account Accessible "
        "with an Email Address and Password”). If you have never had an account, choose a "
        "different email address.",
    },
    "email.certificate_shared": {
        "fr": "Cette adresse électronique est associée à plusieurs espaces avec certificat "
        "(nécessairement invalides) : la création d'un nouvel espace n'est pas possible. Vous "
        "n'en êtes pas le seul détenteur : optez pour l'accès sans certificat, mais vous devrez "
        "choisir une autre adresse électronique que l'habituelle ; un seul collaborateur peut "
        "conserver cette adresse (fiche FOCUS « Opter pour l'accès avec une adresse électronique "
        "et un mot de passe »). Si vous ne déteniez aucun espace, choisissez une autre adresse.",
        "en": "This email address is linked to several accounts with a certificate (necessarily "
        "invalid): a new account cannot be set up with it. You are not its sole holder: opt for "
        "an account accessible without a certificate, but you will have to choose a different "
        "email address than your regular one; only one employee can keep this address (FOCUS "
        "Guide “Opting for an Account Accessible with an Email Address and Password”). If you "
        "have never had an account, choose a different email address.",
    },
    # Password
    "password.required": {
        "fr": "Le mot de passe est obligatoire.",
        "en": "The password is required.",
    },
    "password.too_short": {
        "fr": "Le mot de passe doit comporter au moins {min} caractères (il en a {length}).",
        "en": "The password must be at least {min} characters long (it has {length}).",
    },
    "password.too_long": {
        "fr": "Le mot de passe ne doit pas dépasser {max} caractères.",
        "en": "The password must not be longer than {max} characters.",
    },
    "password.unprintable": {
        "fr": "Le mot de passe contient un caractère invisible ou de contrôle : saisissez-le de nouveau.",
        "en": "The password contains an invisible or control character: please type it again.",
    },
    "password.letters_and_digits": {
        "fr": "Le mot de passe doit contenir des lettres et des chiffres.",
        "en": "The password must contain both letters and digits.",
    },
    "password.spaces": {
        "fr": "Le mot de passe ne doit pas contenir d'espace.",
        "en": "The password must not contain spaces.",
    },
    "password.contains_email": {
        "fr": "Le mot de passe ne doit pas contenir votre adresse électronique (ni sa partie avant « @ »).",
        "en": "The password must not contain your email address (nor the part before “@”).",
    },
    "password.confirmation_mismatch": {
        "fr": "La confirmation ne correspond pas au mot de passe saisi. Saisissez de nouveau votre mot "
        "de passe, puis sa confirmation.",
        "en": "The confirmation does not match the password you entered. Please type your password "
        "again, then its confirmation.",
    },
    # Identity and contact
    "surname.required": {"fr": "Le nom est obligatoire.", "en": "The surname is required."},
    "surname.invalid": {
        "fr": "Le nom ne peut contenir que des lettres, des espaces, des traits d'union et des apostrophes.",
        "en": "The surname may only contain letters, spaces, hyphens and apostrophes.",
    },
    "surname.too_long": {
        "fr": "Le nom ne doit pas dépasser {max} caractères.",
        "en": "The surname must not be longer than {max} characters.",
    },
    "first_name.required": {
        "fr": "Le prénom est obligatoire.",
        "en": "The first name is required.",
    },
    "first_name.invalid": {
        "fr": "Le prénom ne peut contenir que des lettres, des espaces, des traits d'union et des apostrophes.",
        "en": "The first name may only contain letters, spaces, hyphens and apostrophes.",
    },
    "first_name.too_long": {
        "fr": "Le prénom ne doit pas dépasser {max} caractères.",
        "en": "The first name must not be longer than {max} characters.",
    },
    "phone.required": {
        "fr": "Le numéro de téléphone est obligatoire.",
        "en": "The telephone number is required.",
    },
    "phone.invalid": {
        "fr": "« {value} » n'est pas un numéro de téléphone valide. Saisissez un numéro français "
        "(01 23 45 67 89) ou international avec son indicatif (+44 20 7946 0958).",
        "en": "“{value}” is not a valid telephone number. Enter a French number (01 23 45 67 89) "
        "or an international one with its country code (+44 20 7946 0958).",
    },
    "street_number.invalid": {
        "fr": "Le numéro de voie doit être un nombre, éventuellement suivi de bis, ter, quater ou "
        "d'une lettre (exemple : 12, 12 bis, 12B).",
        "en": "The street number must be a number, possibly followed by bis, ter, quater or a "
        "letter (for example: 12, 12 bis, 12B).",
    },
    "street_type.invalid": {
        "fr": "La nature de la voie ne peut contenir que des lettres (exemple : rue, avenue, boulevard) "
        "et ne doit pas dépasser {max} caractères.",
        "en": "The street type may only contain letters (for example: rue, avenue, boulevard) and "
        "must not be longer than {max} characters.",
    },
    "street_name.invalid": {
        "fr": "Le libellé de la voie ne doit pas dépasser {max} caractères ni contenir de caractères de contrôle.",
        "en": "The street name must not be longer than {max} characters nor contain control characters.",
    },
    "complement.invalid": {
        "fr": "Le complément d'adresse ne doit pas dépasser {max} caractères ni contenir de caractères de contrôle.",
        "en": "The address complement must not be longer than {max} characters nor contain control characters.",
    },
    "postcode.invalid_france": {
        "fr": "Pour une adresse en France, le code postal comporte 5 chiffres (exemple : 75016).",
        "en": "For an address in France, the postcode has 5 digits (for example: 75016).",
    },
    "postcode.invalid_country": {
        "fr": "Ce code postal ne correspond pas au format du pays ({country}), par exemple : {example}.",
        "en": "This postcode does not match the format used in the country ({country}), for example: {example}.",
    },
    "postcode.invalid": {
        "fr": "Le code postal ne peut contenir que des lettres, des chiffres, des espaces et des "
        "traits d'union ({max} caractères au plus).",
        "en": "The postcode may only contain letters, digits, spaces and hyphens (at most {max} characters).",
    },
    "city.required": {"fr": "La ville est obligatoire.", "en": "The city is required."},
    "city.invalid": {
        "fr": "Le nom de la ville ne peut contenir que des lettres, des chiffres, des espaces, des "
        "traits d'union et des apostrophes ({max} caractères au plus).",
        "en": "The city may only contain letters, digits, spaces, hyphens and apostrophes (at most "
        "{max} characters).",
    },
    "country.required": {"fr": "Le pays est obligatoire.", "en": "The country is required."},
    "country.unknown": {
        "fr": "« {value} » n'est pas un pays connu. Saisissez son nom (exemple : France, Belgique) ou "
        "son code à deux lettres (FR, BE).",
        "en": "“{value}” is not a known country. Enter its name (for example: France, Belgium) or its "
        "two-letter code (FR, BE).",
    },
    # Trust question
    "trust_question.unknown": {
        "fr": "Choisissez l'une des questions de confiance proposées : {choices}.",
        "en": "Choose one of the trust questions offered: {choices}.",
    },
    "trust_answer.required": {
        "fr": "La réponse à la question de confiance est obligatoire.",
        "en": "The answer to the trust question is required.",
    },
    "trust_answer.invalid": {
        "fr": "La réponse à la question de confiance ne doit pas dépasser {max} caractères ni "
        "contenir de caractères de contrôle.",
        "en": "The answer to the trust question must not be longer than {max} characters nor contain "
        "control characters.",
    },
    # Pre-registration
    "registration.incomplete": {
        "fr": "Le formulaire d'inscription est incomplet ou invalide : {fields}.",
        "en": "The registration form is incomplete or invalid: {fields}.",
    },
    "registration.terms_not_accepted": {
        "fr": "Vous devez reconnaître avoir pris connaissance des conditions générales et les accepter "
        "sans restriction pour continuer.",
        "en": "You must acknowledge that you have read the terms and conditions and accept them "
        "without restriction to continue.",
    },
    "registration.too_many": {
        "fr": "Trop de pré-inscriptions ont été faites depuis cette conversation au cours de la dernière "
        "heure. Vos informations sont conservées : vous pourrez valider de nouveau après le {after}.",
        "en": "Too many pre-registrations were made from this conversation in the last hour. Your details "
        "are kept: you can confirm again after {after}.",
    },
    "registration.mail_failed": {
        "fr": "Le courriel contenant votre code d'activation n'a pas pu être envoyé ; votre "
        "pré-inscription n'a pas été enregistrée. Veuillez réessayer dans quelques minutes.",
        "en": "The email with your activation code could not be sent; your pre-registration was not "
        "recorded. Please try again in a few minutes.",
    },
    # Activation
    "activation.code_format": {
        "fr": "Le code d'activation comporte 12 caractères (lettres et chiffres), tel que reçu dans "
        "votre messagerie. Il ne s'agit pas de votre mot de passe.",
        "en": "The activation code has 12 characters (letters and digits), as received in your "
        "email inbox. It is not your password.",
    },
    "activation.wrong_code": {
        "fr": "Ce code d'activation ne correspond pas à cette adresse électronique. Vérifiez le code "
        "reçu par courriel (majuscules et minuscules comptent) et l'adresse de connexion. "
        "Il vous reste {remaining} essai(s) avant un blocage de {minutes} minutes.",
        "en": "This activation code does not match this email address. Check the code you received "
        "by email (upper and lower case matter) and the login address. You have {remaining} "
        "attempt(s) left before a {minutes}-minute block.",
    },
    "activation.expired": {
        "fr": "Ce code d'activation a expiré : le délai de {hours} heures est dépassé. Vous devez reprendre "
        "la procédure de création au début pour recevoir un nouveau code ; l'adresse "
        "électronique est de nouveau disponible.",
        "en": "This activation code has expired: the {hours}-hour period is over. You have to start the "
        "set-up procedure again from the beginning to receive a new code; the email address is "
        "free again.",
    },
    "activation.used": {
        "fr": "Ce code d'activation a déjà été utilisé : l'espace professionnel de cette adresse est "
        "déjà activé. Un code ne peut servir qu'une seule fois.",
        "en": "This activation code has already been used: the professional account for this "
        "address is already activated. A code can only be used once.",
    },
    "activation.locked": {
        "fr": "Trop de codes erronés ont été saisis pour cette adresse électronique. Par sécurité, "
        "les essais sont suspendus : réessayez après le {until}.",
        "en": "Too many wrong codes were entered for this email address. For security, attempts are "
        "suspended: try again after {until}.",
    },
    # CAPTCHA
    "captcha.wrong": {
        "fr": "Les caractères saisis ne correspondent pas à l'image. Une nouvelle image vous est proposée.",
        "en": "The characters you entered do not match the image. Here is a new image.",
    },
    "captcha.expired": {
        "fr": "Cette image a expiré ou a déjà servi. Une nouvelle image vous est proposée.",
        "en": "This image has expired or was already used. Here is a new image.",
    },
}
