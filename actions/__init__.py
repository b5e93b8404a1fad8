"""Rasa SDK adapters over the account service in `bot/`: they translate slots into calls of the
service and its results into responses. No rule of the procedure is written here."""
