"""Which answers are secrets: what stores and logs must never keep in clear."""

# The form slots whose answers are typed secrets (the slots themselves keep a hash or a marker).
SECRET_SLOTS = frozenset({"password", "password_confirmation", "activation_code"})
REDACTED = "[masqué / redacted]"
