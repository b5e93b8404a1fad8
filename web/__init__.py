"""The assistant's own web routes, served by the Rasa server (a custom input channel)."""
