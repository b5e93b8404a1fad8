"""Components of the Rasa pipeline that are ours (config.yml)."""
